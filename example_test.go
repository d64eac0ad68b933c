package stripe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// The README's quick start.
func Example() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{
		Email:    stripe.Ptr("jenny@example.com"),
		Metadata: stripe.Metadata{"company_id": "42"},
	})
	if err != nil {
		log.Fatal(err)
	}
	card, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_visa"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cus.ID, card.Last4)
}

// The README's configuration example.
func ExampleNewClient() {
	c, err := stripe.NewClient("sk_test_123",
		stripe.WithAppInfo("acme-connector", "1.4.0", "https://acme.example"),
		stripe.WithMaxRetries(3),
		stripe.WithRateLimit(10, 5), // reads/s, writes/s; rate.Inf turns one off
		stripe.WithHTTPClient(&http.Client{Timeout: 30 * time.Second}),
		stripe.WithLogger(slog.New(slog.NewTextHandler(os.Stderr, nil))),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c)
	// Output: stripe.Client{baseURL: https://api.stripe.com, apiVersion: 2026-08-26.dahlia}
}

// The README's error handling example, run against a local server that
// declines the card.
func ExampleError() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-Id", "req_abc")
		w.WriteHeader(http.StatusPaymentRequired)
		fmt.Fprint(w, `{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined."}}`)
	}))
	defer srv.Close()
	c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = c.Charges.Create(context.Background(), &stripe.ChargeCreateParams{
		Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_chargeDeclined"),
	})
	var se *stripe.Error
	switch {
	case errors.Is(err, stripe.ErrCardDeclined) && errors.As(err, &se):
		fmt.Println("declined:", se.DeclineCode)
		fmt.Println(err)
	case err != nil:
		fmt.Println("other error:", err)
	}
	// Output:
	// declined: generic_decline
	// stripe: 402 card_error (card_declined) decline_code=generic_decline: Your card was declined. [req_abc]
}

// The README's pagination example: one page, then every customer.
func ExampleCustomersService_All() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"), stripe.WithRateLimit(rate.Inf, 25))
	if err != nil {
		log.Fatal(err)
	}
	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: stripe.ListParams{Limit: stripe.Ptr(int64(100))}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Data), page.HasMore)

	for cus, err := range c.Customers.All(ctx, &stripe.CustomerListParams{Email: stripe.Ptr("jenny@example.com")}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(cus.ID)
	}
}
