package connector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/stripelite/stripe"
)

// maxDeliveryBytes bounds a webhook delivery body, as stripe.WebhookHandler does.
const maxDeliveryBytes = 1 << 20

// ServeHTTP receives the deliveries of the Dispatcher's endpoints: it
// verifies the Stripe-Signature with the secret of each endpoint it
// manages, and hands the event to the triggers of the endpoint whose
// secret verified it that asked for its type. Answers: 200 when every
// such trigger has the event (now or before), 400 for a bad signature or
// body (413 over 1 MiB), 409 while another copy of the event is being handled, 500 when a
// trigger's handler failed (Stripe then retries).
func (d *Dispatcher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxDeliveryBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get("Stripe-Signature")
	secrets := map[string]stripe.WebhookSecret{}
	d.mu.Lock()
	for _, s := range d.subs {
		secrets[s.EndpointID] = s.Secret
	}
	d.mu.Unlock()
	var ev *stripe.Event
	endpoint := ""
	for id, secret := range secrets {
		if e, err := stripe.ConstructEvent(payload, sig, secret.Reveal()); err == nil {
			ev, endpoint = e, id
			break
		}
	}
	if ev == nil {
		http.Error(w, "invalid webhook signature", http.StatusBadRequest)
		return
	}
	var triggers []string
	d.mu.Lock()
	for _, s := range d.subs {
		if s.EndpointID == endpoint && s.wants(ev.Type) {
			triggers = append(triggers, s.TriggerID)
		}
	}
	d.mu.Unlock()
	status := http.StatusOK
	for _, t := range triggers {
		switch _, err := d.deliver(r.Context(), t, ev, payload); {
		case errors.Is(err, errInProgress):
			status = max(status, http.StatusConflict)
		case err != nil:
			status = http.StatusInternalServerError
		}
	}
	if status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.WriteHeader(http.StatusOK)
}

var errInProgress = errors.New("connector: event is being handled by another delivery")

// deliver hands ev to triggerID's handler unless the trigger already has
// it: the one path for webhook deliveries and catch-up. It reports
// whether the handler ran and succeeded.
func (d *Dispatcher) deliver(ctx context.Context, triggerID string, ev *stripe.Event, raw json.RawMessage) (bool, error) {
	key := triggerID + "/" + ev.ID
	claim, err := d.dedup.Claim(ctx, key)
	switch {
	case err != nil:
		return false, fmt.Errorf("connector: dedup store: %w", err)
	case claim == stripe.WebhookAlreadyDone:
		return false, nil
	case claim == stripe.WebhookInProgress:
		return false, errInProgress
	case claim != stripe.WebhookClaimed:
		return false, fmt.Errorf("connector: dedup store: unknown claim result %d", claim)
	}
	bg := context.WithoutCancel(ctx)
	returned := false
	defer func() {
		if !returned {
			_ = d.dedup.Release(bg, key)
		}
	}()
	err = d.handle(ctx, triggerID, ev, raw)
	returned = true
	if err != nil {
		_ = d.dedup.Release(bg, key)
		return false, err
	}
	// The event was handled; a failure here only loses its de-duplication.
	_ = d.dedup.Done(bg, key, d.window)
	return true, nil
}

// CatchUp replays to a trigger the events of its types created after its
// cursor (the last event catch-up delivered, or the newest event when it
// subscribed), oldest first, from the Events API, which keeps 30 days. It
// goes through the same de-duplication as webhook deliveries, so an event
// that also arrives (or arrived) by webhook reaches the handler once.
// Call it when a trigger starts again after downtime, and periodically.
// It returns how many events the handler received; on a handler error
// the cursor stays where it was, so the next CatchUp offers the rest
// again. Persist Subscription(triggerID) afterwards: it holds the cursor.
func (d *Dispatcher) CatchUp(ctx context.Context, c *stripe.Client, triggerID string) (int, error) {
	if c == nil {
		return 0, errors.New("connector: CatchUp: nil client")
	}
	sub, ok := d.Subscription(triggerID)
	if !ok {
		return 0, fmt.Errorf("connector: CatchUp: trigger %q is not subscribed", triggerID)
	}
	p := catchUpPoller(c, sub)
	objs, err := p.Poll(ctx)
	if err != nil {
		return 0, fmt.Errorf("connector: CatchUp %s: %w", triggerID, err)
	}
	n := 0
	for _, o := range objs {
		raw := o.(json.RawMessage)
		var ev stripe.Event
		if err := json.Unmarshal(raw, &ev); err != nil {
			return n, fmt.Errorf("connector: CatchUp %s: decoding an event: %w", triggerID, err)
		}
		if !sub.wants(ev.Type) {
			continue
		}
		switch ran, err := d.deliver(ctx, triggerID, &ev, raw); {
		case errors.Is(err, errInProgress):
			// A webhook delivery has it; if that fails, Stripe retries it.
		case err != nil:
			return n, fmt.Errorf("connector: CatchUp %s: event %s: %w", triggerID, ev.ID, err)
		case ran:
			n++
		}
	}
	d.mu.Lock()
	if s, ok := d.subs[triggerID]; ok {
		s.Cursor = p.Cursor()
	}
	d.mu.Unlock()
	return n, nil
}

// catchUpPoller polls the Events API for sub's event types from its
// cursor. Subscribe starts the cursor with the same filter, so the cursor
// event is always in the filtered list.
func catchUpPoller(c *stripe.Client, sub WebhookSubscription) anyPoller[stripe.Event] {
	params := &stripe.EventListParams{Params: stripe.Params{StripeAccount: sub.Account}}
	switch {
	case sub.wants("*"), len(sub.Events) > 20:
		// every event; CatchUp filters
	case len(sub.Events) == 1:
		params.Type = &sub.Events[0]
	default:
		params.Types = stripe.Array[stripe.EventType](sub.Events)
	}
	return anyPoller[stripe.Event]{c.Events.Poller(sub.Cursor, params)}
}
