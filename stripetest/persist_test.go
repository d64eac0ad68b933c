package stripetest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// A state saved by one server and loaded by another is the same state: the
// same objects in the same order, and the handlers keep working on it.
func TestStateSaveLoadRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, ca := newClient(t, stripetest.WithDemoData())
	acct := a.CreateAccount()
	_, err := ca.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("connected@example.com"), Params: stripe.Params{StripeAccount: acct}})
	require.NoError(t, err)
	gone, err := ca.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = ca.Customers.Delete(ctx, gone.ID, nil)
	require.NoError(t, err)

	var saved bytes.Buffer
	require.NoError(t, a.Save(&saved))

	b, cb := newClient(t)
	require.NoError(t, b.Load(bytes.NewReader(saved.Bytes())))
	var again bytes.Buffer
	require.NoError(t, b.Save(&again))
	require.JSONEq(t, saved.String(), again.String(), "load then save gives the same state")

	for _, c := range []*stripe.Client{ca, cb} {
		sub, err := c.Subscriptions.Get(ctx, stripetest.DemoSubscription, nil)
		require.NoError(t, err)
		require.Len(t, sub.Items.Data, 1)
		require.Equal(t, stripetest.DemoPrice, sub.Items.Data[0].Price.ID)
		got, err := c.Customers.Get(ctx, gone.ID, nil)
		require.NoError(t, err)
		require.True(t, got.Deleted)
	}
	require.Equal(t, a.Count("customer"), b.Count("customer"))
	require.Equal(t, 1, b.CountOn(acct, "customer"))
	balA, err := ca.Balance.Get(ctx, nil)
	require.NoError(t, err)
	balB, err := cb.Balance.Get(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, balA.Available, balB.Available)

	// The loaded state works: pay the open invoice, change the subscription
	// (whose items are the stored ones), list in creation order.
	inv, err := cb.Invoices.Pay(ctx, stripetest.DemoOpenInvoice, &stripe.InvoicePayParams{PaidOutOfBand: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	sub, err := cb.Subscriptions.Update(ctx, stripetest.DemoSubscription, &stripe.SubscriptionUpdateParams{Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	require.Equal(t, "v", sub.Metadata["k"])
	listA, err := ca.Invoices.List(ctx, nil)
	require.NoError(t, err)
	listB, err := cb.Invoices.List(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, ids(listA.Data), ids(listB.Data))
	_, err = cb.Customers.Get(ctx, stripetest.DemoCustomer, &stripe.CustomerGetParams{Params: stripe.Params{StripeAccount: acct}})
	require.ErrorIs(t, err, stripe.ErrNotFound)

	require.Error(t, b.Load(bytes.NewReader([]byte(`{"version": 99}`))))
	require.Error(t, b.Load(bytes.NewReader([]byte(`not json`))))
	require.Equal(t, a.Count("customer"), b.Count("customer"), "a failed load changes nothing")
}

// WithStateFile saves each change before answering, and a new server on
// the same file starts where the last one stopped.
func TestStateFileKeepsStateAcrossServers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.json")
	var saveErrs []error
	onErr := func(err error) { saveErrs = append(saveErrs, err) }

	first := stripetest.New(stripetest.WithStateFile(path, onErr), stripetest.WithDemoData())
	c1, err := first.Client()
	require.NoError(t, err)
	cus, err := c1.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("kept@example.com")})
	require.NoError(t, err)
	once, err := c1.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("once@example.com"), Params: stripe.Params{IdempotencyKey: "run-1"}})
	require.NoError(t, err)
	_, err = os.Stat(path)
	require.NoError(t, err, "saved before the answer")
	first.Close()
	require.Empty(t, saveErrs)
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file is left behind")

	second := stripetest.NewServer(t, stripetest.WithStateFile(path, onErr), stripetest.WithDemoData())
	c2, err := second.Client()
	require.NoError(t, err)
	got, err := c2.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "kept@example.com", got.Email)
	retried, err := c2.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("once@example.com"), Params: stripe.Params{IdempotencyKey: "run-1"}})
	require.NoError(t, err)
	require.Equal(t, once.ID, retried.ID, "a retry after a restart gets the first answer")
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NotContains(t, string(raw), stripetest.TestKey, "no API key in the state file")
	require.Equal(t, first.Count("customer"), second.Count("customer"), "the demo data is not seeded twice")

	require.NoError(t, os.WriteFile(path, []byte("{"), 0o600))
	require.Panics(t, func() { stripetest.New(stripetest.WithStateFile(path, nil)) })
}

// Concurrent changes all reach the state file: the last save is of the
// last state.
func TestStateFileUnderConcurrentWrites(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	srv := stripetest.New(stripetest.WithStateFile(path, func(err error) { t.Error(err) }))
	c, err := srv.Client()
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Customers.Create(context.Background(), nil)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	// Read the file while the server still runs: every answered create is in it.
	again := stripetest.NewServer(t)
	require.NoError(t, again.LoadFile(path))
	require.Equal(t, 20, again.Count("customer"))
	srv.Close()
}
