// Command invoices runs the seed invoice workflow of a connector: find the
// customer by email or create it, create a draft invoice that is emailed and
// payable within 30 days (auto_advance=false, so it stays a draft until we
// finalize it), add an item, finalize the invoice and send it.
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
	const email = "jenny@example.com"
	page, err := c.Customers.List(ctx, &stripe.CustomerListParams{Email: stripe.Ptr(email)})
	if err != nil {
		return fmt.Errorf("finding customer: %w", err)
	}
	var cus *stripe.Customer
	if len(page.Data) > 0 {
		cus = &page.Data[0]
		fmt.Fprintf(out, "found customer %s\n", cus.ID)
	} else {
		cus, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr(email), Name: stripe.Ptr("Jenny Rosen")})
		if err != nil {
			return fmt.Errorf("creating customer: %w", err)
		}
		fmt.Fprintf(out, "created customer %s\n", cus.ID)
	}

	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{
		Customer:         stripe.Ptr(cus.ID),
		AutoAdvance:      stripe.Ptr(false),
		CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice),
		DaysUntilDue:     stripe.Ptr(int64(30)),
		Description:      stripe.Ptr("Invoice for services"),
		Metadata:         stripe.Metadata{"order_id": "A-1"},
	})
	if err != nil {
		return fmt.Errorf("creating invoice: %w", err)
	}
	// An item created with Invoice lands on that draft.
	if _, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{
		Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID),
		Amount: stripe.Ptr(int64(9900)), Currency: stripe.Ptr("usd"), Description: stripe.Ptr("Consulting, March"),
	}); err != nil {
		return fmt.Errorf("adding invoice item: %w", err)
	}
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "draft %s: %d line(s), total %d %s\n", inv.ID, len(inv.Lines.Data), inv.Total, inv.Currency)

	inv, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	if err != nil {
		return fmt.Errorf("finalizing: %w", err)
	}
	fmt.Fprintf(out, "finalized: number %s, status %s, amount due %d\n", inv.Number, inv.Status, inv.AmountDue)

	inv, err = c.Invoices.Send(ctx, inv.ID, nil)
	if err != nil {
		return fmt.Errorf("sending: %w", err)
	}
	fmt.Fprintf(out, "sent to %s: status %s\n", cus.Email, inv.Status)
	return nil
}
