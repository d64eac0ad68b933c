// Command sdk is the footprint probe for stripelite: one API call.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/stripelite/stripe"
)

func main() {
	opts := []stripe.Option{}
	if u := os.Getenv("STRIPE_BASE_URL"); u != "" {
		opts = append(opts, stripe.WithBaseURL(u))
	}
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"), opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cus, err := c.Customers.Get(context.Background(), "cus_NffrFeUfNV2Hib", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(cus.ID, cus.Email)
}
