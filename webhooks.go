package stripe

import (
	"container/list"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Webhook defaults.
const (
	// DefaultWebhookTolerance is how far a signature's timestamp may be from
	// now, in the past or in the future, before the event is rejected.
	DefaultWebhookTolerance = 300 * time.Second
	// DefaultWebhookMaxBodyBytes is the largest body WebhookHandler reads.
	DefaultWebhookMaxBodyBytes = 1 << 20
	// DefaultWebhookDedupWindow is how long a handled event ID is remembered;
	// Stripe retries a failed delivery for up to three days.
	DefaultWebhookDedupWindow = 72 * time.Hour
	// DefaultWebhookDedupEntries bounds the in-memory de-duplication store.
	DefaultWebhookDedupEntries = 10000
)

// maxSignatureHeader bounds the Stripe-Signature header we parse; Stripe's
// is about 150 bytes, more while a secret is being rolled.
const maxSignatureHeader = 8 << 10

// Webhook errors, for errors.Is. Their text never contains the secret or
// the signature.
var (
	ErrWebhookMissingHeader           = errors.New("stripe: webhook: missing Stripe-Signature header")
	ErrWebhookMalformedHeader         = errors.New("stripe: webhook: malformed Stripe-Signature header")
	ErrWebhookNoValidSignature        = errors.New("stripe: webhook: no valid signature")
	ErrWebhookTimestampOutOfTolerance = errors.New("stripe: webhook: signature timestamp outside the tolerance")
	ErrWebhookNotEvent                = errors.New("stripe: webhook: payload is not an event")
	// ErrWebhookNoSecret means no non-empty signing secret was given, so
	// nothing can be verified: a configuration error, not a bad request.
	ErrWebhookNoSecret = errors.New("stripe: webhook: no signing secret configured")
)

// WebhookOption configures ConstructEvent and WebhookHandler. Options about
// the HTTP side (body limit, de-duplication, logger) only affect the handler.
type WebhookOption func(*webhookConfig)

type webhookConfig struct {
	secrets     []*secret // out of fmt's reach, as the API key is
	tolerance   time.Duration
	now         func() time.Time
	maxBody     int64
	dedup       WebhookDedupStore
	dedupWindow time.Duration
	logger      *slog.Logger
}

func newWebhookConfig(secret string, opts []WebhookOption) *webhookConfig {
	cfg := &webhookConfig{
		tolerance: DefaultWebhookTolerance,
		now:       time.Now,
		maxBody:   DefaultWebhookMaxBodyBytes,
	}
	cfg.addSecrets(secret)
	for _, opt := range opts {
		if opt != nil {
			opt(cfg)
		}
	}
	return cfg
}

func (cfg *webhookConfig) addSecrets(secrets ...string) {
	for _, s := range secrets {
		if s != "" {
			cfg.secrets = append(cfg.secrets, newSecret(s))
		}
	}
}

// WithWebhookSecrets accepts signatures made with any of secrets as well as
// the one passed to ConstructEvent or WebhookHandler. Use it while rolling an
// endpoint's secret, when Stripe signs with both the old and the new one:
//
//	stripe.ConstructEvent(payload, header, newSecret, stripe.WithWebhookSecrets(oldSecret))
func WithWebhookSecrets(secrets ...string) WebhookOption {
	return func(cfg *webhookConfig) { cfg.addSecrets(secrets...) }
}

// WithWebhookTolerance sets how far from now a signature's timestamp may be,
// either way (default 300 s). Values below one second are ignored: the check
// that stops replayed deliveries cannot be turned off.
func WithWebhookTolerance(d time.Duration) WebhookOption {
	return func(cfg *webhookConfig) {
		if d >= time.Second {
			cfg.tolerance = d
		}
	}
}

// WithWebhookClock replaces time.Now in the timestamp check, for tests.
func WithWebhookClock(now func() time.Time) WebhookOption {
	return func(cfg *webhookConfig) {
		if now != nil {
			cfg.now = now
		}
	}
}

// WithWebhookMaxBodyBytes sets the largest body WebhookHandler reads
// (default 1 MiB); a larger one gets 413 Request Entity Too Large.
func WithWebhookMaxBodyBytes(n int64) WebhookOption {
	return func(cfg *webhookConfig) {
		if n > 0 {
			cfg.maxBody = n
		}
	}
}

// WithWebhookDedup makes WebhookHandler run the callback at most once per
// event ID within window (default 72 h), even though Stripe may deliver an
// event more than once. An event counts as handled only once the callback
// has returned nil; a failed callback runs again on redelivery. While one
// delivery of an event is running, another gets 409 Conflict, which Stripe
// retries later. With a nil store the handler keeps IDs in a
// [MemoryDedupStore] of DefaultWebhookDedupEntries; share a store across
// processes (Redis, a database) by implementing [WebhookDedupStore].
func WithWebhookDedup(store WebhookDedupStore, window time.Duration) WebhookOption {
	return func(cfg *webhookConfig) {
		if store == nil {
			store = NewMemoryDedupStore(DefaultWebhookDedupEntries)
		}
		if window <= 0 {
			window = DefaultWebhookDedupWindow
		}
		cfg.dedup, cfg.dedupWindow = store, window
	}
}

// WithWebhookLogger makes WebhookHandler log each delivery it rejects or
// fails (warning/error) and each it handles (debug): status, event ID and
// type, error. Never the secret, the signature or the body.
func WithWebhookLogger(l *slog.Logger) WebhookOption {
	return func(cfg *webhookConfig) { cfg.logger = l }
}

// ConstructEvent verifies that payload was sent by Stripe and decodes it.
// sigHeader is the request's Stripe-Signature header and secret the
// endpoint's signing secret (whsec_...). payload must be the raw body, byte
// for byte, as received.
//
// The event is accepted when a v1 signature in the header is the
// HMAC-SHA256 of "<t>.<payload>" under secret (or one of
// WithWebhookSecrets), and only then is the timestamp t checked: it must be
// within the tolerance (default 300 s) of now, either way. Errors match
// ErrWebhookMissingHeader, ErrWebhookMalformedHeader,
// ErrWebhookNoValidSignature, ErrWebhookTimestampOutOfTolerance,
// ErrWebhookNotEvent or ErrWebhookNoSecret.
//
// An event rendered in another API version than [APIVersion] is returned
// as well; see Event.APIVersionMismatch.
func ConstructEvent(payload []byte, sigHeader, secret string, opts ...WebhookOption) (*Event, error) {
	return newWebhookConfig(secret, opts).constructEvent(payload, sigHeader)
}

func (cfg *webhookConfig) constructEvent(payload []byte, sigHeader string) (*Event, error) {
	if len(cfg.secrets) == 0 {
		return nil, ErrWebhookNoSecret
	}
	sh, err := parseSignatureHeader(sigHeader)
	if err != nil {
		return nil, err
	}
	if len(sh.v1) == 0 {
		return nil, fmt.Errorf("%w: the header has no v1 signature", ErrWebhookNoValidSignature)
	}
	if !sh.verify(payload, cfg.secrets) {
		return nil, ErrWebhookNoValidSignature
	}
	// Only a signed timestamp is worth checking. In seconds, so no huge or
	// negative t can overflow a time.Duration.
	now := cfg.now().Unix()
	tol := int64(cfg.tolerance / time.Second)
	if sh.timestamp < now-tol || sh.timestamp > now+tol {
		return nil, fmt.Errorf("%w: signed at %d, now is %d, tolerance is %d s",
			ErrWebhookTimestampOutOfTolerance, sh.timestamp, now, tol)
	}
	ev := new(Event)
	if err := json.Unmarshal(payload, ev); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrWebhookNotEvent, err)
	}
	if ev.ID == "" || ev.Type == "" || ev.Object != "event" {
		return nil, fmt.Errorf(`%w: need an object "event" with an id and a type`, ErrWebhookNotEvent)
	}
	return ev, nil
}

// SignPayload returns a Stripe-Signature header value for payload signed
// with secret at time t, as Stripe would send it. Use it to test webhook
// handlers without Stripe:
//
//	req.Header.Set("Stripe-Signature", stripe.SignPayload(body, secret, time.Now()))
func SignPayload(payload []byte, secret string, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(computeSignature(ts, payload, secret))
}

func computeSignature(ts string, payload []byte, secret string) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts))
	mac.Write([]byte{'.'})
	mac.Write(payload)
	return mac.Sum(nil)
}

// signatureHeader is a parsed Stripe-Signature header.
type signatureHeader struct {
	ts        string // t as sent: the signed string
	timestamp int64
	v1        [][]byte // decoded v1 signatures; ones that are not hex are dropped
}

// parseSignatureHeader parses "t=<unix>,v1=<hex>[,v1=<hex>...][,v0=<hex>]".
// Schemes other than v1 are ignored.
func parseSignatureHeader(h string) (signatureHeader, error) {
	var sh signatureHeader
	if strings.TrimSpace(h) == "" {
		return sh, ErrWebhookMissingHeader
	}
	if len(h) > maxSignatureHeader {
		return sh, fmt.Errorf("%w: longer than %d bytes", ErrWebhookMalformedHeader, maxSignatureHeader)
	}
	haveT := false
	for _, item := range strings.Split(h, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok || key == "" {
			return signatureHeader{}, fmt.Errorf("%w: items must be key=value", ErrWebhookMalformedHeader)
		}
		switch key {
		case "t":
			if haveT {
				return signatureHeader{}, fmt.Errorf("%w: more than one timestamp", ErrWebhookMalformedHeader)
			}
			ts, err := parseUnixDigits(val)
			if err != nil {
				return signatureHeader{}, fmt.Errorf("%w: timestamp is not a Unix time", ErrWebhookMalformedHeader)
			}
			sh.ts, sh.timestamp, haveT = val, ts, true
		case "v1":
			if sig, err := hex.DecodeString(val); err == nil && len(sig) == sha256.Size {
				sh.v1 = append(sh.v1, sig)
			}
		}
	}
	if !haveT {
		return signatureHeader{}, fmt.Errorf("%w: no timestamp", ErrWebhookMalformedHeader)
	}
	return sh, nil
}

// parseUnixDigits accepts only decimal digits: no sign, space or underscore.
func parseUnixDigits(s string) (int64, error) {
	if s == "" || len(s) > 18 {
		return 0, errors.New("bad length")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errors.New("not a digit")
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

// verify reports whether any v1 signature matches payload under any secret,
// comparing in constant time.
func (sh *signatureHeader) verify(payload []byte, secrets []*secret) bool {
	for _, secret := range secrets {
		want := computeSignature(sh.ts, payload, secret.reveal())
		for _, sig := range sh.v1 {
			if hmac.Equal(want, sig) {
				return true
			}
		}
	}
	return false
}

// WebhookHandler returns an http.Handler for a Stripe webhook endpoint. For
// each POST it reads the body (up to 1 MiB, see WithWebhookMaxBodyBytes),
// verifies it with ConstructEvent, calls fn with the event, and answers
// 200 when fn returns nil and 500 when it returns an error, so Stripe
// retries the delivery. Other answers: 405 for other methods, 413 for a
// body over the limit, 400 for a bad signature or payload (with a generic
// message), 500 when no secret is configured or fn is nil. With
// WithWebhookDedup, redelivered events are answered 200 without calling fn.
//
// fn runs with the request's context, which is canceled if Stripe hangs up;
// Stripe expects a quick answer, so hand slow work to a queue.
func WebhookHandler(secret string, fn func(ctx context.Context, ev *Event) error, opts ...WebhookOption) http.Handler {
	return &webhookHandler{cfg: newWebhookConfig(secret, opts), fn: fn}
}

type webhookHandler struct {
	cfg *webhookConfig
	fn  func(ctx context.Context, ev *Event) error
}

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.respond(ctx, w, http.StatusMethodNotAllowed, "method not allowed", nil, nil)
		return
	}
	limit := h.cfg.maxBody
	if r.ContentLength > limit {
		h.respond(ctx, w, http.StatusRequestEntityTooLarge, "request body too large", nil,
			fmt.Errorf("stripe: webhook: Content-Length %d is over the %d byte limit", r.ContentLength, limit))
		return
	}
	// MaxBytesReader reads at most limit+1 bytes and makes the server close
	// the connection rather than drain the rest.
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.respond(ctx, w, http.StatusRequestEntityTooLarge, "request body too large", nil,
				fmt.Errorf("stripe: webhook: body is over the %d byte limit", limit))
			return
		}
		h.respond(ctx, w, http.StatusBadRequest, "cannot read request body", nil, err)
		return
	}

	ev, err := h.cfg.constructEvent(payload, r.Header.Get("Stripe-Signature"))
	switch {
	case errors.Is(err, ErrWebhookNoSecret):
		h.respond(ctx, w, http.StatusInternalServerError, "webhook endpoint misconfigured", nil, err)
		return
	case errors.Is(err, ErrWebhookNotEvent):
		h.respond(ctx, w, http.StatusBadRequest, "invalid webhook payload", nil, err)
		return
	case err != nil:
		h.respond(ctx, w, http.StatusBadRequest, "invalid webhook signature", nil, err)
		return
	}
	if h.fn == nil {
		h.respond(ctx, w, http.StatusInternalServerError, "webhook endpoint misconfigured", ev,
			errors.New("stripe: WebhookHandler has a nil callback"))
		return
	}

	if store := h.cfg.dedup; store != nil {
		claim, err := store.Claim(ctx, ev.ID)
		switch {
		case err != nil:
			h.respond(ctx, w, http.StatusInternalServerError, "webhook handler failed", ev,
				fmt.Errorf("stripe: webhook dedup store: %w", err))
			return
		case claim == WebhookAlreadyDone:
			h.respond(ctx, w, http.StatusOK, "", ev, nil)
			return
		case claim == WebhookInProgress:
			h.respond(ctx, w, http.StatusConflict, "event is being processed", ev, nil)
			return
		case claim != WebhookClaimed:
			h.respond(ctx, w, http.StatusInternalServerError, "webhook handler failed", ev,
				fmt.Errorf("stripe: webhook dedup store: unknown claim result %d", claim))
			return
		}
	}
	if err := h.run(ctx, ev); err != nil {
		h.respond(ctx, w, http.StatusInternalServerError, "webhook handler failed", ev, err)
		return
	}
	h.respond(ctx, w, http.StatusOK, "", ev, nil)
}

// run calls the callback. With de-duplication on, the event's claim becomes
// done when the callback succeeds, and is released when it fails or panics,
// so a redelivery runs it again.
func (h *webhookHandler) run(ctx context.Context, ev *Event) error {
	store := h.cfg.dedup
	if store == nil {
		return h.fn(ctx, ev)
	}
	// Record the outcome even if Stripe hung up meanwhile.
	bg := context.WithoutCancel(ctx)
	returned := false
	defer func() {
		if !returned { // a panic: release, and let it go on to net/http
			_ = store.Release(bg, ev.ID)
		}
	}()
	err := h.fn(ctx, ev)
	returned = true
	if err != nil {
		if rerr := store.Release(bg, ev.ID); rerr != nil {
			h.log(ctx, slog.LevelError, "stripe: webhook dedup store: release failed", ev, rerr)
		}
		return err
	}
	if derr := store.Done(bg, ev.ID, h.cfg.dedupWindow); derr != nil {
		// The event was handled; only its de-duplication is lost.
		h.log(ctx, slog.LevelWarn, "stripe: webhook dedup store: marking event done failed", ev, derr)
	}
	return nil
}

// respond writes status with a short, generic body and logs the outcome.
func (h *webhookHandler) respond(ctx context.Context, w http.ResponseWriter, status int, msg string, ev *Event, err error) {
	if status == http.StatusOK {
		w.WriteHeader(status)
	} else {
		http.Error(w, msg, status)
	}
	if h.cfg.logger == nil {
		return
	}
	level := slog.LevelDebug
	switch {
	case status >= 500:
		level = slog.LevelError
	case status >= 400 && status != http.StatusConflict:
		level = slog.LevelWarn
	}
	attrs := []slog.Attr{slog.Int("status", status)}
	if ev != nil {
		attrs = append(attrs, slog.String("event_id", ev.ID), slog.String("event_type", string(ev.Type)))
		if ev.APIVersionMismatch() {
			attrs = append(attrs, slog.String("event_api_version", ev.APIVersion))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", redact(err.Error())))
	}
	h.cfg.logger.LogAttrs(ctx, level, "stripe: webhook", attrs...)
}

func (h *webhookHandler) log(ctx context.Context, level slog.Level, msg string, ev *Event, err error) {
	if h.cfg.logger == nil {
		return
	}
	h.cfg.logger.LogAttrs(ctx, level, msg, slog.String("event_id", ev.ID),
		slog.String("event_type", string(ev.Type)), slog.String("error", redact(err.Error())))
}

// WebhookClaim is the answer of WebhookDedupStore.Claim.
type WebhookClaim int

// Claim results. The zero value is none of them.
const (
	// WebhookClaimed: the caller may handle the event, and must then call
	// Done or Release.
	WebhookClaimed WebhookClaim = iota + 1
	// WebhookAlreadyDone: the event was handled within the window.
	WebhookAlreadyDone
	// WebhookInProgress: another delivery of the event is being handled.
	WebhookInProgress
)

// WebhookDedupStore remembers which events a WebhookHandler has handled.
// Implementations must be safe for concurrent use; for several processes,
// back it with shared storage (for Redis: Claim as SET NX with a short TTL,
// Done as SET with the window as TTL, Release as DEL).
type WebhookDedupStore interface {
	// Claim atomically reserves eventID for handling, unless it is already
	// done within its window or reserved by another delivery.
	Claim(ctx context.Context, eventID string) (WebhookClaim, error)
	// Done marks a claimed eventID handled for window.
	Done(ctx context.Context, eventID string, window time.Duration) error
	// Release drops the claim on eventID after a failed attempt, so the
	// next delivery claims it again.
	Release(ctx context.Context, eventID string) error
}

// MemoryDedupStore is an in-process WebhookDedupStore holding at most a
// fixed number of event IDs; when full it forgets the oldest. Its zero
// value holds DefaultWebhookDedupEntries. It is safe for concurrent use.
type MemoryDedupStore struct {
	mu      sync.Mutex
	max     int
	now     func() time.Time
	entries map[string]*list.Element // of *dedupEntry
	order   list.List                // oldest first
}

type dedupEntry struct {
	id      string
	done    bool
	expires time.Time
}

// NewMemoryDedupStore returns a store that remembers up to maxEntries event
// IDs (DefaultWebhookDedupEntries when maxEntries <= 0).
func NewMemoryDedupStore(maxEntries int) *MemoryDedupStore {
	return &MemoryDedupStore{max: maxEntries}
}

func (s *MemoryDedupStore) init() time.Time {
	if s.entries == nil {
		s.entries = make(map[string]*list.Element)
	}
	if s.max <= 0 {
		s.max = DefaultWebhookDedupEntries
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s.now()
}

// Claim implements WebhookDedupStore.
func (s *MemoryDedupStore) Claim(_ context.Context, eventID string) (WebhookClaim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.init()
	if el, ok := s.entries[eventID]; ok {
		e := el.Value.(*dedupEntry)
		if !e.done {
			return WebhookInProgress, nil
		}
		if now.Before(e.expires) {
			return WebhookAlreadyDone, nil
		}
		e.done = false
		s.order.MoveToBack(el)
		return WebhookClaimed, nil
	}
	s.add(now, &dedupEntry{id: eventID})
	return WebhookClaimed, nil
}

// Done implements WebhookDedupStore.
func (s *MemoryDedupStore) Done(_ context.Context, eventID string, window time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.init()
	e := &dedupEntry{id: eventID}
	if el, ok := s.entries[eventID]; ok {
		e = el.Value.(*dedupEntry)
		s.order.MoveToBack(el)
	} else {
		s.add(now, e) // evicted while the callback ran
	}
	e.done, e.expires = true, now.Add(window)
	return nil
}

// Release implements WebhookDedupStore.
func (s *MemoryDedupStore) Release(_ context.Context, eventID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	if el, ok := s.entries[eventID]; ok && !el.Value.(*dedupEntry).done {
		s.remove(el)
	}
	return nil
}

// Len returns how many event IDs the store holds.
func (s *MemoryDedupStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}

// add appends e, first dropping expired entries at the front and, when
// full, the oldest handled ones. A claim still being handled is never
// dropped (that would let a concurrent redelivery run the callback too), so
// the store can briefly hold more than max entries while that many
// deliveries are in flight.
func (s *MemoryDedupStore) add(now time.Time, e *dedupEntry) {
	for el := s.order.Front(); el != nil; el = s.order.Front() {
		old := el.Value.(*dedupEntry)
		if !old.done || now.Before(old.expires) {
			break
		}
		s.remove(el)
	}
	for el := s.order.Front(); el != nil && s.order.Len() >= s.max; {
		next := el.Next()
		if el.Value.(*dedupEntry).done {
			s.remove(el)
		}
		el = next
	}
	s.entries[e.id] = s.order.PushBack(e)
}

func (s *MemoryDedupStore) remove(el *list.Element) {
	s.order.Remove(el)
	delete(s.entries, el.Value.(*dedupEntry).id)
}

// WebhookRouter calls the function registered for each event's type; use
// its Handle method as the WebhookHandler callback:
//
//	var r stripe.WebhookRouter
//	r.On(stripe.EventInvoicePaid, onInvoicePaid)
//	http.Handle("/webhooks/stripe", stripe.WebhookHandler(secret, r.Handle))
//
// Register everything before serving: On is not safe to call concurrently
// with Handle. The zero value routes nothing.
type WebhookRouter struct {
	routes   map[EventType]func(context.Context, *Event) error
	fallback func(context.Context, *Event) error
}

// On routes events of type t to fn, replacing an earlier registration;
// a nil fn removes it.
func (r *WebhookRouter) On(t EventType, fn func(ctx context.Context, ev *Event) error) {
	if fn == nil {
		delete(r.routes, t)
		return
	}
	if r.routes == nil {
		r.routes = make(map[EventType]func(context.Context, *Event) error)
	}
	r.routes[t] = fn
}

// Default sets the function for events no On registration matches. Without
// one such events are acknowledged and ignored, as Stripe recommends.
func (r *WebhookRouter) Default(fn func(ctx context.Context, ev *Event) error) {
	r.fallback = fn
}

// Handle calls the function registered for ev.Type, or the default.
func (r *WebhookRouter) Handle(ctx context.Context, ev *Event) error {
	if fn := r.routes[ev.Type]; fn != nil {
		return fn(ctx, ev)
	}
	if r.fallback != nil {
		return r.fallback(ctx, ev)
	}
	return nil
}
