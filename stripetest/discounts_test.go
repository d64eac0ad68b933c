package stripetest_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// billingFixture makes a customer with a card and a monthly price of
// unitAmount.
func billingFixture(t *testing.T, c *stripe.Client, unitAmount int64) (cus *stripe.Customer, price *stripe.Price) {
	t.Helper()
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Plan")})
	require.NoError(t, err)
	price, err = c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(unitAmount), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	return cus, price
}

// subscribe subscribes cus to price with the discounts given as form keys
// and values (the typed params have no discounts field yet).
func subscribe(t *testing.T, c *stripe.Client, cus *stripe.Customer, price *stripe.Price, discounts ...string) (*stripe.Subscription, *stripe.Invoice) {
	t.Helper()
	ctx := context.Background()
	p := &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID), Items: stripe.Array[stripe.SubscriptionItemParams]{{Price: stripe.Ptr(price.ID)}}}
	for i := 0; i+1 < len(discounts); i += 2 {
		p.AddExtra(discounts[i], discounts[i+1])
	}
	sub, err := c.Subscriptions.Create(ctx, p)
	require.NoError(t, err)
	inv, err := c.Invoices.Get(ctx, sub.LatestInvoice.ID, nil)
	require.NoError(t, err)
	return sub, inv
}

// requireTotalsAddUp checks an invoice's discount amounts against its
// subtotal, total and lines.
func requireTotalsAddUp(t *testing.T, inv *stripe.Invoice) {
	t.Helper()
	var off, lineOff int64
	for _, d := range inv.TotalDiscountAmounts {
		off += d.Amount
	}
	for _, l := range inv.Lines.Data {
		for _, d := range l.DiscountAmounts {
			lineOff += d.Amount
		}
	}
	require.Equal(t, off, lineOff, "line discounts sum to the invoice's")
	require.Equal(t, inv.Subtotal-off, inv.Total)
	require.Equal(t, inv.Total, inv.AmountDue)
}

func TestCouponOnSubscription(t *testing.T) { // issue 16 acceptance: a 20% coupon gives an invoice of 80%
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 2500)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(20.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	require.True(t, cpn.Valid)

	sub, inv := subscribe(t, c, cus, price, "discounts[0][coupon]", cpn.ID)
	require.Len(t, sub.Discounts, 1)
	require.Equal(t, stripe.SubscriptionStatusActive, sub.Status)
	require.Equal(t, int64(2500), inv.Subtotal)
	require.Equal(t, int64(2000), inv.Total, "80% of 25.00")
	require.Equal(t, int64(2000), inv.AmountPaid)
	require.Len(t, inv.TotalDiscountAmounts, 1)
	require.Equal(t, int64(500), inv.TotalDiscountAmounts[0].Amount)
	require.Equal(t, sub.Discounts[0].ID, inv.TotalDiscountAmounts[0].Discount.ID)
	requireTotalsAddUp(t, inv)
	require.Equal(t, int64(2000-58-30), balanceUSD(t, c), "the discounted amount was charged")

	cpn, err = c.Coupons.Get(ctx, cpn.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1), cpn.TimesRedeemed)
}

func TestCouponAmountOffAndDurations(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 1000)

	// amount_off larger than the invoice takes it to zero, not below.
	big, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(1500)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	_, inv := subscribe(t, c, cus, price, "discounts[0][coupon]", big.ID)
	require.Equal(t, int64(0), inv.Total)
	require.Equal(t, int64(1000), inv.TotalDiscountAmounts[0].Amount)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	requireTotalsAddUp(t, inv)

	// Two discounts apply in order: 10% then 3.00 off what is left.
	pct, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(10.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	off, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(300)), Currency: stripe.Ptr("usd"),
		Duration: stripe.Ptr(stripe.CouponDurationRepeating), DurationInMonths: stripe.Ptr(int64(3))})
	require.NoError(t, err)
	sub, inv := subscribe(t, c, cus, price, "discounts[0][coupon]", pct.ID, "discounts[1][coupon]", off.ID)
	require.Equal(t, int64(1000-100-300), inv.Total)
	requireTotalsAddUp(t, inv)
	require.Len(t, sub.Discounts, 2)

	// A once coupon is used up by the first invoice; forever stays.
	once, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(50.0)})
	require.NoError(t, err)
	require.Equal(t, stripe.CouponDurationOnce, once.Duration)
	sub, inv = subscribe(t, c, cus, price, "discounts[0][coupon]", once.ID)
	require.Equal(t, int64(500), inv.Total)
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Empty(t, sub.Discounts, "a once discount ends after its invoice")

	// max_redemptions makes a coupon invalid once reached.
	one, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(5.0), MaxRedemptions: stripe.Ptr(int64(1))})
	require.NoError(t, err)
	subscribe(t, c, cus, price, "discounts[0][coupon]", one.ID)
	p := &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID), Items: stripe.Array[stripe.SubscriptionItemParams]{{Price: stripe.Ptr(price.ID)}}}
	p.AddExtra("discounts[0][coupon]", one.ID)
	before := srv.Count("subscription")
	_, err = c.Subscriptions.Create(ctx, p)
	require.Equal(t, stripe.ErrorCode("coupon_expired"), apiErr(t, err).Code)
	require.Equal(t, before, srv.Count("subscription"), "nothing was created")
	one, err = c.Coupons.Get(ctx, one.ID, nil)
	require.NoError(t, err)
	require.False(t, one.Valid)
}

func TestCouponsCRUDAndValidation(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{ID: stripe.Ptr("SUMMER"), PercentOff: stripe.Ptr(12.5), Name: stripe.Ptr("Summer"),
		Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	require.Equal(t, "SUMMER", cpn.ID)
	require.Equal(t, 12.5, cpn.PercentOff)
	_, err = c.Coupons.Create(ctx, &stripe.CouponCreateParams{ID: stripe.Ptr("SUMMER"), PercentOff: stripe.Ptr(1.0)})
	require.Equal(t, stripe.ErrorCode("resource_already_exists"), apiErr(t, err).Code)
	_, err = c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(100))})
	require.Equal(t, "currency", apiErr(t, err).Param)
	_, err = c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(10.0), AmountOff: stripe.Ptr(int64(100)), Currency: stripe.Ptr("usd")})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)
	_, err = c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(10.0), Duration: stripe.Ptr(stripe.CouponDurationRepeating)})
	require.Equal(t, "duration_in_months", apiErr(t, err).Param)

	cpn, err = c.Coupons.Update(ctx, cpn.ID, &stripe.CouponUpdateParams{Name: stripe.Ptr("Summer sale")})
	require.NoError(t, err)
	require.Equal(t, "Summer sale", cpn.Name)
	_, err = c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(100)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	page, err := c.Coupons.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 2)
	del, err := c.Coupons.Delete(ctx, cpn.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	_, err = c.Coupons.Get(ctx, cpn.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
	n := 0
	for _, err := range c.Coupons.All(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 1, n)
}

func TestPromotionCodes(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 4000)
	other, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd"), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	pc, err := c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{Promotion: &stripe.PromotionCodePromotionParams{Coupon: stripe.Ptr(cpn.ID), Type: stripe.Ptr("coupon")},
		Code: stripe.Ptr("WELCOME10"), Customer: stripe.Ptr(cus.ID), MaxRedemptions: stripe.Ptr(int64(1))})
	require.NoError(t, err)
	require.True(t, pc.Active)
	require.Equal(t, cpn.ID, pc.Promotion.Coupon.ID)
	_, err = c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{Promotion: &stripe.PromotionCodePromotionParams{Coupon: stripe.Ptr(cpn.ID)}, Code: stripe.Ptr("welcome10")})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "active codes are unique, case-insensitively")
	_, err = c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{Code: stripe.Ptr("X")})
	require.Equal(t, stripe.ErrorCode("parameter_missing"), apiErr(t, err).Code)

	// Restricted to cus: another customer cannot redeem it.
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(other.ID)})
	require.NoError(t, err)
	up := &stripe.InvoiceUpdateParams{}
	up.AddExtra("discounts[0][promotion_code]", pc.ID)
	_, err = c.Invoices.Update(ctx, inv.ID, up)
	require.Equal(t, "discounts[0][promotion_code]", apiErr(t, err).Param)

	sub, invoice := subscribe(t, c, cus, price, "discounts[0][promotion_code]", pc.ID)
	require.Equal(t, int64(3000), invoice.Total)
	requireTotalsAddUp(t, invoice)
	require.Len(t, sub.Discounts, 1)
	pc, err = c.PromotionCodes.Get(ctx, pc.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1), pc.TimesRedeemed)
	_, err = c.Subscriptions.Create(ctx, func() *stripe.SubscriptionCreateParams {
		p := &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID), Items: stripe.Array[stripe.SubscriptionItemParams]{{Price: stripe.Ptr(price.ID)}}}
		p.AddExtra("discounts[0][promotion_code]", pc.ID)
		return p
	}())
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "max_redemptions reached")

	pc, err = c.PromotionCodes.Update(ctx, pc.ID, &stripe.PromotionCodeUpdateParams{Active: stripe.Ptr(false), Metadata: stripe.Metadata{"a": "b"}})
	require.NoError(t, err)
	require.False(t, pc.Active)
	list, err := c.PromotionCodes.List(ctx, &stripe.PromotionCodeListParams{Code: stripe.Ptr("WELCOME10"), Active: stripe.Ptr(false)})
	require.NoError(t, err)
	require.Equal(t, []string{pc.ID}, ids(list.Data))
	list, err = c.PromotionCodes.List(ctx, &stripe.PromotionCodeListParams{Active: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Empty(t, list.Data)
}

func TestDiscountOnInvoice(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(25.0)})
	require.NoError(t, err)
	p := &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)}
	p.AddExtra("discounts[0][coupon]", cpn.ID)
	inv, err := c.Invoices.Create(ctx, p)
	require.NoError(t, err)
	require.Len(t, inv.Discounts, 1)
	for _, amount := range []int64{1000, 333} {
		_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(amount), Currency: stripe.Ptr("usd")})
		require.NoError(t, err)
	}
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1333), inv.Subtotal)
	require.Equal(t, int64(1333-250-83), inv.Total)
	requireTotalsAddUp(t, inv)

	// discounts= (empty) removes them.
	up := &stripe.InvoiceUpdateParams{}
	up.AddExtra("discounts", "")
	inv, err = c.Invoices.Update(ctx, inv.ID, up)
	require.NoError(t, err)
	require.Empty(t, inv.Discounts)
	require.Equal(t, int64(1333), inv.Total)
	require.Empty(t, inv.TotalDiscountAmounts)
}

func TestDeleteSubscriptionDiscount(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 1000)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(30.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	sub, _ := subscribe(t, c, cus, price, "discounts[0][coupon]", cpn.ID)
	preview, err := c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Equal(t, int64(700), preview.Total)

	d, err := c.Subscriptions.DeleteDiscount(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.True(t, d.Deleted)
	require.Equal(t, cpn.ID, d.Source.Coupon.ID)
	preview, err = c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Equal(t, int64(1000), preview.Total, "the next invoice is billed in full")
	_, err = c.Subscriptions.DeleteDiscount(ctx, sub.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
	_, err = c.Customers.DeleteDiscount(ctx, cus.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
}

func TestFullDiscountNeedsNoPaymentMethod(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	_, price := billingFixture(t, c, 1000)
	cus, err := c.Customers.Create(ctx, nil) // no card
	require.NoError(t, err)
	free, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(100.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	sub, inv := subscribe(t, c, cus, price, "discounts[0][coupon]", free.ID)
	require.Equal(t, stripe.SubscriptionStatusActive, sub.Status)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Zero(t, inv.Total)
	requireTotalsAddUp(t, inv)
}

func TestDiscountsSurviveSaveAndLoad(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 1000)
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(20.0), Duration: stripe.Ptr(stripe.CouponDurationForever)})
	require.NoError(t, err)
	sub, _ := subscribe(t, c, cus, price, "discounts[0][coupon]", cpn.ID)
	var buf bytes.Buffer
	require.NoError(t, srv.Save(&buf))

	srv2, c2 := newClient(t)
	require.NoError(t, srv2.Load(&buf))
	inv, err := c2.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Equal(t, int64(800), inv.Total, "a whole percent_off reads back as a number")
}

// An update whose discount is bad changes nothing, the item changes that
// came with it included.
func TestSubscriptionUpdateWithBadDiscountChangesNothing(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 1000)
	sub, _ := subscribe(t, c, cus, price)
	itemID := sub.Items.Data[0].ID
	up := &stripe.SubscriptionUpdateParams{Items: stripe.Array[stripe.SubscriptionUpdateItemParams]{{ID: stripe.Ptr(itemID), Quantity: stripe.Ptr(int64(5))}}}
	up.AddExtra("discounts[0][coupon]", "no_such_coupon")
	_, err := c.Subscriptions.Update(ctx, sub.ID, up)
	require.Equal(t, "discounts[0][coupon]", apiErr(t, err).Param)

	got, err := c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1), got.Items.Data[0].Quantity, "the item keeps its quantity")
	item, err := c.SubscriptionItems.Get(ctx, itemID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1), item.Quantity)
}
