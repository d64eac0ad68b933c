package connector

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

func triggerNamed(t *testing.T, name string) PollingTrigger {
	t.Helper()
	triggers := PollingTriggers()
	i := slices.IndexFunc(triggers, func(tr PollingTrigger) bool { return tr.Name == name })
	require.GreaterOrEqual(t, i, 0, name)
	return triggers[i]
}

func TestPollingTriggerCatalog(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	events := map[stripe.EventType]bool{}
	for _, tr := range PollingTriggers() {
		assert.False(t, seen[tr.Name], "duplicate %s", tr.Name)
		seen[tr.Name] = true
		assert.Regexp(t, `^stripe\.(new|on)[A-Z][A-Za-z]+$`, tr.Name)
		assert.NotEmpty(t, tr.Description)
		assert.NotNil(t, tr.NewPoller, tr.Name)
		assert.NotNil(t, tr.Samples, tr.Name)
		if tr.EventType != "" {
			events[tr.EventType] = true
			assert.Equal(t, eventTriggerName(tr.EventType), tr.Name)
		}
	}
	for _, w := range WebhookTriggers() {
		assert.True(t, events[w.Event], "no polling trigger for %s", w.Event)
	}
	for _, name := range []string{"stripe.newCharge", "stripe.newRefund", "stripe.newCustomer", "stripe.newInvoice",
		"stripe.newSubscription", "stripe.newPaymentIntent", "stripe.newCheckoutSession", "stripe.newDispute", "stripe.newEvent", "stripe.onInvoicePaymentFailed"} {
		assert.True(t, seen[name], name)
	}
	assert.Equal(t, "stripe.onCustomerSubscriptionTrialWillEnd", eventTriggerName(stripe.EventCustomerSubscriptionTrialWillEnd))
}

// TestPollingTriggers polls each kind of trigger once against a fixture
// page: the request (path, filters, created[gte] from the cursor), the
// order (oldest first) and the objects exactly as Stripe sent them.
func TestPollingTriggers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path, object string
		filter             url.Values // query beyond the poller's own
	}{
		{"stripe.newCharge", "/v1/charges", "charge", nil},
		{"stripe.newRefund", "/v1/refunds", "refund", nil},
		{"stripe.newCustomer", "/v1/customers", "customer", nil},
		{"stripe.newInvoice", "/v1/invoices", "invoice", nil},
		{"stripe.newSubscription", "/v1/subscriptions", "subscription", url.Values{"status": {"all"}}},
		{"stripe.newPaymentIntent", "/v1/payment_intents", "payment_intent", nil},
		{"stripe.newCheckoutSession", "/v1/checkout/sessions", "checkout.session", nil},
		{"stripe.newDispute", "/v1/disputes", "dispute", nil},
		{"stripe.newEvent", "/v1/events", "event", nil},
		{"stripe.onInvoicePaid", "/v1/events", "event", url.Values{"type": {"invoice.paid"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tr := triggerNamed(t, tc.name)
			c, mt := newTestClient(t)
			body := fmt.Sprintf(`{"object": "list", "has_more": false, "url": %q, "data": [
				{"id": "x_002", "object": %q, "created": 1700000002, "x_unmodeled": {"a": null}, "description": null},
				{"id": "x_001", "object": %q, "created": 1700000001, "x_unmodeled": {"a": null}, "description": null}]}`,
				tc.path, tc.object, tc.object)
			rec := record(mt, body)

			p := tr.NewPoller(c, stripe.PollSince(time.Unix(1000, 0)))
			objs, err := p.Poll(context.Background())
			require.NoError(t, err)
			var ids []string
			for _, o := range objs {
				raw, ok := o.(json.RawMessage)
				require.True(t, ok, "each object as Stripe sent it, got %T", o)
				m := toMap(t, raw)
				ids = append(ids, m["id"].(string))
				assert.Equal(t, map[string]any{"a": nil}, m["x_unmodeled"])
				assert.Contains(t, m, "description")
			}
			assert.Equal(t, []string{"x_001", "x_002"}, ids, "oldest first")
			reqs := rec.sent()
			require.Len(t, reqs, 1)
			assert.Equal(t, tc.path, reqs[0].Path)
			assert.Equal(t, "1000", reqs[0].Query.Get("created[gte]"))
			assert.Equal(t, "100", reqs[0].Query.Get("limit"))
			for k, v := range tc.filter {
				assert.Equal(t, v, reqs[0].Query[k], k)
			}
			if tc.filter == nil {
				assert.Empty(t, reqs[0].Query.Get("type"))
			}
			assert.Equal(t, "x_002", p.Cursor().LastID)
		})
	}
}

func TestTriggerSamples(t *testing.T) {
	t.Parallel()
	tr := triggerNamed(t, "stripe.onInvoicePaid")
	c, mt := newTestClient(t)
	body := withUnmodeled(t, fixture(t, "events_page1.json"))
	rec := record(mt, body)
	samples, err := tr.Samples(context.Background(), c, 3)
	require.NoError(t, err)
	var page struct {
		Data []any `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &page))
	require.Len(t, samples, len(page.Data))
	for i, s := range samples {
		var v any
		require.NoError(t, json.Unmarshal(s, &v))
		assert.Equal(t, page.Data[i], v, "sample %d as Stripe sent it, newest first", i)
	}
	reqs := rec.sent()
	require.Len(t, reqs, 1)
	assert.Equal(t, url.Values{"limit": {"3"}, "type": {"invoice.paid"}}, reqs[0].Query)

	_, err = tr.Samples(context.Background(), c, 0)
	requireConfigError(t, err, "n", CodeInvalidValue)
	_, err = tr.Samples(context.Background(), c, 101)
	requireConfigError(t, err, "n", CodeInvalidValue)
	assert.Len(t, rec.sent(), 1, "a bad n sends nothing")
}
