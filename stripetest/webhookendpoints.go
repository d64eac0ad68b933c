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
		return listOf[*webhookEndpoint](s, r, "webhook_endpoint", "/v1/webhook_endpoints", nil)
	})
	s.handle("GET", "/v1/webhook_endpoints/{id}", func(r *request) (any, error) {
		we, err := getAs[*webhookEndpoint](s, "webhook_endpoint", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(we, r.expand), nil
	})
	s.handle("POST", "/v1/webhook_endpoints/{id}", s.updateWebhookEndpoint)
	s.handle("DELETE", "/v1/webhook_endpoints/{id}", s.deleteWebhookEndpoint)
}

// webhookEndpoint is a WebhookEndpoint: where an account's events of the
// enabled types are delivered, signed with its secret.
type webhookEndpoint struct {
	meta
	APIVersion    *string           `json:"api_version"`
	Application   *string           `json:"application"`
	Created       int64             `json:"created"`
	Description   *string           `json:"description"`
	EnabledEvents []string          `json:"enabled_events"`
	Livemode      bool              `json:"livemode"`
	Metadata      map[string]string `json:"metadata"`
	Status        string            `json:"status"`
	URL           string            `json:"url"`
	// Secret signs deliveries; only create's response shows it.
	Secret string `json:"_secret"`
	// Connect marks a platform endpoint for the connected accounts' events.
	Connect bool `json:"_connect,omitempty"`
}

func (we *webhookEndpoint) createdAt() int64 { return we.Created }

// applyEndpointParams sets the fields create and update share.
func (s *Server) applyEndpointParams(we *webhookEndpoint, f *form) error {
	if u, ok := f.str("url"); ok {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return invalid("url", "url_invalid", "Invalid URL: %s", u)
		}
		we.URL = u
	}
	if f.has("enabled_events") {
		evs := f.strings("enabled_events")
		if len(evs) == 0 {
			return invalid("enabled_events", "", "enabled_events must list at least one event type, or *.")
		}
		we.EnabledEvents = evs
	}
	setNullable(&we.Description, f, "description")
	we.Metadata = mergeMetadata(we.Metadata, f)
	return f.failed()
}

func (s *Server) createWebhookEndpoint(r *request) (any, error) {
	f := r.form
	we := &webhookEndpoint{
		meta:    meta{ID: s.newID("we"), Object: "webhook_endpoint"},
		Created: s.unix(), EnabledEvents: []string{}, Metadata: map[string]string{}, Status: "enabled",
		Secret: "whsec_" + randomID(32),
	}
	if v, ok := f.str("api_version"); ok {
		we.APIVersion = &v
	}
	if b, ok := f.bool("connect"); ok && b {
		we.Connect = true
	}
	if err := s.applyEndpointParams(we, f); err != nil {
		return nil, err
	}
	s.insert(we)
	out := s.render(we, r.expand)
	out["secret"] = we.Secret // only create returns it
	return out, nil
}

func (s *Server) updateWebhookEndpoint(r *request) (any, error) {
	we, err := getAs[*webhookEndpoint](s, "webhook_endpoint", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	clone := cloneRecord(we)
	if err := s.applyEndpointParams(clone, r.form); err != nil {
		return nil, err
	}
	if b, ok := r.form.bool("disabled"); ok {
		clone.Status = "enabled"
		if b {
			clone.Status = "disabled"
		}
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*we = *clone
	if old := s.endpointHooks[we.ID]; old != nil && old.url != we.URL {
		s.retireEndpointHook(we.ID) // deliveries go to the new URL
	}
	return s.render(we, r.expand), nil
}

func (s *Server) deleteWebhookEndpoint(r *request) (any, error) {
	we, err := getAs[*webhookEndpoint](s, "webhook_endpoint", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	s.remove(we)
	s.retireEndpointHook(we.ID)
	return obj{"id": we.ID, "object": "webhook_endpoint", "deleted": true}, nil
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
	var eps []*webhookEndpoint
	for _, we := range allOf[*webhookEndpoint](s.st, "webhook_endpoint") {
		if !we.Connect {
			eps = append(eps, we)
		}
	}
	if s.st != s.platform { // a connected account's event
		for _, we := range allOf[*webhookEndpoint](s.platform, "webhook_endpoint") {
			if we.Connect {
				eps = append(eps, we)
			}
		}
	}
	var out []*webhookSender
	for _, we := range eps {
		if we.Status != "enabled" || !we.wants(typ) {
			continue
		}
		h := s.endpointHooks[we.ID]
		if h == nil {
			h = s.newSender(we.URL, we.Secret)
			s.endpointHooks[we.ID] = h
		}
		out = append(out, h)
	}
	return out
}

// wants reports whether the endpoint's enabled_events takes an event of typ.
func (we *webhookEndpoint) wants(typ string) bool {
	for _, e := range we.EnabledEvents {
		if e == "*" || e == typ {
			return true
		}
	}
	return false
}
