package stripetest_test

import (
	"context"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// A request whose items[i][price_data] is valid but whose other params are
// not stores no price: the price made from price_data is stored only with
// the change it belongs to.
func TestFailedPriceDataStoresNoPrice(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, price := billingFixture(t, c, 1000)
	sub, _ := subscribe(t, c, cus, price)
	itemID := sub.Items.Data[0].ID
	prices := srv.Count("price")
	events := srv.Count("event")
	pd := func(prefix, currency string) url.Values {
		return url.Values{prefix + "[currency]": {currency}, prefix + "[product]": {price.Product.ID},
			prefix + "[unit_amount]": {"500"}, prefix + "[recurring][interval]": {"month"}}
	}
	merge := func(vs ...url.Values) url.Values {
		out := url.Values{}
		for _, v := range vs {
			for k, x := range v {
				out[k] = x
			}
		}
		return out
	}
	for _, tc := range []struct {
		name, path string
		form       url.Values
	}{
		{"item update in another currency", "/v1/subscription_items/" + itemID, pd("price_data", "eur")},
		{"item create in another currency", "/v1/subscription_items",
			merge(pd("price_data", "eur"), url.Values{"subscription": {sub.ID}})},
		{"subscription update with a missing item", "/v1/subscriptions/" + sub.ID,
			merge(pd("items[0][price_data]", "usd"), url.Values{"items[1][id]": {"si_missing"}})},
		{"subscription update with a bad coupon", "/v1/subscriptions/" + sub.ID,
			merge(pd("items[0][price_data]", "usd"), url.Values{"discounts[0][coupon]": {"no_such_coupon"}})},
		{"subscription create with a bad trial end", "/v1/subscriptions",
			merge(pd("items[0][price_data]", "usd"), url.Values{"customer": {cus.ID}, "trial_end": {"1"}})},
	} {
		resp, body := rawCall(t, srv, "POST", tc.path, tc.form)
		require.Equal(t, 400, resp.StatusCode, "%s: %v", tc.name, body)
		require.Equal(t, prices, srv.Count("price"), "%s: no price stored", tc.name)
		require.Equal(t, events, srv.Count("event"), "%s: no event", tc.name)
	}

	// A valid one stores its price, which the item renders.
	si, err := c.SubscriptionItems.Update(ctx, itemID, &stripe.SubscriptionItemUpdateParams{PriceData: &stripe.SubscriptionItemPriceDataParams{
		Currency: stripe.Ptr("usd"), Product: stripe.Ptr(price.Product.ID), UnitAmount: stripe.Ptr(int64(700)),
		Recurring: &stripe.PriceDataRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}}})
	require.NoError(t, err)
	require.Equal(t, prices+1, srv.Count("price"))
	require.Equal(t, int64(700), si.Price.UnitAmount)
}

// A lines action (add_lines, update_lines, remove_lines) with one bad line
// changes neither the invoice nor any of its invoice items, the lines
// before the bad one included, and emits no event.
func TestInvoiceLinesActionIsAllOrNothing(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	item := func() string {
		t.Helper()
		_, ii := rawCall(t, srv, "POST", "/v1/invoiceitems", url.Values{"customer": {cus.ID}, "amount": {"100"}, "currency": {"usd"}})
		return ii["id"].(string)
	}
	pending := item()
	_, inv := rawCall(t, srv, "POST", "/v1/invoices", url.Values{"customer": {cus.ID}})
	invID := inv["id"].(string)
	path := "/v1/invoices/" + invID
	_, inv = rawCall(t, srv, "POST", path+"/add_lines", url.Values{"lines[0][amount]": {"200"}, "lines[1][amount]": {"300"}})
	lines := inv["lines"].(map[string]any)["data"].([]any)
	require.Len(t, lines, 2)
	line0, line1 := lines[0].(map[string]any)["id"].(string), lines[1].(map[string]any)["id"].(string)
	require.Equal(t, float64(500), inv["total"])

	items, events := srv.Count("invoiceitem"), srv.Count("event")
	_, want := rawCall(t, srv, "GET", path, nil)
	_, wantPending := rawCall(t, srv, "GET", "/v1/invoiceitems/"+pending, nil)
	for _, tc := range []struct {
		action string
		form   url.Values
	}{
		{"add_lines", url.Values{"lines[0][invoice_item]": {pending}, "lines[1][invoice_item]": {"ii_missing"}}},
		{"add_lines", url.Values{"lines[0][amount]": {"50"}, "lines[1][amount]": {"x"}}},
		{"add_lines", url.Values{"lines[0][invoice_item]": {pending}, "lines[1][invoice_item]": {pending}}},
		{"add_lines", url.Values{"lines[0][amount]": {"50"}, "invoice_metadata[k]": {"v"}, "lines[0][quantity]": {"x"}}},
		{"update_lines", url.Values{"lines[0][id]": {line0}, "lines[0][amount]": {"999"}, "lines[1][id]": {"il_missing"}}},
		{"update_lines", url.Values{"lines[0][id]": {line0}, "lines[0][amount]": {"999"}, "lines[1][id]": {line1}, "lines[1][quantity]": {"-1"}}},
		{"update_lines", url.Values{"lines[0][id]": {line0}, "lines[0][description]": {"new"}, "lines[0][discountable]": {"maybe"}}},
		{"remove_lines", url.Values{"lines[0][id]": {line0}, "lines[0][behavior]": {"delete"}, "lines[1][id]": {line1}, "lines[1][behavior]": {"bogus"}}},
		{"remove_lines", url.Values{"lines[0][id]": {line0}, "lines[0][behavior]": {"unassign"}, "lines[1][id]": {"il_missing"}, "lines[1][behavior]": {"delete"}}},
	} {
		resp, body := rawCall(t, srv, "POST", path+"/"+tc.action, tc.form)
		require.Equal(t, 400, resp.StatusCode, "%s %v: %v", tc.action, tc.form, body)
		_, got := rawCall(t, srv, "GET", path, nil)
		require.Equal(t, want, got, "%s %v: the invoice is unchanged", tc.action, tc.form)
		_, gotPending := rawCall(t, srv, "GET", "/v1/invoiceitems/"+pending, nil)
		require.Equal(t, wantPending, gotPending, "%s %v: the pending item is unchanged", tc.action, tc.form)
		require.Equal(t, items, srv.Count("invoiceitem"), "%s %v", tc.action, tc.form)
		require.Equal(t, events, srv.Count("event"), "%s %v: no event", tc.action, tc.form)
	}
	_, other := rawCall(t, srv, "GET", "/v1/invoices/"+invID+"/lines", nil)
	require.Len(t, other["data"], 2)

	// A bad single-line update changes nothing either.
	resp, _ := rawCall(t, srv, "POST", path+"/lines/"+line0, url.Values{"description": {"new"}, "discountable": {"maybe"}})
	require.Equal(t, 400, resp.StatusCode)
	_, got := rawCall(t, srv, "GET", path, nil)
	require.Equal(t, want, got)
}

// A capture with a bad param changes nothing on the charge or payment
// intent, the valid params sent with it included.
func TestCaptureWithBadParamChangesNothing(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"),
		Source: stripe.Ptr("tok_visa"), Capture: stripe.Ptr(false)})
	require.NoError(t, err)
	pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"),
		PaymentMethod: stripe.Ptr("pm_card_visa"), CaptureMethod: stripe.Ptr(stripe.PaymentIntentCaptureMethodManual), Confirm: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusRequiresCapture, pi.Status)
	events := srv.Count("event")

	for _, tc := range []struct {
		path string
		form url.Values
	}{
		{"/v1/charges/" + ch.ID, url.Values{"amount": {"x"}, "receipt_email": {"a@example.com"}, "statement_descriptor": {"NEW"}}},
		{"/v1/payment_intents/" + pi.ID, url.Values{"amount_to_capture": {"x"}, "statement_descriptor": {"NEW"}, "metadata[k]": {"v"}}},
	} {
		_, want := rawCall(t, srv, "GET", tc.path, nil)
		resp, body := rawCall(t, srv, "POST", tc.path+"/capture", tc.form)
		require.Equal(t, 400, resp.StatusCode, "%s: %v", tc.path, body)
		_, got := rawCall(t, srv, "GET", tc.path, nil)
		require.Equal(t, want, got, tc.path)
	}
	require.Equal(t, events, srv.Count("event"))
}

// Expanding a deleted customer gives its deleted stub, as Stripe does, not
// the customer as it was.
func TestExpandDeletedCustomer(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("gone@example.com")})
	require.NoError(t, err)
	_, ii := rawCall(t, srv, "POST", "/v1/invoiceitems", url.Values{"customer": {cus.ID}, "amount": {"100"}, "currency": {"usd"}})
	_, err = c.Customers.Delete(ctx, cus.ID, nil)
	require.NoError(t, err)
	_, got := rawCall(t, srv, "GET", "/v1/invoiceitems/"+ii["id"].(string)+"?expand[]=customer", nil)
	require.Equal(t, map[string]any{"id": cus.ID, "object": "customer", "deleted": true}, got["customer"])
}

// An update whose payment method param names a test card (pm_card_visa,
// which makes a payment method) but which fails on another param stores
// no payment method: a 400 changes nothing.
func TestFailedUpdateStoresNoTestCardPaymentMethod(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	pms, events := srv.Count("payment_method"), srv.Count("event")
	for _, tc := range []struct {
		path string
		form url.Values
	}{
		{"/v1/payment_intents/" + pi.ID, url.Values{"payment_method": {"pm_card_visa"}, "amount": {"x"}}},
		{"/v1/customers/" + cus.ID, url.Values{"invoice_settings[default_payment_method]": {"pm_card_visa"}, "default_source": {"card_missing"}}},
	} {
		resp, body := rawCall(t, srv, "POST", tc.path, tc.form)
		require.Equal(t, 400, resp.StatusCode, "%s: %v", tc.path, body)
		require.Equal(t, pms, srv.Count("payment_method"), tc.path)
		require.Equal(t, events, srv.Count("event"), tc.path)
	}
}

// A payout that arrives is paid, with its payout.paid event, even when the
// request that noticed fails with a 400.
func TestPayoutSettledByFailedRequestKeepsItsEvent(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, c := newClient(t, stripetest.WithClock(clock))
	ctx := context.Background()
	_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	po, err := c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(int64(4000)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	mu.Lock()
	now = now.Add(3 * 24 * time.Hour)
	mu.Unlock()

	resp, _ := rawCall(t, srv, "GET", "/v1/payouts?limit=0", nil)
	require.Equal(t, 400, resp.StatusCode)
	got, err := c.Payouts.Get(ctx, po.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PayoutStatusPaid, got.Status)
	evs, err := c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("payout.paid"))})
	require.NoError(t, err)
	require.Len(t, evs.Data, 1)
}
