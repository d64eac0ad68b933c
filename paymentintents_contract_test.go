package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPaymentIntents(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()
	expand := Params{Expand: []string{"customer", "payment_method", "latest_charge"}}

	pi, err := c.PaymentIntents.Create(ctx, &PaymentIntentCreateParams{
		Amount:                    Ptr(int64(2000)),
		Currency:                  Ptr("usd"),
		Customer:                  Ptr("cus_NffrFeUfNV2Hib"),
		Description:               Ptr("Order #1042"),
		PaymentMethod:             Ptr("pm_card_visa"),
		PaymentMethodTypes:        []string{"card"},
		CaptureMethod:             Ptr(PaymentIntentCaptureMethodManual),
		ConfirmationMethod:        Ptr(PaymentIntentConfirmationMethodAutomatic),
		Confirm:                   Ptr(true),
		OffSession:                Bool(true),
		ErrorOnRequiresAction:     Ptr(false),
		SetupFutureUsage:          Ptr(PaymentIntentSetupFutureUsageOffSession),
		ReceiptEmail:              Ptr("jennyrosen@example.com"),
		StatementDescriptor:       Ptr("STRIPELITE"),
		StatementDescriptorSuffix: Ptr("ORDER 1042"),
		TransferGroup:             Ptr("order_1042"),
		Metadata:                  Metadata{"order_id": "1042"},
		ReturnURL:                 Ptr("https://example.com/checkout/complete"),
		Shipping:                  &ShippingParams{Name: Ptr("Jenny Rosen"), Address: &AddressParams{Line1: Ptr("510 Townsend St"), Country: Ptr("US")}},
		Params:                    expand,
	})
	require.NoError(t, err)
	require.Equal(t, "payment_intent", pi.Object)
	require.NotEmpty(t, pi.ID)
	require.NotEmpty(t, pi.ClientSecret.Reveal())

	_, err = c.PaymentIntents.Create(ctx, &PaymentIntentCreateParams{
		Amount:                  Ptr(int64(1099)),
		Currency:                Ptr("eur"),
		AutomaticPaymentMethods: &PaymentIntentAutomaticPaymentMethodsParams{Enabled: Ptr(true), AllowRedirects: Ptr("never")},
		ApplicationFeeAmount:    Ptr(int64(100)),
		OnBehalfOf:              Ptr("acct_1Nv0FGQ9RKHgCVdK"),
	})
	require.NoError(t, err)

	got, err := c.PaymentIntents.Get(ctx, pi.ID, &PaymentIntentGetParams{Params: expand})
	require.NoError(t, err)
	require.Equal(t, "payment_intent", got.Object)

	_, err = c.PaymentIntents.Update(ctx, pi.ID, &PaymentIntentUpdateParams{
		Amount:               Ptr(int64(2500)),
		Currency:             Ptr("usd"),
		Customer:             Ptr("cus_NffrFeUfNV2Hib"),
		Description:          Ptr(""),
		PaymentMethod:        Ptr("pm_card_visa"),
		PaymentMethodTypes:   []string{"card"},
		CaptureMethod:        Ptr(PaymentIntentCaptureMethodAutomatic),
		ApplicationFeeAmount: Ptr(int64(50)),
		ReceiptEmail:         Ptr(""),
		SetupFutureUsage:     Ptr(PaymentIntentSetupFutureUsage("")),
		Metadata:             Metadata{"order_id": ""},
		Shipping:             &ShippingParams{Name: Ptr("Jenny Rosen"), Address: &AddressParams{Line1: Ptr("510 Townsend St")}},
		TransferGroup:        Ptr("order_1042"),
	})
	require.NoError(t, err)

	_, err = c.PaymentIntents.Confirm(ctx, pi.ID, &PaymentIntentConfirmParams{
		PaymentMethod:         Ptr("pm_card_visa"),
		ReturnURL:             Ptr("https://example.com/checkout/complete"),
		OffSession:            Bool(false),
		ReceiptEmail:          Ptr("jennyrosen@example.com"),
		CaptureMethod:         Ptr(PaymentIntentCaptureMethodManual),
		ErrorOnRequiresAction: Ptr(true),
		PaymentMethodTypes:    []string{"card"},
		SetupFutureUsage:      Ptr(PaymentIntentSetupFutureUsageOnSession),
		Shipping:              &ShippingParams{Name: Ptr("Jenny Rosen"), Address: &AddressParams{Line1: Ptr("510 Townsend St")}},
	})
	require.NoError(t, err)

	_, err = c.PaymentIntents.Capture(ctx, pi.ID, &PaymentIntentCaptureParams{
		AmountToCapture:           Ptr(int64(1500)),
		ApplicationFeeAmount:      Ptr(int64(10)),
		FinalCapture:              Ptr(true),
		Metadata:                  Metadata{"captured_by": "ops"},
		StatementDescriptorSuffix: Ptr("ORDER 1042"),
	})
	require.NoError(t, err)

	_, err = c.PaymentIntents.Cancel(ctx, pi.ID, &PaymentIntentCancelParams{
		CancellationReason: Ptr(PaymentIntentCancellationReasonRequestedByCustomer),
	})
	require.NoError(t, err)

	page, err := c.PaymentIntents.List(ctx, &PaymentIntentListParams{
		ListParams: ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("pi_1")},
		Customer:   Ptr("cus_NffrFeUfNV2Hib"),
		Created:    &RangeQuery{GTE: Ptr(int64(1680000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for pi, err := range c.PaymentIntents.All(ctx, &PaymentIntentListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, pi.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
