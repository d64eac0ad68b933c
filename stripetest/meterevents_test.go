package stripetest_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func TestMeterEventsDeduplicatedByIdentifier(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, c := newClient(t, stripetest.WithClock(clock))
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	send := func(ident, value string) (*stripe.BillingMeterEvent, error) {
		p := &stripe.BillingMeterEventCreateParams{EventName: stripe.Ptr("api_calls"),
			Payload: stripe.BillingMeterEventPayload{"stripe_customer_id": cus.ID, "value": value}}
		if ident != "" {
			p.Identifier = stripe.Ptr(ident)
		}
		return c.BillingMeterEvents.Create(ctx, p)
	}

	ev, err := send("order-1", "5")
	require.NoError(t, err)
	require.Equal(t, "order-1", ev.Identifier)
	require.Equal(t, "api_calls", ev.EventName)
	require.Equal(t, now.Unix(), ev.Timestamp)
	require.Equal(t, "5", ev.Payload["value"])
	_, err = send("order-1", "5")
	require.Equal(t, "identifier", apiErr(t, err).Param, "a repeat identifier is rejected")
	_, err = send("order-2", "2.5")
	require.NoError(t, err)
	ev, err = send("", "1") // no identifier: Stripe makes one, and it counts
	require.NoError(t, err)
	require.NotEmpty(t, ev.Identifier)
	_, err = send("", "1")
	require.NoError(t, err)
	require.Equal(t, 9.5, srv.MeterUsage("api_calls", cus.ID))
	require.Zero(t, srv.MeterUsage("other", cus.ID))

	// After 24 hours an identifier may be reused.
	mu.Lock()
	now = now.Add(25 * time.Hour)
	mu.Unlock()
	_, err = send("order-1", "5")
	require.NoError(t, err)
	require.Equal(t, 14.5, srv.MeterUsage("api_calls", cus.ID), "both the old event and the new one count")

	_, err = c.BillingMeterEvents.Create(ctx, &stripe.BillingMeterEventCreateParams{EventName: stripe.Ptr("api_calls")})
	require.Equal(t, stripe.ErrorCode("parameter_missing"), apiErr(t, err).Code)
	_, err = send("bad", "lots")
	require.Equal(t, "payload[value]", apiErr(t, err).Param)
	_, err = c.BillingMeterEvents.Create(ctx, &stripe.BillingMeterEventCreateParams{EventName: stripe.Ptr("api_calls"), Timestamp: stripe.Ptr(now.Unix() - 40*86400),
		Payload: stripe.BillingMeterEventPayload{"stripe_customer_id": cus.ID, "value": "1"}})
	require.Equal(t, "timestamp", apiErr(t, err).Param)
}
