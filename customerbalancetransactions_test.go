package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const billingCustomerID = "cus_PqR7sT8uV9wX1y"

func TestCustomerBalanceTransactionsCreateGetUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer_balance_transaction.json")))
	ctx := context.Background()

	tx, err := c.CustomerBalanceTransactions.Create(ctx, billingCustomerID, &CustomerBalanceTransactionCreateParams{
		Amount: Ptr(int64(-2500)), Currency: Ptr("usd"), Description: Ptr("Goodwill credit"), Metadata: Metadata{"ticket": "4711"},
	})
	require.NoError(t, err)
	_, err = c.CustomerBalanceTransactions.Get(ctx, billingCustomerID, "cbtxn_1QaBcR2eZvKYlo2CbAlT0001", &CustomerBalanceTransactionGetParams{
		Params: Params{Expand: []string{"invoice"}},
	})
	require.NoError(t, err)
	_, err = c.CustomerBalanceTransactions.Update(ctx, billingCustomerID, "cbtxn_1QaBcR2eZvKYlo2CbAlT0001", &CustomerBalanceTransactionUpdateParams{
		Description: Ptr(""), Metadata: Metadata{"ticket": ""},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 3)
	base := "/v1/customers/" + billingCustomerID + "/balance_transactions"
	requireBillingRequest(t, sent[0], http.MethodPost, base)
	require.Equal(t, billingForm("amount", "-2500", "currency", "usd", "description", "Goodwill credit", "metadata[ticket]", "4711"), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodGet, base+"/cbtxn_1QaBcR2eZvKYlo2CbAlT0001")
	require.Equal(t, billingForm("expand[0]", "invoice"), sent[1].Query)
	requireBillingRequest(t, sent[2], http.MethodPost, base+"/cbtxn_1QaBcR2eZvKYlo2CbAlT0001")
	require.Equal(t, billingForm("description", "", "metadata[ticket]", ""), sent[2].Form)

	require.Equal(t, "cbtxn_1QaBcR2eZvKYlo2CbAlT0001", tx.ID)
	require.Equal(t, "customer_balance_transaction", tx.Object)
	require.Equal(t, int64(-2500), tx.Amount)
	require.Equal(t, int64(-2500), tx.EndingBalance)
	require.Equal(t, "usd", tx.Currency)
	require.Equal(t, billingCustomerID, tx.Customer.ID)
	require.Equal(t, CustomerBalanceTransactionTypeAdjustment, tx.Type)
	require.Equal(t, "Goodwill credit", tx.Description)
	require.Empty(t, tx.Invoice.ID)
	require.Empty(t, tx.CreditNote.ID)
	require.Equal(t, map[string]string{"ticket": "4711"}, tx.Metadata)
}

func TestCustomerBalanceTransactionsListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer_balance_transactions_page1.json")), ok(fixture(t, "customer_balance_transactions_page1.json")), ok(fixture(t, "customer_balance_transactions_page2.json")))
	ctx := context.Background()

	page, err := c.CustomerBalanceTransactions.List(ctx, billingCustomerID, &CustomerBalanceTransactionListParams{
		Invoice: Ptr("in_1"), Created: &RangeQuery{LT: Ptr(int64(1740000000))},
	})
	require.NoError(t, err)
	require.Equal(t, CustomerBalanceTransactionTypeAppliedToInvoice, page.Data[0].Type)
	require.Equal(t, "in_1QaBcE2eZvKYlo2CmNoPqRsT", page.Data[0].Invoice.ID)

	var amounts []int64
	for tx, err := range c.CustomerBalanceTransactions.All(ctx, billingCustomerID, nil) {
		require.NoError(t, err)
		amounts = append(amounts, tx.Amount)
	}
	require.Equal(t, []int64{2500, -2500, -1000}, amounts)

	sent := rec.requests()
	require.Len(t, sent, 3)
	base := "/v1/customers/" + billingCustomerID + "/balance_transactions"
	requireBillingRequest(t, sent[0], http.MethodGet, base)
	require.Equal(t, billingForm("invoice", "in_1", "created[lt]", "1740000000"), sent[0].Query)
	require.Empty(t, sent[1].Query)
	requireBillingRequest(t, sent[2], http.MethodGet, base)
	require.Equal(t, billingForm("starting_after", "cbtxn_1QaBcR2eZvKYlo2CbAlT0001"), sent[2].Query)

	_, err = c.CustomerBalanceTransactions.Get(ctx, billingCustomerID, "", nil)
	require.Error(t, err)
	_, err = c.CustomerBalanceTransactions.Create(ctx, "..", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 3)
}
