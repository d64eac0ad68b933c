package stripe

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBalanceGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance.json")))

	b, err := c.Balance.Get(context.Background(), nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, http.MethodGet, sent[0].Method)
	require.Equal(t, "/v1/balance", sent[0].Path)
	require.Empty(t, sent[0].Query)
	require.Empty(t, sent[0].Header.Get("Stripe-Account"))

	require.Equal(t, "balance", b.Object)
	require.False(t, b.Livemode)
	require.Equal(t, []BalanceAmount{
		{Amount: 666670, Currency: "usd", SourceTypes: map[string]int64{"card": 666670}},
		{Amount: 12000, Currency: "eur", SourceTypes: map[string]int64{"bank_account": 2000, "card": 10000}},
	}, b.Available)
	require.Equal(t, []BalanceAmount{
		{Amount: 61414, Currency: "usd", SourceTypes: map[string]int64{"card": 61414}},
	}, b.Pending)
	require.Equal(t, []BalanceAmount{{Amount: 0, Currency: "usd"}}, b.ConnectReserved)
	require.Equal(t, []BalanceAmountNet{{
		Amount:   500000,
		Currency: "usd",
		NetAvailable: []BalanceNetAvailable{{
			Amount: 495000, Destination: "ba_1NGTc52eZvKYlo2CKcQHVBT1", SourceTypes: map[string]int64{"card": 495000},
		}},
		SourceTypes: map[string]int64{"card": 500000},
	}}, b.InstantAvailable)
	require.Equal(t, BalanceDetail{Available: []BalanceAmount{{Amount: 1500, Currency: "usd"}}}, b.Issuing)
	require.Equal(t, BalanceDetailUngated{
		Available: []BalanceAmount{{Amount: 2500, Currency: "usd"}},
		Pending:   []BalanceAmount{{Amount: 700, Currency: "usd"}},
	}, b.RefundAndDisputePrefunding)
}

func TestBalanceGetConnectedAccount(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "balance.json")))

	_, err := c.Balance.Get(context.Background(), &BalanceGetParams{
		Params: Params{StripeAccount: "acct_1Nv0FGQ9RKHgCVdK", Expand: []string{"instant_available.net_available"}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, "/v1/balance", sent[0].Path)
	require.Equal(t, "acct_1Nv0FGQ9RKHgCVdK", sent[0].Header.Get("Stripe-Account"))
	require.Equal(t, url.Values{"expand[0]": {"instant_available.net_available"}}, sent[0].Query)
}
