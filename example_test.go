package stripe_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
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

// fakeStripe is a local server standing in for Stripe in the examples.
func fakeStripe() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-Id", "req_example")
		switch r.URL.Path {
		case "/v1/tax_codes":
			fmt.Fprint(w, `{"object":"list","url":"/v1/tax_codes","has_more":false,"data":[`+
				`{"id":"txcd_10000000","object":"tax_code","name":"General - Electronically Supplied Services"},`+
				`{"id":"txcd_99999999","object":"tax_code","name":"General - Tangible Goods"}]}`)
		case "/v1/customers/cus_123":
			fmt.Fprint(w, `{"id":"cus_123","object":"customer","email":"jenny@example.com","new_field":"not modelled yet"}`)
		case "/v1/payment_intents/pi_123/confirm":
			_ = r.ParseForm()
			fmt.Fprintf(w, `{"id":"pi_123","object":"payment_intent","status":"succeeded","description":%q}`,
				"sent: "+r.PostForm.Encode())
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"type":"invalid_request_error","code":"resource_missing","message":"Unrecognized request URL"}}`)
		}
	}))
}

// The README's Do example: an endpoint this package has no service for,
// into your own type, into raw JSON, and walked with ListAll.
func ExampleClient_Do() {
	srv := fakeStripe()
	defer srv.Close()
	c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	type TaxCode struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var page stripe.List[TaxCode]
	err = c.Do(ctx, http.MethodGet, "/v1/tax_codes", url.Values{"limit": {"2"}}, &page)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Data[0].ID, page.Data[0].Name)

	var raw json.RawMessage // the exact bytes Stripe sent
	path, err := stripe.Path("/v1/customers/%s", "cus_123")
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Do(ctx, http.MethodGet, path, nil, &raw); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(raw) > 0)

	for tc, err := range stripe.ListAll[TaxCode](ctx, c, "/v1/tax_codes", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tc.ID)
	}

	err = c.Do(ctx, http.MethodGet, "https://elsewhere.example/v1/tax_codes", nil, nil)
	fmt.Println(err)
	// Output:
	// txcd_10000000 General - Electronically Supplied Services
	// true
	// txcd_10000000
	// txcd_99999999
	// stripe: invalid API path "https://elsewhere.example/v1/tax_codes": must start with /v1/ (an absolute URL is never accepted)
}

// The README's extra params example: a parameter the params struct lacks.
func ExampleParams_AddExtra() {
	srv := fakeStripe()
	defer srv.Close()
	c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	params := &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_visa")}
	params.AddExtra("payment_method_options[card][request_three_d_secure]", "any")
	pi, err := c.PaymentIntents.Confirm(context.Background(), "pi_123", params)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pi.Description) // the fake server echoes the form it got
	// Output:
	// sent: payment_method=pm_card_visa&payment_method_options%5Bcard%5D%5Brequest_three_d_secure%5D=any
}

// The README's raw response example: the request ID of a successful call
// and a field the Customer type does not model.
func ExampleWithResponse() {
	srv := fakeStripe()
	defer srv.Close()
	c, err := stripe.NewClient("sk_test_123", stripe.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var resp stripe.Response
	cus, err := c.Customers.Get(stripe.WithResponse(context.Background(), &resp), "cus_123", nil)
	if err != nil {
		log.Fatal(err)
	}
	var extra struct {
		NewField string `json:"new_field"`
	}
	if err := json.Unmarshal(resp.Body, &extra); err != nil {
		log.Fatal(err)
	}
	fmt.Println(cus.Email, resp.StatusCode, resp.RequestID, extra.NewField)
	// Output: jenny@example.com 200 req_example not modelled yet
}
