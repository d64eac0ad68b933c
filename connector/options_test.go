package connector

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// TestActionsEnvelope runs every action case with a step's idempotency key
// and connected account, and checks on the wire that every request carries
// the account and every POST the key; no action sends two POSTs, so the
// key is never reused for a different request.
func TestActionsEnvelope(t *testing.T) {
	t.Parallel()
	for name, cases := range actionCases {
		for _, tc := range cases {
			t.Run(strings.TrimPrefix(name, "stripe.")+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				c, mt := newTestClient(t)
				var bodies []string
				for _, r := range tc.replies {
					bodies = append(bodies, replyBody(t, r))
				}
				rec := record(mt, bodies...)
				_, err := Run(context.Background(), c, name, json.RawMessage(tc.config),
					WithIdempotencyKey("step-42-key"), WithStripeAccount("acct_1Connected"))
				require.NoError(t, err)
				reqs := rec.sent()
				require.NotEmpty(t, reqs)
				posts := 0
				for i, r := range reqs {
					assert.Equal(t, "acct_1Connected", r.Header.Get("Stripe-Account"), "request %d %s %s", i, r.Method, r.Path)
					if r.Method == http.MethodPost {
						posts++
						assert.Equal(t, "step-42-key", r.Header.Get("Idempotency-Key"), "request %d %s", i, r.Path)
					}
				}
				assert.LessOrEqual(t, posts, 1, "an action sends at most one POST")
			})
		}
	}
}

// TestEnvelopeDefaults: without options no Stripe-Account is sent and each
// POST gets the client's own generated key.
func TestEnvelopeDefaults(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := record(mt, fixture(t, "charge.json"))
	for range 2 {
		_, err := Run(context.Background(), c, "stripe.createCharge", json.RawMessage(`{"amount": 100, "currency": "usd", "source": "tok_visa"}`),
			WithIdempotencyKey(""), WithStripeAccount(""))
		require.NoError(t, err)
	}
	reqs := rec.sent()
	require.Len(t, reqs, 2)
	assert.Empty(t, reqs[0].Header.Get("Stripe-Account"))
	assert.NotEmpty(t, reqs[0].Header.Get("Idempotency-Key"))
	assert.NotEqual(t, reqs[0].Header.Get("Idempotency-Key"), reqs[1].Header.Get("Idempotency-Key"))
}

// TestRerunSameKeyChargesOnce re-runs a createCharge step with the same
// idempotency key against stripetest: the second run replays the first
// charge instead of making another. A new key makes a new charge.
func TestRerunSameKeyChargesOnce(t *testing.T) {
	t.Parallel()
	srv := stripetest.New()
	t.Cleanup(srv.Close)
	c, err := srv.Client(stripe.WithMaxRetries(0))
	require.NoError(t, err)
	ctx := context.Background()
	cfg := json.RawMessage(`{"amount": 2000, "currency": "usd", "source": "tok_visa"}`)

	chargeID := func(out any) string { return toMap(t, out)["id"].(string) }
	first, err := Run(ctx, c, "stripe.createCharge", cfg, WithIdempotencyKey("wf-7-step-2"))
	require.NoError(t, err)
	again, err := Run(ctx, c, "stripe.createCharge", cfg, WithIdempotencyKey("wf-7-step-2"))
	require.NoError(t, err)
	assert.Equal(t, chargeID(first), chargeID(again))

	page, err := c.Charges.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, page.Data, 1, "one charge for two runs with one key")

	other, err := Run(ctx, c, "stripe.createCharge", cfg, WithIdempotencyKey("wf-7-step-2-retry-as-new"))
	require.NoError(t, err)
	assert.NotEqual(t, chargeID(first), chargeID(other))
	page, err = c.Charges.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
}

func TestEnvelopeBadOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opt   Option
		field string
	}{
		{"key too long", WithIdempotencyKey(strings.Repeat("k", 256)), "idempotencyKey"},
		{"key with newline", WithIdempotencyKey("a\nb"), "idempotencyKey"},
		{"key not ASCII", WithIdempotencyKey("schlüssel"), "idempotencyKey"},
		{"account not acct_", WithStripeAccount("cus_123"), "stripeAccount"},
		{"account with CR", WithStripeAccount("acct_1\r\nX-Evil: 1"), "stripeAccount"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := record(mt)
			_, err := Run(context.Background(), c, "stripe.createCharge", json.RawMessage(`{"amount": 100, "currency": "usd", "source": "tok_visa"}`), tc.opt)
			ce := requireConfigError(t, err, tc.field, CodeInvalidValue)
			assert.Equal(t, "stripe.createCharge", ce.Action)
			assert.Empty(t, rec.sent())
		})
	}
	// A nil option is ignored.
	c, mt := newTestClient(t)
	record(mt, fixture(t, "balance.json"))
	_, err := Run(context.Background(), c, "stripe.getBalance", nil, nil)
	require.NoError(t, err)
}
