package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractBalance(t *testing.T) {
	t.Parallel()
	c := contractClient(t)

	b, err := c.Balance.Get(context.Background(), &BalanceGetParams{
		Params: Params{StripeAccount: "acct_1Nv0FGQ9RKHgCVdK", Expand: []string{"instant_available.net_available"}},
	})
	require.NoError(t, err)
	require.Equal(t, "balance", b.Object)
	require.NotEmpty(t, b.Available)
	require.NotEmpty(t, b.Available[0].Currency)

	b, err = c.Balance.Get(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, "balance", b.Object)
}
