package stripe

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorMapping(t *testing.T) {
	t.Parallel()
	all := []error{ErrCardDeclined, ErrRateLimited, ErrAuthentication, ErrPermission, ErrNotFound, ErrInvalidRequest, ErrIdempotency, ErrAPI}
	tests := []struct {
		name     string
		status   int
		body     string
		wantType ErrorType
		wantCode ErrorCode
		sentinel []error
		message  string
	}{
		{"400 invalid request", 400, `{"error":{"type":"invalid_request_error","code":"parameter_missing","param":"amount","message":"Missing required param: amount."}}`,
			ErrorTypeInvalidRequest, ErrorCodeParameterMissing, []error{ErrInvalidRequest}, "Missing required param: amount."},
		{"401 authentication (no type in body)", 401, `{"error":{"message":"Invalid API Key provided: sk_test_********************1234"}}`,
			ErrorTypeAuthentication, "", []error{ErrAuthentication}, "Invalid API Key provided: sk_test_********************1234"},
		{"402 card declined", 402, fixture(t, "error_card_declined.json"),
			ErrorTypeCard, ErrorCodeCardDeclined, []error{ErrCardDeclined}, "Your card has insufficient funds."},
		{"403 permission", 403, `{"error":{"type":"invalid_request_error","message":"The provided key does not have access"}}`,
			ErrorTypeInvalidRequest, "", []error{ErrPermission, ErrInvalidRequest}, "The provided key does not have access"},
		{"404 not found", 404, `{"error":{"type":"invalid_request_error","code":"resource_missing","param":"id","message":"No such customer: 'cus_x'"}}`,
			ErrorTypeInvalidRequest, ErrorCodeResourceMissing, []error{ErrNotFound, ErrInvalidRequest}, "No such customer: 'cus_x'"},
		{"409 idempotency", 409, `{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters"}}`,
			ErrorTypeIdempotency, "", []error{ErrIdempotency}, "Keys for idempotent requests can only be used with the same parameters"},
		{"429 rate limit", 429, `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}`,
			ErrorTypeInvalidRequest, ErrorCodeRateLimit, []error{ErrRateLimited, ErrInvalidRequest}, "Too many requests"},
		{"429 without body", 429, ``, ErrorTypeRateLimit, "", []error{ErrRateLimited}, "Too Many Requests"},
		{"500 api error", 500, `{"error":{"type":"api_error","message":"Something went wrong"}}`,
			ErrorTypeAPI, "", []error{ErrAPI}, "Something went wrong"},
		{"502 HTML from a proxy", 502, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + strings.Repeat("x", 1000) + "</body></html>",
			ErrorTypeAPI, "", []error{ErrAPI}, ""},
		{"error body without error key", 500, `{"message":"oops"}`, ErrorTypeAPI, "", []error{ErrAPI}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t, WithMaxRetries(0))
			mock(mt, reply{status: tt.status, body: tt.body})
			_, err := c.Customers.Get(context.Background(), "cus_1", nil)

			var se *Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.HTTPStatus)
			assert.Equal(t, tt.wantType, se.Type)
			assert.Equal(t, tt.wantCode, se.Code)
			assert.Equal(t, "req_test_1", se.RequestID)
			if tt.message != "" {
				assert.Equal(t, tt.message, se.Message)
			}
			for _, s := range all {
				want := false
				for _, w := range tt.sentinel {
					want = want || w == s
				}
				assert.Equal(t, want, errors.Is(err, s), "errors.Is(err, %v)", s)
			}
			msg := err.Error()
			assert.NotContains(t, msg, "\n")
			assert.NotContains(t, msg, testKey)
			assert.Contains(t, msg, "req_test_1")
			assert.LessOrEqual(t, len(msg), 400)
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	e := &Error{Type: ErrorTypeCard, Code: ErrorCodeCardDeclined, Message: "Your card was declined", RequestID: "req_abc", HTTPStatus: 402}
	assert.Equal(t, "stripe: 402 card_error (card_declined): Your card was declined [req_abc]", e.Error())
	e.DeclineCode, e.Param = "insufficient_funds", "source"
	assert.Equal(t, "stripe: 402 card_error (card_declined) decline_code=insufficient_funds param=source: Your card was declined [req_abc]", e.Error())
}

func TestErrorHTMLBodyIsTruncated(t *testing.T) {
	t.Parallel()
	e := newError(http.StatusBadGateway, "", []byte("<html>"+strings.Repeat("é", 500)+"</html>"))
	assert.True(t, strings.HasPrefix(e.Message, "unexpected non-JSON error body: <html>"))
	assert.True(t, strings.HasSuffix(e.Message, "..."))
	assert.LessOrEqual(t, len(e.Message), maxQuotedLength+50)
	assert.True(t, strings.ToValidUTF8(e.Message, "") == e.Message, "truncation keeps valid UTF-8")
}

func TestRedactBasicCredential(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"sk_test_51AbC", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "rk_live_Abc123", "sk_live_zz9", "rk_test_0"} {
		cred := base64.StdEncoding.EncodeToString([]byte(key + ":"))
		for _, in := range []string{"Basic " + cred, "auth=" + url.QueryEscape("Basic "+cred) + "&x=1"} {
			out := redact(in)
			assert.NotContains(t, out, cred, in)
			assert.NotContains(t, out, url.QueryEscape(cred)[4:], in)
			assert.Contains(t, out, "[REDACTED]", in)
		}
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"key sk_live_abcDEF123 bad":            "key sk_live_[REDACTED] bad",
		"rk_test_abc":                          "rk_test_[REDACTED]",
		"secret pi_123_secret_xyz here":        "secret pi_123_secret_[REDACTED] here",
		"whsec_abc123":                         "whsec_[REDACTED]",
		"No such customer: 'cus_123'":          "No such customer: 'cus_123'",
		"sk_test_****1234 (Stripe's own mask)": "sk_test_****1234 (Stripe's own mask)",
		"bad key sk_test_123":                  "bad key sk_test_[REDACTED]",
	} {
		assert.Equal(t, want, redact(in), in)
	}
}
