package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPaymentLinks(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	pl, err := c.PaymentLinks.Create(ctx, &PaymentLinkCreateParams{
		LineItems: []PaymentLinkLineItemParams{
			{Price: Ptr("price_1MoBy5LkdIwHu7ixZhnattbh"), Quantity: Ptr(int64(1)), AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(true), Maximum: Ptr(int64(3))}},
			{PriceData: &LineItemPriceDataParams{Currency: Ptr("usd"), UnitAmount: Ptr(int64(500)), Product: Ptr("prod_1")}, Quantity: Ptr(int64(1))},
		},
		AfterCompletion:          &PaymentLinkAfterCompletionParams{Type: Ptr("hosted_confirmation"), HostedConfirmation: &PaymentLinkHostedConfirmationParams{CustomMessage: Ptr("Thanks")}},
		AllowPromotionCodes:      Ptr(true),
		ApplicationFeeAmount:     Ptr(int64(10)),
		AutomaticTax:             &AutomaticTaxParams{Enabled: Ptr(true)},
		BillingAddressCollection: Ptr("auto"),
		ConsentCollection:        &CheckoutSessionConsentCollectionParams{TermsOfService: Ptr("required")},
		Currency:                 Ptr("usd"),
		CustomText:               &CheckoutSessionCustomTextParams{Submit: &CustomTextMessageParams{Message: Ptr("Go")}},
		CustomerCreation:         Ptr("always"),
		InactiveMessage:          Ptr("Sold out"),
		InvoiceCreation:          &CheckoutSessionInvoiceCreationParams{Enabled: Ptr(true)},
		ManagedPayments:          &EnabledParams{Enabled: Ptr(false)},
		Metadata:                 Metadata{"order_id": "42"},
		NameCollection:           &CheckoutSessionNameCollectionParams{Individual: &NameCollectionParams{Enabled: Ptr(true)}},
		OnBehalfOf:               Ptr("acct_1"),
		OptionalItems:            []CheckoutSessionOptionalItemParams{{Price: Ptr("price_2"), Quantity: Ptr(int64(1))}},
		PaymentIntentData: &PaymentLinkPaymentIntentDataParams{CaptureMethod: Ptr(PaymentIntentCaptureMethodAutomatic), Description: Ptr("d"),
			Metadata: Metadata{"k": "v"}, SetupFutureUsage: Ptr(PaymentIntentSetupFutureUsageOnSession), StatementDescriptor: Ptr("STRIPELITE"),
			StatementDescriptorSuffix: Ptr("S"), TransferGroup: Ptr("g")},
		PaymentMethodCollection:   Ptr("always"),
		PaymentMethodOptions:      &PaymentLinkPaymentMethodOptionsParams{Card: &PaymentLinkCardOptionsParams{Restrictions: &PaymentLinkCardRestrictionsParams{BrandsBlocked: []string{"american_express"}}}},
		PaymentMethodTypes:        []PaymentMethodType{PaymentMethodTypeCard},
		PhoneNumberCollection:     &EnabledParams{Enabled: Ptr(true)},
		Restrictions:              &PaymentLinkRestrictionsParams{CompletedSessions: &PaymentLinkCompletedSessionsParams{Limit: Ptr(int64(10))}},
		ShippingAddressCollection: &ShippingAddressCollectionParams{AllowedCountries: []string{"US"}},
		ShippingOptions:           []PaymentLinkShippingOptionParams{{ShippingRate: Ptr("shr_1")}},
		SubmitType:                Ptr("pay"),
		SubscriptionData: &PaymentLinkSubscriptionDataParams{Description: Ptr("d"), Metadata: Metadata{"k": "v"}, TrialPeriodDays: Ptr(int64(7)),
			InvoiceSettings: &CheckoutSessionInvoiceSettingsParams{Issuer: &IssuerParams{Type: Ptr("self")}},
			TrialSettings:   &SubscriptionTrialSettingsParams{EndBehavior: &SubscriptionTrialEndBehaviorParams{MissingPaymentMethod: Ptr("pause")}}},
		TaxIDCollection: &TaxIDCollectionParams{Enabled: Ptr(true)},
		TransferData:    &TransferDataParams{Destination: Ptr("acct_1"), Amount: Ptr(int64(100))},
	})
	require.NoError(t, err)
	require.Equal(t, "payment_link", pl.Object)
	require.NotEmpty(t, pl.URL)

	got, err := c.PaymentLinks.Get(ctx, pl.ID, &PaymentLinkGetParams{Params: Params{Expand: []string{"line_items"}}})
	require.NoError(t, err)
	require.Equal(t, "payment_link", got.Object)

	_, err = c.PaymentLinks.Update(ctx, pl.ID, &PaymentLinkUpdateParams{
		Active:            Ptr(false),
		InactiveMessage:   Ptr(""),
		LineItems:         []PaymentLinkLineItemUpdateParams{{ID: Ptr("li_1"), Quantity: Ptr(int64(2)), AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(false)}}},
		PaymentIntentData: &PaymentLinkPaymentIntentDataUpdateParams{Description: Ptr("d2"), Metadata: Metadata{"k": ""}},
		SubscriptionData:  &PaymentLinkSubscriptionDataUpdateParams{TrialPeriodDays: Ptr(int64(3))},
		Metadata:          Metadata{"order_id": ""},
	})
	require.NoError(t, err)

	page, err := c.PaymentLinks.List(ctx, &PaymentLinkListParams{Active: Ptr(true), ListParams: ListParams{Limit: Ptr(int64(3))}})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	for pl, err := range c.PaymentLinks.All(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, "payment_link", pl.Object)
		break
	}

	items, err := c.PaymentLinks.ListLineItems(ctx, pl.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "list", items.Object)
	for li, err := range c.PaymentLinks.AllLineItems(ctx, pl.ID, nil) {
		require.NoError(t, err)
		require.Equal(t, "item", li.Object)
		break
	}
}
