package oauth_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/stripelite/stripe/oauth"
)

func ExampleClient_AuthorizeURL() {
	c, _ := oauth.NewClient("ca_123", "sk_test_123")
	u, err := c.AuthorizeURL(oauth.AuthorizeParams{
		State:       "a-random-value-tied-to-the-session", // required: your CSRF defence
		Scope:       oauth.ScopeReadWrite,
		RedirectURI: "https://platform.example.com/connect/callback",
		StripeUser:  &oauth.StripeUser{Email: "jenny@example.com"},
	})
	if err != nil {
		return
	}
	fmt.Println(u)
	// Output: https://connect.stripe.com/oauth/authorize?client_id=ca_123&redirect_uri=https%3A%2F%2Fplatform.example.com%2Fconnect%2Fcallback&response_type=code&scope=read_write&state=a-random-value-tied-to-the-session&stripe_user%5Bemail%5D=jenny%40example.com
}

// The redirect handler checks state, then exchanges the code.
func ExampleClient_Exchange() {
	c, _ := oauth.NewClient("ca_123", "sk_test_123")
	http.HandleFunc("/connect/callback", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := oauth.ParseRedirectError(q); err != nil {
			http.Error(w, "not connected", http.StatusBadRequest)
			return
		}
		if q.Get("state") != stateOf(r) {
			http.Error(w, "bad state", http.StatusForbidden)
			return
		}
		tok, err := c.Exchange(context.Background(), q.Get("code"))
		if err != nil {
			http.Error(w, "exchange failed", http.StatusBadGateway)
			return
		}
		fmt.Println(tok.StripeUserID) // acct_...: use with stripe.WithStripeAccount
	})
}

func stateOf(r *http.Request) string { return "" }
