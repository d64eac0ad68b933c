package stripe

// The nested params of CheckoutSessions.Create and Update. Several are
// shared with PaymentLinks (line items, automatic tax, custom text, ...).

// CheckoutSessionLineItemParams is one line of a new session: Price (or
// PriceData) and Quantity.
type CheckoutSessionLineItemParams struct {
	AdjustableQuantity *AdjustableQuantityParams `url:"adjustable_quantity,omitempty"`
	Metadata           Metadata                  `url:"metadata,omitempty"`
	Price              *string                   `url:"price,omitempty"`
	PriceData          *LineItemPriceDataParams  `url:"price_data,omitempty"`
	Quantity           *int64                    `url:"quantity,omitempty"`
	TaxRates           Array[string]             `url:"tax_rates,omitempty"`
}

// CheckoutSessionLineItemUpdateParams is one line on Update: ID selects
// an existing line; without ID the line is added.
type CheckoutSessionLineItemUpdateParams struct {
	ID *string `url:"id,omitempty"`
	CheckoutSessionLineItemParams
}

// CheckoutSessionOptionalItemParams is an item the customer may add.
type CheckoutSessionOptionalItemParams struct {
	AdjustableQuantity *AdjustableQuantityParams `url:"adjustable_quantity,omitempty"`
	Price              *string                   `url:"price,omitempty"`
	Quantity           *int64                    `url:"quantity,omitempty"`
}

// EnabledParams turns a feature on or off.
type EnabledParams struct {
	Enabled *bool `url:"enabled,omitempty"`
}

// CheckoutSessionAfterExpirationParams configures recovery of an expired
// session.
type CheckoutSessionAfterExpirationParams struct {
	Recovery *CheckoutSessionRecoveryParams `url:"recovery,omitempty"`
}

// CheckoutSessionRecoveryParams enables a recovery URL for an expired session.
type CheckoutSessionRecoveryParams struct {
	AllowPromotionCodes *bool `url:"allow_promotion_codes,omitempty"`
	Enabled             *bool `url:"enabled,omitempty"`
}

// AutomaticTaxParams turns on Stripe Tax; Liability says who is liable.
type AutomaticTaxParams struct {
	Enabled   *bool         `url:"enabled,omitempty"`
	Liability *IssuerParams `url:"liability,omitempty"`
}

// IssuerParams names an account: Type "self", or "account" with Account.
type IssuerParams struct {
	Account *string `url:"account,omitempty"`
	Type    *string `url:"type,omitempty"`
}

// CheckoutSessionConsentCollectionParams asks the customer for consents.
type CheckoutSessionConsentCollectionParams struct {
	PaymentMethodReuseAgreement *CheckoutSessionReuseAgreementParams `url:"payment_method_reuse_agreement,omitempty"`
	// Promotions is "auto" or "none".
	Promotions *string `url:"promotions,omitempty"`
	// TermsOfService is "none" or "required".
	TermsOfService *string `url:"terms_of_service,omitempty"`
}

// CheckoutSessionReuseAgreementParams places the reuse agreement text:
// Position "auto" or "hidden".
type CheckoutSessionReuseAgreementParams struct {
	Position *string `url:"position,omitempty"`
}

// CheckoutSessionCustomTextParams are custom texts shown on the page.
type CheckoutSessionCustomTextParams struct {
	AfterSubmit              *CustomTextMessageParams `url:"after_submit,omitempty"`
	ShippingAddress          *CustomTextMessageParams `url:"shipping_address,omitempty"`
	Submit                   *CustomTextMessageParams `url:"submit,omitempty"`
	TermsOfServiceAcceptance *CustomTextMessageParams `url:"terms_of_service_acceptance,omitempty"`
}

// CustomTextMessageParams is one custom text.
type CustomTextMessageParams struct {
	Message *string `url:"message,omitempty"`
}

// CheckoutSessionCustomerUpdateParams says which collected details are
// saved on an existing customer: each "auto" or "never".
type CheckoutSessionCustomerUpdateParams struct {
	Address  *string `url:"address,omitempty"`
	Name     *string `url:"name,omitempty"`
	Shipping *string `url:"shipping,omitempty"`
}

// SessionDiscountParams applies a coupon or a promotion code in a checkout
// session or a portal flow, which take no existing discount ID (compare
// DiscountParams).
type SessionDiscountParams struct {
	Coupon        *string `url:"coupon,omitempty"`
	PromotionCode *string `url:"promotion_code,omitempty"`
}

// CheckoutSessionInvoiceCreationParams creates an invoice for a one-time
// payment (mode payment).
type CheckoutSessionInvoiceCreationParams struct {
	Enabled     *bool                             `url:"enabled,omitempty"`
	InvoiceData *CheckoutSessionInvoiceDataParams `url:"invoice_data,omitempty"`
}

// CheckoutSessionInvoiceDataParams are the fields of that invoice.
type CheckoutSessionInvoiceDataParams struct {
	AccountTaxIDs    Array[string]                          `url:"account_tax_ids,omitempty"`
	Description      *string                                `url:"description,omitempty"`
	Footer           *string                                `url:"footer,omitempty"`
	Issuer           *IssuerParams                          `url:"issuer,omitempty"`
	Metadata         Metadata                               `url:"metadata,omitempty"`
	RenderingOptions *CheckoutSessionRenderingOptionsParams `url:"rendering_options,omitempty"`
}

// CheckoutSessionRenderingOptionsParams sets how the invoice PDF renders.
type CheckoutSessionRenderingOptionsParams struct {
	AmountTaxDisplay *string `url:"amount_tax_display,omitempty"`
	Template         *string `url:"template,omitempty"`
}

// CheckoutSessionNameCollectionParams collects business and individual names.
type CheckoutSessionNameCollectionParams struct {
	Business   *NameCollectionParams `url:"business,omitempty"`
	Individual *NameCollectionParams `url:"individual,omitempty"`
}

// NameCollectionParams enables collecting one kind of name.
type NameCollectionParams struct {
	Enabled  *bool `url:"enabled,omitempty"`
	Optional *bool `url:"optional,omitempty"`
}

// CheckoutSessionPaymentIntentDataParams are fields of the PaymentIntent a
// payment-mode session creates.
type CheckoutSessionPaymentIntentDataParams struct {
	ApplicationFeeAmount      *int64                         `url:"application_fee_amount,omitempty"`
	CaptureMethod             *PaymentIntentCaptureMethod    `url:"capture_method,omitempty"`
	Description               *string                        `url:"description,omitempty"`
	Metadata                  Metadata                       `url:"metadata,omitempty"`
	OnBehalfOf                *string                        `url:"on_behalf_of,omitempty"`
	ReceiptEmail              *string                        `url:"receipt_email,omitempty"`
	SetupFutureUsage          *PaymentIntentSetupFutureUsage `url:"setup_future_usage,omitempty"`
	Shipping                  *ShippingParams                `url:"shipping,omitempty"`
	StatementDescriptor       *string                        `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                        `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *TransferDataParams            `url:"transfer_data,omitempty"`
	TransferGroup             *string                        `url:"transfer_group,omitempty"`
}

// TransferDataParams sends (part of) a payment to a connected account.
type TransferDataParams struct {
	Amount      *int64  `url:"amount,omitempty"`
	Destination *string `url:"destination,omitempty"`
}

// CheckoutSessionPaymentMethodDataParams sets the saved payment method's
// AllowRedisplay.
type CheckoutSessionPaymentMethodDataParams struct {
	AllowRedisplay *CardAllowRedisplay `url:"allow_redisplay,omitempty"`
}

// CheckoutSessionPaymentMethodOptionsParams are per-type options; only
// the card options are modelled.
type CheckoutSessionPaymentMethodOptionsParams struct {
	Card *CheckoutSessionCardOptionsParams `url:"card,omitempty"`
}

// CheckoutSessionCardOptionsParams are a session's card options.
type CheckoutSessionCardOptionsParams struct {
	// RequestThreeDSecure is "automatic" (default), "any" or "challenge".
	RequestThreeDSecure            *string                        `url:"request_three_d_secure,omitempty"`
	SetupFutureUsage               *PaymentIntentSetupFutureUsage `url:"setup_future_usage,omitempty"`
	StatementDescriptorSuffixKana  *string                        `url:"statement_descriptor_suffix_kana,omitempty"`
	StatementDescriptorSuffixKanji *string                        `url:"statement_descriptor_suffix_kanji,omitempty"`
}

// CheckoutSessionPermissionsParams says who may update shipping details:
// UpdateShippingDetails "client_only" or "server_only".
type CheckoutSessionPermissionsParams struct {
	UpdateShippingDetails *string `url:"update_shipping_details,omitempty"`
}

// CheckoutSessionSavedPaymentMethodOptionsParams controls saved payment
// methods on the page.
type CheckoutSessionSavedPaymentMethodOptionsParams struct {
	AllowRedisplayFilters Array[CardAllowRedisplay] `url:"allow_redisplay_filters,omitempty"`
	PaymentMethodRemove   *string                   `url:"payment_method_remove,omitempty"`
	PaymentMethodSave     *string                   `url:"payment_method_save,omitempty"`
}

// CheckoutSessionSetupIntentDataParams are fields of the SetupIntent a
// setup-mode session creates.
type CheckoutSessionSetupIntentDataParams struct {
	Description *string  `url:"description,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
	OnBehalfOf  *string  `url:"on_behalf_of,omitempty"`
}

// ShippingAddressCollectionParams collects a shipping address in the
// listed countries (two-letter codes).
type ShippingAddressCollectionParams struct {
	AllowedCountries Array[string] `url:"allowed_countries,omitempty"`
}

// CheckoutSessionShippingOptionParams is a shipping rate offered: an
// existing ShippingRate or an inline ShippingRateData.
type CheckoutSessionShippingOptionParams struct {
	ShippingRate     *string                 `url:"shipping_rate,omitempty"`
	ShippingRateData *ShippingRateDataParams `url:"shipping_rate_data,omitempty"`
}

// ShippingRateDataParams is an inline fixed-amount shipping rate.
type ShippingRateDataParams struct {
	DisplayName *string                    `url:"display_name,omitempty"`
	FixedAmount *ShippingFixedAmountParams `url:"fixed_amount,omitempty"`
	Metadata    Metadata                   `url:"metadata,omitempty"`
	TaxBehavior *string                    `url:"tax_behavior,omitempty"`
	TaxCode     *string                    `url:"tax_code,omitempty"`
	// Type is "fixed_amount".
	Type *string `url:"type,omitempty"`
}

// ShippingFixedAmountParams is a shipping rate's amount.
type ShippingFixedAmountParams struct {
	Amount   *int64  `url:"amount,omitempty"`
	Currency *string `url:"currency,omitempty"`
}

// CheckoutSessionSubscriptionDataParams are fields of the subscription a
// subscription-mode session creates.
type CheckoutSessionSubscriptionDataParams struct {
	ApplicationFeePercent *float64                              `url:"application_fee_percent,omitempty"`
	BillingCycleAnchor    *int64                                `url:"billing_cycle_anchor,omitempty"`
	DefaultTaxRates       Array[string]                         `url:"default_tax_rates,omitempty"`
	Description           *string                               `url:"description,omitempty"`
	InvoiceSettings       *CheckoutSessionInvoiceSettingsParams `url:"invoice_settings,omitempty"`
	Metadata              Metadata                              `url:"metadata,omitempty"`
	OnBehalfOf            *string                               `url:"on_behalf_of,omitempty"`
	// ProrationBehavior is "create_prorations" or "none".
	ProrationBehavior *string                          `url:"proration_behavior,omitempty"`
	TransferData      *SubscriptionTransferDataParams  `url:"transfer_data,omitempty"`
	TrialEnd          *int64                           `url:"trial_end,omitempty"`
	TrialPeriodDays   *int64                           `url:"trial_period_days,omitempty"`
	TrialSettings     *SubscriptionTrialSettingsParams `url:"trial_settings,omitempty"`
}

// CheckoutSessionInvoiceSettingsParams sets the subscription's invoice issuer.
type CheckoutSessionInvoiceSettingsParams struct {
	Issuer *IssuerParams `url:"issuer,omitempty"`
}

// TaxIDCollectionParams collects the customer's tax ID.
type TaxIDCollectionParams struct {
	Enabled *bool `url:"enabled,omitempty"`
	// Required is "if_supported" or "never".
	Required *string `url:"required,omitempty"`
}

// CheckoutSessionWalletOptionsParams: Link.Display is "auto" or "never".
type CheckoutSessionWalletOptionsParams struct {
	Link *CheckoutSessionLinkDisplayParams `url:"link,omitempty"`
}

// CheckoutSessionLinkDisplayParams says whether Link is shown.
type CheckoutSessionLinkDisplayParams struct {
	Display *string `url:"display,omitempty"`
}
