package stripe_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/internal/stripemock"
	"github.com/stripelite/stripe/stripetest"
)

// sharedCalls is one list of calls, at least one per service, that must
// work the same against stripe-mock (Stripe's official, stateless mock)
// and against stripetest (the in-memory, stateful fake). Each call creates
// what it needs and uses the IDs the backend returns, so it holds for both.
var sharedCalls = []struct {
	name string
	run  func(t *testing.T, ctx context.Context, c *stripe.Client)
}{
	{"customers", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{
			Email: stripe.Ptr("jenny@example.com"), Name: stripe.Ptr("Jenny Rosen"), Metadata: stripe.Metadata{"k": "v"},
		})
		require.NoError(t, err)
		requireID(t, "cus_", cus.ID)
		require.Equal(t, "customer", cus.Object)
		got, err := c.Customers.Get(ctx, cus.ID, nil)
		require.NoError(t, err)
		require.Equal(t, "customer", got.Object)
		_, err = c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{Description: stripe.Ptr("VIP")})
		require.NoError(t, err)
		page, err := c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(3))}})
		require.NoError(t, err)
		require.Equal(t, "list", page.Object)
		require.NotEmpty(t, page.Data)
		del, err := c.Customers.Delete(ctx, cus.ID, nil)
		require.NoError(t, err)
		require.True(t, del.Deleted)
	}},
	{"cards", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		cus := newCustomer(t, ctx, c)
		card, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_visa"})
		require.NoError(t, err)
		require.NotEmpty(t, card.ID) // stripe-mock answers with another source fixture
		page, err := c.Cards.List(ctx, cus.ID, nil)
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
		_, err = c.Cards.Update(ctx, cus.ID, card.ID, &stripe.CardUpdateParams{Name: stripe.Ptr("Jenny Rosen")})
		require.NoError(t, err)
		del, err := c.Cards.Delete(ctx, cus.ID, card.ID, nil)
		require.NoError(t, err)
		require.NotEmpty(t, del.ID) // stripe-mock's fixture is not marked deleted
	}},
	{"products", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Widget"), Description: stripe.Ptr("A widget")})
		require.NoError(t, err)
		requireID(t, "prod_", prod.ID)
		_, err = c.Products.Update(ctx, prod.ID, &stripe.ProductUpdateParams{Active: stripe.Ptr(false)})
		require.NoError(t, err)
		page, err := c.Products.List(ctx, nil)
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
		del, err := c.Products.Delete(ctx, prod.ID, nil)
		require.NoError(t, err)
		require.True(t, del.Deleted)
	}},
	{"prices", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		price := newRecurringPrice(t, ctx, c)
		got, err := c.Prices.Get(ctx, price.ID, nil)
		require.NoError(t, err)
		require.Equal(t, "price", got.Object)
		_, err = c.Prices.Update(ctx, price.ID, &stripe.PriceUpdateParams{Nickname: stripe.Ptr("monthly")})
		require.NoError(t, err)
		page, err := c.Prices.List(ctx, &stripe.PriceListParams{Active: stripe.Ptr(true)})
		require.NoError(t, err)
		require.Equal(t, "list", page.Object)
	}},
	{"invoices and invoice items", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		cus := newCustomer(t, ctx, c)
		inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice), DaysUntilDue: stripe.Ptr(int64(30))})
		require.NoError(t, err)
		requireID(t, "in_", inv.ID)
		require.Equal(t, "invoice", inv.Object)
		ii, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
			Amount: stripe.Ptr(int64(2500)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Consulting")})
		require.NoError(t, err)
		requireID(t, "ii_", ii.ID)
		_, err = c.InvoiceItems.List(ctx, &stripe.InvoiceItemListParams{Customer: stripe.Ptr(cus.ID)})
		require.NoError(t, err)
		fin, err := c.Invoices.Finalize(ctx, inv.ID, nil)
		require.NoError(t, err)
		require.Equal(t, "invoice", fin.Object)
		_, err = c.Invoices.Void(ctx, inv.ID, nil)
		require.NoError(t, err)
		page, err := c.Invoices.List(ctx, &stripe.InvoiceListParams{Customer: stripe.Ptr(cus.ID)})
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
	}},
	{"payment intents", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"),
			PaymentMethodTypes: []string{"card"}})
		require.NoError(t, err)
		requireID(t, "pi_", pi.ID)
		require.Equal(t, "payment_intent", pi.Object)
		_, err = c.PaymentIntents.Confirm(ctx, pi.ID, &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_visa")})
		require.NoError(t, err)
		page, err := c.PaymentIntents.List(ctx, nil)
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
	}},
	{"subscriptions", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
		require.NoError(t, err)
		price := newRecurringPrice(t, ctx, c)
		sub, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Customer: stripe.Ptr(cus.ID),
			Items: []stripe.SubscriptionItemParams{{Price: stripe.Ptr(price.ID)}}})
		require.NoError(t, err)
		requireID(t, "sub_", sub.ID)
		require.Equal(t, "subscription", sub.Object)
		require.NotEmpty(t, sub.Items.Data)
		_, err = c.Subscriptions.Update(ctx, sub.ID, &stripe.SubscriptionUpdateParams{Metadata: stripe.Metadata{"k": "v"}})
		require.NoError(t, err)
		_, err = c.Subscriptions.Cancel(ctx, sub.ID, nil)
		require.NoError(t, err)
	}},
	{"charges and refunds", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
		require.NoError(t, err)
		requireID(t, "ch_", ch.ID)
		require.Equal(t, "charge", ch.Object)
		page, err := c.Charges.List(ctx, nil)
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
		re, err := c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(ch.ID), Amount: stripe.Ptr(int64(500))})
		require.NoError(t, err)
		requireID(t, "re_", re.ID)
		require.Equal(t, "refund", re.Object)
		got, err := c.Refunds.Get(ctx, re.ID, nil)
		require.NoError(t, err)
		require.Equal(t, "refund", got.Object)
	}},
	{"balance and balance transactions", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
		require.NoError(t, err)
		bal, err := c.Balance.Get(ctx, nil)
		require.NoError(t, err)
		require.Equal(t, "balance", bal.Object)
		require.NotEmpty(t, bal.Available)
		page, err := c.BalanceTransactions.List(ctx, nil)
		require.NoError(t, err)
		require.NotEmpty(t, page.Data)
		txn, err := c.BalanceTransactions.Get(ctx, page.Data[0].ID, nil)
		require.NoError(t, err)
		requireID(t, "txn_", txn.ID)
	}},
	{"events", func(t *testing.T, ctx context.Context, c *stripe.Client) {
		newCustomer(t, ctx, c)
		page, err := c.Events.List(ctx, &stripe.EventListParams{Type: stripe.Ptr(stripe.EventType("customer.*"))})
		require.NoError(t, err)
		require.Equal(t, "list", page.Object)
		require.NotEmpty(t, page.Data)
		ev, err := c.Events.Get(ctx, page.Data[0].ID, nil)
		require.NoError(t, err)
		requireID(t, "evt_", ev.ID)
		require.NotEmpty(t, ev.Type)
	}},
}

func requireID(t *testing.T, prefix, id string) {
	t.Helper()
	require.True(t, strings.HasPrefix(id, prefix), "ID %q should start with %q", id, prefix)
}

func newCustomer(t *testing.T, ctx context.Context, c *stripe.Client) *stripe.Customer {
	t.Helper()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com")})
	require.NoError(t, err)
	return cus
}

func newRecurringPrice(t *testing.T, ctx context.Context, c *stripe.Client) *stripe.Price {
	t.Helper()
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Pro plan")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(2000)), Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	requireID(t, "price_", price.ID)
	return price
}

// TestContractShared runs sharedCalls against both backends.
func TestContractShared(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("stripetest", func(t *testing.T) {
		t.Parallel()
		srv := stripetest.NewServer(t)
		c, err := srv.Client(stripe.WithMaxRetries(0))
		require.NoError(t, err)
		for _, call := range sharedCalls {
			t.Run(call.name, func(t *testing.T) { call.run(t, ctx, c) })
		}
	})

	t.Run("stripe-mock", func(t *testing.T) {
		t.Parallel()
		c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(stripemock.URL(t)), stripe.WithRateLimit(rate.Inf, rate.Inf), stripe.WithMaxRetries(0))
		require.NoError(t, err)
		for _, call := range sharedCalls {
			t.Run(call.name, func(t *testing.T) { call.run(t, ctx, c) })
		}
	})
}
