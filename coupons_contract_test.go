package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractCoupons(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	cpn, err := c.Coupons.Create(ctx, &CouponCreateParams{
		ID:               Ptr("SUMMER20"),
		Name:             Ptr("20% off"),
		PercentOff:       Ptr(20.5),
		Duration:         Ptr(CouponDurationRepeating),
		DurationInMonths: Ptr(int64(3)),
		MaxRedemptions:   Ptr(int64(100)),
		RedeemBy:         Ptr(int64(1900000000)),
		AppliesTo:        &CouponAppliesToParams{Products: []string{"prod_123"}},
		Metadata:         Metadata{"campaign": "summer"},
		Params:           Params{Expand: []string{"applies_to"}},
	})
	require.NoError(t, err)
	require.Equal(t, "coupon", cpn.Object)
	require.NotEmpty(t, cpn.ID)

	_, err = c.Coupons.Create(ctx, &CouponCreateParams{
		AmountOff:       Ptr(int64(1000)),
		Currency:        Ptr("usd"),
		Duration:        Ptr(CouponDurationOnce),
		CurrencyOptions: CouponCurrencyOptionsParams{"eur": {AmountOff: Ptr(int64(900))}},
	})
	require.NoError(t, err)

	got, err := c.Coupons.Get(ctx, cpn.ID, &CouponGetParams{Params: Params{Expand: []string{"applies_to"}}})
	require.NoError(t, err)
	require.Equal(t, "coupon", got.Object)

	_, err = c.Coupons.Update(ctx, cpn.ID, &CouponUpdateParams{
		Name:            Ptr("Summer"),
		Metadata:        Metadata{"campaign": ""},
		CurrencyOptions: CouponCurrencyOptionsParams{"eur": {AmountOff: Ptr(int64(950))}},
	})
	require.NoError(t, err)

	page, err := c.Coupons.List(ctx, &CouponListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))},
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for cpn, err := range c.Coupons.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, cpn.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.Coupons.Delete(ctx, cpn.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
