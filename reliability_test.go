package stripe

// Reliability tests: real HTTP over loopback (httptest) against servers that
// misbehave. They prove that the client loses and duplicates nothing, holds
// its rate limit, returns promptly on cancellation without leaking
// goroutines, and turns hostile responses into clear errors.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// loopbackClient returns a client for srv on a transport of its own (its idle
// connections are closed at cleanup), with the limiter off and backoff sleeps
// that return at once. Options come after those defaults and can replace them.
func loopbackClient(t *testing.T, srv *httptest.Server, timeout time.Duration, opts ...Option) *Client {
	t.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(tr.CloseIdleConnections)
	opts = append([]Option{
		WithBaseURL(srv.URL),
		WithHTTPClient(&http.Client{Transport: tr, Timeout: timeout, CheckRedirect: refuseRedirect}),
		WithRateLimit(rate.Inf, rate.Inf),
	}, opts...)
	c, err := NewClient(testKey, opts...)
	require.NoError(t, err)
	c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	return c
}

// sleepLog is an instant backoff sleep that records what was asked.
type sleepLog struct {
	mu     sync.Mutex
	sleeps []time.Duration
}

func (s *sleepLog) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.sleeps = append(s.sleeps, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepLog) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.sleeps...)
}

// dropConnection closes the connection under a handler without answering.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_ = conn.Close()
}

func customerJSON(id string) string {
	return `{"id":"` + id + `","object":"customer","email":"jenny@example.com","metadata":{}}`
}

// --- 1. No duplicate writes -------------------------------------------------

// fault is what the idempotent server does to one attempt.
type fault int

const (
	faultNone       fault = iota
	faultDropBefore       // close the connection before creating anything
	fault500Before        // answer 500 before creating anything
	fault409Before        // answer 409: another request holds the key
	faultDropAfter        // create, then close the connection unanswered
	fault503After         // create, then a proxy answers 503
	faultStallAfter       // create, then stall past the client's timeout
	numFaultKinds
)

// idemServer creates customers and de-duplicates by Idempotency-Key like
// Stripe: a key seen before gets the stored response replayed, and a key
// reused with different params gets a 400 idempotency_error. Faults are
// drawn from a seeded source per (logical call, attempt), so a run is
// reproducible.
type idemServer struct {
	t    *testing.T
	seed uint64

	mu        sync.Mutex
	stored    map[string]idemEntry // by Idempotency-Key
	keyCall   map[string]string    // Idempotency-Key -> metadata[call]
	attempts  map[string]int       // by Idempotency-Key
	created   map[string][]string  // metadata[call] -> customer IDs created
	faults    [numFaultKinds]int
	requests  int
	noKey     int
	mismatch  int
	nextIDNum int
}

type idemEntry struct {
	body     string
	response string
}

func newIdemServer(t *testing.T, seed uint64) *idemServer {
	return &idemServer{
		t: t, seed: seed,
		stored: map[string]idemEntry{}, keyCall: map[string]string{},
		attempts: map[string]int{}, created: map[string][]string{},
	}
}

func (s *idemServer) faultFor(call string, attempt int) fault {
	n, _ := strconv.ParseUint(call, 10, 32)
	r := rand.New(rand.NewPCG(s.seed, n<<8|uint64(attempt)))
	if r.IntN(3) != 0 {
		return faultNone
	}
	return fault(1 + r.IntN(int(numFaultKinds)-1))
}

func (s *idemServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	body := string(b)
	form, _ := url.ParseQuery(body)
	call := form.Get("metadata[call]")
	key := r.Header.Get("Idempotency-Key")

	s.mu.Lock()
	s.requests++
	if key == "" || r.Method != http.MethodPost || r.URL.Path != "/v1/customers" {
		s.noKey++
		s.mu.Unlock()
		http.Error(w, `{"error":{"type":"invalid_request_error","message":"bad test request"}}`, http.StatusBadRequest)
		return
	}
	if prev, seen := s.keyCall[key]; seen && prev != call {
		s.mismatch++
	}
	s.keyCall[key] = call
	attempt := s.attempts[key]
	s.attempts[key]++
	if e, ok := s.stored[key]; ok {
		if e.body != body {
			s.mismatch++
			s.mu.Unlock()
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}`)
			return
		}
		s.mu.Unlock()
		w.Header().Set("Idempotent-Replayed", "true")
		_, _ = io.WriteString(w, e.response)
		return
	}
	f := s.faultFor(call, attempt)
	s.faults[f]++
	switch f {
	case faultDropBefore, fault500Before, fault409Before:
		s.mu.Unlock()
		switch f {
		case faultDropBefore:
			dropConnection(s.t, w)
		case fault500Before:
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"error":{"type":"api_error","message":"Something went wrong"}}`)
		default:
			w.WriteHeader(http.StatusConflict)
			_, _ = io.WriteString(w, `{"error":{"type":"invalid_request_error","code":"idempotency_key_in_use","message":"There is currently another in-progress request using this Idempotent Key."}}`)
		}
		return
	}
	s.nextIDNum++
	id := fmt.Sprintf("cus_R%06d", s.nextIDNum)
	s.created[call] = append(s.created[call], id)
	resp := `{"id":"` + id + `","object":"customer","metadata":{"call":"` + call + `"}}`
	s.stored[key] = idemEntry{body: body, response: resp}
	s.mu.Unlock()

	switch f {
	case faultDropAfter:
		dropConnection(s.t, w)
	case fault503After:
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "<html><body>503 Service Temporarily Unavailable</body></html>")
	case faultStallAfter:
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		dropConnection(s.t, w)
	default:
		_, _ = io.WriteString(w, resp)
	}
}

// TestReliabilityNoDuplicateWrites runs 500 logical creates from 32
// goroutines while a third of the attempts fail (connection dropped before or
// after the create, 409, 500, 503, stalls past the client timeout). Each
// logical call must create at most one customer; a call that succeeded must
// return exactly the customer created for it; a call that failed must say so.
func TestReliabilityNoDuplicateWrites(t *testing.T) {
	t.Parallel()
	const calls, workers = 500, 32
	srv := newIdemServer(t, 20260826)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	// One retry, not the default two, so that some calls run out of
	// attempts, some of them after the server created their customer.
	c := loopbackClient(t, ts, 400*time.Millisecond, WithMaxRetries(1))

	type result struct {
		cus *Customer
		err error
	}
	results := make([]result, calls)
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= calls {
					return
				}
				cus, err := c.Customers.Create(context.Background(), &CustomerCreateParams{
					Email:    Ptr(fmt.Sprintf("c%d@example.com", i)),
					Metadata: Metadata{"call": strconv.Itoa(i)},
				})
				results[i] = result{cus, err}
			}
		}()
	}
	wg.Wait()

	srv.mu.Lock()
	defer srv.mu.Unlock()
	require.Zero(t, srv.noKey, "every POST carries an Idempotency-Key")
	require.Zero(t, srv.mismatch, "a key is only ever resent with the same call and body")
	// One key per logical call, kept across its retries. (Not every call
	// need have reached the server: on a busy machine both attempts of a
	// call can time out on the client before the server reads them.)
	keysPerCall := map[string]int{}
	for _, call := range srv.keyCall {
		keysPerCall[call]++
	}
	for call, n := range keysPerCall {
		require.Equal(t, 1, n, "call %s sent %d different keys", call, n)
	}
	require.LessOrEqual(t, len(srv.keyCall), calls)
	for k := fault(1); k < numFaultKinds; k++ {
		require.Positive(t, srv.faults[k], "fault %d was injected", k)
	}
	require.Greater(t, srv.requests, calls+calls/5, "faults forced retries")

	succeeded, failed, createdForFailed, created := 0, 0, 0, 0
	for i, res := range results {
		ids := srv.created[strconv.Itoa(i)]
		created += len(ids)
		require.LessOrEqual(t, len(ids), 1, "call %d created %v: a duplicate write", i, ids)
		if res.err != nil {
			failed++
			createdForFailed += len(ids)
			continue
		}
		succeeded++
		require.Equal(t, 1, keysPerCall[strconv.Itoa(i)], "call %d succeeded without its key on the server", i)
		require.Len(t, ids, 1, "call %d succeeded without a customer on the server", i)
		require.Equal(t, ids[0], res.cus.ID, "call %d returned another call's customer", i)
		require.Equal(t, strconv.Itoa(i), res.cus.Metadata["call"])
	}
	// Every customer on the server belongs to a call that returned it, or to
	// a call that returned an error after its last attempt was cut off
	// post-create (the client cannot know; resending the same key would
	// replay it).
	require.Equal(t, created, succeeded+createdForFailed)
	require.Equal(t, calls, succeeded+failed)
	require.Positive(t, succeeded)
	require.Positive(t, failed)
	t.Logf("%d calls: %d succeeded, %d failed (%d of those after the server created), %d requests, faults %v",
		calls, succeeded, failed, createdForFailed, srv.requests, srv.faults[1:])
}

// TestReliabilityReplayedKeyRecoversFailedCall shows the recovery path for
// the failed calls above: calling again with the same IdempotencyKey returns
// the customer the cut-off attempt created instead of creating another.
func TestReliabilityReplayedKeyRecoversFailedCall(t *testing.T) {
	t.Parallel()
	srv := newIdemServer(t, 1)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := loopbackClient(t, ts, 2*time.Second, WithMaxRetries(0))
	// Find a call whose first attempt is cut off after the create.
	call := 0
	for srv.faultFor(strconv.Itoa(call), 0) != faultDropAfter {
		call++
	}
	params := &CustomerCreateParams{
		Params:   Params{IdempotencyKey: "order-42-create-customer"},
		Metadata: Metadata{"call": strconv.Itoa(call)},
	}
	_, err := c.Customers.Create(context.Background(), params)
	require.Error(t, err)
	cus, err := c.Customers.Create(context.Background(), params)
	require.NoError(t, err)
	srv.mu.Lock()
	defer srv.mu.Unlock()
	require.Equal(t, []string{cus.ID}, srv.created[strconv.Itoa(call)])
}

// --- 2. Rate limits ---------------------------------------------------------

// TestReliabilityRateLimitHeld runs 64 goroutines (half reading, half
// writing) for 2 s against limits of 20/s each, and counts what the server
// saw: never more requests per bucket than the tokens the limiter could
// have granted while the test ran (one to start with plus 20 a second of
// the measured run), however the machine schedules them. Arrival times are
// not compared: a busy machine delays some arrivals and bunches others, so
// a rate measured between them can read above the limit the client held.
func TestReliabilityRateLimitHeld(t *testing.T) {
	t.Parallel()
	const limit, workers, run = 20, 64, 2 * time.Second
	var mu sync.Mutex
	seen := map[string]int{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Method]++
		mu.Unlock()
		_, _ = io.WriteString(w, customerJSON("cus_1"))
	}))
	defer ts.Close()
	c := loopbackClient(t, ts, 5*time.Second, WithRateLimit(limit, limit))

	start := time.Now() // before the first token is taken
	ctx, cancel := context.WithTimeout(context.Background(), run)
	defer cancel()
	var unexpected atomic.Int64
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				var err error
				if i%2 == 0 {
					_, err = c.Customers.Get(ctx, "cus_1", nil)
				} else {
					_, err = c.Customers.Create(ctx, &CustomerCreateParams{Email: Ptr("a@example.com")})
				}
				if err != nil {
					// The limiter says when a wait would outlast the deadline:
					// this goroutine is done (looping on would only spin).
					if !errors.Is(err, context.DeadlineExceeded) {
						unexpected.Add(1)
						t.Errorf("unexpected error: %v", err)
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start) // after the last token was taken
	require.Zero(t, unexpected.Load())

	mu.Lock()
	defer mu.Unlock()
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		n := seen[method]
		// Tokens: the one the bucket starts with, then limit a second
		// (plus one for the limiter's floating-point arithmetic at the edge).
		tokens := 1 + int(limit*elapsed.Seconds()) + 1
		assert.LessOrEqual(t, n, tokens, "%s: %d requests in %v", method, n, elapsed)
		// The run deadline ends the test; the limiter leaves no wait
		// unanswered, so the limit is used at all (a loose floor: a
		// stalled machine sends fewer, never more).
		assert.Greater(t, n, limit/2, "%s: %d requests in %v", method, n, elapsed)
		t.Logf("%s: %d requests in %v (at most %d tokens)", method, n, elapsed, tokens)
	}
}

// TestReliability429IsRetriedWithBackoff: a server that rate limits the
// first 16 requests; 8 concurrent calls all succeed, each retry after a
// backoff sleep within the documented schedule.
func TestReliability429IsRetriedWithBackoff(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 16 {
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}`)
			return
		}
		_, _ = io.WriteString(w, customerJSON("cus_1"))
	}))
	defer ts.Close()
	c := loopbackClient(t, ts, 5*time.Second, WithMaxRetries(17))
	rec := &sleepLog{}
	c.sleep = rec.sleep

	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
			if assert.NoError(t, err) {
				assert.Equal(t, "cus_1", cus.ID)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int64(16+8), n.Load())
	sleeps := rec.recorded()
	require.Len(t, sleeps, 16, "one backoff sleep per 429")
	for _, d := range sleeps {
		assert.GreaterOrEqual(t, d, initialBackoff/2)
		assert.LessOrEqual(t, d, maxBackoff)
	}

	// One call alone: the backoff doubles from attempt to attempt.
	n.Store(13)
	rec2 := &sleepLog{}
	c.sleep = rec2.sleep
	_, err := c.Customers.Get(context.Background(), "cus_1", nil)
	require.NoError(t, err)
	s := rec2.recorded()
	require.Len(t, s, 3)
	for i, d := range s {
		lo := (initialBackoff << i) / 2
		assert.GreaterOrEqual(t, d, lo, "attempt %d", i)
		assert.LessOrEqual(t, d, 2*lo, "attempt %d", i)
	}
}

// TestReliabilityRetryAfterHonoured: the recorded sleep is at least what
// Retry-After asked for; a Retry-After beyond the client's cap is not waited
// out but returned as the rate-limit error it is.
func TestReliabilityRetryAfterHonoured(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		retryAfter string
		wantSleep  time.Duration // 0: no retry
	}{
		{"2", 2 * time.Second},
		{"7", 7 * time.Second},
		{"3600", 0},
	} {
		t.Run(tc.retryAfter, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int64
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					w.Header().Set("Retry-After", tc.retryAfter)
					w.WriteHeader(http.StatusTooManyRequests)
					return
				}
				_, _ = io.WriteString(w, customerJSON("cus_1"))
			}))
			defer ts.Close()
			c := loopbackClient(t, ts, 5*time.Second)
			rec := &sleepLog{}
			c.sleep = rec.sleep
			_, err := c.Customers.Create(context.Background(), nil)
			if tc.wantSleep == 0 {
				require.ErrorIs(t, err, ErrRateLimited)
				assert.Empty(t, rec.recorded())
				assert.Equal(t, int64(1), n.Load())
				return
			}
			require.NoError(t, err)
			s := rec.recorded()
			require.Len(t, s, 1)
			assert.GreaterOrEqual(t, s[0], tc.wantSleep)
		})
	}
}

// --- 3. Cancellation and deadlines ------------------------------------------

// checkNoGoroutineLeak fails t unless the number of goroutines falls back to
// before within 10 s (it returns as soon as they do). Only for tests that
// are not parallel.
func checkNoGoroutineLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("goroutine leak: %d before, %d after\n%s", before, runtime.NumGoroutine(), buf)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// stepDeadline is a context whose deadline passes when expire is called,
// so a test can let it pass at a chosen step rather than at a wall-clock
// time a busy machine may reach before that step. Deadline reports a
// minute from creation, so waits longer than that are refused at once.
type stepDeadline struct {
	context.Context // Value only
	deadline        time.Time
	done            chan struct{}
	once            sync.Once
}

func newStepDeadline() *stepDeadline {
	return &stepDeadline{Context: context.Background(), deadline: time.Now().Add(time.Minute), done: make(chan struct{})}
}

func (c *stepDeadline) Deadline() (time.Time, bool) { return c.deadline, true }
func (c *stepDeadline) Done() <-chan struct{}       { return c.done }
func (c *stepDeadline) expire()                     { c.once.Do(func() { close(c.done) }) }
func (c *stepDeadline) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// TestReliabilityCancellation cancels (or lets a deadline expire) while the
// client waits for the limiter, sleeps a backoff, reads a slow body, and
// walks a list whose second page hangs. The context ends once the scenario
// has reached that wait (the server or the sleep says so), not after a
// fixed time a busy machine could overrun. Each wait would otherwise last
// a minute or more; each returns the context's error well within the 10 s
// ceiling (the time is logged), and leaves no goroutine behind.
// Not parallel: it counts goroutines.
func TestReliabilityCancellation(t *testing.T) {
	// A ceiling only a wait that ignores ctx crosses: every wait below is
	// a minute or more.
	const ceiling = 10 * time.Second

	type scenario struct {
		name string
		// reached is called once the call is in the wait to interrupt.
		handler func(t *testing.T, hits *atomic.Int64, reached func()) http.HandlerFunc
		opts    []Option
		setup   func(c *Client, reached func())
		run     func(ctx context.Context, c *Client, reached func()) error
		wantReq int64
	}
	hang := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	}
	scenarios := []scenario{
		{
			name: "limiter wait",
			handler: func(t *testing.T, hits *atomic.Int64, _ func()) http.HandlerFunc {
				return func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					_, _ = io.WriteString(w, customerJSON("cus_1"))
				}
			},
			opts: []Option{WithRateLimit(rate.Every(time.Hour), rate.Every(time.Hour))},
			run: func(ctx context.Context, c *Client, reached func()) error {
				// The first call takes the only token; the second waits an
				// hour for the next (with a deadline, it is refused at once).
				if _, err := c.Customers.Get(context.Background(), "cus_1", nil); err != nil {
					return fmt.Errorf("first call: %w", err)
				}
				reached()
				_, err := c.Customers.Get(ctx, "cus_1", nil)
				return err
			},
			wantReq: 1,
		},
		{
			name: "backoff sleep",
			handler: func(t *testing.T, hits *atomic.Int64, _ func()) http.HandlerFunc {
				return func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					w.WriteHeader(http.StatusServiceUnavailable)
				}
			},
			setup: func(c *Client, reached func()) {
				// The real sleep, for an hour.
				c.sleep = func(ctx context.Context, _ time.Duration) error {
					reached()
					return sleepCtx(ctx, time.Hour)
				}
			},
			run: func(ctx context.Context, c *Client, _ func()) error {
				_, err := c.Customers.Create(ctx, nil)
				return err
			},
			wantReq: 1,
		},
		{
			name: "slow response body",
			handler: func(t *testing.T, hits *atomic.Int64, reached func()) http.HandlerFunc {
				return func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					w.Header().Set("Content-Type", "application/json")
					_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer","description":"`)
					w.(http.Flusher).Flush()
					reached()
					hang(w, r)
				}
			},
			run: func(ctx context.Context, c *Client, _ func()) error {
				_, err := c.Customers.Get(ctx, "cus_1", nil)
				return err
			},
			wantReq: 1,
		},
		{
			name: "All with a hanging second page",
			handler: func(t *testing.T, hits *atomic.Int64, reached func()) http.HandlerFunc {
				return func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					if r.URL.Query().Get("starting_after") == "" {
						_, _ = io.WriteString(w, `{"object":"list","url":"/v1/customers","has_more":true,"data":[`+customerJSON("cus_1")+`,`+customerJSON("cus_2")+`]}`)
						return
					}
					reached()
					hang(w, r)
				}
			},
			run: func(ctx context.Context, c *Client, _ func()) error {
				var ids []string
				var errs []error
				for cus, err := range c.Customers.All(ctx, nil) {
					if err != nil {
						errs = append(errs, err)
						continue
					}
					ids = append(ids, cus.ID)
				}
				if len(ids) != 2 || len(errs) != 1 {
					return fmt.Errorf("got %v and errors %v, want the first page then one error", ids, errs)
				}
				return errs[0]
			},
			wantReq: 2,
		},
	}
	for _, sc := range scenarios {
		for _, kind := range []string{"cancel", "deadline"} {
			t.Run(sc.name+"/"+kind, func(t *testing.T) {
				before := runtime.NumGoroutine()
				func() {
					reachedCh := make(chan struct{})
					var once sync.Once
					reached := func() { once.Do(func() { close(reachedCh) }) }
					var hits atomic.Int64
					ts := httptest.NewServer(sc.handler(t, &hits, reached))
					defer ts.Close()
					tr := &http.Transport{}
					defer tr.CloseIdleConnections()
					opts := append([]Option{
						WithBaseURL(ts.URL),
						WithHTTPClient(&http.Client{Transport: tr}),
						WithRateLimit(rate.Inf, rate.Inf),
					}, sc.opts...)
					c, err := NewClient(testKey, opts...)
					require.NoError(t, err)
					if sc.setup != nil {
						sc.setup(c, reached)
					}

					var ctx context.Context
					var stop func()
					want := context.Canceled
					if kind == "cancel" {
						var cancel context.CancelFunc
						ctx, cancel = context.WithCancel(context.Background())
						defer cancel()
						stop = cancel
					} else {
						sd := newStepDeadline()
						ctx, stop = sd, sd.expire
						defer stop()
						want = context.DeadlineExceeded
					}
					finished := make(chan struct{})
					defer close(finished)
					go func() {
						select {
						case <-reachedCh:
							// A moment for the client to block in the wait;
							// if it is not there yet, the call still ends
							// with the context's error, from an earlier check.
							time.Sleep(20 * time.Millisecond)
							stop()
						case <-finished:
						}
					}()
					start := time.Now()
					done := make(chan error, 1)
					go func() { done <- sc.run(ctx, c, reached) }()
					select {
					case err = <-done:
					case <-time.After(ceiling):
						t.Fatalf("still waiting %v after the start", ceiling)
					}
					require.ErrorIs(t, err, want)
					t.Logf("returned %v after the start", time.Since(start))
					assert.Equal(t, sc.wantReq, hits.Load(), "requests")
				}()
				checkNoGoroutineLeak(t, before)
			})
		}
	}
}

// --- 4. Hostile responses ---------------------------------------------------

// TestReliabilityHostileResponses: every response a broken server or proxy
// may send becomes an error that says what went wrong, never a silently
// empty object.
func TestReliabilityHostileResponses(t *testing.T) {
	t.Parallel()
	big := `{"id":"cus_big","object":"customer","description":"` + strings.Repeat("x", 9<<20) + `"}`
	tests := []struct {
		name    string
		handler http.HandlerFunc
		opts    []Option
		check   func(t *testing.T, cus *Customer, err error, requests int64)
	}{
		{
			name: "malformed JSON",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer",,}`)
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.ErrorContains(t, err, "stripe: decoding 200 response")
				assert.ErrorContains(t, err, "invalid character")
				assert.Equal(t, int64(1), requests, "a bad body is not retried")
			},
		},
		{
			name: "truncated body is retried like a network error",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", "200")
				_, _ = io.WriteString(w, `{"id":"cus_1","obj`)
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.ErrorContains(t, err, "stripe: reading 200 response")
				assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
				assert.Equal(t, int64(1+DefaultMaxRetries), requests)
			},
		},
		{
			name: "HTML with status 200",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				_, _ = io.WriteString(w, "<!DOCTYPE html><html><body>Welcome to our captive portal</body></html>")
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.ErrorContains(t, err, `Content-Type "text/html; charset=utf-8"`)
				assert.ErrorContains(t, err, "invalid character '<'")
			},
		},
		{
			name: "error body without an error key",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				_, _ = io.WriteString(w, `{"message":"something odd","status":400}`)
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				var se *Error
				require.ErrorAs(t, err, &se)
				assert.Equal(t, http.StatusBadRequest, se.HTTPStatus)
				assert.Equal(t, ErrorTypeInvalidRequest, se.Type)
				assert.Contains(t, se.Message, "something odd")
			},
		},
		{
			name: "error object with status 200",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Request-Id", "req_200err")
				_, _ = io.WriteString(w, "{\n  \"error\": {\n    \"code\": \"resource_missing\",\n    \"message\": \"No such customer: 'cus_1'\"\n  }\n}\n")
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				var se *Error
				require.ErrorAs(t, err, &se)
				assert.Equal(t, http.StatusOK, se.HTTPStatus)
				assert.Equal(t, ErrorTypeAPI, se.Type)
				assert.Equal(t, ErrorCodeResourceMissing, se.Code)
				assert.Equal(t, "req_200err", se.RequestID)
				assert.ErrorIs(t, err, ErrNotFound)
				assert.Nil(t, cus)
			},
		},
		{
			name: "body over WithMaxResponseBytes",
			handler: func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer","description":"`+strings.Repeat("y", 2000)+`"}`)
			},
			opts: []Option{WithMaxResponseBytes(1024)},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.ErrorContains(t, err, "stripe: response body exceeds 1024 bytes")
				assert.Nil(t, cus, "no partial object")
			},
		},
		{
			name: "body of exactly WithMaxResponseBytes",
			handler: func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer","description":"`+strings.Repeat("y", 1024-len(`{"id":"cus_1","object":"customer","description":""}`))+`"}`)
			},
			opts: []Option{WithMaxResponseBytes(1024)},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.NoError(t, err)
				assert.Equal(t, "cus_1", cus.ID)
			},
		},
		{
			name: "9 MiB body over the 8 MiB default",
			handler: func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, big)
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				require.ErrorContains(t, err, fmt.Sprintf("stripe: response body exceeds %d bytes", DefaultMaxResponseBytes))
			},
		},
		{
			name: "huge error body is cut, not read whole",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				_, _ = io.WriteString(w, big)
			},
			check: func(t *testing.T, cus *Customer, err error, requests int64) {
				var se *Error
				require.ErrorAs(t, err, &se)
				assert.Less(t, len(err.Error()), 400)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int64
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				tt.handler(w, r)
			}))
			defer ts.Close()
			c := loopbackClient(t, ts, 5*time.Second, tt.opts...)
			cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
			tt.check(t, cus, err, n.Load())
			if err != nil {
				assert.NotContains(t, err.Error(), "\n")
			}
		})
	}
}

// TestReliabilitySlowloris: a server that never finishes its headers, or
// dribbles its body a byte at a time, is cut off by the HTTP client's
// timeout. Each would take a minute otherwise; the test allows 10 s.
func TestReliabilitySlowloris(t *testing.T) {
	t.Parallel()
	const timeout = 250 * time.Millisecond
	for name, handler := range map[string]http.HandlerFunc{
		"headers never sent": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
		},
		"body dribbled": func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, `{"id":"cus_1","description":"`)
			for range 600 {
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(100 * time.Millisecond):
				}
				_, _ = io.WriteString(w, "x")
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := httptest.NewServer(handler)
			defer ts.Close()
			c := loopbackClient(t, ts, timeout, WithMaxRetries(0))
			start := time.Now()
			_, err := c.Customers.Get(context.Background(), "cus_1", nil)
			elapsed := time.Since(start)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "Client.Timeout")
			assert.Less(t, elapsed, 10*time.Second, "a ceiling only a missing timeout crosses")
		})
	}
}

// TestReliabilityRedirectNeverForwardsAuthorization: a redirect to another
// host (here another port on 127.0.0.1, which Go's default policy treats as
// the same host and sends Authorization to) is refused by the default
// client: the other server never sees the request, let alone the key.
func TestReliabilityRedirectNeverForwardsAuthorization(t *testing.T) {
	t.Parallel()
	var leaked, hitsB atomic.Int64
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hitsB.Add(1)
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		_, _ = io.WriteString(w, customerJSON("cus_evil"))
	}))
	defer b.Close()
	for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		var hitsA atomic.Int64
		a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hitsA.Add(1)
			http.Redirect(w, r, b.URL+r.URL.Path, status)
		}))
		c, err := NewClient(testKey, WithBaseURL(a.URL), WithRateLimit(rate.Inf, rate.Inf)) // the default HTTP client
		require.NoError(t, err)
		_, err = c.Customers.Get(context.Background(), "cus_1", nil)
		require.ErrorIs(t, err, errRedirect, "%d", status)
		_, err = c.Customers.Create(context.Background(), &CustomerCreateParams{Source: Ptr("tok_visa")})
		require.ErrorIs(t, err, errRedirect, "%d", status)
		assert.Equal(t, int64(2), hitsA.Load(), "%d: a refused redirect is not retried", status)
		a.Close()
	}
	assert.Zero(t, leaked.Load(), "Authorization was forwarded to another host")
	assert.Zero(t, hitsB.Load())
}

// --- 5. Hostile input -------------------------------------------------------

// TestReliabilityHostileInput: IDs, metadata and header-bound params with
// path, query and header metacharacters either reach the server exactly as
// given (checked on the wire) or are refused before any request.
func TestReliabilityHostileInput(t *testing.T) {
	t.Parallel()
	type seen struct {
		method, requestURI, path string
		form                     url.Values
		header                   http.Header
	}
	var mu sync.Mutex
	var got []seen
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(b))
		if err != nil {
			t.Errorf("unparsable body %q: %v", b, err)
		}
		if r.URL.RawQuery != "" {
			form = r.URL.Query()
		}
		mu.Lock()
		got = append(got, seen{r.Method, r.RequestURI, r.URL.Path, form, r.Header.Clone()})
		mu.Unlock()
		if r.Method == http.MethodGet && r.URL.Path == "/v1/customers" {
			_, _ = io.WriteString(w, `{"object":"list","data":[`+customerJSON("cus_1")+`],"has_more":false}`)
			return
		}
		_, _ = io.WriteString(w, customerJSON("cus_1"))
	}))
	defer ts.Close()
	c := loopbackClient(t, ts, 5*time.Second)
	ctx := context.Background()
	last := func() seen {
		mu.Lock()
		defer mu.Unlock()
		require.NotEmpty(t, got)
		return got[len(got)-1]
	}
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(got)
	}

	escaped := map[string]string{
		"cus_1/../../v1/charges": "cus_1%2F..%2F..%2Fv1%2Fcharges",
		"../charges":             "..%2Fcharges",
		"a?expand[]=x":           "a%3Fexpand%5B%5D=x",
		"a#frag":                 "a%23frag",
		"100%":                   "100%25",
		"%2e%2e":                 "%252e%252e",
		"cus 1":                  "cus%201",
		"cüs_✓":                  "c%C3%BCs_%E2%9C%93",
		"a;b,c":                  "a%3Bb%2Cc",
		"line\u2028sep":          "line%E2%80%A8sep",
	}
	for id, want := range escaped {
		_, err := c.Customers.Get(ctx, id, nil)
		require.NoError(t, err, "%q", id)
		s := last()
		assert.Equal(t, "/v1/customers/"+want, s.requestURI, "%q", id)
		assert.Equal(t, "/v1/customers/"+id, s.path, "%q decodes back to itself", id)
		_, err = c.Customers.Update(ctx, id, &CustomerUpdateParams{Name: Ptr("x")})
		require.NoError(t, err, "%q", id)
		assert.Equal(t, "/v1/customers/"+want, last().requestURI, "%q", id)
	}

	before := count()
	refused := []struct {
		name string
		call func() error
	}{
		{"empty ID", func() error { _, err := c.Customers.Get(ctx, "", nil); return err }},
		{"dot ID", func() error { _, err := c.Customers.Get(ctx, ".", nil); return err }},
		{"dot-dot ID", func() error { _, err := c.Customers.Delete(ctx, "..", nil); return err }},
		{"newline in ID", func() error { _, err := c.Customers.Get(ctx, "cus_1\nX-Evil: 1", nil); return err }},
		{"CR in ID", func() error { _, err := c.Customers.Update(ctx, "cus_1\r", nil); return err }},
		{"NUL in ID", func() error { _, err := c.Customers.Get(ctx, "cus\x001", nil); return err }},
		{"tab in ID", func() error { _, err := c.Customers.Get(ctx, "cus\t1", nil); return err }},
		{"metadata key with [", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Metadata: Metadata{"a[b": "x"}})
			return err
		}},
		{"metadata key with ]", func() error {
			_, err := c.Customers.Update(ctx, "cus_1", &CustomerUpdateParams{Metadata: Metadata{"a]": "x"}})
			return err
		}},
		{"empty metadata key", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Metadata: Metadata{"": "x"}})
			return err
		}},
		{"CRLF in IdempotencyKey", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Params: Params{IdempotencyKey: "k\r\nX-Evil: 1"}})
			return err
		}},
		{"over-long IdempotencyKey", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Params: Params{IdempotencyKey: strings.Repeat("k", 256)}})
			return err
		}},
		{"CRLF in StripeAccount", func() error {
			_, err := c.Customers.Get(ctx, "cus_1", &CustomerGetParams{Params: Params{StripeAccount: "acct_1\r\nX-Evil: 1"}})
			return err
		}},
		{"LF in StripeAccount on a POST", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Params: Params{StripeAccount: "acct_1\n"}})
			return err
		}},
	}
	for _, r := range refused {
		err := r.call()
		require.Error(t, err, r.name)
		// Refused by the client itself, not by net/http after retries.
		assert.Regexp(t, `^stripe: (encoding params: stripe: )?(invalid |IdempotencyKey )`, err.Error(), r.name)
		assert.NotContains(t, err.Error(), "\n", r.name)
	}
	assert.Equal(t, before, count(), "refused input sent no request")

	// Form and query values carry &, =, brackets, CRLF and unicode intact.
	meta := Metadata{
		"a&b=c":          "x&y=z",
		"line\r\nbreak":  "v\r\nX-Injected: 1",
		"ключ":           "значение ✓",
		"plus+and space": "%41+%2B ",
		"empty":          "",
	}
	_, err := c.Customers.Create(ctx, &CustomerCreateParams{
		Params:      Params{IdempotencyKey: "key-ü-1", StripeAccount: "acct_ü", Expand: []string{"a&b", "c\r\nd"}},
		Description: Ptr("a&b=c\r\n\r\nGET / HTTP/1.1"),
		Metadata:    meta,
	})
	require.NoError(t, err)
	s := last()
	assert.Equal(t, "/v1/customers", s.requestURI)
	for k, v := range meta {
		assert.Equal(t, []string{v}, s.form["metadata["+k+"]"], "metadata[%q]", k)
	}
	assert.Equal(t, "a&b=c\r\n\r\nGET / HTTP/1.1", s.form.Get("description"))
	assert.Equal(t, "a&b", s.form.Get("expand[0]"))
	assert.Equal(t, "c\r\nd", s.form.Get("expand[1]"))
	assert.Len(t, s.form, len(meta)+3, "nothing else was smuggled in: %v", s.form)
	assert.Equal(t, "key-ü-1", s.header.Get("Idempotency-Key"))
	assert.Equal(t, "acct_ü", s.header.Get("Stripe-Account"))
	assert.Empty(t, s.header.Get("X-Injected"))

	_, err = c.Customers.List(ctx, &CustomerListParams{Email: Ptr("a&limit=100\r\n#x"), ListParams: ListParams{StartingAfter: Ptr("cus_1&ending_before=x")}})
	require.NoError(t, err)
	s = last()
	assert.Equal(t, url.Values{"email": {"a&limit=100\r\n#x"}, "starting_after": {"cus_1&ending_before=x"}}, s.form)
	assert.Equal(t, "/v1/customers", s.path)
}

// --- 8. Race ----------------------------------------------------------------

// TestReliabilitySharedClientRace shares one client across 100 goroutines
// doing Get, Create, List and All at once; run under -race.
func TestReliabilitySharedClientRace(t *testing.T) {
	t.Parallel()
	var creates atomic.Int64
	var firstTry sync.Map
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v1/customers":
			n := creates.Add(1)
			if _, retried := firstTry.LoadOrStore(r.Header.Get("Idempotency-Key"), true); !retried && n%3 == 0 {
				w.WriteHeader(http.StatusInternalServerError) // this create needs a retry
				return
			}
			_, _ = io.WriteString(w, customerJSON(fmt.Sprintf("cus_new%d", n)))
		case r.URL.Path == "/v1/customers" && r.URL.Query().Get("starting_after") == "":
			_, _ = io.WriteString(w, `{"object":"list","url":"/v1/customers","has_more":true,"data":[`+customerJSON("cus_1")+`,`+customerJSON("cus_2")+`]}`)
		case r.URL.Path == "/v1/customers":
			_, _ = io.WriteString(w, `{"object":"list","url":"/v1/customers","has_more":false,"data":[`+customerJSON("cus_3")+`]}`)
		case strings.HasPrefix(r.URL.Path, "/v1/customers/"):
			_, _ = io.WriteString(w, customerJSON(strings.TrimPrefix(r.URL.Path, "/v1/customers/")))
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	c := loopbackClient(t, ts, 10*time.Second)

	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			switch i % 4 {
			case 0:
				id := fmt.Sprintf("cus_%d", i)
				cus, err := c.Customers.Get(ctx, id, &CustomerGetParams{Params: Params{Expand: []string{"default_source"}}})
				if assert.NoError(t, err) {
					assert.Equal(t, id, cus.ID)
				}
			case 1:
				cus, err := c.Customers.Create(ctx, &CustomerCreateParams{Metadata: Metadata{"i": strconv.Itoa(i)}})
				if assert.NoError(t, err) {
					assert.True(t, strings.HasPrefix(cus.ID, "cus_new"))
				}
			case 2:
				page, err := c.Customers.List(ctx, &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(2))}})
				if assert.NoError(t, err) {
					assert.Len(t, page.Data, 2)
				}
			case 3:
				var ids []string
				for cus, err := range c.Customers.All(ctx, nil) {
					if !assert.NoError(t, err) {
						break
					}
					ids = append(ids, cus.ID)
				}
				assert.Equal(t, []string{"cus_1", "cus_2", "cus_3"}, ids)
			}
		}()
	}
	wg.Wait()
}
