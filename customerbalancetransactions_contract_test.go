package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractCustomerBalanceTransactions(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	tx, err := c.CustomerBalanceTransactions.Create(ctx, "cus_123", &CustomerBalanceTransactionCreateParams{
		Amount: Ptr(int64(-2500)), Currency: Ptr("usd"), Description: Ptr("Goodwill credit"), Metadata: Metadata{"ticket": "4711"},
		Params: Params{Expand: []string{"customer", "invoice", "credit_note"}},
	})
	require.NoError(t, err)
	require.Equal(t, "customer_balance_transaction", tx.Object)
	require.NotEmpty(t, tx.ID)

	_, err = c.CustomerBalanceTransactions.Get(ctx, "cus_123", tx.ID, &CustomerBalanceTransactionGetParams{Params: Params{Expand: []string{"invoice"}}})
	require.NoError(t, err)
	_, err = c.CustomerBalanceTransactions.Update(ctx, "cus_123", tx.ID, &CustomerBalanceTransactionUpdateParams{
		Description: Ptr(""), Metadata: Metadata{"ticket": ""},
	})
	require.NoError(t, err)
	page, err := c.CustomerBalanceTransactions.List(ctx, "cus_123", &CustomerBalanceTransactionListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Invoice: Ptr("in_123"), Created: &RangeQuery{GT: Ptr(int64(1700000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for tx, err := range c.CustomerBalanceTransactions.All(ctx, "cus_123", nil) {
		require.NoError(t, err)
		require.NotEmpty(t, tx.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}

func TestContractTaxIDs(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	tid, err := c.TaxIDs.Create(ctx, "cus_123", &TaxIDCreateParams{Type: Ptr("eu_vat"), Value: Ptr("DE123456789")})
	require.NoError(t, err)
	require.Equal(t, "tax_id", tid.Object)
	require.NotEmpty(t, tid.ID)
	_, err = c.TaxIDs.Get(ctx, "cus_123", tid.ID, nil)
	require.NoError(t, err)
	page, err := c.TaxIDs.List(ctx, "cus_123", &TaxIDListParams{ListParams: ListParams{Limit: Ptr(int64(3))}})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for tid, err := range c.TaxIDs.All(ctx, "cus_123", nil) {
		require.NoError(t, err)
		require.NotEmpty(t, tid.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
	del, err := c.TaxIDs.Delete(ctx, "cus_123", tid.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}

func TestContractTaxRates(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	tr, err := c.TaxRates.Create(ctx, &TaxRateCreateParams{
		DisplayName: Ptr("VAT"), Description: Ptr("VAT Germany"), Percentage: Ptr(19.0), Inclusive: Ptr(false),
		Country: Ptr("DE"), Jurisdiction: Ptr("DE"), TaxType: Ptr("vat"), Active: Ptr(true), State: Ptr("BE"),
		Metadata: Metadata{"region": "eu"},
	})
	require.NoError(t, err)
	require.Equal(t, "tax_rate", tr.Object)
	require.NotEmpty(t, tr.ID)
	_, err = c.TaxRates.Get(ctx, tr.ID, nil)
	require.NoError(t, err)
	_, err = c.TaxRates.Update(ctx, tr.ID, &TaxRateUpdateParams{
		Active: Ptr(false), Description: Ptr(""), DisplayName: Ptr("MwSt"), Country: Ptr("DE"),
		Jurisdiction: Ptr("DE"), State: Ptr("BE"), TaxType: Ptr("vat"), Metadata: Metadata{"region": ""},
	})
	require.NoError(t, err)
	page, err := c.TaxRates.List(ctx, &TaxRateListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Active: Ptr(true), Inclusive: Ptr(false), Created: &RangeQuery{GT: Ptr(int64(1))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for tr, err := range c.TaxRates.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, tr.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
