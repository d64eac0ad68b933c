// Command webhook is a webhook receiver: it verifies Stripe-Signature,
// routes events by type and answers 2xx once an event is handled.
//
// With the in-process stripetest server (the default) it also triggers
// events itself (a customer pays an invoice), waits for their delivery and
// exits. With STRIPE_SECRET_KEY or STRIPE_API_BASE it serves until
// interrupted; forward Stripe's test events to it with the Stripe CLI:
//
//	stripe listen --forward-to localhost:4242/webhook   # prints whsec_...
//	STRIPE_WEBHOOK_SECRET=whsec_... STRIPE_SECRET_KEY=sk_test_... go run ./examples/webhook -addr localhost:4242
//
//	go run ./examples/webhook
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"time"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/examples/internal/exampleenv"
	"github.com/stripelite/stripe/stripetest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	secret := os.Getenv("STRIPE_WEBHOOK_SECRET")
	if secret == "" {
		secret = "whsec_stripetest_example"
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	url := "http://" + ln.Addr().String() + "/webhook"
	srv := &http.Server{Handler: newMux(secret, &syncWriter{w: os.Stdout}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() { _ = srv.Shutdown(context.Background()) }()
	fmt.Fprintf(os.Stderr, "receiving webhooks at %s\n", url)

	// The in-process server delivers its events to our receiver, signed.
	env, err := exampleenv.New(os.Stderr, stripetest.WithWebhook(url, secret))
	if err != nil {
		log.Fatal(err)
	}
	defer env.Close()
	if env.Server == nil {
		<-ctx.Done()
		return
	}
	if err := trigger(ctx, env.Client); err != nil {
		log.Fatal(err)
	}
	if err := env.Server.FlushWebhooks(ctx); err != nil {
		log.Fatal(err)
	}
}

// newMux routes POST /webhook to a verifying handler that logs events on out.
func newMux(secret string, out io.Writer) http.Handler {
	var router stripe.WebhookRouter
	router.On(stripe.EventInvoicePaid, func(ctx context.Context, ev *stripe.Event) error {
		var inv stripe.Invoice
		if err := ev.Data.Decode(&inv); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: invoice %s paid, %d %s\n", ev.Type, inv.ID, inv.AmountPaid, inv.Currency)
		return nil
	})
	router.On(stripe.EventCustomerCreated, func(ctx context.Context, ev *stripe.Event) error {
		var cus stripe.Customer
		if err := ev.Data.Decode(&cus); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: customer %s %s\n", ev.Type, cus.ID, cus.Email)
		return nil
	})
	router.Default(func(ctx context.Context, ev *stripe.Event) error {
		fmt.Fprintf(out, "%s\n", ev.Type)
		return nil
	})
	mux := http.NewServeMux()
	mux.Handle("POST /webhook", stripe.WebhookHandler(secret, router.Handle))
	return mux
}

// trigger makes some events: a customer with a card pays an invoice.
func trigger(ctx context.Context, c *stripe.Client) error {
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com"), Source: stripe.Ptr("tok_visa")})
	if err != nil {
		return err
	}
	if _, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{
		Customer: stripe.Ptr(cus.ID), Amount: stripe.Ptr(int64(4900)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Pro plan"),
	}); err != nil {
		return err
	}
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{
		Customer: stripe.Ptr(cus.ID), PendingInvoiceItemsBehavior: stripe.Ptr(stripe.InvoicePendingInvoiceItemsBehaviorInclude),
	})
	if err != nil {
		return err
	}
	if _, err := c.Invoices.Pay(ctx, inv.ID, nil); err != nil {
		return fmt.Errorf("paying %s: %w", inv.ID, err)
	}
	return nil
}

// syncWriter serializes writes from concurrent webhook requests.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
