package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractEvents(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	ev, err := c.Events.Get(ctx, "evt_1Pgc76B7WZ01zgkWwyRHS12y", &EventGetParams{Params: Params{Expand: []string{"request"}}})
	require.NoError(t, err)
	require.NotEmpty(t, ev.ID)
	require.Equal(t, "event", ev.Object)
	require.NotEmpty(t, ev.Type)
	require.NotEmpty(t, ev.Data.Object)
	require.NotEmpty(t, ev.Data.ObjectType())

	page, err := c.Events.List(ctx, &EventListParams{
		ListParams:      ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("evt_1")},
		Created:         &RangeQuery{GTE: Ptr(int64(1700000000)), LT: Ptr(int64(1800000000))},
		DeliverySuccess: Ptr(true),
		Types:           []EventType{EventInvoicePaid, EventCustomerSubscriptionDeleted},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	_, err = c.Events.List(ctx, &EventListParams{Type: Ptr(EventType("invoice.*")), DeliverySuccess: Ptr(false)})
	require.NoError(t, err)

	n := 0
	for ev, err := range c.Events.All(ctx, &EventListParams{ListParams: ListParams{Limit: Ptr(int64(2))}, Type: Ptr(EventChargeRefunded)}) {
		require.NoError(t, err)
		require.NotEmpty(t, ev.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
