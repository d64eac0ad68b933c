package stripe

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/go-querystring/query"
)

// Ptr returns a pointer to v. Optional params are pointers so that "not set",
// the zero value (auto_advance=false) and the empty string (description=,
// which clears a field) are three different things:
//
//	&stripe.InvoiceCreateParams{AutoAdvance: stripe.Ptr(false)}
func Ptr[T any](v T) *T { return &v }

// Params holds the per-request options every params type embeds.
// None of them is sent in the form body except Expand.
type Params struct {
	// IdempotencyKey is sent as the Idempotency-Key header on POST requests.
	// When empty, the client generates a UUIDv4 key, so a retried POST is
	// never applied twice. Reuse the same key to safely repeat a logical call.
	IdempotencyKey string `url:"-"`
	// StripeAccount makes the request on behalf of a connected account
	// (Stripe-Account header); it overrides WithStripeAccount.
	StripeAccount string `url:"-"`
	// Expand lists fields to expand in the response, sent as expand[0]=...
	Expand Array[string] `url:"expand,omitempty"`

	extras   []extraParam // see AddExtra; never appended to in place
	extraErr error        // the first invalid AddExtra key
}

type extraParam struct{ key, value string }

func (p *Params) params() *Params { return p }

// AddExtra sends key=value in addition to the params struct's fields, for a
// parameter the struct does not have (yet). key is the form key in Stripe's
// bracket syntax, as Stripe's docs write it:
//
//	p := &stripe.PaymentIntentConfirmParams{}
//	p.AddExtra("payment_method_options[card][request_three_d_secure]", "any")
//
// Adding the same key again replaces its value. A key that is empty, holds
// '&', '=', '#', '?', spaces or control characters, or has unbalanced
// brackets, and a key the struct itself sets (or a key nested in, or
// containing, one it sets), make the call fail before any request.
func (p *Params) AddExtra(key, value string) {
	if err := checkExtraKey(key); err != nil {
		if p.extraErr == nil {
			p.extraErr = err
		}
		return
	}
	// A fresh slice each time: copies of p (a list walk copies the
	// caller's params) must not see each other's extras.
	extras := make([]extraParam, 0, len(p.extras)+1)
	for _, e := range p.extras {
		if e.key != key {
			extras = append(extras, e)
		}
	}
	p.extras = append(extras, extraParam{key, value})
}

// checkExtraKey accepts name, name[a], name[a][b], ... (and name[] for an
// array), with no character that would change the form's meaning.
func checkExtraKey(key string) error {
	bad := func(why string) error {
		return fmt.Errorf("stripe: AddExtra: invalid key %q: %s", redact(oneLine(key)), why)
	}
	if key == "" {
		return bad("empty")
	}
	if strings.ContainsAny(key, "&=#?+%") {
		return bad("must not contain &, =, #, ?, + or %")
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; c <= ' ' || c == 0x7f {
			return bad("contains a space or control character")
		}
	}
	name, rest, _ := strings.Cut(key, "[")
	if name == "" || strings.Contains(name, "]") {
		return bad("must start with a name")
	}
	if rest == "" {
		if strings.HasSuffix(key, "[") {
			return bad("unbalanced brackets")
		}
		return nil
	}
	// rest is what follows the first '[': "a]", "a][b]", "]".
	for rest != "" {
		inner, after, ok := strings.Cut(rest, "]")
		if !ok || strings.Contains(inner, "[") {
			return bad("unbalanced brackets")
		}
		if after == "" {
			return nil
		}
		if after[0] != '[' {
			return bad("text after a ']' must start a new '['")
		}
		rest = after[1:]
	}
	return bad("unbalanced brackets")
}

// addExtras adds p's extras to form (which the caller owns), refusing a key
// the struct already set: an extra never silently overrides a field.
func addExtras(form url.Values, p *Params) error {
	if p.extraErr != nil {
		return p.extraErr
	}
	for _, e := range p.extras {
		for k := range form {
			if k == e.key || strings.HasPrefix(k, e.key+"[") || strings.HasPrefix(e.key, k+"[") {
				return fmt.Errorf("stripe: AddExtra: key %q collides with %q, which the params struct sets", redact(e.key), redact(k))
			}
		}
	}
	for _, e := range p.extras {
		form.Set(e.key, e.value)
	}
	return nil
}

// encodedForm is params already encoded, with the Params that go in headers;
// the list and search walkers send it.
type encodedForm struct {
	form url.Values
	p    *Params
}

// encodeParams turns what Client.Do accepts as params (nil, a params
// struct or a pointer to one, url.Values) into the form to send and the
// per-request Params (nil when there are none). The caller's params are
// never changed.
func encodeParams(params any) (url.Values, *Params, error) {
	switch v := params.(type) {
	case nil:
		return nil, nil, nil
	case url.Values:
		return v, nil, nil
	case *url.Values:
		if v == nil {
			return nil, nil, nil
		}
		return *v, nil, nil
	case *encodedForm:
		return v.form, v.p, nil
	}
	if isNilParams(params) {
		return nil, nil, nil
	}
	form, err := encodeForm(params)
	if err != nil {
		return nil, nil, err
	}
	var p *Params
	if ph, ok := params.(paramsHolder); ok {
		p = ph.params()
		if p.extraErr != nil || len(p.extras) > 0 {
			if form == nil {
				form = url.Values{}
			}
			if err := addExtras(form, p); err != nil {
				return nil, nil, err
			}
		}
	}
	return form, p, nil
}

// paramsHolder is implemented by every params type through the embedded
// Params or RequestOptions.
type paramsHolder interface{ params() *Params }

// Metadata is a set of key-value pairs attached to an object. It is sent as
// metadata[key]=value; an empty value unsets that key on update.
// Keys may not contain '[' or ']'.
type Metadata map[string]string

// EncodeValues implements query.Encoder.
func (m Metadata) EncodeValues(key string, v *url.Values) error {
	for k, val := range m {
		if k == "" || strings.ContainsAny(k, "[]") {
			return fmt.Errorf("stripe: invalid metadata key %q: must be non-empty and contain no '[' or ']'", redact(k))
		}
		v.Set(key+"["+k+"]", val)
	}
	return nil
}

// Array is a list param sent in Stripe's indexed form: expand[0]=a&expand[1]=b
// for scalars, items[0][price]=p&items[0][quantity]=2 for structs.
// A plain []T literal can be assigned to it.
type Array[T any] []T

// EncodeValues implements query.Encoder.
func (a Array[T]) EncodeValues(key string, v *url.Values) error {
	for i := range a {
		prefix := key + "[" + strconv.Itoa(i) + "]"
		if enc, ok := any(a[i]).(query.Encoder); ok {
			if err := enc.EncodeValues(prefix, v); err != nil {
				return err
			}
			continue
		}
		elem := reflect.ValueOf(&a[i]).Elem()
		for elem.Kind() == reflect.Pointer {
			if elem.IsNil() {
				return fmt.Errorf("stripe: %s[%d] is nil", key, i)
			}
			elem = elem.Elem()
		}
		if elem.Kind() != reflect.Struct {
			v.Set(prefix, formatScalar(elem, needsFmt(elem.Type())))
			continue
		}
		// "price_data[currency]" is sent as "items[0][price_data][currency]".
		if err := encodeStruct(v, elem, prefix); err != nil {
			return err
		}
	}
	return nil
}

// Union is a param that Stripe accepts either as a number or boolean or as
// a keyword, such as trial_end (a Unix time or "now"), cancel_at (a Unix
// time, "max_period_end" or "min_period_end") and off_session (true, false,
// "one_off" or "recurring"). Build one with [Int], [Bool] or [Keyword]; the
// zero Union is not sent.
//
//	&stripe.SubscriptionCreateParams{TrialEnd: stripe.Keyword("now")}
//	&stripe.SubscriptionCreateParams{TrialEnd: stripe.Int(1767225600)}
//	&stripe.PaymentIntentCreateParams{OffSession: stripe.Keyword("one_off")}
type Union struct {
	v   string
	set bool
}

// Int is a Union holding an integer, such as a Unix time.
func Int(n int64) Union { return Union{v: strconv.FormatInt(n, 10), set: true} }

// Bool is a Union holding true or false.
func Bool(b bool) Union { return Union{v: strconv.FormatBool(b), set: true} }

// Keyword is a Union holding one of Stripe's keywords ("now", "one_off",
// ...). Keyword("") sends an empty value, which clears the field on update
// where Stripe allows it.
func Keyword(k string) Union { return Union{v: k, set: true} }

// IsZero reports whether u is unset (and so not sent).
func (u Union) IsZero() bool { return !u.set }

// String returns the value as sent.
func (u Union) String() string { return u.v }

// EncodeValues implements query.Encoder.
func (u Union) EncodeValues(key string, v *url.Values) error {
	if u.set {
		v.Set(key, u.v)
	}
	return nil
}

// RequestOptions is Params without Expand: the per-request options of
// the params of calls whose endpoint accepts no expand, such as deleting
// a customer. It is never sent in the form body.
type RequestOptions struct {
	// IdempotencyKey is sent as the Idempotency-Key header on POST
	// requests; see Params.IdempotencyKey.
	IdempotencyKey string `url:"-"`
	// StripeAccount makes the request on behalf of a connected account
	// (Stripe-Account header); it overrides WithStripeAccount.
	StripeAccount string `url:"-"`
}

func (o *RequestOptions) params() *Params {
	return &Params{IdempotencyKey: o.IdempotencyKey, StripeAccount: o.StripeAccount}
}

// RangeQuery filters a list by a range of integer values, typically Unix
// timestamps: created[gt]=..., created[lte]=...
type RangeQuery struct {
	GT  *int64 `url:"gt,omitempty"`
	GTE *int64 `url:"gte,omitempty"`
	LT  *int64 `url:"lt,omitempty"`
	LTE *int64 `url:"lte,omitempty"`
}

// encodeForm turns a params struct (or nil) into form values. It follows
// go-querystring's rules exactly, but works from a per-type plan built once,
// so a request pays for no tag parsing and little reflection.
func encodeForm(params any) (url.Values, error) {
	if isNilParams(params) {
		return nil, nil
	}
	val := reflect.ValueOf(params)
	for val.Kind() == reflect.Pointer {
		val = val.Elem()
	}
	if val.Kind() != reflect.Struct {
		return nil, fmt.Errorf("stripe: encoding params: query: Values() expects struct input. Got %v", val.Kind())
	}
	plan := planFor(val.Type())
	if plan.fallback {
		v, err := query.Values(params)
		if err != nil {
			return nil, fmt.Errorf("stripe: encoding params: %w", err)
		}
		return v, nil
	}
	v := make(url.Values, plan.sizeHint)
	if err := plan.encode(&v, val, ""); err != nil {
		return nil, fmt.Errorf("stripe: encoding params: %w", err)
	}
	return v, nil
}

// encodeStruct adds the fields of the struct val to v under scope, as
// go-querystring would.
func encodeStruct(v *url.Values, val reflect.Value, scope string) error {
	plan := planFor(val.Type())
	if !plan.fallback {
		return plan.encode(v, val, scope)
	}
	sub, err := query.Values(val.Interface())
	if err != nil {
		return err
	}
	for k, vals := range sub {
		head, rest, _ := strings.Cut(k, "[")
		if rest != "" {
			rest = "[" + rest
		}
		(*v)[scope+"["+head+"]"+rest] = vals
	}
	return nil
}

// formPlan is how one struct type encodes: its fields in order, then its
// embedded structs, which share the parent's scope.
type formPlan struct {
	fields   []formField
	embedded []int // indexes of embedded structs, encoded after the fields
	sizeHint int
	// fallback is set when the type uses something the plan does not
	// cover (tag options other than omitempty, time.Time, plain slices,
	// maps or interfaces without an encoder); go-querystring encodes it.
	fallback bool
}

type formField struct {
	index     int
	name      string // the url tag name, or the Go field name
	bracketed string // "[" + name + "]", for fields under a scope
	omitEmpty bool
	encoder   bool      // the field's type implements query.Encoder
	sub       *formPlan // the struct the field points to, if it does
	useFmt    bool      // its value is formatted by fmt, see formatScalar
}

var (
	encoderType = reflect.TypeOf((*query.Encoder)(nil)).Elem()
	timeType    = reflect.TypeOf(time.Time{})
	formPlans   sync.Map // reflect.Type -> *formPlan
)

func planFor(t reflect.Type) *formPlan {
	if p, ok := formPlans.Load(t); ok {
		return p.(*formPlan)
	}
	p := buildPlan(t, map[reflect.Type]*formPlan{})
	actual, _ := formPlans.LoadOrStore(t, p)
	return actual.(*formPlan)
}

// buildPlan builds t's plan; seen breaks cycles through pointer fields.
func buildPlan(t reflect.Type, seen map[reflect.Type]*formPlan) *formPlan {
	if p, ok := seen[t]; ok {
		return p
	}
	p := &formPlan{}
	seen[t] = p
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.PkgPath != "" && !sf.Anonymous {
			continue
		}
		tag := sf.Tag.Get("url")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		switch opts {
		case "", "omitempty":
		default:
			p.fallback = true
		}
		if sf.Tag.Get("del") != "" || sf.Tag.Get("layout") != "" {
			p.fallback = true
		}
		if name == "" && sf.Anonymous {
			if sf.Type.Kind() == reflect.Struct {
				p.embedded = append(p.embedded, i)
				sub := buildPlan(sf.Type, seen)
				p.sizeHint += sub.sizeHint
				p.fallback = p.fallback || sub.fallback
				continue
			}
			if indirectType(sf.Type).Kind() == reflect.Struct {
				p.fallback = true // an embedded pointer: rare, left to go-querystring
				continue
			}
		}
		if name == "" {
			name = sf.Name
		}
		f := formField{index: i, name: name, bracketed: "[" + name + "]", omitEmpty: opts == "omitempty"}
		if sf.Type.Implements(encoderType) {
			f.encoder = true
		} else {
			base := indirectType(sf.Type)
			f.useFmt = needsFmt(base)
			switch {
			case base == timeType:
				p.fallback = true
			case base.Kind() == reflect.Struct:
				f.sub = buildPlan(base, seen)
				p.fallback = p.fallback || f.sub.fallback
			case base.Kind() == reflect.Slice, base.Kind() == reflect.Array,
				base.Kind() == reflect.Map, base.Kind() == reflect.Interface:
				p.fallback = true
			}
		}
		p.fields = append(p.fields, f)
		p.sizeHint++
	}
	return p
}

func indirectType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// encode adds val's fields to *values; a pointer, so that the encoders it
// calls get it without a copy escaping to the heap on every call.
func (p *formPlan) encode(values *url.Values, val reflect.Value, scope string) error {
	for i := range p.fields {
		f := &p.fields[i]
		sv := val.Field(f.index)
		if f.omitEmpty && isEmptyValue(sv) {
			continue
		}
		name := f.name
		if scope != "" {
			name = scope + f.bracketed
		}
		if f.encoder {
			if sv.Kind() == reflect.Pointer && sv.IsNil() && sv.Type().Elem().Implements(encoderType) {
				sv = reflect.New(sv.Type().Elem())
			}
			if err := sv.Interface().(query.Encoder).EncodeValues(name, values); err != nil {
				return err
			}
			continue
		}
		for sv.Kind() == reflect.Pointer && !sv.IsNil() {
			sv = sv.Elem()
		}
		if f.sub != nil && sv.Kind() == reflect.Struct {
			if err := f.sub.encode(values, sv, name); err != nil {
				return err
			}
			continue
		}
		(*values)[name] = append((*values)[name], formatScalar(sv, f.useFmt))
	}
	for _, i := range p.embedded {
		if err := planFor(val.Type().Field(i).Type).encode(values, val.Field(i), scope); err != nil {
			return err
		}
	}
	return nil
}

var (
	stringerType  = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	errorType     = reflect.TypeOf((*error)(nil)).Elem()
	formatterType = reflect.TypeOf((*fmt.Formatter)(nil)).Elem()
)

// needsFmt reports whether values of t must go through fmt.Sprint: they
// format themselves, or are not a plain string, integer or bool.
func needsFmt(t reflect.Type) bool {
	if t.Implements(stringerType) || t.Implements(errorType) || t.Implements(formatterType) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return false
	}
	return true
}

// formatScalar is fmt.Sprint(v.Interface()) (go-querystring's rule, with a
// nil pointer as ""), without boxing for plain strings, integers and bools;
// useFmt is needsFmt of v's type.
func formatScalar(v reflect.Value, useFmt bool) string {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return ""
	}
	if useFmt {
		return fmt.Sprint(v.Interface())
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	}
	return fmt.Sprint(v.Interface())
}

// isEmptyValue is go-querystring's omitempty test.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	return false
}

func isNilParams(params any) bool {
	if params == nil {
		return true
	}
	rv := reflect.ValueOf(params)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
