package connector

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

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

// PollingTrigger is a trigger that polls a Stripe list for new objects.
type PollingTrigger struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// NewPoller returns a poller that resumes at cursor: the zero
	// PollCursor starts now, stripe.PollSince(t) at a time, a saved
	// Poller.Cursor() where the last run stopped.
	NewPoller func(c *stripe.Client, cursor stripe.PollCursor) Poller `json:"-"`
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

// PollingTriggers returns the polling triggers: newCharge and newRefund.
func PollingTriggers() []PollingTrigger {
	return []PollingTrigger{
		{
			Name: "stripe.newCharge", Description: "Fires once for each new charge, oldest first.",
			NewPoller: func(c *stripe.Client, cur stripe.PollCursor) Poller {
				return anyPoller[stripe.Charge]{c.Charges.Poller(cur, nil)}
			},
		},
		{
			Name: "stripe.newRefund", Description: "Fires once for each new refund, oldest first.",
			NewPoller: func(c *stripe.Client, cur stripe.PollCursor) Poller {
				return anyPoller[stripe.Refund]{c.Refunds.Poller(cur, nil)}
			},
		},
	}
}
