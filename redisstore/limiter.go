package redisstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"

	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// reserveScript takes the next slot of a GCRA bucket: KEYS[1] holds the
// bucket's theoretical arrival time (TAT) in microseconds of Redis's clock,
// ARGV[1] is the interval between requests and ARGV[2] the burst tolerance,
// both in microseconds. It returns how long to wait for the slot and the
// new TAT (which the cancel script needs). The key expires when the bucket
// is full again, so idle accounts and endpoints leave nothing behind.
var reserveScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tau = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - tau - now
if wait < 0 then wait = 0 end
local new = tat + interval
redis.call('SET', KEYS[1], string.format('%d', new), 'PX', math.floor((new - now) / 1000) + 1000)
return {wait, string.format('%d', new)}
`)

// cancelScript gives a slot back if no later slot was taken: KEYS[1] is the
// bucket, ARGV[1] the TAT the reservation set, ARGV[2] the interval.
var cancelScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	redis.call('SET', KEYS[1], string.format('%d', tonumber(ARGV[1]) - tonumber(ARGV[2])), 'KEEPTTL')
	return 1
end
return 0
`)

// retryRedisAfter is how long the Limiter uses its local fallback after
// Redis failed before it tries Redis again.
const retryRedisAfter = time.Second

// Limiter is a stripe.Limiter shared by every process that uses the same
// Redis and prefix: per account, the global bucket, one bucket per
// endpoint, and the older read and write buckets if set, each a GCRA bucket
// updated atomically in Redis. Like stripe.LocalLimiter it waits for the
// endpoint bucket, then the read or write bucket, then the global one.
// Buckets expire in Redis once full again, so idle accounts cost nothing.
//
// Limits.MaxInFlight caps the requests in flight of each process (not of
// all of them together), and Limits.IdleTimeout only applies to the local
// fallback: while Redis cannot be reached, each process limits itself
// with a stripe.LocalLimiter of the same limits and logs a warning once per
// outage.
type Limiter struct {
	rdb      redis.UniversalClient
	o        options
	limits   stripe.Limits
	burst    int
	local    *stripe.LocalLimiter // the fallback
	inFlight *stripe.LocalLimiter // the per-process cap, if any

	downUntil atomic.Int64 // unix nanoseconds; Redis is not tried before
	warned    atomic.Bool  // the current outage has been logged

	sleep func(ctx context.Context, d time.Duration) error
}

// NewLimiter returns a Limiter enforcing limits (see stripe.DefaultLimits)
// through rdb (a *redis.Client, *redis.ClusterClient, ...).
func NewLimiter(rdb redis.UniversalClient, limits stripe.Limits, opts ...Option) (*Limiter, error) {
	if rdb == nil {
		return nil, errors.New("redisstore: NewLimiter: nil Redis client")
	}
	local, err := stripe.NewLocalLimiter(limits)
	if err != nil {
		return nil, err
	}
	limits.Endpoints = maps.Clone(limits.Endpoints) // the caller's map may change
	l := &Limiter{rdb: rdb, o: newOptions(opts), limits: limits, burst: max(limits.Burst, 1), local: local, sleep: sleepCtx}
	if limits.MaxInFlight > 0 {
		if l.inFlight, err = stripe.NewLocalLimiter(stripe.Limits{MaxInFlight: limits.MaxInFlight}); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Wait implements stripe.Limiter.
func (l *Limiter) Wait(ctx context.Context, req stripe.LimitRequest) (func(), error) {
	if time.Now().UnixNano() < l.downUntil.Load() {
		return l.local.Wait(ctx, req)
	}
	var release func()
	if l.inFlight != nil {
		r, err := l.inFlight.Wait(ctx, req)
		if err != nil {
			return nil, err
		}
		release = r
	}
	for _, b := range l.buckets(req) {
		if !on(b.rate) {
			continue
		}
		err := l.take(ctx, b.key, b.rate)
		if err == nil {
			continue
		}
		if release != nil {
			release()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		var fallback *redisError
		if errors.As(err, &fallback) {
			l.down(err)
			return l.local.Wait(ctx, req)
		}
		return nil, err
	}
	if l.warned.Load() && l.warned.CompareAndSwap(true, false) {
		l.o.log().Info("redisstore: Redis is reachable again; the shared rate limiter is back")
	}
	return release, nil
}

type bucket struct {
	key  string
	rate rate.Limit
}

// buckets returns req's endpoint, read or write, and global buckets, in the
// order they are waited for.
func (l *Limiter) buckets(req stripe.LimitRequest) [3]bucket {
	acct := req.Account
	if acct == "" {
		acct = "_" // the key's own account; account IDs never look like this
	}
	base := l.o.prefix + "limit:" + tag(acct) + ":"
	rw := bucket{base + "w", l.limits.Write}
	if req.Method == "GET" {
		rw = bucket{base + "r", l.limits.Read}
	}
	return [3]bucket{
		{base + "e:" + req.Method + " " + req.Endpoint, l.limits.EndpointLimit(req.Method, req.Endpoint)},
		rw,
		{base + "g", l.limits.Global},
	}
}

// redisError marks a failure of Redis itself, which sends the limiter to
// its local fallback.
type redisError struct{ err error }

func (e *redisError) Error() string { return "redisstore: limiter: " + e.err.Error() }
func (e *redisError) Unwrap() error { return e.err }

// take waits for a slot of one bucket.
func (l *Limiter) take(ctx context.Context, key string, r rate.Limit) error {
	interval := int64(math.Round(1e6 / float64(r)))
	tau := int64(l.burst-1) * interval
	res, err := reserveScript.Run(ctx, l.rdb, []string{key}, interval, tau).Slice()
	if err != nil {
		return &redisError{err}
	}
	if len(res) != 2 {
		return &redisError{fmt.Errorf("unexpected reply %v", res)}
	}
	wait, _ := res[0].(int64)
	tat, _ := res[1].(string)
	if wait <= 0 {
		return nil
	}
	d := time.Duration(wait) * time.Microsecond
	giveBack := func() {
		// Best effort, and with a context of its own: ctx may be over.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_ = cancelScript.Run(cctx, l.rdb, []string{key}, tat, interval).Err()
	}
	if dl, ok := ctx.Deadline(); ok && time.Now().Add(d).After(dl) {
		giveBack()
		return fmt.Errorf("redisstore: rate limiter: waiting %v would outlast the context deadline: %w", d, context.DeadlineExceeded)
	}
	if err := l.sleep(ctx, d); err != nil {
		giveBack()
		return err
	}
	return nil
}

// down switches to the local fallback for a while and logs the first
// failure of an outage.
func (l *Limiter) down(err error) {
	l.downUntil.Store(time.Now().Add(retryRedisAfter).UnixNano())
	if l.warned.CompareAndSwap(false, true) {
		l.o.log().Warn("redisstore: Redis unreachable; rate limiting each process on its own until it is back",
			"error", err.Error())
	}
}

func on(r rate.Limit) bool { return r > 0 && r != rate.Inf }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

var _ stripe.Limiter = (*Limiter)(nil)
