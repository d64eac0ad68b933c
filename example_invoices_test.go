package stripe_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/stripelite/stripe"
)

// The seed invoice workflow: find or create the customer, create a draft
// invoice payable within 30 days, add an item, finalize and email it.
func ExampleInvoicesService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}

	email := "jenny@example.com"
	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{Email: stripe.Ptr(email)})
	if err != nil {
		log.Fatal(err)
	}
	var cus *stripe.Customer
	if len(page.Data) > 0 {
		cus = &page.Data[0]
	} else if cus, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr(email)}); err != nil {
		log.Fatal(err)
	}

	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{
		Customer:         stripe.Ptr(cus.ID),
		AutoAdvance:      stripe.Ptr(false), // keep it a draft until we finalize
		CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice),
		DaysUntilDue:     stripe.Ptr(int64(30)),
	})
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{
		Customer:    stripe.Ptr(cus.ID),
		Invoice:     stripe.Ptr(inv.ID),
		Amount:      stripe.Ptr(int64(9900)), // $99.00
		Currency:    stripe.Ptr("usd"),
		Description: stripe.Ptr("Consulting, 3 hours"),
	})
	if err != nil {
		log.Fatal(err)
	}
	if inv, err = c.Invoices.Finalize(ctx, inv.ID, nil); err != nil {
		log.Fatal(err)
	}
	if inv, err = c.Invoices.Send(ctx, inv.ID, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.Number, inv.Status, inv.HostedInvoiceURL)
}

func ExampleInvoicesService_All() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	params := &stripe.InvoiceListParams{
		Customer: stripe.Ptr("cus_123"),
		Status:   stripe.Ptr(stripe.InvoiceStatusOpen),
	}
	for inv, err := range c.Invoices.All(ctx, params) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(inv.ID, inv.AmountRemaining, inv.Currency)
		for _, line := range inv.Lines.Data {
			fmt.Println("  ", line.Description, line.Amount)
		}
	}
}

func ExampleInvoicesService_Pay() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	// The customer paid by bank check: record it without charging.
	inv, err := c.Invoices.Pay(ctx, "in_123", &stripe.InvoicePayParams{PaidOutOfBand: stripe.Ptr(true)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.Status == stripe.InvoiceStatusPaid)
}

func ExampleSubscriptionsService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	sub, err := c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{
		Customer: stripe.Ptr("cus_123"),
		Items: []stripe.SubscriptionItemParams{
			{Price: stripe.Ptr("price_pro_monthly")},
			{Price: stripe.Ptr("price_seat_monthly"), Quantity: stripe.Ptr(int64(3))},
		},
		PaymentBehavior: stripe.Ptr(stripe.SubscriptionPaymentBehaviorDefaultIncomplete),
		PaymentSettings: &stripe.SubscriptionPaymentSettingsParams{SaveDefaultPaymentMethod: stripe.Ptr("on_subscription")},
		Params:          stripe.Params{Expand: []string{"latest_invoice.confirmation_secret"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	// Hand the client secret to the browser to collect the first payment.
	if inv := sub.LatestInvoice.Object; inv != nil && inv.ConfirmationSecret != nil {
		fmt.Println(sub.ID, sub.Status, len(inv.ConfirmationSecret.ClientSecret) > 0)
	}
	for _, item := range sub.Items.Data {
		fmt.Println(item.Price.ID, item.Quantity, item.CurrentPeriodEnd)
	}
}

func ExampleSubscriptionsService_Cancel() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	// Cancel now and invoice any pending prorations immediately.
	sub, err := c.Subscriptions.Cancel(ctx, "sub_123", &stripe.SubscriptionCancelParams{
		InvoiceNow: stripe.Ptr(true),
		Prorate:    stripe.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sub.Status == stripe.SubscriptionStatusCanceled)
}
