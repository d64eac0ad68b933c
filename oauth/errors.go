package oauth

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is an OAuth error answer from Stripe:
// {"error": "invalid_grant", "error_description": "..."}. It matches the
// sentinel of its code with errors.Is:
//
//	if errors.Is(err, oauth.ErrInvalidGrant) { // the code was used or expired
type Error struct {
	// Code is Stripe's error code, such as "invalid_grant".
	Code string `json:"error"`
	// Description is the human-readable explanation, with any token in it
	// redacted.
	Description string `json:"error_description"`
	// StatusCode is the HTTP status.
	StatusCode int `json:"-"`
	// RequestID is the Request-Id header, if any.
	RequestID string `json:"-"`
}

// Error is one line: oauth: 400 invalid_grant: description [req_...].
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("oauth: ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Description != "" {
		b.WriteString(": " + e.Description)
	}
	if e.RequestID != "" {
		b.WriteString(" [" + e.RequestID + "]")
	}
	return b.String()
}

// Is matches the sentinel with the same code.
func (e *Error) Is(target error) bool {
	s, ok := target.(*sentinel)
	return ok && s.code == e.Code
}

// sentinel is an error code to compare with errors.Is.
type sentinel struct{ code string }

// Error names the code.
func (s *sentinel) Error() string { return "oauth: " + s.code }

// Sentinels for Stripe's OAuth error codes.
var (
	// ErrInvalidGrant: the authorization code or refresh token does not
	// exist, was used already, expired, or belongs to another platform.
	ErrInvalidGrant = &sentinel{"invalid_grant"}
	// ErrInvalidClient: the client ID or secret key is wrong, or the
	// account is not connected to the platform.
	ErrInvalidClient = &sentinel{"invalid_client"}
	// ErrInvalidRequest: a parameter is missing or malformed.
	ErrInvalidRequest = &sentinel{"invalid_request"}
	// ErrInvalidScope: the scope is not one Stripe knows.
	ErrInvalidScope = &sentinel{"invalid_scope"}
	// ErrUnsupportedGrantType: grant_type is not authorization_code or
	// refresh_token.
	ErrUnsupportedGrantType = &sentinel{"unsupported_grant_type"}
	// ErrUnsupportedResponseType: response_type is not code.
	ErrUnsupportedResponseType = &sentinel{"unsupported_response_type"}
	// ErrAccessDenied: the user denied the request (the error query
	// parameter of the redirect; see ParseRedirectError).
	ErrAccessDenied = &sentinel{"access_denied"}
)

// newError builds the *Error of a non-2xx answer. A body that is not
// OAuth's JSON shape (an HTML page from a proxy) becomes a truncated
// description, never a decode error.
func newError(resp *http.Response, body []byte, secrets []string) *Error {
	e := &Error{StatusCode: resp.StatusCode, RequestID: resp.Header.Get("Request-Id")}
	if err := json.Unmarshal(body, e); err != nil || e.Code == "" {
		e.Code = ""
		e.Description = truncate(strings.TrimSpace(string(body)), 200)
		if e.Description == "" {
			e.Description = http.StatusText(resp.StatusCode)
		}
	}
	e.Code = truncate(scrub(e.Code, secrets), 100)
	e.Description = scrub(oneLine(e.Description), secrets)
	e.RequestID = truncate(oneLine(e.RequestID), 100)
	return e
}

// ParseRedirectError returns the *Error in the query of the redirect to
// your redirect URI when the user denied access or the request was bad
// (error and error_description parameters), or nil if there is none.
func ParseRedirectError(query map[string][]string) error {
	get := func(k string) string {
		if v := query[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	code := get("error")
	if code == "" {
		return nil
	}
	return &Error{Code: truncate(oneLine(code), 100), Description: scrub(oneLine(truncate(get("error_description"), 500)), nil)}
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// String is for fmt.
func (e *Error) String() string { return e.Error() }

// GoString is for %#v.
func (e *Error) GoString() string { return fmt.Sprintf("&oauth.Error{%s}", e.Error()) }
