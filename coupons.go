package stripe

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
)

// CouponsService manages coupons: https://docs.stripe.com/api/coupons
type CouponsService struct{ c *Client }

// CouponDuration is how long a coupon's discount lasts on a subscription.
type CouponDuration string

// Coupon durations.
const (
	// CouponDurationOnce applies to one invoice only.
	CouponDurationOnce CouponDuration = "once"
	// CouponDurationRepeating applies for DurationInMonths months.
	CouponDurationRepeating CouponDuration = "repeating"
	// CouponDurationForever applies to every invoice.
	CouponDurationForever CouponDuration = "forever"
)

// Coupon is a Stripe coupon: a percent-off or amount-off discount that can
// be applied to customers, subscriptions, invoices and promotion codes.
type Coupon struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// AmountOff is the amount in Currency taken off; zero for a
	// percent-off coupon.
	AmountOff int64 `json:"amount_off"`
	// AppliesTo limits the coupon to some products; nil when it applies
	// to everything.
	AppliesTo *CouponAppliesTo `json:"applies_to"`
	Created   int64            `json:"created"`
	Currency  string           `json:"currency"`
	// CurrencyOptions are the amounts off in other currencies, by
	// lower-case ISO currency code.
	CurrencyOptions  map[string]CouponCurrencyOption `json:"currency_options"`
	Duration         CouponDuration                  `json:"duration"`
	DurationInMonths int64                           `json:"duration_in_months"`
	Livemode         bool                            `json:"livemode"`
	MaxRedemptions   int64                           `json:"max_redemptions"`
	Metadata         map[string]string               `json:"metadata"`
	Name             string                          `json:"name"`
	// PercentOff is the percentage taken off (25.5 is 25.5%); zero for
	// an amount-off coupon.
	PercentOff float64 `json:"percent_off"`
	// RedeemBy is the Unix time after which the coupon can no longer be
	// redeemed; zero when it has no such limit.
	RedeemBy      int64 `json:"redeem_by"`
	TimesRedeemed int64 `json:"times_redeemed"`
	// Valid is false once the coupon can no longer be applied.
	Valid bool `json:"valid"`
}

// CouponAppliesTo lists the products a coupon applies to.
type CouponAppliesTo struct {
	Products []string `json:"products"`
}

// CouponCurrencyOption is a coupon's amount off in one currency.
type CouponCurrencyOption struct {
	AmountOff int64 `json:"amount_off"`
}

// Discount is a coupon or promotion code applied to a customer, a
// subscription, an invoice or an invoice item.
type Discount struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// CheckoutSession is the ID of the Checkout session that applied it.
	CheckoutSession string               `json:"checkout_session"`
	Customer        Expandable[Customer] `json:"customer"`
	CustomerAccount string               `json:"customer_account"`
	// Deleted is true on the object a DeleteDiscount method returns.
	Deleted bool `json:"deleted"`
	// End is the Unix time the discount ends; zero for a forever coupon.
	End         int64  `json:"end"`
	Invoice     string `json:"invoice"`
	InvoiceItem string `json:"invoice_item"`
	// PromotionCode is the promotion code that applied the discount, if any.
	PromotionCode    Expandable[PromotionCode] `json:"promotion_code"`
	Source           DiscountSource            `json:"source"`
	Start            int64                     `json:"start"`
	Subscription     string                    `json:"subscription"`
	SubscriptionItem string                    `json:"subscription_item"`
}

// DiscountSource is where a discount comes from. Type is "coupon".
type DiscountSource struct {
	Coupon Expandable[Coupon] `json:"coupon"`
	Type   string             `json:"type"`
}

// CouponAppliesToParams limits a new coupon to some products.
type CouponAppliesToParams struct {
	Products Array[string] `url:"products,omitempty"`
}

// CouponCurrencyOptionParams is a coupon's amount off in one currency.
type CouponCurrencyOptionParams struct {
	AmountOff *int64 `url:"amount_off,omitempty"`
}

// CouponCurrencyOptionsParams are a coupon's amounts off by lower-case ISO
// currency code, sent as currency_options[eur][amount_off]=...
type CouponCurrencyOptionsParams map[string]CouponCurrencyOptionParams

// EncodeValues implements query.Encoder.
func (m CouponCurrencyOptionsParams) EncodeValues(key string, v *url.Values) error {
	return encodeStructMap(key, m, v)
}

// CouponCreateParams are the params of Coupons.Create. Set PercentOff, or
// AmountOff with Currency.
type CouponCreateParams struct {
	Params
	AmountOff       *int64                      `url:"amount_off,omitempty"`
	AppliesTo       *CouponAppliesToParams      `url:"applies_to,omitempty"`
	Currency        *string                     `url:"currency,omitempty"`
	CurrencyOptions CouponCurrencyOptionsParams `url:"currency_options,omitempty"`
	// Duration defaults to once.
	Duration *CouponDuration `url:"duration,omitempty"`
	// DurationInMonths is required with CouponDurationRepeating.
	DurationInMonths *int64 `url:"duration_in_months,omitempty"`
	// ID is the coupon's code; Stripe generates one when it is unset.
	ID             *string  `url:"id,omitempty"`
	MaxRedemptions *int64   `url:"max_redemptions,omitempty"`
	Metadata       Metadata `url:"metadata,omitempty"`
	Name           *string  `url:"name,omitempty"`
	PercentOff     *float64 `url:"percent_off,omitempty"`
	// RedeemBy is the last Unix time the coupon can be redeemed.
	RedeemBy *int64 `url:"redeem_by,omitempty"`
}

// CouponGetParams are the params of Coupons.Get.
type CouponGetParams struct {
	Params
}

// CouponUpdateParams are the params of Coupons.Update. A coupon's terms
// cannot change once created; only these fields can.
type CouponUpdateParams struct {
	Params
	CurrencyOptions CouponCurrencyOptionsParams `url:"currency_options,omitempty"`
	Metadata        Metadata                    `url:"metadata,omitempty"`
	Name            *string                     `url:"name,omitempty"`
}

// CouponDeleteParams are the params of Coupons.Delete; they carry only the
// per-request options. params may be nil.
type CouponDeleteParams struct {
	RequestOptions
}

// CouponListParams are the params of Coupons.List and Coupons.All.
type CouponListParams struct {
	Params
	ListParams
	Created *RangeQuery `url:"created,omitempty"`
}

// Create creates a coupon.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/create
func (s *CouponsService) Create(ctx context.Context, params *CouponCreateParams) (*Coupon, error) {
	cpn := new(Coupon)
	return orNil(cpn, s.c.call(ctx, http.MethodPost, "/v1/coupons", params, cpn))
}

// Get retrieves a coupon. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/retrieve
func (s *CouponsService) Get(ctx context.Context, id string, params *CouponGetParams) (*Coupon, error) {
	path, err := pathf("/v1/coupons/%s", id)
	if err != nil {
		return nil, err
	}
	cpn := new(Coupon)
	return orNil(cpn, s.c.call(ctx, http.MethodGet, path, params, cpn))
}

// Update changes the fields params sets on a coupon.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/update
func (s *CouponsService) Update(ctx context.Context, id string, params *CouponUpdateParams) (*Coupon, error) {
	path, err := pathf("/v1/coupons/%s", id)
	if err != nil {
		return nil, err
	}
	cpn := new(Coupon)
	return orNil(cpn, s.c.call(ctx, http.MethodPost, path, params, cpn))
}

// Delete deletes a coupon; discounts already applied with it stay.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/delete
func (s *CouponsService) Delete(ctx context.Context, id string, params *CouponDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/coupons/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of coupons, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/list
func (s *CouponsService) List(ctx context.Context, params *CouponListParams) (*List[Coupon], error) {
	page := new(List[Coupon])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/coupons", params, page))
}

// All iterates over every coupon matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/coupons/list
func (s *CouponsService) All(ctx context.Context, params *CouponListParams) iter.Seq2[*Coupon, error] {
	return listAll(ctx, params, s.List)
}

// encodeStructMap encodes a map of params structs keyed by a name (a
// currency code, ...) as key[name][field]=..., in sorted key order.
func encodeStructMap[T any](key string, m map[string]T, v *url.Values) error {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if k == "" || strings.ContainsAny(k, "[]") {
			return fmt.Errorf("stripe: invalid %s key %q: must be non-empty and contain no '[' or ']'", key, redact(k))
		}
		elem := m[k]
		if err := encodeStruct(v, reflect.ValueOf(&elem).Elem(), key+"["+k+"]"); err != nil {
			return err
		}
	}
	return nil
}

// DiscountParams is one discount to apply, in a discounts[] param: a
// coupon, an existing discount or a promotion code (set one of them).
type DiscountParams struct {
	Coupon        *string `url:"coupon,omitempty"`
	Discount      *string `url:"discount,omitempty"`
	PromotionCode *string `url:"promotion_code,omitempty"`
}
