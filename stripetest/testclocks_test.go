package stripetest_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// clockTest sets up a test clock at start, a customer on it paying with
// tok_visa, and a monthly price of 20.00 usd.
func clockTest(t *testing.T, start time.Time) (srv *stripetest.Server, c *stripe.Client, clockID, cusID, priceID string) {
	t.Helper()
	srv, c = newClient(t)
	ctx := context.Background()
	resp, clock := rawCall(t, srv, "POST", "/v1/test_helpers/test_clocks", url.Values{"frozen_time": {unixStr(start)}, "name": {"renewals"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, clock)
	require.Equal(t, "test_helpers.test_clock", clock["object"])
	clockID = clock["id"].(string)
	resp, cus := rawCall(t, srv, "POST", "/v1/customers", url.Values{"test_clock": {clockID}, "source": {"tok_visa"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, cus)
	require.Equal(t, clockID, cus["test_clock"])
	require.Equal(t, float64(start.Unix()), cus["created"], "made at the clock's time")
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Pro")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(2000)), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	return srv, c, clockID, cus["id"].(string), price.ID
}

func unixStr(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

func advance(t *testing.T, srv *stripetest.Server, clockID string, to time.Time) {
	t.Helper()
	resp, body := rawCall(t, srv, "POST", "/v1/test_helpers/test_clocks/"+clockID+"/advance", url.Values{"frozen_time": {unixStr(to)}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.Equal(t, float64(to.Unix()), body["frozen_time"])
	require.Equal(t, "ready", body["status"])
}

// eventsBetween lists the events created in [from, to], oldest first.
func eventsBetween(t *testing.T, c *stripe.Client, from, to time.Time) []stripe.Event {
	t.Helper()
	var all []stripe.Event
	params := &stripe.EventListParams{Created: &stripe.RangeQuery{GTE: stripe.Ptr(from.Unix()), LTE: stripe.Ptr(to.Unix())}}
	for ev, err := range c.Events.All(context.Background(), params) {
		require.NoError(t, err)
		all = append(all, *ev)
	}
	for i, j := 0, len(all)-1; i < j; i, j = i+1, j-1 {
		all[i], all[j] = all[j], all[i]
	}
	return all
}

// A monthly subscription whose default card declines, advanced three
// months: each renewal makes an invoice whose payment fails, the
// subscription goes past_due, and failed payments are retried every three
// days, four attempts in all; with a working card the next retry pays and
// the subscription is active again. Events come in Stripe's order, stamped
// with the clock's time.
func TestTestClockRenewalsWithDecliningCard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	srv, c, clockID, cusID, priceID := clockTest(t, t0)

	sub, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cusID),
		Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(priceID)}}})
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("active"), sub.Status)
	require.Equal(t, t0.Unix(), sub.StartDate)
	bad, err := c.Cards.Create(ctx, cusID, &stripe.CardCreateParams{Source: "tok_chargeCustomerFail"})
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, cusID, &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr(bad.ID)})
	require.NoError(t, err)
	end := time.Date(2026, 4, 1, 2, 0, 0, 0, time.UTC)
	advance(t, srv, clockID, end)

	invs, err := c.Invoices.List(ctx, &stripe.InvoiceListParams{Subscription: stripe.Ptr(sub.ID)})
	require.NoError(t, err)
	require.Len(t, invs.Data, 4, "the first invoice and three renewals")
	for i, want := range []struct {
		period   time.Time
		attempts int64
	}{{time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), 1}, {time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 4}, {time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), 4}} {
		inv := invs.Data[i] // newest first
		require.Equal(t, stripe.InvoiceBillingReason("subscription_cycle"), inv.BillingReason)
		require.Equal(t, stripe.InvoiceStatusOpen, inv.Status)
		require.Equal(t, int64(2000), inv.AmountDue)
		require.Equal(t, want.period.Unix(), inv.Created)
		require.Equal(t, want.period.AddDate(0, 1, 0).Unix(), inv.Lines.Data[0].Period.End)
		require.Equal(t, want.attempts, inv.AttemptCount)
	}
	require.Equal(t, time.Date(2026, 4, 4, 1, 0, 0, 0, time.UTC).Unix(), invs.Data[0].NextPaymentAttempt, "retried three days after the failure")
	require.Zero(t, invs.Data[1].NextPaymentAttempt, "no retry after the fourth attempt")
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("past_due"), sub.Status)
	require.Equal(t, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC).Unix(), sub.Items.Data[0].CurrentPeriodStart)

	evs := eventsBetween(t, c, t0.Add(time.Second), end)
	var types []string
	for i, ev := range evs {
		types = append(types, string(ev.Type))
		if i > 0 {
			require.GreaterOrEqual(t, ev.Created, evs[i-1].Created, "events in time order")
		}
	}
	renewal := []string{"customer.subscription.updated", "invoice.created", // Feb 1 00:00
		"invoice.finalized", "payment_intent.created", "charge.failed", "payment_intent.payment_failed", "invoice.payment_failed", // 01:00
		"customer.subscription.updated",                                                                      // past_due
		"payment_intent.created", "charge.failed", "payment_intent.payment_failed", "invoice.payment_failed"} // Feb 4 01:00, the first retry
	require.Equal(t, renewal, types[:len(renewal)])
	require.Equal(t, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC).Unix(), evs[0].Created)
	require.Equal(t, time.Date(2026, 2, 1, 1, 0, 0, 0, time.UTC).Unix(), evs[2].Created)
	count := map[string]int{}
	for _, ty := range types {
		count[ty]++
	}
	require.Equal(t, 3, count["invoice.created"])
	require.Equal(t, 9, count["invoice.payment_failed"], "4 + 4 + 1 attempts")
	require.Equal(t, 0, count["invoice.paid"])
	require.Equal(t, 3+1, count["customer.subscription.updated"], "three renewals, and past_due once (it stays past_due)")

	// A working card: the next retry pays the April invoice and the
	// subscription is active again.
	good, err := c.Cards.Create(ctx, cusID, &stripe.CardCreateParams{Source: "tok_visa"})
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, cusID, &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr(good.ID)})
	require.NoError(t, err)
	advance(t, srv, clockID, time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC))
	inv, err := c.Invoices.Get(ctx, invs.Data[0].ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Equal(t, int64(2), inv.AttemptCount)
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("active"), sub.Status)
}

// A trial ends at its time: the subscription becomes active, and its first
// paid period's invoice is finalized an hour later and charged.
func TestTestClockTrialEnds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	srv, c, clockID, cusID, priceID := clockTest(t, t0)
	sub, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cusID),
		Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(priceID)}}, TrialPeriodDays: stripe.Ptr(int64(7))})
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("trialing"), sub.Status)

	advance(t, srv, clockID, t0.AddDate(0, 0, 7).Add(30*time.Minute))
	sub, err = c.Subscriptions.Get(ctx, sub.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.SubscriptionStatus("active"), sub.Status)
	inv, err := c.Invoices.Get(ctx, sub.LatestInvoice.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusDraft, inv.Status, "finalized an hour after it is made")
	require.Equal(t, int64(2000), inv.AmountDue)

	advance(t, srv, clockID, t0.AddDate(0, 0, 7).Add(61*time.Minute))
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)

	resp, body := rawCall(t, srv, "POST", "/v1/test_helpers/test_clocks/"+clockID+"/advance", url.Values{"frozen_time": {unixStr(t0)}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "a clock does not go back")
	require.Contains(t, body["error"].(map[string]any)["message"], "after")

	resp, body = rawCall(t, srv, "DELETE", "/v1/test_helpers/test_clocks/"+clockID, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.Equal(t, true, body["deleted"])
	got, err := c.Customers.Get(ctx, cusID, nil)
	require.NoError(t, err)
	require.True(t, got.Deleted, "the clock's customers go with it")
}
