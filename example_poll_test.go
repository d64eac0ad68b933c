package stripe_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/stripelite/stripe"
)

// A "new charge" polling trigger: it prints each charge created after the
// trigger was first turned on, exactly once and oldest first, and keeps its
// place across restarts in a small JSON file.
func ExamplePoller() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}

	// Resume where the last run stopped; the first run starts now.
	const cursorFile = "new_charge_cursor.json"
	cursor := stripe.PollFromNow()
	if b, err := os.ReadFile(cursorFile); err == nil {
		if err := json.Unmarshal(b, &cursor); err != nil {
			log.Fatal(err)
		}
	}
	save := func(cur stripe.PollCursor) error {
		b, err := json.Marshal(cur)
		if err != nil {
			return err
		}
		return os.WriteFile(cursorFile, b, 0o600)
	}

	// params may filter (Customer, PaymentIntent, ...) or be nil.
	p := c.Charges.Poller(cursor, nil)
	err = p.Run(ctx, time.Minute, func(ctx context.Context, ch *stripe.Charge) error {
		// The cursor covers every charge before ch: saving it now means a
		// crash while handling ch delivers ch again after the restart.
		if err := save(p.Cursor()); err != nil {
			return err
		}
		fmt.Printf("new charge %s %d %s %s\n", ch.ID, ch.Amount, ch.Currency, ch.Status)
		return nil
	})
	if err := save(p.Cursor()); err != nil {
		log.Print(err)
	}
	if !errors.Is(err, context.Canceled) {
		log.Fatal(err)
	}
}
