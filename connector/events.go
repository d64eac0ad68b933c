package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type eventIDConfig struct {
	EventID string `json:"eventId" required:"true" desc:"The event's ID (evt_...)."`
}

type listEventsConfig struct {
	Type            *string  `json:"type" desc:"Only events of this type, e.g. invoice.paid; * is a wildcard, as in invoice.*."`
	Types           []string `json:"types" desc:"Only events of these exact types (up to 20); instead of type."`
	DeliverySuccess *bool    `json:"deliverySuccess" desc:"Only events whose webhook deliveries all succeeded (true) or some did not (false)."`
	listConfig
}

func (*listEventsConfig) rules() []rule { return []rule{atMostOne("type", "types")} }

const exampleEvent = `{"id": "evt_123", "object": "event", "type": "invoice.paid", "created": 1700000000, "data": {"object": {"id": "in_123", "object": "invoice"}}}`

func eventActions() []Action {
	return []Action{
		define("stripe.getEvent", "Retrieve an event (of the last 30 days) by ID.", exampleEvent,
			func(ctx context.Context, c *stripe.Client, cfg *eventIDConfig, base stripe.Params) (any, error) {
				return c.Events.Get(ctx, cfg.EventID, &stripe.EventGetParams{Params: base})
			}),
		define("stripe.listEvents", "List events of the last 30 days, newest first, optionally of some types.",
			`{"object": "list", "data": [`+exampleEvent+`], "has_more": false, "url": "/v1/events"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listEventsConfig, base stripe.Params) (any, error) {
				p := &stripe.EventListParams{Params: base, ListParams: cfg.params(), DeliverySuccess: cfg.DeliverySuccess}
				if cfg.Type != nil {
					p.Type = stripe.Ptr(stripe.EventType(*cfg.Type))
				}
				for _, t := range cfg.Types {
					p.Types = append(p.Types, stripe.EventType(t))
				}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Event], error) { return c.Events.List(ctx, p) },
					func() iter.Seq2[*stripe.Event, error] { return c.Events.All(ctx, p) })
			}),
	}
}
