package connector

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// rawEvents returns every event of a type as Stripe sent it, oldest first.
func rawEvents(t *testing.T, c *stripe.Client, typ stripe.EventType) []json.RawMessage {
	t.Helper()
	var out []json.RawMessage
	p := &stripe.EventListParams{Type: &typ, ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(100))}}
	for {
		var resp stripe.Response
		page, err := c.Events.List(stripe.WithResponse(context.Background(), &resp), p)
		require.NoError(t, err)
		var body struct {
			Data []json.RawMessage `json:"data"`
		}
		require.NoError(t, json.Unmarshal(resp.Body, &body))
		out = append(out, body.Data...) // newest first
		if !page.HasMore {
			slices.Reverse(out)
			return out
		}
		p.StartingAfter = &page.Data[len(page.Data)-1].ID
	}
}

// redeliver posts an event to the receiver signed with secret, as Stripe's
// retry of a failed delivery would.
func redeliver(t *testing.T, url string, secret stripe.WebhookSecret, raw json.RawMessage) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	require.NoError(t, err)
	req.Header.Set("Stripe-Signature", stripe.SignPayload(raw, secret.Reveal(), time.Now()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

// Stop the receiver, cause 50 events, restart: catch-up delivers each
// missed event once, and the copies that also arrive by webhook (before or
// after catch-up) are not delivered again.
func TestWebhookCatchUpExactlyOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	// An event from before the subscription is not replayed.
	_, err := e.c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	sub, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	_, err = e.d.Subscribe(ctx, e.c, "", e.url, "trigB", []stripe.EventType{"customer.created", "product.created"})
	require.NoError(t, err)

	for range 5 {
		_, err := e.c.Customers.Create(ctx, nil)
		require.NoError(t, err)
	}
	e.flush(t)
	live, _ := e.got.of("trigA")
	require.Len(t, live, 5, "live deliveries")

	e.down.Store(true)
	for range 50 {
		_, err := e.c.Customers.Create(ctx, nil)
		require.NoError(t, err)
	}
	_, err = e.c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("widget")})
	require.NoError(t, err)
	e.flush(t)
	missed, _ := e.got.of("trigA")
	require.Len(t, missed, 5, "nothing got through while down")
	e.down.Store(false)

	all := rawEvents(t, e.c, "customer.created")
	require.Len(t, all, 56)
	downtime := all[6:]
	// Stripe retries some failed deliveries before catch-up runs...
	for _, raw := range downtime[:10] {
		redeliver(t, e.url, sub.Secret, raw)
	}
	n, err := e.d.CatchUp(ctx, e.c, "trigA")
	require.NoError(t, err)
	assert.Equal(t, 40, n, "the ten redelivered events are not replayed")
	// ...and the rest after it.
	for _, raw := range downtime[10:] {
		redeliver(t, e.url, sub.Secret, raw)
	}
	n, err = e.d.CatchUp(ctx, e.c, "trigA")
	require.NoError(t, err)
	assert.Zero(t, n, "the cursor moved past the replayed events")

	// After the restart, live events arrive by webhook and catch-up alike.
	for range 3 {
		_, err := e.c.Customers.Create(ctx, nil)
		require.NoError(t, err)
	}
	e.flush(t)
	n, err = e.d.CatchUp(ctx, e.c, "trigA")
	require.NoError(t, err)
	assert.Zero(t, n)

	counts, types := e.got.of("trigA")
	require.Len(t, counts, 58, "5 live + 50 missed + 3 after; not the one before subscribing")
	for id, k := range counts {
		assert.Equal(t, 1, k, "event %s delivered %d times", id, k)
	}
	for _, typ := range types {
		assert.Equal(t, "customer.created", typ)
	}
	var first struct{ ID string }
	require.NoError(t, json.Unmarshal(all[0], &first))
	assert.NotContains(t, counts, first.ID)

	// The other trigger on the endpoint got the redelivered customers too
	// (same endpoint); its catch-up, on its own cursor and both its types,
	// adds only the product nobody redelivered.
	n, err = e.d.CatchUp(ctx, e.c, "trigB")
	require.NoError(t, err)
	assert.Equal(t, 1, n, "only the missed product")
	bCounts, _ := e.got.of("trigB")
	require.Len(t, bCounts, 59)
	for id, k := range bCounts {
		assert.Equal(t, 1, k, "event %s delivered %d times to trigB", id, k)
	}

	// The cursor persists: a restored Dispatcher resumes where it stopped.
	saved, ok := e.d.Subscription("trigA")
	require.True(t, ok)
	assert.NotEqual(t, sub.Cursor, saved.Cursor)
	js, err := json.Marshal(saved)
	require.NoError(t, err)
	var back WebhookSubscription
	require.NoError(t, json.Unmarshal(js, &back))
	d2, err := NewDispatcher(e.got.handle, nil, 0)
	require.NoError(t, err)
	require.NoError(t, d2.Restore(back))
	n, err = d2.CatchUp(ctx, e.c, "trigA")
	require.NoError(t, err)
	assert.Zero(t, n, "nothing new after the persisted cursor, even with an empty dedup store")
}

// A handler failure during catch-up leaves the cursor, so the next
// catch-up offers the failed event again; the ones done are not repeated.
func TestWebhookCatchUpRetriesFailures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	calls := map[string]int{}
	fail := "x"
	d, err := NewDispatcher(func(_ context.Context, _ string, ev *stripe.Event, _ json.RawMessage) error {
		calls[ev.ID]++
		if len(calls) == 3 && fail != "" {
			fail = ""
			return assert.AnError
		}
		return nil
	}, nil, 0)
	require.NoError(t, err)
	_, err = d.Subscribe(ctx, e.c, "", e.url, "t", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	e.down.Store(true) // the receiver serves e.d, which knows no trigger
	for range 5 {
		_, err := e.c.Customers.Create(ctx, nil)
		require.NoError(t, err)
	}
	e.flush(t)
	_, err = d.CatchUp(ctx, e.c, "t")
	require.ErrorIs(t, err, assert.AnError)
	n, err := d.CatchUp(ctx, e.c, "t")
	require.NoError(t, err)
	assert.Equal(t, 3, n, "the failed one and the two after it")
	require.Len(t, calls, 5)
	twice := 0
	for _, k := range calls {
		if k == 2 {
			twice++
		}
	}
	assert.Equal(t, 1, twice, "only the failed event was offered again")
}

// Catch-up and redeliveries of the same events running at once still hand
// each event to the trigger exactly once.
func TestWebhookCatchUpConcurrentWithDeliveries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newHookEnv(t)
	sub, err := e.d.Subscribe(ctx, e.c, "", e.url, "trigA", []stripe.EventType{"customer.created"})
	require.NoError(t, err)
	e.down.Store(true)
	for range 30 {
		_, err := e.c.Customers.Create(ctx, nil)
		require.NoError(t, err)
	}
	e.flush(t)
	e.down.Store(false)
	all := rawEvents(t, e.c, "customer.created")
	require.Len(t, all, 30)

	var wg sync.WaitGroup
	codes := make([]int, len(all))
	for i, raw := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, err := http.NewRequest(http.MethodPost, e.url, bytes.NewReader(raw))
			if err != nil {
				return
			}
			req.Header.Set("Stripe-Signature", stripe.SignPayload(raw, sub.Secret.Reveal(), time.Now()))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			codes[i] = resp.StatusCode
			_ = resp.Body.Close()
		}()
	}
	n, err := e.d.CatchUp(ctx, e.c, "trigA")
	wg.Wait()
	require.NoError(t, err)
	for _, code := range codes {
		assert.Contains(t, []int{http.StatusOK, http.StatusConflict}, code, "409 only while catch-up holds the event")
	}
	counts, _ := e.got.of("trigA")
	require.Len(t, counts, 30)
	for id, k := range counts {
		assert.Equal(t, 1, k, "event %s delivered %d times", id, k)
	}
	assert.LessOrEqual(t, n, 30)
}
