package stripe_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// The webhook trigger round trip, offline: an endpoint created with
// WebhookEndpoints.Create points at a server running stripe.WebhookHandler
// with the secret Create returned; stripetest's events reach it verified,
// exactly the enabled types, and nothing after the endpoint is deleted.
func TestWebhookEndpointRoundTripOnStripetest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := stripetest.NewServer(t)
	c, err := srv.Client()
	require.NoError(t, err)

	var (
		mu      sync.Mutex
		got     []stripe.EventType
		handler atomic.Pointer[http.Handler] // set once Create returns the secret
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := handler.Load(); h != nil {
			(*h).ServeHTTP(w, r)
			return
		}
		http.Error(w, "not ready", http.StatusServiceUnavailable)
	}))
	defer hook.Close()

	we, err := c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{
		URL:           stripe.Ptr(hook.URL + "/hooks/stripe"),
		EnabledEvents: []stripe.EventType{stripe.EventCustomerCreated, stripe.EventCustomerDeleted},
		Description:   stripe.Ptr("workflow wf_42"),
	})
	require.NoError(t, err)
	require.Equal(t, "webhook_endpoint", we.Object)
	require.Regexp(t, `^whsec_`, we.Secret.Reveal())
	h := stripe.WebhookHandler(we.Secret.Reveal(), func(_ context.Context, ev *stripe.Event) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, ev.Type)
		return nil
	})
	handler.Store(&h)

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com")})
	require.NoError(t, err)
	_, err = c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("not enabled")})
	require.NoError(t, err)
	_, err = c.Customers.Delete(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	mu.Lock()
	require.Equal(t, []stripe.EventType{stripe.EventCustomerCreated, stripe.EventCustomerDeleted}, got)
	mu.Unlock()

	listed, err := c.WebhookEndpoints.Get(ctx, we.ID, nil)
	require.NoError(t, err)
	require.Empty(t, listed.Secret.Reveal(), "only Create returns the secret")

	del, err := c.WebhookEndpoints.Delete(ctx, we.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	_, err = c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	mu.Lock()
	require.Len(t, got, 2, "nothing after the endpoint is deleted")
	mu.Unlock()
}
