package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func TestSubscriptionItemsChangeTheNextInvoice(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, basic := billingFixture(t, c, 1000)
	sub, _ := subscribe(t, c, cus, basic)
	require.Len(t, sub.Items.Data, 1)
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Seats")})
	require.NoError(t, err)
	seat, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(300)), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)

	si, err := c.SubscriptionItems.Create(ctx, &stripe.SubscriptionItemCreateParams{Subscription: stripe.Ptr(sub.ID), Price: stripe.Ptr(seat.ID),
		Quantity: stripe.Ptr(int64(4)), ProrationBehavior: stripe.Ptr(stripe.ProrationBehaviorNone)})
	require.NoError(t, err)
	require.Equal(t, seat.ID, si.Price.ID)
	require.Equal(t, int64(4), si.Quantity)
	_, err = c.SubscriptionItems.Create(ctx, &stripe.SubscriptionItemCreateParams{Subscription: stripe.Ptr(sub.ID), Price: stripe.Ptr(seat.ID)})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "one item per price")

	preview := func() *stripe.Invoice {
		t.Helper()
		inv, err := c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Subscription: stripe.Ptr(sub.ID)})
		require.NoError(t, err)
		return inv
	}
	require.Equal(t, int64(1000+1200), preview().Total)

	si, err = c.SubscriptionItems.Update(ctx, si.ID, &stripe.SubscriptionItemUpdateParams{Quantity: stripe.Ptr(int64(10)), Metadata: stripe.Metadata{"team": "a"}})
	require.NoError(t, err)
	require.Equal(t, "a", si.Metadata["team"])
	require.Equal(t, int64(1000+3000), preview().Total)

	list, err := c.SubscriptionItems.List(ctx, &stripe.SubscriptionItemListParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Len(t, list.Data, 2)
	got, err := c.SubscriptionItems.Get(ctx, si.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(10), got.Quantity)
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Len(t, sub.Items.Data, 2)

	del, err := c.SubscriptionItems.Delete(ctx, sub.Items.Data[0].ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	require.Equal(t, int64(3000), preview().Total)
	_, err = c.SubscriptionItems.Delete(ctx, si.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "the last item stays")
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{si.ID}, ids(sub.Items.Data))
}

func TestCreatePreview(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 2000)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(10.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	sub, first := subscribe(t, c, cus, price, "discounts[0][coupon]", cpn.ID)
	require.Equal(t, int64(1800), first.Total)
	invoices := func() int {
		n := 0
		for _, err := range c.Invoices.All(ctx, nil) {
			require.NoError(t, err)
			n++
		}
		return n
	}
	before := invoices()

	// The next invoice: the next period, the forever coupon still on.
	inv, err := c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Customer: stripe.Ptr(cus.ID), Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Equal(t, int64(2000), inv.Subtotal)
	require.Equal(t, int64(1800), inv.Total)
	require.Equal(t, sub.Items.Data[0].CurrentPeriodEnd, inv.Lines.Data[0].Period.Start)
	requireTotalsAddUp(t, inv)

	// A proposed price change, an extra one-off item and another coupon.
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Pro")})
	require.NoError(t, err)
	pro, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(5000)), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	off, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(500)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	inv, err = c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{
		Subscription: stripe.Ptr(sub.ID),
		SubscriptionDetails: &stripe.InvoiceCreatePreviewSubscriptionDetailsParams{
			Items:             stripe.Array[stripe.InvoiceCreatePreviewItemParams]{{ID: stripe.Ptr(sub.Items.Data[0].ID), Price: stripe.Ptr(pro.ID)}},
			ProrationBehavior: stripe.Ptr(stripe.ProrationBehaviorNone),
		},
		InvoiceItems: stripe.Array[stripe.InvoiceCreatePreviewInvoiceItemParams]{{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Setup")}},
		Discounts:    stripe.Array[stripe.DiscountParams]{{Coupon: stripe.Ptr(off.ID)}},
	})
	require.NoError(t, err)
	require.Len(t, inv.Lines.Data, 2)
	require.Equal(t, int64(6000), inv.Subtotal)
	require.Equal(t, int64(6000-600-500), inv.Total)
	requireTotalsAddUp(t, inv)

	// Nothing was stored or changed.
	require.Equal(t, before, invoices())
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, price.ID, sub.Items.Data[0].Price.ID)
	off, err = c.Coupons.Get(ctx, off.ID, nil)
	require.NoError(t, err)
	require.Zero(t, off.TimesRedeemed)

	_, err = c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{})
	require.Equal(t, "customer", apiErr(t, err).Param)
}

func TestMarkUncollectible(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice), DaysUntilDue: stripe.Ptr(int64(7))})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(4200)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	_, err = c.Invoices.MarkUncollectible(ctx, inv.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "a draft cannot be marked uncollectible")
	_, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	inv, err = c.Invoices.MarkUncollectible(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusUncollectible, inv.Status)
	require.Equal(t, int64(4200), inv.AmountRemaining, "the amount is still owed")
	require.NotZero(t, inv.StatusTransitions.MarkedUncollectibleAt)
	// An uncollectible invoice can still be paid.
	inv, err = c.Invoices.Pay(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Equal(t, int64(4200), inv.AmountPaid)
	require.Zero(t, inv.AmountRemaining)
}
