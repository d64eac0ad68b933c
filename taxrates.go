package stripe

import (
	"context"
	"iter"
	"net/http"
)

// TaxRatesService manages tax rates: https://docs.stripe.com/api/tax_rates
type TaxRatesService struct{ c *Client }

// TaxRate is a tax percentage applied to invoices, subscriptions and
// their line items (for taxes you calculate yourself rather than with
// Stripe Tax). It cannot change once used; create a new one instead.
type TaxRate struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Active is false for an archived rate, which can no longer be applied.
	Active bool `json:"active"`
	// Country is a two-letter ISO country code.
	Country     string `json:"country"`
	Created     int64  `json:"created"`
	Description string `json:"description"`
	// DisplayName is shown to customers on invoices, e.g. "VAT".
	DisplayName string `json:"display_name"`
	// EffectivePercentage is the percentage actually applied (zero for
	// an exempt customer), set only on rates attached to an object.
	EffectivePercentage float64            `json:"effective_percentage"`
	FlatAmount          *TaxRateFlatAmount `json:"flat_amount"`
	// Inclusive says whether the tax is included in the amount it applies to.
	Inclusive         bool              `json:"inclusive"`
	Jurisdiction      string            `json:"jurisdiction"`
	JurisdictionLevel string            `json:"jurisdiction_level"`
	Livemode          bool              `json:"livemode"`
	Metadata          map[string]string `json:"metadata"`
	// Percentage is the rate, e.g. 19 for 19%.
	Percentage float64 `json:"percentage"`
	// RateType is "percentage" or "flat_amount".
	RateType string `json:"rate_type"`
	// State is an ISO 3166-2 subdivision code, without the country prefix.
	State string `json:"state"`
	// TaxType is vat, sales_tax, gst, hst, pst, qst, jct, ...
	TaxType string `json:"tax_type"`
}

// TaxRateFlatAmount is a fixed tax amount per unit, for rates of that kind.
type TaxRateFlatAmount struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// TaxRateCreateParams are the params of TaxRates.Create; DisplayName,
// Inclusive and Percentage are required.
type TaxRateCreateParams struct {
	Params
	Active       *bool    `url:"active,omitempty"`
	Country      *string  `url:"country,omitempty"`
	Description  *string  `url:"description,omitempty"`
	DisplayName  *string  `url:"display_name,omitempty"`
	Inclusive    *bool    `url:"inclusive,omitempty"`
	Jurisdiction *string  `url:"jurisdiction,omitempty"`
	Metadata     Metadata `url:"metadata,omitempty"`
	Percentage   *float64 `url:"percentage,omitempty"`
	State        *string  `url:"state,omitempty"`
	TaxType      *string  `url:"tax_type,omitempty"`
}

// TaxRateGetParams are the params of TaxRates.Get.
type TaxRateGetParams struct {
	Params
}

// TaxRateUpdateParams are the params of TaxRates.Update. The percentage
// and inclusiveness of a rate cannot change.
type TaxRateUpdateParams struct {
	Params
	// Active set to false archives the rate.
	Active       *bool    `url:"active,omitempty"`
	Country      *string  `url:"country,omitempty"`
	Description  *string  `url:"description,omitempty"`
	DisplayName  *string  `url:"display_name,omitempty"`
	Jurisdiction *string  `url:"jurisdiction,omitempty"`
	Metadata     Metadata `url:"metadata,omitempty"`
	State        *string  `url:"state,omitempty"`
	TaxType      *string  `url:"tax_type,omitempty"`
}

// TaxRateListParams are the params of TaxRates.List and TaxRates.All.
type TaxRateListParams struct {
	Params
	ListParams
	Active    *bool       `url:"active,omitempty"`
	Created   *RangeQuery `url:"created,omitempty"`
	Inclusive *bool       `url:"inclusive,omitempty"`
}

// Create creates a tax rate.
//
// Stripe API docs: https://docs.stripe.com/api/tax_rates/create
func (s *TaxRatesService) Create(ctx context.Context, params *TaxRateCreateParams) (*TaxRate, error) {
	tr := new(TaxRate)
	return orNil(tr, s.c.call(ctx, http.MethodPost, "/v1/tax_rates", params, tr))
}

// Get retrieves a tax rate. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/tax_rates/retrieve
func (s *TaxRatesService) Get(ctx context.Context, id string, params *TaxRateGetParams) (*TaxRate, error) {
	path, err := pathf("/v1/tax_rates/%s", id)
	if err != nil {
		return nil, err
	}
	tr := new(TaxRate)
	return orNil(tr, s.c.call(ctx, http.MethodGet, path, params, tr))
}

// Update changes the fields params sets on a tax rate.
//
// Stripe API docs: https://docs.stripe.com/api/tax_rates/update
func (s *TaxRatesService) Update(ctx context.Context, id string, params *TaxRateUpdateParams) (*TaxRate, error) {
	path, err := pathf("/v1/tax_rates/%s", id)
	if err != nil {
		return nil, err
	}
	tr := new(TaxRate)
	return orNil(tr, s.c.call(ctx, http.MethodPost, path, params, tr))
}

// List returns one page of tax rates, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/tax_rates/list
func (s *TaxRatesService) List(ctx context.Context, params *TaxRateListParams) (*List[TaxRate], error) {
	page := new(List[TaxRate])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/tax_rates", params, page))
}

// All iterates over every tax rate matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/tax_rates/list
func (s *TaxRatesService) All(ctx context.Context, params *TaxRateListParams) iter.Seq2[*TaxRate, error] {
	return listAll(ctx, params, s.List)
}
