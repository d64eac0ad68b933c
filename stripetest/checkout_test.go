package stripetest_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func recurringPrice(t *testing.T, c *stripe.Client) *stripe.Price {
	t.Helper()
	ctx := context.Background()
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Gold")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(1500)), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	return price
}

// A payment-mode session has a url and line items; completing it creates
// its succeeded payment intent and emits checkout.session.completed to a
// webhook endpoint made through the API.
func TestCheckoutSessionPaymentComplete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c := newClient(t)
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	t.Cleanup(hook.Close)
	we, err := c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{URL: stripe.Ptr(hook.URL),
		EnabledEvents: stripe.Array[stripe.EventType]{"checkout.session.completed"}})
	require.NoError(t, err)
	rc.mu.Lock()
	rc.secret = we.Secret.Reveal()
	rc.mu.Unlock()

	cs, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{
		Mode: stripe.Ptr(stripe.CheckoutSessionModePayment), SuccessURL: stripe.Ptr("https://example.com/ok"),
		CustomerEmail: stripe.Ptr("buyer@example.com"), Metadata: stripe.Metadata{"order": "A-1"},
		LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{
			{PriceData: &stripe.LineItemPriceDataParams{Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(1200)),
				ProductData: &stripe.LineItemProductDataParams{Name: stripe.Ptr("T-shirt")}}, Quantity: stripe.Ptr(int64(2))},
		},
	})
	require.NoError(t, err)
	require.Equal(t, "https://checkout.stripe.com/c/pay/"+cs.ID, cs.URL)
	require.Equal(t, stripe.CheckoutSessionStatusOpen, cs.Status)
	require.Equal(t, int64(2400), cs.AmountTotal)
	var items []*stripe.LineItem
	for li, err := range c.CheckoutSessions.AllLineItems(ctx, cs.ID, nil) {
		require.NoError(t, err)
		items = append(items, li)
	}
	require.Len(t, items, 1)
	require.Equal(t, "T-shirt", items[0].Description)
	require.Equal(t, int64(2), items[0].Quantity)

	require.NoError(t, srv.CompleteCheckoutSession(cs.ID))
	require.Error(t, srv.CompleteCheckoutSession(cs.ID), "only an open session completes")
	done, err := c.CheckoutSessions.Get(ctx, cs.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.CheckoutSessionStatusComplete, done.Status)
	require.Equal(t, stripe.CheckoutSessionPaymentStatusPaid, done.PaymentStatus)
	pi, err := c.PaymentIntents.Get(ctx, done.PaymentIntent.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusSucceeded, pi.Status)
	require.Equal(t, int64(2400), pi.Amount)

	fctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, srv.FlushWebhooks(fctx))
	got, bad := rc.got()
	require.Zero(t, bad)
	require.Equal(t, []string{"checkout.session.completed@"}, got)

	_, err = c.CheckoutSessions.Expire(ctx, cs.ID, nil)
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
}

// A subscription-mode session needs a recurring price; completing it makes
// a customer from customer_email and the subscription. Expire ends an
// open session.
func TestCheckoutSessionSubscriptionAndExpire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c := newClient(t)
	price := recurringPrice(t, c)
	_, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModePayment),
		LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{{Price: stripe.Ptr(price.ID), Quantity: stripe.Ptr(int64(1))}}})
	require.Equal(t, 400, apiErr(t, err).HTTPStatus, "a recurring price in payment mode")

	cs, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModeSubscription),
		CustomerEmail: stripe.Ptr("sub@example.com"),
		LineItems:     stripe.Array[stripe.CheckoutSessionLineItemParams]{{Price: stripe.Ptr(price.ID), Quantity: stripe.Ptr(int64(3))}}})
	require.NoError(t, err)
	require.NoError(t, srv.CompleteCheckoutSession(cs.ID))
	done, err := c.CheckoutSessions.Get(ctx, cs.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.CheckoutSessionStatusComplete, done.Status)
	sub, err := c.Subscriptions.Get(ctx, done.Subscription.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatusActive, sub.Status)
	require.Equal(t, done.Customer.ID, sub.Customer.ID)
	cus, err := c.Customers.Get(ctx, done.Customer.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "sub@example.com", cus.Email)

	open, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModeSubscription),
		LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{{Price: stripe.Ptr(price.ID), Quantity: stripe.Ptr(int64(1))}}})
	require.NoError(t, err)
	exp, err := c.CheckoutSessions.Expire(ctx, open.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.CheckoutSessionStatusExpired, exp.Status)
	require.Error(t, srv.CompleteCheckoutSession(open.ID))
	l, err := c.CheckoutSessions.List(ctx, &stripe.CheckoutSessionListParams{Status: stripe.Ptr(stripe.CheckoutSessionStatusExpired)})
	require.NoError(t, err)
	require.Equal(t, []string{open.ID}, ids(l.Data))
}

// Payment links have a url and line items, and can be deactivated.
func TestPaymentLinks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, c := newClient(t)
	price := recurringPrice(t, c)
	pl, err := c.PaymentLinks.Create(ctx, &stripe.PaymentLinkCreateParams{
		LineItems: stripe.Array[stripe.PaymentLinkLineItemParams]{{Price: stripe.Ptr(price.ID), Quantity: stripe.Ptr(int64(2))}}})
	require.NoError(t, err)
	require.Contains(t, pl.URL, "https://buy.stripe.com/test_")
	require.True(t, pl.Active)
	li, err := c.PaymentLinks.ListLineItems(ctx, pl.ID, nil)
	require.NoError(t, err)
	require.Len(t, li.Data, 1)
	require.Equal(t, price.ID, li.Data[0].Price.ID)
	require.Equal(t, int64(3000), li.Data[0].AmountTotal)
	off, err := c.PaymentLinks.Update(ctx, pl.ID, &stripe.PaymentLinkUpdateParams{Active: stripe.Ptr(false)})
	require.NoError(t, err)
	require.False(t, off.Active)
	l, err := c.PaymentLinks.List(ctx, &stripe.PaymentLinkListParams{Active: stripe.Ptr(false)})
	require.NoError(t, err)
	require.Equal(t, []string{pl.ID}, ids(l.Data))
	_, err = c.PaymentLinks.Create(ctx, &stripe.PaymentLinkCreateParams{})
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
}
