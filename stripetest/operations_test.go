package stripetest_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func TestInvoiceLinesPageThrough(t *testing.T) { // issue 16 acceptance: 25 lines page through Lines completely
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	var want int64
	for i := int64(1); i <= 25; i++ {
		_, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(i * 100), Currency: stripe.Ptr("usd")})
		require.NoError(t, err)
		want += i * 100
	}
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Len(t, inv.Lines.Data, 10, "the invoice embeds the first ten")
	require.True(t, inv.Lines.HasMore)

	page, err := c.Invoices.Lines(ctx, inv.ID, &stripe.InvoiceLineListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(7))}})
	require.NoError(t, err)
	require.Len(t, page.Data, 7)
	require.True(t, page.HasMore)

	seen := map[string]bool{}
	var sum int64
	for l, err := range c.Invoices.LinesAll(ctx, inv.ID, &stripe.InvoiceLineListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(4))}}) {
		require.NoError(t, err)
		require.False(t, seen[l.ID], "line %s listed twice", l.ID)
		seen[l.ID] = true
		sum += l.Amount
	}
	require.Len(t, seen, 25)
	require.Equal(t, want, sum)
	require.Equal(t, inv.Total, sum)
}

func TestDisputeWorkflow(t *testing.T) { // issue 16 acceptance: a dispute is opened, evidence submitted, closed
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	balance := balanceUSD(t, c)

	_, err = srv.OpenDispute("ch_missing", "")
	require.Error(t, err)
	id, err := srv.OpenDispute(ch.ID, "product_not_received")
	require.NoError(t, err)
	_, err = srv.OpenDispute(ch.ID, "")
	require.Error(t, err, "a charge is disputed once")
	require.Equal(t, balance-10000-1500, balanceUSD(t, c), "the amount and the dispute fee are withdrawn")

	events, err := c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("charge.dispute.created"))})
	require.NoError(t, err)
	require.Len(t, events.Data, 1)

	d, err := c.Disputes.Get(ctx, id, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.DisputeStatusNeedsResponse, d.Status)
	require.Equal(t, ch.ID, d.Charge.ID)
	require.Equal(t, int64(10000), d.Amount)
	require.False(t, d.EvidenceDetails.HasEvidence)
	ch, err = c.Charges.Get(ctx, ch.ID, nil)
	require.NoError(t, err)
	require.True(t, ch.Disputed)

	// Evidence saved without submitting keeps it open.
	d, err = c.Disputes.Update(ctx, id, &stripe.DisputeUpdateParams{Evidence: &stripe.DisputeEvidenceParams{
		ShippingTrackingNumber: stripe.Ptr("1Z999"), CustomerName: stripe.Ptr("Jenny Rosen")}})
	require.NoError(t, err)
	require.Equal(t, stripe.DisputeStatusNeedsResponse, d.Status)
	require.Equal(t, "1Z999", d.Evidence.ShippingTrackingNumber)
	require.True(t, d.EvidenceDetails.HasEvidence)
	require.Zero(t, d.EvidenceDetails.SubmissionCount)

	d, err = c.Disputes.Update(ctx, id, &stripe.DisputeUpdateParams{Evidence: &stripe.DisputeEvidenceParams{UncategorizedText: stripe.Ptr("delivered")}, Submit: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, stripe.DisputeStatusUnderReview, d.Status)
	require.Equal(t, int64(1), d.EvidenceDetails.SubmissionCount)
	require.Equal(t, "Jenny Rosen", d.Evidence.CustomerName, "earlier evidence is kept")
	_, err = c.Disputes.Update(ctx, id, &stripe.DisputeUpdateParams{Submit: stripe.Ptr(true)})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "no evidence once under review")

	// Closing is for disputes still awaiting a response.
	_, err = c.Disputes.Close(ctx, id, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	ch2, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	id2, err := srv.OpenDispute(ch2.ID, "")
	require.NoError(t, err)
	d2, err := c.Disputes.Close(ctx, id2, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.DisputeStatusLost, d2.Status)
	require.Equal(t, "fraudulent", d2.Reason)
	events, err = c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("charge.dispute.closed"))})
	require.NoError(t, err)
	require.Len(t, events.Data, 1)

	list, err := c.Disputes.List(ctx, &stripe.DisputeListParams{Charge: stripe.Ptr(ch2.ID)})
	require.NoError(t, err)
	require.Equal(t, []string{id2}, ids(list.Data))
	n := 0
	for _, err := range c.Disputes.All(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
}

func TestPayoutsDrawDownBalance(t *testing.T) { // issue 16 acceptance: a payout larger than the balance fails with a typed error
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	available := balanceUSD(t, c)
	require.Equal(t, int64(10000-290-30), available)

	po, err := c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("weekly")})
	require.NoError(t, err)
	require.Equal(t, stripe.PayoutStatusPending, po.Status)
	require.NotEmpty(t, po.BalanceTransaction.ID)
	require.Equal(t, available-5000, balanceUSD(t, c))

	_, err = c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(available), Currency: stripe.Ptr("usd")})
	var se *stripe.Error
	require.True(t, errors.As(err, &se), "%v", err)
	require.Equal(t, stripe.ErrorCodeBalanceInsufficient, se.Code)
	require.Equal(t, stripe.ErrorTypeInvalidRequest, se.Type)
	require.Equal(t, 400, se.HTTPStatus)
	require.Equal(t, available-5000, balanceUSD(t, c), "a failed payout takes nothing")

	po, err = c.Payouts.Update(ctx, po.ID, &stripe.PayoutUpdateParams{Metadata: stripe.Metadata{"batch": "7"}})
	require.NoError(t, err)
	require.Equal(t, "7", po.Metadata["batch"])
	po, err = c.Payouts.Cancel(ctx, po.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PayoutStatusCanceled, po.Status)
	require.Equal(t, available, balanceUSD(t, c), "a canceled payout comes back")
	_, err = c.Payouts.Cancel(ctx, po.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	po2, err := c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(available), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	require.Zero(t, balanceUSD(t, c))
	got, err := c.Payouts.Get(ctx, po2.ID, nil)
	require.NoError(t, err)
	require.Equal(t, available, got.Amount)
	pending := stripe.PayoutStatusPending
	list, err := c.Payouts.List(ctx, &stripe.PayoutListParams{Status: &pending})
	require.NoError(t, err)
	require.Equal(t, []string{po2.ID}, ids(list.Data))
	n := 0
	for _, err := range c.Payouts.All(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
	_, err = c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Currency: stripe.Ptr("usd")})
	require.Equal(t, stripe.ErrorCode("parameter_missing"), apiErr(t, err).Code)
}

func TestTaxRates(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	tr, err := c.TaxRates.Create(ctx, &stripe.TaxRateCreateParams{DisplayName: stripe.Ptr("VAT"), Percentage: stripe.Ptr(19.0), Inclusive: stripe.Ptr(false),
		Country: stripe.Ptr("DE"), Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	require.True(t, tr.Active)
	require.Equal(t, 19.0, tr.Percentage)
	require.Equal(t, "DE", tr.Country)
	_, err = c.TaxRates.Create(ctx, &stripe.TaxRateCreateParams{DisplayName: stripe.Ptr("GST"), Percentage: stripe.Ptr(10.0)})
	require.Equal(t, "inclusive", apiErr(t, err).Param)
	incl, err := c.TaxRates.Create(ctx, &stripe.TaxRateCreateParams{DisplayName: stripe.Ptr("GST"), Percentage: stripe.Ptr(10.0), Inclusive: stripe.Ptr(true)})
	require.NoError(t, err)

	tr, err = c.TaxRates.Update(ctx, tr.ID, &stripe.TaxRateUpdateParams{Active: stripe.Ptr(false), Description: stripe.Ptr("old rate")})
	require.NoError(t, err)
	require.False(t, tr.Active)
	require.Equal(t, "old rate", tr.Description)
	got, err := c.TaxRates.Get(ctx, tr.ID, nil)
	require.NoError(t, err)
	require.Equal(t, tr, got)
	list, err := c.TaxRates.List(ctx, &stripe.TaxRateListParams{Active: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, []string{incl.ID}, ids(list.Data))
	n := 0
	for _, err := range c.TaxRates.All(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
}

func TestTransfersToConnectedAccount(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	acct := srv.CreateAccount()
	_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	available := balanceUSD(t, c)

	tr, err := c.Transfers.Create(ctx, &stripe.TransferCreateParams{Amount: stripe.Ptr(int64(6000)), Currency: stripe.Ptr("usd"), Destination: stripe.Ptr(acct),
		TransferGroup: stripe.Ptr("order-7")})
	require.NoError(t, err)
	require.Equal(t, acct, tr.Destination.ID)
	require.NotEmpty(t, tr.DestinationPayment.ID)
	require.Equal(t, available-6000, balanceUSD(t, c))
	onAcct, err := srv.Client(stripe.WithStripeAccount(acct))
	require.NoError(t, err)
	require.Equal(t, int64(6000), balanceUSD(t, onAcct), "the connected account received it")

	_, err = c.Transfers.Create(ctx, &stripe.TransferCreateParams{Amount: stripe.Ptr(available), Currency: stripe.Ptr("usd"), Destination: stripe.Ptr(acct)})
	require.Equal(t, stripe.ErrorCodeBalanceInsufficient, apiErr(t, err).Code)
	_, err = c.Transfers.Create(ctx, &stripe.TransferCreateParams{Amount: stripe.Ptr(int64(1)), Currency: stripe.Ptr("usd"), Destination: stripe.Ptr("acct_missing")})
	require.Equal(t, "destination", apiErr(t, err).Param)

	tr, err = c.Transfers.Update(ctx, tr.ID, &stripe.TransferUpdateParams{Description: stripe.Ptr("payout share")})
	require.NoError(t, err)
	require.Equal(t, "payout share", tr.Description)
	got, err := c.Transfers.Get(ctx, tr.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(6000), got.Amount)
	list, err := c.Transfers.List(ctx, &stripe.TransferListParams{TransferGroup: stripe.Ptr("order-7")})
	require.NoError(t, err)
	require.Equal(t, []string{tr.ID}, ids(list.Data))
	n := 0
	for _, err := range c.Transfers.All(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 1, n)
}

func TestPayoutPaidAndReversed(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	_, c := newClient(t, stripetest.WithClock(clock))
	ctx := context.Background()
	_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	available := balanceUSD(t, c)
	po, err := c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(int64(4000)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	_, err = c.Payouts.Reverse(ctx, po.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "a pending payout is canceled, not reversed")

	mu.Lock()
	now = now.Add(3 * 24 * time.Hour)
	mu.Unlock()
	po, err = c.Payouts.Get(ctx, po.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PayoutStatusPaid, po.Status, "paid once its arrival date has come")
	_, err = c.Payouts.Cancel(ctx, po.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	rev, err := c.Payouts.Reverse(ctx, po.ID, nil)
	require.NoError(t, err)
	require.Equal(t, po.ID, rev.OriginalPayout.ID)
	require.Equal(t, available, balanceUSD(t, c), "the reversal brings the money back")
	po, err = c.Payouts.Get(ctx, po.ID, nil)
	require.NoError(t, err)
	require.Equal(t, rev.ID, po.ReversedBy.ID)
	_, err = c.Payouts.Reverse(ctx, po.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "reversed once")
}

// A dispute keeps the enhanced evidence given, and
// evidence[enhanced_evidence]= (empty) clears it to {}, never "".
func TestDisputeEnhancedEvidence(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ch, err := c.Charges.Create(context.Background(), &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	id, err := srv.OpenDispute(ch.ID, "")
	require.NoError(t, err)

	resp, d := rawCall(t, srv, "POST", "/v1/disputes/"+id, url.Values{"evidence[enhanced_evidence][visa_compliance][fee_acknowledged]": {"true"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, d)
	evidence, _ := d["evidence"].(map[string]any)
	enhanced, _ := evidence["enhanced_evidence"].(map[string]any)
	require.Contains(t, enhanced, "visa_compliance")

	resp, d = rawCall(t, srv, "POST", "/v1/disputes/"+id, url.Values{"evidence[enhanced_evidence]": {""}})
	require.Equal(t, http.StatusOK, resp.StatusCode, d)
	evidence, _ = d["evidence"].(map[string]any)
	require.Equal(t, map[string]any{}, evidence["enhanced_evidence"])
}
