package stripe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"reflect"
)

// EventsService reads events: https://docs.stripe.com/api/events
type EventsService struct{ c *Client }

// EventType names what happened, such as "invoice.paid". Stripe adds new
// types over time; any string it sends is kept as is.
type EventType string

// Event types for the resources this package covers. See
// https://docs.stripe.com/api/events/types for the full list.
const (
	EventBalanceAvailable EventType = "balance.available"

	EventChargeCaptured       EventType = "charge.captured"
	EventChargeDisputeCreated EventType = "charge.dispute.created"
	EventChargeExpired        EventType = "charge.expired"
	EventChargeFailed         EventType = "charge.failed"
	EventChargePending        EventType = "charge.pending"
	EventChargeRefunded       EventType = "charge.refunded"
	EventChargeSucceeded      EventType = "charge.succeeded"
	EventChargeUpdated        EventType = "charge.updated"

	EventCheckoutSessionCompleted EventType = "checkout.session.completed"

	EventCustomerCreated                  EventType = "customer.created"
	EventCustomerDeleted                  EventType = "customer.deleted"
	EventCustomerUpdated                  EventType = "customer.updated"
	EventCustomerSourceCreated            EventType = "customer.source.created"
	EventCustomerSourceDeleted            EventType = "customer.source.deleted"
	EventCustomerSubscriptionCreated      EventType = "customer.subscription.created"
	EventCustomerSubscriptionDeleted      EventType = "customer.subscription.deleted"
	EventCustomerSubscriptionPaused       EventType = "customer.subscription.paused"
	EventCustomerSubscriptionResumed      EventType = "customer.subscription.resumed"
	EventCustomerSubscriptionTrialWillEnd EventType = "customer.subscription.trial_will_end"
	EventCustomerSubscriptionUpdated      EventType = "customer.subscription.updated"

	EventInvoiceCreated             EventType = "invoice.created"
	EventInvoiceDeleted             EventType = "invoice.deleted"
	EventInvoiceFinalized           EventType = "invoice.finalized"
	EventInvoiceMarkedUncollectible EventType = "invoice.marked_uncollectible"
	EventInvoicePaid                EventType = "invoice.paid"
	EventInvoicePaymentFailed       EventType = "invoice.payment_failed"
	EventInvoicePaymentSucceeded    EventType = "invoice.payment_succeeded"
	EventInvoiceUpcoming            EventType = "invoice.upcoming"
	EventInvoiceUpdated             EventType = "invoice.updated"
	EventInvoiceVoided              EventType = "invoice.voided"

	EventInvoiceItemCreated EventType = "invoiceitem.created"
	EventInvoiceItemDeleted EventType = "invoiceitem.deleted"

	EventPaymentIntentAmountCapturableUpdated EventType = "payment_intent.amount_capturable_updated"
	EventPaymentIntentCanceled                EventType = "payment_intent.canceled"
	EventPaymentIntentCreated                 EventType = "payment_intent.created"
	EventPaymentIntentPaymentFailed           EventType = "payment_intent.payment_failed"
	EventPaymentIntentProcessing              EventType = "payment_intent.processing"
	EventPaymentIntentRequiresAction          EventType = "payment_intent.requires_action"
	EventPaymentIntentSucceeded               EventType = "payment_intent.succeeded"

	EventPriceCreated EventType = "price.created"
	EventPriceDeleted EventType = "price.deleted"
	EventPriceUpdated EventType = "price.updated"

	EventProductCreated EventType = "product.created"
	EventProductDeleted EventType = "product.deleted"
	EventProductUpdated EventType = "product.updated"

	EventRefundCreated EventType = "refund.created"
	EventRefundFailed  EventType = "refund.failed"
	EventRefundUpdated EventType = "refund.updated"
)

// Event is a Stripe event: something that happened to an object, delivered
// by webhook or read with Events.Get and Events.List.
type Event struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Account is the connected account the event came from (Connect only).
	Account string `json:"account"`
	// APIVersion is the version data.object was rendered in; it never
	// changes after the event is created. See APIVersionMismatch.
	APIVersion      string        `json:"api_version"`
	Context         string        `json:"context"`
	Created         int64         `json:"created"`
	Data            EventData     `json:"data"`
	Livemode        bool          `json:"livemode"`
	PendingWebhooks int64         `json:"pending_webhooks"`
	Request         *EventRequest `json:"request"`
	Type            EventType     `json:"type"`
}

// APIVersionMismatch reports whether the event's data was rendered in an API
// version other than the pinned [APIVersion] (including events without an
// api_version), so the typed objects of this package may not match it
// exactly. Such events are still delivered; decode them with care.
func (e *Event) APIVersionMismatch() bool { return e.APIVersion != APIVersion }

// EventData holds the object the event is about.
type EventData struct {
	// Object is the API object as it was when the event happened, in the
	// event's API version. Decode it with Decode.
	Object json.RawMessage `json:"object"`
	// PreviousAttributes holds, for *.updated events, the changed fields
	// with their old values, keyed by field name.
	PreviousAttributes map[string]json.RawMessage `json:"previous_attributes"`
}

// ErrEventObjectMismatch is returned by EventData.Decode when data.object is
// not the kind of object the target type holds (a charge decoded into a
// Customer, say).
var ErrEventObjectMismatch = errors.New("stripe: event data.object has a different type")

// eventObjectNames maps this package's object types to the "object" value
// Stripe gives them, so Decode can catch a mismatch before decoding.
// Entries for types not (yet) in the package are harmless.
var eventObjectNames = map[string]string{
	"BalanceTransaction": "balance_transaction",
	"Card":               "card",
	"Charge":             "charge",
	"Customer":           "customer",
	"Invoice":            "invoice",
	"InvoiceItem":        "invoiceitem",
	"PaymentIntent":      "payment_intent",
	"Price":              "price",
	"Product":            "product",
	"Refund":             "refund",
	"Subscription":       "subscription",
}

var packagePath = reflect.TypeOf(Event{}).PkgPath()

// ObjectType returns the "object" field of data.object, such as "invoice",
// or "" when it has none.
func (d *EventData) ObjectType() string {
	var head struct {
		Object string `json:"object"`
	}
	if json.Unmarshal(d.Object, &head) != nil {
		return ""
	}
	return head.Object
}

// Decode decodes data.object into v, a pointer to one of this package's
// object types or to any struct of the caller's:
//
//	var cus stripe.Customer
//	if err := ev.Data.Decode(&cus); err != nil { ... }
//
// For this package's types it first checks data.object's "object" field and
// returns an error matching [ErrEventObjectMismatch] when it names another
// kind of object.
func (d *EventData) Decode(v any) error {
	if b := bytes.TrimSpace(d.Object); len(b) == 0 || bytes.Equal(b, []byte("null")) {
		return errors.New("stripe: event has no data.object")
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("stripe: EventData.Decode needs a non-nil pointer, got %T", v)
	}
	if t := rv.Type().Elem(); t.PkgPath() == packagePath {
		if want, ok := eventObjectNames[t.Name()]; ok {
			if got := d.ObjectType(); got != "" && got != want {
				return fmt.Errorf("%w: data.object is a %q, cannot decode it into %T", ErrEventObjectMismatch, got, v)
			}
		}
	}
	if err := json.Unmarshal(d.Object, v); err != nil {
		return fmt.Errorf("stripe: decoding event data.object (%q) into %T: %w", d.ObjectType(), v, err)
	}
	return nil
}

// EventRequest is the API request that caused an event. Both fields are
// empty for events Stripe created on its own (a subscription renewal, say).
type EventRequest struct {
	// ID is the request ID (req_...).
	ID string `json:"id"`
	// IdempotencyKey is the Idempotency-Key the request carried, if any.
	IdempotencyKey string `json:"idempotency_key"`
}

// UnmarshalJSON accepts the request object, null, and the plain request ID
// string that events created with API versions before 2017-05-25 carry.
func (r *EventRequest) UnmarshalJSON(b []byte) error {
	*r = EventRequest{}
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || bytes.Equal(b, []byte("null")):
		return nil
	case b[0] == '"':
		return json.Unmarshal(b, &r.ID)
	}
	type plain EventRequest // no UnmarshalJSON, so no recursion
	return json.Unmarshal(b, (*plain)(r))
}

// EventGetParams are the params of Events.Get.
type EventGetParams struct {
	Params
}

// EventListParams are the params of Events.List and Events.All. Type and
// Types are exclusive: set at most one.
type EventListParams struct {
	Params
	ListParams
	Created *RangeQuery `url:"created,omitempty"`
	// DeliverySuccess filters by whether every webhook delivery of the
	// event succeeded (true) or some are still pending or failed (false).
	DeliverySuccess *bool `url:"delivery_success,omitempty"`
	// Type filters by one event type; "*" works as a wildcard, as in
	// EventType("invoice.*").
	Type *EventType `url:"type,omitempty"`
	// Types filters by up to 20 exact event types.
	Types Array[EventType] `url:"types,omitempty"`
}

// Get retrieves an event from the last 30 days. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/events/retrieve
func (s *EventsService) Get(ctx context.Context, id string, params *EventGetParams) (*Event, error) {
	path, err := pathf("/v1/events/%s", id)
	if err != nil {
		return nil, err
	}
	ev := new(Event)
	return orNil(ev, s.c.call(ctx, http.MethodGet, path, params, ev))
}

// List returns one page of the events of the last 30 days, newest first.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/events/list
func (s *EventsService) List(ctx context.Context, params *EventListParams) (*List[Event], error) {
	page := new(List[Event])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/events", params, page))
}

// All iterates over every event matching params, fetching pages lazily as
// the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/events/list
func (s *EventsService) All(ctx context.Context, params *EventListParams) iter.Seq2[*Event, error] {
	return listAll(ctx, params, s.List)
}

// Poller returns a Poller that delivers new events matching params (nil
// allowed; typically Types set, its list fields and Created left unset),
// oldest first and each once, resuming at cursor: a polling trigger for
// "new event of types X".
//
// Stripe API docs: https://docs.stripe.com/api/events/list
func (s *EventsService) Poller(cursor PollCursor, params *EventListParams) *Poller[Event] {
	return newListPoller(cursor, params, s.List)
}
