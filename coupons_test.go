package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCouponsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "coupon.json")), ok(fixture(t, "coupon_amount_off.json")))
	ctx := context.Background()

	cpn, err := c.Coupons.Create(ctx, &CouponCreateParams{
		ID:               Ptr("SUMMER20"),
		Name:             Ptr("20% off"),
		PercentOff:       Ptr(20.0),
		Duration:         Ptr(CouponDurationRepeating),
		DurationInMonths: Ptr(int64(3)),
		MaxRedemptions:   Ptr(int64(100)),
		RedeemBy:         Ptr(int64(1767225600)),
		Metadata:         Metadata{"campaign": "summer"},
	})
	require.NoError(t, err)
	amt, err := c.Coupons.Create(ctx, &CouponCreateParams{
		AmountOff:       Ptr(int64(1000)),
		Currency:        Ptr("usd"),
		Duration:        Ptr(CouponDurationOnce),
		AppliesTo:       &CouponAppliesToParams{Products: []string{"prod_RsT5uV6wX7yZ9z"}},
		CurrencyOptions: CouponCurrencyOptionsParams{"eur": {AmountOff: Ptr(int64(900))}, "gbp": {AmountOff: Ptr(int64(850))}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/coupons")
	require.Equal(t, billingForm(
		"id", "SUMMER20",
		"name", "20% off",
		"percent_off", "20",
		"duration", "repeating",
		"duration_in_months", "3",
		"max_redemptions", "100",
		"redeem_by", "1767225600",
		"metadata[campaign]", "summer",
	), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/coupons")
	require.Equal(t, billingForm(
		"amount_off", "1000",
		"currency", "usd",
		"duration", "once",
		"applies_to[products][0]", "prod_RsT5uV6wX7yZ9z",
		"currency_options[eur][amount_off]", "900",
		"currency_options[gbp][amount_off]", "850",
	), sent[1].Form)

	require.Equal(t, "SUMMER20", cpn.ID)
	require.Equal(t, "coupon", cpn.Object)
	require.Equal(t, 20.0, cpn.PercentOff)
	require.Zero(t, cpn.AmountOff)
	require.Empty(t, cpn.Currency)
	require.Equal(t, CouponDurationRepeating, cpn.Duration)
	require.Equal(t, int64(3), cpn.DurationInMonths)
	require.Equal(t, int64(100), cpn.MaxRedemptions)
	require.Equal(t, int64(1767225600), cpn.RedeemBy)
	require.Equal(t, int64(2), cpn.TimesRedeemed)
	require.True(t, cpn.Valid)
	require.Nil(t, cpn.AppliesTo)
	require.Equal(t, map[string]string{"campaign": "summer"}, cpn.Metadata)

	require.Equal(t, int64(1000), amt.AmountOff)
	require.Equal(t, "usd", amt.Currency)
	require.Equal(t, CouponDurationOnce, amt.Duration)
	require.NotNil(t, amt.AppliesTo)
	require.Equal(t, []string{"prod_RsT5uV6wX7yZ9z"}, amt.AppliesTo.Products)
	require.Equal(t, map[string]CouponCurrencyOption{"eur": {AmountOff: 900}}, amt.CurrencyOptions)
	require.Zero(t, amt.RedeemBy)
}

func TestCouponsRejectBadCurrencyOptionKey(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "coupon.json")))

	_, err := c.Coupons.Create(context.Background(), &CouponCreateParams{
		CurrencyOptions: CouponCurrencyOptionsParams{"eur][x": {AmountOff: Ptr(int64(1))}},
	})
	require.ErrorContains(t, err, "currency_options")
	require.Empty(t, rec.requests())
}

func TestCouponsGetUpdateDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "coupon.json")), ok(fixture(t, "coupon.json")), ok(fixture(t, "coupon_deleted.json")))
	ctx := context.Background()

	got, err := c.Coupons.Get(ctx, "SUMMER20", &CouponGetParams{Params: Params{Expand: []string{"applies_to"}}})
	require.NoError(t, err)
	require.Equal(t, "SUMMER20", got.ID)
	upd, err := c.Coupons.Update(ctx, "SUMMER20", &CouponUpdateParams{
		Name:            Ptr(""),
		Metadata:        Metadata{"campaign": ""},
		CurrencyOptions: CouponCurrencyOptionsParams{"eur": {AmountOff: Ptr(int64(950))}},
	})
	require.NoError(t, err)
	require.Equal(t, "20% off", upd.Name)
	del, err := c.Coupons.Delete(ctx, "SUMMER20", nil)
	require.NoError(t, err)
	require.Equal(t, &Deleted{ID: "SUMMER20", Object: "coupon", Deleted: true}, del)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/coupons/SUMMER20")
	require.Equal(t, billingForm("expand[0]", "applies_to"), sent[0].Query)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/coupons/SUMMER20")
	require.Equal(t, billingForm("name", "", "metadata[campaign]", "", "currency_options[eur][amount_off]", "950"), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodDelete, "/v1/coupons/SUMMER20")
	require.Empty(t, sent[2].Query)
}

func TestCouponsListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "coupons_page1.json")), ok(fixture(t, "coupons_page1.json")), ok(fixture(t, "coupons_page2.json")))
	ctx := context.Background()

	page, err := c.Coupons.List(ctx, &CouponListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Created:    &RangeQuery{GTE: Ptr(int64(1735689000))},
	})
	require.NoError(t, err)
	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, "TENOFF", page.Data[1].ID)

	params := &CouponListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}
	var ids []string
	for cpn, err := range c.Coupons.All(ctx, params) {
		require.NoError(t, err)
		ids = append(ids, cpn.ID)
	}
	require.Equal(t, []string{"SUMMER20", "TENOFF", "FOREVER5"}, ids)
	require.Nil(t, params.StartingAfter)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/coupons")
	require.Equal(t, billingForm("limit", "2", "created[gte]", "1735689000"), sent[0].Query)
	require.Equal(t, billingForm("limit", "2"), sent[1].Query)
	require.Equal(t, billingForm("limit", "2", "starting_after", "TENOFF"), sent[2].Query)
}

func TestCouponsRejectBadIDs(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "coupon.json")))
	ctx := context.Background()

	_, err := c.Coupons.Get(ctx, "", nil)
	require.Error(t, err)
	_, err = c.Coupons.Update(ctx, "..", nil)
	require.Error(t, err)
	_, err = c.Coupons.Delete(ctx, ".", nil)
	require.Error(t, err)
	require.Empty(t, rec.requests())
}
