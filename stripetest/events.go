package stripetest

import (
	"encoding/json"
	"reflect"
	"strings"

	stripe "github.com/stripelite/stripe"
)

func (s *Server) registerEvents() {
	s.handle("GET", "/v1/events", s.listEvents)
	s.handle("GET", "/v1/events/{id}", func(r *request) (any, error) {
		ev, err := getAs[*event](s, "event", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(ev, r.expand), nil
	})
}

func (s *Server) listEvents(r *request) (any, error) {
	f := r.form
	typ, hasType := f.str("type")
	types := f.strings("types")
	delivered, hasDelivered := f.bool("delivery_success")
	if hasType && len(types) > 0 {
		return nil, invalid("types", "", "You may only specify one of these parameters: type, types.")
	}
	return listOf(s, r, "event", "/v1/events", func(ev *event) bool {
		t := ev.Type
		if hasType && !matchEventType(typ, t) {
			return false
		}
		if len(types) > 0 && !contains(types, t) {
			return false
		}
		if hasDelivered && (ev.PendingWebhooks == 0) != delivered {
			return false
		}
		return true
	})
}

// matchEventType matches "invoice.*" style patterns.
func matchEventType(pattern, t string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == t
	}
	prefix, suffix, _ := strings.Cut(pattern, "*")
	return strings.HasPrefix(t, prefix) && strings.HasSuffix(t[len(prefix):], suffix)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// event is an Event: a change to an object, with the object as it was
// after the change.
type event struct {
	meta
	// Account is the connected account of a Connect event; platform
	// events have no account field.
	Account         string       `json:"account,omitempty"`
	APIVersion      string       `json:"api_version"`
	Created         int64        `json:"created"`
	Data            eventData    `json:"data"`
	Livemode        bool         `json:"livemode"`
	PendingWebhooks int64        `json:"pending_webhooks"`
	Request         eventRequest `json:"request"`
	Type            string       `json:"type"`
}

func (e *event) createdAt() int64 { return e.Created }

// eventData holds the object of an event as rendered then, which may be of
// any kind, so it stays a JSON tree.
type eventData struct {
	Object             obj `json:"object"`
	PreviousAttributes obj `json:"previous_attributes,omitempty"`
}

// UnmarshalJSON decodes saved data with its numbers as int64, as render
// makes them, so a loaded or cloned event holds what the original held
// (encoding/json would make every number a float64).
func (d *eventData) UnmarshalJSON(b []byte) error {
	t, err := decodeTree(b, true)
	if err != nil {
		return err
	}
	d.Object, _ = t["object"].(obj)
	d.PreviousAttributes, _ = t["previous_attributes"].(obj)
	return nil
}

// eventRequest is the API request that caused an event (null fields for
// changes no request made, such as a test clock's).
type eventRequest struct {
	ID             *string `json:"id"`
	IdempotencyKey *string `json:"idempotency_key"`
}

// emit records an event of typ about rec (as it is now) and queues its
// webhook delivery. prev, when not nil, becomes data.previous_attributes.
func (s *Server) emit(r *request, typ string, rec record, prev obj) {
	senders := append(append([]*webhookSender(nil), s.hooks...), s.endpointsFor(typ)...)
	ev := &event{
		meta:       meta{ID: s.newID("evt"), Object: "event"},
		Account:    s.st.account, // a Connect event's
		APIVersion: stripe.APIVersion, Created: s.unix(),
		Data:            eventData{Object: s.render(rec, nil), PreviousAttributes: prev},
		PendingWebhooks: int64(len(senders)), Type: typ,
	}
	if r != nil {
		ev.Request.ID = ptr(r.id)
		if r.idemKey != "" {
			ev.Request.IdempotencyKey = ptr(r.idemKey)
		}
	}
	s.insert(ev)
	if len(senders) > 0 {
		payload, _ := json.Marshal(s.render(ev, nil))
		for _, h := range senders {
			h.enqueue(ev, payload)
		}
	}
}

// snapshot is the rendered state of rec before a change, for emitUpdated.
func (s *Server) snapshot(rec record) obj { return s.render(rec, nil) }

// emitUpdated emits typ if rec differs from before, with the changed
// top-level fields' old values as previous_attributes.
func (s *Server) emitUpdated(r *request, typ string, rec record, before obj) {
	after := s.render(rec, nil)
	prev := diffTop(before, after)
	for k := range after {
		if _, ok := before[k]; !ok {
			prev[k] = nil
		}
	}
	if len(prev) > 0 {
		s.emit(r, typ, rec, prev)
	}
}

// diffTop returns the old values of the top-level fields that changed.
func diffTop(before, after obj) obj {
	prev := obj{}
	for k, v := range before {
		if a, ok := after[k]; !ok || !reflect.DeepEqual(v, a) {
			prev[k] = v
		}
	}
	return prev
}
