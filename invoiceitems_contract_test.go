package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractInvoiceItems(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	ii, err := c.InvoiceItems.Create(ctx, &InvoiceItemCreateParams{
		Customer:     Ptr("cus_123"),
		Invoice:      Ptr("in_123"),
		Amount:       Ptr(int64(9900)),
		Currency:     Ptr("usd"),
		Description:  Ptr("Consulting, 3 hours"),
		Discountable: Ptr(true),
		Metadata:     Metadata{"project": "onboarding"},
		Period:       &InvoiceItemPeriodParams{Start: Ptr(int64(1735689600)), End: Ptr(int64(1738368000))},
		TaxRates:     []string{"txr_123"},
		Params:       Params{Expand: []string{"customer", "invoice"}},
	})
	require.NoError(t, err)
	require.Equal(t, "invoiceitem", ii.Object)
	require.NotEmpty(t, ii.ID)

	// Priced by an existing price, and by inline price data.
	_, err = c.InvoiceItems.Create(ctx, &InvoiceItemCreateParams{
		Customer: Ptr("cus_123"),
		Pricing:  &InvoiceItemPricingParams{Price: Ptr("price_123")},
		Quantity: Ptr(int64(3)),
	})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(ctx, &InvoiceItemCreateParams{
		Customer:     Ptr("cus_123"),
		Subscription: Ptr("sub_123"),
		PriceData: &InvoiceItemPriceDataParams{
			Currency: Ptr("usd"), Product: Ptr("prod_123"), UnitAmount: Ptr(int64(1500)), TaxBehavior: Ptr(PriceTaxBehaviorExclusive),
		},
		TaxBehavior: Ptr(PriceTaxBehaviorExclusive),
		TaxCode:     Ptr("txcd_10000000"),
	})
	require.NoError(t, err)

	got, err := c.InvoiceItems.Get(ctx, ii.ID, &InvoiceItemGetParams{Params: Params{Expand: []string{"invoice"}}})
	require.NoError(t, err)
	require.Equal(t, "invoiceitem", got.Object)

	_, err = c.InvoiceItems.Update(ctx, ii.ID, &InvoiceItemUpdateParams{
		Amount:            nil,
		Description:       Ptr(""),
		Quantity:          Ptr(int64(2)),
		UnitAmountDecimal: Ptr("4950"),
		Metadata:          Metadata{"project": ""},
		Period:            &InvoiceItemPeriodParams{Start: Ptr(int64(1735689600)), End: Ptr(int64(1738368000))},
		Pricing:           &InvoiceItemPricingParams{Price: Ptr("price_456")},
		Discountable:      Ptr(false),
	})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Update(ctx, ii.ID, &InvoiceItemUpdateParams{Amount: Ptr(int64(12000))})
	require.NoError(t, err)

	page, err := c.InvoiceItems.List(ctx, &InvoiceItemListParams{
		ListParams: ListParams{Limit: Ptr(int64(5)), EndingBefore: Ptr("ii_9")},
		Customer:   Ptr("cus_123"),
		Invoice:    Ptr("in_123"),
		Pending:    Ptr(false),
		Created:    &RangeQuery{GT: Ptr(int64(1700000000)), LTE: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for ii, err := range c.InvoiceItems.All(ctx, &InvoiceItemListParams{Pending: Ptr(true)}) {
		require.NoError(t, err)
		require.NotEmpty(t, ii.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.InvoiceItems.Delete(ctx, ii.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
