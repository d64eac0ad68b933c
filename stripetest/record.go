package stripetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// meta is what every stored object has: its ID and kind, which are on the
// wire, and its place in creation order, deletion mark and store time,
// which are internal. Internal fields have JSON names starting with "_":
// state files keep them, responses never show them.
type meta struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Seq    int64  `json:"_seq"`
	// Deleted marks an object deleted through the API; it stays stored, so
	// a Get can answer with the deleted stub where Stripe does.
	Deleted bool `json:"_deleted,omitempty"`
	// Stored is when the object was stored (Unix seconds), the creation
	// time of kinds with no created field on the wire (see createdOf).
	Stored int64 `json:"_stored,omitempty"`
}

func (m *meta) base() *meta { return m }

// record is a stored object: a pointer to its resource's struct, which
// embeds meta. Each resource file defines its struct with the fields of
// the pinned API version (JSON names and null-ability as on the wire).
type record interface{ base() *meta }

// timed is a record with a created field on the wire.
type timed interface {
	record
	createdAt() int64
}

// composite is a record whose rendered form includes other stored objects
// (a subscription's items): complete adds them to its tree.
type composite interface {
	record
	complete(s *Server, t obj)
}

// createdOf is when rec was created: its created field, or when it was
// stored for kinds without one.
func createdOf(rec record) int64 {
	if t, ok := rec.(timed); ok {
		return t.createdAt()
	}
	return rec.base().Stored
}

// tree is rec as a JSON tree (maps, slices, strings, int64, float64,
// bools, nil) without its internal fields: the form render expands and
// responses encode.
func (s *Server) tree(rec record) obj {
	t, ok := valueTree(rec).(obj)
	if !ok {
		panic(fmt.Sprintf("stripetest: render %s %s: not a JSON object", rec.base().Object, rec.base().ID)) // a bug in a record type
	}
	if c, ok := rec.(composite); ok {
		c.complete(s, t)
	}
	return t
}

// decodeTree decodes a JSON object into a tree, numbers as int64 (or
// float64 for fractions); internal ("_") keys are dropped unless keep.
func decodeTree(b []byte, keep bool) (obj, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	t, ok := numbers(v).(obj)
	if !ok {
		return nil, fmt.Errorf("not a JSON object")
	}
	if !keep {
		dropInternal(t)
	}
	return t, nil
}

// dropInternal deletes the internal ("_") keys of a tree at every depth.
func dropInternal(v any) {
	switch x := v.(type) {
	case obj:
		for k, e := range x {
			if strings.HasPrefix(k, "_") {
				delete(x, k)
				continue
			}
			dropInternal(e)
		}
	case []any:
		for _, e := range x {
			dropInternal(e)
		}
	}
}

// getAs finds a live (not deleted) object of kind by id in the acting
// store, or returns a 404 naming it.
func getAs[T record](s *Server, kind, id string) (T, error) {
	var zero T
	rec, ok := s.st.byID[id]
	if !ok || rec.base().Object != kind || rec.base().Deleted {
		return zero, notFound(strings.ReplaceAll(kind, "_", " "), id, "id")
	}
	return mustBe[T](rec), nil
}

// lookupAs returns the stored object with id if it is a T, deleted ones
// included.
func lookupAs[T record](st *store, id string) (T, bool) {
	rec, ok := st.byID[id]
	if !ok {
		var zero T
		return zero, false
	}
	t, ok := rec.(T)
	return t, ok
}

// allOf returns the stored objects of kind in creation order, deleted
// ones included, as a new slice (callers may remove while ranging).
func allOf[T record](st *store, kind string) []T {
	list := st.kinds[kind]
	out := make([]T, 0, len(list))
	for _, rec := range list {
		out = append(out, mustBe[T](rec))
	}
	return out
}

// mustBe asserts a stored object's type. Every object of a kind has its
// resource's type, so a mismatch is a bug in stripetest; the panic becomes
// a 500 naming it.
func mustBe[T record](rec record) T {
	t, ok := rec.(T)
	if !ok {
		var zero T
		panic(fmt.Sprintf("stripetest: %s %s is a %T, not a %T", rec.base().Object, rec.base().ID, rec, zero))
	}
	return t
}

// recordKinds makes an empty record of each stored kind's type, by the
// kind's object name: every kind a store may hold is listed here.
var recordKinds = map[string]func() record{
	"balance_transaction":          func() record { return new(balanceTransaction) },
	"billing.meter_event":          func() record { return new(meterEvent) },
	"billing_portal.session":       func() record { return new(billingPortalSession) },
	"card":                         func() record { return new(card) },
	"charge":                       func() record { return new(charge) },
	"checkout.session":             func() record { return new(checkoutSession) },
	"coupon":                       func() record { return new(coupon) },
	"credit_note":                  func() record { return new(creditNote) },
	"customer":                     func() record { return new(customer) },
	"customer_balance_transaction": func() record { return new(customerBalanceTransaction) },
	"discount":                     func() record { return new(discount) },
	"dispute":                      func() record { return new(dispute) },
	"event":                        func() record { return new(event) },
	"invoice":                      func() record { return new(invoice) },
	"invoiceitem":                  func() record { return new(invoiceItem) },
	"oauth_code":                   func() record { return new(oauthCode) },
	"oauth_connection":             func() record { return new(oauthConnection) },
	"oauth_refresh_token":          func() record { return new(oauthRefreshToken) },
	"payment_intent":               func() record { return new(paymentIntent) },
	"payment_link":                 func() record { return new(paymentLink) },
	"payment_method":               func() record { return new(paymentMethod) },
	"payout":                       func() record { return new(payout) },
	"price":                        func() record { return new(price) },
	"product":                      func() record { return new(product) },
	"promotion_code":               func() record { return new(promotionCode) },
	"refund":                       func() record { return new(refund) },
	"setup_intent":                 func() record { return new(setupIntent) },
	"subscription":                 func() record { return new(subscription) },
	"subscription_item":            func() record { return new(subscriptionItem) },
	"tax_id":                       func() record { return new(taxID) },
	"tax_rate":                     func() record { return new(taxRate) },
	"test_helpers.test_clock":      func() record { return new(testClock) },
	"transfer":                     func() record { return new(transfer) },
	"webhook_endpoint":             func() record { return new(webhookEndpoint) },
}

// newRecord returns an empty record of kind's type, which a state file's
// objects load into; nil for an unknown kind.
func newRecord(kind string) record {
	if mk, ok := recordKinds[kind]; ok {
		return mk()
	}
	return nil
}

// cloneRecord deep-copies a record, internal fields included: a handler
// applies params to the copy, so a bad param leaves the stored object as
// it was, and copies the result back.
func cloneRecord[T record](x T) T {
	b, err := json.Marshal(x)
	if err != nil {
		panic(fmt.Sprintf("stripetest: copy %s: %v", x.base().ID, err)) // a bug in a record type
	}
	c := reflect.New(reflect.TypeOf(x).Elem()).Interface().(T)
	if err := json.Unmarshal(b, c); err != nil {
		panic(fmt.Sprintf("stripetest: copy %s: %v", x.base().ID, err))
	}
	return c
}

// valueTree is v, a typed value, as a JSON tree value without internal
// fields (an object is an obj).
func valueTree(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("stripetest: render %T: %v", v, err)) // a bug in a stored type
	}
	b = append(append([]byte(`{"v":`), b...), '}')
	t, err := decodeTree(b, false)
	if err != nil {
		panic(fmt.Sprintf("stripetest: render %T: %v", v, err))
	}
	return t["v"]
}
