package main

import (
	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/stripetest"
)

// offlineNotice is printed on stderr when no key and no base URL are set.
const offlineNotice = "stripe-action: STRIPE_SECRET_KEY and STRIPE_API_BASE are not set; " +
	"running against an in-process stripetest server with demo data (cus_123, card_123, price_123, sub_123, ch_123, " +
	"in_123, in_open_123, pi_123, pi_capture_123; see stripetest.WithDemoData); no request leaves this process"

// offlineClient starts an in-process stripetest server preloaded with
// stripetest's demo data, so the documented examples (testdata/actions)
// find the objects they name, and returns a client for it and the function
// that stops the server.
func offlineClient(opts ...stripe.Option) (*stripe.Client, func(), error) {
	srv := stripetest.New(stripetest.WithDemoData())
	c, err := srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv.Close, nil
}
