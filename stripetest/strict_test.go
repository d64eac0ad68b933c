package stripetest_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/stripetest"
)

// Every route's params are checked against the spec at any depth: unknown
// ones get parameter_unknown naming the full param, missing required ones
// parameter_missing. (contract_shared_test.go in the root package sends the
// whole contract list through stripetest, so no valid request is refused.)
func TestStrictParams(t *testing.T) {
	t.Parallel()
	srv, _ := newClient(t, stripetest.WithDemoData())
	require.Empty(t, srv.RoutesWithoutSpec(), "go generate ./stripetest after adding a route")

	price := stripetest.DemoPrice
	for _, tc := range []struct {
		name, method, path string
		form               url.Values
		code, param        string // "" code: accepted
	}{
		{"unknown top-level", "POST", "/v1/customers", url.Values{"emial": {"a@example.com"}}, "parameter_unknown", "emial"},
		{"unknown nested", "POST", "/v1/subscriptions", url.Values{"customer": {stripetest.DemoCustomer}, "items[0][pricex]": {price}}, "parameter_unknown", "items[0][pricex]"},
		{"unknown deep", "POST", "/v1/subscriptions", url.Values{"customer": {stripetest.DemoCustomer},
			"items[0][price_data][currency]": {"usd"}, "items[0][price_data][product]": {stripetest.DemoProduct},
			"items[0][price_data][recurring][interval]": {"month"}, "items[0][price_data][recurring][intervalx]": {"1"}}, "parameter_unknown", "items[0][price_data][recurring][intervalx]"},
		{"unknown in a hash", "POST", "/v1/customers", url.Values{"address[cty]": {"Paris"}}, "parameter_unknown", "address[cty]"},
		{"unknown in a query", "GET", "/v1/customers", url.Values{"created[gtx]": {"1"}}, "parameter_unknown", "created[gtx]"},
		{"unknown on an action", "POST", "/v1/invoices/" + stripetest.DemoOpenInvoice + "/pay", url.Values{"paid_out_of_bandx": {"true"}}, "parameter_unknown", "paid_out_of_bandx"},
		{"array where none is", "POST", "/v1/customers", url.Values{"email[0]": {"a@example.com"}}, "parameter_unknown", "email[0]"},
		{"missing top-level", "POST", "/v1/subscriptions", url.Values{"items[0][price]": {price}}, "parameter_missing", "customer"},
		{"missing in an array element", "POST", "/v1/subscriptions", url.Values{"customer": {stripetest.DemoCustomer},
			"items[0][price_data][product]": {stripetest.DemoProduct}, "items[0][price_data][recurring][interval]": {"month"}, "items[0][price_data][unit_amount]": {"100"}},
			"parameter_missing", "items[0][price_data][currency]"},
		{"missing in a hash", "POST", "/v1/customers", url.Values{"shipping[name]": {"Jenny"}}, "parameter_missing", "shipping[address]"},
		{"missing amount", "POST", "/v1/payment_intents", url.Values{"currency": {"usd"}}, "parameter_missing", "amount"},

		{"metadata keys are free", "POST", "/v1/customers", url.Values{"metadata[anything]": {"x"}, "metadata[0]": {"y"}}, "", ""},
		{"a hash cleared with empty", "POST", "/v1/customers/" + stripetest.DemoCustomer, url.Values{"shipping": {""}, "metadata": {""}}, "", ""},
		{"expand and lists", "GET", "/v1/invoices", url.Values{"expand[0]": {"data.customer"}, "created[gte]": {"1"}, "limit": {"3"}}, "", ""},
		{"nested known", "POST", "/v1/customers", url.Values{"shipping[name]": {"Jenny"}, "shipping[address][line1]": {"1 Main St"},
			"invoice_settings[custom_fields][0][name]": {"PO"}, "invoice_settings[custom_fields][0][value]": {"42"}}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form, path := tc.form, tc.path
			if tc.method == "GET" {
				path += "?" + form.Encode()
				form = nil
			}
			resp, body := rawCall(t, srv, tc.method, path, form)
			if tc.code == "" {
				require.Equal(t, http.StatusOK, resp.StatusCode, body)
				return
			}
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
			e := body["error"].(map[string]any)
			require.Equal(t, "invalid_request_error", e["type"])
			require.Equal(t, tc.code, e["code"])
			require.Equal(t, tc.param, e["param"])
			require.Contains(t, e["message"], tc.param)
		})
	}
	require.Equal(t, 3, srv.Count("customer"), "only the two accepted creates made customers (plus the demo one)")
}
