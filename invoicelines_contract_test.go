package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestContractInvoiceLines covers the invoice methods added for line
// items, previews and discounts.
func TestContractInvoiceLines(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	page, err := c.Invoices.Lines(ctx, "in_123", &InvoiceLineListParams{ListParams: ListParams{Limit: Ptr(int64(5))}})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for li, err := range c.Invoices.LinesAll(ctx, "in_123", nil) {
		require.NoError(t, err)
		require.NotEmpty(t, li.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	inv, err := c.Invoices.AddLines(ctx, "in_123", &InvoiceAddLinesParams{
		Lines: []InvoiceAddLinesLineParams{
			{InvoiceItem: Ptr("ii_123")},
			{
				Description: Ptr("Setup fee"),
				Quantity:    Ptr(int64(1)),
				Discounts:   []DiscountParams{{Coupon: Ptr("SUMMER20")}},
				PriceData: &InvoiceLinePriceDataParams{
					Currency: Ptr("usd"), UnitAmount: Ptr(int64(1000)),
					ProductData: &InvoiceLineProductDataParams{Name: Ptr("Setup")},
				},
				Period: &InvoiceItemPeriodParams{Start: Ptr(int64(1735689600)), End: Ptr(int64(1738368000))},
				TaxAmounts: []InvoiceLineTaxAmountParams{{
					Amount: Ptr(int64(190)), TaxableAmount: Ptr(int64(1000)),
					TaxRateData: &InvoiceLineTaxRateDataParams{DisplayName: Ptr("VAT"), Inclusive: Ptr(false), Percentage: Ptr(19.0)},
				}},
			},
		},
		InvoiceMetadata: Metadata{"batch": "7"},
	})
	require.NoError(t, err)
	require.NotEmpty(t, inv.ID) // stripe-mock echoes the path ID into odd fields
	_, err = c.Invoices.UpdateLines(ctx, "in_123", &InvoiceUpdateLinesParams{
		Lines: []InvoiceUpdateLinesLineParams{{ID: Ptr("il_123"), Description: Ptr(""), Pricing: &InvoiceItemPricingParams{Price: Ptr("price_123")}}},
	})
	require.NoError(t, err)
	_, err = c.Invoices.RemoveLines(ctx, "in_123", &InvoiceRemoveLinesParams{
		Lines: []InvoiceRemoveLineParams{{ID: Ptr("il_123"), Behavior: Ptr("unassign")}},
	})
	require.NoError(t, err)
	li, err := c.Invoices.UpdateLine(ctx, "in_123", "il_123", &InvoiceLineUpdateParams{
		Description: Ptr("Setup"), Discountable: Ptr(true), Metadata: Metadata{"ref": "setup"}, TaxRates: []string{"txr_123"},
	})
	require.NoError(t, err)
	require.Equal(t, "line_item", li.Object)

	pre, err := c.Invoices.CreatePreview(ctx, &InvoiceCreatePreviewParams{
		Customer:     Ptr("cus_123"),
		Subscription: Ptr("sub_123"),
		SubscriptionDetails: &InvoiceCreatePreviewSubscriptionDetailsParams{
			Items:              []InvoiceCreatePreviewItemParams{{ID: Ptr("si_123"), Price: Ptr("price_123")}},
			ProrationBehavior:  Ptr(ProrationBehaviorCreateProrations),
			ProrationDate:      Ptr(int64(1737331200)),
			BillingCycleAnchor: Keyword("unchanged"),
			CancelAt:           Keyword("max_period_end"),
			TrialEnd:           Int(1900000000),
		},
		Discounts:    []DiscountParams{{PromotionCode: Ptr("promo_123")}},
		InvoiceItems: []InvoiceCreatePreviewInvoiceItemParams{{Amount: Ptr(int64(500)), Currency: Ptr("usd"), Description: Ptr("Extra")}},
		CustomerDetails: &InvoiceCreatePreviewCustomerDetailsParams{
			TaxIDs:    []InvoiceCreatePreviewTaxIDParams{{Type: Ptr("eu_vat"), Value: Ptr("DE123456789")}},
			TaxExempt: Ptr(CustomerTaxExemptNone),
			Address:   &AddressParams{Country: Ptr("DE")},
		},
		AutomaticTax: &InvoiceCreatePreviewAutomaticTaxParams{Enabled: Ptr(false)},
		Issuer:       &InvoiceCreatePreviewIssuerParams{Type: Ptr("self")},
		PreviewMode:  Ptr("next"),
	})
	require.NoError(t, err)
	require.Equal(t, "invoice", pre.Object)

	unc, err := c.Invoices.MarkUncollectible(ctx, "in_123", nil)
	require.NoError(t, err)
	require.Equal(t, "invoice", unc.Object)

	d, err := c.Customers.DeleteDiscount(ctx, "cus_123", nil)
	require.NoError(t, err)
	require.Equal(t, "discount", d.Object)
	d, err = c.Subscriptions.DeleteDiscount(ctx, "sub_123", nil)
	require.NoError(t, err)
	require.Equal(t, "discount", d.Object)
}
