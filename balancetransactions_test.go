package stripe

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const testTxnID = "txn_1MiN3gLkdIwHu7ixxapQrznl"

func TestBalanceTransactionsGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance_transaction.json")))

	txn, err := c.BalanceTransactions.Get(context.Background(), testTxnID, nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/balance_transactions/txn_1MiN3gLkdIwHu7ixxapQrznl", sent[0].Path)
	require.Empty(t, sent[0].Query)

	require.Equal(t, BalanceTransaction{
		ID:           testTxnID,
		Object:       "balance_transaction",
		Amount:       2000,
		AvailableOn:  1678147200,
		BalanceType:  "payments",
		Created:      1677696376,
		Currency:     "usd",
		Description:  "Payment for invoice 0759376C-0003",
		ExchangeRate: 0.9185,
		Fee:          88,
		FeeDetails: []BalanceTransactionFee{
			{Amount: 88, Currency: "usd", Description: "Stripe processing fees", Type: "stripe_fee"},
		},
		Net:               1912,
		ReportingCategory: "charge",
		Source:            Expandable[BalanceTransactionSource]{ID: "ch_3MiN3gLkdIwHu7ix0snN0B15"},
		Status:            BalanceTransactionStatusPending,
		Type:              BalanceTransactionTypeCharge,
	}, *txn)
}

func TestBalanceTransactionsGetExpandedSource(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance_transaction_expanded_source.json")))

	txn, err := c.BalanceTransactions.Get(context.Background(), testTxnID,
		&BalanceTransactionGetParams{Params: Params{Expand: []string{"source"}}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, url.Values{"expand[0]": {"source"}}, sent[0].Query)

	require.Equal(t, "ch_3MiN3gLkdIwHu7ix0snN0B15", txn.Source.ID)
	require.Equal(t, &BalanceTransactionSource{ID: "ch_3MiN3gLkdIwHu7ix0snN0B15", Object: "charge"}, txn.Source.Object)
	require.Equal(t, int64(1912), txn.Net)
}

func TestBalanceTransactionsGetRefusesEmptyID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance_transaction.json")))
	_, err := c.BalanceTransactions.Get(context.Background(), "", nil)
	require.ErrorContains(t, err, "invalid ID")
	require.Empty(t, rec.requests())
}

func TestBalanceTransactionsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance_transactions_page1.json")))

	page, err := c.BalanceTransactions.List(context.Background(), &BalanceTransactionListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Type:       Ptr(BalanceTransactionTypeCharge),
		Source:     Ptr("ch_3MiN3gLkdIwHu7ix0snN0B15"),
		Payout:     Ptr("po_1MiN4hLkdIwHu7ixjqRdfDSG"),
		Currency:   Ptr("usd"),
		Created:    &RangeQuery{GTE: Ptr(int64(1677600000)), LT: Ptr(int64(1677800000))},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/balance_transactions", sent[0].Path)
	require.Equal(t, url.Values{
		"limit":        {"2"},
		"type":         {"charge"},
		"source":       {"ch_3MiN3gLkdIwHu7ix0snN0B15"},
		"payout":       {"po_1MiN4hLkdIwHu7ixjqRdfDSG"},
		"currency":     {"usd"},
		"created[gte]": {"1677600000"},
		"created[lt]":  {"1677800000"},
	}, sent[0].Query)

	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, BalanceTransactionTypePayout, page.Data[0].Type)
	require.Equal(t, int64(-5000), page.Data[0].Amount)
	require.Equal(t, "po_1MiN4hLkdIwHu7ixjqRdfDSG", page.Data[0].Source.ID)
	require.Zero(t, page.Data[0].ExchangeRate)
	require.Equal(t, BalanceTransactionStatusAvailable, page.Data[0].Status)
}

func TestBalanceTransactionsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance_transactions_page1.json")), ok(fixture(t, "balance_transactions_page2.json")))

	params := &BalanceTransactionListParams{Currency: Ptr("usd")}
	var types []BalanceTransactionType
	for txn, err := range c.BalanceTransactions.All(context.Background(), params) {
		require.NoError(t, err)
		types = append(types, txn.Type)
	}
	require.Equal(t, []BalanceTransactionType{
		BalanceTransactionTypePayout, BalanceTransactionTypeCharge, BalanceTransactionTypeRefund,
	}, types)

	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, url.Values{"currency": {"usd"}}, sent[0].Query)
	require.Equal(t, url.Values{"currency": {"usd"}, "starting_after": {"txn_1MiN3gLkdIwHu7ix0000002A"}}, sent[1].Query)
	require.Nil(t, params.StartingAfter)
}
