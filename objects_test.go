package stripe

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpandableDecodesIDObjectOrNull(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Expandable[Customer]{
		`"cus_123"`:        {ID: "cus_123"},
		`"cus_\u00e9"`:     {ID: "cus_é"},
		`"a\\b"`:           {ID: `a\b`},
		`"caf` + "é" + `"`: {ID: "café"},
		`""`:               {},
		`null`:             {},
		`{"id":"cus_9","object":"customer","email":"a@example.com"}`: {ID: "cus_9", Object: &Customer{ID: "cus_9", Object: "customer", Email: "a@example.com"}},
	} {
		var got struct {
			C Expandable[Customer] `json:"c"`
		}
		require.NoError(t, json.Unmarshal([]byte(`{"c":`+in+`}`), &got), in)
		assert.Equal(t, want, got.C, in)
	}
	var bad struct {
		C Expandable[Customer] `json:"c"`
	}
	assert.Error(t, json.Unmarshal([]byte(`{"c":5}`), &bad))
}

func TestExpandableMarshalsBack(t *testing.T) {
	t.Parallel()
	for want, e := range map[string]Expandable[Customer]{
		`"cus_1"`: {ID: "cus_1"},
		`null`:    {},
	} {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	b, err := json.Marshal(Expandable[Deleted]{ID: "x", Object: &Deleted{ID: "x", Object: "customer", Deleted: true}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x","object":"customer","deleted":true}`, string(b))
}

// Fields Stripe lets callers expand but this package does not model decode
// both ways, so an expand never turns a successful call into an error.
func TestUnmodelledExpandablesDecode(t *testing.T) {
	t.Parallel()
	var sub Subscription
	require.NoError(t, json.Unmarshal([]byte(`{"id":"sub_1","object":"subscription",
		"schedule":{"id":"sub_sched_1","object":"subscription_schedule","phases":[]},
		"test_clock":"clock_1","on_behalf_of":{"id":"acct_1","object":"account"},"application":null}`), &sub))
	assert.Equal(t, "sub_sched_1", sub.Schedule.ID)
	assert.Equal(t, "subscription_schedule", sub.Schedule.Object.Object)
	assert.Equal(t, "clock_1", sub.TestClock.ID)
	assert.Equal(t, "acct_1", sub.OnBehalfOf.ID)
	assert.Empty(t, sub.Application.ID)

	var inv Invoice
	require.NoError(t, json.Unmarshal([]byte(`{"id":"in_1","test_clock":{"id":"clock_1","object":"test_helpers.test_clock"},"application":"ca_1"}`), &inv))
	assert.Equal(t, "clock_1", inv.TestClock.ID)
	assert.Equal(t, "ca_1", inv.Application.ID)
	var cus Customer
	require.NoError(t, json.Unmarshal([]byte(`{"id":"cus_1","test_clock":{"id":"clock_2","object":"test_helpers.test_clock"}}`), &cus))
	assert.Equal(t, "clock_2", cus.TestClock.ID)
	var ii InvoiceItem
	require.NoError(t, json.Unmarshal([]byte(`{"id":"ii_1","test_clock":{"id":"clock_3","object":"test_helpers.test_clock"}}`), &ii))
	assert.Equal(t, "clock_3", ii.TestClock.ID)
}

// TestNullableObjectsRoundTrip decodes each nested object Stripe can send
// as null from null and from an object, and re-encodes both: nil writes
// null back, an object writes what was decoded.
func TestNullableObjectsRoundTrip(t *testing.T) {
	t.Parallel()
	address := `{"city":"Paris","country":"FR","line1":"1 Rue de Rivoli","line2":"","postal_code":"75001","state":""}`
	shipping := `{"address":` + address + `,"carrier":"UPS","name":"Jenny","phone":"+33","tracking_number":"1Z"}`
	apiError := `{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Declined","payment_method_type":"card"}`
	cases := []struct {
		parent func() any
		field  string
		object string
	}{
		{func() any { return new(Customer) }, "address", address},
		{func() any { return new(Customer) }, "shipping", shipping},
		{func() any { return new(Charge) }, "shipping", shipping},
		{func() any { return new(Charge) }, "fraud_details", `{"stripe_report":"fraudulent","user_report":"safe"}`},
		{func() any { return new(Charge) }, "outcome", `{"network_status":"approved_by_network","risk_level":"normal","seller_message":"ok","type":"authorized"}`},
		{func() any { return new(Charge) }, "payment_method_details", `{"type":"card"}`},
		{func() any { return new(ChargePaymentMethodDetailsCard) }, "checks", `{"address_line1_check":"pass","address_postal_code_check":"pass","cvc_check":"pass"}`},
		{func() any { return new(PaymentIntent) }, "shipping", shipping},
		{func() any { return new(PaymentIntent) }, "last_payment_error", apiError},
		{func() any { return new(Invoice) }, "customer_address", address},
		{func() any { return new(Invoice) }, "customer_shipping", shipping},
		{func() any { return new(Invoice) }, "shipping_details", shipping},
		{func() any { return new(Invoice) }, "last_finalization_error", apiError},
		{func() any { return new(BillingDetails) }, "address", address},
		{func() any { return new(PaymentMethodCard) }, "checks", `{"address_line1_check":"pass","address_postal_code_check":"fail","cvc_check":"unchecked"}`},
		{func() any { return new(Event) }, "request", `{"id":"req_1","idempotency_key":"k"}`},
		{func() any { return new(Price) }, "custom_unit_amount", `{"maximum":1000,"minimum":100,"preset":500}`},
		{func() any { return new(Price) }, "transform_quantity", `{"divide_by":10,"round":"up"}`},
		{func() any { return new(Product) }, "package_dimensions", `{"height":1.5,"length":2,"weight":3,"width":4}`},
	}
	for _, tc := range cases {
		name := fmt.Sprintf("%T.%s", tc.parent(), tc.field)

		fromNull := tc.parent()
		require.NoError(t, json.Unmarshal([]byte(`{"`+tc.field+`":null}`), fromNull), name)
		f := fieldByJSONName(t, fromNull, tc.field)
		require.Equal(t, reflect.Pointer, f.Kind(), "%s must be a pointer", name)
		assert.True(t, f.IsNil(), "%s from null", name)
		b, err := json.Marshal(fromNull)
		require.NoError(t, err, name)
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m), name)
		assert.Equal(t, "null", string(m[tc.field]), "%s writes null back", name)

		fromObj := tc.parent()
		require.NoError(t, json.Unmarshal([]byte(`{"`+tc.field+`":`+tc.object+`}`), fromObj), name)
		f = fieldByJSONName(t, fromObj, tc.field)
		require.False(t, f.IsNil(), "%s from an object", name)
		b, err = json.Marshal(fromObj)
		require.NoError(t, err, name)
		again := tc.parent()
		require.NoError(t, json.Unmarshal(b, again), name)
		assert.Equal(t, f.Interface(), fieldByJSONName(t, again, tc.field).Interface(), "%s round-trips", name)
		m = nil
		require.NoError(t, json.Unmarshal(b, &m), name)
		var want, got map[string]any
		require.NoError(t, json.Unmarshal([]byte(tc.object), &want))
		require.NoError(t, json.Unmarshal(m[tc.field], &got))
		for k, v := range want {
			assert.Equal(t, v, got[k], "%s.%s re-encoded", name, k)
		}
	}
}

// fieldByJSONName returns the field of *v whose json tag is name.
func fieldByJSONName(t *testing.T, v any, name string) reflect.Value {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i < rv.NumField(); i++ {
		tag, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("json"), ",")
		if tag == name {
			return rv.Field(i)
		}
	}
	t.Fatalf("%T has no field %q", v, name)
	return reflect.Value{}
}
