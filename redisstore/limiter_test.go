package redisstore

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// waitLog replaces a Limiter's sleep: it records the waits asked for and
// returns at once.
type waitLog struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (w *waitLog) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waits = append(w.waits, d)
	return ctx.Err()
}

func (w *waitLog) last() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.waits) == 0 {
		return 0
	}
	return w.waits[len(w.waits)-1]
}

func newTestLimiter(t *testing.T, srv *redisServer, limits stripe.Limits, opts ...Option) (*Limiter, *waitLog) {
	t.Helper()
	l, err := NewLimiter(srv.client(t), limits, append([]Option{WithPrefix(t.Name() + ":")}, opts...)...)
	require.NoError(t, err)
	w := &waitLog{}
	l.sleep = w.sleep
	return l, w
}

// slot is when the limiter let one request run, as offsets from the
// start: between lo and hi, because its clock was read somewhere in the
// call (wait is what it asked to sleep).
type slot struct {
	lo, hi, wait time.Duration
}

// scheduled makes n requests, alternating between two limiters sharing one
// Redis (as two processes would), and returns when each was let run.
func scheduled(t *testing.T, srv *redisServer, limits stripe.Limits, n int, req func(i int) stripe.LimitRequest) []slot {
	t.Helper()
	a, wa := newTestLimiter(t, srv, limits)
	b, wb := newTestLimiter(t, srv, limits)
	start := time.Now()
	var slots []slot
	for i := range n {
		l, w := a, wa
		if i%2 == 1 {
			l, w = b, wb
		}
		before := len(w.waits)
		lo := time.Since(start)
		_, err := l.Wait(context.Background(), req(i))
		require.NoError(t, err)
		hi := time.Since(start)
		var d time.Duration
		if len(w.waits) > before {
			d = w.last()
		}
		slots = append(slots, slot{lo + d, hi + d, d})
	}
	return slots
}

// assertSpaced checks that requests were let run at most one per interval
// (a busy machine only spreads them further apart), and that none waited
// longer than a full queue of them would.
func assertSpaced(t *testing.T, slots []slot, interval time.Duration) {
	t.Helper()
	const rounding = 2 * time.Millisecond
	for i := 1; i < len(slots); i++ {
		assert.GreaterOrEqual(t, slots[i].hi-slots[i-1].lo, interval-rounding, "request %d runs an interval after the one before", i)
	}
	for i, sl := range slots {
		assert.LessOrEqual(t, sl.wait, time.Duration(i)*interval, "request %d waits no longer than the queue before it", i)
	}
}

func TestLimiterGlobalBucketIsSharedPerAccount(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	limits := stripe.Limits{Global: 10, Endpoint: 5}
	// Ten endpoints, one request each: only the global 10/s binds.
	slots := scheduled(t, srv, limits, 10, func(i int) stripe.LimitRequest {
		return stripe.LimitRequest{Method: "GET", Endpoint: fmt.Sprintf("/v1/x%d", i)}
	})
	assertSpaced(t, slots, 100*time.Millisecond)

	// A connected account has buckets of its own: no wait at all.
	l, w := newTestLimiter(t, srv, limits)
	_, err := l.Wait(context.Background(), stripe.LimitRequest{Account: "acct_1", Method: "GET", Endpoint: "/v1/x0"})
	require.NoError(t, err)
	assert.Empty(t, w.waits, "acct_1 waited")

	// State lives in Redis with a TTL, so idle accounts and endpoints vanish.
	ctx := context.Background()
	rdb := srv.client(t)
	keys, err := rdb.Keys(ctx, t.Name()+":*").Result()
	require.NoError(t, err)
	assert.Len(t, keys, 10+1+2)
	assert.Contains(t, keys, t.Name()+":limit:{_}:g")
	assert.Contains(t, keys, t.Name()+":limit:{_}:e:GET /v1/x3")
	assert.Contains(t, keys, t.Name()+":limit:{acct_1}:g")
	for _, k := range keys {
		ttl, err := rdb.PTTL(ctx, k).Result()
		require.NoError(t, err)
		assert.Greater(t, ttl, time.Duration(0), k)
		assert.LessOrEqual(t, ttl, 3*time.Second, k)
	}
}

func TestLimiterEndpointBucketIgnoresIDs(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	// The client sends one endpoint's path template whatever the ID.
	slots := scheduled(t, srv, stripe.Limits{Endpoint: 5}, 8, func(int) stripe.LimitRequest {
		return stripe.LimitRequest{Method: "GET", Endpoint: "/v1/customers/{customer}"}
	})
	assertSpaced(t, slots, 200*time.Millisecond)

	// Search is stricter.
	slots = scheduled(t, srv, stripe.Limits{Endpoint: 25, Strict: 20}, 5, func(int) stripe.LimitRequest {
		return stripe.LimitRequest{Method: "GET", Endpoint: "/v1/charges/search"}
	})
	assertSpaced(t, slots, 50*time.Millisecond)
}

func TestLimiterGivesBackASlotItDidNotUse(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	l, w := newTestLimiter(t, srv, stripe.Limits{Global: 1})
	req := stripe.LimitRequest{Method: "GET", Endpoint: "/v1/balance"}
	_, err := l.Wait(context.Background(), req)
	require.NoError(t, err)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err = l.Wait(ctx, req)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = l.Wait(context.Background(), req)
	require.NoError(t, err)
	assert.LessOrEqual(t, w.last(), time.Second, "the canceled request's slot was given back")
}

func TestLimiterFallsBackWhenRedisIsDown(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	l, _ := newTestLimiter(t, srv, stripe.Limits{Global: 1000, MaxInFlight: 4}, WithLogger(logger))
	req := stripe.LimitRequest{Method: "GET", Endpoint: "/v1/balance"}
	release, err := l.Wait(context.Background(), req)
	require.NoError(t, err)
	release()

	srv.stop()
	for range 20 {
		release, err := l.Wait(context.Background(), req)
		require.NoError(t, err, "the local limiter takes over")
		require.NotNil(t, release)
		release()
	}
	l.downUntil.Store(0) // as if the retry interval had passed: Redis is tried again
	_, err = l.Wait(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), "one warning per outage:\n%s", logs.String())
	assert.Contains(t, logs.String(), "Redis unreachable")
	assert.NotContains(t, logs.String(), "sk_")
}

func TestNewLimiterRejectsBadInput(t *testing.T) {
	t.Parallel()
	_, err := NewLimiter(nil, stripe.DefaultLimits(true))
	assert.Error(t, err)
}
