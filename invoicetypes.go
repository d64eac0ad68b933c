package stripe

// Nested objects of Invoice, InvoiceLineItem and InvoiceItem.

// InvoiceCustomerTaxID is a tax ID of the customer, as copied onto an
// invoice: Type such as "eu_vat", Value the number.
type InvoiceCustomerTaxID struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// InvoiceFromInvoice names the invoice this one revises; Action is
// "revision".
type InvoiceFromInvoice struct {
	Action  string              `json:"action"`
	Invoice Expandable[Invoice] `json:"invoice"`
}

// InvoiceRendering are an invoice's PDF settings.
type InvoiceRendering struct {
	// AmountTaxDisplay is "exclude_tax" or "include_inclusive_tax".
	AmountTaxDisplay string               `json:"amount_tax_display"`
	PDF              *InvoiceRenderingPDF `json:"pdf"`
	Template         string               `json:"template"`
	TemplateVersion  int64                `json:"template_version"`
}

// InvoiceRenderingPDF: PageSize is "a4", "letter" or "auto".
type InvoiceRenderingPDF struct {
	PageSize string `json:"page_size"`
}

// InvoiceShippingCost is the shipping charged on an invoice.
type InvoiceShippingCost struct {
	AmountSubtotal int64 `json:"amount_subtotal"`
	AmountTax      int64 `json:"amount_tax"`
	AmountTotal    int64 `json:"amount_total"`
	// ShippingRate is expandable; shipping rates are not modelled.
	ShippingRate Expandable[ObjectRef] `json:"shipping_rate"`
}

// InvoiceThresholdReason says why a billing threshold invoiced early.
type InvoiceThresholdReason struct {
	AmountGTE   int64                        `json:"amount_gte"`
	ItemReasons []InvoiceItemThresholdReason `json:"item_reasons"`
}

// InvoiceItemThresholdReason is an item whose usage crossed its threshold.
type InvoiceItemThresholdReason struct {
	LineItemIDs []string `json:"line_item_ids"`
	UsageGTE    int64    `json:"usage_gte"`
}

// InvoicePretaxCreditAmount is a credit applied before tax: a discount or
// a credit balance transaction (Type says which).
type InvoicePretaxCreditAmount struct {
	Amount int64 `json:"amount"`
	// CreditBalanceTransaction is expandable; only its ID and object type
	// are decoded.
	CreditBalanceTransaction Expandable[ObjectRef] `json:"credit_balance_transaction"`
	// Discount is the discount behind the credit; expandable.
	Discount Expandable[Discount] `json:"discount"`
	Type     string               `json:"type"`
}

// InvoicePayment is a payment applied to an invoice.
type InvoicePayment struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// AmountPaid is what was paid; 0 until the payment succeeds.
	AmountPaid        int64                           `json:"amount_paid"`
	AmountRequested   int64                           `json:"amount_requested"`
	Created           int64                           `json:"created"`
	Currency          string                          `json:"currency"`
	Invoice           Expandable[Invoice]             `json:"invoice"`
	IsDefault         bool                            `json:"is_default"`
	Livemode          bool                            `json:"livemode"`
	Payment           InvoicePaymentPayment           `json:"payment"`
	Status            string                          `json:"status"`
	StatusTransitions InvoicePaymentStatusTransitions `json:"status_transitions"`
}

// InvoicePaymentPayment is the charge, PaymentIntent or payment record
// behind an invoice payment (Type says which).
type InvoicePaymentPayment struct {
	Charge        Expandable[Charge]        `json:"charge"`
	PaymentIntent Expandable[PaymentIntent] `json:"payment_intent"`
	// PaymentRecord is expandable; payment records are not modelled.
	PaymentRecord Expandable[ObjectRef] `json:"payment_record"`
	Type          string                `json:"type"`
}

// InvoicePaymentStatusTransitions are when an invoice payment was paid or
// canceled (Unix seconds, 0 if not).
type InvoicePaymentStatusTransitions struct {
	CanceledAt int64 `json:"canceled_at"`
	PaidAt     int64 `json:"paid_at"`
}

// InvoiceItemProrationDetails explain a proration invoice item.
type InvoiceItemProrationDetails struct {
	DiscountAmounts []InvoiceDiscountAmount `json:"discount_amounts"`
}
