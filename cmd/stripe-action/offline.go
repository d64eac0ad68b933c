package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// offlineNotice is printed on stderr when no key and no base URL are set.
const offlineNotice = "stripe-action: STRIPE_SECRET_KEY and STRIPE_API_BASE are not set; " +
	"running against an in-process stripetest server with demo data (cus_123, card_123, price_123, sub_123, ch_123, " +
	"in_123, in_open_123, pi_123, pi_capture_123; see stripetest.WithDemoData); no request leaves this process"

// stateFileName is the offline state file's name in the cache directory.
const stateFileName = "stripe-action-state.json"

// defaultStatePath is the offline state file in the user's cache
// directory: $XDG_CACHE_HOME (from env, so tests can point it elsewhere),
// else os.UserCacheDir.
func defaultStatePath(env func(string) string) (string, error) {
	dir := env("XDG_CACHE_HOME")
	if dir == "" {
		var err error
		if dir, err = os.UserCacheDir(); err != nil {
			return "", fmt.Errorf("stripe-action: no cache directory for the offline state (use -state FILE): %w", err)
		}
	}
	return filepath.Join(dir, "stripelite", stateFileName), nil
}

// offlineClient starts an in-process stripetest server with the state
// kept in statePath: loaded when the file exists, else seeded with
// stripetest's demo data (so the documented examples in testdata/actions
// find the objects they name), and saved after every change, so one run
// can use the IDs an earlier one printed. reset removes the file first.
// It returns a client for the server and the function that stops it.
func offlineClient(statePath string, reset bool, stderr io.Writer, opts ...stripe.Option) (*stripe.Client, func(), error) {
	if reset {
		if err := os.Remove(statePath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("stripe-action: -reset: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(statePath), 0o700); err != nil {
		return nil, nil, fmt.Errorf("stripe-action: offline state: %w", err)
	}
	if _, err := os.Stat(statePath); err == nil {
		// stripetest.New panics on a file it cannot load: check first.
		probe := stripetest.New()
		err := probe.LoadFile(statePath)
		probe.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("stripe-action: offline state %s cannot be loaded (use -reset to start again): %w", statePath, err)
		}
	}
	fmt.Fprintf(stderr, "stripe-action: offline state: %s (-reset starts again from the demo data)\n", statePath)
	srv := stripetest.New(stripetest.WithDemoData(), stripetest.WithStateFile(statePath, func(err error) {
		fmt.Fprintf(stderr, "stripe-action: saving the offline state: %v\n", err)
	}))
	c, err := srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv.Close, nil
}
