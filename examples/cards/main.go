// Command cards manages a customer's saved cards: add them from tokens,
// list them, change the default and remove one.
//
//	go run ./examples/cards
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
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com")})
	if err != nil {
		return fmt.Errorf("creating customer: %w", err)
	}
	fmt.Fprintf(out, "customer %s\n", cus.ID)

	// Tokens come from Stripe.js or the mobile SDKs; tok_visa and friends
	// are Stripe's test tokens. The first card becomes the default source.
	var added []*stripe.Card
	for _, tok := range []string{"tok_visa", "tok_mastercard", "tok_amex"} {
		card, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: tok})
		if err != nil {
			return fmt.Errorf("adding %s: %w", tok, err)
		}
		added = append(added, card)
		fmt.Fprintf(out, "added %s %s ending %s\n", card.ID, card.Brand, card.Last4)
	}
	if err := printCards(ctx, c, out, cus.ID); err != nil {
		return err
	}

	// Make the Mastercard the default.
	if _, err := c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr(added[1].ID)}); err != nil {
		return fmt.Errorf("setting the default: %w", err)
	}
	fmt.Fprintf(out, "default is now %s\n", added[1].ID)

	// Removing the default card makes the most recently added card the
	// default, as Stripe does.
	if _, err := c.Cards.Delete(ctx, cus.ID, added[1].ID, nil); err != nil {
		return fmt.Errorf("removing a card: %w", err)
	}
	fmt.Fprintf(out, "removed %s\n", added[1].ID)
	return printCards(ctx, c, out, cus.ID)
}

func printCards(ctx context.Context, c *stripe.Client, out io.Writer, customerID string) error {
	cus, err := c.Customers.Get(ctx, customerID, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "cards:")
	for card, err := range c.Cards.All(ctx, customerID, nil) {
		if err != nil {
			return fmt.Errorf("listing cards: %w", err)
		}
		mark := " "
		if card.ID == cus.DefaultSource.ID {
			mark = "*"
		}
		fmt.Fprintf(out, " %s %s %-16s %s %02d/%d\n", mark, card.ID, card.Brand, card.Last4, card.ExpMonth, card.ExpYear)
	}
	return nil
}
