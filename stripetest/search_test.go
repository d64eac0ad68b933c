package stripetest_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// steppingClock advances one second each time it is read after step().
type steppingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *steppingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *steppingClock) step()          { c.mu.Lock(); c.now = c.now.Add(time.Minute); c.mu.Unlock() }

func searchCustomers(t *testing.T, c *stripe.Client, q string) []string {
	t.Helper()
	var out []string
	for cus, err := range c.Customers.SearchAll(context.Background(), &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: q, Limit: stripe.Ptr(int64(2))}}) {
		require.NoError(t, err, q)
		out = append(out, cus.ID)
	}
	return out
}

// Search understands exact and metadata clauses, AND/OR, negation and
// numeric comparisons, pages with next_page, and refuses a malformed
// query with 400 like Stripe.
func TestSearchCustomers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &steppingClock{now: time.Unix(1_800_000_000, 0)}
	_, c := newClient(t, stripetest.WithClock(clk.Now))
	mk := func(email, plan string) *stripe.Customer {
		clk.step()
		cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr(email), Metadata: stripe.Metadata{"plan": plan}})
		require.NoError(t, err)
		return cus
	}
	a := mk("ann@example.com", "pro")
	b := mk(`bo"b@example.com`, "free")
	d := mk("dee@example.com", "pro")
	e := mk("eve@example.org", "pro")

	eq := func(q stripe.SearchQuery) string { s, err := q.Build(); require.NoError(t, err); return s }
	require.Equal(t, []string{b.ID}, searchCustomers(t, c, eq(stripe.And(stripe.Eq("email", `bo"b@example.com`)))))
	require.Equal(t, []string{a.ID}, searchCustomers(t, c, `email:"ANN@example.com"`)) // case-insensitive
	require.Equal(t, []string{e.ID, d.ID, a.ID}, searchCustomers(t, c, eq(stripe.And(stripe.MetadataEq("plan", "pro")))))
	require.Equal(t, []string{e.ID, d.ID}, searchCustomers(t, c, eq(stripe.And(stripe.MetadataEq("plan", "pro"), stripe.Gt("created", a.Created)))))
	require.Equal(t, []string{d.ID, b.ID}, searchCustomers(t, c, eq(stripe.Or(stripe.Eq("email", "dee@example.com"), stripe.MetadataEq("plan", "free")))))
	require.Equal(t, []string{b.ID, a.ID}, searchCustomers(t, c, eq(stripe.And(stripe.Lt("created", d.Created)))))
	require.Equal(t, []string{e.ID}, searchCustomers(t, c, eq(stripe.And(stripe.Like("email", "example.org")))))
	require.Equal(t, []string{d.ID, a.ID}, searchCustomers(t, c, eq(stripe.And(stripe.MetadataEq("plan", "pro"), stripe.Not(stripe.Like("email", ".org"))))))
	require.Empty(t, searchCustomers(t, c, `metadata["nope"]:"x"`))
	require.Equal(t, []string{b.ID}, searchCustomers(t, c, `metadata['plan']:'free' AND email:'bo\"b@example.com'`)) // single quotes, as Stripe's docs write them

	// One page: has_more and next_page, then the rest.
	p1, err := c.Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: `metadata["plan"]:"pro"`, Limit: stripe.Ptr(int64(2))}})
	require.NoError(t, err)
	require.Equal(t, "search_result", p1.Object)
	require.Equal(t, []string{e.ID, d.ID}, ids(p1.Data))
	require.True(t, p1.HasMore)
	require.NotNil(t, p1.NextPage)
	p2, err := c.Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: `metadata["plan"]:"pro"`, Limit: stripe.Ptr(int64(2)), Page: p1.NextPage}})
	require.NoError(t, err)
	require.Equal(t, []string{a.ID}, ids(p2.Data))
	require.False(t, p2.HasMore)
	require.Nil(t, p2.NextPage)

	for _, bad := range []string{
		`email:"unterminated`, `email:"a" AND`, `email:"a" AND name:"b" OR name:"c"`, `nosuchfield:"x"`,
		`created>"soon"`, `email`, `email:"a" name:"b"`, `metadata[plan]:"x"`, `email~"ab"`,
	} {
		_, err := c.Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: bad}})
		se := apiErr(t, err)
		require.Equal(t, 400, se.HTTPStatus, bad)
		require.Equal(t, "query", se.Param, bad)
	}
}

// The other searchable resources: numeric amount, status, and an
// expandable field (customer) matched by ID.
func TestSearchOtherResources(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, c := newClient(t)
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	small, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(500)), Currency: stripe.Ptr("usd"), Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	big, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	var got []string
	for ch, err := range c.Charges.SearchAll(ctx, &stripe.ChargeSearchParams{SearchParams: stripe.SearchParams{Query: `amount>1000 AND status:"succeeded"`}}) {
		require.NoError(t, err)
		got = append(got, ch.ID)
	}
	require.Equal(t, []string{big.ID}, got)
	got = nil
	for ch, err := range c.Charges.SearchAll(ctx, &stripe.ChargeSearchParams{SearchParams: stripe.SearchParams{Query: `customer:"` + cus.ID + `"`}}) {
		require.NoError(t, err)
		got = append(got, ch.ID)
	}
	require.Equal(t, []string{small.ID}, got)

	pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(700)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	res, err := c.PaymentIntents.Search(ctx, &stripe.PaymentIntentSearchParams{SearchParams: stripe.SearchParams{Query: `status:"requires_payment_method" AND amount<1000`}})
	require.NoError(t, err)
	require.Equal(t, []string{pi.ID}, ids(res.Data))

	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Gold plan")})
	require.NoError(t, err)
	_, err = c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Silver"), Active: stripe.Ptr(false)})
	require.NoError(t, err)
	pr, err := c.Products.Search(ctx, &stripe.ProductSearchParams{SearchParams: stripe.SearchParams{Query: `active:"true" AND name~"gold"`}})
	require.NoError(t, err)
	require.Equal(t, []string{prod.ID}, ids(pr.Data))

	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(900)), LookupKey: stripe.Ptr("gold_monthly")})
	require.NoError(t, err)
	prs, err := c.Prices.Search(ctx, &stripe.PriceSearchParams{SearchParams: stripe.SearchParams{Query: `lookup_key:"gold_monthly"`}})
	require.NoError(t, err)
	require.Equal(t, []string{price.ID}, ids(prs.Data))

	for _, q := range []string{`status:"active"`} {
		subs, err := c.Subscriptions.Search(ctx, &stripe.SubscriptionSearchParams{SearchParams: stripe.SearchParams{Query: q}})
		require.NoError(t, err)
		require.Empty(t, subs.Data)
		inv, err := c.Invoices.Search(ctx, &stripe.InvoiceSearchParams{SearchParams: stripe.SearchParams{Query: `customer:"` + cus.ID + `"`}})
		require.NoError(t, err)
		require.Empty(t, inv.Data)
	}
	// A field of another resource is refused.
	_, err = c.Products.Search(ctx, &stripe.ProductSearchParams{SearchParams: stripe.SearchParams{Query: `amount>1`}})
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
}
