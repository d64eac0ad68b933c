package stripe

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// ErrorType is the category of a Stripe error (the error object's "type").
type ErrorType string

// Error types. The first four come from Stripe's error object; the others are
// set from the HTTP status when the body does not name a type.
const (
	ErrorTypeAPI            ErrorType = "api_error"
	ErrorTypeCard           ErrorType = "card_error"
	ErrorTypeIdempotency    ErrorType = "idempotency_error"
	ErrorTypeInvalidRequest ErrorType = "invalid_request_error"
	ErrorTypeAuthentication ErrorType = "authentication_error"
	ErrorTypePermission     ErrorType = "permission_error"
	ErrorTypeRateLimit      ErrorType = "rate_limit_error"
)

// ErrorCode is Stripe's machine-readable error code (the error object's "code").
// See https://docs.stripe.com/error-codes for the full list.
type ErrorCode string

// Common error codes.
const (
	ErrorCodeAmountTooLarge          ErrorCode = "amount_too_large"
	ErrorCodeAmountTooSmall          ErrorCode = "amount_too_small"
	ErrorCodeBalanceInsufficient     ErrorCode = "balance_insufficient"
	ErrorCodeCardDeclined            ErrorCode = "card_declined"
	ErrorCodeChargeAlreadyCaptured   ErrorCode = "charge_already_captured"
	ErrorCodeChargeAlreadyRefunded   ErrorCode = "charge_already_refunded"
	ErrorCodeExpiredCard             ErrorCode = "expired_card"
	ErrorCodeIdempotencyKeyInUse     ErrorCode = "idempotency_key_in_use"
	ErrorCodeIncorrectCVC            ErrorCode = "incorrect_cvc"
	ErrorCodeIncorrectNumber         ErrorCode = "incorrect_number"
	ErrorCodeInsufficientFunds       ErrorCode = "insufficient_funds"
	ErrorCodeInvalidCVC              ErrorCode = "invalid_cvc"
	ErrorCodeInvalidExpiryMonth      ErrorCode = "invalid_expiry_month"
	ErrorCodeInvalidExpiryYear       ErrorCode = "invalid_expiry_year"
	ErrorCodeInvoiceNoCustomerLine   ErrorCode = "invoice_no_customer_line_items"
	ErrorCodeLockTimeout             ErrorCode = "lock_timeout"
	ErrorCodeMissing                 ErrorCode = "missing"
	ErrorCodeParameterInvalidEmpty   ErrorCode = "parameter_invalid_empty"
	ErrorCodeParameterInvalidInteger ErrorCode = "parameter_invalid_integer"
	ErrorCodeParameterMissing        ErrorCode = "parameter_missing"
	ErrorCodeParameterUnknown        ErrorCode = "parameter_unknown"
	ErrorCodeProcessingError         ErrorCode = "processing_error"
	ErrorCodeRateLimit               ErrorCode = "rate_limit"
	ErrorCodeResourceMissing         ErrorCode = "resource_missing"
)

// Sentinels for errors.Is. A *Error matches the sentinel of its kind:
//
//	if errors.Is(err, stripe.ErrCardDeclined) { ... }
var (
	ErrCardDeclined   = errors.New("stripe: card declined")
	ErrRateLimited    = errors.New("stripe: rate limited")
	ErrAuthentication = errors.New("stripe: authentication failed")
	ErrPermission     = errors.New("stripe: permission denied")
	ErrNotFound       = errors.New("stripe: resource not found")
	ErrInvalidRequest = errors.New("stripe: invalid request")
	ErrIdempotency    = errors.New("stripe: idempotency error")
	ErrAPI            = errors.New("stripe: api error")
)

// Error is Stripe's error object. A non-2xx response is returned as one,
// with the HTTP status and the request ID Stripe support asks for; the same
// type is the error objects inside other objects, such as a PaymentIntent's
// LastPaymentError and an Invoice's LastFinalizationError.
//
// Its text fields are redacted when it is built from a response (an API key
// or client secret a server echoes becomes [REDACTED]); the objects it
// carries (PaymentIntent, PaymentMethod, ...) are decoded as usual.
type Error struct {
	Type        ErrorType `json:"type"`
	Code        ErrorCode `json:"code,omitempty"`
	DeclineCode string    `json:"decline_code,omitempty"`
	Param       string    `json:"param,omitempty"`
	Message     string    `json:"message,omitempty"`
	DocURL      string    `json:"doc_url,omitempty"`
	// Charge is the ID of the failed charge, for some card errors.
	Charge string `json:"charge,omitempty"`
	// AdviceCode tells whether and when a declined payment may be retried.
	AdviceCode string `json:"advice_code,omitempty"`
	// NetworkAdviceCode and NetworkDeclineCode are the card network's
	// own codes for a decline, when it sent them.
	NetworkAdviceCode  string `json:"network_advice_code,omitempty"`
	NetworkDeclineCode string `json:"network_decline_code,omitempty"`
	// RequestLogURL links to this request's log in the Stripe Dashboard.
	RequestLogURL string `json:"request_log_url,omitempty"`
	// PaymentIntent is the PaymentIntent the error is about, as it is after
	// the failure: a declined Confirm hands back the updated intent here.
	PaymentIntent *PaymentIntent `json:"payment_intent,omitempty"`
	// PaymentMethod is the payment method the error is about.
	PaymentMethod *PaymentMethod `json:"payment_method,omitempty"`
	// PaymentMethodType is the type of PaymentMethod, such as "card".
	PaymentMethodType string `json:"payment_method_type,omitempty"`
	// SetupIntent is the SetupIntent the error is about, as it is after
	// the failure.
	SetupIntent *SetupIntent `json:"setup_intent,omitempty"`
	// Source is the payment source (card, bank account, source) the error
	// is about: its ID and object type.
	Source *ObjectRef `json:"source,omitempty"`

	HTTPStatus int    `json:"-"`
	RequestID  string `json:"-"`
}

// Error returns one line: stripe: 402 card_error (card_declined): Your card was declined [req_abc].
// Control characters and line breaks become spaces, and keys and client
// secrets are masked, whatever the fields hold.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "stripe: %d %s", e.HTTPStatus, e.Type)
	if e.Code != "" {
		fmt.Fprintf(&b, " (%s)", e.Code)
	}
	if e.DeclineCode != "" && e.DeclineCode != string(e.Code) {
		fmt.Fprintf(&b, " decline_code=%s", e.DeclineCode)
	}
	if e.Param != "" {
		fmt.Fprintf(&b, " param=%s", e.Param)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [%s]", e.RequestID)
	}
	return redact(oneLine(b.String()))
}

// oneLine replaces control characters and Unicode line and paragraph
// separators with spaces, so text from a server cannot forge log lines.
func oneLine(s string) string {
	isBreak := func(r rune) bool {
		return r < ' ' || (r >= 0x7f && r < 0xa0) || r == '\u2028' || r == '\u2029'
	}
	if strings.IndexFunc(s, isBreak) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBreak(r) {
			return ' '
		}
		return r
	}, s)
}

// Is reports whether target is the sentinel for this error's kind.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrCardDeclined:
		return e.Type == ErrorTypeCard
	case ErrRateLimited:
		return e.HTTPStatus == http.StatusTooManyRequests || e.Type == ErrorTypeRateLimit || e.Code == ErrorCodeRateLimit
	case ErrAuthentication:
		return e.HTTPStatus == http.StatusUnauthorized || e.Type == ErrorTypeAuthentication
	case ErrPermission:
		return e.HTTPStatus == http.StatusForbidden || e.Type == ErrorTypePermission
	case ErrNotFound:
		return e.HTTPStatus == http.StatusNotFound || e.Code == ErrorCodeResourceMissing
	case ErrInvalidRequest:
		return e.Type == ErrorTypeInvalidRequest
	case ErrIdempotency:
		return e.Type == ErrorTypeIdempotency
	case ErrAPI:
		return e.Type == ErrorTypeAPI
	}
	return false
}

// maxErrorBody bounds how much of an error body is read and quoted.
const (
	maxErrorBody    = 64 << 10
	maxQuotedLength = 200
)

// newError builds the *Error for a non-2xx response from its body.
func newError(status int, requestID string, body []byte) *Error {
	var envelope struct {
		Error *Error `json:"error"`
	}
	e := &Error{}
	if json.Unmarshal(body, &envelope) == nil && envelope.Error != nil {
		e = envelope.Error
	} else {
		e.Message = quoteBody(status, body)
	}
	e.HTTPStatus = status
	e.RequestID = requestID
	if e.Type == "" {
		e.Type = typeForStatus(status)
	}
	for _, f := range []*string{&e.Message, &e.Param, &e.DeclineCode, &e.DocURL, &e.Charge, &e.AdviceCode,
		&e.NetworkAdviceCode, &e.NetworkDeclineCode, &e.RequestLogURL, &e.PaymentMethodType, &e.RequestID} {
		*f = redact(*f)
	}
	e.Type, e.Code = ErrorType(redact(string(e.Type))), ErrorCode(redact(string(e.Code)))
	return e
}

func typeForStatus(status int) ErrorType {
	switch {
	case status < 300:
		// A 2xx whose body is an error object: the API failed to say more.
		return ErrorTypeAPI
	case status == http.StatusUnauthorized:
		return ErrorTypeAuthentication
	case status == http.StatusForbidden:
		return ErrorTypePermission
	case status == http.StatusTooManyRequests:
		return ErrorTypeRateLimit
	case status >= 500:
		return ErrorTypeAPI
	default:
		return ErrorTypeInvalidRequest
	}
}

// quoteBody turns a body that is not Stripe's error JSON (an HTML page from a
// proxy, say) into a short one-line message.
func quoteBody(status int, body []byte) string {
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "?")), " ")
	if s == "" {
		return http.StatusText(status)
	}
	if len(s) > maxQuotedLength {
		cut := maxQuotedLength
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return "unexpected non-JSON error body: " + s
}

// Secrets that a server or proxy might echo back. For the first two kinds
// the prefix is kept and the alphanumeric run after it masked; a base64
// Basic credential of a secret or restricted key is masked whole. No word
// boundary is required: an echoed form body puts them right after "%3D".
var (
	keyPrefixes = []string{"sk_test_", "sk_live_", "rk_test_", "rk_live_", "pk_test_", "pk_live_", "whsec_", "tok_", "_secret_"}
	// base64 of "sk_test_", "sk_live_", "rk_test_", "rk_live_", cut to the
	// 10 characters that do not depend on the key's next byte.
	base64Prefixes = []string{"c2tfdGVzdF", "c2tfbGl2ZV", "cmtfdGVzdF", "cmtfbGl2ZV"}
)

const redacted = "[REDACTED]"

// redact masks API keys, webhook secrets, client secrets, card tokens and
// Authorization credentials in s.
func redact(s string) string {
	var b strings.Builder
	last := 0 // s[last:i] is still to be copied
	for i := 0; i < len(s); {
		if p := prefixAt(s, i, keyPrefixes); p != "" {
			end := i + len(p)
			n := runLen(s, end, isAlnum)
			if n > 0 {
				b.WriteString(s[last:end])
				b.WriteString(redacted)
				i = end + n
				last = i
				continue
			}
		}
		if p := prefixAt(s, i, base64Prefixes); p != "" {
			end := i + len(p)
			end = base64RunEnd(s, end)
			b.WriteString(s[last:i])
			b.WriteString(redacted)
			i = end
			last = i
			continue
		}
		i++
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// base64RunEnd returns where the base64 text starting at i ends, counting
// its URL-encoded form (%2B, %2F, %3D) as well.
func base64RunEnd(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case isAlnum(c) || c == '+' || c == '/' || c == '=':
			i++
		case c == '%' && i+3 <= len(s) && (strings.EqualFold(s[i:i+3], "%2B") || strings.EqualFold(s[i:i+3], "%2F") || strings.EqualFold(s[i:i+3], "%3D")):
			i += 3
		default:
			return i
		}
	}
	return i
}

// prefixAt returns the first of prefixes that s has at i, or "".
func prefixAt(s string, i int, prefixes []string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(s[i:], p) {
			return p
		}
	}
	return ""
}

// runLen is the length of the run of bytes in s from i that ok accepts.
func runLen(s string, i int, ok func(byte) bool) int {
	n := 0
	for i+n < len(s) && ok(s[i+n]) {
		n++
	}
	return n
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
