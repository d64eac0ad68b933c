package connector

import (
	"context"
	"iter"
	"strconv"

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

type updateCardConfig struct {
	cardConfig
	ExpMonth       *int64            `json:"expMonth" min:"1" max:"12" desc:"New expiry month, 1 to 12."`
	ExpYear        *int64            `json:"expYear" min:"2000" max:"2200" desc:"New four-digit expiry year."`
	Name           *string           `json:"name" desc:"The cardholder's name."`
	AddressLine1   *string           `json:"addressLine1" desc:"Billing address: street."`
	AddressLine2   *string           `json:"addressLine2" desc:"Billing address: apartment, suite or building."`
	AddressCity    *string           `json:"addressCity" desc:"Billing address: city."`
	AddressState   *string           `json:"addressState" desc:"Billing address: state, county, province or region."`
	AddressZip     *string           `json:"addressZip" desc:"Billing address: ZIP or postal code."`
	AddressCountry *string           `json:"addressCountry" desc:"Billing address: country."`
	Metadata       map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
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
		define("stripe.updateCard", "Change a saved card's expiry, cardholder name, billing address or metadata.", exampleCard,
			func(ctx context.Context, c *stripe.Client, cfg *updateCardConfig, base stripe.Params) (any, error) {
				p := &stripe.CardUpdateParams{Params: base, Name: cfg.Name, AddressLine1: cfg.AddressLine1,
					AddressLine2: cfg.AddressLine2, AddressCity: cfg.AddressCity, AddressState: cfg.AddressState,
					AddressZip: cfg.AddressZip, AddressCountry: cfg.AddressCountry, Metadata: cfg.Metadata}
				if cfg.ExpMonth != nil {
					p.ExpMonth = stripe.Ptr(strconv.FormatInt(*cfg.ExpMonth, 10))
				}
				if cfg.ExpYear != nil {
					p.ExpYear = stripe.Ptr(strconv.FormatInt(*cfg.ExpYear, 10))
				}
				return c.Cards.Update(ctx, cfg.CustomerID, cfg.CardID, p)
			}),
	}
}
