package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractRefunds(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	re, err := c.Refunds.Create(ctx, &RefundCreateParams{
		Charge:   Ptr("ch_123"),
		Amount:   Ptr(int64(500)),
		Reason:   Ptr(RefundReasonRequestedByCustomer),
		Metadata: Metadata{"ticket": "T-1001"},
		Params:   Params{Expand: []string{"charge"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, re.ID)
	require.Equal(t, "refund", re.Object)

	_, err = c.Refunds.Create(ctx, &RefundCreateParams{
		PaymentIntent:        Ptr("pi_123"),
		Reason:               Ptr(RefundReasonDuplicate),
		RefundApplicationFee: Ptr(false),
		ReverseTransfer:      Ptr(false),
	})
	require.NoError(t, err)

	got, err := c.Refunds.Get(ctx, re.ID, &RefundGetParams{Params: Params{Expand: []string{"charge"}}})
	require.NoError(t, err)
	require.Equal(t, "refund", got.Object)

	_, err = c.Refunds.Update(ctx, re.ID, &RefundUpdateParams{Metadata: Metadata{"ticket": ""}})
	require.NoError(t, err)

	canceled, err := c.Refunds.Cancel(ctx, re.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "refund", canceled.Object)

	page, err := c.Refunds.List(ctx, &RefundListParams{
		ListParams:    ListParams{Limit: Ptr(int64(3))},
		Charge:        Ptr("ch_123"),
		PaymentIntent: Ptr("pi_123"),
		Created:       &RangeQuery{GT: Ptr(int64(1700000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for re, err := range c.Refunds.All(ctx, &RefundListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, re.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
