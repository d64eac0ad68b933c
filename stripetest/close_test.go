package stripetest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// TestNoGoroutineLeftAfterClose is not parallel, so the goroutine count is
// stable around it.
func TestNoGoroutineLeftAfterClose(t *testing.T) {
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer hook.Close()
	before := runtime.NumGoroutine()

	srv := stripetest.New(stripetest.WithWebhook(hook.URL, "whsec_x"), stripetest.WithLatency(time.Millisecond))
	c, err := srv.Client()
	require.NoError(t, err)
	for range 5 {
		_, err := c.Customers.Create(context.Background(), &stripe.CustomerCreateParams{Email: stripe.Ptr("a@example.com")})
		require.NoError(t, err)
	}
	srv.Close()

	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), before)
}
