package stripetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// A setup intent confirmed with pm_card_visa succeeds and saves the card
// on the customer; a declining card gets 402 card_declined with the
// intent (back to requires_payment_method) in the error body.
func TestSetupIntentsConfirm(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, c := newClient(t)
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)

	si, err := c.SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	require.Equal(t, stripe.SetupIntentStatusRequiresPaymentMethod, si.Status)
	require.Contains(t, si.ClientSecret, si.ID+"_secret_")

	ok, err := c.SetupIntents.Confirm(ctx, si.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_visa")})
	require.NoError(t, err)
	require.Equal(t, stripe.SetupIntentStatusSucceeded, ok.Status)
	pms, err := c.Customers.ListPaymentMethods(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{ok.PaymentMethod.ID}, ids(pms.Data))
	_, err = c.SetupIntents.Cancel(ctx, si.ID, nil)
	require.Equal(t, 400, apiErr(t, err).HTTPStatus, "a succeeded intent cannot be canceled")

	bad, err := c.SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	_, err = c.SetupIntents.Confirm(ctx, bad.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_chargeDeclined")})
	require.True(t, errors.Is(err, stripe.ErrCardDeclined), "%v", err)
	se := apiErr(t, err)
	require.Equal(t, 402, se.HTTPStatus)
	require.NotNil(t, se.SetupIntent)
	require.Equal(t, bad.ID, se.SetupIntent.ID)
	require.Equal(t, stripe.SetupIntentStatusRequiresPaymentMethod, se.SetupIntent.Status)
	got, err := c.SetupIntents.Get(ctx, bad.ID, nil)
	require.NoError(t, err)
	require.NotNil(t, got.LastSetupError)
	require.Equal(t, stripe.ErrorCode("card_declined"), got.LastSetupError.Code)

	// Created and confirmed at once; then canceled; listed by customer.
	now, err := c.SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: stripe.Ptr(cus.ID), PaymentMethod: stripe.Ptr("pm_card_mastercard"), Confirm: stripe.Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, stripe.SetupIntentStatusSucceeded, now.Status)
	canceled, err := c.SetupIntents.Cancel(ctx, bad.ID, &stripe.SetupIntentCancelParams{CancellationReason: stripe.Ptr(stripe.SetupIntentCancellationReason("abandoned"))})
	require.NoError(t, err)
	require.Equal(t, stripe.SetupIntentStatusCanceled, canceled.Status)
	var listed []string
	for x, err := range c.SetupIntents.All(ctx, &stripe.SetupIntentListParams{Customer: stripe.Ptr(cus.ID)}) {
		require.NoError(t, err)
		listed = append(listed, x.ID)
	}
	require.ElementsMatch(t, []string{si.ID, bad.ID, now.ID}, listed)
}
