package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractBalanceTransactions(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	txn, err := c.BalanceTransactions.Get(ctx, "txn_1MiN3gLkdIwHu7ixxapQrznl",
		&BalanceTransactionGetParams{Params: Params{Expand: []string{"source"}}})
	require.NoError(t, err)
	require.Equal(t, "balance_transaction", txn.Object)
	require.NotEmpty(t, txn.Source.ID)

	page, err := c.BalanceTransactions.List(ctx, &BalanceTransactionListParams{
		ListParams: ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("txn_1")},
		Type:       Ptr(BalanceTransactionTypeCharge),
		Source:     Ptr("ch_3MiN3gLkdIwHu7ix0snN0B15"),
		Payout:     Ptr("po_1MiN4hLkdIwHu7ixjqRdfDSG"),
		Currency:   Ptr("usd"),
		Created:    &RangeQuery{GTE: Ptr(int64(1677600000)), LT: Ptr(int64(1677800000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for txn, err := range c.BalanceTransactions.All(ctx, &BalanceTransactionListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, txn.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
