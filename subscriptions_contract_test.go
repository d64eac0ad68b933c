package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractSubscriptions(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	sub, err := c.Subscriptions.Create(ctx, &SubscriptionCreateParams{
		Customer: Ptr("cus_123"),
		Items: []SubscriptionItemParams{
			{Price: Ptr("price_pro"), Quantity: Ptr(int64(1)), Metadata: Metadata{"seat_type": "base"}},
			{Price: Ptr("price_seat"), Quantity: Ptr(int64(3)), TaxRates: []string{"txr_123"}},
			{PriceData: &SubscriptionItemPriceDataParams{
				Currency: Ptr("usd"), Product: Ptr("prod_123"), UnitAmount: Ptr(int64(500)),
				Recurring: &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth), IntervalCount: Ptr(int64(1))},
			}},
		},
		DefaultPaymentMethod: Ptr("pm_123"),
		CollectionMethod:     Ptr(CollectionMethodChargeAutomatically),
		TrialPeriodDays:      Ptr(int64(14)),
		CancelAtPeriodEnd:    Ptr(false),
		ProrationBehavior:    Ptr(ProrationBehaviorCreateProrations),
		PaymentBehavior:      Ptr(SubscriptionPaymentBehaviorDefaultIncomplete),
		PaymentSettings:      &SubscriptionPaymentSettingsParams{SaveDefaultPaymentMethod: Ptr("on_subscription")},
		Metadata:             Metadata{"plan": "pro"},
		Description:          Ptr("Pro plan"),
		Params:               Params{Expand: []string{"latest_invoice", "customer"}},
	})
	require.NoError(t, err)
	require.Equal(t, "subscription", sub.Object)
	require.NotEmpty(t, sub.ID)
	require.NotEmpty(t, sub.Items.Data)

	_, err = c.Subscriptions.Create(ctx, &SubscriptionCreateParams{
		Customer:         Ptr("cus_123"),
		Items:            []SubscriptionItemParams{{Price: Ptr("price_pro")}},
		CollectionMethod: Ptr(CollectionMethodSendInvoice),
		DaysUntilDue:     Ptr(int64(30)),
		TrialEnd:         Int(1740000000),
		Currency:         Ptr("usd"),
		OffSession:       Ptr(true),
	})
	require.NoError(t, err)

	got, err := c.Subscriptions.Get(ctx, sub.ID, &SubscriptionGetParams{Params: Params{Expand: []string{"latest_invoice", "default_payment_method", "pending_setup_intent", "customer"}}})
	require.NoError(t, err)
	require.Equal(t, "subscription", got.Object)

	_, err = c.Subscriptions.Update(ctx, sub.ID, &SubscriptionUpdateParams{
		Items: []SubscriptionUpdateItemParams{
			{ID: Ptr("si_1"), Quantity: Ptr(int64(5))},
			{ID: Ptr("si_2"), Deleted: Ptr(true), ClearUsage: Ptr(true)},
			{ID: Ptr("si_3"), Price: Ptr("price_new"), Metadata: Metadata{"k": ""}},
			{Price: Ptr("price_addon")},
		},
		ProrationBehavior:   Ptr(ProrationBehaviorAlwaysInvoice),
		ProrationDate:       Ptr(int64(1738368000)),
		CancelAtPeriodEnd:   Ptr(true),
		CancellationDetails: &SubscriptionCancellationDetailsParams{Comment: Ptr("too pricey"), Feedback: Ptr("too_expensive")},
		BillingCycleAnchor:  Ptr("unchanged"),
		Metadata:            Metadata{"plan": "team"},
		Description:         Ptr(""),
	})
	require.NoError(t, err)
	_, err = c.Subscriptions.Update(ctx, sub.ID, &SubscriptionUpdateParams{
		PauseCollection: &SubscriptionPauseCollectionParams{Behavior: Ptr("void"), ResumesAt: Ptr(int64(1740000000))},
		CancelAt:        Int(1750000000),
	})
	require.NoError(t, err)

	page, err := c.Subscriptions.List(ctx, &SubscriptionListParams{
		ListParams:         ListParams{Limit: Ptr(int64(3))},
		Customer:           Ptr("cus_123"),
		Price:              Ptr("price_pro"),
		Status:             Ptr(SubscriptionStatusAll),
		CollectionMethod:   Ptr(CollectionMethodChargeAutomatically),
		Created:            &RangeQuery{GTE: Ptr(int64(1700000000))},
		CurrentPeriodEnd:   &RangeQuery{LT: Ptr(int64(1800000000))},
		CurrentPeriodStart: &RangeQuery{GT: Ptr(int64(1600000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for sub, err := range c.Subscriptions.All(ctx, &SubscriptionListParams{Status: Ptr(SubscriptionStatusActive)}) {
		require.NoError(t, err)
		require.NotEmpty(t, sub.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	res, err := c.Subscriptions.Resume(ctx, sub.ID, &SubscriptionResumeParams{
		BillingCycleAnchor: Ptr("now"),
		ProrationBehavior:  Ptr(ProrationBehaviorNone),
		ProrationDate:      Ptr(int64(1738368000)),
	})
	require.NoError(t, err)
	require.Equal(t, "subscription", res.Object)

	canceled, err := c.Subscriptions.Cancel(ctx, sub.ID, &SubscriptionCancelParams{
		InvoiceNow:          Ptr(true),
		Prorate:             Ptr(false),
		CancellationDetails: &SubscriptionCancellationDetailsParams{Comment: Ptr("switching"), Feedback: Ptr("switched_service")},
		Params:              Params{Expand: []string{"latest_invoice"}},
	})
	require.NoError(t, err)
	require.Equal(t, "subscription", canceled.Object)

	_, err = c.Subscriptions.Cancel(ctx, sub.ID, nil)
	require.NoError(t, err)
}
