package stripe

import (
	"context"
	"iter"
	"net/http"
)

// InvoiceItemsService manages invoice items: https://docs.stripe.com/api/invoiceitems
type InvoiceItemsService struct{ c *Client }

// InvoiceItem is a Stripe invoice item: a charge added to a draft invoice,
// or pending until the customer's next invoice.
type InvoiceItem struct {
	ID           string               `json:"id"`
	Object       string               `json:"object"`
	Amount       int64                `json:"amount"`
	Currency     string               `json:"currency"`
	Customer     Expandable[Customer] `json:"customer"`
	Date         int64                `json:"date"`
	Description  string               `json:"description"`
	Discountable bool                 `json:"discountable"`
	// Invoice is the invoice the item is on; empty while it is pending.
	Invoice   Expandable[Invoice] `json:"invoice"`
	Livemode  bool                `json:"livemode"`
	Metadata  map[string]string   `json:"metadata"`
	NetAmount int64               `json:"net_amount"`
	// Parent names the subscription that generated the item, if any.
	Parent          *InvoiceItemParent    `json:"parent"`
	Period          InvoiceLineItemPeriod `json:"period"`
	Pricing         *InvoicePricing       `json:"pricing"`
	Proration       bool                  `json:"proration"`
	Quantity        int64                 `json:"quantity"`
	QuantityDecimal string                `json:"quantity_decimal"`
	TestClock       Expandable[ObjectRef] `json:"test_clock"`
	CustomerAccount string                `json:"customer_account"`
	// Discounts apply to this item; expandable.
	Discounts []Expandable[Discount] `json:"discounts"`
	// FrozenFields are the fields that can no longer change: "discounts",
	// "pricing", "quantity".
	FrozenFields     []string                     `json:"frozen_fields"`
	ProrationDetails *InvoiceItemProrationDetails `json:"proration_details"`
	// TaxRates apply to this item.
	TaxRates []TaxRate `json:"tax_rates"`
}

// InvoiceItemParent says what generated an invoice item. Type is
// "subscription_details".
type InvoiceItemParent struct {
	SubscriptionDetails *InvoiceItemParentSubscriptionDetails `json:"subscription_details"`
	Type                string                                `json:"type"`
}

// InvoiceItemParentSubscriptionDetails names the subscription (and item)
// behind an invoice item.
type InvoiceItemParentSubscriptionDetails struct {
	Subscription     string `json:"subscription"`
	SubscriptionItem string `json:"subscription_item"`
}

// InvoiceItemPeriodParams sets the period an invoice item covers, in Unix
// seconds.
type InvoiceItemPeriodParams struct {
	Start *int64 `url:"start,omitempty"`
	End   *int64 `url:"end,omitempty"`
}

// InvoiceItemPricingParams prices an invoice item with an existing price.
type InvoiceItemPricingParams struct {
	// Price is the ID of the price (price_...).
	Price *string `url:"price,omitempty"`
}

// InvoiceItemPriceDataParams prices an invoice item with an inline price.
type InvoiceItemPriceDataParams struct {
	Currency          *string           `url:"currency,omitempty"`
	Product           *string           `url:"product,omitempty"`
	TaxBehavior       *PriceTaxBehavior `url:"tax_behavior,omitempty"`
	UnitAmount        *int64            `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string           `url:"unit_amount_decimal,omitempty"`
}

// InvoiceItemCreateParams are the params of InvoiceItems.Create. Set either
// Amount (with Currency), Pricing, or PriceData.
type InvoiceItemCreateParams struct {
	Params
	// Amount in minor units; with Quantity unset it is the item's total.
	Amount *int64 `url:"amount,omitempty"`
	// Currency is a three-letter ISO code in lower case, such as "usd".
	Currency *string `url:"currency,omitempty"`
	// Customer is the customer the item is billed to (Stripe requires it).
	Customer     *string `url:"customer,omitempty"`
	Description  *string `url:"description,omitempty"`
	Discountable *bool   `url:"discountable,omitempty"`
	// Invoice adds the item to this draft invoice instead of leaving it
	// pending for the customer's next invoice.
	Invoice           *string                     `url:"invoice,omitempty"`
	Metadata          Metadata                    `url:"metadata,omitempty"`
	Period            *InvoiceItemPeriodParams    `url:"period,omitempty"`
	PriceData         *InvoiceItemPriceDataParams `url:"price_data,omitempty"`
	Pricing           *InvoiceItemPricingParams   `url:"pricing,omitempty"`
	Quantity          *int64                      `url:"quantity,omitempty"`
	Subscription      *string                     `url:"subscription,omitempty"`
	TaxBehavior       *PriceTaxBehavior           `url:"tax_behavior,omitempty"`
	TaxCode           *string                     `url:"tax_code,omitempty"`
	TaxRates          Array[string]               `url:"tax_rates,omitempty"`
	UnitAmountDecimal *string                     `url:"unit_amount_decimal,omitempty"`
	CustomerAccount   *string                     `url:"customer_account,omitempty"`
	// QuantityDecimal is a quantity with up to 12 decimal places, as a
	// string; set Quantity or QuantityDecimal.
	QuantityDecimal *string `url:"quantity_decimal,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// InvoiceItemGetParams are the params of InvoiceItems.Get.
type InvoiceItemGetParams struct {
	Params
}

// InvoiceItemUpdateParams are the params of InvoiceItems.Update. Only fields
// set are changed; a pointer to "" clears a string field.
type InvoiceItemUpdateParams struct {
	Params
	Amount            *int64                      `url:"amount,omitempty"`
	Description       *string                     `url:"description,omitempty"`
	Discountable      *bool                       `url:"discountable,omitempty"`
	Metadata          Metadata                    `url:"metadata,omitempty"`
	Period            *InvoiceItemPeriodParams    `url:"period,omitempty"`
	PriceData         *InvoiceItemPriceDataParams `url:"price_data,omitempty"`
	Pricing           *InvoiceItemPricingParams   `url:"pricing,omitempty"`
	Quantity          *int64                      `url:"quantity,omitempty"`
	TaxBehavior       *PriceTaxBehavior           `url:"tax_behavior,omitempty"`
	TaxCode           *string                     `url:"tax_code,omitempty"`
	TaxRates          Array[string]               `url:"tax_rates,omitempty"`
	UnitAmountDecimal *string                     `url:"unit_amount_decimal,omitempty"`
	// QuantityDecimal is a quantity with up to 12 decimal places, as a
	// string; set Quantity or QuantityDecimal.
	QuantityDecimal *string `url:"quantity_decimal,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// InvoiceItemListParams are the params of InvoiceItems.List and
// InvoiceItems.All.
type InvoiceItemListParams struct {
	Params
	ListParams
	Created  *RangeQuery `url:"created,omitempty"`
	Customer *string     `url:"customer,omitempty"`
	Invoice  *string     `url:"invoice,omitempty"`
	// Pending lists only items not yet on an invoice (true) or only items
	// on one (false).
	Pending         *bool   `url:"pending,omitempty"`
	CustomerAccount *string `url:"customer_account,omitempty"`
}

// InvoiceItemDeleteParams are the params of InvoiceItems.Delete; they carry only the
// per-request options (StripeAccount for Connect). params may be nil.
type InvoiceItemDeleteParams struct {
	RequestOptions
}

// Create creates an invoice item for a customer, on a draft invoice or
// pending for the customer's next invoice.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/create
func (s *InvoiceItemsService) Create(ctx context.Context, params *InvoiceItemCreateParams) (*InvoiceItem, error) {
	ii := new(InvoiceItem)
	return orNil(ii, s.c.call(ctx, http.MethodPost, "/v1/invoiceitems", params, ii))
}

// Get retrieves an invoice item. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/retrieve
func (s *InvoiceItemsService) Get(ctx context.Context, id string, params *InvoiceItemGetParams) (*InvoiceItem, error) {
	path, err := pathf("/v1/invoiceitems/%s", id)
	if err != nil {
		return nil, err
	}
	ii := new(InvoiceItem)
	return orNil(ii, s.c.call(ctx, http.MethodGet, path, params, ii))
}

// Update changes the fields params sets on an invoice item. Items on a
// finalized invoice cannot change.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/update
func (s *InvoiceItemsService) Update(ctx context.Context, id string, params *InvoiceItemUpdateParams) (*InvoiceItem, error) {
	path, err := pathf("/v1/invoiceitems/%s", id)
	if err != nil {
		return nil, err
	}
	ii := new(InvoiceItem)
	return orNil(ii, s.c.call(ctx, http.MethodPost, path, params, ii))
}

// Delete deletes an invoice item that is pending or on a draft invoice. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/delete
func (s *InvoiceItemsService) Delete(ctx context.Context, id string, params *InvoiceItemDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/invoiceitems/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of invoice items, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/list
func (s *InvoiceItemsService) List(ctx context.Context, params *InvoiceItemListParams) (*List[InvoiceItem], error) {
	page := new(List[InvoiceItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/invoiceitems", params, page))
}

// All iterates over every invoice item matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/invoiceitems/list
func (s *InvoiceItemsService) All(ctx context.Context, params *InvoiceItemListParams) iter.Seq2[*InvoiceItem, error] {
	return listAll(ctx, params, s.List)
}
