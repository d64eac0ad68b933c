package stripe

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const testPayoutID = "po_1QaBcY2eZvKYlo2CpAyO0001"

func TestPayoutsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payout.json")))

	po, err := c.Payouts.Create(context.Background(), &PayoutCreateParams{
		Amount: Ptr(int64(50000)), Currency: Ptr("usd"), Description: Ptr("Weekly payout"),
		Destination: Ptr("ba_1QaBca2eZvKYlo2CbAnK0001"), Method: Ptr("standard"), SourceType: Ptr("card"),
		StatementDescriptor: Ptr("ACME PAYOUT"), Metadata: Metadata{"batch": "w05"},
		Params: Params{IdempotencyKey: "payout-w05"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/payouts")
	require.Equal(t, "payout-w05", sent[0].Header.Get("Idempotency-Key"))
	require.Equal(t, billingForm(
		"amount", "50000", "currency", "usd", "description", "Weekly payout",
		"destination", "ba_1QaBca2eZvKYlo2CbAnK0001", "method", "standard", "source_type", "card",
		"statement_descriptor", "ACME PAYOUT", "metadata[batch]", "w05",
	), sent[0].Form)

	require.Equal(t, testPayoutID, po.ID)
	require.Equal(t, "payout", po.Object)
	require.Equal(t, int64(50000), po.Amount)
	require.Equal(t, int64(1738540800), po.ArrivalDate)
	require.False(t, po.Automatic)
	require.Equal(t, "txn_1QaBcZ2eZvKYlo2CtXn00001", po.BalanceTransaction.ID)
	require.Equal(t, "ba_1QaBca2eZvKYlo2CbAnK0001", po.Destination.ID)
	require.Equal(t, PayoutStatusPending, po.Status)
	require.Equal(t, "standard", po.Method)
	require.Equal(t, "bank_account", po.Type)
	require.Nil(t, po.TraceID)
	require.Empty(t, po.OriginalPayout.ID)
}

func TestPayoutsCreateInsufficientBalance(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, reply{status: http.StatusBadRequest, body: fixture(t, "error_balance_insufficient.json")})

	_, err := c.Payouts.Create(context.Background(), &PayoutCreateParams{Amount: Ptr(int64(10_000_000)), Currency: Ptr("usd")})
	var se *Error
	require.True(t, errors.As(err, &se))
	require.Equal(t, ErrorCodeBalanceInsufficient, se.Code)
	require.Equal(t, http.StatusBadRequest, se.HTTPStatus)
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, rec.requests(), 1, "a 400 is not retried")
}

func TestPayoutsGetUpdateCancelReverse(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payout.json")), ok(fixture(t, "payout.json")), ok(fixture(t, "payout_canceled.json")), ok(fixture(t, "payout_reversal.json")))
	ctx := context.Background()

	_, err := c.Payouts.Get(ctx, testPayoutID, &PayoutGetParams{Params: Params{Expand: []string{"destination"}}})
	require.NoError(t, err)
	_, err = c.Payouts.Update(ctx, testPayoutID, &PayoutUpdateParams{Metadata: Metadata{"batch": ""}})
	require.NoError(t, err)
	cn, err := c.Payouts.Cancel(ctx, testPayoutID, nil)
	require.NoError(t, err)
	require.Equal(t, PayoutStatusCanceled, cn.Status)
	require.Equal(t, "txn_1QaBcZ2eZvKYlo2CtXn00002", cn.FailureBalanceTransaction.ID)
	rv, err := c.Payouts.Reverse(ctx, testPayoutID, &PayoutReverseParams{Metadata: Metadata{"why": "wrong account"}})
	require.NoError(t, err)
	require.Equal(t, testPayoutID, rv.OriginalPayout.ID)

	sent := rec.requests()
	require.Len(t, sent, 4)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/payouts/"+testPayoutID)
	require.Equal(t, billingForm("expand[0]", "destination"), sent[0].Query)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/payouts/"+testPayoutID)
	require.Equal(t, billingForm("metadata[batch]", ""), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodPost, "/v1/payouts/"+testPayoutID+"/cancel")
	require.Empty(t, sent[2].Form)
	requireBillingRequest(t, sent[3], http.MethodPost, "/v1/payouts/"+testPayoutID+"/reverse")
	require.Equal(t, billingForm("metadata[why]", "wrong account"), sent[3].Form)

	_, err = c.Payouts.Cancel(ctx, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 4)
}

func TestPayoutsListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "payouts_page1.json")), ok(fixture(t, "payouts_page1.json")), ok(fixture(t, "payouts_page2.json")))
	ctx := context.Background()

	page, err := c.Payouts.List(ctx, &PayoutListParams{
		Status: Ptr(PayoutStatusPaid), Destination: Ptr("ba_1"),
		ArrivalDate: &RangeQuery{GTE: Ptr(int64(1738000000))}, Created: &RangeQuery{LT: Ptr(int64(1739000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "TRACE123", page.Data[1].TraceID.Value)

	var statuses []PayoutStatus
	for po, err := range c.Payouts.All(ctx, nil) {
		require.NoError(t, err)
		statuses = append(statuses, po.Status)
	}
	require.Equal(t, []PayoutStatus{PayoutStatusPending, PayoutStatusPaid, PayoutStatusFailed}, statuses)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/payouts")
	require.Equal(t, billingForm("status", "paid", "destination", "ba_1", "arrival_date[gte]", "1738000000", "created[lt]", "1739000000"), sent[0].Query)
	require.Equal(t, billingForm("starting_after", "po_1QaBcY2eZvKYlo2CpAyO0002"), sent[2].Query)
}
