// Package oauth is the client side of Stripe Connect OAuth: it builds the
// authorize URL a platform sends its users to, exchanges the authorization
// code Stripe redirects back with for the connected account's ID and
// tokens, refreshes tokens, and deauthorizes an account.
//
//	c, err := oauth.NewClient("ca_...", os.Getenv("STRIPE_SECRET_KEY"))
//	// 1. Send the user to Stripe. state is your CSRF defence: a random,
//	//    unguessable value tied to the user's session.
//	u, err := c.AuthorizeURL(oauth.AuthorizeParams{State: state, Scope: oauth.ScopeReadWrite})
//	// 2. In the redirect handler, check the state you get back equals the
//	//    one you stored, then exchange the code.
//	tok, err := c.Exchange(ctx, r.URL.Query().Get("code"))
//	// tok.StripeUserID is the connected account (acct_...): use it as the
//	// Stripe-Account header (stripe.WithStripeAccount).
//
// The package uses only the standard library. Tokens and the platform's
// key are of type Secret: they print and encode as "[REDACTED]" and never
// appear in errors; Secret.Reveal returns the value.
//
// Stripe docs: https://docs.stripe.com/connect/oauth-reference
package oauth

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is Stripe's Connect host.
const DefaultBaseURL = "https://connect.stripe.com"

// maxBody bounds what is read from a response.
const maxBody = 1 << 20

// Client talks to Stripe's OAuth endpoints for one platform. It is safe
// for concurrent use.
type Client struct {
	clientID   string
	key        Secret
	baseURL    string
	httpClient *http.Client
}

// Option configures a Client.
type Option func(*Client) error

// WithBaseURL replaces https://connect.stripe.com, for tests (an httptest
// server, stripetest) or a proxy. It must be an absolute http(s) URL.
func WithBaseURL(u string) Option {
	return func(c *Client) error {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
			return fmt.Errorf("oauth: WithBaseURL: %q is not an absolute http(s) URL", redactText(u))
		}
		c.baseURL = strings.TrimRight(u, "/")
		return nil
	}
}

// WithHTTPClient sets the HTTP client (default: one with an 80 s timeout).
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) error {
		if h == nil {
			return errors.New("oauth: WithHTTPClient: nil client")
		}
		c.httpClient = h
		return nil
	}
}

// NewClient returns a client for the platform with the given Connect
// client ID (ca_..., from the Dashboard's Connect settings) and secret key
// (sk_...), which authenticates token and deauthorize requests. It does no
// I/O.
func NewClient(clientID, secretKey string, opts ...Option) (*Client, error) {
	if err := checkToken("client ID", clientID); err != nil {
		return nil, err
	}
	if err := checkToken("secret key", secretKey); err != nil {
		return nil, err
	}
	c := &Client{clientID: clientID, key: Secret(secretKey), baseURL: DefaultBaseURL,
		httpClient: &http.Client{Timeout: 80 * time.Second}}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// String describes the client without its key.
func (c *Client) String() string {
	return fmt.Sprintf("oauth.Client{clientID: %s, baseURL: %s}", c.clientID, c.baseURL)
}

// GoString is String, so %#v does not print the key either.
func (c *Client) GoString() string { return c.String() }

// Scope is the access a platform asks for.
type Scope string

// Scopes.
const (
	ScopeReadWrite Scope = "read_write"
	ScopeReadOnly  Scope = "read_only"
)

// AuthorizeParams are the query parameters of the authorize URL.
type AuthorizeParams struct {
	// State is required: a random, unguessable value you store with the
	// user's session and compare with the state Stripe sends back to your
	// redirect URI, before exchanging the code. It is what stops an
	// attacker from making a user connect the attacker's account (CSRF).
	State string
	// Scope defaults to Stripe's default (read_write) when empty.
	Scope Scope
	// RedirectURI must be one of the platform's registered redirect URIs;
	// empty means the default one.
	RedirectURI string
	// Express sends the user to Express onboarding
	// (/express/oauth/authorize) instead of Standard.
	Express bool
	// StripeLanding is "login" or "register": the page a Standard user
	// starts on.
	StripeLanding string
	// AlwaysPrompt asks the user to choose an account even if they are
	// logged in.
	AlwaysPrompt bool
	// SuggestedCapabilities are Express capabilities to request, such as
	// "transfers" or "card_payments".
	SuggestedCapabilities []string
	// StripeUser prefills the onboarding form.
	StripeUser *StripeUser
}

// StripeUser prefills fields of the account application
// (stripe_user[...]); empty fields are left out.
type StripeUser struct {
	Email              string
	URL                string
	Country            string
	PhoneNumber        string
	BusinessName       string
	BusinessType       string // "individual", "company", "non_profit", ...
	FirstName          string
	LastName           string
	DOBDay             int
	DOBMonth           int
	DOBYear            int
	StreetAddress      string
	City               string
	State              string
	Zip                string
	PhysicalProduct    *bool
	ProductDescription string
	Currency           string
	FirstNameKana      string
	FirstNameKanji     string
	LastNameKana       string
	LastNameKanji      string
	Gender             string
	BlockKana          string
	BlockKanji         string
	BuildingKana       string
	BuildingKanji      string
}

func (u *StripeUser) values(v url.Values) {
	set := func(k, s string) {
		if s != "" {
			v.Set("stripe_user["+k+"]", s)
		}
	}
	num := func(k string, n int) {
		if n != 0 {
			set(k, strconv.Itoa(n))
		}
	}
	set("email", u.Email)
	set("url", u.URL)
	set("country", u.Country)
	set("phone_number", u.PhoneNumber)
	set("business_name", u.BusinessName)
	set("business_type", u.BusinessType)
	set("first_name", u.FirstName)
	set("last_name", u.LastName)
	num("dob_day", u.DOBDay)
	num("dob_month", u.DOBMonth)
	num("dob_year", u.DOBYear)
	set("street_address", u.StreetAddress)
	set("city", u.City)
	set("state", u.State)
	set("zip", u.Zip)
	if u.PhysicalProduct != nil {
		set("physical_product", strconv.FormatBool(*u.PhysicalProduct))
	}
	set("product_description", u.ProductDescription)
	set("currency", u.Currency)
	set("first_name_kana", u.FirstNameKana)
	set("first_name_kanji", u.FirstNameKanji)
	set("last_name_kana", u.LastNameKana)
	set("last_name_kanji", u.LastNameKanji)
	set("gender", u.Gender)
	set("block_kana", u.BlockKana)
	set("block_kanji", u.BlockKanji)
	set("building_kana", u.BuildingKana)
	set("building_kanji", u.BuildingKanji)
}

// ErrStateRequired is returned by AuthorizeURL for an empty State.
var ErrStateRequired = errors.New("oauth: AuthorizeURL needs a non-empty State (your CSRF defence: a random value tied to the user's session)")

// AuthorizeURL returns the URL to send the user to. It fails when State
// is empty or blank.
//
// Stripe docs: https://docs.stripe.com/connect/oauth-reference#get-authorize
func (c *Client) AuthorizeURL(p AuthorizeParams) (string, error) {
	if strings.TrimSpace(p.State) == "" {
		return "", ErrStateRequired
	}
	switch p.Scope {
	case "", ScopeReadWrite, ScopeReadOnly:
	default:
		return "", fmt.Errorf("oauth: unknown scope %q: use ScopeReadWrite or ScopeReadOnly", p.Scope)
	}
	v := url.Values{}
	v.Set("response_type", "code")
	v.Set("client_id", c.clientID)
	v.Set("state", p.State)
	if p.Scope != "" {
		v.Set("scope", string(p.Scope))
	}
	if p.RedirectURI != "" {
		v.Set("redirect_uri", p.RedirectURI)
	}
	if p.StripeLanding != "" {
		v.Set("stripe_landing", p.StripeLanding)
	}
	if p.AlwaysPrompt {
		v.Set("always_prompt", "true")
	}
	for _, capability := range p.SuggestedCapabilities {
		v.Add("suggested_capabilities[]", capability)
	}
	if p.StripeUser != nil {
		p.StripeUser.values(v)
	}
	path := "/oauth/authorize"
	if p.Express {
		path = "/express/oauth/authorize"
	}
	return c.baseURL + path + "?" + v.Encode(), nil
}
