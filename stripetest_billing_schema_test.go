package stripe_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	stripe "github.com/stripelite/stripe"
)

// TestStripetestBillingResponsesMatchSpec runs the billing and operations
// services of issue 16 through stripetest and checks every JSON answer
// against its operation's response schema in spec3.json, as
// TestStripetestResponsesMatchSpec does for the rest.
func TestStripetestBillingResponsesMatchSpec(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, c, rec := recordedStripetestClient(t)
	p := stripe.Ptr[string]
	n := stripe.Ptr[int64]

	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: p("tok_visa")})
	require.NoError(t, err)
	prod, err := c.Products.Create(ctx, &stripe.ProductCreateParams{Name: p("Plan")})
	require.NoError(t, err)
	price, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: p(prod.ID), Currency: p("usd"), UnitAmount: n(2500),
		Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)
	price2, err := c.Prices.Create(ctx, &stripe.PriceCreateParams{Product: p(prod.ID), Currency: p("usd"), UnitAmount: n(400),
		Recurring: &stripe.PriceRecurringParams{Interval: stripe.Ptr(stripe.PriceRecurringIntervalMonth)}})
	require.NoError(t, err)

	must := func(_ any, err error) { t.Helper(); require.NoError(t, err) }
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{PercentOff: stripe.Ptr(20.0), Duration: stripe.Ptr(stripe.CouponDurationForever), Name: p("Twenty")})
	require.NoError(t, err)
	must(c.Coupons.Create(ctx, &stripe.CouponCreateParams{AmountOff: n(100), Currency: p("usd"), AppliesTo: &stripe.CouponAppliesToParams{Products: []string{prod.ID}}}))
	must(c.Coupons.Get(ctx, cpn.ID, nil))
	must(c.Coupons.Update(ctx, cpn.ID, &stripe.CouponUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.Coupons.List(ctx, nil))
	promo, err := c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{Promotion: &stripe.PromotionCodePromotionParams{Coupon: p(cpn.ID), Type: p("coupon")}, Code: p("SAVE")})
	require.NoError(t, err)
	must(c.PromotionCodes.Get(ctx, promo.ID, nil))
	must(c.PromotionCodes.Update(ctx, promo.ID, &stripe.PromotionCodeUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.PromotionCodes.List(ctx, nil))

	sp := &stripe.SubscriptionCreateParams{Customer: p(cus.ID), Items: stripe.Array[stripe.SubscriptionItemParams]{{Price: p(price.ID)}},
		Params: stripe.Params{Expand: []string{"latest_invoice", "discounts"}}}
	sp.AddExtra("discounts[0][promotion_code]", promo.ID)
	sub, err := c.Subscriptions.Create(ctx, sp)
	require.NoError(t, err)
	si, err := c.SubscriptionItems.Create(ctx, &stripe.SubscriptionItemCreateParams{Subscription: p(sub.ID), Price: p(price2.ID)})
	require.NoError(t, err)
	must(c.SubscriptionItems.Get(ctx, si.ID, nil))
	must(c.SubscriptionItems.Update(ctx, si.ID, &stripe.SubscriptionItemUpdateParams{Quantity: n(3)}))
	must(c.SubscriptionItems.List(ctx, &stripe.SubscriptionItemListParams{Subscription: p(sub.ID)}))
	must(c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{Subscription: p(sub.ID)}))
	must(c.SubscriptionItems.Delete(ctx, si.ID, nil))
	must(c.Invoices.Lines(ctx, sub.LatestInvoice.ID, nil))
	must(c.Subscriptions.DeleteDiscount(ctx, sub.ID, nil))

	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: p(cus.ID)})
	require.NoError(t, err)
	must(c.Invoices.AddLines(ctx, inv.ID, &stripe.InvoiceAddLinesParams{Lines: stripe.Array[stripe.InvoiceAddLinesLineParams]{{Amount: n(3000), Description: p("Work")}}}))
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	line := inv.Lines.Data[0].ID
	must(c.Invoices.UpdateLines(ctx, inv.ID, &stripe.InvoiceUpdateLinesParams{Lines: stripe.Array[stripe.InvoiceUpdateLinesLineParams]{{ID: p(line), Amount: n(3500)}}}))
	must(c.Invoices.UpdateLine(ctx, inv.ID, line, &stripe.InvoiceLineUpdateParams{Description: p("More work")}))
	must(c.Invoices.AddLines(ctx, inv.ID, &stripe.InvoiceAddLinesParams{Lines: stripe.Array[stripe.InvoiceAddLinesLineParams]{{Amount: n(500)}}}))
	inv, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	cnp := &stripe.CreditNotePreviewParams{Invoice: p(inv.ID), Lines: stripe.Array[stripe.CreditNoteLineParams]{{Type: p("invoice_line_item"), InvoiceLineItem: p(line), Quantity: n(1)}}}
	must(c.CreditNotes.Preview(ctx, cnp))
	must(c.CreditNotes.PreviewLines(ctx, &stripe.CreditNotePreviewLinesParams{CreditNotePreviewParams: *cnp}))
	cn, err := c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: p(inv.ID), Amount: n(1000), Memo: p("sorry")})
	require.NoError(t, err)
	must(c.CreditNotes.Get(ctx, cn.ID, nil))
	must(c.CreditNotes.Lines(ctx, cn.ID, nil))
	must(c.CreditNotes.Update(ctx, cn.ID, &stripe.CreditNoteUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.CreditNotes.List(ctx, nil))
	must(c.CreditNotes.Void(ctx, cn.ID, nil))
	must(c.Invoices.MarkUncollectible(ctx, inv.ID, nil))
	inv, err = c.Invoices.Pay(ctx, inv.ID, nil)
	require.NoError(t, err)
	cn, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: p(inv.ID), Amount: n(700), CreditAmount: n(700)})
	require.NoError(t, err)
	txns, err := c.CustomerBalanceTransactions.List(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.NotEmpty(t, txns.Data)
	txn, err := c.CustomerBalanceTransactions.Create(ctx, cus.ID, &stripe.CustomerBalanceTransactionCreateParams{Amount: n(-100), Currency: p("usd")})
	require.NoError(t, err)
	must(c.CustomerBalanceTransactions.Get(ctx, cus.ID, txn.ID, nil))
	must(c.CustomerBalanceTransactions.Update(ctx, cus.ID, txn.ID, &stripe.CustomerBalanceTransactionUpdateParams{Description: p("x")}))
	tx, err := c.TaxIDs.Create(ctx, cus.ID, &stripe.TaxIDCreateParams{Type: p("eu_vat"), Value: p("DE123456789")})
	require.NoError(t, err)
	must(c.TaxIDs.Get(ctx, cus.ID, tx.ID, nil))
	must(c.TaxIDs.List(ctx, cus.ID, nil))
	must(c.TaxIDs.Delete(ctx, cus.ID, tx.ID, nil))
	tr, err := c.TaxRates.Create(ctx, &stripe.TaxRateCreateParams{DisplayName: p("VAT"), Percentage: stripe.Ptr(19.0), Inclusive: stripe.Ptr(false)})
	require.NoError(t, err)
	must(c.TaxRates.Get(ctx, tr.ID, nil))
	must(c.TaxRates.Update(ctx, tr.ID, &stripe.TaxRateUpdateParams{Active: stripe.Ptr(false)}))
	must(c.TaxRates.List(ctx, nil))

	ch, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: n(50000), Currency: p("usd"), Source: p("tok_visa")})
	require.NoError(t, err)
	du, err := srv.OpenDispute(ch.ID, "")
	require.NoError(t, err)
	must(c.Disputes.Get(ctx, du, nil))
	must(c.Disputes.Update(ctx, du, &stripe.DisputeUpdateParams{Evidence: &stripe.DisputeEvidenceParams{UncategorizedText: p("ok")}, Submit: stripe.Ptr(true)}))
	must(c.Disputes.List(ctx, nil))
	ch2, err := c.Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: n(1000), Currency: p("usd"), Source: p("tok_visa")})
	require.NoError(t, err)
	du2, err := srv.OpenDispute(ch2.ID, "duplicate")
	require.NoError(t, err)
	must(c.Disputes.Close(ctx, du2, nil))

	po, err := c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: n(1000), Currency: p("usd")})
	require.NoError(t, err)
	must(c.Payouts.Get(ctx, po.ID, nil))
	must(c.Payouts.Update(ctx, po.ID, &stripe.PayoutUpdateParams{Metadata: stripe.Metadata{"a": "b"}}))
	must(c.Payouts.List(ctx, nil))
	must(c.Payouts.Cancel(ctx, po.ID, nil))
	_, err = c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: n(100_000_000), Currency: p("usd")})
	require.Error(t, err)
	acct := srv.CreateAccount()
	trf, err := c.Transfers.Create(ctx, &stripe.TransferCreateParams{Amount: n(1000), Currency: p("usd"), Destination: p(acct)})
	require.NoError(t, err)
	must(c.Transfers.Get(ctx, trf.ID, nil))
	must(c.Transfers.Update(ctx, trf.ID, &stripe.TransferUpdateParams{Description: p("x")}))
	must(c.Transfers.List(ctx, nil))
	must(c.BillingMeterEvents.Create(ctx, &stripe.BillingMeterEventCreateParams{EventName: p("calls"), Identifier: p("e1"),
		Payload: stripe.BillingMeterEventPayload{"stripe_customer_id": cus.ID, "value": "3"}}))
	_ = cn

	covered, _ := requireResponsesMatchSpec(t, rec)
	require.GreaterOrEqual(t, covered, 50, "operations covered")
}
