package stripe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// fakeClock is the limiter's clock in tests: sleeping moves it forward.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.advance(d)
	return nil
}

func newFakeLimiter(t *testing.T, limits Limits) (*LocalLimiter, *fakeClock) {
	t.Helper()
	l, err := NewLocalLimiter(limits)
	require.NoError(t, err)
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	l.now, l.sleep = clock.now, clock.sleep
	return l, clock
}

// send waits for l and returns the (fake) time the request goes out.
func send(t *testing.T, l *LocalLimiter, clock *fakeClock, req LimitRequest) time.Time {
	t.Helper()
	release, err := l.Wait(context.Background(), req)
	require.NoError(t, err)
	if release != nil {
		release()
	}
	return clock.now()
}

// maxPerSecond is the most send times in any one-second window [t, t+1s).
// The window is a microsecond shorter because rate.Limiter rounds each
// token's interval down to the nanosecond (1/25 s becomes 39.999999 ms).
func maxPerSecond(times []time.Time) int {
	ts := append([]time.Time(nil), times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	most := 0
	for i := range ts {
		n := sort.Search(len(ts), func(j int) bool { return !ts[j].Before(ts[i].Add(time.Second - time.Microsecond)) }) - i
		most = max(most, n)
	}
	return most
}

func TestLimiterGlobalAndEndpointLimitsPerAccount(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, DefaultLimits(true))
	start := clock.now()

	// Eight endpoints taking turns: the global 100/s is what binds.
	endpoints := []LimitRequest{
		{Method: "GET", Endpoint: "/v1/customers/{customer}"},
		{Method: "POST", Endpoint: "/v1/customers/{customer}"},
		{Method: "POST", Endpoint: "/v1/customers"},
		{Method: "GET", Endpoint: "/v1/customers"},
		{Method: "GET", Endpoint: "/v1/charges/{charge}"},
		{Method: "POST", Endpoint: "/v1/payment_intents"},
		{Method: "GET", Endpoint: "/v1/payment_intents/{intent}"},
		{Method: "DELETE", Endpoint: "/v1/customers/{customer}"},
	}
	var all []time.Time
	per := map[LimitRequest][]time.Time{}
	for i := range 400 {
		req := endpoints[i%len(endpoints)]
		at := send(t, l, clock, req)
		all = append(all, at)
		per[req] = append(per[req], at)
	}
	assert.Equal(t, 100, maxPerSecond(all), "global limit")
	for req, ts := range per {
		assert.LessOrEqual(t, maxPerSecond(ts), 25, "%v", req)
	}
	elapsed := clock.now().Sub(start)
	assert.InDelta(t, 3.99, elapsed.Seconds(), 0.02, "400 requests at 100/s")

	// One endpoint alone: its 25/s binds, well under the global limit. (Its
	// first request waited for the global bucket after taking the endpoint's
	// token, so one window may see one request more than 25: the endpoint
	// bucket counts a request when it lets it through, not when it is sent.)
	start = clock.now()
	var one []time.Time
	for range 100 {
		one = append(one, send(t, l, clock, endpoints[0]))
	}
	assert.LessOrEqual(t, maxPerSecond(one), 26)
	assert.GreaterOrEqual(t, maxPerSecond(one), 25)
	assert.Equal(t, 25, maxPerSecond(one[1:]))
	assert.InDelta(t, 3.96, clock.now().Sub(start).Seconds(), 0.05)

	// Search is stricter: 20/s.
	var search []time.Time
	for range 60 {
		search = append(search, send(t, l, clock, LimitRequest{Method: "GET", Endpoint: "/v1/customers/search"}))
	}
	assert.LessOrEqual(t, maxPerSecond(search), 21)
	assert.Equal(t, 20, maxPerSecond(search[1:]))
}

func TestLimiterSandboxGlobalLimit(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, DefaultLimits(false))
	var ts []time.Time
	for i := range 100 { // four endpoints, each under its own 25/s
		ts = append(ts, send(t, l, clock, LimitRequest{Method: "GET", Endpoint: fmt.Sprintf("/v1/x%d", i%4)}))
	}
	assert.Equal(t, 25, maxPerSecond(ts))
}

func TestLimiterStripeAccountCountsAgainstItsOwnAccount(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, DefaultLimits(false))
	ep := "/v1/customers/{customer}"

	// The key's own account uses its token; a connected account still has
	// its own, so its first request goes at once.
	t0 := send(t, l, clock, LimitRequest{Method: "GET", Endpoint: ep})
	assert.Equal(t, t0, send(t, l, clock, LimitRequest{Account: "acct_1", Method: "GET", Endpoint: ep}))
	assert.Equal(t, t0, send(t, l, clock, LimitRequest{Account: "acct_2", Method: "GET", Endpoint: ep}))

	// Taking turns, each account gets its own 25/s: 50/s together.
	var own, conn, both []time.Time
	for i := range 200 {
		acct := ""
		if i%2 == 1 {
			acct = "acct_1"
		}
		at := send(t, l, clock, LimitRequest{Account: acct, Method: "GET", Endpoint: ep})
		both = append(both, at)
		if acct == "" {
			own = append(own, at)
		} else {
			conn = append(conn, at)
		}
	}
	assert.Equal(t, 25, maxPerSecond(own))
	assert.Equal(t, 25, maxPerSecond(conn))
	assert.GreaterOrEqual(t, maxPerSecond(both), 49)
}

func TestLimiterReadWriteSplit(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, Limits{Read: 5, Write: 10})
	var reads, writes []time.Time
	for i := range 60 {
		if i%2 == 0 {
			reads = append(reads, send(t, l, clock, LimitRequest{Method: "GET", Endpoint: "/v1/customers"}))
		} else {
			writes = append(writes, send(t, l, clock, LimitRequest{Method: "POST", Endpoint: "/v1/customers"}))
		}
	}
	assert.Equal(t, 5, maxPerSecond(reads))
	assert.LessOrEqual(t, maxPerSecond(writes), 10)
	assert.GreaterOrEqual(t, maxPerSecond(writes), 5)
}

func TestLimiterEvictsIdleState(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, Limits{Global: 25, Endpoint: 25, IdleTimeout: time.Second})
	count := func() (accounts, endpoints int) {
		l.mu.RLock()
		defer l.mu.RUnlock()
		for _, a := range l.accounts {
			a.mu.Lock()
			endpoints += len(a.endpoints)
			a.mu.Unlock()
		}
		return len(l.accounts), endpoints
	}

	// 100,000 connected accounts, one request each, 1 ms apart: only the
	// last second or two of them are held at any time.
	most := 0
	for i := range 100_000 {
		send(t, l, clock, LimitRequest{Account: fmt.Sprintf("acct_%d", i), Method: "GET", Endpoint: "/v1/balance"})
		clock.advance(time.Millisecond)
		if i%1000 == 0 {
			n, _ := count()
			most = max(most, n)
		}
	}
	assert.LessOrEqual(t, most, 2000)
	assert.Greater(t, most, 500, "state is kept while in use")

	// One account, many endpoints: idle endpoints go too.
	for i := range 5000 {
		send(t, l, clock, LimitRequest{Account: "acct_busy", Method: "GET", Endpoint: fmt.Sprintf("/v1/x%d", i)})
		clock.advance(time.Millisecond)
	}
	_, eps := count()
	assert.LessOrEqual(t, eps, 2000)

	clock.advance(5 * time.Second)
	send(t, l, clock, LimitRequest{Account: "acct_new", Method: "GET", Endpoint: "/v1/balance"})
	clock.advance(time.Second) // past the next sweep
	send(t, l, clock, LimitRequest{Account: "acct_new", Method: "GET", Endpoint: "/v1/balance"})
	accounts, eps := count()
	assert.Equal(t, 1, accounts)
	assert.Equal(t, 1, eps)
}

func TestLimiterKeepsStateWithDebt(t *testing.T) {
	t.Parallel()
	// A bucket that is owed tokens is never forgotten, whatever the timeout.
	l, clock := newFakeLimiter(t, Limits{Global: 1, Burst: 1, IdleTimeout: time.Millisecond})
	req := LimitRequest{Method: "GET", Endpoint: "/v1/balance"}
	t0 := send(t, l, clock, req)
	t1 := send(t, l, clock, req)
	assert.InDelta(t, time.Second, t1.Sub(t0), float64(time.Microsecond))
	clock.advance(100 * time.Millisecond)
	t2 := send(t, l, clock, req)
	assert.InDelta(t, 2*time.Second, t2.Sub(t0), float64(time.Microsecond), "the account's bucket survived the sweeps")
}

func TestLimiterMaxInFlight(t *testing.T) {
	t.Parallel()
	l, _ := newFakeLimiter(t, Limits{MaxInFlight: 2})
	req := LimitRequest{Account: "acct_1", Method: "GET", Endpoint: "/v1/balance"}
	r1, err := l.Wait(context.Background(), req)
	require.NoError(t, err)
	r2, err := l.Wait(context.Background(), req)
	require.NoError(t, err)

	// Another account is not held up.
	r3, err := l.Wait(context.Background(), LimitRequest{Account: "acct_2", Method: "GET", Endpoint: "/v1/balance"})
	require.NoError(t, err)
	r3()

	// A third request of acct_1 waits until one is released.
	var released atomic.Bool
	done := make(chan error)
	go func() {
		r, err := l.Wait(context.Background(), req)
		if err == nil {
			if !released.Load() {
				err = errors.New("third request went out while two were in flight")
			}
			r()
		}
		done <- err
	}()
	released.Store(true)
	r1()
	r1() // a second call is harmless
	require.NoError(t, <-done)

	// With the cap reached, a canceled context ends the wait.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r4, err := l.Wait(context.Background(), req)
	require.NoError(t, err)
	_, err = l.Wait(ctx, req)
	assert.ErrorIs(t, err, context.Canceled)
	r2()
	r4()
}

func TestLimiterDeadlineGivesTheTokenBack(t *testing.T) {
	t.Parallel()
	l, clock := newFakeLimiter(t, Limits{Endpoint: 1})
	req := LimitRequest{Method: "POST", Endpoint: "/v1/customers"}
	t0 := send(t, l, clock, req)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Hour))
	defer cancel()
	_, err := l.Wait(ctx, req)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.InDelta(t, time.Second, send(t, l, clock, req).Sub(t0), float64(time.Microsecond), "the failed wait took no token")
}

func TestLimitsValidateAndEndpointLimit(t *testing.T) {
	t.Parallel()
	for _, bad := range []Limits{{Global: -1}, {Burst: -1}, {MaxInFlight: -1}, {Endpoints: map[string]rate.Limit{"GET /v1/x": -2}}} {
		_, err := NewLocalLimiter(bad)
		assert.Error(t, err, "%+v", bad)
	}
	l := DefaultLimits(true)
	assert.Equal(t, rate.Limit(25), l.EndpointLimit("GET", "/v1/customers/{customer}"))
	assert.Equal(t, rate.Limit(20), l.EndpointLimit("GET", "/v1/charges/search"))
	assert.Equal(t, rate.Limit(20), l.EndpointLimit("POST", "/v1/files"))
	assert.Equal(t, rate.Limit(20), l.EndpointLimit("GET", "/v1/files/{file}"))
	l.Endpoints = map[string]rate.Limit{"GET /v1/charges/search": 2}
	assert.Equal(t, rate.Limit(2), l.EndpointLimit("GET", "/v1/charges/search"))
	assert.Equal(t, rate.Limit(20), l.EndpointLimit("GET", "/v1/customers/search"))
}

func TestEndpointTemplate(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"/v1/customers":                                 "/v1/customers",
		"/v1/customers/cus_123":                         "/v1/customers/{customer}",
		"/v1/customers/cus_456?expand[0]=x":             "/v1/customers/{customer}",
		"/v1/customers/search":                          "/v1/customers/search",
		"/v1/customers/cus_1/sources/card_2":            "/v1/customers/{customer}/sources/{id}",
		"/v1/customers/cus_1/sources/ba_1/verify":       "/v1/customers/{customer}/sources/{id}/verify",
		"/v1/payment_intents/pi_1/confirm":              "/v1/payment_intents/{intent}/confirm",
		"/v1/customers/cus_1%2F..%2F..%2Fv1%2Fcharges":  "/v1/customers/{customer}",
		"/v1/invoices/upcoming":                         "/v1/invoices/{invoice}",
		"/v1/unknown_things/thing_1A2b/sub_things/xY_9": "/v1/unknown_things/{id}/sub_things/{id}",
		"/v2/core/events/evt_123":                       "/v2/core/events/{id}",
		"/v1/customers/cus_1/unknown":                   "/v1/customers/{id}/unknown",
	} {
		assert.Equal(t, want, endpointTemplate(path), path)
	}
}

// limitRecorder is a Limiter that records what it is asked.
type limitRecorder struct {
	mu       sync.Mutex
	reqs     []LimitRequest
	released int
	err      error
}

func (r *limitRecorder) Wait(_ context.Context, req LimitRequest) (func(), error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req)
	if r.err != nil {
		return nil, r.err
	}
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.released++
	}, nil
}

func TestClientCallsLimiterOncePerAttempt(t *testing.T) {
	t.Parallel()
	lr := &limitRecorder{}
	c, mt := newTestClient(t, WithLimiter(lr), WithStripeAccount("acct_default"))
	rec := mock(mt, reply{status: http.StatusServiceUnavailable, body: `{"error":{"type":"api_error"}}`}, ok(fixture(t, "customer.json")))

	_, err := c.Customers.Get(context.Background(), "cus_1", &CustomerGetParams{Params: Params{StripeAccount: "acct_9"}})
	require.NoError(t, err)
	_, err = c.Customers.Create(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, rec.requests(), 3)
	assert.Equal(t, []LimitRequest{
		{Account: "acct_9", Method: "GET", Endpoint: "/v1/customers/{customer}"},
		{Account: "acct_9", Method: "GET", Endpoint: "/v1/customers/{customer}"}, // the retry
		{Account: "acct_default", Method: "POST", Endpoint: "/v1/customers"},
	}, lr.reqs)
	assert.Equal(t, 3, lr.released)

	// A limiter error stops the call before anything is sent.
	lr.err = errors.New("limiter down")
	_, err = c.Customers.Get(context.Background(), "cus_1", nil)
	assert.ErrorContains(t, err, "limiter down")
	assert.Len(t, rec.requests(), 3)
}

func TestEndpointTemplatesTable(t *testing.T) {
	t.Parallel()
	require.NotEmpty(t, endpointTemplates)
	assert.True(t, sort.StringsAreSorted(endpointTemplates[:]), "sorted")
	for i, tmpl := range endpointTemplates {
		if i > 0 {
			assert.NotEqual(t, endpointTemplates[i-1], tmpl, "duplicate")
		}
		// Every template maps to itself: a literal segment is never taken
		// for a parameter, nor the other way round.
		assert.Equal(t, tmpl, endpointTemplate(tmpl), tmpl)
	}
}

// TestEndpointTemplatesUpToDate regenerates the table from stripe-mock's
// spec, when the module cache has it, and compares it with the committed one.
func TestEndpointTemplatesUpToDate(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs the generator")
	}
	out := filepath.Join(t.TempDir(), "endpoints_gen.go")
	cmd := exec.Command("go", "run", "./internal/gen/endpoints", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		if strings.Contains(string(msg), "reading the spec") {
			t.Skipf("stripe-mock's spec is not in the module cache: %s", msg)
		}
		t.Fatalf("generator: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("endpoints_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "run go generate: endpoints_gen.go is out of date")
}

func TestLimiterConcurrentUse(t *testing.T) {
	t.Parallel()
	// Many goroutines, accounts and endpoints at once, with sweeps running
	// all the time (the fake clock jumps by every wait): run under -race, and
	// the in-flight cap must hold for every account.
	const accounts, maxInFlight = 4, 3
	l, clock := newFakeLimiter(t, Limits{Global: 100, Endpoint: 25, MaxInFlight: maxInFlight, IdleTimeout: time.Millisecond})
	var inFlight [accounts]atomic.Int32
	var worst atomic.Int32
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				a := (g + i) % accounts
				release, err := l.Wait(context.Background(), LimitRequest{
					Account: fmt.Sprintf("acct_%d", a), Method: "GET", Endpoint: fmt.Sprintf("/v1/x%d", i%7),
				})
				if err != nil {
					t.Error(err)
					return
				}
				n := inFlight[a].Add(1)
				for w := worst.Load(); n > w && !worst.CompareAndSwap(w, n); w = worst.Load() {
				}
				clock.advance(time.Millisecond)
				runtime.Gosched() // let others in while this one is in flight
				inFlight[a].Add(-1)
				release()
			}
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, worst.Load(), int32(maxInFlight))
	t.Logf("most requests of one account in flight at once: %d", worst.Load())
}
