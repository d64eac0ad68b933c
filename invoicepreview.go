package stripe

import (
	"context"
	"net/http"
)

// InvoiceCreatePreviewAutomaticTaxParams turns automatic tax on or off for
// a preview.
type InvoiceCreatePreviewAutomaticTaxParams struct {
	Enabled *bool `url:"enabled,omitempty"`
}

// InvoiceCreatePreviewIssuerParams is the account a previewed invoice is
// issued by: Type "self", or "account" with Account.
type InvoiceCreatePreviewIssuerParams struct {
	Account *string `url:"account,omitempty"`
	Type    *string `url:"type,omitempty"`
}

// InvoiceCreatePreviewTaxParams carries the customer's IP address for tax
// location.
type InvoiceCreatePreviewTaxParams struct {
	IPAddress *string `url:"ip_address,omitempty"`
}

// InvoiceCreatePreviewTaxIDParams is a customer tax ID for a preview, such
// as Type "eu_vat" with Value "DE123456789".
type InvoiceCreatePreviewTaxIDParams struct {
	Type  *string `url:"type,omitempty"`
	Value *string `url:"value,omitempty"`
}

// InvoiceCreatePreviewCustomerDetailsParams describe a customer for a
// preview without one (Customer unset), or override the customer's.
type InvoiceCreatePreviewCustomerDetailsParams struct {
	Address   *AddressParams                         `url:"address,omitempty"`
	Shipping  *ShippingParams                        `url:"shipping,omitempty"`
	Tax       *InvoiceCreatePreviewTaxParams         `url:"tax,omitempty"`
	TaxExempt *CustomerTaxExempt                     `url:"tax_exempt,omitempty"`
	TaxIDs    Array[InvoiceCreatePreviewTaxIDParams] `url:"tax_ids,omitempty"`
}

// InvoiceCreatePreviewInvoiceItemParams is a pending invoice item to
// include in a preview: a new one, or InvoiceItem to change an existing one.
type InvoiceCreatePreviewInvoiceItemParams struct {
	Amount       *int64                `url:"amount,omitempty"`
	Currency     *string               `url:"currency,omitempty"`
	Description  *string               `url:"description,omitempty"`
	Discountable *bool                 `url:"discountable,omitempty"`
	Discounts    Array[DiscountParams] `url:"discounts,omitempty"`
	// InvoiceItem is an existing invoice item to change in the preview.
	InvoiceItem       *string                     `url:"invoiceitem,omitempty"`
	Metadata          Metadata                    `url:"metadata,omitempty"`
	Period            *InvoiceItemPeriodParams    `url:"period,omitempty"`
	Price             *string                     `url:"price,omitempty"`
	PriceData         *InvoiceItemPriceDataParams `url:"price_data,omitempty"`
	Quantity          *int64                      `url:"quantity,omitempty"`
	QuantityDecimal   *string                     `url:"quantity_decimal,omitempty"`
	TaxBehavior       *PriceTaxBehavior           `url:"tax_behavior,omitempty"`
	TaxCode           *string                     `url:"tax_code,omitempty"`
	TaxRates          Array[string]               `url:"tax_rates,omitempty"`
	UnitAmount        *int64                      `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                     `url:"unit_amount_decimal,omitempty"`
}

// InvoiceCreatePreviewItemParams is a proposed subscription item: with ID
// it changes (Price, Quantity, ...) or, with Deleted, removes an existing
// item; without ID it adds one.
type InvoiceCreatePreviewItemParams struct {
	BillingThresholds *SubscriptionItemBillingThresholdsParams `url:"billing_thresholds,omitempty"`
	ClearUsage        *bool                                    `url:"clear_usage,omitempty"`
	Deleted           *bool                                    `url:"deleted,omitempty"`
	Discounts         Array[DiscountParams]                    `url:"discounts,omitempty"`
	ID                *string                                  `url:"id,omitempty"`
	Metadata          Metadata                                 `url:"metadata,omitempty"`
	Price             *string                                  `url:"price,omitempty"`
	PriceData         *SubscriptionItemPriceDataParams         `url:"price_data,omitempty"`
	Quantity          *int64                                   `url:"quantity,omitempty"`
	TaxRates          Array[string]                            `url:"tax_rates,omitempty"`
}

// InvoiceCreatePreviewSubscriptionDetailsParams are the proposed changes to
// a subscription (or a new one) whose next invoice is previewed: for a
// price change, Items with the item's ID and the new Price.
type InvoiceCreatePreviewSubscriptionDetailsParams struct {
	// BillingCycleAnchor is Keyword("now") or Keyword("unchanged"), or
	// Int(unix time) for a new subscription.
	BillingCycleAnchor Union `url:"billing_cycle_anchor,omitempty"`
	// CancelAt is Int(unix time), Keyword("max_period_end"),
	// Keyword("min_period_end"), or Keyword("") to clear it.
	CancelAt          Union                                 `url:"cancel_at,omitempty"`
	CancelAtPeriodEnd *bool                                 `url:"cancel_at_period_end,omitempty"`
	CancelNow         *bool                                 `url:"cancel_now,omitempty"`
	DefaultTaxRates   Array[string]                         `url:"default_tax_rates,omitempty"`
	Items             Array[InvoiceCreatePreviewItemParams] `url:"items,omitempty"`
	Metadata          Metadata                              `url:"metadata,omitempty"`
	ProrationBehavior *ProrationBehavior                    `url:"proration_behavior,omitempty"`
	// ProrationDate is the Unix time prorations are computed as of; pass
	// the same value to Subscriptions.Update to get the previewed amounts.
	ProrationDate *int64 `url:"proration_date,omitempty"`
	// ResumeAt is "now" to preview resuming a paused subscription.
	ResumeAt  *string `url:"resume_at,omitempty"`
	StartDate *int64  `url:"start_date,omitempty"`
	// TrialEnd is Int(unix time) or Keyword("now").
	TrialEnd Union `url:"trial_end,omitempty"`
}

// InvoiceCreatePreviewParams are the params of Invoices.CreatePreview. Set
// Customer or Subscription (or CustomerDetails), plus the changes to
// preview. schedule_details is not modelled yet; use Schedule.
type InvoiceCreatePreviewParams struct {
	Params
	AutomaticTax    *InvoiceCreatePreviewAutomaticTaxParams      `url:"automatic_tax,omitempty"`
	Currency        *string                                      `url:"currency,omitempty"`
	Customer        *string                                      `url:"customer,omitempty"`
	CustomerAccount *string                                      `url:"customer_account,omitempty"`
	CustomerDetails *InvoiceCreatePreviewCustomerDetailsParams   `url:"customer_details,omitempty"`
	Discounts       Array[DiscountParams]                        `url:"discounts,omitempty"`
	InvoiceItems    Array[InvoiceCreatePreviewInvoiceItemParams] `url:"invoice_items,omitempty"`
	Issuer          *InvoiceCreatePreviewIssuerParams            `url:"issuer,omitempty"`
	OnBehalfOf      *string                                      `url:"on_behalf_of,omitempty"`
	// PreviewMode is "next" (the default: the next invoice, with
	// prorations) or "recurring" (a typical cycle's invoice).
	PreviewMode         *string                                        `url:"preview_mode,omitempty"`
	Schedule            *string                                        `url:"schedule,omitempty"`
	Subscription        *string                                        `url:"subscription,omitempty"`
	SubscriptionDetails *InvoiceCreatePreviewSubscriptionDetailsParams `url:"subscription_details,omitempty"`
}

// CreatePreview computes the invoice a customer or subscription would get
// next, with any proposed changes applied (a price change, new invoice
// items, a coupon), without creating anything. The returned invoice has no
// ID; its Lines hold the first page of lines.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/create_preview
func (s *InvoicesService) CreatePreview(ctx context.Context, params *InvoiceCreatePreviewParams) (*Invoice, error) {
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, "/v1/invoices/create_preview", params, inv))
}
