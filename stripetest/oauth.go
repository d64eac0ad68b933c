package stripetest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Connect OAuth for tests (connect.stripe.com's /oauth/token and
// /oauth/deauthorize, served by the same server: point the oauth package
// at it with oauth.WithBaseURL(srv.URL)). OAuthAuthorize stands in for
// the user approving the authorize page: it turns an authorize URL into
// the redirect back to the platform, with a single-use code. Exchanging
// the code creates a new connected account (stripe_user_id); use the
// platform key with its Stripe-Account header, as Stripe recommends (the
// access_token is returned but the server does not tell keys apart).
// Deauthorizing removes the account. Errors have OAuth's shape:
// {"error": "invalid_grant", "error_description": "..."}.

// oauthCode is an authorization code OAuthAuthorize issued, exchanged
// once for a new connected account. OAuth state is internal: no API
// response shows these records.
type oauthCode struct {
	meta
	ClientID string `json:"client_id"`
	Scope    string `json:"scope"`
}

// oauthRefreshToken is a refresh token for a connected account's keys.
type oauthRefreshToken struct {
	meta
	Account  string `json:"account"`
	ClientID string `json:"client_id"`
	Scope    string `json:"scope"`
}

// oauthConnection is a platform's connection to an account made through
// OAuth (ID "oauthconn_" + the account), which deauthorize ends.
type oauthConnection struct {
	meta
	ClientID string `json:"client_id"`
}

func oauthError(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, typ: "invalid_request_error", code: code, message: fmt.Sprintf(format, args...), oauth: true}
}

// registerOAuth adds the OAuth routes. They are not in the API spec, so
// they are appended directly (not with s.handle, whose routes go
// generate looks up in the spec) and check their own params.
func (s *Server) registerOAuth() {
	for _, rt := range []struct {
		path string
		fn   handlerFunc
	}{{"/oauth/token", s.oauthToken}, {"/oauth/deauthorize", s.oauthDeauthorize}} {
		s.routes = append(s.routes, &route{method: "POST", pattern: strings.Split(strings.Trim(rt.path, "/"), "/"), fn: rt.fn})
	}
}

// oauthParams fails on params outside allowed, in OAuth's error shape.
func oauthParams(f *form, allowed ...string) error {
	for k := range f.m {
		if !contains(allowed, k) {
			return oauthError(http.StatusBadRequest, "invalid_request", "Received unknown parameter: %s", k)
		}
	}
	return nil
}

// OAuthAuthorize answers an authorize URL (from oauth.Client.AuthorizeURL)
// as if the user connected a new account: it returns the redirect URI
// with code, scope and state added. The URL must carry response_type=code,
// a client_id (ca_...), a state and a redirect_uri.
func (s *Server) OAuthAuthorize(authorizeURL string) (string, error) {
	u, err := url.Parse(authorizeURL)
	if err != nil {
		return "", fmt.Errorf("stripetest: authorize URL: %w", err)
	}
	if u.Path != "/oauth/authorize" && u.Path != "/express/oauth/authorize" {
		return "", fmt.Errorf("stripetest: %q is not an authorize URL (/oauth/authorize)", u.Path)
	}
	q := u.Query()
	if q.Get("response_type") != "code" {
		return "", fmt.Errorf("stripetest: authorize URL needs response_type=code")
	}
	clientID := q.Get("client_id")
	if !strings.HasPrefix(clientID, "ca_") {
		return "", fmt.Errorf("stripetest: authorize URL needs a client_id (ca_...), got %q", clientID)
	}
	if q.Get("state") == "" {
		return "", fmt.Errorf("stripetest: authorize URL has no state")
	}
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Scheme == "" || redirect.Host == "" {
		return "", fmt.Errorf("stripetest: authorize URL needs an absolute redirect_uri (stripetest has no registered default)")
	}
	scope := q.Get("scope")
	switch scope {
	case "":
		scope = "read_write"
	case "read_write", "read_only":
	default:
		return "", fmt.Errorf("stripetest: unknown scope %q", scope)
	}
	s.mu.Lock()
	code := "ac_" + randomID(32)
	s.insert(&oauthCode{meta: meta{ID: code, Object: "oauth_code"}, ClientID: clientID, Scope: scope}) // s.st is the platform's between requests
	s.mu.Unlock()
	rq := redirect.Query()
	rq.Set("code", code)
	rq.Set("scope", scope)
	rq.Set("state", q.Get("state"))
	redirect.RawQuery = rq.Encode()
	return redirect.String(), nil
}

func (s *Server) oauthToken(r *request) (any, error) {
	f := r.form
	if r.account != "" {
		return nil, oauthError(http.StatusBadRequest, "invalid_request", "OAuth requests are the platform's: send no Stripe-Account header")
	}
	if err := oauthParams(f, "grant_type", "code", "refresh_token", "scope", "client_secret", "assert_capabilities", "expand"); err != nil {
		return nil, err
	}
	grant, _ := f.str("grant_type")
	var account, scope, clientID string
	switch grant {
	case "authorization_code":
		code, _ := f.str("code")
		if code == "" {
			return nil, oauthError(http.StatusBadRequest, "invalid_request", "No code provided")
		}
		rec, ok := lookupAs[*oauthCode](s.st, code)
		if !ok {
			return nil, oauthError(http.StatusBadRequest, "invalid_grant", "Authorization code does not exist: %s", code)
		}
		s.remove(rec) // single use
		account, scope, clientID = s.newAccountID(), rec.Scope, rec.ClientID
		s.addAccountLocked(account)
	case "refresh_token":
		rt, _ := f.str("refresh_token")
		rec, ok := lookupAs[*oauthRefreshToken](s.st, rt)
		if !ok {
			return nil, oauthError(http.StatusBadRequest, "invalid_grant", "Refresh token does not exist: %s", rt)
		}
		account, scope, clientID = rec.Account, rec.Scope, rec.ClientID
		if _, ok := s.accounts[account]; !ok {
			return nil, oauthError(http.StatusBadRequest, "invalid_grant", "Refresh token has been revoked: %s", rt)
		}
		if v, ok := f.str("scope"); ok && v != "" {
			if v != "read_only" && v != "read_write" {
				return nil, oauthError(http.StatusBadRequest, "invalid_scope", "Invalid scope: %s", v)
			}
			scope = v
		}
	case "":
		return nil, oauthError(http.StatusBadRequest, "invalid_request", "No grant type specified")
	default:
		return nil, oauthError(http.StatusBadRequest, "unsupported_grant_type", "Unsupported grant type: %s", grant)
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	refresh, _ := f.str("refresh_token")
	if grant == "authorization_code" {
		refresh = "rt_" + randomID(32)
		s.insert(&oauthRefreshToken{meta: meta{ID: refresh, Object: "oauth_refresh_token"}, Account: account, Scope: scope, ClientID: clientID})
		s.insert(&oauthConnection{meta: meta{ID: "oauthconn_" + account, Object: "oauth_connection"}, ClientID: clientID})
	}
	return obj{
		"access_token": "sk_test_" + randomID(24), "livemode": false, "refresh_token": refresh, "scope": scope,
		"stripe_publishable_key": "pk_test_" + randomID(24), "stripe_user_id": account, "token_type": "bearer",
	}, nil
}

func (s *Server) oauthDeauthorize(r *request) (any, error) {
	if err := oauthParams(r.form, "client_id", "stripe_user_id"); err != nil {
		return nil, err
	}
	if r.account != "" {
		return nil, oauthError(http.StatusBadRequest, "invalid_request", "OAuth requests are the platform's: send no Stripe-Account header")
	}
	clientID, _ := r.form.str("client_id")
	account, _ := r.form.str("stripe_user_id")
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	if clientID == "" || account == "" {
		return nil, oauthError(http.StatusBadRequest, "invalid_request", "client_id and stripe_user_id are required")
	}
	conn, ok := lookupAs[*oauthConnection](s.st, "oauthconn_"+account)
	if _, exists := s.accounts[account]; !ok || !exists || conn.ClientID != clientID {
		return nil, oauthError(http.StatusUnauthorized, "invalid_client",
			"This application is not connected to stripe account %s, or that account does not exist.", account)
	}
	s.remove(conn)
	for _, rt := range allOf[*oauthRefreshToken](s.st, "oauth_refresh_token") {
		if rt.Account == account {
			s.remove(rt)
		}
	}
	s.removeAccountLocked(account)
	return obj{"stripe_user_id": account}, nil
}
