package redisstore

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// object is a minimal Stripe object for a Poller.
type object struct {
	ID      string
	Created int64
}

// source is an in-memory Stripe list, newest first, paged as Stripe does.
type source struct {
	mu   sync.Mutex
	objs []object // oldest first
}

func (s *source) add(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		i := len(s.objs)
		s.objs = append(s.objs, object{ID: fmt.Sprintf("obj_%05d", i), Created: 1_700_000_000 + int64(i/3)})
	}
}

func (s *source) list(_ context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[object], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var newestFirst []object
	for i := len(s.objs) - 1; i >= 0; i-- {
		if created != nil && created.GTE != nil && s.objs[i].Created < *created.GTE {
			continue
		}
		newestFirst = append(newestFirst, s.objs[i])
	}
	limit := 10
	if lp.Limit != nil {
		limit = int(*lp.Limit)
	}
	index := func(id string) int {
		return slices.IndexFunc(newestFirst, func(o object) bool { return o.ID == id })
	}
	var page []object
	hasMore := false
	switch {
	case lp.EndingBefore != nil: // the objects just newer than it
		end := index(*lp.EndingBefore)
		if end < 0 {
			return nil, &stripe.Error{HTTPStatus: 404, Code: "resource_missing"}
		}
		start := max(end-limit, 0)
		page, hasMore = newestFirst[start:end], start > 0
	case lp.StartingAfter != nil:
		start := index(*lp.StartingAfter) + 1
		end := min(start+limit, len(newestFirst))
		page, hasMore = newestFirst[start:end], end < len(newestFirst)
	default:
		end := min(limit, len(newestFirst))
		page, hasMore = newestFirst[:end], end < len(newestFirst)
	}
	return &stripe.List[object]{Data: slices.Clone(page), HasMore: hasMore}, nil
}

func newTestLeases(t *testing.T, srv *redisServer, ttl time.Duration) *PollLeases {
	t.Helper()
	p, err := NewPollLeases(srv.client(t), ttl, WithPrefix(t.Name()+":"))
	require.NoError(t, err)
	return p
}

func TestPollTwoWorkersDeliverEachObjectOnce(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	src := &source{}
	var mu sync.Mutex
	delivered := map[string]int{}
	var order []string
	const total = 600

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for w := range 2 {
		leases := newTestLeases(t, srv, 5*time.Second) // each worker its own connection
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				_, err := Poll(ctx, leases, "trigger_1", stripe.PollSince(time.Unix(1, 0)), src.list,
					func(_ context.Context, objs []*object) error {
						mu.Lock()
						defer mu.Unlock()
						for _, o := range objs {
							delivered[o.ID]++
							order = append(order, o.ID)
						}
						return nil
					})
				if err != nil && ctx.Err() == nil {
					t.Errorf("worker %d: %v", w, err)
					return
				}
			}
		}()
	}
	for range total / 20 { // objects keep arriving while the workers race
		src.add(20)
		time.Sleep(5 * time.Millisecond)
	}
	eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(delivered) == total
	}, "every object delivered")
	cancel()
	wg.Wait()
	for id, n := range delivered {
		assert.Equal(t, 1, n, id)
	}
	assert.Len(t, order, total)
	assert.True(t, slices.IsSorted(order), "delivered oldest first")
}

func TestPollLeaseFencing(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	ctx := context.Background()
	leases := newTestLeases(t, srv, time.Minute)
	rdb := srv.client(t)
	leaseKey, _, _ := leases.keys("trigger_1")

	a, err := leases.Acquire(ctx, "trigger_1")
	require.NoError(t, err)
	_, err = leases.Acquire(ctx, "trigger_1")
	assert.ErrorIs(t, err, ErrLeaseHeld)
	old := stripe.PollCursor{LastID: "obj_1", Created: 1}
	require.NoError(t, a.Save(ctx, old))

	// a pauses past its lease: the lease expires (made to happen now rather
	// than waiting a minute) and b takes it and moves the cursor on.
	require.NoError(t, rdb.PExpire(ctx, leaseKey, time.Millisecond).Err())
	eventually(t, func() bool { return rdb.Exists(ctx, leaseKey).Val() == 0 }, "lease expired")
	assert.ErrorIs(t, a.Save(ctx, stripe.PollCursor{LastID: "obj_2", Created: 2}), ErrLeaseLost, "an expired lease writes nothing")
	b, err := leases.Acquire(ctx, "trigger_1")
	require.NoError(t, err)
	assert.Greater(t, b.Fence(), a.Fence())
	newer := stripe.PollCursor{LastID: "obj_9", Created: 9, SeenIDs: []string{"obj_9"}}
	require.NoError(t, b.Save(ctx, newer))

	// a wakes up and tries to write its older cursor: refused.
	assert.ErrorIs(t, a.Save(ctx, old), ErrLeaseLost)
	assert.ErrorIs(t, a.Renew(ctx), ErrLeaseLost)
	require.NoError(t, a.Release(ctx), "releasing a lost lease is a no-op")
	got, ok, err := b.Cursor(ctx)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, newer, got)

	// Even with the lease free again, a's fence is older than the cursor's.
	require.NoError(t, b.Release(ctx))
	require.NoError(t, rdb.Set(ctx, leaseKey, a.fenceArg(), time.Minute).Err()) // as if a still held it
	assert.ErrorIs(t, a.Save(ctx, old), ErrLeaseLost)
	got, _, err = b.Cursor(ctx)
	require.NoError(t, err)
	assert.Equal(t, newer, got)
}

func TestPollLostLeaseCancelsDelivery(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	leases := newTestLeases(t, srv, 300*time.Millisecond)
	rdb := srv.client(t)
	leaseKey, _, _ := leases.keys("trigger_1")
	src := &source{}
	src.add(3)
	polled, err := Poll(context.Background(), leases, "trigger_1", stripe.PollSince(time.Unix(1, 0)), src.list,
		func(ctx context.Context, objs []*object) error {
			rdb.Del(ctx, leaseKey) // the lease is lost mid-delivery
			<-ctx.Done()           // the renewer notices and cancels us
			return ctx.Err()
		})
	assert.True(t, polled)
	assert.ErrorIs(t, err, ErrLeaseLost)
	_, _, cursorKey := leases.keys("trigger_1")
	assert.Zero(t, rdb.Exists(context.Background(), cursorKey).Val(), "no cursor written")
}

func TestPollWithRedisDownTakesNoLease(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	leases := newTestLeases(t, srv, time.Second)
	srv.stop()
	src := &source{}
	src.add(3)
	called := false
	polled, err := Poll(context.Background(), leases, "trigger_1", stripe.PollCursor{}, src.list,
		func(context.Context, []*object) error { called = true; return nil })
	assert.False(t, polled)
	assert.Error(t, err)
	assert.False(t, called)
}
