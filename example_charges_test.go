package stripe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/stripelite/stripe"
)

// Charge a saved customer $20.00, authorizing first and capturing later.
func ExampleChargesService_Create() {
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{
		Amount:      stripe.Ptr(int64(2000)), // minor units: $20.00
		Currency:    stripe.Ptr("usd"),
		Customer:    stripe.Ptr("cus_NffrFeUfNV2Hib"),
		Capture:     stripe.Ptr(false),
		Description: stripe.Ptr("Order #42"),
		Metadata:    stripe.Metadata{"order_id": "42"},
		Params:      stripe.Params{IdempotencyKey: "order-42-charge"},
	})
	if errors.Is(err, stripe.ErrCardDeclined) {
		fmt.Println("declined:", err)
		return
	}
	if err != nil {
		log.Fatal(err)
	}

	// Capture $15.00 of the $20.00 authorized; the rest is released.
	ch, err = c.Charges.Capture(ctx, ch.ID, &stripe.ChargeCaptureParams{Amount: stripe.Ptr(int64(1500))})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Status, ch.AmountCaptured)
}

// Refund part of a charge.
func ExampleRefundsService_Create() {
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	re, err := c.Refunds.Create(context.Background(), &stripe.RefundCreateParams{
		Charge: stripe.Ptr("ch_3MmlLrLkdIwHu7ix0snN0B15"),
		Amount: stripe.Ptr(int64(500)),
		Reason: stripe.Ptr(stripe.RefundReasonRequestedByCustomer),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(re.ID, re.Status)
}

// Create a product together with its default monthly price, then list the
// product's active prices with the product expanded.
func ExampleProductsService_Create() {
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{
		Name: stripe.Ptr("Gold Plan"),
		DefaultPriceData: &stripe.ProductDefaultPriceDataParams{
			Currency:   stripe.Ptr("usd"),
			UnitAmount: stripe.Ptr(int64(1500)),
			Recurring: &stripe.PriceDataRecurringParams{
				Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth),
			},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("default price:", prod.DefaultPrice.ID)

	params := &stripe.PriceListParams{
		Product: stripe.Ptr(prod.ID),
		Active:  stripe.Ptr(true),
		Params:  stripe.Params{Expand: []string{"data.product"}},
	}
	for pr, err := range c.Prices.All(ctx, params) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(pr.ID, pr.UnitAmount, pr.Product.Object.Name)
	}
}

// Add a yearly price to an existing product.
func ExamplePricesService_Create() {
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	pr, err := c.Prices.Create(context.Background(), &stripe.PriceCreateParams{
		Product:    stripe.Ptr("prod_NWjs8kKbJWmuuc"),
		Currency:   stripe.Ptr("usd"),
		UnitAmount: stripe.Ptr(int64(15000)),
		Recurring:  &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalYear)},
		LookupKey:  stripe.Ptr("gold_yearly"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pr.ID, pr.Type)
}
