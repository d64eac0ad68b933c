// Command newcharge is a "new charge" polling trigger, the kind a
// connector runs: it delivers each charge created after it started, once
// and oldest first, using stripe.Poller over Charges.List.
//
// It first makes a few test charges itself, so there is something to see;
// with -watch it then keeps polling until interrupted.
//
//	go run ./examples/newcharge [-watch]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"time"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/examples/internal/exampleenv"
)

func main() {
	watch := flag.Bool("watch", false, "keep polling every 10s until interrupted")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	env, err := exampleenv.New(os.Stderr)
	if err != nil {
		log.Fatal(err)
	}
	defer env.Close()
	p, err := run(ctx, env.Client, os.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	if *watch {
		fmt.Fprintln(os.Stderr, "watching for new charges; Ctrl-C stops")
		err := p.Run(ctx, 10*time.Second, func(ctx context.Context, ch *stripe.Charge) error {
			printCharge(os.Stdout, ch)
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			log.Print(err)
		}
	}
}

func run(ctx context.Context, c *stripe.Client, out io.Writer) (*stripe.Poller[stripe.Charge], error) {
	// The poller delivers charges created after its first poll. A real
	// connector persists p.Cursor() (it is JSON) and passes it back here on
	// restart instead of PollFromNow.
	p := c.Charges.Poller(stripe.PollFromNow(), nil)
	// The first poll from PollFromNow only records where "now" is.
	if _, err := p.Poll(ctx); err != nil {
		return nil, fmt.Errorf("first poll: %w", err)
	}

	for _, amount := range []int64{1000, 2500, 4200} {
		if _, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{
			Amount: stripe.Ptr(amount), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa"),
			Description: stripe.Ptr("newcharge example"),
		}); err != nil {
			return nil, fmt.Errorf("creating a test charge: %w", err)
		}
	}

	charges, err := p.Poll(ctx)
	if err != nil {
		return nil, fmt.Errorf("polling: %w", err)
	}
	for _, ch := range charges {
		printCharge(out, ch)
	}
	again, err := p.Poll(ctx)
	if err != nil {
		return nil, fmt.Errorf("polling: %w", err)
	}
	fmt.Fprintf(out, "next poll: %d new\n", len(again))
	return p, nil
}

func printCharge(out io.Writer, ch *stripe.Charge) {
	fmt.Fprintf(out, "new charge %s: %d %s %s\n", ch.ID, ch.Amount, ch.Currency, ch.Status)
}
