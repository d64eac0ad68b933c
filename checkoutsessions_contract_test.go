package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractCheckoutSessions(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	cs, err := c.CheckoutSessions.Create(ctx, &CheckoutSessionCreateParams{
		Mode: Ptr(CheckoutSessionModePayment),
		LineItems: []CheckoutSessionLineItemParams{
			{Price: Ptr("price_1MoBy5LkdIwHu7ixZhnattbh"), Quantity: Ptr(int64(2)), TaxRates: []string{"txr_1"}, Metadata: Metadata{"k": "v"}},
			{PriceData: &LineItemPriceDataParams{Currency: Ptr("usd"), UnitAmount: Ptr(int64(1500)), TaxBehavior: Ptr(PriceTaxBehavior("exclusive")),
				ProductData: &LineItemProductDataParams{Name: Ptr("T-shirt"), Description: Ptr("Blue"), Images: []string{"https://example.com/t.png"},
					Metadata: Metadata{"sku": "t1"}, TaxCode: Ptr("txcd_99999999"), UnitLabel: Ptr("shirt")}},
				Quantity: Ptr(int64(1)), AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(true), Minimum: Ptr(int64(1)), Maximum: Ptr(int64(5))}},
		},
		SuccessURL:                 Ptr("https://example.com/success?session_id={CHECKOUT_SESSION_ID}"),
		CancelURL:                  Ptr("https://example.com/cancel"),
		CustomerEmail:              Ptr("jenny@example.com"),
		ClientReferenceID:          Ptr("order_42"),
		AllowPromotionCodes:        Ptr(true),
		AdaptivePricing:            &EnabledParams{Enabled: Ptr(true)},
		AfterExpiration:            &CheckoutSessionAfterExpirationParams{Recovery: &CheckoutSessionRecoveryParams{Enabled: Ptr(true), AllowPromotionCodes: Ptr(true)}},
		AutomaticTax:               &AutomaticTaxParams{Enabled: Ptr(true), Liability: &IssuerParams{Type: Ptr("self")}},
		BillingAddressCollection:   Ptr("required"),
		ConsentCollection:          &CheckoutSessionConsentCollectionParams{Promotions: Ptr("auto"), TermsOfService: Ptr("required"), PaymentMethodReuseAgreement: &CheckoutSessionReuseAgreementParams{Position: Ptr("auto")}},
		Currency:                   Ptr("usd"),
		CustomText:                 &CheckoutSessionCustomTextParams{Submit: &CustomTextMessageParams{Message: Ptr("Thanks")}, AfterSubmit: &CustomTextMessageParams{Message: Ptr("a")}, ShippingAddress: &CustomTextMessageParams{Message: Ptr("s")}, TermsOfServiceAcceptance: &CustomTextMessageParams{Message: Ptr("t")}},
		CustomerCreation:           Ptr("always"),
		ExcludedPaymentMethodTypes: []PaymentMethodType{PaymentMethodTypeSEPADebit},
		ExpiresAt:                  Ptr(int64(1900000000)),
		InvoiceCreation: &CheckoutSessionInvoiceCreationParams{Enabled: Ptr(true), InvoiceData: &CheckoutSessionInvoiceDataParams{
			AccountTaxIDs: []string{"txi_1"}, Description: Ptr("d"), Footer: Ptr("f"), Issuer: &IssuerParams{Type: Ptr("self")}, Metadata: Metadata{"k": "v"},
			RenderingOptions: &CheckoutSessionRenderingOptionsParams{AmountTaxDisplay: Ptr("include_inclusive_tax"), Template: Ptr("inrtem_1")}}},
		Locale:                Ptr("auto"),
		NameCollection:        &CheckoutSessionNameCollectionParams{Business: &NameCollectionParams{Enabled: Ptr(true), Optional: Ptr(true)}},
		OptionalItems:         []CheckoutSessionOptionalItemParams{{Price: Ptr("price_2"), Quantity: Ptr(int64(1)), AdjustableQuantity: &AdjustableQuantityParams{Enabled: Ptr(true)}}},
		OriginContext:         Ptr("web"),
		PaymentIntentData:     &CheckoutSessionPaymentIntentDataParams{CaptureMethod: Ptr(PaymentIntentCaptureMethodManual), Description: Ptr("d"), Metadata: Metadata{"k": "v"}, ReceiptEmail: Ptr("j@example.com"), SetupFutureUsage: Ptr(PaymentIntentSetupFutureUsageOffSession), StatementDescriptorSuffix: Ptr("S"), TransferGroup: Ptr("g"), Shipping: &ShippingParams{Name: Ptr("J"), Address: &AddressParams{Line1: Ptr("1 Main")}}, TransferData: &TransferDataParams{Destination: Ptr("acct_1")}, ApplicationFeeAmount: Ptr(int64(10)), OnBehalfOf: Ptr("acct_1")},
		PaymentMethodData:     &CheckoutSessionPaymentMethodDataParams{AllowRedisplay: Ptr(CardAllowRedisplay("always"))},
		PaymentMethodOptions:  &CheckoutSessionPaymentMethodOptionsParams{Card: &CheckoutSessionCardOptionsParams{RequestThreeDSecure: Ptr("any"), SetupFutureUsage: Ptr(PaymentIntentSetupFutureUsageOffSession)}},
		PaymentMethodTypes:    []PaymentMethodType{PaymentMethodTypeCard},
		PhoneNumberCollection: &EnabledParams{Enabled: Ptr(true)},
		SavedPaymentMethodOptions: &CheckoutSessionSavedPaymentMethodOptionsParams{AllowRedisplayFilters: []CardAllowRedisplay{"always"},
			PaymentMethodSave: Ptr("enabled"), PaymentMethodRemove: Ptr("enabled")},
		ShippingAddressCollection: &ShippingAddressCollectionParams{AllowedCountries: []string{"US", "DE"}},
		ShippingOptions: []CheckoutSessionShippingOptionParams{{ShippingRateData: &ShippingRateDataParams{DisplayName: Ptr("Ground"), Type: Ptr("fixed_amount"),
			FixedAmount: &ShippingFixedAmountParams{Amount: Ptr(int64(500)), Currency: Ptr("usd")}, Metadata: Metadata{"k": "v"}, TaxBehavior: Ptr("exclusive"), TaxCode: Ptr("txcd_92010001")}}},
		SubmitType:      Ptr("pay"),
		TaxIDCollection: &TaxIDCollectionParams{Enabled: Ptr(true), Required: Ptr("never")},
		WalletOptions:   &CheckoutSessionWalletOptionsParams{Link: &CheckoutSessionLinkDisplayParams{Display: Ptr("auto")}},
		Metadata:        Metadata{"order_id": "42"},
		Params:          Params{Expand: []string{"line_items"}},
	})
	require.NoError(t, err)
	require.Equal(t, "checkout.session", cs.Object)
	require.NotEmpty(t, cs.URL)

	_, err = c.CheckoutSessions.Create(ctx, &CheckoutSessionCreateParams{
		Mode:      Ptr(CheckoutSessionModeSubscription),
		Customer:  Ptr("cus_NffrFeUfNV2Hib"),
		LineItems: []CheckoutSessionLineItemParams{{Price: Ptr("price_monthly"), Quantity: Ptr(int64(1))}},
		SubscriptionData: &CheckoutSessionSubscriptionDataParams{TrialPeriodDays: Ptr(int64(14)), Metadata: Metadata{"plan": "pro"},
			Description: Ptr("Pro"), DefaultTaxRates: []string{"txr_1"}, ApplicationFeePercent: Ptr(1.5), BillingCycleAnchor: Ptr(int64(1900000000)),
			OnBehalfOf: Ptr("acct_1"), ProrationBehavior: Ptr("none"), TrialEnd: Ptr(int64(1900000000)),
			InvoiceSettings: &CheckoutSessionInvoiceSettingsParams{Issuer: &IssuerParams{Type: Ptr("self")}},
			TransferData:    &SubscriptionTransferDataParams{Destination: Ptr("acct_1"), AmountPercent: Ptr(10.0)},
			TrialSettings:   &SubscriptionTrialSettingsParams{EndBehavior: &SubscriptionTrialEndBehaviorParams{MissingPaymentMethod: Ptr("cancel")}}},
		CustomerUpdate:          &CheckoutSessionCustomerUpdateParams{Address: Ptr("auto"), Name: Ptr("auto"), Shipping: Ptr("auto")},
		Discounts:               []SessionDiscountParams{{Coupon: Ptr("co_1")}},
		PaymentMethodCollection: Ptr("if_required"),
		UIMode:                  Ptr("embedded_page"),
		ReturnURL:               Ptr("https://example.com/return"),
		RedirectOnCompletion:    Ptr("if_required"),
		Permissions:             &CheckoutSessionPermissionsParams{UpdateShippingDetails: Ptr("server_only")},
	})
	require.NoError(t, err)

	_, err = c.CheckoutSessions.Create(ctx, &CheckoutSessionCreateParams{
		Mode: Ptr(CheckoutSessionModeSetup), Currency: Ptr("usd"), SuccessURL: Ptr("https://example.com/s"),
		SetupIntentData: &CheckoutSessionSetupIntentDataParams{Description: Ptr("d"), Metadata: Metadata{"k": "v"}, OnBehalfOf: Ptr("acct_1")},
	})
	require.NoError(t, err)

	got, err := c.CheckoutSessions.Get(ctx, cs.ID, &CheckoutSessionGetParams{Params: Params{Expand: []string{"line_items", "customer"}}})
	require.NoError(t, err)
	require.Equal(t, "checkout.session", got.Object)

	_, err = c.CheckoutSessions.Update(ctx, cs.ID, &CheckoutSessionUpdateParams{
		Metadata:  Metadata{"order_id": ""},
		LineItems: []CheckoutSessionLineItemUpdateParams{{ID: Ptr("li_1"), CheckoutSessionLineItemParams: CheckoutSessionLineItemParams{Quantity: Ptr(int64(3))}}},
		CollectedInformation: &CheckoutSessionCollectedInformationParams{ShippingDetails: &CheckoutSessionShippingDetailsParams{
			Name: Ptr("Jenny"), Address: &AddressParams{Line1: Ptr("1 Main"), Country: Ptr("US")}}},
		ShippingOptions: []CheckoutSessionShippingOptionParams{{ShippingRate: Ptr("shr_1")}},
	})
	require.NoError(t, err)

	page, err := c.CheckoutSessions.List(ctx, &CheckoutSessionListParams{
		Status: Ptr(CheckoutSessionStatusComplete), Customer: Ptr("cus_NffrFeUfNV2Hib"), PaymentIntent: Ptr("pi_1"), PaymentLink: Ptr("plink_1"),
		Subscription: Ptr("sub_1"), Created: &RangeQuery{GT: Ptr(int64(1))},
		CustomerDetails: &CheckoutSessionCustomerEmailParams{Email: Ptr("jenny@example.com")},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	for cs, err := range c.CheckoutSessions.All(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, "checkout.session", cs.Object)
		break
	}

	items, err := c.CheckoutSessions.ListLineItems(ctx, cs.ID, &LineItemListParams{ListParams: ListParams{Limit: Ptr(int64(5))}})
	require.NoError(t, err)
	require.Equal(t, "list", items.Object)
	for li, err := range c.CheckoutSessions.AllLineItems(ctx, cs.ID, nil) {
		require.NoError(t, err)
		require.Equal(t, "item", li.Object)
		break
	}

	exp, err := c.CheckoutSessions.Expire(ctx, cs.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "checkout.session", exp.Object)
}
