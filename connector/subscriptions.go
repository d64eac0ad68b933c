package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type subscriptionIDConfig struct {
	SubscriptionID string `json:"subscriptionId" required:"true" desc:"The subscription's ID (sub_...)."`
}

type subscriptionItemConfig struct {
	Price    string            `json:"price" required:"true" desc:"The recurring price (price_...) to bill."`
	Quantity *int64            `json:"quantity" min:"0" desc:"Quantity of the price (default 1)."`
	Metadata map[string]string `json:"metadata" desc:"Key-value pairs (strings) to attach to the item."`
}

type subscriptionFields struct {
	CollectionMethod       *stripe.CollectionMethod            `json:"collectionMethod" enum:"charge_automatically,send_invoice" desc:"charge_automatically charges the default payment method; send_invoice emails each invoice."`
	DaysUntilDue           *int64                              `json:"daysUntilDue" min:"0" desc:"Days until each invoice is due (send_invoice only)."`
	DefaultPaymentMethodID *string                             `json:"defaultPaymentMethodId" desc:"Payment method (pm_...) for the subscription's invoices."`
	CancelAtPeriodEnd      *bool                               `json:"cancelAtPeriodEnd" desc:"Cancel at the end of the current period."`
	PaymentBehavior        *stripe.SubscriptionPaymentBehavior `json:"paymentBehavior" enum:"allow_incomplete,default_incomplete,error_if_incomplete,pending_if_incomplete" desc:"What happens when the first payment needs action or fails."`
	ProrationBehavior      *stripe.ProrationBehavior           `json:"prorationBehavior" enum:"always_invoice,create_prorations,none" desc:"How changes are prorated."`
	TrialEnd               *int64                              `json:"trialEnd" desc:"End of the trial as a Unix timestamp."`
	Description            *string                             `json:"description" desc:"Description shown to the customer."`
	Metadata               map[string]string                   `json:"metadata" desc:"Key-value pairs (strings) to attach to the subscription."`
}

type createSubscriptionConfig struct {
	customerIDConfig
	Items           []subscriptionItemConfig `json:"items" required:"true" desc:"The prices to bill, at least one: [{\"price\": \"price_...\", \"quantity\": 1}]."`
	TrialPeriodDays *int64                   `json:"trialPeriodDays" min:"0" desc:"Days of free trial before the first charge."`
	subscriptionFields
}

func (c *createSubscriptionConfig) validate() *ConfigError {
	if len(c.Items) == 0 {
		return &ConfigError{Field: "items", Code: CodeMissingField, Reason: "needs at least one item"}
	}
	return nil
}

type updateSubscriptionItemConfig struct {
	ID       *string           `json:"id" desc:"The subscription item (si_...) to change or remove; leave out to add an item."`
	Price    *string           `json:"price" desc:"The price (price_...) to bill."`
	Quantity *int64            `json:"quantity" min:"0" desc:"New quantity."`
	Deleted  *bool             `json:"deleted" desc:"Remove the item given by id."`
	Metadata map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set on the item."`
}

type updateSubscriptionConfig struct {
	subscriptionIDConfig
	Items []updateSubscriptionItemConfig `json:"items" desc:"Items to add (price), change (id with price or quantity) or remove (id with deleted)."`
	subscriptionFields
}

type cancelSubscriptionConfig struct {
	subscriptionIDConfig
	InvoiceNow *bool `json:"invoiceNow" desc:"Invoice pending usage and prorations now."`
	Prorate    *bool `json:"prorate" desc:"Credit unused time as a proration."`
}

type listSubscriptionsConfig struct {
	CustomerID *string                    `json:"customerId" desc:"Only subscriptions of this customer (cus_...)."`
	PriceID    *string                    `json:"priceId" desc:"Only subscriptions billing this price (price_...)."`
	Status     *stripe.SubscriptionStatus `json:"status" enum:"active,all,canceled,ended,incomplete,incomplete_expired,past_due,paused,trialing,unpaid" desc:"Only subscriptions with this status (default: all but canceled)."`
	listConfig
}

const exampleSubscription = `{"id": "sub_123", "object": "subscription", "customer": "cus_123", "status": "active", "items": {"object": "list", "data": [{"id": "si_123", "price": {"id": "price_123"}, "quantity": 1}]}}`

func subscriptionActions() []Action {
	return []Action{
		define("stripe.createSubscription", "Subscribe a customer to one or more recurring prices.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *createSubscriptionConfig) (any, error) {
				items := make([]stripe.SubscriptionItemParams, len(cfg.Items))
				for i, it := range cfg.Items {
					items[i] = stripe.SubscriptionItemParams{Price: stripe.Ptr(it.Price), Quantity: it.Quantity, Metadata: it.Metadata}
				}
				f := cfg.subscriptionFields
				return c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{
					Customer: &cfg.CustomerID, Items: items, TrialPeriodDays: cfg.TrialPeriodDays,
					CollectionMethod: f.CollectionMethod, DaysUntilDue: f.DaysUntilDue,
					DefaultPaymentMethod: f.DefaultPaymentMethodID, CancelAtPeriodEnd: f.CancelAtPeriodEnd,
					PaymentBehavior: f.PaymentBehavior, ProrationBehavior: f.ProrationBehavior,
					TrialEnd: unixOrUnset(f.TrialEnd), Description: f.Description, Metadata: f.Metadata,
				})
			}),
		define("stripe.getSubscription", "Retrieve a subscription by ID.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *subscriptionIDConfig) (any, error) {
				return c.Subscriptions.Get(ctx, cfg.SubscriptionID, nil)
			}),
		define("stripe.updateSubscription", "Change a subscription's items or settings.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *updateSubscriptionConfig) (any, error) {
				var items []stripe.SubscriptionUpdateItemParams
				for _, it := range cfg.Items {
					items = append(items, stripe.SubscriptionUpdateItemParams{
						ID: it.ID, Price: it.Price, Quantity: it.Quantity, Deleted: it.Deleted, Metadata: it.Metadata,
					})
				}
				f := cfg.subscriptionFields
				return c.Subscriptions.Update(ctx, cfg.SubscriptionID, &stripe.SubscriptionUpdateParams{
					Items: items, CollectionMethod: f.CollectionMethod, DaysUntilDue: f.DaysUntilDue,
					DefaultPaymentMethod: f.DefaultPaymentMethodID, CancelAtPeriodEnd: f.CancelAtPeriodEnd,
					PaymentBehavior: f.PaymentBehavior, ProrationBehavior: f.ProrationBehavior,
					TrialEnd: unixOrUnset(f.TrialEnd), Description: f.Description, Metadata: f.Metadata,
				})
			}),
		define("stripe.cancelSubscription", "Cancel a subscription now.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *cancelSubscriptionConfig) (any, error) {
				return c.Subscriptions.Cancel(ctx, cfg.SubscriptionID, &stripe.SubscriptionCancelParams{InvoiceNow: cfg.InvoiceNow, Prorate: cfg.Prorate})
			}),
		define("stripe.listSubscriptions", "List subscriptions, newest first, filtered by customer, price or status.",
			`{"object": "list", "data": [`+exampleSubscription+`], "has_more": false, "url": "/v1/subscriptions"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listSubscriptionsConfig) (any, error) {
				p := &stripe.SubscriptionListParams{ListParams: cfg.params(), Customer: cfg.CustomerID, Price: cfg.PriceID, Status: cfg.Status}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Subscription], error) { return c.Subscriptions.List(ctx, p) },
					func() iter.Seq2[*stripe.Subscription, error] { return c.Subscriptions.All(ctx, p) })
			}),
	}
}

// unixOrUnset is the Union param of an optional Unix time.
func unixOrUnset(t *int64) stripe.Union {
	if t == nil {
		return stripe.Union{}
	}
	return stripe.Int(*t)
}
