package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPromotionCodesCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "promotion_code.json")))

	pc, err := c.PromotionCodes.Create(context.Background(), &PromotionCodeCreateParams{
		Promotion:      &PromotionCodePromotionParams{Type: Ptr("coupon"), Coupon: Ptr("SUMMER20")},
		Code:           Ptr("SUMMER20"),
		Customer:       Ptr("cus_PqR7sT8uV9wX1y"),
		ExpiresAt:      Ptr(int64(1767225600)),
		MaxRedemptions: Ptr(int64(50)),
		Active:         Ptr(true),
		Metadata:       Metadata{"channel": "newsletter"},
		Restrictions: &PromotionCodeRestrictionsParams{
			FirstTimeTransaction:  Ptr(true),
			MinimumAmount:         Ptr(int64(2000)),
			MinimumAmountCurrency: Ptr("usd"),
			CurrencyOptions:       PromotionCodeCurrencyOptionsParams{"eur": {MinimumAmount: Ptr(int64(1800))}},
		},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/promotion_codes")
	require.Equal(t, billingForm(
		"promotion[type]", "coupon",
		"promotion[coupon]", "SUMMER20",
		"code", "SUMMER20",
		"customer", "cus_PqR7sT8uV9wX1y",
		"expires_at", "1767225600",
		"max_redemptions", "50",
		"active", "true",
		"metadata[channel]", "newsletter",
		"restrictions[first_time_transaction]", "true",
		"restrictions[minimum_amount]", "2000",
		"restrictions[minimum_amount_currency]", "usd",
		"restrictions[currency_options][eur][minimum_amount]", "1800",
	), sent[0].Form)

	require.Equal(t, "promo_1QaBcP2eZvKYlo2CpRoMo001", pc.ID)
	require.Equal(t, "promotion_code", pc.Object)
	require.True(t, pc.Active)
	require.Equal(t, "SUMMER20", pc.Code)
	require.Equal(t, "cus_PqR7sT8uV9wX1y", pc.Customer.ID)
	require.Equal(t, int64(1767225600), pc.ExpiresAt)
	require.Equal(t, int64(50), pc.MaxRedemptions)
	require.Equal(t, int64(1), pc.TimesRedeemed)
	require.Equal(t, "coupon", pc.Promotion.Type)
	require.Equal(t, "SUMMER20", pc.Promotion.Coupon.ID)
	require.Nil(t, pc.Promotion.Coupon.Object)
	require.True(t, pc.Restrictions.FirstTimeTransaction)
	require.Equal(t, int64(2000), pc.Restrictions.MinimumAmount)
	require.Equal(t, "usd", pc.Restrictions.MinimumAmountCurrency)
	require.Equal(t, map[string]PromotionCodeCurrencyOption{"eur": {MinimumAmount: 1800}}, pc.Restrictions.CurrencyOptions)
}

func TestPromotionCodesGetExpandedUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "promotion_code_expanded.json")), ok(fixture(t, "promotion_code.json")))
	ctx := context.Background()

	pc, err := c.PromotionCodes.Get(ctx, "promo_1QaBcP2eZvKYlo2CpRoMo001", &PromotionCodeGetParams{
		Params: Params{Expand: []string{"promotion.coupon"}},
	})
	require.NoError(t, err)
	require.Equal(t, "SUMMER20", pc.Promotion.Coupon.ID)
	require.NotNil(t, pc.Promotion.Coupon.Object)
	require.Equal(t, 20.0, pc.Promotion.Coupon.Object.PercentOff)

	_, err = c.PromotionCodes.Update(ctx, "promo_1QaBcP2eZvKYlo2CpRoMo001", &PromotionCodeUpdateParams{
		Active:   Ptr(false),
		Metadata: Metadata{"channel": ""},
		Restrictions: &PromotionCodeUpdateRestrictionsParams{
			CurrencyOptions: PromotionCodeCurrencyOptionsParams{"gbp": {MinimumAmount: Ptr(int64(1500))}},
		},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/promotion_codes/promo_1QaBcP2eZvKYlo2CpRoMo001")
	require.Equal(t, billingForm("expand[0]", "promotion.coupon"), sent[0].Query)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/promotion_codes/promo_1QaBcP2eZvKYlo2CpRoMo001")
	require.Equal(t, billingForm(
		"active", "false",
		"metadata[channel]", "",
		"restrictions[currency_options][gbp][minimum_amount]", "1500",
	), sent[1].Form)
}

func TestPromotionCodesListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "promotion_codes_page1.json")), ok(fixture(t, "promotion_codes_page1.json")), ok(fixture(t, "promotion_codes_page2.json")))
	ctx := context.Background()

	page, err := c.PromotionCodes.List(ctx, &PromotionCodeListParams{
		Code: Ptr("SUMMER20"), Active: Ptr(true), Customer: Ptr("cus_1"), Coupon: Ptr("SUMMER20"),
	})
	require.NoError(t, err)
	require.Len(t, page.Data, 2)
	require.Empty(t, page.Data[1].Customer.ID)
	require.Zero(t, page.Data[1].Restrictions.MinimumAmount)

	var codes []string
	for pc, err := range c.PromotionCodes.All(ctx, &PromotionCodeListParams{Active: Ptr(false)}) {
		require.NoError(t, err)
		codes = append(codes, pc.Code)
	}
	require.Equal(t, []string{"SUMMER20", "WELCOME", "VIP"}, codes)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/promotion_codes")
	require.Equal(t, billingForm("code", "SUMMER20", "active", "true", "customer", "cus_1", "coupon", "SUMMER20"), sent[0].Query)
	require.Equal(t, billingForm("active", "false"), sent[1].Query)
	require.Equal(t, billingForm("active", "false", "starting_after", "promo_1QaBcP2eZvKYlo2CpRoMo002"), sent[2].Query)
}

func TestPromotionCodesRejectBadIDs(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "promotion_code.json")))

	_, err := c.PromotionCodes.Get(context.Background(), "", nil)
	require.Error(t, err)
	_, err = c.PromotionCodes.Update(context.Background(), "..", nil)
	require.Error(t, err)
	require.Empty(t, rec.requests())
}
