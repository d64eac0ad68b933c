package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

func balanceUSD(t *testing.T, c *stripe.Client) int64 {
	t.Helper()
	b, err := c.Balance.Get(context.Background(), nil)
	require.NoError(t, err)
	for _, a := range b.Available {
		if a.Currency == "usd" {
			return a.Amount
		}
	}
	t.Fatal("no usd balance")
	return 0
}

func TestChargesRefundsMoveTheBalance(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	require.Zero(t, balanceUSD(t, c))

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(10000)), Currency: stripe.Ptr("usd"), Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	require.Equal(t, stripe.ChargeStatusSucceeded, ch.Status)
	require.True(t, ch.Paid)
	require.True(t, ch.Captured)
	require.Equal(t, int64(10000), ch.AmountCaptured)
	fee := int64(290 + 30)
	require.Equal(t, 10000-fee, balanceUSD(t, c))

	txns, err := c.BalanceTransactions.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, txns.Data, 1)
	require.Equal(t, int64(10000), txns.Data[0].Amount)
	require.Equal(t, fee, txns.Data[0].Fee)
	require.Equal(t, 10000-fee, txns.Data[0].Net)
	require.Equal(t, ch.ID, txns.Data[0].Source.ID)

	re, err := c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(ch.ID), Amount: stripe.Ptr(int64(2500))})
	require.NoError(t, err)
	require.Equal(t, stripe.RefundStatusSucceeded, re.Status)
	require.Equal(t, 10000-fee-2500, balanceUSD(t, c))
	got, err := c.Charges.Get(ctx, ch.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(2500), got.AmountRefunded)
	require.False(t, got.Refunded)

	_, err = c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(ch.ID), Amount: stripe.Ptr(int64(9000))})
	require.Equal(t, stripe.ErrorCodeAmountTooLarge, apiErr(t, err).Code)
	_, err = c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(ch.ID)})
	require.NoError(t, err)
	require.Equal(t, -fee, balanceUSD(t, c))
	got, err = c.Charges.Get(ctx, ch.ID, nil)
	require.NoError(t, err)
	require.True(t, got.Refunded)
	_, err = c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr(ch.ID)})
	require.Equal(t, stripe.ErrorCodeChargeAlreadyRefunded, apiErr(t, err).Code)

	refunds, err := c.Refunds.List(ctx, &stripe.RefundListParams{Charge: stripe.Ptr(ch.ID)})
	require.NoError(t, err)
	require.Len(t, refunds.Data, 2)
	txns, err = c.BalanceTransactions.List(ctx, &stripe.BalanceTransactionListParams{Type: stripe.Ptr(stripe.BalanceTransactionTypeRefund)})
	require.NoError(t, err)
	require.Len(t, txns.Data, 2)
}

func TestChargeDeclinedAndManualCapture(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()

	_, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_chargeDeclined")})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	se := apiErr(t, err)
	require.Equal(t, 402, se.HTTPStatus)
	require.Equal(t, stripe.ErrorCodeCardDeclined, se.Code)
	require.Equal(t, "generic_decline", se.DeclineCode)
	require.NotEmpty(t, se.Charge)
	failed, err := c.Charges.Get(ctx, se.Charge, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.ChargeStatusFailed, failed.Status)

	_, err = c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(2000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_chargeDeclinedInsufficientFunds")})
	require.Equal(t, "insufficient_funds", apiErr(t, err).DeclineCode)

	auth, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_mastercard"), Capture: stripe.Ptr(false)})
	require.NoError(t, err)
	require.False(t, auth.Captured)
	require.Zero(t, balanceUSD(t, c))
	capd, err := c.Charges.Capture(ctx, auth.ID, &stripe.ChargeCaptureParams{Amount: stripe.Ptr(int64(4000))})
	require.NoError(t, err)
	require.True(t, capd.Captured)
	require.Equal(t, int64(4000), capd.AmountCaptured)
	require.Equal(t, int64(4000-116-30), balanceUSD(t, c))
	_, err = c.Charges.Capture(ctx, auth.ID, nil)
	require.Equal(t, stripe.ErrorCodeChargeAlreadyCaptured, apiErr(t, err).Code)

	_, err = c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Ptr(int64(20)), Currency: stripe.Ptr("usd"), Source: stripe.Ptr("tok_visa")})
	require.Equal(t, stripe.ErrorCodeAmountTooSmall, apiErr(t, err).Code)
	_, err = c.Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.Ptr("ch_missing")})
	se = apiErr(t, err)
	require.Equal(t, stripe.ErrorCodeResourceMissing, se.Code)
	require.Equal(t, "charge", se.Param)
}

func TestPaymentIntentStatusMachine(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()

	pi, err := c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(1999)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusRequiresPaymentMethod, pi.Status)
	require.NotEmpty(t, pi.ClientSecret.Reveal())

	pi, err = c.PaymentIntents.Update(ctx, pi.ID, &stripe.PaymentIntentUpdateParams{PaymentMethod: stripe.Ptr("pm_card_visa")})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusRequiresConfirmation, pi.Status)
	pi, err = c.PaymentIntents.Confirm(ctx, pi.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusSucceeded, pi.Status)
	require.Equal(t, int64(1999), pi.AmountReceived)
	require.NotEmpty(t, pi.LatestCharge.ID)
	ch, err := c.Charges.Get(ctx, pi.LatestCharge.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1999), ch.AmountCaptured)
	_, err = c.PaymentIntents.Cancel(ctx, pi.ID, nil)
	require.Equal(t, "payment_intent_unexpected_state", string(apiErr(t, err).Code))

	// Manual capture.
	pi, err = c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{
		Amount: stripe.Ptr(int64(5000)), Currency: stripe.Ptr("usd"), PaymentMethod: stripe.Ptr("pm_card_mastercard"),
		CaptureMethod: stripe.Ptr(stripe.PaymentIntentCaptureMethodManual), Confirm: stripe.Ptr(true),
	})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusRequiresCapture, pi.Status)
	require.Equal(t, int64(5000), pi.AmountCapturable)
	pi, err = c.PaymentIntents.Capture(ctx, pi.ID, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Ptr(int64(3000))})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusSucceeded, pi.Status)
	require.Equal(t, int64(3000), pi.AmountReceived)

	// Cancel before confirmation.
	pi, err = c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(700)), Currency: stripe.Ptr("eur")})
	require.NoError(t, err)
	pi, err = c.PaymentIntents.Cancel(ctx, pi.ID, &stripe.PaymentIntentCancelParams{CancellationReason: stripe.Ptr(stripe.PaymentIntentCancellationReasonAbandoned)})
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusCanceled, pi.Status)
	require.Equal(t, stripe.PaymentIntentCancellationReasonAbandoned, pi.CancellationReason)

	// A declining card.
	pi, err = c.PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{Amount: stripe.Ptr(int64(1000)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)
	_, err = c.PaymentIntents.Confirm(ctx, pi.ID, &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.Ptr("pm_card_chargeDeclined")})
	require.ErrorIs(t, err, stripe.ErrCardDeclined)
	require.Equal(t, stripe.ErrorCodeCardDeclined, apiErr(t, err).Code)
	pi, err = c.PaymentIntents.Get(ctx, pi.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.PaymentIntentStatusRequiresPaymentMethod, pi.Status)
	require.NotNil(t, pi.LastPaymentError)
	require.Equal(t, stripe.ErrorCodeCardDeclined, pi.LastPaymentError.Code)

	list, err := c.PaymentIntents.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Data, 4)
	evs, err := c.Events.List(ctx, &stripe.EventListParams{Types: []stripe.EventType{stripe.EventPaymentIntentPaymentFailed, stripe.EventChargeFailed}})
	require.NoError(t, err)
	require.Len(t, evs.Data, 2)
}
