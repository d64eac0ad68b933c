package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPayouts(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	po, err := c.Payouts.Create(ctx, &PayoutCreateParams{
		Amount: Ptr(int64(50000)), Currency: Ptr("usd"), Description: Ptr("Weekly payout"),
		Destination: Ptr("ba_123"), Method: Ptr("standard"), SourceType: Ptr("card"),
		StatementDescriptor: Ptr("ACME PAYOUT"), Metadata: Metadata{"batch": "w05"},
	})
	require.NoError(t, err)
	require.Equal(t, "payout", po.Object)
	require.NotEmpty(t, po.ID)

	_, err = c.Payouts.Get(ctx, po.ID, &PayoutGetParams{Params: Params{Expand: []string{"balance_transaction"}}})
	require.NoError(t, err)
	_, err = c.Payouts.Update(ctx, po.ID, &PayoutUpdateParams{Metadata: Metadata{"batch": ""}})
	require.NoError(t, err)
	_, err = c.Payouts.Cancel(ctx, po.ID, nil)
	require.NoError(t, err)
	_, err = c.Payouts.Reverse(ctx, po.ID, &PayoutReverseParams{Metadata: Metadata{"why": "x"}})
	require.NoError(t, err)

	page, err := c.Payouts.List(ctx, &PayoutListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Status: Ptr(PayoutStatusPaid), Destination: Ptr("ba_123"),
		ArrivalDate: &RangeQuery{GTE: Ptr(int64(1))}, Created: &RangeQuery{LT: Ptr(int64(1900000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for po, err := range c.Payouts.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, po.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}

func TestContractTransfers(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	tr, err := c.Transfers.Create(ctx, &TransferCreateParams{
		Amount: Ptr(int64(7000)), Currency: Ptr("usd"), Destination: Ptr("acct_123"),
		Description: Ptr("Order 1042"), SourceTransaction: Ptr("ch_123"), SourceType: Ptr("card"),
		TransferGroup: Ptr("ORDER_1042"), Metadata: Metadata{"order": "1042"},
	})
	require.NoError(t, err)
	require.Equal(t, "transfer", tr.Object)
	require.NotEmpty(t, tr.ID)

	_, err = c.Transfers.Get(ctx, tr.ID, &TransferGetParams{Params: Params{Expand: []string{"balance_transaction"}}})
	require.NoError(t, err)
	_, err = c.Transfers.Update(ctx, tr.ID, &TransferUpdateParams{Description: Ptr(""), Metadata: Metadata{"order": ""}})
	require.NoError(t, err)
	page, err := c.Transfers.List(ctx, &TransferListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Destination: Ptr("acct_123"), TransferGroup: Ptr("ORDER_1042"),
		Created: &RangeQuery{GT: Ptr(int64(1))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for tr, err := range c.Transfers.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, tr.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
