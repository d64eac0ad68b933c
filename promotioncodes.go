package stripe

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// PromotionCodesService manages promotion codes, the customer-facing codes
// of a coupon: https://docs.stripe.com/api/promotion_codes
type PromotionCodesService struct{ c *Client }

// PromotionCode is a customer-redeemable code for a coupon.
type PromotionCode struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Active is false once the code can no longer be redeemed.
	Active bool `json:"active"`
	// Code is what the customer types; case-insensitive.
	Code    string `json:"code"`
	Created int64  `json:"created"`
	// Customer restricts the code to one customer, if set.
	Customer        Expandable[Customer] `json:"customer"`
	CustomerAccount string               `json:"customer_account"`
	// ExpiresAt is the Unix time the code expires; zero when it does not.
	ExpiresAt      int64                     `json:"expires_at"`
	Livemode       bool                      `json:"livemode"`
	MaxRedemptions int64                     `json:"max_redemptions"`
	Metadata       map[string]string         `json:"metadata"`
	Promotion      PromotionCodePromotion    `json:"promotion"`
	Restrictions   PromotionCodeRestrictions `json:"restrictions"`
	TimesRedeemed  int64                     `json:"times_redeemed"`
}

// PromotionCodePromotion is what a promotion code applies. Type is "coupon".
type PromotionCodePromotion struct {
	Coupon Expandable[Coupon] `json:"coupon"`
	Type   string             `json:"type"`
}

// PromotionCodeRestrictions limit when a promotion code can be redeemed.
type PromotionCodeRestrictions struct {
	// CurrencyOptions are minimum amounts in other currencies, by
	// lower-case ISO currency code.
	CurrencyOptions       map[string]PromotionCodeCurrencyOption `json:"currency_options"`
	FirstTimeTransaction  bool                                   `json:"first_time_transaction"`
	MinimumAmount         int64                                  `json:"minimum_amount"`
	MinimumAmountCurrency string                                 `json:"minimum_amount_currency"`
}

// PromotionCodeCurrencyOption is a promotion code's minimum amount in one
// currency.
type PromotionCodeCurrencyOption struct {
	MinimumAmount int64 `json:"minimum_amount"`
}

// PromotionCodePromotionParams names what a new promotion code applies:
// Type "coupon" and the coupon's ID.
type PromotionCodePromotionParams struct {
	Coupon *string `url:"coupon,omitempty"`
	// Type is "coupon"; Stripe requires it.
	Type *string `url:"type,omitempty"`
}

// PromotionCodeCurrencyOptionParams is a minimum amount in one currency.
type PromotionCodeCurrencyOptionParams struct {
	MinimumAmount *int64 `url:"minimum_amount,omitempty"`
}

// PromotionCodeCurrencyOptionsParams are minimum amounts by lower-case ISO
// currency code, sent as restrictions[currency_options][eur][minimum_amount].
type PromotionCodeCurrencyOptionsParams map[string]PromotionCodeCurrencyOptionParams

// EncodeValues implements query.Encoder.
func (m PromotionCodeCurrencyOptionsParams) EncodeValues(key string, v *url.Values) error {
	return encodeStructMap(key, m, v)
}

// PromotionCodeRestrictionsParams limits when a new promotion code can be
// redeemed.
type PromotionCodeRestrictionsParams struct {
	CurrencyOptions       PromotionCodeCurrencyOptionsParams `url:"currency_options,omitempty"`
	FirstTimeTransaction  *bool                              `url:"first_time_transaction,omitempty"`
	MinimumAmount         *int64                             `url:"minimum_amount,omitempty"`
	MinimumAmountCurrency *string                            `url:"minimum_amount_currency,omitempty"`
}

// PromotionCodeUpdateRestrictionsParams are the restrictions that can
// change on an existing promotion code: the per-currency minimums.
type PromotionCodeUpdateRestrictionsParams struct {
	CurrencyOptions PromotionCodeCurrencyOptionsParams `url:"currency_options,omitempty"`
}

// PromotionCodeCreateParams are the params of PromotionCodes.Create.
type PromotionCodeCreateParams struct {
	Params
	// Promotion names the coupon; Stripe requires it.
	Promotion *PromotionCodePromotionParams `url:"promotion,omitempty"`
	Active    *bool                         `url:"active,omitempty"`
	// Code is what customers type; Stripe generates one when unset.
	Code            *string                          `url:"code,omitempty"`
	Customer        *string                          `url:"customer,omitempty"`
	CustomerAccount *string                          `url:"customer_account,omitempty"`
	ExpiresAt       *int64                           `url:"expires_at,omitempty"`
	MaxRedemptions  *int64                           `url:"max_redemptions,omitempty"`
	Metadata        Metadata                         `url:"metadata,omitempty"`
	Restrictions    *PromotionCodeRestrictionsParams `url:"restrictions,omitempty"`
}

// PromotionCodeGetParams are the params of PromotionCodes.Get.
type PromotionCodeGetParams struct {
	Params
}

// PromotionCodeUpdateParams are the params of PromotionCodes.Update.
type PromotionCodeUpdateParams struct {
	Params
	// Active set to false deactivates the code; it cannot be reactivated
	// once its coupon is gone.
	Active       *bool                                  `url:"active,omitempty"`
	Metadata     Metadata                               `url:"metadata,omitempty"`
	Restrictions *PromotionCodeUpdateRestrictionsParams `url:"restrictions,omitempty"`
}

// PromotionCodeListParams are the params of PromotionCodes.List and
// PromotionCodes.All.
type PromotionCodeListParams struct {
	Params
	ListParams
	Active *bool `url:"active,omitempty"`
	// Code filters by the code, case-insensitively.
	Code            *string     `url:"code,omitempty"`
	Coupon          *string     `url:"coupon,omitempty"`
	Created         *RangeQuery `url:"created,omitempty"`
	Customer        *string     `url:"customer,omitempty"`
	CustomerAccount *string     `url:"customer_account,omitempty"`
}

// Create creates a promotion code for a coupon.
//
// Stripe API docs: https://docs.stripe.com/api/promotion_codes/create
func (s *PromotionCodesService) Create(ctx context.Context, params *PromotionCodeCreateParams) (*PromotionCode, error) {
	pc := new(PromotionCode)
	return orNil(pc, s.c.call(ctx, http.MethodPost, "/v1/promotion_codes", params, pc))
}

// Get retrieves a promotion code by ID (promo_...); to find one by the
// code customers type, List with Code. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/promotion_codes/retrieve
func (s *PromotionCodesService) Get(ctx context.Context, id string, params *PromotionCodeGetParams) (*PromotionCode, error) {
	path, err := pathf("/v1/promotion_codes/%s", id)
	if err != nil {
		return nil, err
	}
	pc := new(PromotionCode)
	return orNil(pc, s.c.call(ctx, http.MethodGet, path, params, pc))
}

// Update changes the fields params sets on a promotion code.
//
// Stripe API docs: https://docs.stripe.com/api/promotion_codes/update
func (s *PromotionCodesService) Update(ctx context.Context, id string, params *PromotionCodeUpdateParams) (*PromotionCode, error) {
	path, err := pathf("/v1/promotion_codes/%s", id)
	if err != nil {
		return nil, err
	}
	pc := new(PromotionCode)
	return orNil(pc, s.c.call(ctx, http.MethodPost, path, params, pc))
}

// List returns one page of promotion codes, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/promotion_codes/list
func (s *PromotionCodesService) List(ctx context.Context, params *PromotionCodeListParams) (*List[PromotionCode], error) {
	page := new(List[PromotionCode])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/promotion_codes", params, page))
}

// All iterates over every promotion code matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/promotion_codes/list
func (s *PromotionCodesService) All(ctx context.Context, params *PromotionCodeListParams) iter.Seq2[*PromotionCode, error] {
	return listAll(ctx, params, s.List)
}
