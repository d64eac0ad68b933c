package stripe

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDoRefusesBadPathsBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"object":"list","data":[],"has_more":false}`))
	for _, path := range []string{
		"",
		"v1/customers",
		"https://evil.example/v1/customers",
		"http://127.0.0.1:1/v1/x",
		"//evil.example/v1/customers",
		"/v2/core/events",
		"/customers",
		"/v1",
		"/v1/",
		"/v1/customers/",
		"/v1//customers",
		"/v1/customers/../charges",
		"/v1/./customers",
		"/v1/customers/%2e%2e/charges",
		"/v1/customers/.%2E",
		"/v1/customers?limit=1",
		"/v1/customers#x",
		"/v1/customers/cus 1",
		"/v1/customers/cus\r\nX: y",
		"/v1/customers/\x00",
		"/v1/customers/\x7f",
		"/v1/customers/cus%zz",
		"/v1/customers/cus%2",
		"/v1\\customers",
	} {
		err := c.Do(context.Background(), http.MethodGet, path, nil, nil)
		assert.ErrorContains(t, err, "invalid API path", "%q", path)
	}
	for _, method := range []string{"PUT", "PATCH", "get", "", "GET\r\n"} {
		err := c.Do(context.Background(), method, "/v1/customers", nil, nil)
		assert.ErrorContains(t, err, "unsupported method", "%q", method)
	}
	var notPtr map[string]any
	assert.ErrorIs(t, c.Do(context.Background(), http.MethodGet, "/v1/customers", nil, notPtr), errNilOut)
	assert.ErrorIs(t, c.Do(context.Background(), http.MethodGet, "/v1/customers", nil, (*json.RawMessage)(nil)), errNilOut)
	assert.Empty(t, rec.requests(), "nothing may be sent for a refused call")
}

func TestPathEscapesAndChecks(t *testing.T) {
	t.Parallel()
	p, err := Path("/v1/customers/%s/tax_ids/%s", "cus_1/../x", "txi 1")
	require.NoError(t, err)
	assert.Equal(t, "/v1/customers/cus_1%2F..%2Fx/tax_ids/txi%201", p)

	for name, tc := range map[string]struct {
		format string
		ids    []string
	}{
		"empty id":      {"/v1/customers/%s", []string{""}},
		"dot dot":       {"/v1/customers/%s", []string{".."}},
		"control":       {"/v1/customers/%s", []string{"cus\n1"}},
		"missing id":    {"/v1/customers/%s/%s", []string{"cus_1"}},
		"extra id":      {"/v1/customers", []string{"cus_1"}},
		"not under v1":  {"/v2/customers/%s", []string{"cus_1"}},
		"absolute":      {"https://evil.example/v1/customers/%s", []string{"cus_1"}},
		"query in path": {"/v1/customers/%s?expand[]=x", []string{"cus_1"}},
	} {
		_, err := Path(tc.format, tc.ids...)
		assert.Error(t, err, name)
	}
	// pathf is the same function.
	p2, err := pathf("/v1/customers/%s/tax_ids/%s", "cus_1/../x", "txi 1")
	require.NoError(t, err)
	assert.Equal(t, p, p2)
}

func TestDoGetWithURLValuesIntoRawMessage(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	served := "{\n  \"object\": \"list\",\n  \"data\": [{\"id\": \"txcd_99999999\", \"object\": \"tax_code\"}],\n  \"has_more\": false,\n  \"url\": \"/v1/tax_codes\"\n}"
	rec := mock(mt, ok(served))

	params := url.Values{"limit": {"3"}}
	var raw json.RawMessage
	require.NoError(t, c.Do(context.Background(), http.MethodGet, "/v1/tax_codes", params, &raw))

	assert.Equal(t, served, string(raw), "the exact bytes served")
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodGet, sent[0].Method)
	assert.Equal(t, "/v1/tax_codes", sent[0].Path)
	assert.Equal(t, url.Values{"limit": {"3"}}, sent[0].Query)
	assert.Empty(t, sent[0].RawBody)
	assert.Equal(t, url.Values{"limit": {"3"}}, params, "params unchanged")
}

func TestDoPostStructIntoUserStruct(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithIdempotencyKeyFunc(func() string { return "idem_generated" }))
	rec := mock(mt, ok(`{"object":"account_link","url":"https://connect.stripe.com/setup/s/x","expires_at":1700000000,"created":1690000000}`))

	type accountLinkParams struct {
		Params
		Account    string `url:"account"`
		RefreshURL string `url:"refresh_url"`
		ReturnURL  string `url:"return_url"`
		Type       string `url:"type"`
	}
	type accountLink struct {
		Object    string `json:"object"`
		URL       string `json:"url"`
		ExpiresAt int64  `json:"expires_at"`
	}
	params := &accountLinkParams{
		Params:  Params{StripeAccount: "acct_platform_sub"},
		Account: "acct_1", RefreshURL: "https://example.com/r", ReturnURL: "https://example.com/x", Type: "account_onboarding",
	}
	params.AddExtra("collection_options[fields]", "eventually_due")
	var link accountLink
	require.NoError(t, c.Do(context.Background(), http.MethodPost, "/v1/account_links", params, &link))

	assert.Equal(t, accountLink{Object: "account_link", URL: "https://connect.stripe.com/setup/s/x", ExpiresAt: 1700000000}, link)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodPost, sent[0].Method)
	assert.Equal(t, "/v1/account_links", sent[0].Path)
	assert.Equal(t, url.Values{
		"account": {"acct_1"}, "refresh_url": {"https://example.com/r"}, "return_url": {"https://example.com/x"},
		"type": {"account_onboarding"}, "collection_options[fields]": {"eventually_due"},
	}, sent[0].Form)
	assert.Equal(t, "idem_generated", sent[0].Header.Get("Idempotency-Key"))
	assert.Equal(t, "acct_platform_sub", sent[0].Header.Get("Stripe-Account"))
	assert.Equal(t, "application/x-www-form-urlencoded", sent[0].Header.Get("Content-Type"))
}

func TestDoDeleteIntoMapAndNilOut(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(`{"id":"txi_1","object":"tax_id","deleted":true}`))
	var m map[string]any
	require.NoError(t, c.Do(context.Background(), http.MethodDelete, "/v1/customers/cus_1/tax_ids/txi_1", nil, &m))
	assert.Equal(t, map[string]any{"id": "txi_1", "object": "tax_id", "deleted": true}, m)
	require.NoError(t, c.Do(context.Background(), http.MethodDelete, "/v1/customers/cus_1/tax_ids/txi_1", nil, nil))
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, http.MethodDelete, sent[1].Method)
	assert.Empty(t, sent[1].Header.Get("Idempotency-Key"))
}

func TestDoReturnsTypedError(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, reply{status: http.StatusNotFound, body: `{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such tax code: 'txcd_x'","param":"id"}}`})
	var raw json.RawMessage
	err := c.Do(context.Background(), http.MethodGet, "/v1/tax_codes/txcd_x", nil, &raw)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusNotFound, se.HTTPStatus)
	assert.Equal(t, ErrorCodeResourceMissing, se.Code)
	assert.Equal(t, "req_test_1", se.RequestID)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, raw, "nothing decoded on an error")
}

func TestAddExtraOnTheWireOnce(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payment_intent.json")))

	params := &PaymentIntentConfirmParams{}
	params.AddExtra("payment_method_options[card][request_three_d_secure]", "challenge")
	params.AddExtra("payment_method_options[card][request_three_d_secure]", "any") // replaces
	params.AddExtra("expand[]", "latest_charge")
	params.AddExtra("metadata[order]", "42")
	_, err := c.PaymentIntents.Confirm(context.Background(), "pi_1", params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, []string{"any"}, sent[0].Form["payment_method_options[card][request_three_d_secure]"])
	assert.Equal(t, []string{"latest_charge"}, sent[0].Form["expand[]"])
	assert.Equal(t, []string{"42"}, sent[0].Form["metadata[order]"])
	assert.Contains(t, sent[0].RawBody, "payment_method_options%5Bcard%5D%5Brequest_three_d_secure%5D=any")
	assert.Len(t, params.extras, 3, "params keep their extras for the next call")

	// A GET puts extras in the query.
	rec2 := mock(mt, ok(fixture(t, "payment_intent.json")))
	get := &PaymentIntentGetParams{}
	get.AddExtra("expand[0]", "customer")
	_, err = c.PaymentIntents.Get(context.Background(), "pi_1", get)
	require.NoError(t, err)
	require.Len(t, rec2.requests(), 1)
	assert.Equal(t, url.Values{"expand[0]": {"customer"}}, rec2.requests()[0].Query)
}

func TestAddExtraRefusesBadKeysAndCollisions(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))
	for _, key := range []string{
		"", "a&b", "a=b", "a#b", "a?b", "a b", "a\nb", "a\x00", "[a]", "a[", "a]", "a[b", "a[b]c", "a[[b]]", "a[b]]", "a%5Bb%5D",
	} {
		p := &CustomerUpdateParams{}
		p.AddExtra(key, "x")
		_, err := c.Customers.Update(context.Background(), "cus_1", p)
		assert.ErrorContains(t, err, "AddExtra: invalid key", "%q", key)
	}
	for _, key := range []string{"email", "metadata[a]", "metadata", "address[city][x]"} {
		p := &CustomerUpdateParams{Email: Ptr("a@example.com"), Metadata: Metadata{"a": "1"}, Address: &AddressParams{City: Ptr("Paris")}}
		p.AddExtra(key, "x")
		_, err := c.Customers.Update(context.Background(), "cus_1", p)
		assert.ErrorContains(t, err, "collides", "%q", key)
	}
	assert.Empty(t, rec.requests())

	for _, key := range []string{"a", "a[b]", "a[b][c]", "a[]", "a[0][b]", "payment_method_options[card][network]"} {
		assert.NoError(t, checkExtraKey(key), key)
	}
}

func TestAddExtraDoesNotLeakAcrossCopies(t *testing.T) {
	t.Parallel()
	a := Params{}
	a.AddExtra("x", "1")
	b := a
	b.AddExtra("y", "2")
	a.AddExtra("z", "3")
	assert.Equal(t, []extraParam{{"x", "1"}, {"z", "3"}}, a.extras)
	assert.Equal(t, []extraParam{{"x", "1"}, {"y", "2"}}, b.extras)
}

func TestResponseHookTypedAndDo(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	served := fixture(t, "customer.json")
	rec := mock(mt, reply{status: http.StatusOK, body: served, header: http.Header{"Request-Id": {"req_ok_1"}, "Stripe-Extra": {"x"}}})

	var resp Response
	cus, err := c.Customers.Get(WithResponse(context.Background(), &resp), "cus_1", nil)
	require.NoError(t, err)
	require.NotNil(t, cus)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "req_ok_1", resp.RequestID)
	assert.Equal(t, served, string(resp.Body), "Body is the bytes served")
	assert.Equal(t, "x", resp.Header.Get("Stripe-Extra"))

	// Do with a nil out still reports the body; hooks compose.
	var seen []int
	ctx := WithResponseHook(context.Background(), func(r *Response) { seen = append(seen, 1) })
	ctx = WithResponseHook(ctx, func(r *Response) { seen = append(seen, 2) })
	var resp2 Response
	ctx = WithResponse(ctx, &resp2)
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v1/customers/cus_1", nil, nil))
	assert.Equal(t, served, string(resp2.Body))
	assert.Equal(t, []int{2, 1}, seen, "the newest hook first, then the ones before it")
	assert.Len(t, rec.requests(), 2)
}

func TestResponseHookSeesErrorsAndRetries(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	errBody := `{"error":{"type":"api_error","message":"try again"}}`
	mock(mt,
		reply{status: http.StatusServiceUnavailable, body: errBody, header: http.Header{"Request-Id": {"req_503"}}},
		reply{status: http.StatusPaymentRequired, body: fixture(t, "error_card_declined.json"), header: http.Header{"Request-Id": {"req_402"}}},
	)
	var got []Response
	ctx := WithResponseHook(context.Background(), func(r *Response) { got = append(got, *r) })
	_, err := c.Charges.Get(ctx, "ch_1", nil)
	require.ErrorIs(t, err, ErrCardDeclined)
	require.Len(t, got, 2, "one per response, retries included")
	assert.Equal(t, http.StatusServiceUnavailable, got[0].StatusCode)
	assert.Equal(t, errBody, string(got[0].Body))
	assert.Equal(t, "req_503", got[0].RequestID)
	assert.Equal(t, http.StatusPaymentRequired, got[1].StatusCode)
	assert.Equal(t, fixture(t, "error_card_declined.json"), string(got[1].Body))
}
