// Command stripetest runs the stripetest fake Stripe API as a standalone
// server, for clients in any language and for programs that keep state
// between runs.
//
//	go run github.com/stripelite/stripe/cmd/stripetest -addr 127.0.0.1:12111 -demo -state stripetest.json
//
// Point a client at it with its base URL (http://127.0.0.1:12111) and any
// test key (sk_test_...). Flags:
//
//	-addr ADDR          listen address (default 127.0.0.1:12111; port 0 picks one)
//	-demo               preload stripetest.WithDemoData (cus_123, in_123, ...) when
//	                    there is no saved state yet
//	-state FILE         keep the state in FILE: loaded at start when it exists,
//	                    saved atomically after every change and at exit
//	-webhook URL        deliver every event, signed, to URL (repeatable)
//	-webhook-secret S   the signing secret of the -webhook endpoints
//	                    (default whsec_stripetest)
//	-account ID         make a connected account acct_... usable in the
//	                    Stripe-Account header (repeatable)
//
// It prints the base URL on stderr when it is ready and runs until
// interrupted (SIGINT or SIGTERM).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/stripelite/stripe/stripetest"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the server could not start or save
	exitUsage = 2 // bad flags
)

// flushTimeout bounds the wait for queued webhook deliveries at exit.
const flushTimeout = 10 * time.Second

// DefaultWebhookSecret signs -webhook deliveries without -webhook-secret.
const DefaultWebhookSecret = "whsec_stripetest"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stderr, nil)
	stop()
	os.Exit(code)
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// run is main without the process: it serves until ctx ends and returns
// the exit status. ready, when not nil, gets the base URL once the server
// accepts requests.
func run(ctx context.Context, args []string, stderr io.Writer, ready func(url string)) int {
	fs := flag.NewFlagSet("stripetest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:12111", "listen address")
	demo := fs.Bool("demo", false, "preload the demo data when there is no saved state")
	state := fs.String("state", "", "state file, loaded at start and saved after every change")
	secret := fs.String("webhook-secret", DefaultWebhookSecret, "signing secret of the -webhook endpoints")
	var hooks, accounts listFlag
	fs.Var(&hooks, "webhook", "deliver events to this URL (repeatable)")
	fs.Var(&accounts, "account", "connected account ID to accept in Stripe-Account (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "stripetest: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return exitUsage
	}
	for _, h := range hooks {
		if !strings.HasPrefix(h, "http://") && !strings.HasPrefix(h, "https://") {
			fmt.Fprintf(stderr, "stripetest: -webhook %q is not an http(s) URL\n", h)
			return exitUsage
		}
	}
	for _, a := range accounts {
		if !strings.HasPrefix(a, "acct_") || len(a) == len("acct_") {
			fmt.Fprintf(stderr, "stripetest: -account %q is not an account ID (acct_...)\n", a)
			return exitUsage
		}
	}
	if *state != "" {
		// Check the file before serving, so a bad one is an error, not a panic.
		if _, err := os.Stat(*state); err == nil {
			probe := stripetest.New()
			err := probe.LoadFile(*state)
			probe.Close()
			if err != nil {
				fmt.Fprintln(stderr, err)
				return exitError
			}
		}
	}

	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "stripetest: %v\n", err)
		return exitError
	}
	opts := []stripetest.Option{stripetest.WithListener(l)}
	if *demo {
		opts = append(opts, stripetest.WithDemoData())
	}
	var saveFailed atomic.Bool
	if *state != "" {
		opts = append(opts, stripetest.WithStateFile(*state, func(err error) {
			saveFailed.Store(true)
			fmt.Fprintln(stderr, err)
		}))
	}
	for _, h := range hooks {
		opts = append(opts, stripetest.WithWebhook(h, *secret))
	}
	srv := stripetest.New(opts...)
	have := make(map[string]bool)
	for _, id := range srv.Accounts() {
		have[id] = true
	}
	for _, a := range accounts {
		if !have[a] {
			if err := srv.AddAccount(a); err != nil {
				fmt.Fprintln(stderr, err)
			}
			have[a] = true
		}
	}
	fmt.Fprintf(stderr, "stripetest: serving the Stripe API (fake) on %s\n", srv.URL)
	if ready != nil {
		ready(srv.URL)
	}
	<-ctx.Done()
	// Deliver what is queued (for a while), then stop; Close saves the state.
	fctx, cancel := context.WithTimeout(context.Background(), flushTimeout)
	_ = srv.FlushWebhooks(fctx)
	cancel()
	srv.Close()
	if saveFailed.Load() {
		return exitError
	}
	return exitOK
}
