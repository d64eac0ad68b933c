// Package stripetest provides an in-memory, stateful fake of the Stripe API
// for tests, in the spirit of net/http/httptest.
//
//	srv := stripetest.NewServer(t)
//	c, err := srv.Client()
//	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("a@example.com")})
//
// The server speaks Stripe's wire protocol for every endpoint the stripe
// package covers: form-encoded requests, Basic or Bearer auth, JSON objects
// shaped like those of the pinned API version, cursor pagination, Stripe's
// error objects and idempotency keys. It keeps objects in memory, so a
// created customer can be fetched, listed, charged and deleted; every change
// emits an Event, which can also be delivered, signed, to a webhook URL.
//
// Test cards work as in Stripe's test mode: tokens tok_visa,
// tok_mastercard, tok_amex, tok_discover, ... (for cards and charges) and
// payment methods pm_card_visa, pm_card_mastercard, ... (for payment
// intents). tok_chargeDeclined / pm_card_chargeDeclined and their
// ...InsufficientFunds, ...ExpiredCard, ...IncorrectCvc,
// ...ProcessingError siblings give cards whose charges fail with a 402
// card_error; saving one of them on a customer fails the same way, except
// tok_chargeCustomerFail / pm_card_chargeCustomerFail, which save and then
// decline.
//
// Requests are checked against Stripe's spec (validate.go): unknown params
// at any depth get parameter_unknown, missing required ones
// parameter_missing. Connect accounts (CreateAccount) scope objects by the
// Stripe-Account header (accounts.go). Subscriptions renew when a test clock
// is advanced (testclocks.go). The state can be saved to and loaded from a
// JSON file (persist.go, WithStateFile); cmd/stripetest serves the fake as a
// standalone program.
//
// Money moves simply: a captured charge is available in the balance at once
// (net of a 2.9% + 30 fee), a refund takes its amount out again. There are
// no taxes, discounts, customer credit balances or prorations, and
// subscriptions renew only on a test clock.
//
// WithDemoData preloads a small data set with stable IDs (cus_123,
// card_123, price_123, sub_123, ch_123, in_123, pi_123, ...) in the states
// documented there, for examples and demos.
//
// Switches make failures reproducible: FailNext, DropNextAfterCommit,
// WithRateLimit and WithLatency.
package stripetest

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	stripe "github.com/stripelite/stripe"
	"golang.org/x/time/rate"
)

// TestKey is the secret key Server.Client uses. The server accepts any
// secret (sk_) or restricted (rk_) key.
const TestKey = "sk_test_stripetest"

// Server is a fake Stripe API listening on a local loopback port.
// It is safe for concurrent use.
//
// Where things live: router.go (routing and dispatch), auth.go (API keys),
// form.go and params.go (request parsing and applying params), idempotency.go,
// faults.go (injected failures, rate limit, latency), record.go and store.go
// (typed records and the stores that hold them), render.go (rendering,
// expansion), list.go (list objects), events.go and webhooks.go (events and
// their delivery), persist.go (state files), apierror.go (Stripe's error
// objects), and one file per resource, with its record type and a
// register<Resource> method listed in routes.go.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:50213,
	// for stripe.WithBaseURL.
	URL string

	hs        *httptest.Server
	closed    chan struct{}
	closeOnce sync.Once
	hooks     []*webhookSender // one per WithWebhook
	// endpointHooks deliver to /v1/webhook_endpoints, by endpoint ID;
	// retiredHooks are those of deleted or moved endpoints, still
	// finishing their queue. Both are guarded by mu.
	endpointHooks map[string]*webhookSender
	retiredHooks  []*webhookSender
	listener      net.Listener // WithListener

	transport  *http.Transport // of httpClient
	httpClient *http.Client    // what Client uses

	faults faults
	idem   idempotency

	mu       sync.Mutex // guards everything below, and every object
	now      func() time.Time
	platform *store            // the platform account's state
	accounts map[string]*store // connected accounts' states, by ID (accounts.go)
	// st is the store the code running under mu acts on: the platform's,
	// or during a request with Stripe-Account that account's (see run).
	st     *store
	routes []*route
	// at, when not 0, is the time (Unix seconds) the code running under mu
	// acts at: a test clock's (testclocks.go).
	at int64
	// inserted, during a request, lists the objects it stored, which run
	// removes again if the request fails with a 400 that changed nothing
	// (such as a pm_card_... payment method resolved before a bad param).
	inserted *[]insertion

	// testHookBeforeHandle, set only by tests, runs before each handler
	// (after its Idempotency-Key is claimed).
	testHookBeforeHandle func(path string)

	statePath string      // WithStateFile
	stateErr  func(error) // WithStateFile
	saveMu    sync.Mutex  // one SaveFile at a time

	demo     bool              // WithDemoData
	fixedIDs map[string]string // by prefix: the ID newID hands out next (demo data)
}

// obj is a JSON object tree: a rendered response, a parsed form, an
// event's data. Stored objects are typed records (record.go), never trees.
type obj = map[string]any

// Option configures a Server.
type Option func(*Server)

// WithClock sets the clock that stamps created times and webhook
// signatures (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(s *Server) {
		if now != nil {
			s.now = now
		}
	}
}

// WithWebhook delivers every event, signed with secret as Stripe does
// (Stripe-Signature header), to url in a POST. Deliveries run in the
// background, in order, one at a time; a failed delivery is not retried.
// Server.FlushWebhooks waits for them. Each WithWebhook adds an endpoint;
// an event's pending_webhooks counts the endpoints it has not reached yet.
func WithWebhook(url, secret string) Option {
	return func(s *Server) {
		s.hooks = append(s.hooks, newWebhookSender(url, secret))
	}
}

// WithListener makes the server accept connections on l (such as a
// net.Listen on a fixed address) instead of a new loopback port. Close
// closes l.
func WithListener(l net.Listener) Option {
	return func(s *Server) { s.listener = l }
}

// NewServer starts a Server and closes it when the test ends.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := New(opts...)
	t.Cleanup(s.Close)
	return s
}

// New starts a Server. The caller must call Close.
func New(opts ...Option) *Server {
	s := &Server{
		closed:   make(chan struct{}),
		now:      time.Now,
		accounts: make(map[string]*store),

		endpointHooks: make(map[string]*webhookSender),
	}
	s.platform = newStore()
	s.st = s.platform
	s.idem.init()
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
	s.registerRoutes()
	loaded, err := s.loadStateFile()
	if err != nil {
		panic(err.Error()) // documented on WithStateFile
	}
	if s.demo && !loaded {
		if err := s.seedDemo(); err != nil {
			panic("stripetest: WithDemoData: " + err.Error()) // a bug in stripetest; its tests seed once
		}
	}
	s.hs = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	if s.listener != nil {
		_ = s.hs.Listener.Close()
		s.hs.Listener = s.listener
	}
	s.hs.Start()
	s.URL = s.hs.URL
	// Clients share one transport that keeps enough idle connections for a
	// parallel suite (net/http's default keeps 2 per host, so most requests
	// would open a new connection); Close closes them.
	s.httpClient = s.hs.Client()
	if tr, ok := s.httpClient.Transport.(*http.Transport); ok {
		s.transport = tr.Clone()
		s.transport.MaxIdleConnsPerHost = 64
		s.httpClient = &http.Client{Transport: s.transport}
	}
	for _, h := range s.hooks {
		s.startSender(h)
	}
	return s
}

// startSender starts a webhook sender whose deliveries count down their
// events' pending_webhooks.
func (s *Server) startSender(h *webhookSender) {
	h.delivered = func(ev *event) {
		s.mu.Lock()
		defer s.mu.Unlock()
		ev.PendingWebhooks = max(ev.PendingWebhooks-1, 0)
	}
	h.start(s.now)
}

// newSender makes and starts a sender for a webhook endpoint. Callers
// hold s.mu.
func (s *Server) newSender(url, secret string) *webhookSender {
	h := newWebhookSender(url, secret)
	s.startSender(h)
	return h
}

// senders returns every webhook sender.
func (s *Server) senders() []*webhookSender {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := append(append([]*webhookSender(nil), s.hooks...), s.retiredHooks...)
	for _, h := range s.endpointHooks {
		all = append(all, h)
	}
	return all
}

// Close shuts the server down and waits for its requests and webhook
// deliveries to finish; no goroutine of it keeps running. Close may be
// called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		if s.transport != nil {
			s.transport.CloseIdleConnections()
		}
		s.hs.Close() // no request runs after this, so no new sender starts
		for _, h := range s.senders() {
			h.stop()
		}
		s.autoSave()
	})
}

// Client returns a stripe.Client for the server: key TestKey, base URL
// set, client-side rate limiter off. opts are applied after those, so they
// can override them.
func (s *Server) Client(opts ...stripe.Option) (*stripe.Client, error) {
	base := []stripe.Option{
		stripe.WithBaseURL(s.URL),
		stripe.WithHTTPClient(s.httpClient),
		stripe.WithRateLimit(rate.Inf, rate.Inf),
	}
	return stripe.NewClient(TestKey, append(base, opts...)...)
}

// Handler returns the server's http.Handler: the same API on another
// listener or mux, or called in-process with no network in between.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// FlushWebhooks waits until every event emitted so far has been delivered
// (or its delivery failed) to the WithWebhook URLs and the webhook
// endpoints, or ctx ends.
func (s *Server) FlushWebhooks(ctx context.Context) error {
	for _, h := range s.senders() {
		if err := h.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many objects of a kind (Stripe's object name:
// "customer", "charge", "invoice", ...) the platform account holds, deleted
// ones excluded. CountOn counts a connected account's.
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.platform.count(kind)
}
