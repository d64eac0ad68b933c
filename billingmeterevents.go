package stripe

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// BillingMeterEventsService records usage for usage-based billing:
// https://docs.stripe.com/api/billing/meter-event
//
// Usage is counted once per Identifier. Create sends an Idempotency-Key
// like every POST, which covers this client's own retries of one call; set
// BillingMeterEventCreateParams.Identifier to an ID of the usage event on
// your side (an order line, a request ID) so that sending the same event
// again, even from another process or after a crash, is recognised by
// Stripe and not billed twice. Stripe rejects an Identifier it has seen
// within at least the last 24 hours. Without one, Stripe generates an
// identifier and every call counts.
type BillingMeterEventsService struct{ c *Client }

// BillingMeterEvent is one usage event reported to a billing meter.
// Stripe processes meter events asynchronously; the returned object echoes
// what was accepted.
type BillingMeterEvent struct {
	Object  string `json:"object"`
	Created int64  `json:"created"`
	// EventName is the meter's event_name.
	EventName string `json:"event_name"`
	// Identifier is the event's de-duplication key.
	Identifier string `json:"identifier"`
	Livemode   bool   `json:"livemode"`
	// Payload holds the customer mapping (stripe_customer_id by default)
	// and the value (value by default), as strings.
	Payload   map[string]string `json:"payload"`
	Timestamp int64             `json:"timestamp"`
}

// BillingMeterEventPayload is a meter event's payload, sent as
// payload[key]=value: by default stripe_customer_id and value.
// Keys may not be empty or contain '[' or ']'.
type BillingMeterEventPayload map[string]string

// EncodeValues implements query.Encoder.
func (p BillingMeterEventPayload) EncodeValues(key string, v *url.Values) error {
	for k, val := range p {
		if k == "" || strings.ContainsAny(k, "[]") {
			return fmt.Errorf("stripe: invalid payload key %q: must be non-empty and contain no '[' or ']'", redact(k))
		}
		v.Set(key+"["+k+"]", val)
	}
	return nil
}

// BillingMeterEventCreateParams are the params of
// BillingMeterEvents.Create; EventName and Payload are required.
type BillingMeterEventCreateParams struct {
	Params
	EventName *string `url:"event_name,omitempty"`
	// Identifier de-duplicates the event: Stripe counts each identifier
	// once (see BillingMeterEventsService).
	Identifier *string                  `url:"identifier,omitempty"`
	Payload    BillingMeterEventPayload `url:"payload,omitempty"`
	// Timestamp is the Unix time the usage happened; now when unset. It
	// must be within the past 35 days and at most 5 minutes ahead.
	Timestamp *int64 `url:"timestamp,omitempty"`
}

// Create reports a usage event to a billing meter. Set params.Identifier
// to make it safe to send the same event more than once.
//
// Stripe API docs: https://docs.stripe.com/api/billing/meter-event/create
func (s *BillingMeterEventsService) Create(ctx context.Context, params *BillingMeterEventCreateParams) (*BillingMeterEvent, error) {
	ev := new(BillingMeterEvent)
	return orNil(ev, s.c.call(ctx, http.MethodPost, "/v1/billing/meter_events", params, ev))
}
