package stripetest

import (
	"fmt"
	"net/http"
	"strings"
)

// Connect accounts.
//
// Each connected account has its own store: a request with a
// Stripe-Account header acts on that account's objects only, so an object
// made on one account is invisible on the platform and on every other
// account, as on Stripe. A header naming an account the server does not
// know gets 403 account_invalid. Accounts come from CreateAccount or
// AddAccount.
//
// Hook for the OAuth token endpoint (POST /oauth/token on
// connect.stripe.com, to be added in its own file oauth.go with a
// registerOAuth method listed in routes.go): the handler runs under s.mu,
// exchanges the authorization code for a new account with
// s.addAccountLocked(s.newAccountID()) and answers with its ID as
// stripe_user_id; deauthorizing removes it with s.removeAccountLocked.

// accountStore returns the store a request for account acts on: the
// platform's for "", the connected account's otherwise, or a 403
// account_invalid error for an account the server does not know.
// Callers hold s.mu.
func (s *Server) accountStore(account, key string) (*store, *apiError) {
	if account == "" {
		return s.platform, nil
	}
	if st, ok := s.accounts[account]; ok {
		return st, nil
	}
	return nil, &apiError{status: http.StatusForbidden, typ: "invalid_request_error", code: "account_invalid",
		message: fmt.Sprintf("The provided key '%s' does not have access to account '%s' (or that account does not exist). Application access may have been revoked.", redactKey(key), account)}
}

// CreateAccount adds a connected account with a new ID (acct_...) and
// returns the ID, for the Stripe-Account header (stripe.WithStripeAccount
// or Params.StripeAccount).
func (s *Server) CreateAccount() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newAccountID()
	s.addAccountLocked(id)
	return id
}

// AddAccount adds a connected account with a given ID, such as one a test
// fixture expects. It fails when the ID does not start with acct_ or the
// account exists.
func (s *Server) AddAccount(id string) error {
	if !strings.HasPrefix(id, "acct_") || len(id) == len("acct_") {
		return fmt.Errorf("stripetest: account ID %q does not look like acct_...", id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.accounts[id]; ok {
		return fmt.Errorf("stripetest: account %s exists", id)
	}
	s.addAccountLocked(id)
	return nil
}

// Accounts returns the IDs of the connected accounts, in no set order.
func (s *Server) Accounts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.accounts))
	for id := range s.accounts {
		ids = append(ids, id)
	}
	return ids
}

// CountOn is Count for a connected account's objects ("" is the platform).
func (s *Server) CountOn(account, kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.platform
	if account != "" {
		st = s.accounts[account]
		if st == nil {
			return 0
		}
	}
	return st.count(kind)
}

func (s *Server) newAccountID() string {
	for {
		id := "acct_1" + randomID(15)
		if _, taken := s.accounts[id]; !taken {
			return id
		}
	}
}

// addAccountLocked adds an empty account; callers hold s.mu.
func (s *Server) addAccountLocked(id string) {
	st := newStore()
	st.account = id
	s.accounts[id] = st
}

// removeAccountLocked forgets an account and its objects; callers hold s.mu.
func (s *Server) removeAccountLocked(id string) { delete(s.accounts, id) }
