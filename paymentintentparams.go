package stripe

// Nested params of PaymentIntents.Create, Update, Confirm and Capture.

// PaymentIntentAmountDetailsParams break the amount down into line items,
// shipping and tax (for Level 2/3 card data and some payment methods).
type PaymentIntentAmountDetailsParams struct {
	DiscountAmount              *int64                                          `url:"discount_amount,omitempty"`
	EnforceArithmeticValidation *bool                                           `url:"enforce_arithmetic_validation,omitempty"`
	LineItems                   Array[PaymentIntentAmountDetailsLineItemParams] `url:"line_items,omitempty"`
	Shipping                    *PaymentIntentAmountDetailsShippingParams       `url:"shipping,omitempty"`
	Tax                         *PaymentIntentAmountDetailsTaxParams            `url:"tax,omitempty"`
}

// PaymentIntentAmountDetailsLineItemParams is one line of an amount
// breakdown; amounts are in minor units.
type PaymentIntentAmountDetailsLineItemParams struct {
	DiscountAmount *int64                               `url:"discount_amount,omitempty"`
	ProductCode    *string                              `url:"product_code,omitempty"`
	ProductName    *string                              `url:"product_name,omitempty"`
	Quantity       *int64                               `url:"quantity,omitempty"`
	Tax            *PaymentIntentAmountDetailsTaxParams `url:"tax,omitempty"`
	UnitCost       *int64                               `url:"unit_cost,omitempty"`
	UnitOfMeasure  *string                              `url:"unit_of_measure,omitempty"`
}

// PaymentIntentAmountDetailsShippingParams is the shipping part of an
// amount breakdown.
type PaymentIntentAmountDetailsShippingParams struct {
	Amount         *int64  `url:"amount,omitempty"`
	FromPostalCode *string `url:"from_postal_code,omitempty"`
	ToPostalCode   *string `url:"to_postal_code,omitempty"`
}

// PaymentIntentAmountDetailsTaxParams is the tax part of an amount
// breakdown.
type PaymentIntentAmountDetailsTaxParams struct {
	TotalTaxAmount *int64 `url:"total_tax_amount,omitempty"`
}

// PaymentIntentHooksParams connect a payment to other Stripe features: a
// Stripe Tax calculation (hooks[inputs][tax][calculation]=taxcalc_...).
type PaymentIntentHooksParams struct {
	Inputs *PaymentIntentHooksInputsParams `url:"inputs,omitempty"`
}

// PaymentIntentHooksInputsParams are the inputs of PaymentIntentHooksParams.
type PaymentIntentHooksInputsParams struct {
	Tax *PaymentIntentHooksTaxParams `url:"tax,omitempty"`
}

// PaymentIntentHooksTaxParams names a tax calculation; "" clears it.
type PaymentIntentHooksTaxParams struct {
	Calculation *string `url:"calculation,omitempty"`
}

// PaymentIntentMandateDataParams create a mandate from the customer's
// acceptance, for payment methods that need one (SEPA Debit, ...).
type PaymentIntentMandateDataParams struct {
	CustomerAcceptance *PaymentIntentCustomerAcceptanceParams `url:"customer_acceptance,omitempty"`
}

// PaymentIntentCustomerAcceptanceParams record how the customer accepted
// a mandate: Type is "online" (then Online is set) or "offline".
type PaymentIntentCustomerAcceptanceParams struct {
	AcceptedAt *int64                                       `url:"accepted_at,omitempty"`
	Online     *PaymentIntentCustomerAcceptanceOnlineParams `url:"online,omitempty"`
	Type       *string                                      `url:"type,omitempty"`
}

// PaymentIntentCustomerAcceptanceOnlineParams are where an online
// acceptance came from.
type PaymentIntentCustomerAcceptanceOnlineParams struct {
	IPAddress *string `url:"ip_address,omitempty"`
	UserAgent *string `url:"user_agent,omitempty"`
}

// PaymentIntentPaymentDetailsParams carry the merchant's references for a
// payment; "" clears one.
type PaymentIntentPaymentDetailsParams struct {
	CustomerReference *string `url:"customer_reference,omitempty"`
	OrderReference    *string `url:"order_reference,omitempty"`
}

// PaymentIntentPaymentMethodOptionsParams are per-payment-method options.
// Only the card options are modelled; send others with Client.Do.
type PaymentIntentPaymentMethodOptionsParams struct {
	Card *PaymentIntentPaymentMethodOptionsCardParams `url:"card,omitempty"`
}

// PaymentIntentPaymentMethodOptionsCardParams are the card options of a
// PaymentIntent. The request_* fields are "if_available" or "never";
// RequestThreeDSecure is "any", "automatic" or "challenge".
type PaymentIntentPaymentMethodOptionsCardParams struct {
	// CaptureMethod is "manual" for this card only, or "" to clear it.
	CaptureMethod                   *string `url:"capture_method,omitempty"`
	CVCToken                        *string `url:"cvc_token,omitempty"`
	Network                         *string `url:"network,omitempty"`
	RequestExtendedAuthorization    *string `url:"request_extended_authorization,omitempty"`
	RequestIncrementalAuthorization *string `url:"request_incremental_authorization,omitempty"`
	RequestMulticapture             *string `url:"request_multicapture,omitempty"`
	RequestOvercapture              *string `url:"request_overcapture,omitempty"`
	RequestThreeDSecure             *string `url:"request_three_d_secure,omitempty"`
	RequireCVCRecollection          *bool   `url:"require_cvc_recollection,omitempty"`
	// SetupFutureUsage is "none", "off_session" or "on_session" for this
	// card, or "" to clear it.
	SetupFutureUsage               *string `url:"setup_future_usage,omitempty"`
	StatementDescriptorSuffixKana  *string `url:"statement_descriptor_suffix_kana,omitempty"`
	StatementDescriptorSuffixKanji *string `url:"statement_descriptor_suffix_kanji,omitempty"`
}

// PaymentIntentRadarOptionsParams pass Radar session data collected by
// Stripe.js.
type PaymentIntentRadarOptionsParams struct {
	// Referrer is the page the customer came from; "" clears it.
	Referrer *string `url:"referrer,omitempty"`
	Session  *string `url:"session,omitempty"`
}

// PaymentIntentTransferDataParams send part of a payment to a connected
// account.
type PaymentIntentTransferDataParams struct {
	Amount      *int64                                  `url:"amount,omitempty"`
	Description *string                                 `url:"description,omitempty"`
	Destination *string                                 `url:"destination,omitempty"`
	Metadata    Metadata                                `url:"metadata,omitempty"`
	PaymentData *PaymentIntentTransferPaymentDataParams `url:"payment_data,omitempty"`
}

// PaymentIntentUpdateTransferDataParams change what is sent to the
// connected account; its destination is fixed at Create.
type PaymentIntentUpdateTransferDataParams struct {
	Amount      *int64                                  `url:"amount,omitempty"`
	Description *string                                 `url:"description,omitempty"`
	Metadata    Metadata                                `url:"metadata,omitempty"`
	PaymentData *PaymentIntentTransferPaymentDataParams `url:"payment_data,omitempty"`
}

// PaymentIntentTransferPaymentDataParams describe the payment created on
// the connected account.
type PaymentIntentTransferPaymentDataParams struct {
	Description *string  `url:"description,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
}

// PaymentIntentCaptureTransferDataParams change the amount transferred
// when a PaymentIntent is captured.
type PaymentIntentCaptureTransferDataParams struct {
	Amount *int64 `url:"amount,omitempty"`
}
