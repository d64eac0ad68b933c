package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// server runs the command in-process on a free port until the test stops
// it; stop returns the exit status and what it printed.
func server(t *testing.T, args ...string) (url string, stop func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan int, 1)
	var out bytes.Buffer
	var mu sync.Mutex
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return out.Write(p) })
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), w, func(u string) { urls <- u })
	}()
	select {
	case url = <-urls:
	case code := <-done:
		cancel()
		t.Fatalf("stripetest exited with %d: %s", code, out.String())
	}
	stopped := false
	stop = func() (int, string) {
		stopped = true
		cancel()
		code := <-done
		mu.Lock()
		defer mu.Unlock()
		return code, out.String()
	}
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	return url, stop
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func client(t *testing.T, url string, opts ...stripe.Option) *stripe.Client {
	t.Helper()
	c, err := stripe.NewClient("sk_test_123", append([]stripe.Option{stripe.WithBaseURL(url)}, opts...)...)
	require.NoError(t, err)
	return c
}

// The server keeps its state in the -state file across restarts, serves
// the demo data, and accepts the -account accounts.
func TestServeAndRestartFromStateFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	state := filepath.Join(t.TempDir(), "state.json")

	url, stop := server(t, "-demo", "-state", state, "-account", "acct_1Cmd000000000000")
	c := client(t, url)
	demo, err := c.Customers.Get(ctx, stripetest.DemoCustomer, nil)
	require.NoError(t, err)
	require.Equal(t, "jenny@example.com", demo.Email)
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("kept@example.com")})
	require.NoError(t, err)
	onAcct := stripe.Params{StripeAccount: "acct_1Cmd000000000000"}
	conn, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: onAcct})
	require.NoError(t, err)
	code, out := stop()
	require.Equal(t, exitOK, code, out)
	require.Contains(t, out, "serving the Stripe API (fake) on http://127.0.0.1:")

	url, stop = server(t, "-demo", "-state", state, "-account", "acct_1Cmd000000000000")
	c = client(t, url)
	got, err := c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "kept@example.com", got.Email)
	_, err = c.Customers.Get(ctx, conn.ID, &stripe.CustomerGetParams{Params: onAcct})
	require.NoError(t, err, "the connected account's objects are kept")
	list, err := c.Customers.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Data, 2, "the demo customer and ours; the demo data is not seeded again")
	code, out = stop()
	require.Equal(t, exitOK, code, out)
}

// -webhook delivers every event, signed with -webhook-secret.
func TestWebhookTargets(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var types []string
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ev, err := stripe.ConstructEvent(body, r.Header.Get("Stripe-Signature"), "whsec_cmd")
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		mu.Lock()
		types = append(types, string(ev.Type))
		mu.Unlock()
	}))
	defer recv.Close()

	url, stop := server(t, "-webhook", recv.URL, "-webhook-secret", "whsec_cmd")
	c := client(t, url)
	_, err := c.Customers.Create(context.Background(), nil)
	require.NoError(t, err)
	code, out := stop() // Close waits for the deliveries
	require.Equal(t, exitOK, code, out)
	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, []string{"customer.created"}, types)
}

func TestBadFlags(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	for _, args := range [][]string{
		{"-webhook", "ftp://x"},
		{"-account", "cus_1"},
		{"-nope"},
		{"extra"},
	} {
		out.Reset()
		require.Equal(t, exitUsage, run(context.Background(), args, &out, nil), args)
		require.NotEmpty(t, out.String())
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{"), 0o600))
	out.Reset()
	require.Equal(t, exitError, run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", bad}, &out, nil))
	require.True(t, strings.Contains(out.String(), "load state"), out.String())
}
