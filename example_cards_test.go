package stripe_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/stripelite/stripe"
)

// Save a card on a customer from a token, then list the customer's cards.
// The first card becomes the customer's default_source.
func ExampleCardsService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("jenny@example.com")})
	if err != nil {
		log.Fatal(err)
	}
	card, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_visa"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(card.Brand, card.Last4)

	for card, err := range c.Cards.All(ctx, cus.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(card.ID, card.ExpMonth, card.ExpYear)
	}
}

// Make another saved card the customer's default.
func ExampleCardsService_Update_defaultSource() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Customers.Update(ctx, "cus_123", &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr("card_456")})
	if err != nil {
		log.Fatal(err)
	}
	card, err := c.Cards.Update(ctx, "cus_123", "card_456", &stripe.CardUpdateParams{Name: stripe.Ptr("Jenny Rosen")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(card.Name)
}

// Remove a card. If it was the default, Stripe promotes the most recently
// added remaining card.
func ExampleCardsService_Delete() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	d, err := c.Cards.Delete(ctx, "cus_123", "card_456", nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Deleted)
}
