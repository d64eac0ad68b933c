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

// A "new customer" polling trigger: it prints each customer created after
// the trigger was first turned on, exactly once and oldest first, and keeps
// its place across restarts in a small JSON file.
func ExamplePoller() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}

	// Resume where the last run stopped; the first run starts now.
	const cursorFile = "new_customer_cursor.json"
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

	p := stripe.NewPoller(cursor, func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Customer], error) {
		return c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: lp, Created: created})
	})
	err = p.Run(ctx, time.Minute, func(ctx context.Context, cus *stripe.Customer) error {
		// The cursor covers every customer before cus: saving it now means a
		// crash while handling cus delivers cus again after the restart.
		if err := save(p.Cursor()); err != nil {
			return err
		}
		fmt.Printf("new customer %s %s\n", cus.ID, cus.Email)
		return nil
	})
	if err := save(p.Cursor()); err != nil {
		log.Print(err)
	}
	if !errors.Is(err, context.Canceled) {
		log.Fatal(err)
	}
}
