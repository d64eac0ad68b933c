package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Token is what Stripe returns for an authorization code or a refresh
// token: the connected account and credentials for it.
type Token struct {
	// StripeUserID is the connected account (acct_...). Use it as the
	// Stripe-Account header with your platform key.
	StripeUserID string `json:"stripe_user_id"`
	// AccessToken is a secret key for the connected account; prefer the
	// platform key with Stripe-Account. Redacted when printed or encoded.
	AccessToken Secret `json:"access_token"`
	// RefreshToken gets a new AccessToken with Refresh. Redacted when
	// printed or encoded.
	RefreshToken         Secret `json:"refresh_token"`
	Scope                Scope  `json:"scope"`
	Livemode             bool   `json:"livemode"`
	TokenType            string `json:"token_type"`
	StripePublishableKey string `json:"stripe_publishable_key"`
}

// Deauthorization is Stripe's answer to Deauthorize.
type Deauthorization struct {
	StripeUserID string `json:"stripe_user_id"`
}

// Exchange trades the authorization code from the redirect (the code
// query parameter) for the connected account's token. Check the state
// parameter before calling it.
//
// Stripe docs: https://docs.stripe.com/connect/oauth-reference#post-token
func (c *Client) Exchange(ctx context.Context, code string) (*Token, error) {
	if err := checkToken("authorization code", code); err != nil {
		return nil, err
	}
	tok := new(Token)
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}}
	return tok, c.post(ctx, "/oauth/token", form, tok, code)
}

// Refresh trades a refresh token for a new access token. scope may be
// empty to keep the token's scope.
//
// Stripe docs: https://docs.stripe.com/connect/oauth-reference#post-token
func (c *Client) Refresh(ctx context.Context, refreshToken string, scope Scope) (*Token, error) {
	if err := checkToken("refresh token", refreshToken); err != nil {
		return nil, err
	}
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}}
	if scope != "" {
		form.Set("scope", string(scope))
	}
	tok := new(Token)
	return tok, c.post(ctx, "/oauth/token", form, tok, refreshToken)
}

// Deauthorize disconnects the account stripeUserID (acct_...) from the
// platform; its tokens stop working.
//
// Stripe docs: https://docs.stripe.com/connect/oauth-reference#post-deauthorize
func (c *Client) Deauthorize(ctx context.Context, stripeUserID string) (*Deauthorization, error) {
	if err := checkToken("account ID", stripeUserID); err != nil {
		return nil, err
	}
	d := new(Deauthorization)
	form := url.Values{"client_id": {c.clientID}, "stripe_user_id": {stripeUserID}}
	return d, c.post(ctx, "/oauth/deauthorize", form, d)
}

// post sends form to path, authenticated with the platform key, and
// decodes a 2xx answer into out or returns an *Error. secrets are values
// of this call that must not appear in an error.
func (c *Client) post(ctx context.Context, path string, form url.Values, out any, secrets ...string) error {
	if ctx == nil {
		return errors.New("oauth: nil context")
	}
	secrets = append(secrets, c.key.Reveal())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("oauth: %s", scrub(err.Error(), secrets))
	}
	req.SetBasicAuth(c.key.Reveal(), "")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.httpClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return &transportError{msg: scrub(err.Error(), secrets), err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return fmt.Errorf("oauth: reading response: %s", scrub(err.Error(), secrets))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return newError(resp, body, secrets)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("oauth: decoding %s response (HTTP %d): %s", path, resp.StatusCode, scrub(err.Error(), secrets))
	}
	return nil
}

// transportError is a network failure, its text scrubbed of secrets; it
// unwraps to the original error for errors.Is / errors.As.
type transportError struct {
	msg string
	err error
}

// Error is the scrubbed message.
func (e *transportError) Error() string { return "oauth: " + e.msg }

// Unwrap returns the network error.
func (e *transportError) Unwrap() error { return e.err }
