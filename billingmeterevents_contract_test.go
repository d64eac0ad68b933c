package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractBillingMeterEvents(t *testing.T) {
	t.Parallel()
	c := contractClient(t)

	ev, err := c.BillingMeterEvents.Create(context.Background(), &BillingMeterEventCreateParams{
		EventName:  Ptr("api_requests"),
		Identifier: Ptr("req_7f3a9c"),
		Payload:    BillingMeterEventPayload{"stripe_customer_id": "cus_123", "value": "25"},
		Timestamp:  Ptr(int64(1738399990)),
	})
	require.NoError(t, err)
	require.Equal(t, "billing.meter_event", ev.Object)
	require.NotEmpty(t, ev.EventName)
}
