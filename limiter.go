package stripe

//go:generate go run ./internal/gen/endpoints -o endpoints_gen.go

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Limiter decides when the client may send a request: the client calls
// Wait once before every attempt (a retry is a new attempt) and, when Wait
// returns a non-nil release, calls it once the attempt is over. Wait must
// return when ctx ends, with ctx's error. Implementations must be safe for
// concurrent use.
//
// The default is a [LocalLimiter] with [DefaultLimits]; redisstore has one
// that processes share through Redis.
type Limiter interface {
	Wait(ctx context.Context, req LimitRequest) (release func(), err error)
}

// LimitRequest describes the request a Limiter is asked about.
type LimitRequest struct {
	// Account is the connected account the request acts as (its
	// Stripe-Account header), or "" for the API key's own account. Stripe
	// measures its limits per account.
	Account string
	// Method is the HTTP method.
	Method string
	// Endpoint is the path template of the operation, such as
	// /v1/customers/{customer}: with Method it names one endpoint, whatever
	// IDs the concrete path holds.
	Endpoint string
}

// Stripe's published limits, per account.
const (
	// LiveGlobalLimit is the limit of all requests of a live-mode account.
	LiveGlobalLimit rate.Limit = 100
	// SandboxGlobalLimit is the limit of all requests in a sandbox or with
	// a test key.
	SandboxGlobalLimit rate.Limit = 25
	// DefaultEndpointLimit is the default limit of each endpoint.
	DefaultEndpointLimit rate.Limit = 25
	// StrictEndpointLimit is the limit of the Search endpoints and of Files.
	StrictEndpointLimit rate.Limit = 20
)

// DefaultIdleTimeout is how long a LocalLimiter keeps the state of an
// account or endpoint that sends nothing.
const DefaultIdleTimeout = time.Minute

// Limits configures a limiter. Every limit applies per account; a zero (or
// rate.Inf) rate is no limit.
//
// [DefaultLimits] is Stripe's current model: a global limit per account plus
// a limit per endpoint (stricter for Search and Files). Read and Write are
// Stripe's older model (one limit for GETs, one for the rest), which
// [WithRateLimit] configures on its own.
type Limits struct {
	// Global limits all requests of an account.
	Global rate.Limit
	// Endpoint limits the requests of an account to each endpoint.
	Endpoint rate.Limit
	// Strict limits the endpoints Stripe limits more strictly (Search,
	// Files), when lower than Endpoint.
	Strict rate.Limit
	// Endpoints overrides Endpoint and Strict for the endpoints it names,
	// keyed by method and path template: "GET /v1/customers/search".
	Endpoints map[string]rate.Limit
	// Read limits an account's GET requests and Write its other requests.
	Read, Write rate.Limit
	// Burst is how many requests each bucket lets through at once (default
	// 1, which spaces requests evenly so no window sees more than the rate).
	Burst int
	// MaxInFlight caps an account's requests in flight at once (0: no cap).
	MaxInFlight int
	// IdleTimeout is how long the state of an account or endpoint that
	// sends nothing is kept (default DefaultIdleTimeout, and never less
	// than a bucket takes to refill, so forgetting it changes nothing).
	IdleTimeout time.Duration
}

// DefaultLimits returns Stripe's published limits for live keys (live) or
// for sandboxes and test keys.
func DefaultLimits(live bool) Limits {
	l := Limits{Global: SandboxGlobalLimit, Endpoint: DefaultEndpointLimit, Strict: StrictEndpointLimit}
	if live {
		l.Global = LiveGlobalLimit
	}
	return l
}

// EndpointLimit returns the limit of one endpoint (0: none).
func (l Limits) EndpointLimit(method, endpoint string) rate.Limit {
	if len(l.Endpoints) > 0 {
		if r, ok := l.Endpoints[method+" "+endpoint]; ok {
			return r
		}
	}
	r := l.Endpoint
	if on(l.Strict) && isStrictEndpoint(endpoint) && (!on(r) || l.Strict < r) {
		r = l.Strict
	}
	return r
}

// isStrictEndpoint reports whether Stripe limits endpoint more strictly.
func isStrictEndpoint(endpoint string) bool {
	return strings.HasSuffix(endpoint, "/search") || endpoint == "/v1/files" || strings.HasPrefix(endpoint, "/v1/files/")
}

// on reports whether r limits anything.
func on(r rate.Limit) bool { return r > 0 && r != rate.Inf }

func (l Limits) validate() error {
	rates := []rate.Limit{l.Global, l.Endpoint, l.Strict, l.Read, l.Write}
	for _, r := range l.Endpoints {
		rates = append(rates, r)
	}
	for _, r := range rates {
		if r < 0 || math.IsNaN(float64(r)) {
			return fmt.Errorf("stripe: Limits: invalid rate %v", r)
		}
	}
	if l.Burst < 0 || l.MaxInFlight < 0 || l.IdleTimeout < 0 {
		return errors.New("stripe: Limits: Burst, MaxInFlight and IdleTimeout must not be negative")
	}
	return nil
}

// off reports whether l limits nothing at all.
func (l Limits) off() bool {
	if on(l.Global) || on(l.Endpoint) || on(l.Strict) || on(l.Read) || on(l.Write) || l.MaxInFlight > 0 {
		return false
	}
	for _, r := range l.Endpoints {
		if on(r) {
			return false
		}
	}
	return true
}

// idle is how long unused state is kept: the configured timeout, but at
// least the time the slowest bucket takes to refill.
func (l Limits) idle() time.Duration {
	d := l.IdleTimeout
	if d == 0 {
		d = DefaultIdleTimeout
	}
	rates := []rate.Limit{l.Global, l.Endpoint, l.Strict, l.Read, l.Write}
	for _, r := range l.Endpoints {
		rates = append(rates, r)
	}
	for _, r := range rates {
		if on(r) {
			refill := time.Duration(float64(l.Burst) / float64(r) * float64(time.Second))
			d = max(d, 2*refill)
		}
	}
	return d
}

// LocalLimiter is the in-process Limiter: per account (the key's own and
// each connected account), a token bucket for all requests, one per
// endpoint, the older read and write buckets if set, and an optional cap on
// requests in flight. The state of idle accounts and endpoints is dropped,
// so memory follows the accounts in use, not all that were ever seen.
type LocalLimiter struct {
	limits Limits
	idle   int64 // nanoseconds
	off    bool
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error

	mu        sync.RWMutex
	accounts  map[string]*accountState
	nextSweep atomic.Int64 // unix nanoseconds
}

type accountState struct {
	last     atomic.Int64 // unix nanoseconds of the latest use or reserved send
	users    atomic.Int32 // Waits under way; a sweep leaves the account alone
	inFlight chan struct{}

	global      *rate.Limiter // nil: no limit; likewise read and write
	read, write *rate.Limiter
	mu          sync.Mutex // guards endpoints
	endpoints   map[endpointKey]*endpointState
}

type endpointKey struct{ method, endpoint string }

type endpointState struct {
	lim   *rate.Limiter // nil: no limit
	last  int64
	users atomic.Int32 // Waits under way (raised under the account's mu)
}

// NewLocalLimiter returns an in-process limiter enforcing limits.
func NewLocalLimiter(limits Limits) (*LocalLimiter, error) {
	if err := limits.validate(); err != nil {
		return nil, err
	}
	if limits.Burst == 0 {
		limits.Burst = 1
	}
	limits.Endpoints = maps.Clone(limits.Endpoints) // the caller's map may change
	return &LocalLimiter{
		limits: limits,
		idle:   int64(limits.idle()),
		off:    limits.off(),
		now:    time.Now,
		sleep:  sleepCtx,
	}, nil
}

// Limits returns the limits l enforces.
func (l *LocalLimiter) Limits() Limits { return l.limits }

// Wait implements Limiter. It waits for a token from the request's endpoint
// bucket, then the read or write bucket, then the account's global bucket,
// each taken when the one before has let the request through, so the
// global bucket, shared by every endpoint, counts the request when it is
// sent; an endpoint bucket counts it when it lets it through, which is
// earlier by the global wait, if there was one. A wait that would outlast ctx's deadline fails at once with an
// error matching context.DeadlineExceeded.
func (l *LocalLimiter) Wait(ctx context.Context, req LimitRequest) (func(), error) {
	if l.off {
		return nil, nil
	}
	a := l.account(req.Account, l.now())
	defer a.users.Add(-1)
	var release func()
	if a.inFlight != nil {
		select {
		case a.inFlight <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		var once sync.Once
		release = func() { once.Do(func() { <-a.inFlight }) }
	}
	buckets, ep := l.buckets(a, req)
	defer ep.users.Add(-1)
	for _, b := range buckets {
		if b == nil {
			continue
		}
		if err := l.take(ctx, a, b); err != nil {
			if release != nil {
				release()
			}
			return nil, err
		}
	}
	return release, nil
}

// take waits for one token of b.
func (l *LocalLimiter) take(ctx context.Context, a *accountState, b *rate.Limiter) error {
	now := l.now()
	r := b.ReserveN(now, 1)
	d := r.DelayFrom(now)
	touch(&a.last, now.Add(d).UnixNano())
	if d <= 0 {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && now.Add(d).After(dl) {
		r.CancelAt(now)
		return fmt.Errorf("stripe: rate limiter: waiting %v would outlast the context deadline: %w", d, context.DeadlineExceeded)
	}
	if err := l.sleep(ctx, d); err != nil {
		r.CancelAt(l.now())
		return err
	}
	return nil
}

// buckets returns req's endpoint, read or write, and global buckets, in
// the order they are waited for (nil ones limit nothing), and the
// endpoint's state, counted as in use until the caller decrements its users.
func (l *LocalLimiter) buckets(a *accountState, req LimitRequest) ([3]*rate.Limiter, *endpointState) {
	rw := a.write
	if req.Method == "GET" {
		rw = a.read
	}
	a.mu.Lock()
	ep := l.endpoint(a, req, l.now())
	ep.users.Add(1)
	a.mu.Unlock()
	return [3]*rate.Limiter{ep.lim, rw, a.global}, ep
}

// endpoint returns the state of req's endpoint, creating it; a.mu is held.
func (l *LocalLimiter) endpoint(a *accountState, req LimitRequest, now time.Time) *endpointState {
	key := endpointKey{req.Method, req.Endpoint}
	ep := a.endpoints[key]
	if ep == nil {
		ep = &endpointState{}
		if r := l.limits.EndpointLimit(req.Method, req.Endpoint); on(r) {
			ep.lim = rate.NewLimiter(r, l.limits.Burst)
		}
		if a.endpoints == nil {
			a.endpoints = make(map[endpointKey]*endpointState)
		}
		a.endpoints[key] = ep
	}
	if n := now.UnixNano(); n > ep.last {
		ep.last = n
	}
	return ep
}

// account returns the state of an account, creating it, counted as in use
// until the caller decrements a.users; now and then it drops the state of
// idle accounts and endpoints.
func (l *LocalLimiter) account(id string, now time.Time) *accountState {
	ns := now.UnixNano()
	l.mu.RLock()
	a := l.accounts[id]
	if a != nil {
		// Under the lock, so a sweep cannot drop a while it is used.
		a.users.Add(1)
		touch(&a.last, ns)
	}
	l.mu.RUnlock()
	if a == nil {
		l.mu.Lock()
		if a = l.accounts[id]; a == nil {
			a = l.newAccount()
			if l.accounts == nil {
				l.accounts = make(map[string]*accountState)
			}
			l.accounts[id] = a
		}
		a.users.Add(1)
		touch(&a.last, ns)
		l.mu.Unlock()
	}
	if next := l.nextSweep.Load(); ns >= next && l.nextSweep.CompareAndSwap(next, ns+l.idle/2) {
		l.sweep(ns)
	}
	return a
}

func (l *LocalLimiter) newAccount() *accountState {
	lim, burst := l.limits, l.limits.Burst
	a := &accountState{}
	if on(lim.Global) {
		a.global = rate.NewLimiter(lim.Global, burst)
	}
	if on(lim.Read) {
		a.read = rate.NewLimiter(lim.Read, burst)
	}
	if on(lim.Write) {
		a.write = rate.NewLimiter(lim.Write, burst)
	}
	if lim.MaxInFlight > 0 {
		a.inFlight = make(chan struct{}, lim.MaxInFlight)
	}
	return a
}

// sweep drops the state of accounts and endpoints unused for the idle
// timeout whose buckets are full again (so a fresh one behaves the same).
// State a Wait is using is kept, and so is an account with requests in
// flight or endpoints left.
func (l *LocalLimiter) sweep(now int64) {
	t := time.Unix(0, now)
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, a := range l.accounts {
		a.mu.Lock()
		for k, ep := range a.endpoints {
			if ep.users.Load() == 0 && now-ep.last > l.idle && l.full(ep.lim, t) {
				delete(a.endpoints, k)
			}
		}
		left := len(a.endpoints)
		a.mu.Unlock()
		if left == 0 && a.users.Load() == 0 && len(a.inFlight) == 0 && now-a.last.Load() > l.idle &&
			l.full(a.global, t) && l.full(a.read, t) && l.full(a.write, t) {
			delete(l.accounts, id)
		}
	}
}

// full reports whether bucket b (nil: none) holds its whole burst at t.
func (l *LocalLimiter) full(b *rate.Limiter, t time.Time) bool {
	return b == nil || b.TokensAt(t) >= float64(l.limits.Burst)
}

// touch raises *last to t.
func touch(last *atomic.Int64, t int64) {
	for {
		old := last.Load()
		if t <= old || last.CompareAndSwap(old, t) {
			return
		}
	}
}

// noRelease is the release of a wait that holds nothing.
func noRelease() {}

// waitLimit waits for the client's limiter before one attempt of a request
// to path acting as account. release is never nil.
func (c *Client) waitLimit(ctx context.Context, account, method, path string) (release func(), err error) {
	if c.limiter == nil {
		return noRelease, nil
	}
	release, err = c.limiter.Wait(ctx, LimitRequest{Account: account, Method: method, Endpoint: endpointTemplate(path)})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return noRelease, ctxErr
		}
		return noRelease, err
	}
	if release == nil {
		release = noRelease
	}
	return release, nil
}

// defaultLimiter builds the client's LocalLimiter: Stripe's current model,
// or the read/write split WithRateLimit set. It is nil when nothing is limited.
func (c *Client) defaultLimiter(live bool) (Limiter, error) {
	limits := DefaultLimits(live)
	if c.legacyRates {
		limits = Limits{Read: c.readRate, Write: c.writeRate}
	}
	if limits.off() {
		return nil, nil
	}
	return NewLocalLimiter(limits)
}

// WithLimiter replaces the client's limiter (by default a LocalLimiter with
// DefaultLimits for the key's mode), for example with one shared by several
// processes. nil turns client-side limiting off. Of WithLimiter and
// WithRateLimit (which configures the default limiter), the last one given
// wins.
func WithLimiter(l Limiter) Option {
	return func(c *Client) error {
		c.limiter, c.limiterSet, c.legacyRates = l, true, false
		return nil
	}
}
