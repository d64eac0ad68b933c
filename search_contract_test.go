package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractSearch(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()
	q, err := And(Eq("email", `jenny"rosen@example.com`), MetadataEq("order_id", "42"), Gt("created", 1)).Build()
	require.NoError(t, err)
	sp := SearchParams{Query: q, Limit: Ptr(int64(3)), Page: Ptr("WzE2ODAwMDAwMDBd")}

	cus, err := c.Customers.Search(ctx, &CustomerSearchParams{SearchParams: sp, Params: Params{Expand: []string{"data.test_clock"}}})
	require.NoError(t, err)
	require.Equal(t, "search_result", cus.Object)
	ch, err := c.Charges.Search(ctx, &ChargeSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", ch.Object)
	inv, err := c.Invoices.Search(ctx, &InvoiceSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", inv.Object)
	pi, err := c.PaymentIntents.Search(ctx, &PaymentIntentSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", pi.Object)
	sub, err := c.Subscriptions.Search(ctx, &SubscriptionSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", sub.Object)
	prod, err := c.Products.Search(ctx, &ProductSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", prod.Object)
	price, err := c.Prices.Search(ctx, &PriceSearchParams{SearchParams: sp})
	require.NoError(t, err)
	require.Equal(t, "search_result", price.Object)

	for cus, err := range c.Customers.SearchAll(ctx, &CustomerSearchParams{SearchParams: SearchParams{Query: q}}) {
		require.NoError(t, err)
		require.Equal(t, "customer", cus.Object)
		break
	}
}
