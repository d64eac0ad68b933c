package redisstore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// The acceptance tests run parts of themselves in other OS processes: the
// test binary re-executed with REDISSTORE_HELPER naming the part.
func TestMain(m *testing.M) {
	switch os.Getenv("REDISSTORE_HELPER") {
	case "":
		os.Exit(m.Run())
	case "limiter":
		os.Exit(limiterProcess())
	case "webhook":
		os.Exit(webhookProcess())
	default:
		fmt.Fprintln(os.Stderr, "unknown helper")
		os.Exit(2)
	}
}

// helper starts the test binary as helper process name.
func helper(t *testing.T, name string, env ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"REDISSTORE_HELPER=" + name}, env...)...)
	cmd.Stderr = os.Stderr
	return cmd
}

const (
	sharedLimit   = 20 // requests per second, for the account, all processes together
	processes     = 3
	perProcess    = 32 // goroutines
	limiterRunFor = 5 * time.Second
)

// limiterProcess sends as many requests as it can from 32 goroutines for
// limiterRunFor, through a Limiter in Redis, and prints how many it sent.
func limiterProcess() int {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	lim, err := NewLimiter(rdb, stripe.Limits{Global: sharedLimit, Endpoint: 25}, WithPrefix("shared:"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(os.Getenv("TARGET_URL")),
		stripe.WithLimiter(lim), stripe.WithMaxRetries(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), limiterRunFor)
	defer cancel()
	var sent, failed atomic.Int64
	var wg sync.WaitGroup
	for g := range perProcess {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				_, err := c.Customers.Get(ctx, fmt.Sprintf("cus_%d_%d", g, i), nil)
				switch {
				case err == nil:
					sent.Add(1)
				case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
					return
				default:
					failed.Add(1)
					fmt.Fprintln(os.Stderr, "request failed:", err)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("sent=%d failed=%d\n", sent.Load(), failed.Load())
	if failed.Load() > 0 {
		return 1
	}
	return 0
}

func TestAcceptanceThreeProcessesShareOneAccountLimit(t *testing.T) {
	srv := startRedis(t)
	// The server counts arrivals and enforces the limit as a token bucket of
	// 20/s. It allows a burst of 5: requests leave the client evenly spaced,
	// but on a busy machine they can arrive a little bunched.
	enforce := rate.NewLimiter(sharedLimit, 5)
	var mu sync.Mutex
	var arrivals []time.Time
	var rejected atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		mu.Lock()
		arrivals = append(arrivals, now)
		mu.Unlock()
		if !enforce.AllowN(now, 1) {
			rejected.Add(1)
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}`)
			return
		}
		id := strings.TrimPrefix(r.URL.Path, "/v1/customers/")
		_, _ = fmt.Fprintf(w, `{"id":%q,"object":"customer"}`, id)
	}))
	defer ts.Close()

	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for range processes {
		cmd := helper(t, "limiter", "REDIS_ADDR="+srv.addr, "TARGET_URL="+ts.URL)
		out := &strings.Builder{}
		cmd.Stdout = out
		require.NoError(t, cmd.Start())
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	for i, cmd := range cmds {
		assert.NoError(t, cmd.Wait(), "process %d: %s", i, outs[i])
		t.Logf("process %d: %s", i, strings.TrimSpace(outs[i].String()))
	}

	assert.Zero(t, rejected.Load(), "requests the server answered 429")
	mu.Lock()
	defer mu.Unlock()
	require.NotEmpty(t, arrivals)
	// Whole one-second windows from one second after the first arrival (in
	// the first second each process opens its connections, and a request
	// held up by that arrives bunched with the next); the last, partial
	// window is left out. The first second is only checked not to exceed.
	first, last := arrivals[0].Add(time.Second), arrivals[len(arrivals)-1]
	warmup := 0
	for _, at := range arrivals {
		if at.Before(first) {
			warmup++
		}
	}
	assert.LessOrEqual(t, warmup, sharedLimit+sharedLimit/10+1, "first second")
	windows := int(last.Sub(first) / time.Second)
	require.GreaterOrEqual(t, windows, 2, "the run covered too few whole seconds")
	counts := make([]int, windows)
	for _, at := range arrivals {
		if i := int(at.Sub(first) / time.Second); !at.Before(first) && i < windows {
			counts[i]++
		}
	}
	t.Logf("arrivals per second: %d, then %v (limit %d)", warmup, counts, sharedLimit)
	for i, n := range counts {
		assert.InDelta(t, sharedLimit, n, sharedLimit/10, "window %d", i)
	}
}

// webhookProcess serves a webhook endpoint whose callback counts its runs
// in Redis and then hangs until the process is killed.
func webhookProcess() int {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	ttl, _ := time.ParseDuration(os.Getenv("CLAIM_TTL"))
	store, err := NewDedupStore(rdb, ttl, WithPrefix("killed:"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	h := stripe.WebhookHandler(webhookSecret, func(ctx context.Context, ev *stripe.Event) error {
		rdb.Incr(ctx, "killed:started")
		select {} // killed mid-callback
	}, stripe.WithWebhookDedup(store, time.Hour))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("http://%s\n", l.Addr())
	_ = http.Serve(l, h)
	return 1
}

func TestAcceptanceKilledMidCallbackIsRedeliveredAndRunOnce(t *testing.T) {
	srv := startRedis(t)
	rdb := srv.client(t)
	const claimTTL = 600 * time.Millisecond
	cmd := helper(t, "webhook", "REDIS_ADDR="+srv.addr, "CLAIM_TTL="+claimTTL.String())
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	killed := false
	defer func() {
		if !killed {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	url, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	url = strings.TrimSpace(url)

	// Stripe delivers the event; the instance starts the callback and dies.
	go func() {
		body, sig := signedEvent("evt_killed")
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
		req.Header.Set("Stripe-Signature", sig)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			_ = resp.Body.Close()
		}
	}()
	eventually(t, func() bool { n, _ := rdb.Get(context.Background(), "killed:started").Int(); return n == 1 }, "callback started")
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()
	killed = true

	// Stripe redelivers (to another instance) until it gets a 2xx: 409
	// while the dead claim lives, then the callback runs, once.
	store, err := NewDedupStore(rdb, claimTTL, WithPrefix("killed:"))
	require.NoError(t, err)
	var runs atomic.Int64
	ts := httptest.NewServer(stripe.WebhookHandler(webhookSecret, func(context.Context, *stripe.Event) error {
		runs.Add(1)
		return nil
	}, stripe.WithWebhookDedup(store, time.Hour)))
	defer ts.Close()
	codes := map[int]int{}
	eventually(t, func() bool {
		code := deliver(t, ts.URL, "evt_killed")
		codes[code]++
		return code == http.StatusOK
	}, "redelivery accepted")
	for range 3 {
		assert.Equal(t, http.StatusOK, deliver(t, ts.URL, "evt_killed"))
	}
	assert.Equal(t, int64(1), runs.Load(), "run once after the crash")
	t.Logf("redelivery answers: %v", codes)
	for code := range codes {
		assert.Contains(t, []int{http.StatusOK, http.StatusConflict}, code)
	}
}
