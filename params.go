package stripe

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"

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
}

func (p *Params) params() *Params { return p }

// paramsHolder is implemented by every params type through the embedded Params.
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
		elem := reflect.ValueOf(&a[i]).Elem()
		for elem.Kind() == reflect.Pointer {
			if elem.IsNil() {
				return fmt.Errorf("stripe: %s[%d] is nil", key, i)
			}
			elem = elem.Elem()
		}
		prefix := key + "[" + strconv.Itoa(i) + "]"
		if elem.Kind() != reflect.Struct {
			v.Set(prefix, fmt.Sprint(elem.Interface()))
			continue
		}
		sub, err := query.Values(elem.Interface())
		if err != nil {
			return err
		}
		for k, vals := range sub {
			// "price_data[currency]" becomes "items[0][price_data][currency]".
			head, rest, _ := strings.Cut(k, "[")
			if rest != "" {
				rest = "[" + rest
			}
			(*v)[prefix+"["+head+"]"+rest] = vals
		}
	}
	return nil
}

// RangeQuery filters a list by a range of integer values, typically Unix
// timestamps: created[gt]=..., created[lte]=...
type RangeQuery struct {
	GT  *int64 `url:"gt,omitempty"`
	GTE *int64 `url:"gte,omitempty"`
	LT  *int64 `url:"lt,omitempty"`
	LTE *int64 `url:"lte,omitempty"`
}

// encodeForm turns a params struct (or nil) into form values.
func encodeForm(params any) (url.Values, error) {
	if isNilParams(params) {
		return nil, nil
	}
	v, err := query.Values(params)
	if err != nil {
		return nil, fmt.Errorf("stripe: encoding params: %w", err)
	}
	return v, nil
}

func isNilParams(params any) bool {
	if params == nil {
		return true
	}
	rv := reflect.ValueOf(params)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
