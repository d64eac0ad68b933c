package connector

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// excludedMethods are the kinds of service method that have no action of
// their own, with the reason. Only helpers belong here, never a Stripe
// endpoint: a new endpoint gets an action.
var excludedMethods = map[string]string{
	// A page walker (All, SearchAll, AllLineItems, LinesAll: a method
	// returning an iter.Seq2) fetches every page of a list method; the list
	// action's returnAll does that (checked below).
	"walker": "covered by returnAll of the list action",
	// Poller builds a stripe.Poller over List: a polling trigger, not a
	// one-shot action (see PollingTriggers).
	"Poller": "a polling trigger, not an action",
}

// serviceMethod is one exported method of a service of *stripe.Client.
type serviceMethod struct {
	service string // the Client field, e.g. "Customers"
	method  string
	typ     reflect.Type
}

// serviceMethods walks *stripe.Client's service fields by reflection.
func serviceMethods() []serviceMethod {
	var out []serviceMethod
	ct := reflect.TypeFor[stripe.Client]()
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct ||
			!strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for m := 0; m < f.Type.NumMethod(); m++ {
			out = append(out, serviceMethod{service: f.Name, method: f.Type.Method(m).Name, typ: f.Type})
		}
	}
	return out
}

func isWalker(m serviceMethod) bool {
	mt, _ := m.typ.MethodByName(m.method)
	return mt.Type.NumOut() == 1 && mt.Type.Out(0).Kind() == reflect.Func
}

// TestEveryMethodHasAnAction fails on any service method of *stripe.Client
// without its action, other than the helpers in excludedMethods.
func TestEveryMethodHasAnAction(t *testing.T) {
	t.Parallel()
	methods := serviceMethods()
	require.GreaterOrEqual(t, len(methods), 78, "the walk finds the client's services")
	var missing []string
	covered := map[string]bool{}
	for _, m := range methods {
		switch {
		case m.method == "Poller":
			continue
		case isWalker(m):
			// returnAll on the list method the walker pages through.
			var list string
			for _, other := range methods {
				if other.service == m.service && !isWalker(other) && other.method != "Poller" {
					if w, ok := walkerOf(m.typ, other.method); ok && w == m.method {
						list = actionName(other.service, other.method)
					}
				}
			}
			a, ok := Lookup(list)
			if assert.True(t, ok, "%s.%s: no list action to carry returnAll", m.service, m.method) {
				assert.True(t, slices.ContainsFunc(a.Fields, func(f Field) bool { return f.Name == "returnAll" }),
					"%s has no returnAll field, which %s.%s is excluded for", list, m.service, m.method)
			}
			continue
		}
		name := actionName(m.service, m.method)
		covered[name] = true
		if _, ok := Lookup(name); !ok {
			missing = append(missing, m.service+"."+m.method+" -> "+name)
		}
	}
	assert.Empty(t, missing, "service methods without an action")
	for _, g := range generatedMethods {
		service, method, _ := strings.Cut(g, ".")
		a, ok := Lookup(actionName(service, method))
		require.True(t, ok, g)
		assert.NoError(t, a.err, g)
		n := 0
		for _, b := range Actions() {
			if b.Name == a.Name {
				n++
			}
		}
		assert.Equal(t, 1, n, "%s is hand-written and generated both", a.Name)
	}
	for _, a := range Actions() {
		if !strings.HasPrefix(a.Name, "stripe.find") { // search-backed finds
			assert.True(t, covered[a.Name], "%s calls no service method of that name", a.Name)
		}
	}
}

func TestActionName(t *testing.T) {
	t.Parallel()
	for m, want := range map[[2]string]string{
		{"Charges", "Capture"}:                "stripe.captureCharge",
		{"Charges", "List"}:                   "stripe.listCharges",
		{"Customers", "Search"}:               "stripe.searchCustomers",
		{"Invoices", "Lines"}:                 "stripe.listInvoiceLines",
		{"Invoices", "MarkUncollectible"}:     "stripe.markInvoiceUncollectible",
		{"Balance", "Get"}:                    "stripe.getBalance",
		{"BalanceTransactions", "List"}:       "stripe.listBalanceTransactions",
		{"Cards", "Create"}:                   "stripe.addCard",
		{"CheckoutSessions", "Expire"}:        "stripe.expireCheckoutSession",
		{"CheckoutSessions", "ListLineItems"}: "stripe.listCheckoutSessionLineItems",
		{"SubscriptionItems", "Delete"}:       "stripe.deleteSubscriptionItem",
		{"BillingPortalSessions", "Create"}:   "stripe.createBillingPortalSession",
	} {
		assert.Equal(t, want, actionName(m[0], m[1]))
	}
}
