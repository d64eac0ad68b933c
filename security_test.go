package stripe

// Security tests: secrets never leak into errors, formatted values, logs or
// panics, even when a hostile server or proxy echoes them back.

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

const (
	leakKey          = "sk_test_LeakCanaryKeyXYZ51" // letter-first: its base64 differs from a digit-first key's
	leakClientSecret = "pi_3LeakCanary_secret_S3cr3tV4lu3"
	leakToken        = "tok_1LeakCanaryVisa4242"
)

// leakCanaries are the strings that must never be printed: the key, the
// Authorization header value and its credential, a client secret, a card
// token, and the distinctive parts of each.
func leakCanaries() []string {
	cred := base64.StdEncoding.EncodeToString([]byte(leakKey + ":"))
	return []string{
		leakKey, "LeakCanaryKeyXYZ", "Basic " + cred, cred,
		leakClientSecret, "S3cr3tV4lu3", leakToken, "LeakCanaryVisa4242",
	}
}

// echoServer misbehaves in every way that could echo a secret: it quotes
// the request's Authorization header, body and query back in error
// messages, error fields, HTML pages, headers and 200 error bodies.
func echoServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		b, _ := io.ReadAll(r.Body)
		echo := fmt.Sprintf("auth=%s body=%s query=%s path=%s", r.Header.Get("Authorization"), b, r.URL.RawQuery, r.URL.Path)
		q := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", " ") }
		errJSON := func(status int) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"error":{"type":"card_error %[1]s","code":"%[1]s","decline_code":"%[1]s","param":"%[1]s","message":"%[1]s","doc_url":"https://x/%[1]s","charge":"%[1]s","advice_code":"%[1]s"}}`, q(echo))
		}
		w.Header().Set("Request-Id", "req_"+strings.TrimPrefix(r.URL.Path, "/v1/customers/"))
		switch {
		case r.Method == http.MethodPost && r.Header.Get("Idempotency-Key") != "" && n.Load()%2 == 1:
			errJSON(http.StatusInternalServerError) // retried
		case strings.HasSuffix(r.URL.Path, "/cus_402"):
			errJSON(http.StatusPaymentRequired)
		case strings.HasSuffix(r.URL.Path, "/cus_html"):
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html><body><pre>%s</pre></body></html>", echo)
		case strings.HasSuffix(r.URL.Path, "/cus_200err"):
			errJSON(http.StatusOK)
		case strings.HasSuffix(r.URL.Path, "/cus_badjson"):
			w.Header().Set("Content-Type", "text/plain; "+r.Header.Get("Authorization")+"; "+leakKey)
			_, _ = io.WriteString(w, "not json "+echo)
		case strings.HasSuffix(r.URL.Path, "/cus_drop"):
			dropConnection(t, w)
		case r.URL.Path == "/v1/customers" && r.Method == http.MethodGet:
			errJSON(http.StatusBadRequest)
		default:
			_, _ = io.WriteString(w, customerJSON("cus_ok"))
		}
	})), &n
}

// TestSecurityNoSecretLeaks drives the client through success, retry and
// every error path against a server that echoes secrets, with a Debug logger
// (text and JSON), and greps everything printable for them.
func TestSecurityNoSecretLeaks(t *testing.T) {
	t.Parallel()
	ts, hits := echoServer(t)
	defer ts.Close()

	for _, handlerKind := range []string{"text", "json"} {
		var logs bytes.Buffer
		opts := &slog.HandlerOptions{Level: slog.LevelDebug, AddSource: true}
		var h slog.Handler = slog.NewTextHandler(&logs, opts)
		if handlerKind == "json" {
			h = slog.NewJSONHandler(&logs, opts)
		}
		c, err := NewClient(leakKey, WithBaseURL(ts.URL), WithRateLimit(rate.Inf, rate.Inf),
			WithLogger(slog.New(h)), WithHTTPClient(&http.Client{Timeout: 5 * time.Second}))
		require.NoError(t, err)
		c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }

		var printed []string
		var errs []error
		record := func(what string, f func() error) {
			defer func() {
				if p := recover(); p != nil {
					printed = append(printed, fmt.Sprint(p))
					t.Errorf("%s panicked: %v", what, p)
				}
			}()
			if err := f(); err != nil {
				errs = append(errs, err)
			}
		}
		ctx := context.Background()
		record("create with retry", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Source: Ptr(leakToken), Description: Ptr(leakClientSecret)})
			return err
		})
		for _, id := range []string{"cus_ok", "cus_402", "cus_html", "cus_200err", "cus_badjson", "cus_drop", leakClientSecret, leakClientSecret + "\n", leakToken + "\r"} {
			record("get "+id, func() error { _, err := c.Customers.Get(ctx, id, nil); return err })
		}
		record("payment intent by client secret", func() error {
			_, err := c.PaymentIntents.Get(ctx, leakClientSecret, nil)
			return err
		})
		record("list with secrets in the query", func() error {
			_, err := c.Customers.List(ctx, &CustomerListParams{Email: Ptr(leakClientSecret + "," + leakToken)})
			return err
		})
		record("update with secrets in the body", func() error {
			_, err := c.Customers.Update(ctx, "cus_402", &CustomerUpdateParams{Source: Ptr(leakToken), Metadata: Metadata{"cs": leakClientSecret}})
			return err
		})
		record("bad idempotency key", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Params: Params{IdempotencyKey: leakClientSecret + "\n"}})
			return err
		})
		record("bad account", func() error {
			_, err := c.Customers.Get(ctx, "cus_ok", &CustomerGetParams{Params: Params{StripeAccount: leakToken + "\n"}})
			return err
		})
		record("bad metadata key", func() error {
			_, err := c.Customers.Create(ctx, &CustomerCreateParams{Metadata: Metadata{leakClientSecret + "[": "x"}})
			return err
		})

		require.GreaterOrEqual(t, len(errs), 12, "the error paths ran: %v", errs)
		for _, err := range errs {
			printed = append(printed, err.Error(), fmt.Sprintf("%v %+v %#v %s %q", err, err, err, err, err))
			var se *Error
			if errors.As(err, &se) {
				printed = append(printed, fmt.Sprintf("%v %+v %#v", se, *se, *se))
			}
			for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
				printed = append(printed, fmt.Sprintf("%v %+v %#v", u, u, u))
			}
		}
		printed = append(printed,
			fmt.Sprintf("%v %+v %#v %s", c, c, c, c),
			fmt.Sprintf("%v %+v %#v", *c, *c, *c),
			fmt.Sprintf("%v %+v %#v", c.Customers, *c.Customers, c.Customers),
		)
		out := logs.String()
		require.Contains(t, out, "stripe: request")
		require.Contains(t, out, "stripe: retrying")
		if handlerKind == "json" {
			require.Contains(t, out, `"level":"DEBUG"`)
		} else {
			require.Contains(t, out, "level=DEBUG")
		}
		printed = append(printed, out)

		all := strings.Join(printed, "\n")
		for _, s := range leakCanaries() {
			assert.NotContains(t, all, s, "%s handler: secret %q leaked", handlerKind, s)
		}
		if t.Failed() {
			t.Logf("printed:\n%s", all)
		}
	}
	require.Positive(t, hits.Load())
}

// TestSecurityConstructorErrorsHideKeys: options and keys that NewClient
// refuses are not echoed, even when the key sits in the base URL.
func TestSecurityConstructorErrorsHideKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key string
		opt Option
	}{
		{leakKey + " ", nil},
		{"\t" + leakKey, nil},
		{"pk_test_51LeakCanaryKeyXYZ", nil},
		{testKey, WithBaseURL("https://" + leakKey + ":@api.stripe.com")},
		{testKey, WithBaseURL("https://user:" + leakKey + "@api.stripe.com")},
		{testKey, WithBaseURL("https://api.stripe.com/?key=" + leakKey)},
		{testKey, WithBaseURL("https://deploy:hunter2LeakCanaryKeyXYZ@api.stripe.com")},
		{testKey, WithBaseURL("https://api.stripe.com/#" + leakClientSecret)},
		{testKey, WithStripeAccount(leakToken + "\r\n")},
	} {
		_, err := NewClient(tc.key, tc.opt)
		require.Error(t, err, "%q", tc.key)
		s := fmt.Sprintf("%v %+v %#v", err, err, err)
		for _, canary := range leakCanaries() {
			assert.NotContains(t, s, canary)
		}
		assert.NotContains(t, s, "LeakCanaryKeyXYZ")
	}
}

// TestSecurityErrorStringRedactsAnyError: Error() masks secrets and keeps
// one line even for an *Error built by hand (say, in a caller's fake), not
// only for those decoded from a response.
func TestSecurityErrorStringRedactsAnyError(t *testing.T) {
	t.Parallel()
	e := &Error{Type: ErrorTypeCard, Code: ErrorCode(leakToken), Param: leakClientSecret,
		Message: "key " + leakKey + "\nX-Forged: log line", RequestID: "req_1\r\n"}
	msg := e.Error()
	for _, s := range leakCanaries() {
		assert.NotContains(t, msg, s)
	}
	assert.NotContains(t, msg, "\n")
	assert.NotContains(t, msg, "\r")
	assert.Contains(t, msg, "X-Forged: log line", "the rest of the message is kept")
}
