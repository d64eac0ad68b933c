package stripetest_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func TestIdempotentReplay(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	params := &stripe.CustomerCreateParams{Email: stripe.Ptr("once@example.com"), Params: stripe.Params{IdempotencyKey: "key-1"}}
	a, err := c.Customers.Create(ctx, params)
	require.NoError(t, err)
	b, err := c.Customers.Create(ctx, params)
	require.NoError(t, err)
	require.Equal(t, a.ID, b.ID, "the same key and params replay the first response")
	require.Equal(t, 1, srv.Count("customer"))

	_, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("other@example.com"), Params: stripe.Params{IdempotencyKey: "key-1"}})
	require.ErrorIs(t, err, stripe.ErrIdempotency)
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)

	// A declined charge is replayed too: the card is not charged twice.
	chParams := &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_chargeDeclined"), Params: stripe.Params{IdempotencyKey: "key-2"}}
	_, err1 := c.Charges.Create(ctx, chParams)
	_, err2 := c.Charges.Create(ctx, chParams)
	require.Equal(t, apiErr(t, err1).Charge, apiErr(t, err2).Charge)
	require.Equal(t, 1, srv.Count("charge"))
}

func TestRetryAfter429AndFailures(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()

	srv.FailNext(1, http.StatusTooManyRequests)
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err, "the client retries a 429")
	require.NotEmpty(t, cus.ID)
	require.Equal(t, 1, srv.Count("customer"))

	srv.FailNext(1, http.StatusServiceUnavailable)
	_, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)

	noRetry, err := srv.Client(stripe.WithMaxRetries(0))
	require.NoError(t, err)
	srv.FailNext(1, http.StatusInternalServerError)
	_, err = noRetry.Customers.Get(ctx, cus.ID, nil)
	require.ErrorIs(t, err, stripe.ErrAPI)
	require.Equal(t, 500, apiErr(t, err).HTTPStatus)

	srv.SetRateLimit(1, 1)
	_, err = noRetry.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	_, err = noRetry.Customers.Get(ctx, cus.ID, nil)
	require.ErrorIs(t, err, stripe.ErrRateLimited)
	srv.SetRateLimit(0, 0)
}

func TestDroppedConnectionRetryCreatesNoDuplicate(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	srv.DropNextAfterCommit(1)
	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err, "the client retries with the same Idempotency-Key")
	require.Equal(t, 1, srv.Count("charge"))
	got, err := c.Charges.Get(ctx, ch.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(5000), got.Amount)

	noRetry, err := srv.Client(stripe.WithMaxRetries(0), stripe.WithHTTPClient(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}))
	require.NoError(t, err)
	srv.DropNextAfterCommit(1)
	_, err = noRetry.Customers.Create(ctx, nil)
	require.Error(t, err, "without retries the dropped response is an error")
	require.Equal(t, 1, srv.Count("customer"), "but the customer was created")
}

func TestLatencyAndConcurrency(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t, stripetest.WithLatency(20*time.Millisecond))
	ctx := context.Background()
	start := time.Now()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Customers.Create(ctx, nil)
			require.NoError(t, err)
		}()
	}
	wg.Wait()
	require.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond)
	require.Equal(t, 20, srv.Count("customer"))
	srv.SetLatency(0)
}

func TestWebhookDelivery(t *testing.T) {
	t.Parallel()
	const secret = "whsec_test"
	var mu sync.Mutex
	var got []stripe.EventType
	hook := httptest.NewServer(stripe.WebhookHandler(secret, func(ctx context.Context, ev *stripe.Event) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, ev.Type)
		return nil
	}))
	defer hook.Close()

	srv, c := newClient(t, stripetest.WithWebhook(hook.URL, secret))
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{Name: stripe.Ptr("Jenny")})
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	mu.Lock()
	require.Equal(t, []stripe.EventType{stripe.EventCustomerCreated, stripe.EventCustomerUpdated}, got)
	mu.Unlock()

	delivered, err := c.Events.List(ctx, &stripe.EventListParams{DeliverySuccess: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Len(t, delivered.Data, 2)
	require.Zero(t, delivered.Data[0].PendingWebhooks)
	ev := delivered.Data[0]
	var obj stripe.Customer
	require.NoError(t, ev.Data.Decode(&obj))
	require.Equal(t, "Jenny", obj.Name)
	require.NotEmpty(t, ev.Request.ID)
}

func TestNewWithoutTestingAndClose(t *testing.T) {
	t.Parallel()
	srv := stripetest.New()
	c, err := srv.Client()
	require.NoError(t, err)
	_, err = c.Balance.Get(context.Background(), nil)
	require.NoError(t, err)
	srv.Close()
	srv.Close() // idempotent
	resp, err := http.Get(srv.URL + "/v1/balance")
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	require.Error(t, err, "the server is gone")
}
