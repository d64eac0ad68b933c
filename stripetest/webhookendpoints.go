package stripetest

import (
	"net/url"
)

// Webhook endpoints (/v1/webhook_endpoints): events are delivered, signed
// with the endpoint's secret (whsec_..., returned once, by create), to
// every enabled endpoint of the account whose enabled_events lists the
// event's type or "*"; a platform endpoint made with connect=true gets
// the connected accounts' events instead. Deliveries work as WithWebhook's
// (in order, in the background, not retried; FlushWebhooks waits).

func (s *Server) registerWebhookEndpoints() {
	s.handle("POST", "/v1/webhook_endpoints", s.createWebhookEndpoint)
	s.handle("GET", "/v1/webhook_endpoints", func(r *request) (any, error) {
		return s.listObjs(r, "webhook_endpoint", "/v1/webhook_endpoints", nil)
	})
	s.handle("GET", "/v1/webhook_endpoints/{id}", func(r *request) (any, error) {
		we, err := s.getObj("webhook_endpoint", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(we, r.expand), nil
	})
	s.handle("POST", "/v1/webhook_endpoints/{id}", s.updateWebhookEndpoint)
	s.handle("DELETE", "/v1/webhook_endpoints/{id}", s.deleteWebhookEndpoint)
}

// applyEndpointParams sets the fields create and update share.
func (s *Server) applyEndpointParams(we obj, f *form) error {
	if u, ok := f.str("url"); ok {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return invalid("url", "url_invalid", "Invalid URL: %s", u)
		}
		we["url"] = u
	}
	if f.has("enabled_events") {
		evs := f.strings("enabled_events")
		if len(evs) == 0 {
			return invalid("enabled_events", "", "enabled_events must list at least one event type, or *.")
		}
		we["enabled_events"] = deepCopy(evs)
	}
	setStrings(we, f, "description")
	applyMetadata(we, f)
	return f.failed()
}

func (s *Server) createWebhookEndpoint(r *request) (any, error) {
	f := r.form
	we := obj{
		"id": s.newID("we"), "object": "webhook_endpoint", "api_version": nil, "application": nil, "created": s.unix(),
		"description": nil, "enabled_events": []any{}, "livemode": false, "metadata": obj{}, "status": "enabled", "url": "",
		"_secret": "whsec_" + randomID(32),
	}
	if v, ok := f.str("api_version"); ok {
		we["api_version"] = v
	}
	if b, ok := f.bool("connect"); ok && b {
		we["_connect"] = true
	}
	if err := s.applyEndpointParams(we, f); err != nil {
		return nil, err
	}
	s.insertObj(we)
	out := s.renderObj(we, r.expand)
	out["secret"] = we["_secret"] // only create returns it
	return out, nil
}

func (s *Server) updateWebhookEndpoint(r *request) (any, error) {
	we, err := s.getObj("webhook_endpoint", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	clone := cloneObj(we)
	if err := s.applyEndpointParams(clone, r.form); err != nil {
		return nil, err
	}
	if b, ok := r.form.bool("disabled"); ok {
		clone["status"] = "enabled"
		if b {
			clone["status"] = "disabled"
		}
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		we[k] = v
	}
	if old := s.endpointHooks[str(we, "id")]; old != nil && old.url != str(we, "url") {
		s.retireEndpointHook(str(we, "id")) // deliveries go to the new URL
	}
	return s.renderObj(we, r.expand), nil
}

func (s *Server) deleteWebhookEndpoint(r *request) (any, error) {
	we, err := s.getObj("webhook_endpoint", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	s.removeObj(we)
	s.retireEndpointHook(str(we, "id"))
	return obj{"id": we["id"], "object": "webhook_endpoint", "deleted": true}, nil
}

// retireEndpointHook stops handing events to an endpoint's sender; what it
// has queued is still delivered, and Close stops it. Callers hold s.mu.
func (s *Server) retireEndpointHook(id string) {
	if h := s.endpointHooks[id]; h != nil {
		delete(s.endpointHooks, id)
		s.retiredHooks = append(s.retiredHooks, h)
	}
}

// endpointsFor returns the senders of the endpoints that get an event of
// typ emitted on the current store, starting them as needed. Callers hold
// s.mu.
func (s *Server) endpointsFor(typ string) []*webhookSender {
	var eps []obj
	for _, we := range s.st.allObj("webhook_endpoint") {
		if we["_connect"] != true {
			eps = append(eps, we)
		}
	}
	if s.st != s.platform { // a connected account's event
		for _, we := range s.platform.allObj("webhook_endpoint") {
			if we["_connect"] == true {
				eps = append(eps, we)
			}
		}
	}
	var out []*webhookSender
	for _, we := range eps {
		if we["status"] != "enabled" || !wantsEvent(we, typ) {
			continue
		}
		id := str(we, "id")
		h := s.endpointHooks[id]
		if h == nil {
			h = s.newSender(str(we, "url"), str(we, "_secret"))
			s.endpointHooks[id] = h
		}
		out = append(out, h)
	}
	return out
}

func wantsEvent(we obj, typ string) bool {
	list, _ := we["enabled_events"].([]any)
	for _, e := range list {
		if e == "*" || e == typ {
			return true
		}
	}
	return false
}
