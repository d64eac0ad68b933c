package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const testDisputeID = "dp_1QaBcV2eZvKYlo2CdIsP0001"

func TestDisputesGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "dispute.json")))

	dp, err := c.Disputes.Get(context.Background(), testDisputeID, &DisputeGetParams{Params: Params{Expand: []string{"charge"}}})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/disputes/"+testDisputeID)
	require.Equal(t, billingForm("expand[0]", "charge"), sent[0].Query)

	require.Equal(t, testDisputeID, dp.ID)
	require.Equal(t, "dispute", dp.Object)
	require.Equal(t, int64(4900), dp.Amount)
	require.Equal(t, "ch_3QaBcW2eZvKYlo2C0cHaRgE1", dp.Charge.ID)
	require.Equal(t, "pi_3QaBcW2eZvKYlo2C0pAyInT1", dp.PaymentIntent.ID)
	require.Equal(t, DisputeStatusNeedsResponse, dp.Status)
	require.Equal(t, "product_not_received", dp.Reason)
	require.True(t, dp.IsChargeRefundable)
	require.Equal(t, int64(1739232000), dp.EvidenceDetails.DueBy)
	require.False(t, dp.EvidenceDetails.HasEvidence)
	require.JSONEq(t, `{}`, string(dp.EvidenceDetails.EnhancedEligibility))
	require.JSONEq(t, `{}`, string(dp.Evidence.EnhancedEvidence))
	require.Equal(t, "card", dp.PaymentMethodDetails.Type)
	require.Equal(t, "chargeback", dp.PaymentMethodDetails.Card.CaseType)
	require.Equal(t, "13.1", dp.PaymentMethodDetails.Card.NetworkReasonCode)
	require.Equal(t, []string{"visa_compelling_evidence_3"}, dp.EnhancedEligibilityTypes)
	require.Empty(t, dp.Evidence.Receipt.ID)
	require.Equal(t, map[string]string{"order": "1042"}, dp.Metadata)
}

func TestDisputesUpdateSubmitClose(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "dispute_submitted.json")), ok(fixture(t, "dispute_closed.json")))
	ctx := context.Background()

	dp, err := c.Disputes.Update(ctx, testDisputeID, &DisputeUpdateParams{
		Evidence: &DisputeEvidenceParams{
			CustomerName:           Ptr("Jenny Rosen"),
			CustomerEmailAddress:   Ptr("jenny@example.com"),
			ProductDescription:     Ptr("Pro plan, January"),
			ShippingTrackingNumber: Ptr("1Z999"),
			UncategorizedFile:      Ptr("file_1QaBcX2eZvKYlo2CfIlE0001"),
			UncategorizedText:      Ptr("Delivered on 3 Jan"),
			RefundPolicy:           Ptr(""),
		},
		Metadata: Metadata{"order": "1042"},
		Submit:   Ptr(true),
	})
	require.NoError(t, err)
	require.Equal(t, DisputeStatusUnderReview, dp.Status)
	require.True(t, dp.EvidenceDetails.HasEvidence)
	require.Equal(t, int64(1), dp.EvidenceDetails.SubmissionCount)
	require.Equal(t, "Jenny Rosen", dp.Evidence.CustomerName)
	require.Equal(t, "file_1QaBcX2eZvKYlo2CfIlE0001", dp.Evidence.UncategorizedFile.ID)

	cl, err := c.Disputes.Close(ctx, testDisputeID, nil)
	require.NoError(t, err)
	require.Equal(t, DisputeStatusLost, cl.Status)

	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/disputes/"+testDisputeID)
	require.Equal(t, billingForm(
		"evidence[customer_name]", "Jenny Rosen",
		"evidence[customer_email_address]", "jenny@example.com",
		"evidence[product_description]", "Pro plan, January",
		"evidence[shipping_tracking_number]", "1Z999",
		"evidence[uncategorized_file]", "file_1QaBcX2eZvKYlo2CfIlE0001",
		"evidence[uncategorized_text]", "Delivered on 3 Jan",
		"evidence[refund_policy]", "",
		"metadata[order]", "1042",
		"submit", "true",
	), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/disputes/"+testDisputeID+"/close")
	require.Empty(t, sent[1].Form)

	_, err = c.Disputes.Close(ctx, "", nil)
	require.Error(t, err)
	_, err = c.Disputes.Update(ctx, "..", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 2)
}

func TestDisputesListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "disputes_page1.json")), ok(fixture(t, "disputes_page1.json")), ok(fixture(t, "disputes_page2.json")))
	ctx := context.Background()

	page, err := c.Disputes.List(ctx, &DisputeListParams{
		Charge: Ptr("ch_1"), PaymentIntent: Ptr("pi_1"), Created: &RangeQuery{GTE: Ptr(int64(1738000000))},
	})
	require.NoError(t, err)
	require.Len(t, page.Data, 2)

	var statuses []DisputeStatus
	for dp, err := range c.Disputes.All(ctx, nil) {
		require.NoError(t, err)
		statuses = append(statuses, dp.Status)
	}
	require.Equal(t, []DisputeStatus{DisputeStatusNeedsResponse, DisputeStatusWon, DisputeStatusWarningClosed}, statuses)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/disputes")
	require.Equal(t, billingForm("charge", "ch_1", "payment_intent", "pi_1", "created[gte]", "1738000000"), sent[0].Query)
	require.Equal(t, billingForm("starting_after", "dp_1QaBcV2eZvKYlo2CdIsP0002"), sent[2].Query)
}
