// Package stripe is a lightweight, hand-written client for the Stripe REST API.
//
// Quick start:
//
//	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
//	if err != nil { ... }
//	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{
//		Email:    stripe.Ptr("jenny@example.com"),
//		Metadata: stripe.Metadata{"company_id": "42"},
//	})
//	for cus, err := range c.Customers.All(ctx, nil) { ... }
//
// Every request is pinned to API version [APIVersion], rate limited on the
// client side, and retried on network errors, 409, 429 and 5xx responses;
// a POST is only ever retried with the Idempotency-Key it was first sent with.
// Non-2xx responses are returned as *[Error], which matches sentinels such as
// [ErrCardDeclined] with errors.Is.
package stripe

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// APIVersion is the Stripe API version every request is pinned to (the
// Stripe-Version header) unless WithAPIVersion says otherwise.
const APIVersion = "2026-08-26.dahlia"

// Version is this library's version, sent in the User-Agent header.
const Version = "0.1.0"

// DefaultBaseURL is Stripe's API host.
const DefaultBaseURL = "https://api.stripe.com"

// Defaults.
const (
	DefaultMaxRetries       = 2
	DefaultMaxResponseBytes = 8 << 20
	defaultTimeout          = 80 * time.Second
	initialBackoff          = 500 * time.Millisecond
	maxBackoff              = 5 * time.Second
	// maxRetryAfter is the longest Retry-After the client waits out; a
	// server asking for more gets its error returned instead.
	maxRetryAfter = 60 * time.Second
)

// Client talks to the Stripe API. It is safe for concurrent use; create one
// per API key and share it.
type Client struct {
	// Services, one per Stripe resource.
	Balance                     *BalanceService
	BalanceTransactions         *BalanceTransactionsService
	BillingMeterEvents          *BillingMeterEventsService
	BillingPortalSessions       *BillingPortalSessionsService
	Cards                       *CardsService
	Charges                     *ChargesService
	CheckoutSessions            *CheckoutSessionsService
	Coupons                     *CouponsService
	CreditNotes                 *CreditNotesService
	CustomerBalanceTransactions *CustomerBalanceTransactionsService
	Customers                   *CustomersService
	Disputes                    *DisputesService
	Events                      *EventsService
	InvoiceItems                *InvoiceItemsService
	Invoices                    *InvoicesService
	PaymentIntents              *PaymentIntentsService
	PaymentLinks                *PaymentLinksService
	PaymentMethods              *PaymentMethodsService
	Payouts                     *PayoutsService
	Prices                      *PricesService
	Products                    *ProductsService
	PromotionCodes              *PromotionCodesService
	Refunds                     *RefundsService
	SetupIntents                *SetupIntentsService
	SubscriptionItems           *SubscriptionItemsService
	Subscriptions               *SubscriptionsService
	TaxIDs                      *TaxIDsService
	TaxRates                    *TaxRatesService
	Transfers                   *TransfersService
	WebhookEndpoints            *WebhookEndpointsService

	baseURL          string
	auth             *secret // "Basic base64(key:)", out of reach of fmt
	apiVersion       string
	stripeAccount    string
	userAgent        string
	httpClient       *http.Client
	maxRetries       int
	maxResponseBytes int64
	limiter          Limiter // nil: no client-side limits
	logger           *slog.Logger
	newIdemKey       func() string
	sleep            func(ctx context.Context, d time.Duration) error
	jitter           func(n int64) int64

	appInfo     string
	readRate    rate.Limit
	writeRate   rate.Limit
	legacyRates bool // WithRateLimit was given
	limiterSet  bool // WithLimiter was given
}

// Option configures a Client in NewClient.
type Option func(*Client) error

// WithBaseURL sends requests to u instead of https://api.stripe.com, for
// example a local stripe-mock at http://127.0.0.1:12111.
func WithBaseURL(u string) Option {
	return func(c *Client) error {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("stripe: WithBaseURL: %q is not an absolute http(s) URL", redact(u))
		}
		if p.RawQuery != "" || p.Fragment != "" || p.User != nil {
			// User info may hold a key: it is never echoed.
			p.User = nil
			return fmt.Errorf("stripe: WithBaseURL: %q must not carry a query, fragment or user info", redact(p.String()))
		}
		c.baseURL = strings.TrimRight(p.String(), "/")
		return nil
	}
}

// WithHTTPClient sets the *http.Client requests go through. The client is used
// as given: its Transport, Timeout and redirect policy stay the caller's.
// The default client has an 80 s timeout and follows no redirects (Stripe
// never redirects API calls, and Go's default policy would forward the
// Authorization header to another port of the same host); a caller's client
// should refuse redirects too, for example with CheckRedirect returning
// http.ErrUseLastResponse.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("stripe: WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithAPIVersion overrides the pinned Stripe-Version header. The typed objects
// in this package match APIVersion; other versions may decode differently.
func WithAPIVersion(v string) Option {
	return func(c *Client) error {
		if v == "" || !isHeaderSafe(v) {
			return fmt.Errorf("stripe: WithAPIVersion: invalid version %q", redact(v))
		}
		c.apiVersion = v
		return nil
	}
}

// WithStripeAccount makes every request on behalf of a connected account
// (Connect's Stripe-Account header). Params.StripeAccount overrides it per call.
func WithStripeAccount(accountID string) Option {
	return func(c *Client) error {
		if !isHeaderSafe(accountID) {
			return fmt.Errorf("stripe: WithStripeAccount: invalid account ID %q", redact(accountID))
		}
		c.stripeAccount = accountID
		return nil
	}
}

// WithMaxRetries sets how many times a failed request is retried (default 2).
// Zero turns retries off.
func WithMaxRetries(n int) Option {
	return func(c *Client) error {
		if n < 0 {
			return fmt.Errorf("stripe: WithMaxRetries: negative retries %d", n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRateLimit switches the default limiter to Stripe's older model: per
// account, one limit in requests per second for reads (GET) and one for
// writes (everything else), shared by all goroutines using the client.
// rate.Inf turns one off; WithRateLimit(rate.Inf, rate.Inf) turns
// client-side limiting off.
//
// Without it the client follows Stripe's current model ([DefaultLimits]):
// per account a global limit (100/s live, 25/s with test keys) and a limit
// per endpoint (25/s, 20/s for Search and Files). See [WithLimiter] and
// [LocalLimiter] for other limits; of WithRateLimit and WithLimiter, the
// last one given wins.
func WithRateLimit(read, write rate.Limit) Option {
	return func(c *Client) error {
		if read <= 0 || write <= 0 {
			return fmt.Errorf("stripe: WithRateLimit: limits must be positive (use rate.Inf for none), got %v and %v", read, write)
		}
		c.readRate, c.writeRate = read, write
		c.legacyRates, c.limiterSet = true, false
		return nil
	}
}

// WithLogger logs one debug line per attempt and a warning per retry.
// Lines carry method, path, status, request ID and timing; never the key,
// headers, query or body. The default is silent.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) error {
		c.logger = l
		return nil
	}
}

// WithAppInfo identifies the integration built on this library; it is
// appended to the User-Agent header as "name/version (url)".
func WithAppInfo(name, version, url string) Option {
	return func(c *Client) error {
		info := name
		if version != "" {
			info += "/" + version
		}
		if url != "" {
			info += " (" + url + ")"
		}
		if name == "" || !isHeaderSafe(info) {
			return fmt.Errorf("stripe: WithAppInfo: invalid app info %q", redact(info))
		}
		c.appInfo = info
		return nil
	}
}

// WithMaxResponseBytes caps the size of a response body the client will
// decode (default 8 MiB); a larger body is an error, not a partial object.
func WithMaxResponseBytes(n int64) Option {
	return func(c *Client) error {
		if n <= 0 {
			return fmt.Errorf("stripe: WithMaxResponseBytes: must be positive, got %d", n)
		}
		c.maxResponseBytes = n
		return nil
	}
}

// WithIdempotencyKeyFunc replaces the generator of the Idempotency-Key sent
// with POSTs whose params set none (default: a random UUIDv4). With nil, such
// POSTs carry no key, and a POST without a key is never retried.
func WithIdempotencyKeyFunc(fn func() string) Option {
	return func(c *Client) error {
		c.newIdemKey = fn
		return nil
	}
}

// NewClient returns a client for the secret (sk_) or restricted (rk_) key.
// It does no I/O and reads no environment variables.
func NewClient(key string, opts ...Option) (*Client, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	c := &Client{
		baseURL:          DefaultBaseURL,
		auth:             newSecret("Basic " + base64.StdEncoding.EncodeToString([]byte(key+":"))),
		apiVersion:       APIVersion,
		httpClient:       &http.Client{Timeout: defaultTimeout, CheckRedirect: refuseRedirect},
		maxRetries:       DefaultMaxRetries,
		maxResponseBytes: DefaultMaxResponseBytes,
		newIdemKey:       newUUID,
		sleep:            sleepCtx,
		jitter:           mrand.Int64N,
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	if !c.limiterSet {
		var err error
		if c.limiter, err = c.defaultLimiter(!strings.Contains(key, "_test_")); err != nil {
			return nil, err
		}
	}
	c.userAgent = "stripelite/" + Version + " go/" + runtime.Version()
	if c.appInfo != "" {
		c.userAgent += " " + c.appInfo
	}

	c.Balance = &BalanceService{c: c}
	c.BalanceTransactions = &BalanceTransactionsService{c: c}
	c.BillingMeterEvents = &BillingMeterEventsService{c: c}
	c.BillingPortalSessions = &BillingPortalSessionsService{c: c}
	c.Cards = &CardsService{c: c}
	c.Charges = &ChargesService{c: c}
	c.CheckoutSessions = &CheckoutSessionsService{c: c}
	c.Coupons = &CouponsService{c: c}
	c.CreditNotes = &CreditNotesService{c: c}
	c.CustomerBalanceTransactions = &CustomerBalanceTransactionsService{c: c}
	c.Customers = &CustomersService{c: c}
	c.Disputes = &DisputesService{c: c}
	c.Events = &EventsService{c: c}
	c.InvoiceItems = &InvoiceItemsService{c: c}
	c.Invoices = &InvoicesService{c: c}
	c.PaymentIntents = &PaymentIntentsService{c: c}
	c.PaymentLinks = &PaymentLinksService{c: c}
	c.PaymentMethods = &PaymentMethodsService{c: c}
	c.Payouts = &PayoutsService{c: c}
	c.SetupIntents = &SetupIntentsService{c: c}
	c.WebhookEndpoints = &WebhookEndpointsService{c: c}
	c.Prices = &PricesService{c: c}
	c.Products = &ProductsService{c: c}
	c.PromotionCodes = &PromotionCodesService{c: c}
	c.Refunds = &RefundsService{c: c}
	c.SubscriptionItems = &SubscriptionItemsService{c: c}
	c.Subscriptions = &SubscriptionsService{c: c}
	c.TaxIDs = &TaxIDsService{c: c}
	c.TaxRates = &TaxRatesService{c: c}
	c.Transfers = &TransfersService{c: c}
	return c, nil
}

// String describes the client without its key.
func (c *Client) String() string {
	return fmt.Sprintf("stripe.Client{baseURL: %s, apiVersion: %s}", c.baseURL, c.apiVersion)
}

// GoString is String, so %#v does not print the key either.
func (c *Client) GoString() string { return c.String() }

func checkKey(key string) error {
	switch {
	case key == "":
		return errors.New("stripe: empty API key")
	case strings.HasPrefix(key, "pk_"):
		return errors.New("stripe: publishable (pk_) keys cannot call the API from a server; use a secret (sk_) or restricted (rk_) key")
	case strings.IndexFunc(key, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0:
		return errors.New("stripe: API key contains whitespace or control characters")
	}
	return nil
}

// errRedirect is returned, wrapped, when the server answers with a redirect.
var errRedirect = errors.New("stripe: refusing to follow a redirect: the Stripe API never redirects")

// refuseRedirect is the default client's CheckRedirect: following a redirect
// would resend the Authorization header, and a 307 the POST body, to
// wherever the server points.
func refuseRedirect(req *http.Request, _ []*http.Request) error {
	return fmt.Errorf("%w (to host %q)", errRedirect, req.URL.Host)
}

// isHeaderSafe reports whether s can go in a header value without changing
// the request's meaning (no CR, LF or other control characters).
func isHeaderSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < ' ' || b == 0x7f {
			return false
		}
	}
	return true
}

// Do sends one request to the Stripe API through the same path every typed
// method uses (limiter, Idempotency-Key, retries, typed errors, redaction,
// size limit), for an endpoint or a field this package does not model.
//
// method is GET, POST or DELETE. path is an API path such as
// "/v1/tax_codes"; build one with IDs in it with [Path]. An absolute URL, a
// path not under /v1/, "." or ".." segments, a query or fragment and
// control characters are refused before any I/O.
//
// params is nil, a params struct (usually a pointer; its embedded [Params]
// carries the idempotency key, Stripe-Account, expand and extras), or
// url.Values. It is sent as the query string of a GET or DELETE and as the
// form body of a POST.
//
// out is nil (the body is discarded), a *json.RawMessage (it receives the
// exact bytes Stripe sent), or a pointer to anything encoding/json decodes
// into: this package's types, your own struct, a map[string]any.
// A non-2xx response is returned as *[Error].
func (c *Client) Do(ctx context.Context, method, path string, params any, out any) error {
	return c.call(ctx, method, path, params, out)
}

// call is the one request path, behind Do and every typed method. It checks
// the request, encodes params (query string for GET and DELETE, form body
// otherwise), waits for the rate limiter, sends with auth, version and
// idempotency headers, retries what is safe to retry, and decodes a 2xx
// JSON body into out or returns an *Error.
func (c *Client) call(ctx context.Context, method, path string, params any, out any) error {
	if ctx == nil {
		return errors.New("stripe: nil context")
	}
	if err := checkMethod(method); err != nil {
		return err
	}
	if err := checkAPIPath(path); err != nil {
		return err
	}
	if out != nil {
		if rv := reflect.ValueOf(out); rv.Kind() != reflect.Pointer || rv.IsNil() {
			return errNilOut
		}
	}
	form, p, err := encodeParams(params)
	if err != nil {
		return err
	}

	target := c.baseURL + path
	var body []byte
	if enc := form.Encode(); enc != "" {
		if method == http.MethodGet || method == http.MethodDelete {
			target += "?" + enc
		} else {
			body = []byte(enc)
		}
	}

	header := headerBuilder{h: make(http.Header, 7), vals: make([]string, 0, 7)}
	header.set("Authorization", c.auth.reveal())
	header.set("Stripe-Version", c.apiVersion)
	header.set("User-Agent", c.userAgent)
	header.set("Accept", "application/json")
	account := c.stripeAccount
	if p != nil && p.StripeAccount != "" {
		account = p.StripeAccount
	}
	if account != "" {
		if !isHeaderSafe(account) {
			return fmt.Errorf("stripe: invalid StripeAccount %q", redact(account))
		}
		header.set("Stripe-Account", account)
	}
	retryable := true
	if method == http.MethodPost {
		header.set("Content-Type", "application/x-www-form-urlencoded")
		key := ""
		if p != nil && p.IdempotencyKey != "" {
			key = p.IdempotencyKey
		} else if c.newIdemKey != nil {
			key = c.newIdemKey()
		}
		if err := checkIdempotencyKey(key); err != nil {
			return err
		}
		// Retried only with a key on the wire: checkIdempotencyKey refused
		// what net/http would trim or drop, so key is what the server gets.
		retryable = key != ""
		if retryable {
			header.set("Idempotency-Key", key)
		}
	}
	hook := responseHook(ctx)

	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		release, err := c.waitLimit(ctx, account, method, path)
		if err != nil {
			return err
		}
		start := time.Now()
		retry, wait, err := c.attempt(ctx, method, target, header.h, body, out, hook)
		release()
		// The one redaction point for what comes back from the network
		// and the server: everything below logs or returns err.
		err = scrub(err)
		if c.logger != nil {
			c.log(ctx, method, path, attempt, start, err)
		}
		if err == nil {
			return nil
		}
		if !retry || !retryable || attempt >= c.maxRetries {
			return err
		}
		if b := c.backoff(attempt); wait < b {
			wait = b
		}
		if c.logger != nil {
			c.logger.LogAttrs(ctx, slog.LevelWarn, "stripe: retrying",
				slog.String("method", method), slog.String("path", redact(path)),
				slog.Int("attempt", attempt+1), slog.Duration("wait", wait), slog.String("error", err.Error()))
		}
		if err := c.sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// checkIdempotencyKey refuses a key that would not reach Stripe as given:
// blank or padded with whitespace (net/http trims header values, so a blank
// key goes out as none and a retry could duplicate the write), over
// Stripe's 255 characters, or holding control characters. "" means none.
func checkIdempotencyKey(key string) error {
	switch {
	case key == "":
		return nil
	case strings.TrimSpace(key) == "":
		return errors.New("stripe: IdempotencyKey is blank")
	case strings.TrimSpace(key) != key:
		return fmt.Errorf("stripe: IdempotencyKey %q has leading or trailing whitespace", redact(oneLine(key)))
	case len(key) > 255:
		return fmt.Errorf("stripe: IdempotencyKey is %d bytes; Stripe allows at most 255", len(key))
	case !isHeaderSafe(key):
		return fmt.Errorf("stripe: invalid IdempotencyKey %q: control characters", redact(oneLine(key)))
	}
	return nil
}

// scrub returns err with any key, Basic credential or client secret in its
// text masked and made one line: a net/http error quoting the server's
// bytes (a malformed status line or header), a refused redirect's Location,
// an echoed Request-Id. An error that needs no masking, context errors and
// *Error (masked when built) come back as they are. A masked error still
// matches what err matched with errors.Is, but no longer unwraps to err,
// whose text is the unmasked one.
func scrub(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*Error); ok {
		return err
	}
	msg := err.Error()
	clean := redact(oneLine(msg))
	if clean == msg {
		return err
	}
	return &scrubbedError{msg: clean, err: err}
}

// scrubbedError is an error whose text was masked by scrub.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }

// Is matches what the original error matched (context.Canceled,
// errRedirect, io.ErrUnexpectedEOF, ...).
func (e *scrubbedError) Is(target error) bool { return errors.Is(e.err, target) }

// Format implements fmt.Formatter: every verb formats the masked text, so
// fmt's bad-verb path (%d, %t, ...) cannot print the original's fields.
func (e *scrubbedError) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), e.msg)
}

// orNil returns v, or nil when err is not nil, so a typed method never
// hands back a half-decoded object with its error. Every typed method
// returns through it:
//
//	card := new(Card)
//	return orNil(card, s.c.call(ctx, http.MethodGet, path, params, card))
func orNil[T any](v *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// attempt sends one request. It reports whether a failure may be retried and
// how long the server asked us to wait (Retry-After), if it did.
// A hook, if not nil, is given the response.
func (c *Client) attempt(ctx context.Context, method, target string, header http.Header, body []byte, out any, hook func(*Response)) (retry bool, wait time.Duration, err error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return false, 0, fmt.Errorf("stripe: building request: %w", err)
	}
	req.Header = header.Clone()
	resp, err := c.httpClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return false, 0, ctxErr
		}
		// A redirect is refused for good; anything else is a network error.
		retry := !errors.Is(err, errRedirect)
		return retry, 0, fmt.Errorf("stripe: %s %s: %w", method, redact(req.URL.Path), unwrapURLError(err))
	}
	defer closeBody(resp.Body)

	requestID := resp.Header.Get("Request-Id")
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		err := c.decode(ctx, resp, requestID, out, hook)
		// A body cut off mid-way is a network error like any other.
		var re *readError
		return errors.As(err, &re), 0, err
	}

	errBody, readErr := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if readErr != nil && ctx.Err() != nil {
		return false, 0, ctx.Err()
	}
	if hook != nil {
		hook(&Response{StatusCode: resp.StatusCode, RequestID: requestID, Header: resp.Header, Body: errBody})
	}
	apiErr := newError(resp.StatusCode, requestID, errBody)
	switch resp.Header.Get("Stripe-Should-Retry") {
	case "true":
		retry = true
	case "false":
		retry = false
	default:
		s := resp.StatusCode
		retry = s == http.StatusConflict || s == http.StatusTooManyRequests || s >= 500
	}
	if retry {
		if secs, convErr := strconv.Atoi(resp.Header.Get("Retry-After")); convErr == nil && secs > 0 {
			wait = time.Duration(secs) * time.Second
			if wait > maxRetryAfter {
				retry = false
			}
		}
	}
	return retry, wait, apiErr
}

// decode reads a 2xx body into out, up to maxResponseBytes, and hands it to
// hook if there is one. A body that is not an object of the expected kind
// is an error (see checkBody); one with an "error" member is an *Error.
func (c *Client) decode(ctx context.Context, resp *http.Response, requestID string, out any, hook func(*Response)) error {
	// The body is read whole (also for a nil out, so that it is checked) into a pooled buffer (sized up front when the
	// length is known) and decoded once; json.Unmarshal copies what it keeps,
	// so the buffer can be reused.
	bp := bodyPool.Get().(*[]byte)
	defer putBodyBuf(bp)
	buf := (*bp)[:0]
	if n := resp.ContentLength; n > 0 && n <= c.maxResponseBytes {
		buf = slices.Grow(buf, int(n)+1) // +1: the read that sees EOF needs no growth
	}
	body, err := readAppend(buf, io.LimitReader(resp.Body, c.maxResponseBytes+1))
	*bp = body
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return &readError{fmt.Errorf("stripe: reading %d response [%s]: %w", resp.StatusCode, requestID, err)}
	}
	if int64(len(body)) > c.maxResponseBytes {
		return fmt.Errorf("stripe: response body exceeds %d bytes [%s]", c.maxResponseBytes, requestID)
	}
	if hook != nil {
		// The buffer goes back to the pool: the hook gets a copy.
		hook(&Response{StatusCode: resp.StatusCode, RequestID: requestID, Header: resp.Header, Body: bytes.Clone(body)})
	}
	if err := checkBody(resp.StatusCode, requestID, body, out); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if raw, ok := out.(*json.RawMessage); ok {
		// The exact bytes, once they are known to be JSON.
		if !json.Valid(body) {
			return fmt.Errorf("stripe: decoding %d response (Content-Type %q) [%s]: invalid JSON",
				resp.StatusCode, redact(resp.Header.Get("Content-Type")), requestID)
		}
		*raw = append((*raw)[:0], body...)
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("stripe: decoding %d response (Content-Type %q) [%s]: %w",
			resp.StatusCode, redact(resp.Header.Get("Content-Type")), requestID, err)
	}
	return nil
}

// readError marks a response body that broke off while being read.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// bodyPool holds response buffers; buffers over maxPooledBody are dropped.
var bodyPool = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledBody = 1 << 20

func putBodyBuf(bp *[]byte) {
	if cap(*bp) <= maxPooledBody {
		bodyPool.Put(bp)
	}
}

// headerBuilder fills a header whose values share one backing array, as
// http.Header.Clone does, instead of one allocation per Set.
type headerBuilder struct {
	h    http.Header
	vals []string
}

// set sets a canonical header key.
func (b *headerBuilder) set(key, value string) {
	b.vals = append(b.vals, value)
	n := len(b.vals)
	b.h[key] = b.vals[n-1 : n : n]
}

// readAppend reads r to EOF, appending to buf.
func readAppend(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 512)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// closeBody drains a little of what is left so the connection can be reused.
func closeBody(rc io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, rc, 4<<10)
	_ = rc.Close()
}

// unwrapURLError drops *url.Error's wrapper, whose text repeats the full URL
// including the query string.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func (c *Client) log(ctx context.Context, method, path string, attempt int, start time.Time, err error) {
	attrs := []slog.Attr{
		slog.String("method", method), slog.String("path", redact(path)),
		slog.Int("attempt", attempt), slog.Duration("elapsed", time.Since(start)),
	}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		attrs = append(attrs, slog.Int("status", apiErr.HTTPStatus), slog.String("request_id", apiErr.RequestID))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "stripe: request", attrs...)
}

// backoff is the wait before retry attempt+1: 0.5 s doubling to a 5 s cap,
// with the upper half jittered.
func (c *Client) backoff(attempt int) time.Duration {
	d := maxBackoff
	if attempt < 4 {
		d = min(initialBackoff<<attempt, maxBackoff)
	}
	half := int64(d / 2)
	return time.Duration(half + c.jitter(half+1))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// newUUID returns a random version 4 UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}
