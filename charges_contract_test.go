package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractCharges(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	ch, err := c.Charges.Create(ctx, &ChargeCreateParams{
		Amount:      Ptr(int64(2000)),
		Currency:    Ptr("usd"),
		Customer:    Ptr("cus_123"),
		Source:      Ptr("card_123"),
		Description: Ptr("Order #42"),
		Capture:     Ptr(false),
		Metadata:    Metadata{"order_id": "42"},
		Shipping: &ChargeShippingParams{
			Name:           Ptr("Jenny Rosen"),
			Phone:          Ptr("+15555550123"),
			Carrier:        Ptr("UPS"),
			TrackingNumber: Ptr("1Z999AA10123456784"),
			Address:        &AddressParams{Line1: Ptr("510 Townsend St"), City: Ptr("San Francisco"), Country: Ptr("US")},
		},
		ReceiptEmail:              Ptr("jenny.rosen@example.com"),
		StatementDescriptor:       Ptr("ORDER 42"),
		StatementDescriptorSuffix: Ptr("42"),
		TransferGroup:             Ptr("group_42"),
		Params:                    Params{Expand: []string{"customer"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, ch.ID)
	require.Equal(t, "charge", ch.Object)

	_, err = c.Charges.Create(ctx, &ChargeCreateParams{Amount: Ptr(int64(500)), Currency: Ptr("eur"), Source: Ptr("tok_visa")})
	require.NoError(t, err)

	got, err := c.Charges.Get(ctx, ch.ID, &ChargeGetParams{Params: Params{Expand: []string{"customer", "refunds"}}})
	require.NoError(t, err)
	require.Equal(t, "charge", got.Object)

	_, err = c.Charges.Update(ctx, ch.ID, &ChargeUpdateParams{
		Description:  Ptr(""),
		Metadata:     Metadata{"order_id": ""},
		ReceiptEmail: Ptr("jenny@example.com"),
		FraudDetails: &ChargeFraudDetailsParams{UserReport: Ptr(ChargeFraudUserReportFraudulent)},
		Shipping:     &ChargeShippingParams{Name: Ptr("Jenny Rosen"), Address: &AddressParams{Line1: Ptr("1 Main St")}},
	})
	require.NoError(t, err)

	captured, err := c.Charges.Capture(ctx, ch.ID, &ChargeCaptureParams{
		Amount:                    Ptr(int64(1500)),
		ReceiptEmail:              Ptr("jenny@example.com"),
		StatementDescriptor:       Ptr("ORDER 42"),
		StatementDescriptorSuffix: Ptr("42"),
	})
	require.NoError(t, err)
	require.Equal(t, "charge", captured.Object)

	_, err = c.Charges.Capture(ctx, ch.ID, nil)
	require.NoError(t, err)

	page, err := c.Charges.List(ctx, &ChargeListParams{
		ListParams:    ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("ch_1")},
		Customer:      Ptr("cus_123"),
		PaymentIntent: Ptr("pi_123"),
		Created:       &RangeQuery{GTE: Ptr(int64(1700000000)), LT: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for ch, err := range c.Charges.All(ctx, &ChargeListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, ch.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
