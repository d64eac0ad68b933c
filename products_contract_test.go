package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractProducts(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	prod, err := c.Products.Create(ctx, &ProductCreateParams{
		ID:          Ptr("prod_gold"),
		Name:        Ptr("Gold Plan"),
		Description: Ptr("Monthly access to the Gold plan"),
		Active:      Ptr(true),
		Metadata:    Metadata{"tier": "gold"},
		DefaultPriceData: &ProductDefaultPriceDataParams{
			Currency:    Ptr("usd"),
			UnitAmount:  Ptr(int64(1500)),
			TaxBehavior: Ptr(PriceTaxBehaviorExclusive),
			Recurring:   &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth), IntervalCount: Ptr(int64(1))},
		},
		Images:              []string{"https://files.example.com/gold.png"},
		MarketingFeatures:   []ProductMarketingFeatureParams{{Name: Ptr("Unlimited projects")}},
		PackageDimensions:   &ProductPackageDimensionsParams{Height: Ptr(2.5), Length: Ptr(10.0), Weight: Ptr(16.25), Width: Ptr(8.0)},
		Shippable:           Ptr(false),
		StatementDescriptor: Ptr("GOLD PLAN"),
		TaxCode:             Ptr("txcd_10103001"),
		UnitLabel:           Ptr("seat"),
		URL:                 Ptr("https://example.com/gold"),
		Params:              Params{Expand: []string{"default_price"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, prod.ID)
	require.Equal(t, "product", prod.Object)

	got, err := c.Products.Get(ctx, prod.ID, &ProductGetParams{Params: Params{Expand: []string{"default_price"}}})
	require.NoError(t, err)
	require.Equal(t, "product", got.Object)

	_, err = c.Products.Update(ctx, prod.ID, &ProductUpdateParams{
		Active:            Ptr(false),
		DefaultPrice:      Ptr("price_123"),
		Description:       Ptr(""),
		Images:            []string{"https://files.example.com/gold2.png"},
		MarketingFeatures: []ProductMarketingFeatureParams{{Name: Ptr("Priority support")}},
		Metadata:          Metadata{"tier": ""},
		Name:              Ptr("Gold Plan v2"),
		PackageDimensions: &ProductPackageDimensionsParams{Height: Ptr(1.0), Length: Ptr(1.0), Weight: Ptr(1.0), Width: Ptr(1.0)},
		Shippable:         Ptr(true),
		TaxCode:           Ptr(""),
		UnitLabel:         Ptr(""),
		URL:               Ptr(""),
	})
	require.NoError(t, err)

	page, err := c.Products.List(ctx, &ProductListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))},
		Active:     Ptr(true),
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000))},
		IDs:        []string{"prod_1", "prod_2"},
		Shippable:  Ptr(false),
		URL:        Ptr("https://example.com/gold"),
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for prod, err := range c.Products.All(ctx, &ProductListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, prod.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.Products.Delete(ctx, prod.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}
