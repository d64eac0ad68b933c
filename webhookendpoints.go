package stripe

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// WebhookEndpointsService manages webhook endpoints, the URLs Stripe sends
// events to: https://docs.stripe.com/api/webhook_endpoints
//
// A connector's webhook trigger creates an endpoint when it is switched on,
// stores the returned Secret (only Create returns it) to verify deliveries
// with WebhookHandler or ConstructEvent, and deletes the endpoint when it
// is switched off.
type WebhookEndpointsService struct{ c *Client }

// WebhookSecret is a webhook endpoint's signing secret (whsec_...). Stripe
// returns it only in the response to Create. Like ClientSecret it decodes
// from the API as usual, but every way of printing or encoding it (fmt
// verbs, slog, encoding/json and other text encoders) writes "[REDACTED]",
// so it never ends up in a log. Call Reveal to get the value to store (in
// your secret store, not in plain JSON) and to pass to WebhookHandler.
//
// Because encoding redacts it, a WebhookEndpoint marshalled to JSON and
// decoded again has lost its secret: the marker decodes to an empty
// WebhookSecret, never to the string "[REDACTED]".
type WebhookSecret string

// Reveal returns the secret itself.
func (s WebhookSecret) Reveal() string { return string(s) }

// String returns "[REDACTED]", or "" for an empty secret.
func (s WebhookSecret) String() string { return ClientSecret(s).String() }

// GoString is String quoted.
func (s WebhookSecret) GoString() string { return ClientSecret(s).GoString() }

// Format implements fmt.Formatter, so every verb prints the redacted form.
func (s WebhookSecret) Format(f fmt.State, verb rune) { ClientSecret(s).Format(f, verb) }

// MarshalText writes the redacted form, so JSON and text encoders (and
// slog handlers) never emit the secret.
func (s WebhookSecret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a secret; the redaction marker decodes to "".
func (s *WebhookSecret) UnmarshalText(b []byte) error {
	if string(b) == redactedMarker {
		*s = ""
		return nil
	}
	*s = WebhookSecret(b)
	return nil
}

const redactedMarker = "[REDACTED]"

// WebhookEndpoint is a URL Stripe sends events to:
// https://docs.stripe.com/api/webhook_endpoints/object
type WebhookEndpoint struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// APIVersion is the version events sent to this endpoint are rendered
	// in; empty means the account's default version.
	APIVersion string `json:"api_version"`
	// Application is the Connect application that owns the endpoint.
	Application   string      `json:"application"`
	Created       int64       `json:"created"`
	Description   string      `json:"description"`
	EnabledEvents []EventType `json:"enabled_events"`
	Livemode      bool        `json:"livemode"`
	// Metadata is the endpoint's metadata.
	Metadata map[string]string `json:"metadata"`
	// Secret is the signing secret, set only in Create's response. It
	// prints and encodes as "[REDACTED]"; use Secret.Reveal.
	Secret WebhookSecret `json:"secret"`
	// Status is "enabled" or "disabled".
	Status string `json:"status"`
	URL    string `json:"url"`
}

// WebhookEndpointCreateParams are the params of WebhookEndpoints.Create.
// URL and EnabledEvents are required; EventType("*") enables every event.
type WebhookEndpointCreateParams struct {
	Params
	// APIVersion is the version events are rendered in. When nil, Create
	// sends the client's pinned version (APIVersion, or WithAPIVersion's),
	// so the events decode into this package's types. A pointer to ""
	// sends no api_version, so Stripe uses the account's default version.
	APIVersion *string `url:"api_version,omitempty"`
	// Connect makes the endpoint receive events from connected accounts
	// instead of your own account.
	Connect       *bool            `url:"connect,omitempty"`
	Description   *string          `url:"description,omitempty"`
	EnabledEvents Array[EventType] `url:"enabled_events,omitempty"`
	Metadata      Metadata         `url:"metadata,omitempty"`
	URL           *string          `url:"url,omitempty"`
}

// WebhookEndpointGetParams are the params of WebhookEndpoints.Get.
type WebhookEndpointGetParams struct {
	Params
}

// WebhookEndpointUpdateParams are the params of WebhookEndpoints.Update.
// Only fields set are changed; a pointer to "" clears Description.
type WebhookEndpointUpdateParams struct {
	Params
	Description *string `url:"description,omitempty"`
	// Disabled turns deliveries off (true) or back on (false).
	Disabled      *bool            `url:"disabled,omitempty"`
	EnabledEvents Array[EventType] `url:"enabled_events,omitempty"`
	Metadata      Metadata         `url:"metadata,omitempty"`
	URL           *string          `url:"url,omitempty"`
}

// WebhookEndpointDeleteParams are the params of WebhookEndpoints.Delete:
// only the per-request options (the endpoint accepts no expand).
type WebhookEndpointDeleteParams struct {
	RequestOptions
}

// WebhookEndpointListParams are the params of WebhookEndpoints.List and
// WebhookEndpoints.All.
type WebhookEndpointListParams struct {
	Params
	ListParams
}

// Create creates a webhook endpoint. The response is the only one that
// carries the endpoint's Secret. params is not modified; when it leaves
// APIVersion nil, the client's pinned version is sent.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/create
func (s *WebhookEndpointsService) Create(ctx context.Context, params *WebhookEndpointCreateParams) (*WebhookEndpoint, error) {
	p := WebhookEndpointCreateParams{}
	if params != nil {
		p = *params
	}
	switch {
	case p.APIVersion == nil:
		p.APIVersion = Ptr(s.c.apiVersion)
	case *p.APIVersion == "":
		p.APIVersion = nil
	}
	we := new(WebhookEndpoint)
	return orNil(we, s.c.call(ctx, http.MethodPost, "/v1/webhook_endpoints", &p, we))
}

// Get retrieves a webhook endpoint (without its secret). params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/retrieve
func (s *WebhookEndpointsService) Get(ctx context.Context, id string, params *WebhookEndpointGetParams) (*WebhookEndpoint, error) {
	return s.one(ctx, http.MethodGet, id, params)
}

// Update changes the fields params sets on a webhook endpoint.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/update
func (s *WebhookEndpointsService) Update(ctx context.Context, id string, params *WebhookEndpointUpdateParams) (*WebhookEndpoint, error) {
	return s.one(ctx, http.MethodPost, id, params)
}

// Delete deletes a webhook endpoint; Stripe stops sending to it. params
// may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/delete
func (s *WebhookEndpointsService) Delete(ctx context.Context, id string, params *WebhookEndpointDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/webhook_endpoints/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of webhook endpoints. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/list
func (s *WebhookEndpointsService) List(ctx context.Context, params *WebhookEndpointListParams) (*List[WebhookEndpoint], error) {
	page := new(List[WebhookEndpoint])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/webhook_endpoints", params, page))
}

// All iterates over every webhook endpoint, fetching pages lazily as the
// loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/webhook_endpoints/list
func (s *WebhookEndpointsService) All(ctx context.Context, params *WebhookEndpointListParams) iter.Seq2[*WebhookEndpoint, error] {
	return listAll(ctx, params, s.List)
}

// one sends a request about the webhook endpoint id.
func (s *WebhookEndpointsService) one(ctx context.Context, method, id string, params any) (*WebhookEndpoint, error) {
	path, err := pathf("/v1/webhook_endpoints/%s", id)
	if err != nil {
		return nil, err
	}
	we := new(WebhookEndpoint)
	return orNil(we, s.c.call(ctx, method, path, params, we))
}
