package stripe

// The request path against a hostile server and a careless caller
// (issue 13): blank idempotency keys, bodies that are not objects, and
// secrets echoed through every side door.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// TestIdempotencyKeyBlankOrPaddedRefused: a key net/http would trim to
// nothing (or change) never goes out, so a POST is never retried without
// the key the server sees.
func TestIdempotencyKeyBlankOrPaddedRefused(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, reply{status: http.StatusInternalServerError, body: `{"error":{"type":"api_error"}}`})
	for _, key := range []string{" ", "   ", "\t", " idem-1", "idem-1 ", "\tidem-1", "idem-1\u00a0", strings.Repeat("k", 256), "idem\r\n1"} {
		_, err := c.Customers.Create(context.Background(), &CustomerCreateParams{Params: Params{IdempotencyKey: key}})
		assert.ErrorContains(t, err, "IdempotencyKey", "%q", key)
	}
	// A generator that returns a blank key is refused the same way.
	cb, mtb := newTestClient(t, WithIdempotencyKeyFunc(func() string { return "  " }))
	recb := mock(mtb, ok(customerJSON("cus_1")))
	_, err := cb.Customers.Create(context.Background(), nil)
	assert.ErrorContains(t, err, "IdempotencyKey is blank")
	assert.Empty(t, rec.requests())
	assert.Empty(t, recb.requests())

	// 255 characters go out as they are, and the POST is retried with them.
	key := strings.Repeat("k", 255)
	_, err = c.Customers.Create(context.Background(), &CustomerCreateParams{Params: Params{IdempotencyKey: key}})
	assert.ErrorIs(t, err, ErrAPI)
	sent := rec.requests()
	require.Len(t, sent, 1+DefaultMaxRetries)
	for _, s := range sent {
		assert.Equal(t, key, s.Header.Get("Idempotency-Key"))
	}

	// No key on the wire (no generator): never retried.
	cn, mtn := newTestClient(t, WithIdempotencyKeyFunc(nil))
	recn := mock(mtn, reply{status: http.StatusInternalServerError, body: `{"error":{"type":"api_error"}}`})
	_, err = cn.Customers.Create(context.Background(), nil)
	assert.ErrorIs(t, err, ErrAPI)
	require.Len(t, recn.requests(), 1)
	assert.Empty(t, recn.requests()[0].Header.Values("Idempotency-Key"))
}

// TestBodyThatIsNotAnObjectIsAnError: a 2xx body must be an object of the
// expected kind; an error member anywhere at the top is an *Error.
func TestBodyThatIsNotAnObjectIsAnError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body    string
		apiErr  bool
		message string
	}{
		{`null`, false, "not a JSON object"},
		{` [] `, false, "not a JSON object"},
		{`"cus_1"`, false, "not a JSON object"},
		{`{}`, false, `no "object" member`},
		{`{"id":"cus_1","email":"a@example.com"}`, false, `no "object" member`},
		{`{"id":"cus_1","object":""}`, false, `no "object" member`},
		{`{"id":"cus_1","object":"customer","error":{"type":"invalid_request_error","message":"late error"}}`, true, "late error"},
		{`{"object":"customer","metadata":{"error":"nested is fine"},"Error":{"message":"any case"}}`, true, "any case"},
		{`{"error":null}`, true, ""},
	} {
		c, mt := newTestClient(t)
		mock(mt, ok(tc.body))
		cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
		assert.Nil(t, cus, tc.body)
		require.Error(t, err, tc.body)
		assert.ErrorContains(t, err, tc.message, tc.body)
		var se *Error
		assert.Equal(t, tc.apiErr, errorsAs(err, &se), tc.body)
		if !tc.apiErr {
			assert.ErrorIs(t, err, ErrUnexpectedResponse, tc.body)
		}
		// Do with a nil out checks the body too, as far as it can without
		// a type: it must be an object without an error member.
		if tc.apiErr || !strings.HasPrefix(tc.body, "{") {
			assert.Error(t, c.Do(context.Background(), http.MethodGet, "/v1/customers/cus_1", nil, nil), tc.body)
		}
	}

	// What stays fine: a member named error inside another member, and a
	// body of a type without an Object field.
	c, mt := newTestClient(t)
	mock(mt, ok(`{"id":"cus_1","object":"customer","metadata":{"error":"x"},"description":"{\"error\":1}"}`))
	cus, err := c.Customers.Get(context.Background(), "cus_1", nil)
	require.NoError(t, err)
	assert.Equal(t, "x", cus.Metadata["error"])
	c2, mt2 := newTestClient(t)
	mock(mt2, ok(`{}`))
	var m map[string]any
	require.NoError(t, c2.Do(context.Background(), http.MethodGet, "/v1/tax_codes/txcd_1", nil, &m))
}

func errorsAs(err error, se **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*se = e
	}
	return ok
}

func TestScanTopLevel(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]struct {
		ok, hasError bool
		object       string
	}{
		`{}`:                                 {true, false, ""},
		` {"object" : "customer" } `:         {true, false, "customer"},
		`{"a":[1,{"error":2}],"object":"x"}`: {true, false, "x"},
		`{"a":"}\"error\":{","b":-1.5e3}`:    {true, false, ""},
		`{"\u006fbject":"cust\u006fmer"}`:    {true, false, "customer"},
		`{"x":true,"error":{"a":[null]}}`:    {true, true, ""},
		`{"ERROR":1}`:                        {true, true, ""},
		`{"object":1}`:                       {true, false, ""},
		`null`:                               {false, false, ""},
		`{"a":1,}`:                           {false, false, ""},
		`{"a":1} x`:                          {false, false, ""},
		`{"a":[1,2}`:                         {false, false, ""},
		`{"a" 1}`:                            {false, false, ""},
		`{"a":"unterminated}`:                {false, false, ""},
		"{\"object\":\"customer\",\"x\":[[[[]]]]}": {true, false, "customer"},
	} {
		top, ok := scanTopLevel([]byte(body))
		assert.Equal(t, want.ok, ok, body)
		if ok {
			assert.Equal(t, want.hasError, top.hasError, body)
			assert.Equal(t, want.object != "", top.hasObject, body)
		}
	}
}

// hostileServer answers each request as name says, echoing the client's
// key and Basic credential through every side door it has.
func hostileServer(t *testing.T, name string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		auth := r.Header.Get("Authorization")
		raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "Basic "))
		key := strings.TrimSuffix(string(raw), ":")
		echo := "auth=" + auth + " key=" + key + " query=" + r.URL.RawQuery
		hijack := func(text string) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			_, _ = buf.WriteString(text)
			_ = buf.Flush()
			_ = conn.Close()
		}
		w.Header().Set("Request-Id", "req_"+key+"_"+strings.TrimPrefix(auth, "Basic "))
		switch name {
		case "Request-Id echo, 2xx not JSON":
			w.Header().Set("Content-Type", "text/plain; "+auth)
			_, _ = io.WriteString(w, "not json "+echo)
		case "Request-Id echo, 402":
			w.WriteHeader(http.StatusPaymentRequired)
			fmt.Fprintf(w, `{"error":{"type":"card_error","message":%q,"request_log_url":%q,"network_decline_code":%q}}`, echo, "https://x/"+key, key)
		case "Request-Id echo, body over the size limit":
			_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer","description":"`+strings.Repeat("y", 4096)+`"}`)
		case "Request-Id echo, truncated body":
			w.Header().Set("Content-Length", "4000")
			_, _ = io.WriteString(w, `{"id":"cus_1","object":"customer","description":"`+echo)
		case "malformed status line":
			hijack("HTTP/1.1 " + key + " OK\r\nContent-Length: 0\r\n\r\n")
		case "not HTTP at all":
			hijack(key + " " + auth + "\r\n\r\n")
		case "malformed header line":
			hijack("HTTP/1.1 200 OK\r\n" + auth + "\r\n" + key + "\r\n\r\n")
		case "redirect to a host named after the key":
			w.Header().Set("Location", "http://"+key+".evil.example/v1/customers?k="+url.QueryEscape(auth))
			w.WriteHeader(http.StatusFound)
		case "HTML 502 quoting the request":
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html><body><pre>%s</pre></body></html>", echo)
		case "2xx error object after the data":
			fmt.Fprintf(w, `{"id":"cus_1","object":"customer","error":{"type":"api_error","message":%q,"param":%q}}`, echo, key)
		case "2xx null":
			_, _ = io.WriteString(w, "null")
		case "2xx empty object":
			_, _ = io.WriteString(w, "{}")
		case "dropped connection":
			hijack("")
		default:
			t.Errorf("no case %q", name)
		}
	}))
}

// TestHostileServerNeverLeaksSecrets is the leak table of issue 13: for
// each way a server can echo the key, no error string, no fmt verb of the
// error, and no debug log line (text or JSON) carries the key, the Basic
// credential or a client secret; nor does any verb of the client or of a
// params value. (The same canaries are checked by TestSecurityNoSecretLeaks
// for the echo server and by TestPrintingNoVerbLeaks for values.)
func TestHostileServerNeverLeaksSecrets(t *testing.T) {
	t.Parallel()
	cases := []string{
		"Request-Id echo, 2xx not JSON",
		"Request-Id echo, 402",
		"Request-Id echo, body over the size limit",
		"Request-Id echo, truncated body",
		"malformed status line",
		"not HTTP at all",
		"malformed header line",
		"redirect to a host named after the key",
		"HTML 502 quoting the request",
		"2xx error object after the data",
		"2xx null",
		"2xx empty object",
		"dropped connection",
	}
	canaries := leakForms(leakCanaries())
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := hostileServer(t, name)
			defer ts.Close()
			var logs bytes.Buffer
			text := slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})
			jsonLog := slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})
			for _, h := range []slog.Handler{text, jsonLog} {
				// The default client: it refuses redirects itself.
				c, err := NewClient(leakKey, WithBaseURL(ts.URL), WithRateLimit(rate.Inf, rate.Inf),
					WithMaxRetries(1), WithMaxResponseBytes(1024), WithLogger(slog.New(h)))
				require.NoError(t, err)
				c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
				ctx := context.Background()
				params := &CustomerCreateParams{Params: Params{IdempotencyKey: "idem-1", StripeAccount: "acct_1"},
					Description: Ptr("order 42")}
				params.AddExtra("invoice_settings[footer]", "thanks")

				var errs []error
				_, err = c.Customers.Get(ctx, "cus_1", nil)
				errs = append(errs, err)
				_, err = c.Customers.Create(ctx, params)
				errs = append(errs, err)
				var raw json.RawMessage
				errs = append(errs, c.Do(ctx, http.MethodGet, "/v1/tax_codes", url.Values{"limit": {"1"}}, &raw))

				var printed []string
				for i, err := range errs {
					if name == "2xx empty object" && i == 2 {
						continue // {} is a fine JSON object for Do into raw JSON
					}
					require.Error(t, err, "call %d", i)
					for _, verb := range printVerbs {
						printed = append(printed, fmt.Sprintf(verb, err))
					}
				}
				for _, v := range []any{c, *c, params, *params} {
					for _, verb := range printVerbs {
						printed = append(printed, fmt.Sprintf(verb, v))
					}
				}
				require.Contains(t, logs.String(), "stripe: request", "the debug log ran")
				printed = append(printed, logs.String())
				all := strings.Join(printed, "\n")
				for _, s := range canaries {
					if strings.Contains(all, s) {
						i := strings.Index(all, s)
						t.Errorf("leaked %q: ...%s...", s, all[max(0, i-120):min(len(all), i+len(s)+40)])
					}
				}
			}
		})
	}
}

// TestScrubKeepsErrorsIs: a masked error still matches what the original
// matched, and an error with nothing to mask is returned as it is.
func TestScrubKeepsErrorsIs(t *testing.T) {
	t.Parallel()
	plain := fmt.Errorf("stripe: GET /v1/x: %w", context.Canceled)
	assert.Same(t, plain, scrub(plain))
	leaky := fmt.Errorf("%w (to host %q)", errRedirect, leakKey+".evil.example")
	s := scrub(leaky)
	assert.ErrorIs(t, s, errRedirect)
	assert.NotContains(t, s.Error(), "LeakCanaryKeyXYZ")
	assert.Nil(t, errorsUnwrap(s), "the unmasked text is not reachable by unwrapping")
	apiErr := newError(402, "req_1", []byte(`{"error":{"type":"card_error"}}`))
	assert.Same(t, error(apiErr), scrub(apiErr))
	assert.Nil(t, scrub(nil))
}

func errorsUnwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}
