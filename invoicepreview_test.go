package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestInvoicesCreatePreview(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_preview.json")))

	inv, err := c.Invoices.CreatePreview(context.Background(), &InvoiceCreatePreviewParams{
		Customer:     Ptr("cus_PqR7sT8uV9wX1y"),
		Subscription: Ptr("sub_1QaBcD2eZvKYlo2C3fGhIjKl"),
		SubscriptionDetails: &InvoiceCreatePreviewSubscriptionDetailsParams{
			Items:             []InvoiceCreatePreviewItemParams{{ID: Ptr("si_RsT5uV6wX7yZ8b"), Price: Ptr("price_2")}},
			ProrationBehavior: Ptr(ProrationBehaviorCreateProrations),
			ProrationDate:     Ptr(int64(1737331200)),
			TrialEnd:          Keyword("now"),
			CancelAt:          Int(1767225600),
		},
		Discounts:    []DiscountParams{{PromotionCode: Ptr("promo_1")}},
		InvoiceItems: []InvoiceCreatePreviewInvoiceItemParams{{Amount: Ptr(int64(500)), Currency: Ptr("usd"), Description: Ptr("Extra")}},
		CustomerDetails: &InvoiceCreatePreviewCustomerDetailsParams{
			TaxIDs: []InvoiceCreatePreviewTaxIDParams{{Type: Ptr("eu_vat"), Value: Ptr("DE123456789")}},
		},
		AutomaticTax: &InvoiceCreatePreviewAutomaticTaxParams{Enabled: Ptr(false)},
		PreviewMode:  Ptr("next"),
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoices/create_preview")
	require.Equal(t, billingForm(
		"customer", "cus_PqR7sT8uV9wX1y",
		"subscription", "sub_1QaBcD2eZvKYlo2C3fGhIjKl",
		"subscription_details[items][0][id]", "si_RsT5uV6wX7yZ8b",
		"subscription_details[items][0][price]", "price_2",
		"subscription_details[proration_behavior]", "create_prorations",
		"subscription_details[proration_date]", "1737331200",
		"subscription_details[trial_end]", "now",
		"subscription_details[cancel_at]", "1767225600",
		"discounts[0][promotion_code]", "promo_1",
		"invoice_items[0][amount]", "500",
		"invoice_items[0][currency]", "usd",
		"invoice_items[0][description]", "Extra",
		"customer_details[tax_ids][0][type]", "eu_vat",
		"customer_details[tax_ids][0][value]", "DE123456789",
		"automatic_tax[enabled]", "false",
		"preview_mode", "next",
	), sent[0].Form)

	require.Empty(t, inv.ID)
	require.Equal(t, InvoiceBillingReasonUpcoming, inv.BillingReason)
	require.Equal(t, int64(2867), inv.AmountDue)
	require.Len(t, inv.Lines.Data, 2)
	pro := inv.Lines.Data[0]
	require.Equal(t, int64(-1633), pro.Amount)
	require.True(t, pro.Parent.SubscriptionItemDetails.Proration)
	require.Empty(t, pro.Invoice)
}

func TestInvoicesMarkUncollectible(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_uncollectible.json")))

	inv, err := c.Invoices.MarkUncollectible(context.Background(), testInvoiceID, nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoices/"+testInvoiceID+"/mark_uncollectible")
	require.Empty(t, sent[0].Form)
	require.Equal(t, InvoiceStatusUncollectible, inv.Status)
	require.Equal(t, int64(1738400000), inv.StatusTransitions.MarkedUncollectibleAt)

	_, err = c.Invoices.MarkUncollectible(context.Background(), "..", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 1)
}

func TestDeleteDiscounts(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "discount_deleted.json")), ok(fixture(t, "discount_deleted_subscription.json")))
	ctx := context.Background()

	d, err := c.Customers.DeleteDiscount(ctx, "cus_PqR7sT8uV9wX1y", nil)
	require.NoError(t, err)
	require.True(t, d.Deleted)
	require.Equal(t, "di_1QaBcQ2eZvKYlo2CdIsC0001", d.ID)
	require.Equal(t, "discount", d.Object)
	require.Equal(t, "cus_PqR7sT8uV9wX1y", d.Customer.ID)
	require.Equal(t, "SUMMER20", d.Source.Coupon.ID)
	require.Equal(t, "coupon", d.Source.Type)
	require.Equal(t, int64(1735689600), d.Start)
	require.Equal(t, int64(1743465600), d.End)

	sd, err := c.Subscriptions.DeleteDiscount(ctx, "sub_1QaBcD2eZvKYlo2C3fGhIjKl", &DiscountDeleteParams{RequestOptions: RequestOptions{StripeAccount: "acct_1"}})
	require.NoError(t, err)
	require.Equal(t, "sub_1QaBcD2eZvKYlo2C3fGhIjKl", sd.Subscription)
	require.Equal(t, "promo_1QaBcP2eZvKYlo2CpRoMo001", sd.PromotionCode.ID)
	require.Empty(t, sd.Customer.ID)

	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodDelete, "/v1/customers/cus_PqR7sT8uV9wX1y/discount")
	requireBillingRequest(t, sent[1], http.MethodDelete, "/v1/subscriptions/sub_1QaBcD2eZvKYlo2C3fGhIjKl/discount")
	require.Equal(t, "acct_1", sent[1].Header.Get("Stripe-Account"))

	_, err = c.Customers.DeleteDiscount(ctx, "", nil)
	require.Error(t, err)
	_, err = c.Subscriptions.DeleteDiscount(ctx, ".", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 2)
}
