package stripe

// Nested params of Invoices.Create and Invoices.Update.

// InvoiceFromInvoiceParams create an invoice as a revision of another:
// Action is "revision".
type InvoiceFromInvoiceParams struct {
	Action  *string `url:"action,omitempty"`
	Invoice *string `url:"invoice,omitempty"`
}

// InvoicePaymentSettingsParams set how an invoice may be paid.
// DefaultMandate "" clears it.
type InvoicePaymentSettingsParams struct {
	DefaultMandate     *string       `url:"default_mandate,omitempty"`
	PaymentMethodTypes Array[string] `url:"payment_method_types,omitempty"`
}

// InvoiceRenderingParams are the PDF settings of an invoice.
type InvoiceRenderingParams struct {
	// AmountTaxDisplay is "exclude_tax" or "include_inclusive_tax"; ""
	// clears it.
	AmountTaxDisplay *string                    `url:"amount_tax_display,omitempty"`
	PDF              *InvoiceRenderingPDFParams `url:"pdf,omitempty"`
	Template         *string                    `url:"template,omitempty"`
	TemplateVersion  *int64                     `url:"template_version,omitempty"`
}

// InvoiceRenderingPDFParams: PageSize is "a4", "letter" or "auto".
type InvoiceRenderingPDFParams struct {
	PageSize *string `url:"page_size,omitempty"`
}

// InvoiceShippingCostParams charge shipping on an invoice, by an existing
// shipping rate (ShippingRate) or an inline one (ShippingRateData).
type InvoiceShippingCostParams struct {
	ShippingRate     *string                        `url:"shipping_rate,omitempty"`
	ShippingRateData *InvoiceShippingRateDataParams `url:"shipping_rate_data,omitempty"`
}

// InvoiceShippingRateDataParams are an inline fixed-amount shipping rate.
type InvoiceShippingRateDataParams struct {
	DisplayName *string                           `url:"display_name,omitempty"`
	FixedAmount *InvoiceShippingFixedAmountParams `url:"fixed_amount,omitempty"`
	Metadata    Metadata                          `url:"metadata,omitempty"`
	// TaxBehavior is "exclusive", "inclusive" or "unspecified".
	TaxBehavior *string `url:"tax_behavior,omitempty"`
	TaxCode     *string `url:"tax_code,omitempty"`
	// Type is "fixed_amount".
	Type *string `url:"type,omitempty"`
}

// InvoiceShippingFixedAmountParams are the amount of a fixed shipping
// rate, in minor units.
type InvoiceShippingFixedAmountParams struct {
	Amount   *int64  `url:"amount,omitempty"`
	Currency *string `url:"currency,omitempty"`
}

// InvoiceShippingDetailsParams are the shipping address and recipient
// shown on an invoice. Phone "" clears it.
type InvoiceShippingDetailsParams struct {
	Address *AddressParams `url:"address,omitempty"`
	Name    *string        `url:"name,omitempty"`
	Phone   *string        `url:"phone,omitempty"`
}

// InvoiceTransferDataParams send the paid amount, or part of it, to a
// connected account.
type InvoiceTransferDataParams struct {
	Amount      *int64  `url:"amount,omitempty"`
	Destination *string `url:"destination,omitempty"`
}
