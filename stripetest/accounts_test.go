package stripetest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// Objects live on the account named in Stripe-Account: one made on a
// connected account is invisible on the platform and on another account.
func TestConnectAccountsAreScoped(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	acctA, acctB := srv.CreateAccount(), srv.CreateAccount()
	require.NotEqual(t, acctA, acctB)
	require.Regexp(t, `^acct_1\w{15}$`, acctA)
	onA := stripe.Params{StripeAccount: acctA}
	onB := stripe.Params{StripeAccount: acctB}

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("a@example.com"), Params: onA})
	require.NoError(t, err)

	got, err := c.Customers.Get(ctx, cus.ID, &stripe.CustomerGetParams{Params: onA})
	require.NoError(t, err)
	require.Equal(t, "a@example.com", got.Email)

	_, err = c.Customers.Get(ctx, cus.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound, "invisible on the platform")
	_, err = c.Customers.Get(ctx, cus.ID, &stripe.CustomerGetParams{Params: onB})
	require.ErrorIs(t, err, stripe.ErrNotFound, "invisible on another account")

	list, err := c.Customers.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data)
	list, err = c.Customers.List(ctx, &stripe.CustomerListParams{Params: onB})
	require.NoError(t, err)
	require.Empty(t, list.Data)
	list, err = c.Customers.List(ctx, &stripe.CustomerListParams{Params: onA})
	require.NoError(t, err)
	require.Equal(t, []string{cus.ID}, ids(list.Data))

	require.Equal(t, 0, srv.Count("customer"))
	require.Equal(t, 1, srv.CountOn(acctA, "customer"))
	require.Equal(t, 0, srv.CountOn(acctB, "customer"))

	// The account's events are its own and name it.
	evs, err := c.Events.List(ctx, &stripe.EventListParams{Params: onA})
	require.NoError(t, err)
	require.Len(t, evs.Data, 1)
	require.Equal(t, acctA, evs.Data[0].Account)
	evs, err = c.Events.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, evs.Data)

	// An idempotency key is scoped to the account too.
	key := stripe.Params{IdempotencyKey: "same-key"}
	onAKey, onBKey := key, key
	onAKey.StripeAccount, onBKey.StripeAccount = acctA, acctB
	x, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: onAKey})
	require.NoError(t, err)
	y, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: onBKey})
	require.NoError(t, err)
	require.NotEqual(t, x.ID, y.ID)
}

// An account the server does not know gets 403 account_invalid.
func TestConnectUnknownAccount(t *testing.T) {
	t.Parallel()
	srv, c := newClient(t)
	ctx := context.Background()
	_, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: stripe.Params{StripeAccount: "acct_1Unknown0000000"}})
	se := apiErr(t, err)
	require.Equal(t, http.StatusForbidden, se.HTTPStatus)
	require.Equal(t, "account_invalid", string(se.Code))
	require.NotContains(t, se.Message, "stripetest", "the key is redacted")
	require.Equal(t, 0, srv.Count("customer"))

	require.NoError(t, srv.AddAccount("acct_1Unknown0000000"))
	_, err = c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: stripe.Params{StripeAccount: "acct_1Unknown0000000"}})
	require.NoError(t, err)
	require.Error(t, srv.AddAccount("acct_1Unknown0000000"), "exists")
	require.Error(t, srv.AddAccount("cus_1"), "not an account ID")
}
