package connector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/stripelite/stripe"
)

// Metadata written on the webhook endpoints a Dispatcher creates. An
// endpoint without ManagedMetadataKey=true was not created by us and is
// never modified or deleted.
const (
	// ManagedMetadataKey marks an endpoint as managed by this package.
	ManagedMetadataKey = "stripelite_managed"
	// triggerMetadataPrefix + trigger ID holds the trigger's event types,
	// comma-separated: the endpoint itself records who shares it.
	triggerMetadataPrefix = "stripelite_t_"
)

// DefaultDedupWindow is how long a Dispatcher remembers a handled event:
// a little over the 30 days Stripe keeps events (and retries deliveries).
const DefaultDedupWindow = 31 * 24 * time.Hour

// triggerIDPattern keeps "stripelite_t_" + ID within Stripe's 40-character
// metadata key limit.
var triggerIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,27}$`)

// WebhookSubscription is the persistable state of one webhook trigger.
// Persist it as JSON (json.Marshal) and hand it back to Dispatcher.Restore
// after a restart. The format, all fields always written:
//
//	{
//	  "triggerId":  "wf42_node3",          // the platform's trigger ID
//	  "account":    "acct_123",            // Stripe-Account the endpoint lives on; "" = the key's own account
//	  "url":        "https://hooks.example.com/stripe",
//	  "endpointId": "we_123",              // the shared webhook endpoint
//	  "secret":     "whsec_...",           // its signing secret, IN CLEAR: store it as a secret
//	  "events":     ["invoice.paid"],      // the event types this trigger asked for
//	  "cursor":     {"last_id": "evt_..."} // a stripe.PollCursor: the last event catch-up delivered
//	}
//
// Triggers sharing an endpoint hold the same endpointId and secret; when
// Check recreates an endpoint, every trigger on it gets the new secret, so
// persist Dispatcher.Subscriptions after Subscribe, Check and CatchUp.
type WebhookSubscription struct {
	TriggerID  string               `json:"triggerId"`
	Account    string               `json:"account"`
	URL        string               `json:"url"`
	EndpointID string               `json:"endpointId"`
	Secret     stripe.WebhookSecret `json:"-"` // prints as [REDACTED]; written in clear by MarshalJSON
	Events     []stripe.EventType   `json:"events"`
	Cursor     stripe.PollCursor    `json:"cursor"`
}

type subscriptionJSON struct {
	TriggerID  string             `json:"triggerId"`
	Account    string             `json:"account"`
	URL        string             `json:"url"`
	EndpointID string             `json:"endpointId"`
	Secret     string             `json:"secret"`
	Events     []stripe.EventType `json:"events"`
	Cursor     stripe.PollCursor  `json:"cursor"`
}

// MarshalJSON writes the format documented on WebhookSubscription, with
// the secret in clear so it can be restored.
func (s WebhookSubscription) MarshalJSON() ([]byte, error) {
	return json.Marshal(subscriptionJSON{s.TriggerID, s.Account, s.URL, s.EndpointID, s.Secret.Reveal(), s.Events, s.Cursor})
}

// UnmarshalJSON reads the format MarshalJSON writes.
func (s *WebhookSubscription) UnmarshalJSON(b []byte) error {
	var j subscriptionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = WebhookSubscription{j.TriggerID, j.Account, j.URL, j.EndpointID, stripe.WebhookSecret(j.Secret), j.Events, j.Cursor}
	return nil
}

func (s WebhookSubscription) clone() WebhookSubscription {
	s.Events = slices.Clone(s.Events)
	s.Cursor.SeenIDs = slices.Clone(s.Cursor.SeenIDs)
	return s
}

// wants reports whether the trigger asked for events of type t.
func (s *WebhookSubscription) wants(t stripe.EventType) bool {
	return slices.Contains(s.Events, t) || slices.Contains(s.Events, "*")
}

// EventHandler receives each event a trigger asked for, exactly once per
// trigger whether it came by webhook, by catch-up or both: ev decoded, raw
// the event as Stripe sent it. An error makes the event be offered again
// (Stripe's next delivery attempt, or the next CatchUp).
type EventHandler func(ctx context.Context, triggerID string, ev *stripe.Event, raw json.RawMessage) error

// Dispatcher manages the webhook endpoints of webhook triggers and is the
// http.Handler their deliveries go to.
//
// All triggers of one account that deliver to the same URL share one
// endpoint (Stripe allows 16 per account) whose enabled_events is the
// union of theirs; the endpoint's metadata records each trigger's events
// (stripelite_t_<triggerID>) and marks it ours (stripelite_managed=true).
// Endpoints are created with the client's pinned API version. An endpoint
// without the mark is never modified or deleted.
//
// ServeHTTP verifies each delivery with the secret of the endpoint it came
// from and hands the event to every trigger on that endpoint that asked for
// its type. De-duplication is per trigger and event (key
// "<triggerID>/<eventID>" in the WebhookDedupStore), shared with CatchUp.
//
// Endpoint changes (Subscribe, Check, Unsubscribe) are serialized by the
// Dispatcher; for several processes, run them from one.
type Dispatcher struct {
	handle EventHandler
	dedup  stripe.WebhookDedupStore
	window time.Duration

	ops  sync.Mutex // serializes endpoint changes
	mu   sync.Mutex // guards subs
	subs map[string]*WebhookSubscription
}

// NewDispatcher returns a Dispatcher that hands events to handle and
// de-duplicates them in dedup (nil: an in-process MemoryDedupStore) for
// window (0: DefaultDedupWindow). For exactly-once across restarts, dedup
// must outlive the process.
func NewDispatcher(handle EventHandler, dedup stripe.WebhookDedupStore, window time.Duration) (*Dispatcher, error) {
	if handle == nil {
		return nil, errors.New("connector: NewDispatcher: nil handler")
	}
	if window < 0 {
		return nil, fmt.Errorf("connector: NewDispatcher: negative dedup window %v", window)
	}
	if dedup == nil {
		dedup = stripe.NewMemoryDedupStore(0)
	}
	if window == 0 {
		window = DefaultDedupWindow
	}
	return &Dispatcher{handle: handle, dedup: dedup, window: window, subs: map[string]*WebhookSubscription{}}, nil
}

// Restore registers persisted subscriptions, replacing any with the same
// trigger ID. It does no I/O; call Check to repair endpoints.
func (d *Dispatcher) Restore(subs ...WebhookSubscription) error {
	for _, s := range subs {
		if !triggerIDPattern.MatchString(s.TriggerID) || s.EndpointID == "" || s.Secret == "" {
			return fmt.Errorf("connector: Restore: subscription %q lacks a valid trigger ID, endpoint ID or secret", s.TriggerID)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range subs {
		c := s.clone()
		d.subs[s.TriggerID] = &c
	}
	return nil
}

// Subscription returns the current state of a trigger, to persist.
func (d *Dispatcher) Subscription(triggerID string) (WebhookSubscription, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.subs[triggerID]
	if !ok {
		return WebhookSubscription{}, false
	}
	return s.clone(), true
}

// Subscriptions returns every registered trigger's state, by trigger ID.
func (d *Dispatcher) Subscriptions() []WebhookSubscription {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]WebhookSubscription, 0, len(d.subs))
	for _, s := range d.subs {
		out = append(out, s.clone())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TriggerID < out[j].TriggerID })
	return out
}

func validEvents(events []stripe.EventType) error {
	if len(events) == 0 {
		return errors.New("no event types")
	}
	for _, e := range events {
		if e == "" || strings.ContainsAny(string(e), ", ") {
			return fmt.Errorf("invalid event type %q", e)
		}
	}
	if n := len(joinEvents(events)); n > 500 {
		return fmt.Errorf("event types take %d characters; at most 500 fit in the endpoint's metadata", n)
	}
	return nil
}

func joinEvents(events []stripe.EventType) string {
	s := make([]string, len(events))
	for i, e := range events {
		s[i] = string(e)
	}
	return strings.Join(s, ",")
}

// Subscribe switches a webhook trigger on: it joins (or creates) the
// managed endpoint of account and url, widening its enabled_events to
// include events, and starts the trigger's catch-up cursor at the newest
// existing event. Subscribing a trigger ID again changes its events.
// account is the Stripe-Account to manage the endpoint on ("" for the
// key's own account); triggerID is 1 to 27 of [A-Za-z0-9_-].
func (d *Dispatcher) Subscribe(ctx context.Context, c *stripe.Client, account, url, triggerID string, events []stripe.EventType) (WebhookSubscription, error) {
	switch {
	case c == nil:
		return WebhookSubscription{}, errors.New("connector: Subscribe: nil client")
	case !triggerIDPattern.MatchString(triggerID):
		return WebhookSubscription{}, fmt.Errorf("connector: Subscribe: trigger ID %q must be 1 to 27 of [A-Za-z0-9_-]", triggerID)
	case !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://"):
		return WebhookSubscription{}, fmt.Errorf("connector: Subscribe: URL %q is not http(s)", url)
	}
	if err := validEvents(events); err != nil {
		return WebhookSubscription{}, fmt.Errorf("connector: Subscribe: %w", err)
	}
	events = slices.Clone(events)
	d.ops.Lock()
	defer d.ops.Unlock()

	if old, ok := d.Subscription(triggerID); ok && (old.Account != account || old.URL != url) {
		if err := d.leave(ctx, c, old); err != nil {
			return WebhookSubscription{}, err
		}
	}
	we, err := d.findManaged(ctx, c, account, url)
	if err != nil {
		return WebhookSubscription{}, err
	}
	var secret stripe.WebhookSecret
	if we != nil {
		secret = d.secretOf(we.ID)
	}
	switch {
	case we == nil:
		we, err = d.create(ctx, c, account, url, map[string]string{triggerMetadataPrefix + triggerID: joinEvents(events)})
		if err != nil {
			return WebhookSubscription{}, err
		}
		secret = we.Secret
	case secret == "":
		// Ours, but its secret is lost (only create returns it): replace it.
		we, err = d.recreate(ctx, c, account, we, triggerID, events)
		if err != nil {
			return WebhookSubscription{}, err
		}
		secret = we.Secret
	default:
		md := triggersOf(we)
		md[triggerMetadataPrefix+triggerID] = joinEvents(events)
		if err := d.update(ctx, c, account, we.ID, md); err != nil {
			return WebhookSubscription{}, err
		}
	}

	sub := WebhookSubscription{TriggerID: triggerID, Account: account, URL: url, EndpointID: we.ID,
		Secret: secret, Events: events}
	if old, ok := d.Subscription(triggerID); ok && old.Account == account && old.URL == url && slices.Equal(old.Events, events) {
		sub.Cursor = old.Cursor // subscribing again keeps its place
	} else {
		// The catch-up cursor starts at the newest event of its types now.
		p := catchUpPoller(c, sub)
		if _, err := p.Poll(ctx); err != nil {
			return WebhookSubscription{}, fmt.Errorf("connector: Subscribe: starting the catch-up cursor: %w", err)
		}
		sub.Cursor = p.Cursor()
	}
	d.mu.Lock()
	d.subs[triggerID] = &sub
	d.setEndpoint(we.ID, we.ID, secret)
	d.mu.Unlock()
	return sub.clone(), nil
}

// Unsubscribe switches a trigger off: its events leave the shared
// endpoint's enabled_events, and the endpoint is deleted when no trigger
// is left on it. An unknown trigger ID is not an error.
func (d *Dispatcher) Unsubscribe(ctx context.Context, c *stripe.Client, triggerID string) error {
	if c == nil {
		return errors.New("connector: Unsubscribe: nil client")
	}
	d.ops.Lock()
	defer d.ops.Unlock()
	sub, ok := d.Subscription(triggerID)
	if !ok {
		return nil
	}
	return d.leave(ctx, c, sub)
}

// leave takes sub's trigger off its endpoint and out of the Dispatcher.
func (d *Dispatcher) leave(ctx context.Context, c *stripe.Client, sub WebhookSubscription) error {
	we, err := c.WebhookEndpoints.Get(ctx, sub.EndpointID, &stripe.WebhookEndpointGetParams{Params: stripe.Params{StripeAccount: sub.Account}})
	switch {
	case errors.Is(err, stripe.ErrNotFound):
		we = nil // already gone
	case err != nil:
		return fmt.Errorf("connector: Unsubscribe %s: %w", sub.TriggerID, err)
	}
	if we != nil && we.Metadata[ManagedMetadataKey] == "true" {
		md := triggersOf(we)
		delete(md, triggerMetadataPrefix+sub.TriggerID)
		if len(md) == 0 {
			_, err = c.WebhookEndpoints.Delete(ctx, we.ID, &stripe.WebhookEndpointDeleteParams{RequestOptions: stripe.RequestOptions{StripeAccount: sub.Account}})
			if err != nil && !errors.Is(err, stripe.ErrNotFound) {
				return fmt.Errorf("connector: Unsubscribe %s: deleting endpoint %s: %w", sub.TriggerID, we.ID, err)
			}
		} else {
			md[triggerMetadataPrefix+sub.TriggerID] = "" // unsets the key
			if err := d.update(ctx, c, sub.Account, we.ID, md); err != nil {
				return err
			}
		}
	}
	d.mu.Lock()
	delete(d.subs, sub.TriggerID)
	d.mu.Unlock()
	return nil
}

// Check verifies a trigger's endpoint and repairs it: an endpoint deleted
// or disabled behind our back is recreated (managed, with every trigger
// of the Dispatcher on it) and the subscription returned carries the new
// endpoint ID and secret; an endpoint missing the trigger's events gets
// them back. An endpoint ID that now names an endpoint we did not create
// is left alone and replaced by a new one of ours.
func (d *Dispatcher) Check(ctx context.Context, c *stripe.Client, triggerID string) (WebhookSubscription, error) {
	if c == nil {
		return WebhookSubscription{}, errors.New("connector: Check: nil client")
	}
	d.ops.Lock()
	defer d.ops.Unlock()
	sub, ok := d.Subscription(triggerID)
	if !ok {
		return WebhookSubscription{}, fmt.Errorf("connector: Check: trigger %q is not subscribed", triggerID)
	}
	we, err := c.WebhookEndpoints.Get(ctx, sub.EndpointID, &stripe.WebhookEndpointGetParams{Params: stripe.Params{StripeAccount: sub.Account}})
	switch {
	case errors.Is(err, stripe.ErrNotFound):
		we = nil
	case err != nil:
		return WebhookSubscription{}, fmt.Errorf("connector: Check %s: %w", triggerID, err)
	}
	if we != nil && we.Metadata[ManagedMetadataKey] == "true" && we.Status == "enabled" && we.URL == sub.URL {
		md := triggersOf(we)
		if md[triggerMetadataPrefix+triggerID] == joinEvents(sub.Events) && covers(we.EnabledEvents, sub.Events) {
			return sub, nil // healthy
		}
		md[triggerMetadataPrefix+triggerID] = joinEvents(sub.Events)
		return sub, d.update(ctx, c, sub.Account, we.ID, md)
	}
	if we != nil && we.Metadata[ManagedMetadataKey] == "true" {
		// Ours but disabled (or moved): replace it.
		if _, err := c.WebhookEndpoints.Delete(ctx, we.ID, &stripe.WebhookEndpointDeleteParams{RequestOptions: stripe.RequestOptions{StripeAccount: sub.Account}}); err != nil && !errors.Is(err, stripe.ErrNotFound) {
			return WebhookSubscription{}, fmt.Errorf("connector: Check %s: deleting disabled endpoint %s: %w", triggerID, we.ID, err)
		}
	}
	// Every trigger the Dispatcher has on the old endpoint moves to the new one.
	md := map[string]string{}
	d.mu.Lock()
	for _, s := range d.subs {
		if s.EndpointID == sub.EndpointID {
			md[triggerMetadataPrefix+s.TriggerID] = joinEvents(s.Events)
		}
	}
	d.mu.Unlock()
	nwe, err := d.create(ctx, c, sub.Account, sub.URL, md)
	if err != nil {
		return WebhookSubscription{}, err
	}
	d.mu.Lock()
	d.setEndpoint(sub.EndpointID, nwe.ID, nwe.Secret)
	out := d.subs[triggerID].clone()
	d.mu.Unlock()
	return out, nil
}

// setEndpoint points every subscription on endpoint old to endpoint id with
// secret. Callers hold d.mu.
func (d *Dispatcher) setEndpoint(old, id string, secret stripe.WebhookSecret) {
	for _, s := range d.subs {
		if s.EndpointID == old {
			s.EndpointID, s.Secret = id, secret
		}
	}
}

// secretOf returns the secret a subscription holds for endpoint id.
func (d *Dispatcher) secretOf(id string) stripe.WebhookSecret {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.subs {
		if s.EndpointID == id {
			return s.Secret
		}
	}
	return ""
}

func covers(have, want []stripe.EventType) bool {
	if slices.Contains(have, "*") {
		return true
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// triggersOf returns the trigger entries of a managed endpoint's metadata.
func triggersOf(we *stripe.WebhookEndpoint) map[string]string {
	md := map[string]string{}
	for k, v := range we.Metadata {
		if strings.HasPrefix(k, triggerMetadataPrefix) && v != "" {
			md[k] = v
		}
	}
	return md
}

// unionOf is the sorted union of the events of trigger entries.
func unionOf(md map[string]string) stripe.Array[stripe.EventType] {
	var out []stripe.EventType
	for _, v := range md {
		if v == "" {
			continue
		}
		for _, e := range strings.Split(v, ",") {
			if !slices.Contains(out, stripe.EventType(e)) {
				out = append(out, stripe.EventType(e))
			}
		}
	}
	slices.Sort(out)
	if slices.Contains(out, "*") {
		out = []stripe.EventType{"*"}
	}
	return stripe.Array[stripe.EventType](out)
}

// findManaged returns our endpoint for account and url, or nil.
func (d *Dispatcher) findManaged(ctx context.Context, c *stripe.Client, account, url string) (*stripe.WebhookEndpoint, error) {
	for we, err := range c.WebhookEndpoints.All(ctx, &stripe.WebhookEndpointListParams{Params: stripe.Params{StripeAccount: account}}) {
		if err != nil {
			return nil, fmt.Errorf("connector: listing webhook endpoints: %w", err)
		}
		if we.Metadata[ManagedMetadataKey] == "true" && we.URL == url && we.Status == "enabled" {
			return we, nil
		}
	}
	return nil, nil
}

func (d *Dispatcher) create(ctx context.Context, c *stripe.Client, account, url string, triggers map[string]string) (*stripe.WebhookEndpoint, error) {
	md := stripe.Metadata{ManagedMetadataKey: "true"}
	for k, v := range triggers {
		md[k] = v
	}
	// APIVersion nil: Create sends the client's pinned version.
	we, err := c.WebhookEndpoints.Create(ctx, &stripe.WebhookEndpointCreateParams{
		Params:        stripe.Params{StripeAccount: account},
		URL:           stripe.Ptr(url),
		EnabledEvents: unionOf(triggers),
		Description:   stripe.Ptr("Managed by stripelite connector triggers"),
		Metadata:      md,
	})
	if err != nil {
		return nil, fmt.Errorf("connector: creating webhook endpoint: %w", err)
	}
	return we, nil
}

// recreate replaces our endpoint we, whose secret is lost, with a new one
// holding its triggers plus triggerID.
func (d *Dispatcher) recreate(ctx context.Context, c *stripe.Client, account string, we *stripe.WebhookEndpoint, triggerID string, events []stripe.EventType) (*stripe.WebhookEndpoint, error) {
	md := triggersOf(we)
	md[triggerMetadataPrefix+triggerID] = joinEvents(events)
	nwe, err := d.create(ctx, c, account, we.URL, md)
	if err != nil {
		return nil, err
	}
	if _, err := c.WebhookEndpoints.Delete(ctx, we.ID, &stripe.WebhookEndpointDeleteParams{RequestOptions: stripe.RequestOptions{StripeAccount: account}}); err != nil && !errors.Is(err, stripe.ErrNotFound) {
		return nil, fmt.Errorf("connector: deleting endpoint %s: %w", we.ID, err)
	}
	return nwe, nil
}

// update sets a managed endpoint's trigger entries (an empty value unsets
// one) and its enabled_events to their union.
func (d *Dispatcher) update(ctx context.Context, c *stripe.Client, account, id string, md map[string]string) error {
	_, err := c.WebhookEndpoints.Update(ctx, id, &stripe.WebhookEndpointUpdateParams{
		Params:        stripe.Params{StripeAccount: account},
		EnabledEvents: unionOf(md),
		Metadata:      stripe.Metadata(md),
	})
	if err != nil {
		return fmt.Errorf("connector: updating webhook endpoint %s: %w", id, err)
	}
	return nil
}
