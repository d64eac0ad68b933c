package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPromotionCodes(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	pc, err := c.PromotionCodes.Create(ctx, &PromotionCodeCreateParams{
		Promotion:      &PromotionCodePromotionParams{Type: Ptr("coupon"), Coupon: Ptr("SUMMER20")},
		Code:           Ptr("SUMMER20"),
		Customer:       Ptr("cus_123"),
		ExpiresAt:      Ptr(int64(1900000000)),
		MaxRedemptions: Ptr(int64(50)),
		Active:         Ptr(true),
		Metadata:       Metadata{"channel": "newsletter"},
		Restrictions: &PromotionCodeRestrictionsParams{
			FirstTimeTransaction:  Ptr(true),
			MinimumAmount:         Ptr(int64(2000)),
			MinimumAmountCurrency: Ptr("usd"),
			CurrencyOptions:       PromotionCodeCurrencyOptionsParams{"eur": {MinimumAmount: Ptr(int64(1800))}},
		},
		Params: Params{Expand: []string{"promotion.coupon", "customer"}},
	})
	require.NoError(t, err)
	require.Equal(t, "promotion_code", pc.Object)
	require.NotEmpty(t, pc.ID)

	got, err := c.PromotionCodes.Get(ctx, pc.ID, &PromotionCodeGetParams{Params: Params{Expand: []string{"promotion.coupon"}}})
	require.NoError(t, err)
	require.Equal(t, "promotion_code", got.Object)

	_, err = c.PromotionCodes.Update(ctx, pc.ID, &PromotionCodeUpdateParams{
		Active:   Ptr(false),
		Metadata: Metadata{"channel": ""},
		Restrictions: &PromotionCodeUpdateRestrictionsParams{
			CurrencyOptions: PromotionCodeCurrencyOptionsParams{"gbp": {MinimumAmount: Ptr(int64(1500))}},
		},
	})
	require.NoError(t, err)

	page, err := c.PromotionCodes.List(ctx, &PromotionCodeListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))},
		Active:     Ptr(true),
		Code:       Ptr("SUMMER20"),
		Coupon:     Ptr("SUMMER20"),
		Customer:   Ptr("cus_123"),
		Created:    &RangeQuery{GT: Ptr(int64(1700000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for pc, err := range c.PromotionCodes.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, pc.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
