package stripe

import "encoding/json"

// LineItem is one line of a Checkout Session or a Payment Link (Stripe's
// "item" object): https://docs.stripe.com/api/checkout/sessions/line_items
type LineItem struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// AdjustableQuantity says whether the customer may change the
	// quantity, nil if not set.
	AdjustableQuantity *AdjustableQuantity `json:"adjustable_quantity"`
	AmountDiscount     int64               `json:"amount_discount"`
	AmountSubtotal     int64               `json:"amount_subtotal"`
	AmountTax          int64               `json:"amount_tax"`
	AmountTotal        int64               `json:"amount_total"`
	Currency           string              `json:"currency"`
	Description        string              `json:"description"`
	// Discounts are the discounts applied, as raw JSON.
	Discounts json.RawMessage   `json:"discounts"`
	Metadata  map[string]string `json:"metadata"`
	// Price is the line's price (always the full object), nil if none.
	Price    *Price `json:"price"`
	Quantity int64  `json:"quantity"`
	// Taxes are the taxes applied, as raw JSON.
	Taxes json.RawMessage `json:"taxes"`
}

// AdjustableQuantity is the quantity range a customer may choose.
type AdjustableQuantity struct {
	Enabled bool  `json:"enabled"`
	Maximum int64 `json:"maximum"`
	Minimum int64 `json:"minimum"`
}

// AdjustableQuantityParams lets the customer change a line's quantity
// within Minimum and Maximum.
type AdjustableQuantityParams struct {
	Enabled *bool  `url:"enabled,omitempty"`
	Maximum *int64 `url:"maximum,omitempty"`
	Minimum *int64 `url:"minimum,omitempty"`
}

// LineItemPriceDataParams is an inline price for a Checkout Session or
// Payment Link line: Currency, and Product or ProductData, and UnitAmount
// (or UnitAmountDecimal); Recurring makes it a subscription price.
type LineItemPriceDataParams struct {
	Currency          *string                    `url:"currency,omitempty"`
	Product           *string                    `url:"product,omitempty"`
	ProductData       *LineItemProductDataParams `url:"product_data,omitempty"`
	Recurring         *PriceDataRecurringParams  `url:"recurring,omitempty"`
	TaxBehavior       *PriceTaxBehavior          `url:"tax_behavior,omitempty"`
	UnitAmount        *int64                     `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                    `url:"unit_amount_decimal,omitempty"`
}

// LineItemProductDataParams creates a line's product inline.
type LineItemProductDataParams struct {
	Name        *string       `url:"name,omitempty"`
	Description *string       `url:"description,omitempty"`
	Images      Array[string] `url:"images,omitempty"`
	Metadata    Metadata      `url:"metadata,omitempty"`
	TaxCode     *string       `url:"tax_code,omitempty"`
	UnitLabel   *string       `url:"unit_label,omitempty"`
}

// LineItemListParams are the params of the line item lists of Checkout
// Sessions and Payment Links.
type LineItemListParams struct {
	Params
	ListParams
}
