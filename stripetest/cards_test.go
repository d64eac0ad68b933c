package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func TestCardDefaultRules(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, cus.DefaultSource.ID)

	visa, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_visa"})
	require.NoError(t, err)
	require.Equal(t, "Visa", visa.Brand)
	require.Equal(t, "4242", visa.Last4)
	require.Equal(t, cus.ID, visa.Customer.ID)
	mc, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_mastercard"})
	require.NoError(t, err)
	amex, err := c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_amex"})
	require.NoError(t, err)
	require.Equal(t, "American Express", amex.Brand)

	got, err := c.Customers.Get(ctx, cus.ID, &stripe.CustomerGetParams{Params: stripe.Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)
	require.Equal(t, visa.ID, got.DefaultSource.ID, "the first card becomes the default")
	require.NotNil(t, got.DefaultSource.Object)
	require.Equal(t, "4242", got.DefaultSource.Object.Last4)

	page, err := c.Cards.List(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{amex.ID, mc.ID, visa.ID}, ids(page.Data))

	_, err = c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr(mc.ID)})
	require.NoError(t, err)
	_, err = c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{DefaultSource: stripe.Ptr("card_nope")})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	// Deleting the default promotes the most recently added card.
	del, err := c.Cards.Delete(ctx, cus.ID, mc.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	got, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, amex.ID, got.DefaultSource.ID)

	// Deleting a card that is not the default keeps the default.
	_, err = c.Cards.Delete(ctx, cus.ID, visa.ID, nil)
	require.NoError(t, err)
	got, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, amex.ID, got.DefaultSource.ID)

	_, err = c.Cards.Delete(ctx, cus.ID, amex.ID, nil)
	require.NoError(t, err)
	got, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Empty(t, got.DefaultSource.ID)

	_, err = c.Cards.Get(ctx, cus.ID, visa.ID, nil)
	require.ErrorIs(t, err, stripe.ErrNotFound)
	_, err = c.Cards.Create(ctx, cus.ID, &stripe.CardCreateParams{Source: "tok_bogus"})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)
}

func TestCardUpdateAndCustomerSource(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	require.NotEmpty(t, cus.DefaultSource.ID)

	card, err := c.Cards.Update(ctx, cus.ID, cus.DefaultSource.ID, &stripe.CardUpdateParams{
		Name: stripe.Ptr("Jenny Rosen"), ExpMonth: stripe.Ptr("7"), AddressZip: stripe.Ptr("10117"), Metadata: stripe.Metadata{"k": "v"},
	})
	require.NoError(t, err)
	require.Equal(t, "Jenny Rosen", card.Name)
	require.Equal(t, int64(7), card.ExpMonth)
	require.Equal(t, "10117", card.AddressZip)
	require.Equal(t, "v", card.Metadata["k"])

	// source= on update replaces the default source.
	upd, err := c.Customers.Update(ctx, cus.ID, &stripe.CustomerUpdateParams{Source: stripe.Ptr("tok_mastercard")})
	require.NoError(t, err)
	require.NotEqual(t, cus.DefaultSource.ID, upd.DefaultSource.ID)
	page, err := c.Cards.List(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	require.Equal(t, "MasterCard", page.Data[0].Brand)
}
