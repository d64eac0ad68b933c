package stripe_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/internal/openapi"
	"github.com/stripelite/stripe/stripetest"
)

// recordedResponse is one JSON answer stripetest gave.
type recordedResponse struct {
	method, path string
	status       int
	body         []byte
}

// recorder is a transport that keeps every response's body.
type recorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	got  []recordedResponse
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	r.mu.Lock()
	r.got = append(r.got, recordedResponse{method: req.Method, path: req.URL.Path, status: resp.StatusCode, body: b})
	r.mu.Unlock()
	return resp, nil
}

// TestStripetestResponsesMatchSpec sends the shared contract calls and the
// seed-invoice workflow through stripetest and checks every JSON answer
// against its operation's response schema in spec3.json (an error against
// the spec's error object): types, required properties, enums, nullable,
// and no property the spec does not list.
func TestStripetestResponsesMatchSpec(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, c, rec := recordedStripetestClient(t, stripetest.WithDemoData())

	for _, call := range sharedCalls {
		t.Run(call.name, func(t *testing.T) { call.run(t, ctx, c) })
	}
	t.Run("seed invoice workflow", func(t *testing.T) { seedInvoiceCalls(t, ctx, c) })
	t.Run("demo data and more", func(t *testing.T) { moreCalls(t, ctx, c) })

	covered, errs := requireResponsesMatchSpec(t, rec)
	require.GreaterOrEqual(t, covered, 40, "operations covered")
	require.GreaterOrEqual(t, errs, 3, "error bodies checked")
}

// recordedStripetestClient starts a stripetest server and returns it with a
// client whose every answer rec records.
func recordedStripetestClient(t *testing.T, opts ...stripetest.Option) (*stripetest.Server, *stripe.Client, *recorder) {
	t.Helper()
	srv := stripetest.NewServer(t, opts...)
	rec := &recorder{base: http.DefaultTransport}
	c, err := srv.Client(stripe.WithHTTPClient(&http.Client{Transport: rec}), stripe.WithMaxRetries(0))
	require.NoError(t, err)
	return srv, c, rec
}

// requireResponsesMatchSpec validates every answer rec recorded against its
// operation's response schema in spec3.json (an error body against the
// spec's error object), fails on any violation, and returns how many
// operations answered 2xx and how many error bodies were checked.
func requireResponsesMatchSpec(t *testing.T, rec *recorder) (covered, errs int) {
	t.Helper()
	spec := openapi.LoadForTest(t)
	ops := map[string]bool{}
	var problems []string
	for _, r := range rec.got {
		op, err := spec.Operation(r.method, r.path)
		require.NoError(t, err, "%s %s", r.method, r.path)
		v, err := openapi.DecodeJSON(r.body)
		require.NoError(t, err)
		schema := op.Response
		if r.status/100 == 2 {
			ops[op.Method+" "+op.Path] = true
		} else {
			errs++
			schema = spec.Component("error") // {"error": {...}}
		}
		for _, vi := range spec.Validate(v, schema) {
			problems = append(problems, fmt.Sprintf("%s %s: %s", r.method, r.path, vi))
		}
	}
	sort.Strings(problems)
	problems = dedupe(problems)
	require.Empty(t, problems, "%d violations:\n%s", len(problems), strings.Join(problems, "\n"))
	t.Logf("%d responses (%d errors) of %d operations match the spec", len(rec.got), errs, len(ops))
	return len(ops), errs
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// seedInvoiceCalls makes the seed-invoice workflow's calls (workflow_test.go):
// find or create a customer, a draft invoice due in 30 days, an item,
// finalize, send.
func seedInvoiceCalls(t *testing.T, ctx context.Context, c *stripe.Client) {
	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{Email: stripe.Ptr("seed@example.com"), ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(1))}})
	require.NoError(t, err)
	require.Empty(t, page.Data)
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("seed@example.com"), Name: stripe.Ptr("Seed")})
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), AutoAdvance: stripe.Ptr(false),
		CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice), DaysUntilDue: stripe.Ptr(int64(30))})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
		Amount: stripe.Ptr(int64(1500)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Setup")})
	require.NoError(t, err)
	_, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	_, err = c.Invoices.Send(ctx, inv.ID, nil)
	require.NoError(t, err)
}

// moreCalls reaches the operations and states the lists above do not: the
// demo objects, expansions, payments that decline, captures, voids.
func moreCalls(t *testing.T, ctx context.Context, c *stripe.Client) {
	exp := stripe.Params{Expand: []string{"customer", "latest_invoice", "default_source"}}
	for _, get := range []func() error{
		func() error { _, err := c.Customers.Get(ctx, stripetest.DemoCustomer, nil); return err },
		func() error {
			_, err := c.Subscriptions.Get(ctx, stripetest.DemoSubscription, &stripe.SubscriptionGetParams{Params: exp})
			return err
		},
		func() error { _, err := c.Invoices.Get(ctx, stripetest.DemoOpenInvoice, nil); return err },
		func() error { _, err := c.Invoices.Get(ctx, stripetest.DemoDraftInvoice, nil); return err },
		func() error { _, err := c.Charges.Get(ctx, stripetest.DemoCharge, nil); return err },
		func() error {
			_, err := c.PaymentIntents.Get(ctx, stripetest.DemoCapturePaymentIntent, nil)
			return err
		},
		func() error {
			_, err := c.PaymentIntents.Capture(ctx, stripetest.DemoCapturePaymentIntent, nil)
			return err
		},
		func() error { _, err := c.PaymentIntents.Confirm(ctx, stripetest.DemoPaymentIntent, nil); return err },
		func() error { _, err := c.Invoices.Pay(ctx, stripetest.DemoOpenInvoice, nil); return err },
		func() error { _, err := c.Invoices.Finalize(ctx, stripetest.DemoDraftInvoice, nil); return err },
		func() error { _, err := c.Invoices.Void(ctx, stripetest.DemoDraftInvoice, nil); return err },
		func() error {
			_, err := c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(stripetest.DemoCharge)})
			return err
		},
		func() error { _, err := c.Events.List(ctx, nil); return err },
		func() error { _, err := c.BalanceTransactions.List(ctx, nil); return err },
		func() error { _, err := c.Subscriptions.Cancel(ctx, stripetest.DemoSubscription, nil); return err },
		func() error { _, err := c.Cards.List(ctx, stripetest.DemoCustomer, nil); return err },
	} {
		require.NoError(t, get())
	}
	// A test clock: a customer on it, a subscription renewed by advancing.
	var clock, cus, sub map[string]any
	require.NoError(t, c.Do(ctx, "POST", "/v1/test_helpers/test_clocks", url.Values{"frozen_time": {"1767225600"}}, &clock))
	clockID, _ := clock["id"].(string)
	require.NoError(t, c.Do(ctx, "POST", "/v1/customers", url.Values{"test_clock": {clockID}, "source": {"tok_visa"}}, &cus))
	cusID, _ := cus["id"].(string)
	require.NoError(t, c.Do(ctx, "POST", "/v1/subscriptions", url.Values{"customer": {cusID}, "items[0][price]": {stripetest.DemoPrice}}, &sub))
	require.NoError(t, c.Do(ctx, "POST", "/v1/test_helpers/test_clocks/"+clockID+"/advance", url.Values{"frozen_time": {"1772500000"}}, nil))
	require.NoError(t, c.Do(ctx, "GET", "/v1/test_helpers/test_clocks/"+clockID, nil, nil))
	require.NoError(t, c.Do(ctx, "GET", "/v1/test_helpers/test_clocks", nil, nil))
	require.NoError(t, c.Do(ctx, "GET", "/v1/invoices/"+stripetest.DemoOpenInvoice+"/lines", nil, nil))
	require.NoError(t, c.Do(ctx, "DELETE", "/v1/test_helpers/test_clocks/"+clockID, nil, nil))

	// A webhook endpoint.
	var we map[string]any
	require.NoError(t, c.Do(ctx, "POST", "/v1/webhook_endpoints", url.Values{"url": {"https://example.com/hook"}, "enabled_events[0]": {"invoice.paid"}}, &we))
	weID, _ := we["id"].(string)
	require.NoError(t, c.Do(ctx, "POST", "/v1/webhook_endpoints/"+weID, url.Values{"description": {"hook"}}, nil))
	require.NoError(t, c.Do(ctx, "GET", "/v1/webhook_endpoints/"+weID, nil, nil))
	require.NoError(t, c.Do(ctx, "GET", "/v1/webhook_endpoints", nil, nil))
	require.NoError(t, c.Do(ctx, "DELETE", "/v1/webhook_endpoints/"+weID, nil, nil))

	// Errors: a declined payment (with its payment intent), a 404, a bad param.
	pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	_, err = c.PaymentIntents.Confirm(ctx, pi.ID, &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_chargeDeclined")})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	_, err = c.Customers.Get(ctx, "cus_missing", nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
	_, err = c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(1)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.Error(t, err)
}
