package stripe

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/internal/stripemock"
	"golang.org/x/time/rate"
)

// Do against stripe-mock: endpoints no service covers.

func TestContractDoTaxCodesRaw(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	var raw json.RawMessage
	var resp Response
	ctx := WithResponse(context.Background(), &resp)
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v1/tax_codes", url.Values{"limit": {"2"}}, &raw))
	assert.Equal(t, string(resp.Body), string(raw), "the exact bytes served")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.NotEmpty(t, resp.RequestID)
	var page struct {
		Object string `json:"object"`
		Data   []struct {
			ID     string `json:"id"`
			Object string `json:"object"`
		} `json:"data"`
	}
	require.NoError(t, json.Unmarshal(raw, &page))
	assert.Equal(t, "list", page.Object)
	require.NotEmpty(t, page.Data)
	assert.Equal(t, "tax_code", page.Data[0].Object)

	// The generic walker over the same endpoint.
	type taxCode struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	n := 0
	for tc, err := range ListAll[taxCode](context.Background(), c, "/v1/tax_codes", nil) {
		require.NoError(t, err)
		assert.NotEmpty(t, tc.ID)
		if n++; n == 3 {
			break
		}
	}
	assert.Positive(t, n)
}

// accountLink is a user's own type for an object this package does not model.
type accountLink struct {
	Object    string `json:"object"`
	URL       string `json:"url"`
	ExpiresAt int64  `json:"expires_at"`
	Created   int64  `json:"created"`
}

func TestContractDoAccountLinksFromStructAndValues(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	type accountLinkParams struct {
		Params
		Account    string  `url:"account"`
		Type       string  `url:"type"`
		RefreshURL *string `url:"refresh_url,omitempty"`
		ReturnURL  *string `url:"return_url,omitempty"`
	}
	params := &accountLinkParams{
		Account: "acct_1032D82eZvKYlo2C", Type: "account_onboarding",
		RefreshURL: Ptr("https://example.com/reauth"), ReturnURL: Ptr("https://example.com/return"),
	}
	params.AddExtra("collection_options[fields]", "eventually_due")
	var link accountLink
	require.NoError(t, c.Do(ctx, http.MethodPost, "/v1/account_links", params, &link))
	assert.Equal(t, "account_link", link.Object)
	assert.NotEmpty(t, link.URL)
	assert.Positive(t, link.ExpiresAt)

	values := url.Values{
		"account": {"acct_1032D82eZvKYlo2C"}, "type": {"account_onboarding"},
		"refresh_url": {"https://example.com/reauth"}, "return_url": {"https://example.com/return"},
	}
	var m map[string]any
	require.NoError(t, c.Do(ctx, http.MethodPost, "/v1/account_links", values, &m))
	assert.Equal(t, "account_link", m["object"])

	// stripe-mock validates params: an unknown one is a typed 400.
	values.Set("no_such_param", "x")
	err := c.Do(ctx, http.MethodPost, "/v1/account_links", values, &m)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusBadRequest, se.HTTPStatus)
}

func TestContractDoNotFoundIsTypedError(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	var raw json.RawMessage
	err := c.Do(context.Background(), http.MethodGet, "/v1/no_such_resources/x_1", nil, &raw)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusNotFound, se.HTTPStatus)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, raw)
}

// dropFirstResponse passes requests to stripe-mock and records their
// Idempotency-Key; the first response is thrown away and reported as a
// dropped connection, as a network failure after the server acted would.
type dropFirstResponse struct {
	mu   sync.Mutex
	keys []string
}

func (d *dropFirstResponse) RoundTrip(req *http.Request) (*http.Response, error) {
	d.mu.Lock()
	d.keys = append(d.keys, req.Header.Get("Idempotency-Key"))
	first := len(d.keys) == 1
	d.mu.Unlock()
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if first {
		closeBody(resp.Body)
		return nil, errors.New("connection reset by peer")
	}
	return resp, nil
}

func TestContractDoPostRetryReusesIdempotencyKey(t *testing.T) {
	t.Parallel()
	rt := &dropFirstResponse{}
	c, err := NewClient(testKey, WithBaseURL(stripemock.URL(t)), WithRateLimit(rate.Inf, rate.Inf),
		WithMaxRetries(1), WithHTTPClient(&http.Client{Transport: rt}))
	require.NoError(t, err)
	c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }

	var link accountLink
	values := url.Values{"account": {"acct_1032D82eZvKYlo2C"}, "type": {"account_onboarding"}}
	require.NoError(t, c.Do(context.Background(), http.MethodPost, "/v1/account_links", values, &link))
	assert.Equal(t, "account_link", link.Object)
	require.Len(t, rt.keys, 2, "one retry")
	assert.NotEmpty(t, rt.keys[0])
	assert.Equal(t, rt.keys[0], rt.keys[1], "the retry reuses the key")
}
