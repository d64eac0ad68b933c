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

// New picks, in order: STRIPE_SECRET_KEY (real Stripe, test mode only),
// STRIPE_API_BASE (such as a local stripe-mock, with key sk_test_123), or
// an in-process stripetest server started with opts. It says which on w.
func New(w io.Writer, opts ...stripetest.Option) (*Env, error) {
	if key := os.Getenv("STRIPE_SECRET_KEY"); key != "" {
		if !strings.HasPrefix(key, "sk_test_") && !strings.HasPrefix(key, "rk_test_") {
			return nil, errors.New("the examples create objects: use a test-mode key (sk_test_...), not a live one")
		}
		c, err := stripe.NewClient(key)
		if err != nil {
			return nil, err
		}
		fmt.Fprintln(w, "backend: Stripe test mode (STRIPE_SECRET_KEY)")
		return &Env{Client: c}, nil
	}
	if base := os.Getenv("STRIPE_API_BASE"); base != "" {
		c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(base))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "backend: %s (STRIPE_API_BASE, key sk_test_123)\n", base)
		return &Env{Client: c}, nil
	}
	srv := stripetest.New(opts...)
	c, err := srv.Client()
	if err != nil {
		srv.Close()
		return nil, err
	}
	fmt.Fprintf(w, "backend: in-process stripetest server at %s (set STRIPE_SECRET_KEY or STRIPE_API_BASE to change)\n", srv.URL)
	return &Env{Client: c, Server: srv}, nil
}
