package redisstore

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

const webhookSecret = "whsec_test_secret"

func newTestDedup(t *testing.T, srv *redisServer, claimTTL time.Duration) *DedupStore {
	t.Helper()
	s, err := NewDedupStore(srv.client(t), claimTTL, WithPrefix(t.Name()+":"))
	require.NoError(t, err)
	return s
}

// eventually polls cond every 20 ms for up to 10 s (a ceiling, not a
// timing assertion).
func eventually(t *testing.T, cond func() bool, msg string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s", msg)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestDedupStoreBehavesAsMemoryStore(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	ctx := context.Background()
	stores := map[string]stripe.WebhookDedupStore{
		"memory": stripe.NewMemoryDedupStore(10),
		"redis":  newTestDedup(t, srv, 0),
	}
	for name, s := range stores {
		claim := func() stripe.WebhookClaim {
			c, err := s.Claim(ctx, "evt_1")
			require.NoError(t, err, name)
			return c
		}
		assert.Equal(t, stripe.WebhookClaimed, claim(), name)
		assert.Equal(t, stripe.WebhookInProgress, claim(), name)
		require.NoError(t, s.Release(ctx, "evt_1"))
		assert.Equal(t, stripe.WebhookClaimed, claim(), name, "a released event is claimed again")
		require.NoError(t, s.Done(ctx, "evt_1", time.Hour))
		assert.Equal(t, stripe.WebhookAlreadyDone, claim(), name)
		require.NoError(t, s.Release(ctx, "evt_1"))
		assert.Equal(t, stripe.WebhookAlreadyDone, claim(), name, "Release does not undo Done")
	}

	// Done expires with its window.
	s := stores["redis"]
	c, err := s.Claim(ctx, "evt_2")
	require.NoError(t, err)
	require.Equal(t, stripe.WebhookClaimed, c)
	require.NoError(t, s.Done(ctx, "evt_2", 50*time.Millisecond))
	eventually(t, func() bool {
		c, err := s.Claim(ctx, "evt_2")
		return err == nil && c == stripe.WebhookClaimed
	}, "event claimable after its window")
}

func TestDedupClaimOfACrashedClaimantExpires(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	ctx := context.Background()
	a := newTestDedup(t, srv, 300*time.Millisecond)
	b := newTestDedup(t, srv, 300*time.Millisecond)
	c, err := a.Claim(ctx, "evt_1")
	require.NoError(t, err)
	require.Equal(t, stripe.WebhookClaimed, c)
	c, err = b.Claim(ctx, "evt_1")
	require.NoError(t, err)
	assert.Equal(t, stripe.WebhookInProgress, c)

	a.stop("evt_1") // a dies: its claim is no longer renewed, nor released
	eventually(t, func() bool {
		c, err := b.Claim(ctx, "evt_1")
		return err == nil && c == stripe.WebhookClaimed
	}, "b claims the event once a's claim lapsed")
	// a's late Release cannot free b's claim.
	require.NoError(t, a.Release(ctx, "evt_1"))
	c, err = a.Claim(ctx, "evt_1")
	require.NoError(t, err)
	assert.Equal(t, stripe.WebhookInProgress, c)
	require.NoError(t, b.Done(ctx, "evt_1", time.Hour))
}

func TestDedupClaimIsRenewedWhileHeld(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	ctx := context.Background()
	a := newTestDedup(t, srv, 900*time.Millisecond)
	b := newTestDedup(t, srv, 900*time.Millisecond)
	c, err := a.Claim(ctx, "evt_1")
	require.NoError(t, err)
	require.Equal(t, stripe.WebhookClaimed, c)
	time.Sleep(2 * time.Second) // over twice the TTL; renewed every 300 ms
	c, err = b.Claim(ctx, "evt_1")
	require.NoError(t, err)
	assert.Equal(t, stripe.WebhookInProgress, c)
	require.NoError(t, a.Release(ctx, "evt_1"))
}

// signedEvent returns an event body and its Stripe-Signature header.
func signedEvent(id string) ([]byte, string) {
	body := []byte(fmt.Sprintf(`{"id":%q,"object":"event","type":"invoice.paid","api_version":%q,"created":1700000000,"data":{"object":{"id":"in_1","object":"invoice"}}}`, id, stripe.APIVersion))
	return body, stripe.SignPayload(body, webhookSecret, time.Now())
}

func deliver(t *testing.T, url, id string) int {
	t.Helper()
	body, sig := signedEvent(id)
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	require.NoError(t, err)
	req.Header.Set("Stripe-Signature", sig)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookEventDeliveredToThreeInstancesRunsOnce(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	var runs atomic.Int64
	inside := make(chan struct{})
	proceed := make(chan struct{})
	var urls []string
	for range 3 { // three instances, each with its own store and connection
		store := newTestDedup(t, srv, 0)
		h := stripe.WebhookHandler(webhookSecret, func(ctx context.Context, ev *stripe.Event) error {
			runs.Add(1)
			close(inside)
			<-proceed
			return nil
		}, stripe.WithWebhookDedup(store, time.Hour))
		ts := httptest.NewServer(h)
		t.Cleanup(ts.Close)
		urls = append(urls, ts.URL)
	}

	var wg sync.WaitGroup
	var mu sync.Mutex
	var codes []int
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code := deliver(t, u, "evt_once")
			mu.Lock()
			codes = append(codes, code)
			mu.Unlock()
		}()
	}
	<-inside // one instance runs the callback; the others answer 409
	eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(codes) == 2
	}, "two instances answered while the callback ran")
	close(proceed)
	wg.Wait()
	assert.ElementsMatch(t, []int{200, 409, 409}, codes)
	for _, u := range urls { // Stripe redelivers the 409s: answered 200, not run
		assert.Equal(t, http.StatusOK, deliver(t, u, "evt_once"))
	}
	assert.Equal(t, int64(1), runs.Load())
}

func TestWebhookRedisDownAnswers500(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	store := newTestDedup(t, srv, 0)
	var runs atomic.Int64
	ts := httptest.NewServer(stripe.WebhookHandler(webhookSecret, func(context.Context, *stripe.Event) error {
		runs.Add(1)
		return nil
	}, stripe.WithWebhookDedup(store, time.Hour)))
	defer ts.Close()
	srv.stop()
	assert.Equal(t, http.StatusInternalServerError, deliver(t, ts.URL, "evt_down"), "Stripe will deliver it again")
	assert.Zero(t, runs.Load(), "not run without de-duplication")
}
