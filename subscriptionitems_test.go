package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSubscriptionItemsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_item.json")))

	si, err := c.SubscriptionItems.Create(context.Background(), &SubscriptionItemCreateParams{
		Subscription:      Ptr("sub_1QaBcD2eZvKYlo2C3fGhIjKl"),
		Price:             Ptr("price_1QaBc02eZvKYlo2CpRiCe003"),
		Quantity:          Ptr(int64(3)),
		ProrationBehavior: Ptr(ProrationBehaviorAlwaysInvoice),
		ProrationDate:     Ptr(int64(1736000000)),
		PaymentBehavior:   Ptr(SubscriptionPaymentBehaviorErrorIfIncomplete),
		Discounts:         []DiscountParams{{Coupon: Ptr("SUMMER20")}, {PromotionCode: Ptr("promo_1")}},
		BillingThresholds: &SubscriptionItemBillingThresholdsParams{UsageGTE: Ptr(int64(1000))},
		TaxRates:          []string{"txr_1"},
		Metadata:          Metadata{"seat": "team"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/subscription_items")
	require.Equal(t, billingForm(
		"subscription", "sub_1QaBcD2eZvKYlo2C3fGhIjKl",
		"price", "price_1QaBc02eZvKYlo2CpRiCe003",
		"quantity", "3",
		"proration_behavior", "always_invoice",
		"proration_date", "1736000000",
		"payment_behavior", "error_if_incomplete",
		"discounts[0][coupon]", "SUMMER20",
		"discounts[1][promotion_code]", "promo_1",
		"billing_thresholds[usage_gte]", "1000",
		"tax_rates[0]", "txr_1",
		"metadata[seat]", "team",
	), sent[0].Form)

	require.Equal(t, "si_RsT5uV6wX7yZ8b", si.ID)
	require.Equal(t, "subscription_item", si.Object)
	require.Equal(t, "sub_1QaBcD2eZvKYlo2C3fGhIjKl", si.Subscription)
	require.Equal(t, int64(3), si.Quantity)
	require.Equal(t, "price_1QaBc02eZvKYlo2CpRiCe003", si.Price.ID)
	require.Equal(t, int64(2000), si.Price.UnitAmount)
	require.Equal(t, int64(1735689600), si.CurrentPeriodStart)
	require.Equal(t, int64(1738368000), si.CurrentPeriodEnd)
	require.Equal(t, map[string]string{"seat": "team"}, si.Metadata)
}

func TestSubscriptionItemsGetUpdateDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_item.json")), ok(fixture(t, "subscription_item.json")), ok(fixture(t, "subscription_item_deleted.json")))
	ctx := context.Background()

	_, err := c.SubscriptionItems.Get(ctx, "si_RsT5uV6wX7yZ8b", nil)
	require.NoError(t, err)
	si, err := c.SubscriptionItems.Update(ctx, "si_RsT5uV6wX7yZ8b", &SubscriptionItemUpdateParams{
		Price:             Ptr("price_2"),
		Quantity:          Ptr(int64(0)),
		ProrationBehavior: Ptr(ProrationBehaviorNone),
		OffSession:        Ptr(false),
		PriceData: &SubscriptionItemPriceDataParams{
			Currency: Ptr("usd"), Product: Ptr("prod_1"), UnitAmount: Ptr(int64(2500)),
			Recurring: &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth)},
		},
	})
	require.NoError(t, err)
	require.Equal(t, "si_RsT5uV6wX7yZ8b", si.ID)
	del, err := c.SubscriptionItems.Delete(ctx, "si_RsT5uV6wX7yZ8b", &SubscriptionItemDeleteParams{
		ClearUsage: Ptr(true), ProrationBehavior: Ptr(ProrationBehaviorCreateProrations),
	})
	require.NoError(t, err)
	require.Equal(t, &Deleted{ID: "si_RsT5uV6wX7yZ8b", Object: "subscription_item", Deleted: true}, del)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/subscription_items/si_RsT5uV6wX7yZ8b")
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/subscription_items/si_RsT5uV6wX7yZ8b")
	require.Equal(t, billingForm(
		"price", "price_2",
		"quantity", "0",
		"proration_behavior", "none",
		"off_session", "false",
		"price_data[currency]", "usd",
		"price_data[product]", "prod_1",
		"price_data[unit_amount]", "2500",
		"price_data[recurring][interval]", "month",
	), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodDelete, "/v1/subscription_items/si_RsT5uV6wX7yZ8b")
	require.Equal(t, billingForm("clear_usage", "true", "proration_behavior", "create_prorations"), sent[2].Query)
}

func TestSubscriptionItemsListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_items_page1.json")), ok(fixture(t, "subscription_items_page2.json")))
	ctx := context.Background()

	params := &SubscriptionItemListParams{Subscription: Ptr("sub_1QaBcD2eZvKYlo2C3fGhIjKl")}
	var qty []int64
	for si, err := range c.SubscriptionItems.All(ctx, params) {
		require.NoError(t, err)
		qty = append(qty, si.Quantity)
	}
	require.Equal(t, []int64{3, 1, 5}, qty)
	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/subscription_items")
	require.Equal(t, billingForm("subscription", "sub_1QaBcD2eZvKYlo2C3fGhIjKl"), sent[0].Query)
	require.Equal(t, billingForm("subscription", "sub_1QaBcD2eZvKYlo2C3fGhIjKl", "starting_after", "si_RsT5uV6wX7yZ8c"), sent[1].Query)

	// The subscription filter is required: no request without it.
	_, err := c.SubscriptionItems.List(ctx, nil)
	require.ErrorIs(t, err, errSubscriptionRequired)
	for _, err := range c.SubscriptionItems.All(ctx, &SubscriptionItemListParams{Subscription: Ptr("")}) {
		require.ErrorIs(t, err, errSubscriptionRequired)
	}
	require.Len(t, rec.requests(), 2)
}
