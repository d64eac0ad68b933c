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
		ev, err := s.get("event", r.pathVal("id"))
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
	return s.listOf(r, "event", "/v1/events", func(ev obj) bool {
		t := str(ev, "type")
		if hasType && !matchEventType(typ, t) {
			return false
		}
		if len(types) > 0 && !contains(types, t) {
			return false
		}
		if hasDelivered && (num(ev, "pending_webhooks") == 0) != delivered {
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

// emit records an event of typ about o (as it is now) and queues its
// webhook delivery. prev, when not nil, becomes data.previous_attributes.
func (s *Server) emit(r *request, typ string, o obj, prev obj) {
	data := obj{"object": s.render(o, nil)}
	if prev != nil {
		data["previous_attributes"] = prev
	}
	reqInfo := obj{"id": nil, "idempotency_key": nil}
	if r != nil {
		reqInfo["id"] = r.id
		if r.idemKey != "" {
			reqInfo["idempotency_key"] = r.idemKey
		}
	}
	senders := append(append([]*webhookSender(nil), s.hooks...), s.endpointsFor(typ)...)
	pending := int64(len(senders))
	ev := obj{
		"id": s.newID("evt"), "object": "event", "api_version": stripe.APIVersion, "created": s.unix(),
		"data": data, "livemode": false, "pending_webhooks": pending, "request": reqInfo, "type": typ,
	}
	if s.st.account != "" {
		ev["account"] = s.st.account // a Connect event
	}
	s.insert(ev)
	if len(senders) > 0 {
		payload, _ := json.Marshal(s.render(ev, nil))
		for _, h := range senders {
			h.enqueue(ev, payload)
		}
	}
}

// snapshot is the rendered state of o before a change, for emitUpdated.
func (s *Server) snapshot(o obj) obj { return s.render(o, nil) }

// emitUpdated emits typ if o differs from before, with the changed
// top-level fields' old values as previous_attributes.
func (s *Server) emitUpdated(r *request, typ string, o, before obj) {
	after := s.render(o, nil)
	prev := diffTop(before, after)
	for k := range after {
		if _, ok := before[k]; !ok {
			prev[k] = nil
		}
	}
	if len(prev) > 0 {
		s.emit(r, typ, o, prev)
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
