package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRefundsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund.json")))

	re, err := c.Refunds.Create(context.Background(), &RefundCreateParams{
		Charge:   Ptr("ch_3MmlLrLkdIwHu7ix0snN0B15"),
		Amount:   Ptr(int64(500)),
		Reason:   Ptr(RefundReasonRequestedByCustomer),
		Metadata: Metadata{"ticket": "T-1001"},
		Params:   Params{IdempotencyKey: "refund-T-1001"},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/refunds", sent[0].Path)
	assert.Equal(t, "refund-T-1001", sent[0].Header.Get("Idempotency-Key"))
	assert.Equal(t, url.Values{
		"charge":           {"ch_3MmlLrLkdIwHu7ix0snN0B15"},
		"amount":           {"500"},
		"reason":           {"requested_by_customer"},
		"metadata[ticket]": {"T-1001"},
	}, sent[0].Form)

	// Every field of the full fixture.
	assert.Equal(t, "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", re.ID)
	assert.Equal(t, "refund", re.Object)
	assert.Equal(t, int64(500), re.Amount)
	assert.Equal(t, "txn_3MmlLrLkdIwHu7ix0xYhDfBe", re.BalanceTransaction.ID)
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", re.Charge.ID)
	assert.Nil(t, re.Charge.Object)
	assert.Equal(t, int64(1679090600), re.Created)
	assert.Equal(t, "usd", re.Currency)
	assert.Equal(t, "cus_NffrFeUfNV2Hib", re.Customer.ID)
	assert.Equal(t, map[string]string{"ticket": "T-1001"}, re.Metadata)
	assert.Equal(t, "pi_3MmlLrLkdIwHu7ix0WxZ2gQh", re.PaymentIntent.ID)
	assert.Equal(t, RefundReasonRequestedByCustomer, re.Reason)
	assert.Equal(t, "3210-9876", re.ReceiptNumber)
	assert.Equal(t, RefundStatusSucceeded, re.Status)
	assert.Empty(t, re.FailureReason)
}

func TestRefundsCreateForPaymentIntent(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund.json")))

	_, err := c.Refunds.Create(context.Background(), &RefundCreateParams{
		PaymentIntent:        Ptr("pi_3MmlLrLkdIwHu7ix0WxZ2gQh"),
		Reason:               Ptr(RefundReasonDuplicate),
		RefundApplicationFee: Ptr(false),
	})
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"payment_intent":         {"pi_3MmlLrLkdIwHu7ix0WxZ2gQh"},
		"reason":                 {"duplicate"},
		"refund_application_fee": {"false"},
	}, rec.requests()[0].Form)
}

func TestRefundsCreateValidatesBeforeSending(t *testing.T) {
	t.Parallel()
	for name, params := range map[string]*RefundCreateParams{
		"nil params":    nil,
		"neither":       {Amount: Ptr(int64(100)), Reason: Ptr(RefundReasonFraudulent)},
		"both empty":    {Charge: Ptr(""), PaymentIntent: Ptr("")},
		"only metadata": {Metadata: Metadata{"a": "b"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, "refund.json")))
			re, err := c.Refunds.Create(context.Background(), params)
			require.EqualError(t, err, "stripe: Refunds.Create: Charge or PaymentIntent is required")
			assert.Nil(t, re)
			assert.Empty(t, rec.requests(), "no request may be sent")
		})
	}
}

func TestRefundsGetExpandedCharge(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund_expanded_charge.json")))

	re, err := c.Refunds.Get(context.Background(), "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", &RefundGetParams{Params: Params{Expand: []string{"charge"}}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/refunds/re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", sent[0].Path)
	assert.Equal(t, url.Values{"expand[0]": {"charge"}}, sent[0].Query)

	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", re.Charge.ID)
	require.NotNil(t, re.Charge.Object)
	assert.Equal(t, int64(2000), re.Charge.Object.Amount)
	assert.Equal(t, int64(500), re.Charge.Object.AmountRefunded)
	assert.Equal(t, "cus_NffrFeUfNV2Hib", re.Charge.Object.Customer.ID)
	assert.Equal(t, ChargeStatusSucceeded, re.Charge.Object.Status)
	assert.Empty(t, re.BalanceTransaction.ID)
	assert.Empty(t, re.Customer.ID)
	assert.Equal(t, "lost_or_stolen_card", re.FailureReason)
	assert.Equal(t, "jenny.rosen@example.com", re.InstructionsEmail)
	assert.Equal(t, "processing", re.PendingReason)
	assert.Equal(t, RefundReasonFraudulent, re.Reason)
	assert.Equal(t, RefundStatusRequiresAction, re.Status)
}

func TestRefundsGetNilParamsAndBadID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund.json")))

	re, err := c.Refunds.Get(context.Background(), "re_1", nil)
	require.NoError(t, err)
	assert.Equal(t, "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", re.ID)
	assert.Empty(t, rec.requests()[0].Query)

	for _, id := range []string{"", ".."} {
		_, err = c.Refunds.Get(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Refunds.Update(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Refunds.Cancel(context.Background(), id, nil)
		require.Error(t, err)
	}
	assert.Len(t, rec.requests(), 1)
}

func TestRefundsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund.json")))

	re, err := c.Refunds.Update(context.Background(), "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", &RefundUpdateParams{
		Metadata: Metadata{"ticket": "T-1001", "old": ""},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/refunds/re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", sent[0].Path)
	assert.Equal(t, url.Values{"metadata[ticket]": {"T-1001"}, "metadata[old]": {""}}, sent[0].Form)
	assert.Equal(t, "T-1001", re.Metadata["ticket"])
}

func TestRefundsCancel(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refund_canceled.json")))

	re, err := c.Refunds.Cancel(context.Background(), "re_3MmlLrLkdIwHu7ix0Z9Mn1Rk", &RefundCancelParams{Params: Params{Expand: []string{"charge"}}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/refunds/re_3MmlLrLkdIwHu7ix0Z9Mn1Rk/cancel", sent[0].Path)
	assert.Equal(t, url.Values{"expand[0]": {"charge"}}, sent[0].Form)
	assert.NotEmpty(t, sent[0].Header.Get("Idempotency-Key"))

	assert.Equal(t, RefundStatusCanceled, re.Status)
	assert.Empty(t, re.Reason)
	assert.Equal(t, "ch_3MmlLrLkdIwHu7ix0snN0B15", re.Charge.ID)

	_, err = c.Refunds.Cancel(context.Background(), "re_2", nil)
	require.NoError(t, err)
	assert.Equal(t, "/v1/refunds/re_2/cancel", rec.requests()[1].Path)
	assert.Empty(t, rec.requests()[1].RawBody)
}

func TestRefundsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refunds_page1.json")))

	page, err := c.Refunds.List(context.Background(), &RefundListParams{
		ListParams:    ListParams{Limit: Ptr(int64(2)), EndingBefore: Ptr("re_000")},
		Charge:        Ptr("ch_001"),
		PaymentIntent: Ptr("pi_001"),
		Created:       &RangeQuery{GT: Ptr(int64(1700000000))},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/refunds", sent[0].Path)
	assert.Equal(t, url.Values{
		"limit":          {"2"},
		"ending_before":  {"re_000"},
		"charge":         {"ch_001"},
		"payment_intent": {"pi_001"},
		"created[gt]":    {"1700000000"},
	}, sent[0].Query)
	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	assert.Equal(t, "re_001", page.Data[0].ID)
	assert.Equal(t, RefundStatusPending, page.Data[1].Status)
}

func TestRefundsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "refunds_page1.json")), ok(fixture(t, "refunds_page2.json")))

	var ids []string
	for re, err := range c.Refunds.All(context.Background(), &RefundListParams{Charge: Ptr("ch_001")}) {
		require.NoError(t, err)
		ids = append(ids, re.ID)
	}
	assert.Equal(t, []string{"re_001", "re_002", "re_003"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, url.Values{"charge": {"ch_001"}, "starting_after": {"re_002"}}, sent[1].Query)
}
