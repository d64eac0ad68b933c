package stripe

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

func TestNewClientRejectsBadKeys(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"", "pk_test_123", "pk_live_123", "sk_test_1 23", "sk_test_123\n", "\tsk_test_123", "sk_test_\x00123"} {
		c, err := NewClient(key)
		assert.Nil(t, c, "%q", key)
		if assert.Error(t, err, "%q", key) {
			assert.NotContains(t, err.Error(), "123", "the key must not be echoed")
		}
	}
	for _, key := range []string{"sk_test_123", "sk_live_123", "rk_test_123"} {
		_, err := NewClient(key)
		assert.NoError(t, err, key)
	}
}

func TestNewClientRejectsBadOptions(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]Option{
		"relative base URL":   WithBaseURL("/v1"),
		"ftp base URL":        WithBaseURL("ftp://api.stripe.com"),
		"base URL with query": WithBaseURL("https://api.stripe.com?x=1"),
		"nil http client":     WithHTTPClient(nil),
		"empty api version":   WithAPIVersion(""),
		"CRLF in account":     WithStripeAccount("acct_1\r\nX: y"),
		"negative retries":    WithMaxRetries(-1),
		"zero rate":           WithRateLimit(0, 10),
		"CRLF in app info":    WithAppInfo("app\r\n", "1", ""),
		"zero max response":   WithMaxResponseBytes(0),
	} {
		_, err := NewClient(testKey, opt)
		assert.Error(t, err, name)
	}
}

func TestClientSendsAuthAndVersionHeaders(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithAppInfo("zapconnect", "1.2.3", "https://example.com"), WithStripeAccount("acct_default"))
	rec := mock(mt, ok(fixture(t, "customer.json")))

	_, err := c.Customers.Get(context.Background(), "cus_123", nil)
	require.NoError(t, err)
	_, err = c.Customers.Get(context.Background(), "cus_123", &CustomerGetParams{Params: Params{StripeAccount: "acct_override"}})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 2)
	h := sent[0].Header
	assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte("sk_test_123:")), h.Get("Authorization"))
	user, pass, okAuth := (&http.Request{Header: h}).BasicAuth()
	assert.True(t, okAuth)
	assert.Equal(t, "sk_test_123", user)
	assert.Empty(t, pass)
	assert.Equal(t, "2026-08-26.dahlia", h.Get("Stripe-Version"))
	assert.Equal(t, "acct_default", h.Get("Stripe-Account"))
	assert.Regexp(t, `^stripelite/\S+ go/\S+ zapconnect/1\.2\.3 \(https://example\.com\)$`, h.Get("User-Agent"))
	assert.Empty(t, h.Get("Idempotency-Key"), "GET carries no idempotency key")
	assert.Empty(t, h.Get("Content-Type"), "GET carries no body")
	assert.Empty(t, sent[0].RawBody)
	assert.Equal(t, "acct_override", sent[1].Header.Get("Stripe-Account"))
}

func TestClientAPIVersionOption(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithAPIVersion("2025-01-27.acacia"))
	rec := mock(mt, ok(fixture(t, "customer.json")))
	_, err := c.Customers.Get(context.Background(), "cus_123", nil)
	require.NoError(t, err)
	assert.Equal(t, "2025-01-27.acacia", rec.requests()[0].Header.Get("Stripe-Version"))
}

func TestClientGetSendsParamsInQueryPostInBody(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))
	ctx := context.Background()

	_, err := c.Customers.Get(ctx, "cus_123", &CustomerGetParams{Params: Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, "cus_123", &CustomerUpdateParams{Name: Ptr("Jenny"), Params: Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)

	sent := rec.requests()
	assert.Equal(t, "default_source", sent[0].Query.Get("expand[0]"))
	assert.Empty(t, sent[0].RawBody)
	assert.Empty(t, sent[1].Query)
	assert.Equal(t, "application/x-www-form-urlencoded", sent[1].Header.Get("Content-Type"))
	assert.Equal(t, "Jenny", sent[1].Form.Get("name"))
	assert.Equal(t, "default_source", sent[1].Form.Get("expand[0]"))
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestClientPostIdempotencyKeySameOnRetry(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		reply{status: 500, body: `{"error":{"type":"api_error","message":"boom"}}`},
		reply{status: 503, body: `{"error":{"type":"api_error","message":"busy"}}`},
		ok(fixture(t, "customer.json")))

	cus, err := c.Customers.Create(context.Background(), &CustomerCreateParams{Email: Ptr("a@example.com")})
	require.NoError(t, err)
	assert.Equal(t, "cus_NffrFeUfNV2Hib", cus.ID)

	sent := rec.requests()
	require.Len(t, sent, 3)
	key := sent[0].Header.Get("Idempotency-Key")
	assert.Regexp(t, uuidV4, key)
	for _, s := range sent {
		assert.Equal(t, key, s.Header.Get("Idempotency-Key"))
		assert.Equal(t, "a@example.com", s.Form.Get("email"), "the same body is resent")
	}

	// A second logical call gets a new key; a caller's key is used as given.
	_, err = c.Customers.Create(context.Background(), &CustomerCreateParams{Params: Params{IdempotencyKey: "order-42"}})
	require.NoError(t, err)
	_, err = c.Customers.Create(context.Background(), nil)
	require.NoError(t, err)
	sent = rec.requests()
	assert.Equal(t, "order-42", sent[3].Header.Get("Idempotency-Key"))
	assert.Regexp(t, uuidV4, sent[4].Header.Get("Idempotency-Key"))
	assert.NotEqual(t, key, sent[4].Header.Get("Idempotency-Key"))
}

func TestClientPostWithoutKeyIsNotRetried(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithIdempotencyKeyFunc(nil))
	mt.RegisterNoResponder(httpmock.ConnectionFailure)

	_, err := c.Customers.Create(context.Background(), &CustomerCreateParams{Email: Ptr("a@example.com")})
	require.Error(t, err)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "a POST without an Idempotency-Key must not be retried")

	// The same failure on a POST with a key, and on a GET, is retried.
	_, err = c.Customers.Create(context.Background(), &CustomerCreateParams{Params: Params{IdempotencyKey: "k1"}})
	require.Error(t, err)
	assert.Equal(t, 1+3, mt.GetTotalCallCount())
	_, err = c.Customers.Get(context.Background(), "cus_1", nil)
	require.Error(t, err)
	assert.Equal(t, 1+3+3, mt.GetTotalCallCount())
}

func TestClientStripeShouldRetryHeader(t *testing.T) {
	t.Parallel()
	noRetry := http.Header{"Stripe-Should-Retry": {"false"}}
	c, mt := newTestClient(t)
	rec := mock(mt, reply{status: 500, body: `{"error":{"type":"api_error"}}`, header: noRetry})
	_, err := c.Customers.Get(context.Background(), "cus_1", nil)
	require.Error(t, err)
	assert.Len(t, rec.requests(), 1, "Stripe-Should-Retry: false stops the retry")

	yes := http.Header{"Stripe-Should-Retry": {"true"}}
	c2, mt2 := newTestClient(t)
	rec2 := mock(mt2, reply{status: 400, body: `{"error":{"type":"invalid_request_error"}}`, header: yes}, ok(fixture(t, "customer.json")))
	_, err = c2.Customers.Get(context.Background(), "cus_1", nil)
	require.NoError(t, err)
	assert.Len(t, rec2.requests(), 2, "Stripe-Should-Retry: true retries even a 400")
}

func TestClientRetriesRetryableStatuses(t *testing.T) {
	t.Parallel()
	for _, status := range []int{409, 429, 500, 502, 503} {
		c, mt := newTestClient(t, WithMaxRetries(1))
		rec := mock(mt, reply{status: status, body: `{}`}, ok(fixture(t, "customer.json")))
		_, err := c.Customers.Get(context.Background(), "cus_1", nil)
		assert.NoError(t, err, "status %d", status)
		assert.Len(t, rec.requests(), 2, "status %d", status)
	}
	for _, status := range []int{400, 401, 402, 403, 404} {
		c, mt := newTestClient(t)
		rec := mock(mt, reply{status: status, body: `{}`})
		_, err := c.Customers.Get(context.Background(), "cus_1", nil)
		assert.Error(t, err, "status %d", status)
		assert.Len(t, rec.requests(), 1, "status %d is not retried", status)
	}
}

// sleepRecorder replaces the client's backoff sleep with one that records.
func sleepRecorder(c *Client) func() []time.Duration {
	var mu sync.Mutex
	var got []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		got = append(got, d)
		mu.Unlock()
		return ctx.Err()
	}
	return func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Duration(nil), got...)
	}
}

func TestClient429ThenSuccessAfterBackoff(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	sleeps := sleepRecorder(c)
	rec := mock(mt, reply{status: 429, body: `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}`}, ok(fixture(t, "customer.json")))

	cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
	require.NoError(t, err)
	assert.Equal(t, "cus_NffrFeUfNV2Hib", cus.ID)
	assert.Len(t, rec.requests(), 2)
	require.Len(t, sleeps(), 1)
	assert.GreaterOrEqual(t, sleeps()[0], 250*time.Millisecond)
	assert.LessOrEqual(t, sleeps()[0], 500*time.Millisecond)
}

func TestClientHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	sleeps := sleepRecorder(c)
	mock(mt, reply{status: 429, body: `{}`, header: http.Header{"Retry-After": {"3"}}}, ok(fixture(t, "customer.json")))
	_, err := c.Customers.Get(context.Background(), "cus_1", nil)
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{3 * time.Second}, sleeps())

	// A Retry-After longer than the client will wait returns the error at once.
	c2, mt2 := newTestClient(t)
	rec := mock(mt2, reply{status: 429, body: `{}`, header: http.Header{"Retry-After": {"3600"}}})
	_, err = c2.Customers.Get(context.Background(), "cus_1", nil)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Len(t, rec.requests(), 1)
}

func TestClientBackoffSchedule(t *testing.T) {
	t.Parallel()
	c, _ := newTestClient(t)
	c.jitter = func(n int64) int64 { return n - 1 } // the top of each range
	top := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}
	for i, want := range top {
		assert.Equal(t, want, c.backoff(i), "attempt %d", i)
	}
	c.jitter = func(int64) int64 { return 0 }
	assert.Equal(t, 250*time.Millisecond, c.backoff(0))
	assert.Equal(t, 2500*time.Millisecond, c.backoff(50))
}

// returnsWithin runs f and returns its error, failing t if f has not
// returned after ceiling: a bound only a hang crosses, never a busy machine.
func returnsWithin(t *testing.T, ceiling time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(ceiling):
		t.Fatalf("still running after %v", ceiling)
		return nil
	}
}

func TestClientCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	// The real sleep, asked for an hour: only the context can end it.
	asked := make(chan time.Duration, 1)
	c.sleep = func(ctx context.Context, d time.Duration) error {
		asked <- d
		return sleepCtx(ctx, time.Hour)
	}
	mock(mt, reply{status: 500, body: `{}`})

	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-asked // cancel once the client is asleep
		cancel()
	}()
	err := returnsWithin(t, 10*time.Second, func() error {
		_, err := c.Customers.Get(ctx, "cus_1", nil)
		return err
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "no retry after the cancelled backoff")
}

func TestClientCancelDuringLimiterWait(t *testing.T) {
	t.Parallel()
	// One request an hour: the second call would wait an hour for its token.
	c, mt := newTestClient(t, WithRateLimit(rate.Every(time.Hour), rate.Every(time.Hour)))
	mock(mt, ok(fixture(t, "customer.json")))
	_, err := c.Customers.Get(context.Background(), "cus_1", nil) // takes the only token
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	err = returnsWithin(t, 10*time.Second, func() error {
		_, err := c.Customers.Get(ctx, "cus_1", nil)
		return err
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "the cancelled call never reached the server")

	// A deadline the wait cannot meet fails at once, as a deadline error.
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Minute)
	defer cancel2()
	err = returnsWithin(t, 10*time.Second, func() error {
		_, err := c.Customers.Get(ctx2, "cus_1", nil)
		return err
	})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NoError(t, ctx2.Err(), "refused before the deadline, not waited out")
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestClientDefaultRateLimits(t *testing.T) {
	t.Parallel()
	limits := func(c *Client) Limits {
		t.Helper()
		ll, ok := c.limiter.(*LocalLimiter)
		require.True(t, ok, "default limiter is a *LocalLimiter, got %T", c.limiter)
		return ll.Limits()
	}
	test, err := NewClient("sk_test_123")
	require.NoError(t, err)
	assert.Equal(t, Limits{Global: 25, Endpoint: 25, Strict: 20, Burst: 1}, limits(test))
	live, err := NewClient("sk_live_123")
	require.NoError(t, err)
	assert.Equal(t, Limits{Global: 100, Endpoint: 25, Strict: 20, Burst: 1}, limits(live))
	custom, err := NewClient("sk_live_123", WithRateLimit(5, rate.Inf))
	require.NoError(t, err)
	assert.Equal(t, Limits{Read: 5, Write: rate.Inf, Burst: 1}, limits(custom))
	none, err := NewClient("sk_live_123", WithRateLimit(rate.Inf, rate.Inf))
	require.NoError(t, err)
	assert.Nil(t, none.limiter)

	ll, err := NewLocalLimiter(Limits{Global: 1})
	require.NoError(t, err)
	own, err := NewClient("sk_live_123", WithLimiter(ll))
	require.NoError(t, err)
	assert.Same(t, ll, own.limiter)
	last, err := NewClient("sk_live_123", WithLimiter(ll), WithRateLimit(1, 2))
	require.NoError(t, err)
	assert.Equal(t, Limits{Read: 1, Write: 2, Burst: 1}, limits(last))
	last, err = NewClient("sk_live_123", WithRateLimit(1, 2), WithLimiter(ll))
	require.NoError(t, err)
	assert.Same(t, ll, last.limiter)
}

func TestClientSeparateReadAndWriteBuckets(t *testing.T) {
	t.Parallel()
	// One token an hour per bucket: a call that has to wait for one fails
	// at once against the minute-long deadline, whatever the machine's load.
	c, mt := newTestClient(t, WithRateLimit(rate.Every(time.Hour), rate.Every(time.Hour)))
	mock(mt, ok(fixture(t, "customer.json")))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// One read and one write both go through: they use different buckets.
	_, err := c.Customers.Get(ctx, "cus_1", nil)
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, "cus_1", nil)
	require.NoError(t, err)
	// A second read or write has to wait an hour, which the deadline does not allow.
	_, err = c.Customers.Get(ctx, "cus_1", nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = c.Customers.Update(ctx, "cus_1", nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NoError(t, ctx.Err())
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestClientPathInjection(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))

	_, err := c.Customers.Get(context.Background(), "cus_1/../../v1/charges", nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "/v1/customers/cus_1%2F..%2F..%2Fv1%2Fcharges", sent[0].Path)

	for _, id := range []string{"", ".", "..", "cus_1\n", "cus\r\n1"} {
		_, err := c.Customers.Get(context.Background(), id, nil)
		assert.Error(t, err, "%q", id)
		_, err = c.Customers.Delete(context.Background(), id, nil)
		assert.Error(t, err, "%q", id)
	}
	assert.Len(t, rec.requests(), 1, "invalid IDs fail before any request")
}

func TestClientLogsWithoutSecrets(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newTestClient(t, WithLogger(logger))
	mock(mt, reply{status: 500, body: `{"error":{"type":"api_error","message":"bad key sk_test_123"}}`}, ok(fixture(t, "customer.json")))

	_, err := c.Customers.Update(context.Background(), "cus_1", &CustomerUpdateParams{Description: Ptr("pi_1_secret_abc")})
	require.NoError(t, err)
	out := buf.String()
	assert.Contains(t, out, "stripe: request")
	assert.Contains(t, out, "stripe: retrying")
	assert.Contains(t, out, "/v1/customers/cus_1")
	for _, secret := range []string{testKey, base64.StdEncoding.EncodeToString([]byte(testKey + ":")), "pi_1_secret_abc"} {
		assert.NotContains(t, out, secret)
	}
}

func TestClientStringHidesKey(t *testing.T) {
	t.Parallel()
	c, _ := newTestClient(t)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%+v", *c)} {
		assert.NotContains(t, s, "sk_test_123")
		assert.NotContains(t, s, base64.StdEncoding.EncodeToString([]byte(testKey+":")))
	}
}

func TestClientTransportErrorWraps(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t, WithMaxRetries(0))
	boom := errors.New("connection reset by peer")
	mt.RegisterNoResponder(httpmock.NewErrorResponder(boom))
	_, err := c.Customers.Get(context.Background(), "cus_1", &CustomerGetParams{Params: Params{Expand: []string{"x"}}})
	assert.ErrorIs(t, err, boom)
	assert.False(t, strings.Contains(err.Error(), "expand"), "the query string is not repeated in errors: %v", err)
}

func TestClientNilContext(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	//lint:ignore SA1012 a nil context must be an error, not a panic
	_, err := c.Customers.Get(nil, "cus_1", nil) //nolint:staticcheck
	assert.Error(t, err)
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestClientConcurrentUse(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, err := c.Customers.Get(context.Background(), "cus_1", nil)
				assert.NoError(t, err)
			} else {
				_, err := c.Customers.Create(context.Background(), &CustomerCreateParams{Metadata: Metadata{"i": fmt.Sprint(i)}})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	assert.Len(t, rec.requests(), 20)
}
