package stripetest_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// receiver collects the types of the events it verifies with secret().
type receiver struct {
	mu     sync.Mutex
	secret string
	types  []string
	bad    int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	ev, err := stripe.ConstructEvent(body, r.Header.Get("Stripe-Signature"), rc.secret)
	if err != nil {
		rc.bad++
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	rc.types = append(rc.types, string(ev.Type)+"@"+ev.Account)
}

func (rc *receiver) got() ([]string, int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.types...), rc.bad
}

// Events go, signed with the endpoint's own secret, to the enabled
// endpoints that asked for their type; disabled and deleted endpoints get
// nothing, and a connect endpoint gets the connected accounts' events.
func TestWebhookEndpointsDeliver(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c := newClient(t)
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()

	resp, we := rawCall(t, srv, "POST", "/v1/webhook_endpoints", url.Values{"url": {hook.URL}, "enabled_events[0]": {"customer.created"}, "enabled_events[1]": {"invoice.paid"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, we)
	require.Equal(t, "webhook_endpoint", we["object"])
	require.Equal(t, "enabled", we["status"])
	secret, _ := we["secret"].(string)
	require.Regexp(t, `^whsec_`, secret)
	rc.mu.Lock()
	rc.secret = secret
	rc.mu.Unlock()
	weID := we["id"].(string)
	_, got := rawCall(t, srv, "GET", "/v1/webhook_endpoints/"+weID, nil)
	require.NotContains(t, got, "secret", "only create returns the secret")

	_, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("not asked for")})
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	types, bad := rc.got()
	require.Equal(t, []string{"customer.created@"}, types)
	require.Zero(t, bad)
	evs, err := c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("customer.created"))})
	require.NoError(t, err)
	require.Zero(t, evs.Data[0].PendingWebhooks, "delivered")

	resp, _ = rawCall(t, srv, "POST", "/v1/webhook_endpoints/"+weID, url.Values{"disabled": {"true"}})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	_, err = c.Customers.Create(ctx, nil)
	require.NoError(t, err)

	acct := srv.CreateAccount()
	resp, cwe := rawCall(t, srv, "POST", "/v1/webhook_endpoints", url.Values{"url": {hook.URL}, "enabled_events[0]": {"*"}, "connect": {"true"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, cwe)
	rc.mu.Lock()
	rc.secret = cwe["secret"].(string)
	rc.mu.Unlock()
	_, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: stripe.Params{StripeAccount: acct}})
	require.NoError(t, err)
	_, err = c.Customers.Create(ctx, nil) // a platform event: not for a connect endpoint
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	types, bad = rc.got()
	require.Equal(t, []string{"customer.created@", "customer.created@" + acct}, types)
	require.Zero(t, bad)

	resp, del := rawCall(t, srv, "DELETE", "/v1/webhook_endpoints/"+cwe["id"].(string), nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, true, del["deleted"])
	_, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: stripe.Params{StripeAccount: acct}})
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	types, _ = rc.got()
	require.Len(t, types, 2, "nothing for a deleted endpoint")

	resp, body := rawCall(t, srv, "POST", "/v1/webhook_endpoints", url.Values{"url": {"ftp://x"}, "enabled_events[0]": {"*"}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
	resp, body = rawCall(t, srv, "POST", "/v1/webhook_endpoints", url.Values{"url": {hook.URL}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
	require.Equal(t, "parameter_missing", body["error"].(map[string]any)["code"])
}
