package connector

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// got records what each trigger's handler received, by trigger and event ID.
type got struct {
	mu     sync.Mutex
	counts map[string]map[string]int
	order  map[string][]string
}

func (g *got) handle(_ context.Context, trigger string, ev *stripe.Event, raw json.RawMessage) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.counts == nil {
		g.counts, g.order = map[string]map[string]int{}, map[string][]string{}
	}
	if g.counts[trigger] == nil {
		g.counts[trigger] = map[string]int{}
	}
	var r struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(raw, &r) != nil || r.ID != ev.ID {
		return fmt.Errorf("raw event does not match %s", ev.ID)
	}
	g.counts[trigger][ev.ID]++
	g.order[trigger] = append(g.order[trigger], string(ev.Type))
	return nil
}

func (g *got) of(trigger string) (map[string]int, []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := map[string]int{}
	for k, v := range g.counts[trigger] {
		m[k] = v
	}
	return m, append([]string(nil), g.order[trigger]...)
}

// hookEnv is stripetest plus a Dispatcher served on a local URL that can
// be taken down (503) and brought back.
type hookEnv struct {
	srv  *stripetest.Server
	c    *stripe.Client
	d    *Dispatcher
	got  *got
	url  string
	down atomic.Bool
	// serve is the Dispatcher the receiver hands deliveries to (d at first).
	serve atomic.Pointer[Dispatcher]
}

func newHookEnv(t *testing.T) *hookEnv {
	t.Helper()
	e := &hookEnv{srv: stripetest.NewServer(t), got: &got{}}
	var err error
	e.c, err = e.srv.Client(stripe.WithMaxRetries(0))
	require.NoError(t, err)
	e.d, err = NewDispatcher(e.got.handle, nil, 0)
	require.NoError(t, err)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if e.down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		e.serve.Load().ServeHTTP(w, r)
	}))
	e.serve.Store(e.d)
	t.Cleanup(hs.Close)
	e.url = hs.URL + "/stripe"
	return e
}

func (e *hookEnv) flush(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	require.NoError(t, e.srv.FlushWebhooks(ctx))
}

func (e *hookEnv) endpoints(t *testing.T) []*stripe.WebhookEndpoint {
	t.Helper()
	var out []*stripe.WebhookEndpoint
	for we, err := range e.c.WebhookEndpoints.All(context.Background(), nil) {
		require.NoError(t, err)
		out = append(out, we)
	}
	return out
}

func TestWebhookTriggerLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)

	// Someone else's endpoint on the same URL.
	foreign, err := e.c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{
		URL: stripe.Ptr(e.url), EnabledEvents: stripe.Array[stripe.EventType]{"customer.created"},
		Metadata: stripe.Metadata{"owner": "someone"}})
	require.NoError(t, err)
	foreign.Secret = ""

	a, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	b, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigB", []stripe.EventType{"customer.updated", "invoice.paid"})
	require.NoError(t, err)
	require.NotEqual(t, foreign.ID, a.EndpointID)
	require.Equal(t, a.EndpointID, b.EndpointID, "one endpoint for the account and URL")
	require.Equal(t, a.Secret, b.Secret)
	require.Regexp(t, `^whsec_`, a.Secret.Reveal())
	require.Len(t, e.endpoints(t), 2)

	we, err := e.c.WebhookEndpoints.Get(ctx, a.EndpointID, nil)
	require.NoError(t, err)
	assert.Equal(t, []stripe.EventType{"customer.created", "customer.updated", "invoice.paid"}, we.EnabledEvents)
	assert.Equal(t, "true", we.Metadata[ManagedMetadataKey])
	assert.Equal(t, stripe.APIVersion, we.APIVersion, "pinned API version")

	cus, err := e.c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = e.c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{Name: stripe.Ptr("Jenny")})
	require.NoError(t, err)
	e.flush(t)
	_, aTypes := e.got.of("trigA")
	_, bTypes := e.got.of("trigB")
	assert.Equal(t, []string{"customer.created"}, aTypes, "routed by type")
	assert.Equal(t, []string{"customer.updated"}, bTypes)

	// Turning B off narrows the endpoint.
	require.NoError(t, e.d.Unsubscribe(ctx, e.c, "trigB"))
	we, err = e.c.WebhookEndpoints.Get(ctx, a.EndpointID, nil)
	require.NoError(t, err)
	assert.Equal(t, []stripe.EventType{"customer.created"}, we.EnabledEvents)
	assert.NotContains(t, we.Metadata, "stripelite_t_trigB")
	_, ok := e.d.Subscription("trigB")
	assert.False(t, ok)

	// A healthy endpoint: Check changes nothing.
	same, err := e.d.Check(ctx, e.c, "trigA")
	require.NoError(t, err)
	assert.Equal(t, a.EndpointID, same.EndpointID)

	// Deleted behind our back: Check recreates it with a new secret.
	_, err = e.c.WebhookEndpoints.Delete(ctx, a.EndpointID, nil)
	require.NoError(t, err)
	fixed, err := e.d.Check(ctx, e.c, "trigA")
	require.NoError(t, err)
	require.NotEqual(t, a.EndpointID, fixed.EndpointID)
	require.NotEqual(t, a.Secret.Reveal(), fixed.Secret.Reveal())
	we, err = e.c.WebhookEndpoints.Get(ctx, fixed.EndpointID, nil)
	require.NoError(t, err)
	assert.Equal(t, []stripe.EventType{"customer.created"}, we.EnabledEvents)
	assert.Equal(t, "true", we.Metadata[ManagedMetadataKey])
	_, err = e.c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	e.flush(t)
	_, aTypes = e.got.of("trigA")
	assert.Len(t, aTypes, 2, "delivered and verified with the new secret")

	// Disabled behind our back: recreated too.
	_, err = e.c.WebhookEndpoints.Update(ctx, fixed.EndpointID, &stripe.WebhookEndpointUpdateParams{Disabled: stripe.Ptr(true)})
	require.NoError(t, err)
	again, err := e.d.Check(ctx, e.c, "trigA")
	require.NoError(t, err)
	require.NotEqual(t, fixed.EndpointID, again.EndpointID)
	require.Len(t, e.endpoints(t), 2, "the disabled one of ours was replaced, not left behind")

	// Both off: our endpoint is deleted; the foreign one is untouched.
	require.NoError(t, e.d.Unsubscribe(ctx, e.c, "trigA"))
	_, err = e.c.WebhookEndpoints.Get(ctx, again.EndpointID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
	left := e.endpoints(t)
	require.Len(t, left, 1)
	assert.Equal(t, foreign, left[0], "an endpoint we did not create is never modified")
	assert.Empty(t, e.d.Subscriptions())
}

// A lost secret for our endpoint (only create returns it) replaces the
// endpoint; a fresh Dispatcher restored from persisted JSON verifies.
func TestWebhookSubscriptionPersistence(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	a, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%v %+v", a, a), a.Secret.Reveal(), "secret redacted when printed")
	js, err := json.Marshal(a)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(js, &m))
	assert.Equal(t, a.Secret.Reveal(), m["secret"])
	assert.Equal(t, a.EndpointID, m["endpointId"])
	assert.Equal(t, []any{"customer.created"}, m["events"])

	var back WebhookSubscription
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, a, back)
	d2, err := NewDispatcher(e.got.handle, nil, 0)
	require.NoError(t, err)
	require.NoError(t, d2.Restore(back))
	e.serve.Store(d2) // a restart: the receiver serves the restored Dispatcher
	_, err = e.c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	e.flush(t)
	_, types := e.got.of("trigA")
	assert.Equal(t, []string{"customer.created"}, types)

	// A third Dispatcher with no state joins our endpoint: it cannot know
	// the secret, so the endpoint is replaced and keeps trigA's events.
	d3, err := NewDispatcher(e.got.handle, nil, 0)
	require.NoError(t, err)
	b, err := d3.Subscribe(ctx, e.c, "", e.url, "trigB", []stripe.EventType{"invoice.paid"})
	require.NoError(t, err)
	require.NotEqual(t, a.EndpointID, b.EndpointID)
	eps := e.endpoints(t)
	require.Len(t, eps, 1)
	assert.Equal(t, []stripe.EventType{"customer.created", "invoice.paid"}, eps[0].EnabledEvents)
	assert.Equal(t, "customer.created", eps[0].Metadata["stripelite_t_trigA"])
}

func TestWebhookSubscribeRejectsBadInput(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	for name, tc := range map[string]struct {
		url, id string
		events  []stripe.EventType
	}{
		"long id":     {e.url, "a23456789012345678901234567x", []stripe.EventType{"customer.created"}},
		"bad id":      {e.url, "a/b", []stripe.EventType{"customer.created"}},
		"no events":   {e.url, "t", nil},
		"comma event": {e.url, "t", []stripe.EventType{"a,b"}},
		"ftp url":     {"ftp://x", "t", []stripe.EventType{"customer.created"}},
	} {
		_, err := e.d.Subscribe(ctx, e.c, "", tc.url, tc.id, tc.events)
		assert.Error(t, err, name)
	}
	assert.Empty(t, e.endpoints(t), "nothing sent")
	_, err := NewDispatcher(nil, nil, 0)
	assert.Error(t, err)
	_, err = e.d.CatchUp(ctx, e.c, "nope")
	assert.Error(t, err)
	_, err = e.d.Check(ctx, e.c, "nope")
	assert.Error(t, err)
	assert.NoError(t, e.d.Unsubscribe(ctx, e.c, "nope"))
}

// A delivery signed with no secret of ours is refused.
func TestDispatcherRejectsBadSignature(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	_, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	payload := []byte(`{"id":"evt_1","object":"event","type":"customer.created","data":{"object":{}}}`)
	req := httptest.NewRequest(http.MethodPost, "/stripe", bytes.NewReader(payload))
	req.Header.Set("Stripe-Signature", stripe.SignPayload(payload, "whsec_wrong", time.Now()))
	rr := httptest.NewRecorder()
	e.d.ServeHTTP(rr, req)
	assert.Equal(t, http.StatusBadRequest, rr.Code)
	counts, _ := e.got.of("trigA")
	assert.Empty(t, counts)
}

// Check repairing a shared endpoint moves every trigger on it, and the
// new endpoint holds the union of their events.
func TestWebhookCheckRepairsSharedEndpoint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	a, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	_, err = e.d.Subscribe(ctx, e.c, "", e.url, "trigB", []stripe.EventType{"product.created"})
	require.NoError(t, err)
	_, err = e.c.WebhookEndpoints.Delete(ctx, a.EndpointID, nil)
	require.NoError(t, err)

	fixed, err := e.d.Check(ctx, e.c, "trigA")
	require.NoError(t, err)
	b, ok := e.d.Subscription("trigB")
	require.True(t, ok)
	assert.Equal(t, fixed.EndpointID, b.EndpointID)
	assert.Equal(t, fixed.Secret, b.Secret)
	eps := e.endpoints(t)
	require.Len(t, eps, 1)
	assert.Equal(t, []stripe.EventType{"customer.created", "product.created"}, eps[0].EnabledEvents)
	same, err := e.d.Check(ctx, e.c, "trigB")
	require.NoError(t, err)
	assert.Equal(t, fixed.EndpointID, same.EndpointID, "already repaired")

	_, err = e.c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("widget")})
	require.NoError(t, err)
	e.flush(t)
	_, types := e.got.of("trigB")
	assert.Equal(t, []string{"product.created"}, types)
}

// A subscription that names an endpoint we did not create (restored from
// a bad state file, say) gets an endpoint of its own from Check; the
// foreign one is neither updated nor deleted, also by Unsubscribe.
func TestWebhookCheckLeavesForeignEndpoint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	foreign, err := e.c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{
		URL: stripe.Ptr(e.url), EnabledEvents: stripe.Array[stripe.EventType]{"charge.succeeded"}})
	require.NoError(t, err)
	foreign.Secret = ""
	require.NoError(t, e.d.Restore(WebhookSubscription{TriggerID: "trigA", URL: e.url, EndpointID: foreign.ID,
		Secret: "whsec_stale", Events: []stripe.EventType{"customer.created"}}))

	fixed, err := e.d.Check(ctx, e.c, "trigA")
	require.NoError(t, err)
	require.NotEqual(t, foreign.ID, fixed.EndpointID)
	require.NoError(t, e.d.Unsubscribe(ctx, e.c, "trigA"))
	eps := e.endpoints(t)
	require.Len(t, eps, 1)
	assert.Equal(t, foreign, eps[0])
}
