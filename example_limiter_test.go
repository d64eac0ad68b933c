package stripe_test

import (
	"fmt"
	"log"

	"github.com/stripelite/stripe"
)

// A limiter with limits of its own: lower than Stripe's, and at most eight
// requests in flight per account.
func ExampleWithLimiter() {
	lim, err := stripe.NewLocalLimiter(stripe.Limits{Global: 50, Endpoint: 10, MaxInFlight: 8})
	if err != nil {
		log.Fatal(err)
	}
	c, err := stripe.NewClient("sk_test_123", stripe.WithLimiter(lim))
	if err != nil {
		log.Fatal(err)
	}
	_ = c
	fmt.Println(stripe.DefaultLimits(true).Global, stripe.DefaultLimits(false).Global)
	fmt.Println(stripe.DefaultLimits(true).EndpointLimit("GET", "/v1/customers/search"))
	// Output:
	// 100 25
	// 20
}
