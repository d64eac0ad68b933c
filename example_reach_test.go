package stripe_test

import (
	"context"
	"fmt"
	"os"

	stripe "github.com/stripelite/stripe"
)

// A hosted checkout page for one price; send the customer to cs.URL.
func ExampleCheckoutSessionsService_Create() {
	c, _ := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	cs, err := c.CheckoutSessions.Create(context.Background(), &stripe.CheckoutSessionCreateParams{
		Mode:       stripe.Ptr(stripe.CheckoutSessionModePayment),
		LineItems:  []stripe.CheckoutSessionLineItemParams{{Price: stripe.Ptr("price_123"), Quantity: stripe.Ptr(int64(1))}},
		SuccessURL: stripe.Ptr("https://example.com/done?session_id={CHECKOUT_SESSION_ID}"),
		CancelURL:  stripe.Ptr("https://example.com/cart"),
	})
	if err != nil {
		return
	}
	fmt.Println(cs.URL) // in a handler: http.Redirect(w, r, cs.URL, http.StatusSeeOther)
}

// A webhook trigger registers its URL when switched on; the endpoint's
// secret comes only in this response, redacted when printed.
func ExampleWebhookEndpointsService_Create() {
	c, _ := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	we, err := c.WebhookEndpoints.Create(context.Background(), &stripe.WebhookEndpointCreateParams{
		URL:           stripe.Ptr("https://example.com/hooks/stripe"),
		EnabledEvents: []stripe.EventType{stripe.EventCheckoutSessionCompleted},
		// APIVersion left nil: the client's pinned version is sent.
	})
	if err != nil {
		return
	}
	fmt.Println(we.Secret)                // [REDACTED]
	saveSecret(we.ID, we.Secret.Reveal()) // the value, for stripe.WebhookHandler
}

func saveSecret(id, secret string) {}

// Search queries built from user input: values are quoted and escaped.
func ExampleAnd() {
	email := `jenny" OR email:"victim@example.com`
	q, err := stripe.And(
		stripe.Eq("email", email),
		stripe.MetadataEq("order_id", "42"),
		stripe.Gt("created", 1700000000),
	).Build()
	if err != nil {
		return
	}
	fmt.Println(q)
	// Output: email:"jenny\" OR email:\"victim@example.com" AND metadata["order_id"]:"42" AND created>1700000000
}

// Search returns one page; SearchAll walks every page.
func ExampleCustomersService_SearchAll() {
	c, _ := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	q, _ := stripe.Eq("email", "jenny@example.com").Build()
	for cus, err := range c.Customers.SearchAll(context.Background(), &stripe.CustomerSearchParams{
		SearchParams: stripe.SearchParams{Query: q},
	}) {
		if err != nil {
			return
		}
		fmt.Println(cus.ID)
	}
}
