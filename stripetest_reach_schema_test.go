package stripe_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	stripe "github.com/stripelite/stripe"
)

// TestStripetestReachResponsesMatchSpec runs the payment method, setup
// intent, checkout, payment link and search services of issue 15 through
// stripetest and checks every JSON answer (errors included) against its
// operation's response schema in spec3.json.
func TestStripetestReachResponsesMatchSpec(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c, rec := recordedStripetestClient(t)
	p := stripe.Ptr[string]
	n := stripe.Ptr[int64]
	must := func(_ any, err error) { t.Helper(); require.NoError(t, err) }

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Email: p("reach@example.com"), Metadata: stripe.Metadata{"k": "v"}})
	require.NoError(t, err)
	pm, err := c.PaymentMethods.Create(ctx, &stripe.PaymentMethodCreateParams{Type: stripe.Ptr(stripe.PaymentMethodTypeCard),
		Card: &stripe.PaymentMethodCardParams{Token: p("tok_visa")}})
	require.NoError(t, err)
	must(c.PaymentMethods.Attach(ctx, pm.ID, &stripe.PaymentMethodAttachParams{Customer: p(cus.ID)}))
	_, err = c.PaymentMethods.Attach(ctx, "pm_card_chargeDeclined", &stripe.PaymentMethodAttachParams{Customer: p(cus.ID)})
	require.Error(t, err)
	must(c.PaymentMethods.Get(ctx, pm.ID, nil))
	must(c.PaymentMethods.Update(ctx, pm.ID, &stripe.PaymentMethodUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.PaymentMethods.List(ctx, &stripe.PaymentMethodListParams{Customer: p(cus.ID)}))
	must(c.Customers.ListPaymentMethods(ctx, cus.ID, nil))
	must(c.Customers.GetPaymentMethod(ctx, cus.ID, pm.ID, nil))
	must(c.PaymentMethods.Detach(ctx, pm.ID, nil))

	si, err := c.SetupIntents.Create(ctx, &stripe.SetupIntentCreateParams{Customer: p(cus.ID)})
	require.NoError(t, err)
	must(c.SetupIntents.Update(ctx, si.ID, &stripe.SetupIntentUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	_, err = c.SetupIntents.Confirm(ctx, si.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: p("pm_card_chargeDeclined")})
	require.Error(t, err)
	must(c.SetupIntents.Confirm(ctx, si.ID, &stripe.SetupIntentConfirmParams{PaymentMethod: p("pm_card_visa")}))
	must(c.SetupIntents.Get(ctx, si.ID, nil))
	si2, err := c.SetupIntents.Create(ctx, nil)
	require.NoError(t, err)
	must(c.SetupIntents.Cancel(ctx, si2.ID, nil))
	must(c.SetupIntents.List(ctx, nil))

	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: p("Plan")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: p(prod.ID), Currency: p("usd"), UnitAmount: n(2500),
		Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	oneOff := &stripe.LineItemPriceDataParams{Currency: p("usd"), UnitAmount: n(900), ProductData: &stripe.LineItemProductDataParams{Name: p("Mug")}}
	csPay, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModePayment),
		SuccessURL: p("https://example.com/ok"), LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{{PriceData: oneOff, Quantity: n(2)}}})
	require.NoError(t, err)
	csSub, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModeSubscription),
		Customer: p(cus.ID), LineItems: stripe.Array[stripe.CheckoutSessionLineItemParams]{{Price: p(price.ID), Quantity: n(1)}}})
	require.NoError(t, err)
	require.NoError(t, srv.CompleteCheckoutSession(csPay.ID))
	require.NoError(t, srv.CompleteCheckoutSession(csSub.ID))
	csSetup, err := c.CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{Mode: stripe.Ptr(stripe.CheckoutSessionModeSetup),
		Customer: p(cus.ID), Currency: p("usd")})
	require.NoError(t, err)
	must(c.CheckoutSessions.Get(ctx, csPay.ID, nil))
	must(c.CheckoutSessions.Get(ctx, csSub.ID, nil))
	must(c.CheckoutSessions.Update(ctx, csSetup.ID, &stripe.CheckoutSessionUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.CheckoutSessions.ListLineItems(ctx, csPay.ID, nil))
	must(c.CheckoutSessions.List(ctx, nil))
	must(c.CheckoutSessions.Expire(ctx, csSetup.ID, nil))

	pl, err := c.PaymentLinks.Create(ctx, &stripe.PaymentLinkCreateParams{LineItems: stripe.Array[stripe.PaymentLinkLineItemParams]{{Price: p(price.ID), Quantity: n(1)}}})
	require.NoError(t, err)
	must(c.PaymentLinks.Get(ctx, pl.ID, nil))
	must(c.PaymentLinks.Update(ctx, pl.ID, &stripe.PaymentLinkUpdateParams{Active: stripe.Ptr(false)}))
	must(c.PaymentLinks.List(ctx, nil))
	must(c.PaymentLinks.ListLineItems(ctx, pl.ID, nil))

	bps, err := c.BillingPortalSessions.Create(ctx, &stripe.BillingPortalSessionCreateParams{Customer: p(cus.ID), ReturnURL: p("https://example.com/account")})
	require.NoError(t, err)
	require.Contains(t, bps.URL, "https://billing.stripe.com/p/session/")
	_, err = c.BillingPortalSessions.Create(ctx, &stripe.BillingPortalSessionCreateParams{Customer: p("cus_nope")})
	require.Error(t, err)

	q := stripe.SearchParams{Query: `metadata["k"]:"v"`}
	must(c.Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: q}))
	must(c.Charges.Search(ctx, &stripe.ChargeSearchParams{SearchParams: stripe.SearchParams{Query: `amount>0`}}))
	must(c.Invoices.Search(ctx, &stripe.InvoiceSearchParams{SearchParams: stripe.SearchParams{Query: `total>0`}}))
	must(c.PaymentIntents.Search(ctx, &stripe.PaymentIntentSearchParams{SearchParams: stripe.SearchParams{Query: `status:"succeeded"`}}))
	must(c.Subscriptions.Search(ctx, &stripe.SubscriptionSearchParams{SearchParams: stripe.SearchParams{Query: `status:"active"`}}))
	must(c.Products.Search(ctx, &stripe.ProductSearchParams{SearchParams: stripe.SearchParams{Query: `active:"true"`}}))
	must(c.Prices.Search(ctx, &stripe.PriceSearchParams{SearchParams: stripe.SearchParams{Query: `currency:"usd"`, Limit: n(1)}}))
	_, err = c.Customers.Search(ctx, &stripe.CustomerSearchParams{SearchParams: stripe.SearchParams{Query: `email:"x" AND`}})
	require.Error(t, err)

	covered, _ := requireResponsesMatchSpec(t, rec)
	require.GreaterOrEqual(t, covered, 30, "operations covered")
}
