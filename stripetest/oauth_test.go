package stripetest_test

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
	"github.com/stripelite/stripe/oauth"
	"github.com/stripelite/stripe/stripetest"
)

// The oauth package, pointed at stripetest, connects a new account with an
// authorization code, refreshes its token, and deauthorizes it; a used or
// unknown code is invalid_grant, in OAuth's error shape.
func TestOAuthConnectFlow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c := newClient(t)
	oc, err := oauth.NewClient("ca_test123", "sk_test_123", oauth.WithBaseURL(srv.URL))
	require.NoError(t, err)
	authURL, err := oc.AuthorizeURL(oauth.AuthorizeParams{State: "st-42", RedirectURI: "https://platform.example/cb", Scope: oauth.ScopeReadWrite})
	require.NoError(t, err)
	back, err := srv.OAuthAuthorize(authURL)
	require.NoError(t, err)
	bu, err := url.Parse(back)
	require.NoError(t, err)
	require.Equal(t, "platform.example", bu.Host)
	require.Equal(t, "st-42", bu.Query().Get("state"))
	code := bu.Query().Get("code")
	require.NotEmpty(t, code)

	tok, err := oc.Exchange(ctx, code)
	require.NoError(t, err)
	require.Regexp(t, `^acct_`, tok.StripeUserID)
	require.Equal(t, oauth.ScopeReadWrite, tok.Scope)
	require.NotEmpty(t, tok.AccessToken.Reveal())
	require.Contains(t, srv.Accounts(), tok.StripeUserID)

	// The new account works with the platform key and Stripe-Account.
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: stripe.Params{StripeAccount: tok.StripeUserID}})
	require.NoError(t, err)
	require.Equal(t, 1, srv.CountOn(tok.StripeUserID, "customer"))
	require.Zero(t, srv.CountOn("", "customer"), cus.ID)

	_, err = oc.Exchange(ctx, code)
	require.True(t, errors.Is(err, oauth.ErrInvalidGrant), "a code is single use: %v", err)
	_, err = oc.Exchange(ctx, "ac_nope")
	require.True(t, errors.Is(err, oauth.ErrInvalidGrant), "%v", err)

	ref, err := oc.Refresh(ctx, tok.RefreshToken.Reveal(), oauth.ScopeReadOnly)
	require.NoError(t, err)
	require.Equal(t, tok.StripeUserID, ref.StripeUserID)
	require.Equal(t, oauth.ScopeReadOnly, ref.Scope)

	// The connection survives a save and load of the server's state.
	var state bytes.Buffer
	require.NoError(t, srv.Save(&state))
	srv2 := stripetest.NewServer(t)
	require.NoError(t, srv2.Load(&state))
	oc2, err := oauth.NewClient("ca_test123", "sk_test_123", oauth.WithBaseURL(srv2.URL))
	require.NoError(t, err)
	_, err = oc2.Refresh(ctx, tok.RefreshToken.Reveal(), "")
	require.NoError(t, err)
	_, err = oc2.Deauthorize(ctx, tok.StripeUserID)
	require.NoError(t, err)

	other, err := oauth.NewClient("ca_other", "sk_test_123", oauth.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = other.Deauthorize(ctx, tok.StripeUserID)
	require.True(t, errors.Is(err, oauth.ErrInvalidClient), "another platform's client ID: %v", err)

	d, err := oc.Deauthorize(ctx, tok.StripeUserID)
	require.NoError(t, err)
	require.Equal(t, tok.StripeUserID, d.StripeUserID)
	require.NotContains(t, srv.Accounts(), tok.StripeUserID)
	_, err = oc.Refresh(ctx, tok.RefreshToken.Reveal(), "")
	require.True(t, errors.Is(err, oauth.ErrInvalidGrant), "%v", err)
	_, err = oc.Deauthorize(ctx, tok.StripeUserID)
	require.True(t, errors.Is(err, oauth.ErrInvalidClient), "%v", err)

	_, err = srv.OAuthAuthorize("https://connect.stripe.com/oauth/authorize?response_type=code&client_id=ca_x&redirect_uri=https://a.example/cb")
	require.Error(t, err, "no state")
}
