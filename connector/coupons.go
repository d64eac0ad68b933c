package connector

import (
	"context"

	"github.com/stripelite/stripe"
)

type createCouponConfig struct {
	AmountOff         *int64                 `json:"amountOff" min:"1" desc:"Amount to take off in the currency's smallest unit, e.g. 1000 for $10.00; give this or percentOff."`
	Currency          *string                `json:"currency" desc:"Three-letter ISO currency code of amountOff, lower case (required with amountOff)."`
	PercentOff        *float64               `json:"percentOff" desc:"Percentage to take off, e.g. 25 or 12.5; give this or amountOff."`
	Duration          *stripe.CouponDuration `json:"duration" desc:"How long the discount lasts on a subscription: once (the default), repeating (durationInMonths) or forever."`
	DurationInMonths  *int64                 `json:"durationInMonths" min:"1" desc:"Months the discount lasts (duration repeating only)."`
	ID                *string                `json:"id" desc:"The coupon's code, e.g. SUMMER25; Stripe makes one up when unset."`
	Name              *string                `json:"name" desc:"Name shown to customers on invoices and receipts."`
	MaxRedemptions    *int64                 `json:"maxRedemptions" min:"1" desc:"How many times the coupon can be redeemed in all."`
	RedeemBy          *int64                 `json:"redeemBy" desc:"Last time the coupon can be redeemed, as a Unix timestamp."`
	AppliesToProducts []string               `json:"appliesToProducts" desc:"Only these products (prod_...) are discounted."`
	Metadata          map[string]string      `json:"metadata" desc:"Key-value pairs (strings) to attach to the coupon."`
}

// rules: a coupon takes an amount (in a currency) or a percentage off, and
// a repeating one lasts a number of months.
func (*createCouponConfig) rules() []rule {
	return []rule{
		exactlyOne("amountOff", "percentOff"),
		requires("amountOff", "currency"),
		ifThenAnyOf("duration", string(stripe.CouponDurationRepeating), "durationInMonths"),
		onlyIf("duration", string(stripe.CouponDurationRepeating), "durationInMonths"),
	}
}

const exampleCoupon = `{"id": "SUMMER25", "object": "coupon", "percent_off": 25, "amount_off": null, "currency": null, "duration": "repeating", "duration_in_months": 3, "valid": true}`

func couponActions() []Action {
	return []Action{
		define("stripe.createCoupon", "Create a coupon: an amount or a percentage off, once, for some months or forever.", exampleCoupon,
			func(ctx context.Context, c *stripe.Client, cfg *createCouponConfig, base stripe.Params) (any, error) {
				p := &stripe.CouponCreateParams{Params: base, AmountOff: cfg.AmountOff, Currency: cfg.Currency,
					PercentOff: cfg.PercentOff, Duration: cfg.Duration, DurationInMonths: cfg.DurationInMonths, ID: cfg.ID,
					Name: cfg.Name, MaxRedemptions: cfg.MaxRedemptions, RedeemBy: cfg.RedeemBy, Metadata: cfg.Metadata}
				if cfg.AppliesToProducts != nil {
					p.AppliesTo = &stripe.CouponAppliesToParams{Products: cfg.AppliesToProducts}
				}
				return c.Coupons.Create(ctx, p)
			}),
	}
}
