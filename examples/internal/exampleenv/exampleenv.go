// Package exampleenv picks the Stripe backend the examples talk to.
package exampleenv

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// Env is a client and, when the examples run in-process, its server.
type Env struct {
	Client *stripe.Client
	// Server is the in-process stripetest server, or nil when the client
	// talks to Stripe or to STRIPE_API_BASE.
	Server *stripetest.Server
}

// Close stops the in-process server, if any.
func (e *Env) Close() {
	if e.Server != nil {
		e.Server.Close()
	}
}

// New picks the backend from the environment, and says which on w:
//
//   - STRIPE_API_BASE set (such as a local stripe-mock): that host, with
//     STRIPE_SECRET_KEY if set, else sk_test_123. A base always wins, so
//     a key left in the environment never sends the examples' writes to
//     Stripe when a mock was asked for.
//   - only STRIPE_SECRET_KEY: Stripe itself, test-mode keys only.
//   - neither: an in-process stripetest server started with opts.
func New(w io.Writer, opts ...stripetest.Option) (*Env, error) {
	return fromEnv(w, os.Getenv, opts...)
}

func fromEnv(w io.Writer, getenv func(string) string, opts ...stripetest.Option) (*Env, error) {
	key, base := getenv("STRIPE_SECRET_KEY"), getenv("STRIPE_API_BASE")
	if key != "" && !strings.HasPrefix(key, "sk_test_") && !strings.HasPrefix(key, "rk_test_") {
		return nil, errors.New("the examples create objects: use a test-mode key (sk_test_...), not a live one")
	}
	if base != "" {
		keyFrom := "STRIPE_SECRET_KEY"
		if key == "" {
			key, keyFrom = "sk_test_123", "key sk_test_123"
		}
		c, err := stripe.NewClient(key, stripe.WithBaseURL(base))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "backend: %s (STRIPE_API_BASE, %s)\n", base, keyFrom)
		return &Env{Client: c}, nil
	}
	if key != "" {
		c, err := stripe.NewClient(key)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "backend: Stripe test mode at %s (STRIPE_SECRET_KEY)\n", stripe.DefaultBaseURL)
		return &Env{Client: c}, nil
	}
	srv := stripetest.New(opts...)
	c, err := srv.Client()
	if err != nil {
		srv.Close()
		return nil, err
	}
	fmt.Fprintf(w, "backend: in-process stripetest server at %s (set STRIPE_API_BASE or STRIPE_SECRET_KEY to change)\n", srv.URL)
	return &Env{Client: c, Server: srv}, nil
}
