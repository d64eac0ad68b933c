package stripetest_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
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
