package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type cardConfig struct {
	customerIDConfig
	CardID string `json:"cardId" required:"true" desc:"The card's ID (card_...)."`
}

type listCardsConfig struct {
	customerIDConfig
	listConfig
}

type addCardConfig struct {
	customerIDConfig
	SourceToken string            `json:"sourceToken" required:"true" desc:"A card token (tok_...) from Stripe.js or the mobile SDKs; raw card numbers are refused."`
	Metadata    map[string]string `json:"metadata" desc:"Key-value pairs (strings) to attach to the card."`
}

const exampleCard = `{"id": "card_123", "object": "card", "customer": "cus_123", "brand": "Visa", "last4": "4242", "exp_month": 12, "exp_year": 2030, "funding": "credit"}`

func cardActions() []Action {
	return []Action{
		define("stripe.getCard", "Retrieve a card saved on a customer.", exampleCard,
			func(ctx context.Context, c *stripe.Client, cfg *cardConfig, base stripe.Params) (any, error) {
				return c.Cards.Get(ctx, cfg.CustomerID, cfg.CardID, &stripe.CardGetParams{Params: base})
			}),
		define("stripe.listCards", "List the cards saved on a customer (one page, or all with returnAll).",
			`{"object": "list", "data": [`+exampleCard+`], "has_more": false, "url": "/v1/customers/cus_123/sources"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listCardsConfig, base stripe.Params) (any, error) {
				p := &stripe.CardListParams{Params: base, ListParams: cfg.params()}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Card], error) { return c.Cards.List(ctx, cfg.CustomerID, p) },
					func() iter.Seq2[*stripe.Card, error] { return c.Cards.All(ctx, cfg.CustomerID, p) })
			}),
		define("stripe.addCard", "Save a card on a customer from a card token.", exampleCard,
			func(ctx context.Context, c *stripe.Client, cfg *addCardConfig, base stripe.Params) (any, error) {
				return c.Cards.Create(ctx, cfg.CustomerID, &stripe.CardCreateParams{Params: base, Source: cfg.SourceToken, Metadata: cfg.Metadata})
			}),
		define("stripe.removeCard", "Delete a card from a customer.",
			`{"id": "card_123", "object": "card", "deleted": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *cardConfig, base stripe.Params) (any, error) {
				return c.Cards.Delete(ctx, cfg.CustomerID, cfg.CardID, &stripe.CardDeleteParams{Params: base})
			}),
	}
}
