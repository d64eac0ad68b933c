package stripe

import (
	"context"
	"iter"
	"net/http"
)

// InvoiceLineTaxRateDataParams describes a tax rate inline, for a tax
// amount computed outside Stripe.
type InvoiceLineTaxRateDataParams struct {
	Country           *string  `url:"country,omitempty"`
	Description       *string  `url:"description,omitempty"`
	DisplayName       *string  `url:"display_name,omitempty"`
	Inclusive         *bool    `url:"inclusive,omitempty"`
	Jurisdiction      *string  `url:"jurisdiction,omitempty"`
	JurisdictionLevel *string  `url:"jurisdiction_level,omitempty"`
	Percentage        *float64 `url:"percentage,omitempty"`
	State             *string  `url:"state,omitempty"`
	// TaxType is vat, sales_tax, gst, ...
	TaxType *string `url:"tax_type,omitempty"`
}

// InvoiceLineTaxAmountParams is a tax amount computed outside Stripe for
// an invoice line.
type InvoiceLineTaxAmountParams struct {
	Amount           *int64                        `url:"amount,omitempty"`
	TaxRateData      *InvoiceLineTaxRateDataParams `url:"tax_rate_data,omitempty"`
	TaxabilityReason *string                       `url:"taxability_reason,omitempty"`
	TaxableAmount    *int64                        `url:"taxable_amount,omitempty"`
}

// InvoiceLineProductDataParams creates a product inline for a line's
// price data.
type InvoiceLineProductDataParams struct {
	Description *string       `url:"description,omitempty"`
	Images      Array[string] `url:"images,omitempty"`
	Metadata    Metadata      `url:"metadata,omitempty"`
	Name        *string       `url:"name,omitempty"`
	TaxCode     *string       `url:"tax_code,omitempty"`
	UnitLabel   *string       `url:"unit_label,omitempty"`
}

// InvoiceLinePriceDataParams is an inline one-off price for an invoice
// line: Product or ProductData, with Currency and a unit amount.
type InvoiceLinePriceDataParams struct {
	Currency          *string                       `url:"currency,omitempty"`
	Product           *string                       `url:"product,omitempty"`
	ProductData       *InvoiceLineProductDataParams `url:"product_data,omitempty"`
	TaxBehavior       *PriceTaxBehavior             `url:"tax_behavior,omitempty"`
	UnitAmount        *int64                        `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                       `url:"unit_amount_decimal,omitempty"`
}

// InvoiceAddLinesLineParams is one element of the lines of
// Invoices.AddLines: InvoiceItem moves a pending invoice item onto the
// invoice; otherwise the fields describe a new line.
type InvoiceAddLinesLineParams struct {
	InvoiceItem     *string                           `url:"invoice_item,omitempty"`
	Amount          *int64                            `url:"amount,omitempty"`
	Description     *string                           `url:"description,omitempty"`
	Discountable    *bool                             `url:"discountable,omitempty"`
	Discounts       Array[DiscountParams]             `url:"discounts,omitempty"`
	Metadata        Metadata                          `url:"metadata,omitempty"`
	Period          *InvoiceItemPeriodParams          `url:"period,omitempty"`
	PriceData       *InvoiceLinePriceDataParams       `url:"price_data,omitempty"`
	Pricing         *InvoiceItemPricingParams         `url:"pricing,omitempty"`
	Quantity        *int64                            `url:"quantity,omitempty"`
	QuantityDecimal *string                           `url:"quantity_decimal,omitempty"`
	TaxAmounts      Array[InvoiceLineTaxAmountParams] `url:"tax_amounts,omitempty"`
	TaxRates        Array[string]                     `url:"tax_rates,omitempty"`
}

// InvoiceUpdateLinesLineParams is one element of the lines of
// Invoices.UpdateLines: ID names the line, the other fields set what
// changes.
type InvoiceUpdateLinesLineParams struct {
	ID              *string                           `url:"id,omitempty"`
	Amount          *int64                            `url:"amount,omitempty"`
	Description     *string                           `url:"description,omitempty"`
	Discountable    *bool                             `url:"discountable,omitempty"`
	Discounts       Array[DiscountParams]             `url:"discounts,omitempty"`
	Metadata        Metadata                          `url:"metadata,omitempty"`
	Period          *InvoiceItemPeriodParams          `url:"period,omitempty"`
	PriceData       *InvoiceLinePriceDataParams       `url:"price_data,omitempty"`
	Pricing         *InvoiceItemPricingParams         `url:"pricing,omitempty"`
	Quantity        *int64                            `url:"quantity,omitempty"`
	QuantityDecimal *string                           `url:"quantity_decimal,omitempty"`
	TaxAmounts      Array[InvoiceLineTaxAmountParams] `url:"tax_amounts,omitempty"`
	TaxRates        Array[string]                     `url:"tax_rates,omitempty"`
}

// InvoiceRemoveLineParams is one element of the lines of
// Invoices.RemoveLines: Behavior "delete" deletes the invoice item behind
// the line, "unassign" returns it to the customer's pending items.
type InvoiceRemoveLineParams struct {
	ID       *string `url:"id,omitempty"`
	Behavior *string `url:"behavior,omitempty"`
}

// InvoiceLineListParams are the params of Invoices.Lines and
// Invoices.LinesAll.
type InvoiceLineListParams struct {
	Params
	ListParams
}

// InvoiceAddLinesParams are the params of Invoices.AddLines.
type InvoiceAddLinesParams struct {
	Params
	Lines Array[InvoiceAddLinesLineParams] `url:"lines,omitempty"`
	// InvoiceMetadata is set on the invoice in the same request.
	InvoiceMetadata Metadata `url:"invoice_metadata,omitempty"`
}

// InvoiceUpdateLinesParams are the params of Invoices.UpdateLines.
type InvoiceUpdateLinesParams struct {
	Params
	// Lines each name a line by ID and set what changes.
	Lines           Array[InvoiceUpdateLinesLineParams] `url:"lines,omitempty"`
	InvoiceMetadata Metadata                            `url:"invoice_metadata,omitempty"`
}

// InvoiceRemoveLinesParams are the params of Invoices.RemoveLines.
type InvoiceRemoveLinesParams struct {
	Params
	Lines           Array[InvoiceRemoveLineParams] `url:"lines,omitempty"`
	InvoiceMetadata Metadata                       `url:"invoice_metadata,omitempty"`
}

// InvoiceLineUpdateParams are the params of Invoices.UpdateLine, which
// changes one line of a draft invoice.
type InvoiceLineUpdateParams struct {
	Params
	Amount          *int64                            `url:"amount,omitempty"`
	Description     *string                           `url:"description,omitempty"`
	Discountable    *bool                             `url:"discountable,omitempty"`
	Discounts       Array[DiscountParams]             `url:"discounts,omitempty"`
	Metadata        Metadata                          `url:"metadata,omitempty"`
	Period          *InvoiceItemPeriodParams          `url:"period,omitempty"`
	PriceData       *InvoiceLinePriceDataParams       `url:"price_data,omitempty"`
	Pricing         *InvoiceItemPricingParams         `url:"pricing,omitempty"`
	Quantity        *int64                            `url:"quantity,omitempty"`
	QuantityDecimal *string                           `url:"quantity_decimal,omitempty"`
	TaxAmounts      Array[InvoiceLineTaxAmountParams] `url:"tax_amounts,omitempty"`
	TaxRates        Array[string]                     `url:"tax_rates,omitempty"`
}

// Lines returns one page of an invoice's line items. Invoice.Lines holds
// only the first page; use Lines or LinesAll to read past it. params may
// be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/invoice_lines
func (s *InvoicesService) Lines(ctx context.Context, invoiceID string, params *InvoiceLineListParams) (*List[InvoiceLineItem], error) {
	path, err := pathf("/v1/invoices/%s/lines", invoiceID)
	if err != nil {
		return nil, err
	}
	page := new(List[InvoiceLineItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// LinesAll iterates over every line item of an invoice, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/invoice_lines
func (s *InvoicesService) LinesAll(ctx context.Context, invoiceID string, params *InvoiceLineListParams) iter.Seq2[*InvoiceLineItem, error] {
	return listAll(ctx, params, func(ctx context.Context, p *InvoiceLineListParams) (*List[InvoiceLineItem], error) {
		return s.Lines(ctx, invoiceID, p)
	})
}

// AddLines adds line items to a draft invoice and returns the invoice.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/add_lines
func (s *InvoicesService) AddLines(ctx context.Context, invoiceID string, params *InvoiceAddLinesParams) (*Invoice, error) {
	return s.linesAction(ctx, "/v1/invoices/%s/add_lines", invoiceID, params)
}

// UpdateLines changes line items of a draft invoice and returns the
// invoice.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/update_lines
func (s *InvoicesService) UpdateLines(ctx context.Context, invoiceID string, params *InvoiceUpdateLinesParams) (*Invoice, error) {
	return s.linesAction(ctx, "/v1/invoices/%s/update_lines", invoiceID, params)
}

// RemoveLines removes line items from a draft invoice and returns the
// invoice.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/remove_lines
func (s *InvoicesService) RemoveLines(ctx context.Context, invoiceID string, params *InvoiceRemoveLinesParams) (*Invoice, error) {
	return s.linesAction(ctx, "/v1/invoices/%s/remove_lines", invoiceID, params)
}

// UpdateLine changes one line item of a draft invoice.
//
// Stripe API docs: https://docs.stripe.com/api/invoice-line-item/update
func (s *InvoicesService) UpdateLine(ctx context.Context, invoiceID, lineID string, params *InvoiceLineUpdateParams) (*InvoiceLineItem, error) {
	path, err := pathf("/v1/invoices/%s/lines/%s", invoiceID, lineID)
	if err != nil {
		return nil, err
	}
	li := new(InvoiceLineItem)
	return orNil(li, s.c.call(ctx, http.MethodPost, path, params, li))
}

func (s *InvoicesService) linesAction(ctx context.Context, format, invoiceID string, params any) (*Invoice, error) {
	path, err := pathf(format, invoiceID)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}
