package oauth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	testClientID = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb"
	testKey      = "sk_test_123"
)

// fakeStripe is an httptest server that records requests and answers
// with status and body.
type fakeStripe struct {
	mu     sync.Mutex
	reqs   []*recordedReq
	status int
	body   string
	header http.Header
}

type recordedReq struct {
	method, path string
	form         url.Values
	header       http.Header
	user, pass   string
	hasAuth      bool
}

func newFake(t *testing.T, status int, body string) (*fakeStripe, *Client) {
	t.Helper()
	f := &fakeStripe{status: status, body: body}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(b))
		user, pass, ok := r.BasicAuth()
		f.mu.Lock()
		f.reqs = append(f.reqs, &recordedReq{method: r.Method, path: r.URL.Path, form: form, header: r.Header.Clone(), user: user, pass: pass, hasAuth: ok})
		for k, v := range f.header {
			w.Header()[k] = v
		}
		f.mu.Unlock()
		w.Header().Set("Request-Id", "req_oauth_1")
		w.WriteHeader(f.status)
		_, _ = io.WriteString(w, f.body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(testClientID, testKey, WithBaseURL(srv.URL+"/"), WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	return f, c
}

func (f *fakeStripe) requests() []*recordedReq {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*recordedReq(nil), f.reqs...)
}

const tokenJSON = `{
  "access_token": "sk_test_AccessTokenFAKE0123456789",
  "livemode": false,
  "refresh_token": "rt_RefreshTokenFAKE0123456789",
  "token_type": "bearer",
  "stripe_publishable_key": "pk_test_fake",
  "stripe_user_id": "acct_1032D82eZvKYlo2C",
  "scope": "read_write"
}`

func TestAuthorizeURL(t *testing.T) {
	t.Parallel()
	c, err := NewClient(testClientID, testKey)
	require.NoError(t, err)
	u, err := c.AuthorizeURL(AuthorizeParams{
		State:                 "st_9f86d081884c7d65",
		Scope:                 ScopeReadWrite,
		RedirectURI:           "https://platform.example.com/connect/callback",
		StripeLanding:         "register",
		AlwaysPrompt:          true,
		SuggestedCapabilities: []string{"transfers", "card_payments"},
		StripeUser: &StripeUser{Email: "jenny@example.com", Country: "US", BusinessType: "company", URL: "https://example.com",
			DOBDay: 2, DOBMonth: 3, DOBYear: 1990, PhysicalProduct: new(bool), FirstName: "Jenny & Co"},
	})
	require.NoError(t, err)
	p, err := url.Parse(u)
	require.NoError(t, err)
	require.Equal(t, "https", p.Scheme)
	require.Equal(t, "connect.stripe.com", p.Host)
	require.Equal(t, "/oauth/authorize", p.Path)
	require.Equal(t, url.Values{
		"response_type":                 {"code"},
		"client_id":                     {testClientID},
		"state":                         {"st_9f86d081884c7d65"},
		"scope":                         {"read_write"},
		"redirect_uri":                  {"https://platform.example.com/connect/callback"},
		"stripe_landing":                {"register"},
		"always_prompt":                 {"true"},
		"suggested_capabilities[]":      {"transfers", "card_payments"},
		"stripe_user[email]":            {"jenny@example.com"},
		"stripe_user[country]":          {"US"},
		"stripe_user[business_type]":    {"company"},
		"stripe_user[url]":              {"https://example.com"},
		"stripe_user[dob_day]":          {"2"},
		"stripe_user[dob_month]":        {"3"},
		"stripe_user[dob_year]":         {"1990"},
		"stripe_user[physical_product]": {"false"},
		"stripe_user[first_name]":       {"Jenny & Co"},
	}, p.Query())
	require.NotContains(t, u, testKey)

	express, err := c.AuthorizeURL(AuthorizeParams{State: "s1", Express: true})
	require.NoError(t, err)
	require.Equal(t, "https://connect.stripe.com/express/oauth/authorize?client_id="+testClientID+"&response_type=code&state=s1", express)

	_, local := newFake(t, 200, "{}")
	lu, err := local.AuthorizeURL(AuthorizeParams{State: "s", Scope: ScopeReadOnly})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(lu, "http://127.0.0.1:"), lu)
	require.Contains(t, lu, "/oauth/authorize?")
	require.Contains(t, lu, "scope=read_only")
}

func TestAuthorizeURLRequiresState(t *testing.T) {
	t.Parallel()
	c, err := NewClient(testClientID, testKey)
	require.NoError(t, err)
	for _, st := range []string{"", "   ", "\t"} {
		u, err := c.AuthorizeURL(AuthorizeParams{State: st, Scope: ScopeReadWrite})
		require.ErrorIs(t, err, ErrStateRequired)
		require.Empty(t, u)
	}
	_, err = c.AuthorizeURL(AuthorizeParams{State: "s", Scope: "admin"})
	require.ErrorContains(t, err, "unknown scope")
}

func TestExchange(t *testing.T) {
	t.Parallel()
	f, c := newFake(t, 200, tokenJSON)
	tok, err := c.Exchange(context.Background(), "ac_AuthCodeFAKE123")
	require.NoError(t, err)

	reqs := f.requests()
	require.Len(t, reqs, 1)
	r := reqs[0]
	require.Equal(t, "POST", r.method)
	require.Equal(t, "/oauth/token", r.path)
	require.True(t, r.hasAuth)
	require.Equal(t, testKey, r.user)
	require.Empty(t, r.pass)
	require.Equal(t, "application/x-www-form-urlencoded", r.header.Get("Content-Type"))
	require.Equal(t, url.Values{"grant_type": {"authorization_code"}, "code": {"ac_AuthCodeFAKE123"}}, r.form)

	require.Equal(t, "acct_1032D82eZvKYlo2C", tok.StripeUserID)
	require.Equal(t, "sk_test_AccessTokenFAKE0123456789", tok.AccessToken.Reveal())
	require.Equal(t, "rt_RefreshTokenFAKE0123456789", tok.RefreshToken.Reveal())
	require.Equal(t, ScopeReadWrite, tok.Scope)
	require.Equal(t, "bearer", tok.TokenType)
	require.Equal(t, "pk_test_fake", tok.StripePublishableKey)
	require.False(t, tok.Livemode)

	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("connected", "token", tok)
	js, err := json.Marshal(tok)
	require.NoError(t, err)
	for _, out := range []string{fmt.Sprintf("%v", tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok), fmt.Sprintf("%+v", *tok),
		fmt.Sprintf("%s %q", tok.AccessToken, tok.RefreshToken), string(js), logs.String()} {
		require.NotContains(t, out, "AccessTokenFAKE")
		require.NotContains(t, out, "RefreshTokenFAKE")
	}
	var back Token
	require.NoError(t, json.Unmarshal(js, &back))
	require.Empty(t, back.AccessToken.Reveal())
	require.Equal(t, tok.StripeUserID, back.StripeUserID)
}

func TestRefreshAndDeauthorize(t *testing.T) {
	t.Parallel()
	f, c := newFake(t, 200, tokenJSON)
	tok, err := c.Refresh(context.Background(), "rt_RefreshTokenFAKE0123456789", ScopeReadOnly)
	require.NoError(t, err)
	require.Equal(t, "acct_1032D82eZvKYlo2C", tok.StripeUserID)
	_, err = c.Refresh(context.Background(), "rt_2", "")
	require.NoError(t, err)

	f.mu.Lock()
	f.body = `{"stripe_user_id": "acct_1032D82eZvKYlo2C"}`
	f.mu.Unlock()
	d, err := c.Deauthorize(context.Background(), "acct_1032D82eZvKYlo2C")
	require.NoError(t, err)
	require.Equal(t, "acct_1032D82eZvKYlo2C", d.StripeUserID)

	reqs := f.requests()
	require.Len(t, reqs, 3)
	require.Equal(t, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"rt_RefreshTokenFAKE0123456789"}, "scope": {"read_only"}}, reqs[0].form)
	require.Equal(t, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"rt_2"}}, reqs[1].form)
	require.Equal(t, "/oauth/deauthorize", reqs[2].path)
	require.Equal(t, "POST", reqs[2].method)
	require.Equal(t, testKey, reqs[2].user)
	require.Equal(t, url.Values{"client_id": {testClientID}, "stripe_user_id": {"acct_1032D82eZvKYlo2C"}}, reqs[2].form)
}

func TestOAuthErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		status   int
		body     string
		sentinel error
		code     string
		want     string
	}{
		{400, `{"error":"invalid_grant","error_description":"Authorization code does not exist: ac_AuthCodeFAKE123"}`, ErrInvalidGrant, "invalid_grant",
			"oauth: 400 invalid_grant: Authorization code does not exist: [REDACTED] [req_oauth_1]"},
		{401, `{"error":"invalid_client","error_description":"Invalid API Key provided: sk_test_123"}`, ErrInvalidClient, "invalid_client",
			"oauth: 401 invalid_client: Invalid API Key provided: [REDACTED] [req_oauth_1]"},
		{400, `{"error":"invalid_request","error_description":"No such refresh token: rt_live_abcdef"}`, ErrInvalidRequest, "invalid_request",
			"oauth: 400 invalid_request: No such refresh token: rt_live_[REDACTED] [req_oauth_1]"},
		{400, `{"error":"unsupported_grant_type"}`, ErrUnsupportedGrantType, "unsupported_grant_type", "oauth: 400 unsupported_grant_type [req_oauth_1]"},
		{400, `{"error":"invalid_scope","error_description":"bad\nscope"}`, ErrInvalidScope, "invalid_scope", "oauth: 400 invalid_scope: bad scope [req_oauth_1]"},
		{502, "<html><body>Bad gateway " + strings.Repeat("x", 500) + "</body></html>", nil, "", ""},
	}
	for _, tc := range cases {
		_, c := newFake(t, tc.status, tc.body)
		_, err := c.Exchange(context.Background(), "ac_AuthCodeFAKE123")
		require.Error(t, err)
		var oe *Error
		require.True(t, errors.As(err, &oe), "%v", err)
		require.Equal(t, tc.status, oe.StatusCode)
		require.Equal(t, tc.code, oe.Code)
		require.Equal(t, "req_oauth_1", oe.RequestID)
		if tc.sentinel != nil {
			require.ErrorIs(t, err, tc.sentinel)
			require.Equal(t, tc.want, err.Error())
		} else {
			require.Contains(t, err.Error(), "oauth: 502: <html>")
			require.Less(t, len(err.Error()), 300)
		}
		for _, s := range []error{ErrInvalidGrant, ErrInvalidClient, ErrAccessDenied} {
			if s != tc.sentinel {
				require.False(t, errors.Is(err, s))
			}
		}
		for _, out := range []string{err.Error(), fmt.Sprintf("%v %+v %#v", err, err, err)} {
			require.NotContains(t, out, "AuthCodeFAKE123")
			require.NotContains(t, out, testKey)
		}
	}
}

func TestBadInputFailsBeforeIO(t *testing.T) {
	t.Parallel()
	f, c := newFake(t, 200, tokenJSON)
	ctx := context.Background()
	_, err := c.Exchange(ctx, "")
	require.Error(t, err)
	_, err = c.Exchange(ctx, "ac_1 extra")
	require.Error(t, err)
	_, err = c.Refresh(ctx, "", ScopeReadWrite)
	require.Error(t, err)
	_, err = c.Deauthorize(ctx, "")
	require.Error(t, err)
	_, err = c.Deauthorize(ctx, "acct_1\r\nX-Evil: 1")
	require.Error(t, err)
	var nilCtx context.Context
	_, err = c.Exchange(nilCtx, "ac_1")
	require.Error(t, err)
	require.Empty(t, f.requests())

	for _, bad := range [][2]string{{"", testKey}, {testClientID, ""}, {"ca 1", testKey}} {
		_, err := NewClient(bad[0], bad[1])
		require.Error(t, err)
	}
	_, err = NewClient(testClientID, "sk_test_has space")
	require.Error(t, err)
	require.NotContains(t, err.Error(), "has space")
	for _, u := range []string{"connect.stripe.com", "ftp://x", "http://", "http://h/?q=1", "://"} {
		_, err := NewClient(testClientID, testKey, WithBaseURL(u))
		require.Error(t, err, u)
	}
	_, err = NewClient(testClientID, testKey, WithHTTPClient(nil))
	require.Error(t, err)
}

func TestClientDoesNotPrintKey(t *testing.T) {
	t.Parallel()
	c, err := NewClient(testClientID, testKey)
	require.NoError(t, err)
	for _, out := range []string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c)} {
		require.NotContains(t, out, testKey)
		require.Contains(t, out, testClientID)
	}
}

func TestContextAndTransportErrors(t *testing.T) {
	t.Parallel()
	_, c := newFake(t, 200, tokenJSON)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Exchange(ctx, "ac_1")
	require.ErrorIs(t, err, context.Canceled)

	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close()
	dead, err := NewClient(testClientID, testKey, WithBaseURL(base))
	require.NoError(t, err)
	_, err = dead.Exchange(context.Background(), "ac_AuthCodeFAKE123")
	require.Error(t, err)
	require.NotContains(t, err.Error(), testKey)
	require.NotContains(t, err.Error(), "AuthCodeFAKE123")
	var oe *Error
	require.False(t, errors.As(err, &oe))

	_, bad := newFake(t, 200, "not json")
	_, err = bad.Exchange(context.Background(), "ac_1")
	require.ErrorContains(t, err, "decoding")
}

func TestParseRedirectError(t *testing.T) {
	t.Parallel()
	require.NoError(t, ParseRedirectError(url.Values{"code": {"ac_1"}, "state": {"s"}}))
	err := ParseRedirectError(url.Values{"error": {"access_denied"}, "error_description": {"The user denied your request"}})
	require.ErrorIs(t, err, ErrAccessDenied)
	require.Equal(t, "oauth: 0 access_denied: The user denied your request", err.Error())
}

func TestScrub(t *testing.T) {
	t.Parallel()
	require.Equal(t, "key sk_live_[REDACTED], code ac_[REDACTED] and mac_address stays",
		scrub("key sk_live_abc123, code ac_XyZ and mac_address stays", nil))
	require.Equal(t, "x [REDACTED] y", scrub("x topsecretvalue y", []string{"topsecretvalue"}))
	require.Equal(t, "sk_ alone", scrub("sk_ alone", nil))
}
