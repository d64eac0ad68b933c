package stripe

// Nested objects of PaymentIntent.

// PaymentIntentAmountDetails break a payment's amount down.
type PaymentIntentAmountDetails struct {
	DiscountAmount int64                               `json:"discount_amount"`
	Shipping       *PaymentIntentAmountDetailsShipping `json:"shipping"`
	Tax            *PaymentIntentAmountDetailsTax      `json:"tax"`
	Tip            *PaymentIntentAmountDetailsTip      `json:"tip"`
}

// PaymentIntentAmountDetailsShipping is the shipping part of an amount.
type PaymentIntentAmountDetailsShipping struct {
	Amount         int64  `json:"amount"`
	FromPostalCode string `json:"from_postal_code"`
	ToPostalCode   string `json:"to_postal_code"`
}

// PaymentIntentAmountDetailsTax is the tax part of an amount.
type PaymentIntentAmountDetailsTax struct {
	TotalTaxAmount int64 `json:"total_tax_amount"`
}

// PaymentIntentAmountDetailsTip is the tip part of an amount.
type PaymentIntentAmountDetailsTip struct {
	Amount int64 `json:"amount"`
}

// PaymentIntentHooks are the other Stripe features a payment is tied to.
type PaymentIntentHooks struct {
	Inputs *PaymentIntentHooksInputs `json:"inputs"`
}

// PaymentIntentHooksInputs are the inputs of PaymentIntentHooks.
type PaymentIntentHooksInputs struct {
	Tax *PaymentIntentHooksTax `json:"tax"`
}

// PaymentIntentHooksTax names the Stripe Tax calculation of a payment.
type PaymentIntentHooksTax struct {
	Calculation string `json:"calculation"`
}

// ManagedPayments says whether Stripe manages an object's payments.
type ManagedPayments struct {
	Enabled bool `json:"enabled"`
}

// PaymentIntentPaymentDetails are the merchant's references for a payment.
type PaymentIntentPaymentDetails struct {
	CustomerReference string `json:"customer_reference"`
	OrderReference    string `json:"order_reference"`
}

// PaymentMethodConfigurationDetails name the payment method configuration
// an object used.
type PaymentMethodConfigurationDetails struct {
	ID     string `json:"id"`
	Parent string `json:"parent"`
}

// PresentmentDetails are the amount and currency a payment was presented
// to the customer in, when it differs from the settlement currency.
type PresentmentDetails struct {
	PresentmentAmount   int64  `json:"presentment_amount"`
	PresentmentCurrency string `json:"presentment_currency"`
}

// PaymentIntentProcessing describes a payment still being processed;
// Type is "card".
type PaymentIntentProcessing struct {
	Card *PaymentIntentCardProcessing `json:"card"`
	Type string                       `json:"type"`
}

// PaymentIntentCardProcessing is a card payment being processed.
type PaymentIntentCardProcessing struct {
	CustomerNotification *PaymentIntentCustomerNotification `json:"customer_notification"`
}

// PaymentIntentCustomerNotification says whether the customer was asked
// to approve the payment, and when it completes (Unix seconds).
type PaymentIntentCustomerNotification struct {
	ApprovalRequested bool  `json:"approval_requested"`
	CompletesAt       int64 `json:"completes_at"`
}

// PaymentIntentTransferData is what a payment sends to a connected account.
type PaymentIntentTransferData struct {
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
	// Destination is the connected account; expandable (accounts are not
	// modelled).
	Destination Expandable[ObjectRef] `json:"destination"`
	Metadata    map[string]string     `json:"metadata"`
}
