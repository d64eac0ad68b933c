package stripetest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

func TestDemoData(t *testing.T) {
	t.Parallel()
	clock := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	_, c := newClient(t, stripetest.WithDemoData(), stripetest.WithClock(func() time.Time { return clock }))
	ctx := context.Background()

	cus, err := c.Customers.Get(ctx, stripetest.DemoCustomer, nil)
	require.NoError(t, err)
	assert.Equal(t, "cus_123", cus.ID)
	assert.Equal(t, "jenny@example.com", cus.Email)
	assert.Equal(t, "Jenny Rosen", cus.Name)
	assert.Equal(t, "card_123", cus.DefaultSource.ID)
	assert.Equal(t, clock.Unix(), cus.Created)

	card, err := c.Cards.Get(ctx, "cus_123", stripetest.DemoCard, nil)
	require.NoError(t, err)
	assert.Equal(t, "4242", card.Last4)

	price, err := c.Prices.Get(ctx, stripetest.DemoPrice, nil)
	require.NoError(t, err)
	assert.Equal(t, "prod_123", price.Product.ID)
	assert.Equal(t, int64(2000), price.UnitAmount)
	assert.Equal(t, "usd", price.Currency)
	require.NotNil(t, price.Recurring)
	assert.Equal(t, stripe.PriceRecurringIntervalMonth, price.Recurring.Interval)
	prod, err := c.Products.Get(ctx, stripetest.DemoProduct, nil)
	require.NoError(t, err)
	assert.Equal(t, "Demo plan", prod.Name)

	sub, err := c.Subscriptions.Get(ctx, stripetest.DemoSubscription, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.SubscriptionStatusActive, sub.Status)
	assert.Equal(t, "cus_123", sub.Customer.ID)
	require.Len(t, sub.Items.Data, 1)
	assert.Equal(t, "si_123", sub.Items.Data[0].ID)
	assert.Equal(t, "price_123", sub.Items.Data[0].Price.ID)
	assert.Equal(t, int64(1), sub.Items.Data[0].Quantity)
	first, err := c.Invoices.Get(ctx, sub.LatestInvoice.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.InvoiceStatusPaid, first.Status)
	assert.Equal(t, "DEMO-0001", first.Number)

	ch, err := c.Charges.Get(ctx, stripetest.DemoCharge, nil)
	require.NoError(t, err)
	assert.True(t, ch.Captured)
	assert.True(t, ch.Paid)
	assert.False(t, ch.Refunded)
	assert.Equal(t, int64(2000), ch.Amount)
	assert.Zero(t, ch.AmountRefunded)
	assert.Equal(t, "cus_123", ch.Customer.ID)

	draft, err := c.Invoices.Get(ctx, stripetest.DemoDraftInvoice, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.InvoiceStatusDraft, draft.Status)
	assert.Equal(t, int64(5000), draft.AmountDue)
	assert.Equal(t, clock.Unix()+30*86400, draft.DueDate)
	item, err := c.InvoiceItems.Get(ctx, stripetest.DemoDraftInvoiceItem, nil)
	require.NoError(t, err)
	assert.Equal(t, "in_123", item.Invoice.ID)

	open, err := c.Invoices.Get(ctx, stripetest.DemoOpenInvoice, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.InvoiceStatusOpen, open.Status)
	assert.Equal(t, int64(1500), open.AmountRemaining)
	assert.Equal(t, "DEMO-0002", open.Number)
	item, err = c.InvoiceItems.Get(ctx, stripetest.DemoOpenInvoiceItem, nil)
	require.NoError(t, err)
	assert.Equal(t, "in_open_123", item.Invoice.ID)

	pi, err := c.PaymentIntents.Get(ctx, stripetest.DemoPaymentIntent, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.PaymentIntentStatusRequiresConfirmation, pi.Status)
	assert.Equal(t, "cus_123", pi.Customer.ID)
	pi, err = c.PaymentIntents.Get(ctx, stripetest.DemoCapturePaymentIntent, nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.PaymentIntentStatusRequiresCapture, pi.Status)
	assert.Equal(t, int64(2000), pi.AmountCapturable)

	// No events for the starting state.
	evs, err := c.Events.List(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, ids(evs.Data))

	// The states allow the documented next steps.
	_, err = c.Invoices.Finalize(ctx, "in_123", nil)
	require.NoError(t, err)
	_, err = c.Invoices.Send(ctx, "in_open_123", nil)
	require.NoError(t, err)
	_, err = c.Invoices.Void(ctx, "in_open_123", nil)
	require.NoError(t, err)
	pi, err = c.PaymentIntents.Confirm(ctx, "pi_123", nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.PaymentIntentStatusSucceeded, pi.Status)
	pi, err = c.PaymentIntents.Capture(ctx, "pi_capture_123", nil)
	require.NoError(t, err)
	assert.Equal(t, stripe.PaymentIntentStatusSucceeded, pi.Status)
	re, err := c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr("ch_123"), Amount: stripe.Ptr(int64(500))})
	require.NoError(t, err)
	assert.Equal(t, int64(500), re.Amount)
	_, err = c.Subscriptions.Cancel(ctx, "sub_123", nil)
	require.NoError(t, err)

	// New objects get generated IDs.
	cus2, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com")})
	require.NoError(t, err)
	assert.NotEqual(t, "cus_123", cus2.ID)
	assert.Len(t, cus2.ID, len("cus_")+14)
	evs, err = c.Events.List(ctx, nil)
	require.NoError(t, err)
	assert.NotEmpty(t, evs.Data, "events of what happened after New")
}

func TestDemoDataIsPerServer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	// Without the option, the server is empty.
	srv, c := newClient(t)
	_, err := c.Customers.Get(ctx, "cus_123", nil)
	assert.Equal(t, http.StatusNotFound, apiErr(t, err).HTTPStatus)
	for _, kind := range []string{"customer", "card", "product", "price", "subscription", "charge", "invoice", "invoiceitem", "payment_intent", "event"} {
		assert.Zero(t, srv.Count(kind), kind)
	}

	// Each demo server starts from the same state: a change to one does
	// not show in another.
	demo1, c1 := newClient(t, stripetest.WithDemoData())
	_, c2 := newClient(t, stripetest.WithDemoData())
	_, err = c1.Customers.Delete(ctx, "cus_123", nil)
	require.NoError(t, err)
	_, err = c2.Customers.Get(ctx, "cus_123", nil)
	require.NoError(t, err)
	assert.Equal(t, 0, demo1.Count("customer"))
}

func TestDemoDataSendsNoWebhooks(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	t.Cleanup(hook.Close)
	srv, c := newClient(t, stripetest.WithDemoData(), stripetest.WithWebhook(hook.URL, "whsec_demo"))
	ctx := context.Background()
	require.NoError(t, srv.FlushWebhooks(ctx))
	assert.Zero(t, calls.Load())
	assert.Equal(t, 1, srv.Count("customer"))

	_, err := c.Customers.Update(ctx, "cus_123", &stripe.CustomerUpdateParams{Name: stripe.Ptr("Jenny R.")})
	require.NoError(t, err)
	require.NoError(t, srv.FlushWebhooks(ctx))
	assert.Equal(t, int32(1), calls.Load(), "events after New are delivered")
}
