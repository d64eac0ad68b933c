// Command connect runs a Connect platform's round trip offline, against
// the in-process stripetest server: a user connects their Stripe account
// with OAuth, the platform registers a webhook endpoint for its connected
// accounts' events, the connected account sells through Checkout, and the
// platform receives the verified checkout.session.completed.
//
//	go run ./examples/connect
//
// Against Stripe the steps are the same, except that the user approves the
// authorize URL in a browser (Stripe redirects back with the code; check
// the state) and Stripe's hosted Checkout page completes the session.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/oauth"
	"github.com/stripelite/stripe/stripetest"
)

func main() {
	srv := stripetest.New()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := run(ctx, srv, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run connects an account, registers the platform's endpoint, completes a
// checkout on the account and prints the event the endpoint received.
func run(ctx context.Context, srv *stripetest.Server, out io.Writer) error {
	c, err := srv.Client()
	if err != nil {
		return err
	}

	// 1. OAuth: the authorize URL, the user's approval (simulated by
	// stripetest), the state check and the code exchange.
	oc, err := oauth.NewClient("ca_example_platform", stripetest.TestKey, oauth.WithBaseURL(srv.URL))
	if err != nil {
		return err
	}
	state := randomState()
	authURL, err := oc.AuthorizeURL(oauth.AuthorizeParams{State: state, Scope: oauth.ScopeReadWrite,
		RedirectURI: "https://platform.example/stripe/callback"})
	if err != nil {
		return err
	}
	redirect, err := srv.OAuthAuthorize(authURL)
	if err != nil {
		return err
	}
	cb, err := url.Parse(redirect)
	if err != nil {
		return err
	}
	if cb.Query().Get("state") != state { // the CSRF check
		return errors.New("state mismatch: not our authorization request")
	}
	tok, err := oc.Exchange(ctx, cb.Query().Get("code"))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "connected %s (scope %s)\n", tok.StripeUserID, tok.Scope)

	// 2. The platform's webhook receiver, and its endpoint for the
	// connected accounts' checkout events.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	we, err := c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{
		URL: stripe.Ptr("http://" + ln.Addr().String() + "/webhook"), Connect: stripe.Ptr(true),
		EnabledEvents: stripe.Array[stripe.EventType]{stripe.EventCheckoutSessionCompleted},
	})
	if err != nil {
		ln.Close()
		return err
	}
	var mu sync.Mutex
	var lines []string
	mux := http.NewServeMux()
	mux.Handle("POST /webhook", stripe.WebhookHandler(we.Secret.Reveal(), func(ctx context.Context, ev *stripe.Event) error {
		var cs stripe.CheckoutSession
		if err := ev.Data.Decode(&cs); err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, fmt.Sprintf("%s on %s: session %s %s, %d %s\n", ev.Type, ev.Account, cs.ID, cs.PaymentStatus, cs.AmountTotal, cs.Currency))
		return nil
	}))
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	defer func() { _ = hs.Shutdown(context.Background()) }()

	// 3. The connected account sells through Checkout (platform key plus
	// Stripe-Account); the buyer pays on the hosted page.
	cs, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{
		Params: stripe.Params{StripeAccount: tok.StripeUserID},
		Mode:   stripe.Ptr(stripe.CheckoutSessionModePayment), SuccessURL: stripe.Ptr("https://shop.example/thanks"),
		LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{{
			PriceData: &stripe.LineItemPriceDataParams{Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(2000)),
				ProductData: &stripe.LineItemProductDataParams{Name: stripe.Ptr("Poster")}},
			Quantity: stripe.Ptr(int64(1)),
		}},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "checkout page %s\n", cs.URL)
	if err := srv.CompleteCheckoutSession(cs.ID); err != nil {
		return err
	}
	if err := srv.FlushWebhooks(ctx); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lines) == 0 {
		return errors.New("the endpoint received no event")
	}
	for _, l := range lines {
		fmt.Fprint(out, l)
	}
	return nil
}

func randomState() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
