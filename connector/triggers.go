package connector

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/stripelite/stripe"
)

// WebhookTrigger is an event type a webhook trigger node can subscribe to.
// Verify and decode the deliveries with stripe.ConstructEvent or
// stripe.WebhookHandler.
type WebhookTrigger struct {
	Event       stripe.EventType `json:"event"`
	Description string           `json:"description"`
}

var webhookTriggers = []WebhookTrigger{
	{stripe.EventChargeSucceeded, "A charge succeeded."},
	{stripe.EventChargeFailed, "A charge attempt failed."},
	{stripe.EventChargeRefunded, "A charge was refunded, fully or in part."},
	{stripe.EventChargeDisputeCreated, "A customer disputed a charge."},
	{stripe.EventCheckoutSessionCompleted, "A Checkout Session was completed."},
	{stripe.EventCustomerCreated, "A customer was created."},
	{stripe.EventCustomerUpdated, "A customer was updated."},
	{stripe.EventCustomerDeleted, "A customer was deleted."},
	{stripe.EventCustomerSourceCreated, "A card or other source was saved on a customer."},
	{stripe.EventCustomerSourceDeleted, "A card or other source was removed from a customer."},
	{stripe.EventCustomerSubscriptionCreated, "A customer was subscribed to a plan."},
	{stripe.EventCustomerSubscriptionUpdated, "A subscription changed (plan, status, renewal, ...)."},
	{stripe.EventCustomerSubscriptionDeleted, "A subscription ended."},
	{stripe.EventCustomerSubscriptionTrialWillEnd, "A subscription's trial ends in three days."},
	{stripe.EventCustomerSubscriptionPaused, "A subscription was paused."},
	{stripe.EventCustomerSubscriptionResumed, "A paused subscription was resumed."},
	{stripe.EventInvoiceCreated, "An invoice was created."},
	{stripe.EventInvoiceFinalized, "A draft invoice was finalized."},
	{stripe.EventInvoicePaid, "An invoice was paid (or marked paid)."},
	{stripe.EventInvoicePaymentSucceeded, "An invoice payment attempt succeeded."},
	{stripe.EventInvoicePaymentFailed, "An invoice payment attempt failed."},
	{stripe.EventInvoiceUpcoming, "A subscription invoice will be created soon."},
	{stripe.EventInvoiceVoided, "An invoice was voided."},
	{stripe.EventInvoiceMarkedUncollectible, "An invoice was marked uncollectible."},
	{stripe.EventPaymentIntentCreated, "A PaymentIntent was created."},
	{stripe.EventPaymentIntentSucceeded, "A PaymentIntent succeeded: the payment is complete."},
	{stripe.EventPaymentIntentPaymentFailed, "A payment attempt on a PaymentIntent failed."},
	{stripe.EventPaymentIntentRequiresAction, "A PaymentIntent needs customer action (3-D Secure, ...)."},
	{stripe.EventPaymentIntentAmountCapturableUpdated, "A PaymentIntent was authorized and awaits capture."},
	{stripe.EventPaymentIntentCanceled, "A PaymentIntent was canceled."},
	{stripe.EventProductCreated, "A product was created."},
	{stripe.EventPriceCreated, "A price was created."},
	{stripe.EventRefundCreated, "A refund was created."},
	{stripe.EventRefundFailed, "A refund failed."},
	{stripe.EventBalanceAvailable, "Pending funds became available in the balance."},
}

// WebhookTriggers returns the webhook event types a trigger node offers.
func WebhookTriggers() []WebhookTrigger { return slices.Clone(webhookTriggers) }

// PollingTrigger is a trigger that polls a Stripe list for new objects:
// an object trigger (stripe.newCharge, ...) or an event trigger
// (stripe.onInvoicePaid, ...) that polls the Events API for one webhook
// event type, for platforms that cannot receive webhooks.
type PollingTrigger struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// EventType is the event type an event trigger delivers; empty for
	// object triggers and for stripe.newEvent (every type).
	EventType stripe.EventType `json:"eventType,omitempty"`
	// NewPoller returns a poller that resumes at cursor: the zero
	// PollCursor starts now, stripe.PollSince(t) at a time, a saved
	// Poller.Cursor() where the last run stopped.
	NewPoller func(c *stripe.Client, cursor stripe.PollCursor) Poller `json:"-"`
	// Samples returns the latest n (1 to 100) objects the trigger would
	// deliver, newest first, as Stripe sent them: sample output for a
	// platform to show when a user switches the trigger on.
	Samples func(ctx context.Context, c *stripe.Client, n int64) ([]json.RawMessage, error) `json:"-"`
}

// Poller is a type-erased stripe.Poller, for platforms that handle every
// trigger's objects alike.
type Poller interface {
	// Poll returns the objects created since the last poll, oldest first,
	// each a json.RawMessage: the object as Stripe sent it.
	Poll(ctx context.Context) ([]any, error)
	// Cursor is the position to persist after handling Poll's objects.
	Cursor() stripe.PollCursor
}

type anyPoller[T any] struct{ p *stripe.Poller[T] }

func (a anyPoller[T]) Poll(ctx context.Context) ([]any, error) {
	var rec responses
	objs, err := a.p.Poll(stripe.WithResponseHook(ctx, rec.add))
	if err != nil {
		return nil, err
	}
	// The pages fetched hold each new object as Stripe sent it.
	raw := map[string]json.RawMessage{}
	rec.mu.Lock()
	for _, body := range rec.bodies {
		var page struct {
			Data []json.RawMessage `json:"data"`
		}
		if json.Unmarshal(body, &page) != nil {
			continue
		}
		for _, d := range page.Data {
			var obj struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(d, &obj) == nil && obj.ID != "" {
				raw[obj.ID] = d
			}
		}
	}
	rec.mu.Unlock()
	out := make([]any, len(objs))
	for i, o := range objs {
		id := reflect.ValueOf(o).Elem().FieldByName("ID").String()
		r, ok := raw[id]
		if !ok {
			return nil, fmt.Errorf("connector: polled object %q is in no page fetched", id)
		}
		out[i] = r
	}
	return out, nil
}

func (a anyPoller[T]) Cursor() stripe.PollCursor { return a.p.Cursor() }

// listTrigger builds a polling trigger over a list; list gives the
// client's list function.
func listTrigger[T any](name, description string, event stripe.EventType, list func(c *stripe.Client) stripe.PollListFunc[T]) PollingTrigger {
	return PollingTrigger{
		Name: name, Description: description, EventType: event,
		NewPoller: func(c *stripe.Client, cur stripe.PollCursor) Poller {
			return anyPoller[T]{stripe.NewPoller(cur, list(c))}
		},
		Samples: func(ctx context.Context, c *stripe.Client, n int64) ([]json.RawMessage, error) {
			if n < 1 || n > 100 {
				return nil, &ConfigError{Action: name, Field: "n", Code: CodeInvalidValue, Reason: fmt.Sprintf("must be 1 to 100, got %d", n)}
			}
			var resp stripe.Response
			if _, err := list(c)(stripe.WithResponse(ctx, &resp), stripe.ListParams{Limit: &n}, nil); err != nil {
				return nil, err
			}
			var page struct {
				Data []json.RawMessage `json:"data"`
			}
			if err := json.Unmarshal(resp.Body, &page); err != nil {
				return nil, fmt.Errorf("connector: %s: reading the list: %w", name, err)
			}
			if page.Data == nil {
				page.Data = []json.RawMessage{}
			}
			return page.Data, nil
		},
	}
}

// eventTriggerName is the polling trigger of an event type:
// invoice.payment_failed is stripe.onInvoicePaymentFailed.
func eventTriggerName(t stripe.EventType) string {
	var b strings.Builder
	b.WriteString("stripe.on")
	for _, word := range strings.FieldsFunc(string(t), func(r rune) bool { return r == '.' || r == '_' }) {
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

func eventsOf(types ...stripe.EventType) func(c *stripe.Client) stripe.PollListFunc[stripe.Event] {
	return func(c *stripe.Client) stripe.PollListFunc[stripe.Event] {
		return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Event], error) {
			p := &stripe.EventListParams{ListParams: lp, Created: created}
			if len(types) == 1 {
				p.Type = &types[0]
			}
			return c.Events.List(ctx, p)
		}
	}
}

// PollingTriggers returns the polling triggers: one per new object
// (stripe.newCharge, newRefund, newCustomer, newInvoice, newSubscription,
// newPaymentIntent, newCheckoutSession, newDispute), stripe.newEvent for every event, and one per webhook
// event type of WebhookTriggers (stripe.onInvoicePaid, ...), which polls
// the Events API for that type.
func PollingTriggers() []PollingTrigger {
	triggers := []PollingTrigger{
		listTrigger("stripe.newCharge", "Fires once for each new charge, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Charge] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Charge], error) {
					return c.Charges.List(ctx, &stripe.ChargeListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newRefund", "Fires once for each new refund, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Refund] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Refund], error) {
					return c.Refunds.List(ctx, &stripe.RefundListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newCustomer", "Fires once for each new customer, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Customer] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Customer], error) {
					return c.Customers.List(ctx, &stripe.CustomerListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newInvoice", "Fires once for each new invoice, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Invoice] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Invoice], error) {
					return c.Invoices.List(ctx, &stripe.InvoiceListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newSubscription", "Fires once for each new subscription, whatever its status, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Subscription] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Subscription], error) {
					return c.Subscriptions.List(ctx, &stripe.SubscriptionListParams{ListParams: lp, Created: created,
						Status: stripe.Ptr(stripe.SubscriptionStatusAll)})
				}
			}),
		listTrigger("stripe.newPaymentIntent", "Fires once for each new PaymentIntent, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.PaymentIntent] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.PaymentIntent], error) {
					return c.PaymentIntents.List(ctx, &stripe.PaymentIntentListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newCheckoutSession", "Fires once for each new Checkout Session, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.CheckoutSession] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.CheckoutSession], error) {
					return c.CheckoutSessions.List(ctx, &stripe.CheckoutSessionListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newDispute", "Fires once for each new dispute, oldest first.", "",
			func(c *stripe.Client) stripe.PollListFunc[stripe.Dispute] {
				return func(ctx context.Context, lp stripe.ListParams, created *stripe.RangeQuery) (*stripe.List[stripe.Dispute], error) {
					return c.Disputes.List(ctx, &stripe.DisputeListParams{ListParams: lp, Created: created})
				}
			}),
		listTrigger("stripe.newEvent", "Fires once for each new event of any type, oldest first (the Events API keeps 30 days).", "", eventsOf()),
	}
	for _, w := range webhookTriggers {
		triggers = append(triggers, listTrigger(eventTriggerName(w.Event),
			strings.TrimSuffix(w.Description, ".")+" (polls the Events API for "+string(w.Event)+").", w.Event, eventsOf(w.Event)))
	}
	return triggers
}
