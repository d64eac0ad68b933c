// Command sdk is the footprint probe for stripelite: one API call.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/stripelite/stripe"
)

func main() {
	// A base URL, when set, wins over the key: STRIPE_API_BASE as in every
	// program of the repository, STRIPE_BASE_URL as before.
	base := stripe.DefaultBaseURL
	for _, name := range []string{"STRIPE_BASE_URL", "STRIPE_API_BASE"} {
		if u := os.Getenv(name); u != "" {
			base = u
		}
	}
	fmt.Fprintln(os.Stderr, "backend:", base)
	opts := []stripe.Option{stripe.WithBaseURL(base)}
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
