// Command invoices walks an invoice through its life: a customer with a
// card, a product and price, invoice items, a draft invoice whose totals
// add up, finalization and payment.
//
//	go run ./examples/invoices
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/examples/internal/exampleenv"
)

func main() {
	env, err := exampleenv.New(os.Stderr)
	if err != nil {
		log.Fatal(err)
	}
	defer env.Close()
	if err := run(context.Background(), env.Client, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, c *stripe.Client, out io.Writer) error {
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{
		Email:  stripe.Ptr("jenny@example.com"),
		Name:   stripe.Ptr("Jenny Rosen"),
		Source: stripe.Ptr("tok_visa"),
	})
	if err != nil {
		return fmt.Errorf("creating customer: %w", err)
	}
	fmt.Fprintf(out, "customer %s\n", cus.ID)

	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: stripe.Ptr("Consulting hour")})
	if err != nil {
		return fmt.Errorf("creating product: %w", err)
	}
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{
		Product: stripe.Ptr(prod.ID), Currency: stripe.Ptr("usd"), UnitAmount: stripe.Ptr(int64(15000)),
	})
	if err != nil {
		return fmt.Errorf("creating price: %w", err)
	}

	// A pending item: it waits for the customer's next invoice.
	if _, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{
		Customer: stripe.Ptr(cus.ID), Amount: stripe.Ptr(int64(2500)), Currency: stripe.Ptr("usd"),
		Description: stripe.Ptr("Setup fee"),
	}); err != nil {
		return fmt.Errorf("creating invoice item: %w", err)
	}
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{
		Customer:                    stripe.Ptr(cus.ID),
		PendingInvoiceItemsBehavior: stripe.Ptr(stripe.InvoicePendingInvoiceItemsBehaviorInclude),
		Description:                 stripe.Ptr("March consulting"),
	})
	if err != nil {
		return fmt.Errorf("creating invoice: %w", err)
	}
	// An item created with Invoice lands on that draft.
	if _, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{
		Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
		Pricing: &stripe.InvoiceItemPricingParams{Price: stripe.Ptr(price.ID)}, Quantity: stripe.Ptr(int64(3)),
	}); err != nil {
		return fmt.Errorf("adding invoice item: %w", err)
	}

	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "draft %s: %d lines, subtotal %d, total %d, due %d\n", inv.ID, len(inv.Lines.Data), inv.Subtotal, inv.Total, inv.AmountDue)
	for _, l := range inv.Lines.Data {
		fmt.Fprintf(out, "  %-40s %8d\n", l.Description, l.Amount)
	}

	inv, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	if err != nil {
		return fmt.Errorf("finalizing: %w", err)
	}
	fmt.Fprintf(out, "finalized: number %s, status %s\n", inv.Number, inv.Status)

	inv, err = c.Invoices.Pay(ctx, inv.ID, nil)
	if err != nil {
		return fmt.Errorf("paying: %w", err)
	}
	fmt.Fprintf(out, "paid: status %s, amount paid %d, remaining %d\n", inv.Status, inv.AmountPaid, inv.AmountRemaining)
	return nil
}
