package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractDisputes(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	dp, err := c.Disputes.Get(ctx, "dp_123", &DisputeGetParams{Params: Params{Expand: []string{"charge", "payment_intent"}}})
	require.NoError(t, err)
	require.Equal(t, "dispute", dp.Object)

	_, err = c.Disputes.Update(ctx, "dp_123", &DisputeUpdateParams{
		Evidence: &DisputeEvidenceParams{
			AccessActivityLog: Ptr("log"), BillingAddress: Ptr("1 Main St"), CancellationPolicy: Ptr("file_123"),
			CancellationPolicyDisclosure: Ptr("d"), CancellationRebuttal: Ptr("r"), CustomerCommunication: Ptr("file_123"),
			CustomerEmailAddress: Ptr("jenny@example.com"), CustomerName: Ptr("Jenny Rosen"), CustomerPurchaseIP: Ptr("192.0.2.1"),
			CustomerSignature: Ptr("file_123"), DuplicateChargeDocumentation: Ptr("file_123"), DuplicateChargeExplanation: Ptr("e"),
			DuplicateChargeID: Ptr("ch_123"), ProductDescription: Ptr("Pro plan"), Receipt: Ptr("file_123"), RefundPolicy: Ptr("file_123"),
			RefundPolicyDisclosure: Ptr("d"), RefundRefusalExplanation: Ptr("e"), ServiceDate: Ptr("2025-01-03"),
			ServiceDocumentation: Ptr("file_123"), ShippingAddress: Ptr("1 Main St"), ShippingCarrier: Ptr("UPS"),
			ShippingDate: Ptr("2025-01-02"), ShippingDocumentation: Ptr("file_123"), ShippingTrackingNumber: Ptr("1Z999"),
			UncategorizedFile: Ptr("file_123"), UncategorizedText: Ptr("Delivered"),
		},
		Metadata: Metadata{"order": "1042"},
		Submit:   Ptr(true),
	})
	require.NoError(t, err)

	cl, err := c.Disputes.Close(ctx, "dp_123", nil)
	require.NoError(t, err)
	require.Equal(t, "dispute", cl.Object)

	page, err := c.Disputes.List(ctx, &DisputeListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Charge: Ptr("ch_123"), PaymentIntent: Ptr("pi_123"), Created: &RangeQuery{GT: Ptr(int64(1))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for dp, err := range c.Disputes.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, dp.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
