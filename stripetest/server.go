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
// card_error.
//
// Money moves simply: a captured charge is available in the balance at once
// (net of a 2.9% + 30 fee), a refund takes its amount out again. There are
// no taxes, discounts, customer credit balances or prorations, and
// subscriptions never renew on their own.
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
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
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
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:50213,
	// for stripe.WithBaseURL.
	URL string

	hs        *httptest.Server
	closed    chan struct{}
	closeOnce sync.Once
	hook      *webhookSender // nil without WithWebhook

	faultMu    sync.Mutex
	failN      int
	failStatus int
	dropN      int
	latency    time.Duration
	limiter    *rate.Limiter

	mu      sync.Mutex // guards everything below, and every object
	now     func() time.Time
	seq     int64
	byID    map[string]obj
	kinds   map[string][]obj // creation order
	idem    map[string]*idemEntry
	routes  []*route
	balance map[string]*balanceAmounts // by currency

	demo     bool              // WithDemoData
	fixedIDs map[string]string // by prefix: the ID newID hands out next (demo data)
}

// obj is a stored Stripe object. Keys starting with "_" are internal and
// never rendered.
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
// Server.FlushWebhooks waits for them.
func WithWebhook(url, secret string) Option {
	return func(s *Server) {
		s.hook = newWebhookSender(url, secret)
	}
}

// WithRateLimit answers 429 rate_limit to requests beyond perSecond
// requests per second (with bursts of up to burst). Zero turns it off.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(s *Server) { s.SetRateLimit(perSecond, burst) }
}

// WithLatency delays every response by d.
func WithLatency(d time.Duration) Option {
	return func(s *Server) { s.SetLatency(d) }
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
		closed:  make(chan struct{}),
		now:     time.Now,
		byID:    make(map[string]obj),
		kinds:   make(map[string][]obj),
		idem:    make(map[string]*idemEntry),
		balance: make(map[string]*balanceAmounts),
	}
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
	s.registerRoutes()
	if s.demo {
		if err := s.seedDemo(); err != nil {
			panic("stripetest: WithDemoData: " + err.Error()) // a bug in stripetest; its tests seed once
		}
	}
	s.hs = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.hs.URL
	if s.hook != nil {
		s.hook.delivered = func(ev obj) {
			s.mu.Lock()
			defer s.mu.Unlock()
			ev["pending_webhooks"] = int64(0)
		}
		s.hook.start(s.now)
	}
	return s
}

// Close shuts the server down and waits for its requests and webhook
// deliveries to finish; no goroutine of it keeps running. Close may be
// called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		if s.hook != nil {
			s.hook.stop()
		}
		s.hs.Close()
	})
}

// Client returns a stripe.Client for the server: key TestKey, base URL
// set, client-side rate limiter off. opts are applied after those, so they
// can override them.
func (s *Server) Client(opts ...stripe.Option) (*stripe.Client, error) {
	base := []stripe.Option{
		stripe.WithBaseURL(s.URL),
		stripe.WithHTTPClient(s.hs.Client()),
		stripe.WithRateLimit(rate.Inf, rate.Inf),
	}
	return stripe.NewClient(TestKey, append(base, opts...)...)
}

// FailNext makes the next n requests fail with the HTTP status (500, 503,
// 429, 409, ...) and a Stripe error body, before they change anything.
func (s *Server) FailNext(n, status int) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.failN, s.failStatus = n, status
}

// DropNextAfterCommit makes the next n requests take effect and then drops
// their connections without a response, like a network failure after
// Stripe committed. A retry with the same Idempotency-Key gets the saved
// response, so no object is created twice.
func (s *Server) DropNextAfterCommit(n int) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.dropN = n
}

// SetRateLimit changes the limit of WithRateLimit.
func (s *Server) SetRateLimit(perSecond float64, burst int) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	if perSecond <= 0 {
		s.limiter = nil
		return
	}
	s.limiter = rate.NewLimiter(rate.Limit(perSecond), max(burst, 1))
}

// SetLatency changes the delay of WithLatency.
func (s *Server) SetLatency(d time.Duration) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.latency = d
}

// FlushWebhooks waits until every event emitted so far has been delivered
// (or its delivery failed), or ctx ends. Without WithWebhook it returns nil.
func (s *Server) FlushWebhooks(ctx context.Context) error {
	if s.hook == nil {
		return nil
	}
	return s.hook.flush(ctx)
}

// Count returns how many objects of a kind (Stripe's object name:
// "customer", "charge", "invoice", ...) the server holds, deleted ones
// excluded.
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, o := range s.kinds[kind] {
		if o["deleted"] != true {
			n++
		}
	}
	return n
}

// --- request handling ---

// request is one API call as the handlers see it.
type request struct {
	s       *Server
	method  string
	path    string
	id      string // request ID, req_...
	idemKey string
	pathVal func(string) string
	form    *form
	expand  []string
}

type handlerFunc func(r *request) (any, error)

type route struct {
	method  string
	pattern []string // path segments; "{x}" is a wildcard
	allowed map[string]bool
	fn      handlerFunc
}

// handle registers a route. allowed lists the parameters Stripe's spec
// knows for it (expand is always allowed); others get parameter_unknown.
func (s *Server) handle(method, pattern string, allowed []string, fn handlerFunc) {
	a := map[string]bool{"expand": true}
	for _, p := range allowed {
		a[p] = true
	}
	s.routes = append(s.routes, &route{method: method, pattern: strings.Split(strings.Trim(pattern, "/"), "/"), allowed: a, fn: fn})
}

func (rt *route) match(method string, segs []string) (map[string]string, bool) {
	if rt.method != method || len(rt.pattern) != len(segs) {
		return nil, false
	}
	var vals map[string]string
	for i, p := range rt.pattern {
		if strings.HasPrefix(p, "{") {
			if vals == nil {
				vals = make(map[string]string, 2)
			}
			vals[strings.Trim(p, "{}")] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return vals, true
}

type idemEntry struct {
	method, path, params string
	status               int
	body                 []byte
}

// response is what a handler produced.
type response struct {
	status int
	body   []byte
}

func (s *Server) serveHTTP(w http.ResponseWriter, hr *http.Request) {
	reqID := "req_" + randomID(14)
	w.Header().Set("Request-Id", reqID)
	w.Header().Set("Stripe-Version", stripe.APIVersion)

	s.faultMu.Lock()
	latency, limiter := s.latency, s.limiter
	failStatus := 0
	if s.failN > 0 {
		s.failN--
		failStatus = s.failStatus
	}
	s.faultMu.Unlock()

	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-s.closed:
			t.Stop()
		case <-hr.Context().Done():
			t.Stop()
			return
		}
	}
	if failStatus != 0 {
		writeResponse(w, injectedFailure(failStatus))
		return
	}
	if limiter != nil && !limiter.Allow() {
		writeResponse(w, errorResponse(&apiError{status: http.StatusTooManyRequests, typ: "invalid_request_error", code: "rate_limit",
			message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."}))
		return
	}
	key, aerr := authenticate(hr)
	if aerr != nil {
		writeResponse(w, errorResponse(aerr))
		return
	}
	resp, committed := s.dispatch(hr, reqID, key)
	if committed && s.takeDrop() {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					_ = tc.SetLinger(0) // reset, as a broken network would
				}
				_ = conn.Close()
				return
			}
		}
	}
	writeResponse(w, resp)
}

func (s *Server) takeDrop() bool {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	if s.dropN > 0 {
		s.dropN--
		return true
	}
	return false
}

func writeResponse(w http.ResponseWriter, r response) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body)
}

func authenticate(hr *http.Request) (string, *apiError) {
	h := hr.Header.Get("Authorization")
	var key string
	switch {
	case strings.HasPrefix(h, "Bearer "):
		key = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	case strings.HasPrefix(h, "Basic "):
		b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
		if err == nil {
			key, _, _ = strings.Cut(string(b), ":")
		}
	}
	switch {
	case key == "":
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."}
	case strings.HasPrefix(key, "pk_"):
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "This API call cannot be made with a publishable API key. Please use a secret API key."}
	case !strings.HasPrefix(key, "sk_") && !strings.HasPrefix(key, "rk_"):
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "Invalid API Key provided: " + redactKey(key)}
	}
	return key, nil
}

func redactKey(k string) string {
	if len(k) <= 8 {
		return strings.Repeat("*", len(k))
	}
	return k[:8] + strings.Repeat("*", len(k)-12) + k[len(k)-4:]
}

// dispatch routes, parses, checks idempotency and runs the handler under
// the state lock. committed reports whether the call changed state.
func (s *Server) dispatch(hr *http.Request, reqID, key string) (response, bool) {
	// Split the path as sent and decode each segment once, as Stripe does:
	// hr.URL.Path is already decoded, so decoding its segments again would
	// turn an ID sent as cus_%2531 into cus_1. An escaped slash (%2F) stays
	// inside its segment.
	segs := strings.Split(strings.Trim(hr.URL.EscapedPath(), "/"), "/")
	for i, seg := range segs {
		if u, err := url.PathUnescape(seg); err == nil {
			segs[i] = u
		}
	}
	var rt *route
	var vals map[string]string
	for _, cand := range s.routes {
		if v, ok := cand.match(hr.Method, segs); ok {
			rt, vals = cand, v
			break
		}
	}
	if rt == nil {
		return errorResponse(&apiError{status: http.StatusNotFound, typ: "invalid_request_error",
			message: fmt.Sprintf("Unrecognized request URL (%s: %s). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", hr.Method, hr.URL.Path)}), false
	}

	values := hr.URL.Query()
	if hr.Method == http.MethodPost {
		if err := hr.ParseForm(); err != nil {
			return errorResponse(&apiError{status: http.StatusBadRequest, typ: "invalid_request_error", message: "Invalid request body: " + err.Error()}), false
		}
		values = hr.Form
	}
	tree, perr := parseForm(values)
	if perr != nil {
		return errorResponse(perr), false
	}
	for k := range tree {
		if !rt.allowed[k] {
			return errorResponse(&apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: "parameter_unknown", param: k,
				message: fmt.Sprintf("Received unknown parameter: %s", k)}), false
		}
	}
	r := &request{s: s, method: hr.Method, path: hr.URL.Path, id: reqID, pathVal: func(k string) string { return vals[k] }}
	r.form = &form{m: tree, err: new(error)}
	r.expand = r.form.strings("expand")

	idemKey := ""
	if hr.Method == http.MethodPost {
		idemKey = hr.Header.Get("Idempotency-Key")
	}
	r.idemKey = idemKey
	canon := values.Encode()

	s.mu.Lock()
	defer s.mu.Unlock()
	scope := key + "\x00" + idemKey
	if idemKey != "" {
		if e, ok := s.idem[scope]; ok {
			if e.method != hr.Method || e.path != hr.URL.Path || e.params != canon {
				return errorResponse(&apiError{status: http.StatusBadRequest, typ: "idempotency_error",
					message: fmt.Sprintf("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '%s' if you meant to execute a different request.", idemKey)}), false
			}
			return response{status: e.status, body: e.body}, false
		}
	}
	out, err := runHandler(rt.fn, r)
	if err == nil {
		err = *r.form.err
	}
	var resp response
	save := true
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = &apiError{status: http.StatusInternalServerError, typ: "api_error", message: err.Error()}
		}
		save = ae.status != http.StatusBadRequest || ae.typ != "invalid_request_error" || ae.saved
		resp = errorResponse(ae)
	} else {
		b, merr := json.Marshal(out)
		if merr != nil {
			resp = errorResponse(&apiError{status: 500, typ: "api_error", message: merr.Error()})
		} else {
			resp = response{status: http.StatusOK, body: b}
		}
	}
	if idemKey != "" && save && resp.status < 500 {
		s.idem[scope] = &idemEntry{method: hr.Method, path: hr.URL.Path, params: canon, status: resp.status, body: resp.body}
	}
	return resp, hr.Method != http.MethodGet
}

// runHandler runs fn, turning a panic (a bug in stripetest) into a 500
// api_error instead of a dropped connection.
func runHandler(fn handlerFunc, r *request) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, &apiError{status: http.StatusInternalServerError, typ: "api_error",
				message: fmt.Sprintf("stripetest: internal error in %s %s: %v", r.method, r.path, p)}
		}
	}()
	return fn(r)
}

// --- errors ---

// apiError is Stripe's error object plus the HTTP status.
type apiError struct {
	status        int
	typ           string
	code          string
	declineCode   string
	param         string
	message       string
	charge        string
	paymentIntent obj
	// saved makes an idempotent request with this 400 error replay it.
	saved bool
}

func (e *apiError) Error() string { return e.message }

func errorResponse(e *apiError) response {
	m := obj{"type": e.typ, "message": e.message}
	if e.code != "" {
		m["code"] = e.code
		m["doc_url"] = "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(e.code, "_", "-")
	}
	if e.declineCode != "" {
		m["decline_code"] = e.declineCode
	}
	if e.param != "" {
		m["param"] = e.param
	}
	if e.charge != "" {
		m["charge"] = e.charge
	}
	if e.paymentIntent != nil {
		m["payment_intent"] = e.paymentIntent
	}
	b, _ := json.Marshal(obj{"error": m})
	return response{status: e.status, body: b}
}

func injectedFailure(status int) response {
	e := &apiError{status: status, typ: "api_error", message: "An injected failure of stripetest (FailNext)."}
	switch {
	case status == http.StatusTooManyRequests:
		e.typ, e.code = "invalid_request_error", "rate_limit"
		e.message = "Request rate limit exceeded (injected by stripetest FailNext)."
	case status == http.StatusConflict:
		e.typ, e.code = "invalid_request_error", "lock_timeout"
		e.message = "This object cannot be accessed right now because another API request or Stripe process is currently accessing it (injected by stripetest FailNext)."
	case status == http.StatusUnauthorized:
		e.typ = "invalid_request_error"
	case status < 500:
		e.typ = "invalid_request_error"
	}
	return errorResponse(e)
}

func notFound(kind, id, param string) *apiError {
	return &apiError{status: http.StatusNotFound, typ: "invalid_request_error", code: "resource_missing", param: param,
		message: fmt.Sprintf("No such %s: '%s'", kind, id)}
}

func invalid(param, code, format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: code, param: param, message: fmt.Sprintf(format, args...)}
}

func missingParam(param string) *apiError {
	return invalid(param, "parameter_missing", "Missing required param: %s.", param)
}

// --- state helpers (callers hold s.mu) ---

const idAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return string(b)
}

func (s *Server) newID(prefix string) string {
	if id, ok := s.fixedIDs[prefix]; ok {
		delete(s.fixedIDs, prefix)
		return id
	}
	for {
		id := prefix + "_" + randomID(14)
		if _, taken := s.byID[id]; !taken {
			return id
		}
	}
}

func (s *Server) unix() int64 { return s.now().Unix() }

// insert stores a new object of kind (its "object" field) under its id,
// stamping the creation order.
func (s *Server) insert(o obj) obj {
	s.seq++
	o["_seq"] = s.seq
	kind := o["object"].(string)
	s.byID[o["id"].(string)] = o
	s.kinds[kind] = append(s.kinds[kind], o)
	return o
}

// remove drops an object from the store.
func (s *Server) remove(o obj) {
	id := o["id"].(string)
	delete(s.byID, id)
	kind := o["object"].(string)
	list := s.kinds[kind]
	for i, x := range list {
		if x["id"] == id {
			s.kinds[kind] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
}

// get finds an object of kind by id, or returns a 404 naming it.
func (s *Server) get(kind, id string) (obj, error) {
	o, ok := s.byID[id]
	if !ok || o["object"] != kind || o["deleted"] == true {
		return nil, notFound(strings.ReplaceAll(kind, "_", " "), id, "id")
	}
	return o, nil
}

// render deep-copies an object for a response, dropping internal keys and
// expanding the requested paths.
func (s *Server) render(o obj, expand []string) obj {
	out := deepCopy(o).(obj)
	for _, path := range expand {
		s.expandPath(out, strings.Split(path, "."))
	}
	return out
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case obj:
		m := make(obj, len(x))
		for k, val := range x {
			if strings.HasPrefix(k, "_") {
				continue
			}
			m[k] = deepCopy(val)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = deepCopy(val)
		}
		return l
	case []string:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = val
		}
		return l
	}
	return v
}

func (s *Server) expandPath(m obj, path []string) {
	if len(path) == 0 {
		return
	}
	v, ok := m[path[0]]
	if !ok {
		return
	}
	switch x := v.(type) {
	case string:
		target, found := s.byID[x]
		if !found {
			return
		}
		exp := deepCopy(target).(obj)
		s.expandPath(exp, path[1:])
		m[path[0]] = exp
	case obj:
		if len(path) > 1 && path[1] == "data" {
			if data, ok := x["data"].([]any); ok {
				for _, d := range data {
					if dm, ok := d.(obj); ok {
						s.expandPath(dm, path[2:])
					}
				}
			}
			return
		}
		s.expandPath(x, path[1:])
	}
}

// listOf builds a list object over the objects of kind that keep returns
// true for, newest first, paged by limit, starting_after and ending_before.
func (s *Server) listOf(r *request, kind, url string, keep func(obj) bool) (obj, error) {
	f := r.form
	limit := int64(10)
	if n, ok := f.int("limit"); ok {
		if n < 1 || n > 100 {
			return nil, invalid("limit", "", "Invalid integer: %d. This value must be between 1 and 100.", n)
		}
		limit = n
	}
	created := f.rangeQuery("created")
	if err := f.failed(); err != nil {
		return nil, err
	}
	var all []obj
	for _, o := range s.kinds[kind] {
		if o["deleted"] == true || !created(createdOf(o)) || (keep != nil && !keep(o)) {
			continue
		}
		all = append(all, o)
	}
	newer := func(a, b obj) bool { // a is listed before b
		ca, cb := createdOf(a), createdOf(b)
		if ca != cb {
			return ca > cb
		}
		return a["_seq"].(int64) > b["_seq"].(int64)
	}
	sort.SliceStable(all, func(i, j int) bool { return newer(all[i], all[j]) })

	after, hasAfter := f.str("starting_after")
	before, hasBefore := f.str("ending_before")
	var page []obj
	hasMore := false
	switch {
	case hasAfter && after != "":
		cur, ok := s.byID[after]
		if !ok || cur["object"] != kind {
			return nil, notFound(strings.ReplaceAll(kind, "_", " "), after, "starting_after")
		}
		var rest []obj
		for _, o := range all {
			if newer(cur, o) {
				rest = append(rest, o)
			}
		}
		page, hasMore = rest, int64(len(rest)) > limit
		if hasMore {
			page = rest[:limit]
		}
	case hasBefore && before != "":
		cur, ok := s.byID[before]
		if !ok || cur["object"] != kind {
			return nil, notFound(strings.ReplaceAll(kind, "_", " "), before, "ending_before")
		}
		var rest []obj
		for _, o := range all {
			if newer(o, cur) {
				rest = append(rest, o)
			}
		}
		page, hasMore = rest, int64(len(rest)) > limit
		if hasMore {
			page = rest[int64(len(rest))-limit:]
		}
	default:
		page, hasMore = all, int64(len(all)) > limit
		if hasMore {
			page = all[:limit]
		}
	}
	var exp []string
	for _, e := range r.expand {
		if rest, ok := strings.CutPrefix(e, "data."); ok {
			exp = append(exp, rest)
		}
	}
	data := make([]any, len(page))
	for i, o := range page {
		data[i] = s.render(o, exp)
	}
	return obj{"object": "list", "data": data, "has_more": hasMore, "url": url}, nil
}

// createdOf is an object's created time; cards, which have none on the
// wire, keep it internally.
func createdOf(o obj) int64 {
	if c, ok := o["created"].(int64); ok {
		return c
	}
	c, _ := o["_created"].(int64)
	return c
}

// listObject is a small embedded list, like invoice.lines.
func listObject(url string, data []any) obj {
	if data == nil {
		data = []any{}
	}
	return obj{"object": "list", "data": data, "has_more": false, "total_count": int64(len(data)), "url": url}
}

// applyMetadata merges metadata[k]=v into o; an empty value deletes a key
// and metadata= (empty) clears all of them.
func applyMetadata(o obj, f *form) {
	v, ok := f.m["metadata"]
	if !ok {
		return
	}
	md, _ := o["metadata"].(obj)
	if md == nil {
		md = obj{}
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			md = obj{}
		} else {
			f.fail(invalid("metadata", "", "Invalid object"))
		}
	case obj:
		for k, val := range x {
			sv, isStr := val.(string)
			if !isStr {
				f.fail(invalid("metadata["+k+"]", "", "Invalid metadata value"))
				continue
			}
			if sv == "" {
				delete(md, k)
			} else {
				md[k] = sv
			}
		}
	}
	o["metadata"] = md
}

// setStrings copies the string params in keys (present ones only) into o;
// an empty value sets the field to null.
func setStrings(o obj, f *form, keys ...string) {
	for _, k := range keys {
		if v, ok := f.str(k); ok {
			if v == "" {
				o[k] = nil
			} else {
				o[k] = v
			}
		}
	}
}

// idOf returns the ID of a field that may hold an ID or an object.
func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case obj:
		id, _ := x["id"].(string)
		return id
	}
	return ""
}
