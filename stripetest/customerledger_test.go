package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func TestCustomerBalanceTransactions(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	other, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)

	txn, err := c.CustomerBalanceTransactions.Create(ctx, cus.ID, &stripe.CustomerBalanceTransactionCreateParams{Amount: stripe.Ptr(int64(-2500)),
		Currency: stripe.Ptr("usd"), Description: stripe.Ptr("goodwill")})
	require.NoError(t, err)
	require.Equal(t, int64(-2500), txn.EndingBalance)
	_, err = c.CustomerBalanceTransactions.Create(ctx, cus.ID, &stripe.CustomerBalanceTransactionCreateParams{Amount: stripe.Ptr(int64(500)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	cus, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(-2000), cus.Balance)
	_, err = c.CustomerBalanceTransactions.Create(ctx, cus.ID, &stripe.CustomerBalanceTransactionCreateParams{Amount: stripe.Ptr(int64(1)), Currency: stripe.Ptr("eur")})
	require.Equal(t, "currency", apiErr(t, err).Param)

	txn, err = c.CustomerBalanceTransactions.Update(ctx, cus.ID, txn.ID, &stripe.CustomerBalanceTransactionUpdateParams{Metadata: stripe.Metadata{"ticket": "42"}})
	require.NoError(t, err)
	require.Equal(t, "42", txn.Metadata["ticket"])
	got, err := c.CustomerBalanceTransactions.Get(ctx, cus.ID, txn.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "goodwill", got.Description)
	_, err = c.CustomerBalanceTransactions.Get(ctx, other.ID, txn.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound, "another customer's transaction")
	n := 0
	for _, err := range c.CustomerBalanceTransactions.All(ctx, cus.ID, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
	list, err := c.CustomerBalanceTransactions.List(ctx, other.ID, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data)
}

func TestTaxIDs(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	tx, err := c.TaxIDs.Create(ctx, cus.ID, &stripe.TaxIDCreateParams{Type: stripe.Ptr("eu_vat"), Value: stripe.Ptr("DE123456789")})
	require.NoError(t, err)
	require.Equal(t, "DE", tx.Country)
	require.Equal(t, cus.ID, tx.Customer.ID)
	_, err = c.TaxIDs.Create(ctx, cus.ID, &stripe.TaxIDCreateParams{Type: stripe.Ptr("eu_vat")})
	require.Equal(t, stripe.ErrorCode("parameter_missing"), apiErr(t, err).Code)
	_, err = c.TaxIDs.Create(ctx, cus.ID, &stripe.TaxIDCreateParams{Type: stripe.Ptr("us_ein"), Value: stripe.Ptr("12-3456789")})
	require.NoError(t, err)
	got, err := c.TaxIDs.Get(ctx, cus.ID, tx.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "DE123456789", got.Value)
	n := 0
	for _, err := range c.TaxIDs.All(ctx, cus.ID, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
	del, err := c.TaxIDs.Delete(ctx, cus.ID, tx.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	list, err := c.TaxIDs.List(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
}
