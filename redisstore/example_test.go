package redisstore_test

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/redisstore"
)

// Every worker process shares one limit per account, runs each webhook
// event once, and polls each trigger from one worker at a time.
func Example() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	lim, err := redisstore.NewLimiter(rdb, stripe.DefaultLimits(true))
	if err != nil {
		log.Fatal(err)
	}
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"), stripe.WithLimiter(lim))
	if err != nil {
		log.Fatal(err)
	}

	dedup, err := redisstore.NewDedupStore(rdb, 0)
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/webhooks/stripe", stripe.WebhookHandler(os.Getenv("STRIPE_WEBHOOK_SECRET"),
		func(ctx context.Context, ev *stripe.Event) error { return nil },
		stripe.WithWebhookDedup(dedup, 0)))

	leases, err := redisstore.NewPollLeases(rdb, 30*time.Second)
	if err != nil {
		log.Fatal(err)
	}
	list := func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Charge], error) {
		return c.Charges.List(ctx, &stripe.ChargeListParams{ListParams: lp, Created: created})
	}
	for range time.Tick(time.Minute) {
		_, err := redisstore.Poll(ctx, leases, "new-charges", stripe.PollFromNow(), list,
			func(ctx context.Context, charges []*stripe.Charge) error {
				for _, ch := range charges {
					log.Println("new charge", ch.ID)
				}
				return nil
			})
		if err != nil {
			log.Println(err)
		}
	}
}
