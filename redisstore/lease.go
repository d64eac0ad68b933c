package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stripelite/stripe"
)

// Poll lease errors, for errors.Is.
var (
	// ErrLeaseHeld: another worker holds the trigger's lease.
	ErrLeaseHeld = errors.New("redisstore: the poll lease is held by another worker")
	// ErrLeaseLost: the lease expired (and may have been taken by another
	// worker), so this worker may no longer write the cursor.
	ErrLeaseLost = errors.New("redisstore: the poll lease was lost")
)

// acquireScript: KEYS lease, fence counter; ARGV[1] the TTL in ms. Returns
// the new fencing token, or 0 if the lease is held.
var acquireScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local f = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], f, 'PX', ARGV[1])
return f
`)

// saveScript: KEYS lease, cursor; ARGV fence, cursor JSON, TTL in ms. It
// writes the cursor only while the lease holds this fence and no cursor of
// a later fence is stored, and renews the lease. Returns 1 if written.
var saveScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local f = tonumber(redis.call('HGET', KEYS[2], 'fence') or '0')
if f > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], 'fence', ARGV[1], 'cursor', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`)

// leaseScript renews (ARGV[2] = TTL in ms) or, with ARGV[2] = 'release',
// deletes the lease if it still holds fence ARGV[1]. Returns 1 if it did.
var leaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'release' then
	redis.call('DEL', KEYS[1])
else
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
`)

// PollLeases hands out leases on poll triggers (any name: a connector's
// trigger ID, "charges:acct_1", ...), so that of several workers only one
// polls a trigger at a time, and keeps each trigger's stripe.PollCursor
// beside its lease. Every lease carries a fencing token, larger than any
// before it; a cursor is written only under the current lease and never
// over one written under a later lease, so a worker that was paused past
// its lease cannot move the cursor back.
type PollLeases struct {
	rdb redis.UniversalClient
	o   options
	ttl time.Duration
}

// NewPollLeases returns leases that last ttl unless renewed.
func NewPollLeases(rdb redis.UniversalClient, ttl time.Duration, opts ...Option) (*PollLeases, error) {
	if rdb == nil {
		return nil, errors.New("redisstore: NewPollLeases: nil Redis client")
	}
	if ttl < 10*time.Millisecond {
		return nil, fmt.Errorf("redisstore: NewPollLeases: lease TTL %v is too short", ttl)
	}
	return &PollLeases{rdb: rdb, o: newOptions(opts), ttl: ttl}, nil
}

func (p *PollLeases) keys(trigger string) (lease, fence, cursor string) {
	base := p.o.prefix + "poll:" + tag(trigger) + ":"
	return base + "lease", base + "fence", base + "cursor"
}

// Lease is one worker's hold on a trigger, valid for the TTL from when it
// was acquired, renewed or last saved a cursor.
type Lease struct {
	p       *PollLeases
	trigger string
	fence   int64
}

// Acquire takes the lease on trigger. It returns ErrLeaseHeld if another
// worker holds it, and any Redis error as it is: no lease is granted
// without Redis.
func (p *PollLeases) Acquire(ctx context.Context, trigger string) (*Lease, error) {
	if trigger == "" {
		return nil, errors.New("redisstore: Acquire: empty trigger")
	}
	lease, fence, _ := p.keys(trigger)
	f, err := acquireScript.Run(ctx, p.rdb, []string{lease, fence}, p.ttl.Milliseconds()).Int64()
	if err != nil {
		return nil, fmt.Errorf("redisstore: acquiring poll lease: %w", err)
	}
	if f == 0 {
		return nil, ErrLeaseHeld
	}
	return &Lease{p: p, trigger: trigger, fence: f}, nil
}

// Fence returns the lease's fencing token.
func (l *Lease) Fence() int64 { return l.fence }

// Cursor returns the trigger's stored cursor; ok is false if none was saved.
func (l *Lease) Cursor(ctx context.Context) (cur stripe.PollCursor, ok bool, err error) {
	_, _, key := l.p.keys(l.trigger)
	raw, err := l.p.rdb.HGet(ctx, key, "cursor").Result()
	if errors.Is(err, redis.Nil) {
		return cur, false, nil
	}
	if err != nil {
		return cur, false, fmt.Errorf("redisstore: reading poll cursor: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &cur); err != nil {
		return cur, false, fmt.Errorf("redisstore: decoding poll cursor: %w", err)
	}
	return cur, true, nil
}

// Save stores cur as the trigger's cursor and renews the lease. It returns
// ErrLeaseLost, writing nothing, if the lease has expired.
func (l *Lease) Save(ctx context.Context, cur stripe.PollCursor) error {
	b, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	lease, _, key := l.p.keys(l.trigger)
	ok, err := saveScript.Run(ctx, l.p.rdb, []string{lease, key}, l.fenceArg(), string(b), l.p.ttl.Milliseconds()).Int()
	if err != nil {
		return fmt.Errorf("redisstore: saving poll cursor: %w", err)
	}
	if ok == 0 {
		return ErrLeaseLost
	}
	return nil
}

// Renew extends the lease by its TTL, or returns ErrLeaseLost.
func (l *Lease) Renew(ctx context.Context) error {
	return l.run(ctx, strconv.FormatInt(l.p.ttl.Milliseconds(), 10))
}

// Release gives the lease up, if it is still held.
func (l *Lease) Release(ctx context.Context) error {
	err := l.run(ctx, "release")
	if errors.Is(err, ErrLeaseLost) {
		return nil
	}
	return err
}

func (l *Lease) run(ctx context.Context, arg string) error {
	lease, _, _ := l.p.keys(l.trigger)
	ok, err := leaseScript.Run(ctx, l.p.rdb, []string{lease}, l.fenceArg(), arg).Int()
	if err != nil {
		return fmt.Errorf("redisstore: poll lease: %w", err)
	}
	if ok == 0 {
		return ErrLeaseLost
	}
	return nil
}

func (l *Lease) fenceArg() string { return strconv.FormatInt(l.fence, 10) }

// Poll runs one poll of trigger under its lease: it takes the lease (or
// returns false and no error if another worker holds it), resumes at the
// stored cursor (start if there is none), polls with list, hands the new
// objects, oldest first, to deliver, and stores the cursor past them. The
// lease is renewed while deliver runs; if it is lost, the context passed
// to deliver is canceled and the cursor is not written (ErrLeaseLost), so
// the next holder delivers those objects again: delivery is at least once,
// and exactly once while leases do not expire mid-poll. The lease is
// released when Poll returns.
func Poll[T any](ctx context.Context, leases *PollLeases, trigger string, start stripe.PollCursor,
	list stripe.PollListFunc[T], deliver func(ctx context.Context, objs []*T) error) (polled bool, err error) {
	l, err := leases.Acquire(ctx, trigger)
	if errors.Is(err, ErrLeaseHeld) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stopped := make(chan struct{})
	defer func() {
		cancel(nil)
		<-stopped
		rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), leases.ttl)
		defer rcancel()
		_ = l.Release(rctx)
	}()
	go func() { // keep the lease while we work
		defer close(stopped)
		tick := time.NewTicker(leases.ttl / 3)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if err := l.Renew(ctx); errors.Is(err, ErrLeaseLost) {
				cancel(ErrLeaseLost)
				return
			}
		}
	}()

	cur, ok, err := l.Cursor(ctx)
	if err != nil {
		return true, err
	}
	if !ok {
		cur = start
	}
	p := stripe.NewPoller(cur, list)
	objs, err := p.Poll(ctx)
	if err != nil {
		return true, leaseErr(ctx, err)
	}
	if len(objs) > 0 {
		if err := deliver(ctx, objs); err != nil {
			return true, leaseErr(ctx, err)
		}
	}
	if err := context.Cause(ctx); err != nil {
		return true, err
	}
	return true, l.Save(ctx, p.Cursor())
}

// leaseErr prefers ErrLeaseLost to the error it caused.
func leaseErr(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, ErrLeaseLost) {
		return fmt.Errorf("%w (%v)", ErrLeaseLost, err)
	}
	return err
}
