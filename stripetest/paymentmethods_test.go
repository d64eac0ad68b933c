package stripetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// Payment methods made from test tokens, numbers and pm_card_ IDs attach
// to customers, show in their lists (by type), detach, and a declining
// card is refused on attach with 402 card_declined.
func TestPaymentMethodsAttachListDetach(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, c := newClient(t)
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.Ptr("a@example.com")})
	require.NoError(t, err)

	byNumber, err := c.PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.Ptr(stripe.PaymentMethodTypeCard),
		Card: &stripe.PaymentMethodCardParams{Number: stripe.Ptr("5555555555554444"), ExpMonth: stripe.Ptr(int64(4)), ExpYear: stripe.Ptr(int64(2031))},
	})
	require.NoError(t, err)
	require.Equal(t, "4444", byNumber.Card.Last4)
	require.Equal(t, int64(4), byNumber.Card.ExpMonth)
	require.Empty(t, byNumber.Customer.ID)

	byToken, err := c.PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.Ptr(stripe.PaymentMethodTypeCard), Card: &stripe.PaymentMethodCardParams{Token: stripe.Ptr("tok_amex")},
	})
	require.NoError(t, err)
	require.Equal(t, "8431", byToken.Card.Last4)

	_, err = c.PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.Ptr(stripe.PaymentMethodTypeCard), Card: &stripe.PaymentMethodCardParams{Number: stripe.Ptr("4242424242424241")},
	})
	require.Equal(t, stripe.ErrorCode("incorrect_number"), apiErr(t, err).Code)

	for _, id := range []string{byNumber.ID, byToken.ID} {
		pm, err := c.PaymentMethods.Attach(ctx, id, &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(cus.ID)})
		require.NoError(t, err)
		require.Equal(t, cus.ID, pm.Customer.ID)
	}
	visa, err := c.PaymentMethods.Attach(ctx, "pm_card_visa", &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	require.Equal(t, "4242", visa.Card.Last4)
	require.NotEqual(t, "pm_card_visa", visa.ID)

	// A declining card is refused and nothing is saved.
	_, err = c.PaymentMethods.Attach(ctx, "pm_card_chargeDeclined", &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(cus.ID)})
	require.True(t, errors.Is(err, stripe.ErrCardDeclined), "%v", err)
	require.Equal(t, 402, apiErr(t, err).HTTPStatus)
	declined, err := c.PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{
		Type: stripe.Ptr(stripe.PaymentMethodTypeCard), Card: &stripe.PaymentMethodCardParams{Number: stripe.Ptr("4000000000000002")},
	})
	require.NoError(t, err)
	_, err = c.PaymentMethods.Attach(ctx, declined.ID, &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(cus.ID)})
	require.True(t, errors.Is(err, stripe.ErrCardDeclined), "%v", err)

	// Listed by customer, newest first; by type.
	var listed []string
	for pm, err := range c.Customers.AllPaymentMethods(ctx, cus.ID, nil) {
		require.NoError(t, err)
		listed = append(listed, pm.ID)
	}
	require.Equal(t, []string{visa.ID, byToken.ID, byNumber.ID}, listed)
	l, err := c.PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: stripe.Ptr(cus.ID), Type: stripe.Ptr(stripe.PaymentMethodTypeCard)})
	require.NoError(t, err)
	require.Equal(t, []string{visa.ID, byToken.ID, byNumber.ID}, ids(l.Data))
	l, err = c.PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: stripe.Ptr(cus.ID), Type: stripe.Ptr(stripe.PaymentMethodTypeSEPADebit)})
	require.NoError(t, err)
	require.Empty(t, l.Data)

	got, err := c.Customers.GetPaymentMethod(ctx, cus.ID, visa.ID, nil)
	require.NoError(t, err)
	require.Equal(t, visa.ID, got.ID)
	_, err = c.Customers.GetPaymentMethod(ctx, cus.ID, declined.ID, nil)
	require.Equal(t, 404, apiErr(t, err).HTTPStatus)

	upd, err := c.PaymentMethods.Update(ctx, visa.ID, &stripe.PaymentMethodUpdateParams{Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	require.Equal(t, "v", upd.Metadata["k"])

	det, err := c.PaymentMethods.Detach(ctx, byToken.ID, nil)
	require.NoError(t, err)
	require.Empty(t, det.Customer.ID)
	_, err = c.PaymentMethods.Detach(ctx, byToken.ID, nil)
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
	l, err = c.Customers.ListPaymentMethods(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{visa.ID, byNumber.ID}, ids(l.Data))

	// Attached elsewhere: refused.
	other, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	_, err = c.PaymentMethods.Attach(ctx, visa.ID, &stripe.PaymentMethodAttachParams{Customer: stripe.Ptr(other.ID)})
	require.Equal(t, 400, apiErr(t, err).HTTPStatus)
}
