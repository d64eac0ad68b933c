package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractSubscriptionItems(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	si, err := c.SubscriptionItems.Create(ctx, &SubscriptionItemCreateParams{
		Subscription:      Ptr("sub_123"),
		Price:             Ptr("price_123"),
		Quantity:          Ptr(int64(3)),
		ProrationBehavior: Ptr(ProrationBehaviorAlwaysInvoice),
		ProrationDate:     Ptr(int64(1736000000)),
		PaymentBehavior:   Ptr(SubscriptionPaymentBehaviorErrorIfIncomplete),
		Discounts:         []DiscountParams{{Coupon: Ptr("SUMMER20")}},
		BillingThresholds: &SubscriptionItemBillingThresholdsParams{UsageGTE: Ptr(int64(1000))},
		TaxRates:          []string{"txr_123"},
		Metadata:          Metadata{"seat": "team"},
	})
	require.NoError(t, err)
	require.Equal(t, "subscription_item", si.Object)
	require.NotEmpty(t, si.ID)

	_, err = c.SubscriptionItems.Get(ctx, si.ID, nil)
	require.NoError(t, err)
	_, err = c.SubscriptionItems.Update(ctx, si.ID, &SubscriptionItemUpdateParams{
		Quantity:          Ptr(int64(0)),
		ProrationBehavior: Ptr(ProrationBehaviorNone),
		OffSession:        Ptr(false),
		PriceData: &SubscriptionItemPriceDataParams{
			Currency: Ptr("usd"), Product: Ptr("prod_123"), UnitAmount: Ptr(int64(2500)),
			Recurring: &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth)},
		},
	})
	require.NoError(t, err)

	page, err := c.SubscriptionItems.List(ctx, &SubscriptionItemListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Subscription: Ptr("sub_123"),
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for si, err := range c.SubscriptionItems.All(ctx, &SubscriptionItemListParams{Subscription: Ptr("sub_123")}) {
		require.NoError(t, err)
		require.NotEmpty(t, si.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.SubscriptionItems.Delete(ctx, si.ID, &SubscriptionItemDeleteParams{
		ClearUsage: Ptr(true), ProrationBehavior: Ptr(ProrationBehaviorCreateProrations),
	})
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
