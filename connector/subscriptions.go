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
	CollectionMethod       *stripe.CollectionMethod            `json:"collectionMethod" desc:"charge_automatically charges the default payment method; send_invoice emails each invoice."`
	DaysUntilDue           *int64                              `json:"daysUntilDue" min:"0" desc:"Days until each invoice is due (send_invoice only)."`
	DefaultPaymentMethodID *string                             `json:"defaultPaymentMethodId" desc:"Payment method (pm_...) for the subscription's invoices."`
	CancelAtPeriodEnd      *bool                               `json:"cancelAtPeriodEnd" desc:"Cancel at the end of the current period."`
	PaymentBehavior        *stripe.SubscriptionPaymentBehavior `json:"paymentBehavior" desc:"What happens when the first payment needs action or fails."`
	ProrationBehavior      *stripe.ProrationBehavior           `json:"prorationBehavior" desc:"How changes are prorated."`
	TrialEnd               *int64                              `json:"trialEnd" desc:"End of the trial as a Unix timestamp."`
	Description            *string                             `json:"description" desc:"Description shown to the customer."`
	Metadata               map[string]string                   `json:"metadata" desc:"Key-value pairs (strings) to attach to the subscription."`
}

type createSubscriptionConfig struct {
	customerIDConfig
	Items           []subscriptionItemConfig `json:"items" required:"true" minItems:"1" desc:"The prices to bill, at least one: [{\"price\": \"price_...\", \"quantity\": 1}]."`
	TrialPeriodDays *int64                   `json:"trialPeriodDays" min:"0" desc:"Days of free trial before the first charge."`
	subscriptionFields
}

// rules: Stripe needs days_until_due for a send_invoice subscription, and
// takes it only for one.
func (*createSubscriptionConfig) rules() []rule {
	return []rule{
		ifThenAnyOf("collectionMethod", "send_invoice", "daysUntilDue"),
		onlyIf("collectionMethod", "send_invoice", "daysUntilDue"),
	}
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
	Status     *stripe.SubscriptionStatus `json:"status" desc:"Only subscriptions with this status (default: all but canceled)."`
	listConfig
}

type resumeSubscriptionConfig struct {
	subscriptionIDConfig
	BillingCycleAnchor *string                   `json:"billingCycleAnchor" enum:"now,unchanged" desc:"now (the default) restarts the billing cycle today; unchanged keeps it."`
	ProrationBehavior  *stripe.ProrationBehavior `json:"prorationBehavior" desc:"How the resumption is prorated."`
	ProrationDate      *int64                    `json:"prorationDate" desc:"Compute prorations as of this Unix timestamp."`
}

const exampleSubscription = `{"id": "sub_123", "object": "subscription", "customer": "cus_123", "status": "active", "items": {"object": "list", "data": [{"id": "si_123", "price": {"id": "price_123"}, "quantity": 1}]}}`

func subscriptionActions() []Action {
	return []Action{
		define("stripe.createSubscription", "Subscribe a customer to one or more recurring prices.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *createSubscriptionConfig, base stripe.Params) (any, error) {
				items := make([]stripe.SubscriptionItemParams, len(cfg.Items))
				for i, it := range cfg.Items {
					items[i] = stripe.SubscriptionItemParams{Price: stripe.Ptr(it.Price), Quantity: it.Quantity, Metadata: it.Metadata}
				}
				f := cfg.subscriptionFields
				return c.Subscriptions.Create(ctx, &stripe.SubscriptionCreateParams{Params: base, Customer: &cfg.CustomerID, Items: items, TrialPeriodDays: cfg.TrialPeriodDays,
					CollectionMethod: f.CollectionMethod, DaysUntilDue: f.DaysUntilDue,
					DefaultPaymentMethod: f.DefaultPaymentMethodID, CancelAtPeriodEnd: f.CancelAtPeriodEnd,
					PaymentBehavior: f.PaymentBehavior, ProrationBehavior: f.ProrationBehavior,
					TrialEnd: unixOrUnset(f.TrialEnd), Description: f.Description, Metadata: f.Metadata,
				})
			}),
		define("stripe.getSubscription", "Retrieve a subscription by ID.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *subscriptionIDConfig, base stripe.Params) (any, error) {
				return c.Subscriptions.Get(ctx, cfg.SubscriptionID, &stripe.SubscriptionGetParams{Params: base})
			}),
		define("stripe.updateSubscription", "Change a subscription's items or settings.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *updateSubscriptionConfig, base stripe.Params) (any, error) {
				var items []stripe.SubscriptionUpdateItemParams
				for _, it := range cfg.Items {
					items = append(items, stripe.SubscriptionUpdateItemParams{
						ID: it.ID, Price: it.Price, Quantity: it.Quantity, Deleted: it.Deleted, Metadata: it.Metadata,
					})
				}
				f := cfg.subscriptionFields
				return c.Subscriptions.Update(ctx, cfg.SubscriptionID, &stripe.SubscriptionUpdateParams{Params: base, Items: items, CollectionMethod: f.CollectionMethod, DaysUntilDue: f.DaysUntilDue,
					DefaultPaymentMethod: f.DefaultPaymentMethodID, CancelAtPeriodEnd: f.CancelAtPeriodEnd,
					PaymentBehavior: f.PaymentBehavior, ProrationBehavior: f.ProrationBehavior,
					TrialEnd: unixOrUnset(f.TrialEnd), Description: f.Description, Metadata: f.Metadata,
				})
			}),
		define("stripe.cancelSubscription", "Cancel a subscription now.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *cancelSubscriptionConfig, base stripe.Params) (any, error) {
				return c.Subscriptions.Cancel(ctx, cfg.SubscriptionID, &stripe.SubscriptionCancelParams{Params: base, InvoiceNow: cfg.InvoiceNow, Prorate: cfg.Prorate})
			}),
		define("stripe.listSubscriptions", "List subscriptions, newest first, filtered by customer, price or status.",
			`{"object": "list", "data": [`+exampleSubscription+`], "has_more": false, "url": "/v1/subscriptions"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listSubscriptionsConfig, base stripe.Params) (any, error) {
				p := &stripe.SubscriptionListParams{Params: base, ListParams: cfg.params(), Customer: cfg.CustomerID, Price: cfg.PriceID, Status: cfg.Status}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Subscription], error) { return c.Subscriptions.List(ctx, p) },
					func() iter.Seq2[*stripe.Subscription, error] { return c.Subscriptions.All(ctx, p) })
			}),
		define("stripe.resumeSubscription", "Resume a paused subscription.", exampleSubscription,
			func(ctx context.Context, c *stripe.Client, cfg *resumeSubscriptionConfig, base stripe.Params) (any, error) {
				return c.Subscriptions.Resume(ctx, cfg.SubscriptionID, &stripe.SubscriptionResumeParams{Params: base,
					BillingCycleAnchor: cfg.BillingCycleAnchor, ProrationBehavior: cfg.ProrationBehavior, ProrationDate: cfg.ProrationDate})
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
