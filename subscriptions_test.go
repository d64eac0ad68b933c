package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const testSubID = "sub_1QaBcD2eZvKYlo2C3fGhIjKl"

func TestSubscriptionsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription.json")))

	params := &SubscriptionCreateParams{
		Customer: Ptr("cus_PqR7sT8uV9wX1y"),
		Items: []SubscriptionItemParams{
			{Price: Ptr("price_pro"), Quantity: Ptr(int64(1)), Metadata: Metadata{"seat_type": "base"}},
			{Price: Ptr("price_seat"), Quantity: Ptr(int64(3)), TaxRates: []string{"txr_1"}},
			{PriceData: &SubscriptionItemPriceDataParams{
				Currency: Ptr("usd"), Product: Ptr("prod_1"), UnitAmount: Ptr(int64(500)),
				Recurring: &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth)},
			}},
		},
		DefaultPaymentMethod: Ptr("pm_1"),
		CollectionMethod:     Ptr(CollectionMethodSendInvoice),
		DaysUntilDue:         Ptr(int64(30)),
		TrialPeriodDays:      Ptr(int64(14)),
		CancelAtPeriodEnd:    Ptr(false),
		ProrationBehavior:    Ptr(ProrationBehaviorNone),
		PaymentBehavior:      Ptr(SubscriptionPaymentBehaviorDefaultIncomplete),
		PaymentSettings:      &SubscriptionPaymentSettingsParams{SaveDefaultPaymentMethod: Ptr("on_subscription")},
		Metadata:             Metadata{"plan": "pro"},
		Params:               Params{Expand: []string{"latest_invoice.confirmation_secret"}},
	}
	sub, err := c.Subscriptions.Create(context.Background(), params)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/subscriptions")
	require.Equal(t, billingForm(
		"customer", "cus_PqR7sT8uV9wX1y",
		"items[0][price]", "price_pro",
		"items[0][quantity]", "1",
		"items[0][metadata][seat_type]", "base",
		"items[1][price]", "price_seat",
		"items[1][quantity]", "3",
		"items[1][tax_rates][0]", "txr_1",
		"items[2][price_data][currency]", "usd",
		"items[2][price_data][product]", "prod_1",
		"items[2][price_data][unit_amount]", "500",
		"items[2][price_data][recurring][interval]", "month",
		"default_payment_method", "pm_1",
		"collection_method", "send_invoice",
		"days_until_due", "30",
		"trial_period_days", "14",
		"cancel_at_period_end", "false",
		"proration_behavior", "none",
		"payment_behavior", "default_incomplete",
		"payment_settings[save_default_payment_method]", "on_subscription",
		"metadata[plan]", "pro",
		"expand[0]", "latest_invoice.confirmation_secret",
	), sent[0].Form)
	require.Len(t, params.Items, 3, "params are not modified")
	require.Equal(t, int64(1), *params.Items[0].Quantity)

	requireSubscriptionFixture(t, sub)
}

// requireSubscriptionFixture checks every field decoded from
// testdata/subscription.json.
func requireSubscriptionFixture(t *testing.T, sub *Subscription) {
	t.Helper()
	require.Equal(t, testSubID, sub.ID)
	require.Equal(t, "subscription", sub.Object)
	require.Zero(t, sub.ApplicationFeePercent)
	require.False(t, sub.AutomaticTax.Enabled)
	require.Equal(t, int64(1735689600), sub.BillingCycleAnchor)
	require.Equal(t, int64(1), sub.BillingCycleAnchorConfig.DayOfMonth)
	require.Equal(t, "classic", sub.BillingMode.Type)
	require.Zero(t, sub.CancelAt)
	require.False(t, sub.CancelAtPeriodEnd)
	require.Zero(t, sub.CanceledAt)
	require.Empty(t, sub.CancellationDetails.Reason)
	require.Equal(t, CollectionMethodChargeAutomatically, sub.CollectionMethod)
	require.Equal(t, int64(1735689601), sub.Created)
	require.Equal(t, "usd", sub.Currency)
	require.Equal(t, "cus_PqR7sT8uV9wX1y", sub.Customer.ID)
	require.Nil(t, sub.Customer.Object)
	require.Zero(t, sub.DaysUntilDue)
	require.Equal(t, "pm_1QaBc12eZvKYlo2CpMeThOd1", sub.DefaultPaymentMethod.ID)
	require.Nil(t, sub.DefaultPaymentMethod.Object)
	require.Empty(t, sub.DefaultSource.ID)
	require.Equal(t, "Pro plan with seats", sub.Description)
	require.Equal(t, "self", sub.InvoiceSettings.Issuer.Type)
	require.Equal(t, "in_1QaBcE2eZvKYlo2CmNoPqRsT", sub.LatestInvoice.ID)
	require.Nil(t, sub.LatestInvoice.Object)
	require.False(t, sub.Livemode)
	require.Equal(t, map[string]string{"plan": "pro"}, sub.Metadata)
	require.Nil(t, sub.PauseCollection)
	require.Empty(t, sub.PendingSetupIntent.ID)
	require.Equal(t, int64(1735689601), sub.StartDate)
	require.Equal(t, SubscriptionStatusActive, sub.Status)
	require.Equal(t, int64(1735689601), sub.TrialStart)
	require.Equal(t, int64(1736899200), sub.TrialEnd)
	require.Equal(t, "create_invoice", sub.TrialSettings.EndBehavior.MissingPaymentMethod)

	// Items: a nested list, each with its own current period.
	require.Equal(t, "list", sub.Items.Object)
	require.False(t, sub.Items.HasMore)
	require.Equal(t, "/v1/subscription_items?subscription="+testSubID, sub.Items.URL)
	require.Len(t, sub.Items.Data, 2)
	it := sub.Items.Data[0]
	require.Equal(t, "si_RsT5uV6wX7yZ8b", it.ID)
	require.Equal(t, "subscription_item", it.Object)
	require.Equal(t, int64(1735689601), it.Created)
	require.Equal(t, int64(1738368000), it.CurrentPeriodStart)
	require.Equal(t, int64(1740787200), it.CurrentPeriodEnd)
	require.Equal(t, int64(1740787200), it.BilledUntil)
	require.Equal(t, map[string]string{"seat_type": "base"}, it.Metadata)
	require.Equal(t, int64(1), it.Quantity)
	require.Equal(t, testSubID, it.Subscription)
	require.Equal(t, "price_1QaBc02eZvKYlo2CpRiCe001", it.Price.ID)
	require.Equal(t, "price", it.Price.Object)
	require.True(t, it.Price.Active)
	require.Equal(t, "usd", it.Price.Currency)
	require.Equal(t, int64(4900), it.Price.UnitAmount)
	require.Equal(t, "4900", it.Price.UnitAmountDecimal)
	require.Equal(t, "pro_monthly", it.Price.LookupKey)
	require.Equal(t, "prod_RsT5uV6wX7yZ8a", it.Price.Product.ID)
	require.Equal(t, PriceTypeRecurring, it.Price.Type)
	require.Equal(t, &PriceRecurring{Interval: PriceRecurringIntervalMonth, IntervalCount: 1, UsageType: PriceRecurringUsageTypeLicensed}, it.Price.Recurring)
	require.Equal(t, int64(3), sub.Items.Data[1].Quantity)
	require.Equal(t, int64(1500), sub.Items.Data[1].Price.UnitAmount)
}

func TestSubscriptionsGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription.json")))

	sub, err := c.Subscriptions.Get(context.Background(), testSubID, nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/subscriptions/"+testSubID)
	require.Empty(t, sent[0].Query)
	requireSubscriptionFixture(t, sub)
}

func TestSubscriptionsGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_expanded.json")))

	sub, err := c.Subscriptions.Get(context.Background(), testSubID, &SubscriptionGetParams{
		Params: Params{Expand: []string{"customer", "default_payment_method", "latest_invoice.confirmation_secret", "pending_setup_intent"}},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, billingForm(
		"expand[0]", "customer",
		"expand[1]", "default_payment_method",
		"expand[2]", "latest_invoice.confirmation_secret",
		"expand[3]", "pending_setup_intent",
	), sent[0].Query)

	require.Equal(t, "cus_PqR7sT8uV9wX1y", sub.Customer.ID)
	require.Equal(t, "Jenny Rosen", sub.Customer.Object.Name)
	require.Equal(t, "pm_1QaBc12eZvKYlo2CpMeThOd1", sub.DefaultPaymentMethod.ID)
	require.Equal(t, PaymentMethodTypeCard, sub.DefaultPaymentMethod.Object.Type)

	inv := sub.LatestInvoice
	require.Equal(t, "in_1QaBcE2eZvKYlo2CmNoPqRsT", inv.ID)
	require.NotNil(t, inv.Object)
	require.Equal(t, int64(10223), inv.Object.AmountDue)
	require.Equal(t, "in_1QaBcE2eZvKYlo2C_secret_fakeFAKEfake", inv.Object.ConfirmationSecret.ClientSecret.Reveal())
	require.Equal(t, testSubID, inv.Object.Parent.SubscriptionDetails.Subscription.ID)
	require.Len(t, inv.Object.Lines.Data, 2)

	require.Equal(t, "seti_1QaBcL2eZvKYlo2CsEtUp001", sub.PendingSetupIntent.ID)
	require.Equal(t, SetupIntentStatusRequiresPaymentMethod, sub.PendingSetupIntent.Object.Status)
	require.Equal(t, "seti_1QaBcL2eZvKYlo2CsEtUp001_secret_fakeFAKE", sub.PendingSetupIntent.Object.ClientSecret.Reveal())
}

func TestSubscriptionsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription.json")))

	_, err := c.Subscriptions.Update(context.Background(), testSubID, &SubscriptionUpdateParams{
		Items: []SubscriptionUpdateItemParams{
			{ID: Ptr("si_RsT5uV6wX7yZ8b"), Price: Ptr("price_team")},
			{ID: Ptr("si_RsT5uV6wX7yZ8c"), Deleted: Ptr(true)},
			{Price: Ptr("price_addon"), Quantity: Ptr(int64(2))},
		},
		ProrationBehavior: Ptr(ProrationBehaviorAlwaysInvoice),
		CancelAtPeriodEnd: Ptr(false),
		Metadata:          Metadata{"plan": "team", "legacy": ""},
		Description:       Ptr(""),
		PauseCollection:   &SubscriptionPauseCollectionParams{Behavior: Ptr("void")},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/subscriptions/"+testSubID)
	require.Equal(t, billingForm(
		"items[0][id]", "si_RsT5uV6wX7yZ8b",
		"items[0][price]", "price_team",
		"items[1][id]", "si_RsT5uV6wX7yZ8c",
		"items[1][deleted]", "true",
		"items[2][price]", "price_addon",
		"items[2][quantity]", "2",
		"proration_behavior", "always_invoice",
		"cancel_at_period_end", "false",
		"metadata[plan]", "team",
		"metadata[legacy]", "",
		"description", "",
		"pause_collection[behavior]", "void",
	), sent[0].Form)
}

func TestSubscriptionsCancel(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_canceled.json")))

	sub, err := c.Subscriptions.Cancel(context.Background(), testSubID, &SubscriptionCancelParams{
		InvoiceNow:          Ptr(true),
		Prorate:             Ptr(false),
		CancellationDetails: &SubscriptionCancellationDetailsParams{Comment: Ptr("Moving to a competitor"), Feedback: Ptr("switched_service")},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	// DELETE carries its params in the query string, no body.
	requireBillingRequest(t, sent[0], http.MethodDelete, "/v1/subscriptions/"+testSubID)
	require.Empty(t, sent[0].Header.Get("Idempotency-Key"))
	require.Equal(t, billingForm(
		"invoice_now", "true",
		"prorate", "false",
		"cancellation_details[comment]", "Moving to a competitor",
		"cancellation_details[feedback]", "switched_service",
	), sent[0].Query)

	require.Equal(t, SubscriptionStatusCanceled, sub.Status)
	require.Equal(t, int64(1738454400), sub.CanceledAt)
	require.Equal(t, int64(1738454400), sub.EndedAt)
	require.Equal(t, &SubscriptionCancellationDetails{Comment: "Moving to a competitor", Feedback: "switched_service", Reason: "cancellation_requested"}, sub.CancellationDetails)
}

func TestSubscriptionsCancelNilParams(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription_canceled.json")))

	_, err := c.Subscriptions.Cancel(context.Background(), testSubID, nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodDelete, "/v1/subscriptions/"+testSubID)
	require.Empty(t, sent[0].Query)
}

func TestSubscriptionsResume(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription.json")))

	sub, err := c.Subscriptions.Resume(context.Background(), testSubID, &SubscriptionResumeParams{
		BillingCycleAnchor: Ptr("unchanged"),
		ProrationBehavior:  Ptr(ProrationBehaviorCreateProrations),
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/subscriptions/"+testSubID+"/resume")
	require.Equal(t, billingForm("billing_cycle_anchor", "unchanged", "proration_behavior", "create_prorations"), sent[0].Form)
	require.Equal(t, SubscriptionStatusActive, sub.Status)
}

func TestSubscriptionsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscriptions_page1.json")))

	page, err := c.Subscriptions.List(context.Background(), &SubscriptionListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Customer:   Ptr("cus_PqR7sT8uV9wX1y"),
		Price:      Ptr("price_pro"),
		Status:     Ptr(SubscriptionStatusAll),
		Created:    &RangeQuery{GTE: Ptr(int64(1735689600))},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/subscriptions")
	require.Equal(t, billingForm(
		"limit", "2",
		"customer", "cus_PqR7sT8uV9wX1y",
		"price", "price_pro",
		"status", "all",
		"created[gte]", "1735689600",
	), sent[0].Query)

	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	require.Equal(t, SubscriptionStatusActive, page.Data[0].Status)
	require.Equal(t, SubscriptionStatusCanceled, page.Data[1].Status)
	require.Len(t, page.Data[1].Items.Data, 2)
}

func TestSubscriptionsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscriptions_page1.json")), ok(fixture(t, "subscriptions_page2.json")))

	params := &SubscriptionListParams{Customer: Ptr("cus_PqR7sT8uV9wX1y")}
	var ids []string
	for sub, err := range c.Subscriptions.All(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, sub.ID)
	}
	require.Equal(t, []string{"sub_1QaBcD2eZvKYlo2CpAgE0001", "sub_1QaBcD2eZvKYlo2CpAgE0002", "sub_1QaBcD2eZvKYlo2CpAgE0003"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, billingForm("customer", "cus_PqR7sT8uV9wX1y"), sent[0].Query)
	require.Equal(t, billingForm("customer", "cus_PqR7sT8uV9wX1y", "starting_after", "sub_1QaBcD2eZvKYlo2CpAgE0002"), sent[1].Query)
	require.Nil(t, params.StartingAfter)
}

func TestSubscriptionsRejectBadIDs(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "subscription.json")))
	ctx := context.Background()

	_, err := c.Subscriptions.Get(ctx, "", nil)
	require.Error(t, err)
	_, err = c.Subscriptions.Update(ctx, "..", nil)
	require.Error(t, err)
	_, err = c.Subscriptions.Cancel(ctx, "", nil)
	require.Error(t, err)
	_, err = c.Subscriptions.Resume(ctx, "sub\r\n1", nil)
	require.Error(t, err)
	require.Empty(t, rec.requests())

	_, err = c.Subscriptions.Resume(ctx, "sub_1/../cancel", nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, "/v1/subscriptions/sub_1%2F..%2Fcancel/resume", sent[0].Path)
}
