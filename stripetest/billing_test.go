package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func TestInvoiceTotalsAndTransitions(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("billing@example.com"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Widget")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(1500))})
	require.NoError(t, err)

	// A pending item, attached when the invoice includes pending items.
	pending, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Setup fee")})
	require.NoError(t, err)
	require.Empty(t, pending.Invoice)

	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), PendingInvoiceItemsBehavior: stripe.Ptr(stripe.InvoicePendingInvoiceItemsBehaviorInclude)})
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusDraft, inv.Status)
	require.Equal(t, int64(1000), inv.Total)
	require.Len(t, inv.Lines.Data, 1)

	// An item created with invoice= lands on the draft.
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
		Pricing: &stripe.InvoiceItemPricingParams{Price: stripe.Ptr(price.ID)}, Quantity: stripe.Ptr(int64(3))})
	require.NoError(t, err)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Len(t, inv.Lines.Data, 2)
	require.Equal(t, int64(1000+4500), inv.Subtotal)
	require.Equal(t, int64(5500), inv.Total)
	require.Equal(t, int64(5500), inv.AmountDue)
	var sum int64
	for _, l := range inv.Lines.Data {
		sum += l.Amount
	}
	require.Equal(t, inv.Total, sum)

	// Changing an item on the draft updates the totals.
	_, err = c.InvoiceItems.Update(ctx, pending.ID, &stripe.InvoiceItemUpdateParams{Amount: stripe.Ptr(int64(500))})
	require.NoError(t, err)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(5000), inv.AmountDue)

	inv, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusOpen, inv.Status)
	require.NotEmpty(t, inv.Number)
	_, err = c.InvoiceItems.Update(ctx, pending.ID, &stripe.InvoiceItemUpdateParams{Amount: stripe.Ptr(int64(1))})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "items on a finalized invoice are frozen")

	inv, err = c.Invoices.Pay(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Equal(t, int64(5000), inv.AmountPaid)
	require.Zero(t, inv.AmountRemaining)
	require.Equal(t, int64(5000-145-30), balanceUSD(t, c))
	_, err = c.Invoices.Void(ctx, inv.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	// open -> void, and draft -> delete.
	inv2, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice), DaysUntilDue: stripe.Ptr(int64(30))})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv2.ID), Amount: stripe.Ptr(int64(700)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	inv2, err = c.Invoices.Finalize(ctx, inv2.ID, nil)
	require.NoError(t, err)
	require.Equal(t, inv2.Created+30*86400, inv2.DueDate)
	inv2, err = c.Invoices.Send(ctx, inv2.ID, nil)
	require.NoError(t, err)
	inv2, err = c.Invoices.Void(ctx, inv2.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusVoid, inv2.Status)

	inv3, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	del, err := c.Invoices.Delete(ctx, inv3.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)

	// A zero invoice is paid on finalization.
	inv4, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	inv4, err = c.Invoices.Finalize(ctx, inv4.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv4.Status)

	open, err := c.Invoices.List(ctx, &stripe.InvoiceListParams{Customer: stripe.Ptr(cus.ID), Status: stripe.Ptr(stripe.InvoiceStatusPaid)})
	require.NoError(t, err)
	require.Equal(t, []string{inv4.ID, inv.ID}, ids(open.Data))
}

func TestInvoicePaymentDeclined(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	// tok_chargeCustomerFail saves on the customer and declines when charged.
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_chargeCustomerFail")})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Amount: stripe.Ptr(int64(900)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), PendingInvoiceItemsBehavior: stripe.Ptr(stripe.InvoicePendingInvoiceItemsBehaviorInclude)})
	require.NoError(t, err)
	_, err = c.Invoices.Pay(ctx, inv.ID, nil)
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusOpen, inv.Status)
	require.Equal(t, int64(1), inv.AttemptCount)

	inv, err = c.Invoices.Pay(ctx, inv.ID, &stripe.InvoicePayParams{PaidOutOfBand: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Equal(t, int64(900), inv.AmountPaidOffStripe)
}

func TestSubscriptionCreatesFirstInvoice(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Pro plan")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(2000)),
		Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringInterval("month"))}})
	require.NoError(t, err)
	require.Equal(t, stripe.PriceType("recurring"), price.Type)

	sub, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID),
		Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(price.ID), Quantity: stripe.Ptr(int64(2))}}})
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("active"), sub.Status)
	require.Len(t, sub.Items.Data, 1)
	require.Equal(t, price.ID, sub.Items.Data[0].Price.ID)
	require.NotEmpty(t, sub.LatestInvoice.ID)

	inv, err := c.Invoices.Get(ctx, sub.LatestInvoice.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Equal(t, stripe.InvoiceBillingReasonSubscriptionCreate, inv.BillingReason)
	require.Equal(t, int64(4000), inv.AmountPaid)
	byS, err := c.Invoices.List(ctx, &stripe.InvoiceListParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Len(t, byS.Data, 1)

	trial, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID), TrialPeriodDays: stripe.Ptr(int64(14)),
		Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(price.ID)}}})
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("trialing"), trial.Status)

	upd, err := c.Subscriptions.Update(ctx, sub.ID, &stripe.SubscriptionUpdateParams{CancelAtPeriodEnd: stripe.Ptr(true), Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	require.True(t, upd.CancelAtPeriodEnd)
	canceled, err := c.Subscriptions.Cancel(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("canceled"), canceled.Status)

	active, err := c.Subscriptions.List(ctx, &stripe.SubscriptionListParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	require.Equal(t, []string{trial.ID}, ids(active.Data), "canceled subscriptions are not listed by default")

	// Without a payment method, default_incomplete leaves the invoice open.
	bare, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	inc, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(bare.ID),
		PaymentBehavior: stripe.Ptr(stripe.SubscriptionPaymentBehavior("default_incomplete")),
		Items:           []stripe.SubscriptionItemParams{{Price: stripe.Ptr(price.ID)}}})
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("incomplete"), inc.Status)
	_, err = c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(bare.ID),
		Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(price.ID)}}})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	_, err = c.Products.Delete(ctx, prod.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "a product with prices cannot be deleted")
}
