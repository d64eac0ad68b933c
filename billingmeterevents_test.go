package stripe

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBillingMeterEventsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "billing_meter_event.json")))

	ev, err := c.BillingMeterEvents.Create(context.Background(), &BillingMeterEventCreateParams{
		EventName:  Ptr("api_requests"),
		Identifier: Ptr("req_7f3a9c"),
		Payload:    BillingMeterEventPayload{"stripe_customer_id": "cus_PqR7sT8uV9wX1y", "value": "25"},
		Timestamp:  Ptr(int64(1738399990)),
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/billing/meter_events")
	require.Equal(t, billingForm(
		"event_name", "api_requests",
		"identifier", "req_7f3a9c",
		"payload[stripe_customer_id]", "cus_PqR7sT8uV9wX1y",
		"payload[value]", "25",
		"timestamp", "1738399990",
	), sent[0].Form)

	require.Equal(t, "billing.meter_event", ev.Object)
	require.Equal(t, "api_requests", ev.EventName)
	require.Equal(t, "req_7f3a9c", ev.Identifier)
	require.Equal(t, map[string]string{"stripe_customer_id": "cus_PqR7sT8uV9wX1y", "value": "25"}, ev.Payload)
	require.Equal(t, int64(1738399990), ev.Timestamp)
	require.Equal(t, int64(1738400000), ev.Created)
}

func TestBillingMeterEventsDuplicateIdentifier(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "billing_meter_event.json")), reply{status: http.StatusBadRequest, body: fixture(t, "error_meter_event_duplicate.json")})
	ctx := context.Background()
	params := &BillingMeterEventCreateParams{
		EventName: Ptr("api_requests"), Identifier: Ptr("req_7f3a9c"),
		Payload: BillingMeterEventPayload{"stripe_customer_id": "cus_1", "value": "1"},
	}

	_, err := c.BillingMeterEvents.Create(ctx, params)
	require.NoError(t, err)
	// The same event sent again: each call has its own Idempotency-Key,
	// so only the identifier lets Stripe recognise the repeat.
	_, err = c.BillingMeterEvents.Create(ctx, params)
	var se *Error
	require.True(t, errors.As(err, &se))
	require.Equal(t, "identifier", se.Param)
	require.ErrorIs(t, err, ErrInvalidRequest)

	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, sent[0].Form, sent[1].Form)
	require.NotEqual(t, sent[0].Header.Get("Idempotency-Key"), sent[1].Header.Get("Idempotency-Key"))
}

func TestBillingMeterEventsRejectBadPayloadKey(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "billing_meter_event.json")))

	_, err := c.BillingMeterEvents.Create(context.Background(), &BillingMeterEventCreateParams{
		EventName: Ptr("api_requests"), Payload: BillingMeterEventPayload{"value][x": "1"},
	})
	require.ErrorContains(t, err, "payload")
	require.Empty(t, rec.requests())
}
