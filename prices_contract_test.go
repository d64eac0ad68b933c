package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractPrices(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	pr, err := c.Prices.Create(ctx, &PriceCreateParams{
		Currency:   Ptr("usd"),
		UnitAmount: Ptr(int64(1500)),
		Product:    Ptr("prod_123"),
		Recurring: &PriceRecurringParams{
			Interval:      Ptr(PriceRecurringIntervalMonth),
			IntervalCount: Ptr(int64(3)),
			UsageType:     Ptr(PriceRecurringUsageTypeLicensed),
		},
		Nickname:          Ptr("Gold monthly"),
		Metadata:          Metadata{"plan": "gold"},
		LookupKey:         Ptr("gold_monthly"),
		Active:            Ptr(true),
		TaxBehavior:       Ptr(PriceTaxBehaviorExclusive),
		BillingScheme:     Ptr(PriceBillingSchemePerUnit),
		TransformQuantity: &PriceTransformQuantityParams{DivideBy: Ptr(int64(10)), Round: Ptr("up")},
		Params:            Params{Expand: []string{"product"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, pr.ID)
	require.Equal(t, "price", pr.Object)

	_, err = c.Prices.Create(ctx, &PriceCreateParams{
		Currency:      Ptr("eur"),
		BillingScheme: Ptr(PriceBillingSchemeTiered),
		TiersMode:     Ptr(PriceTiersModeVolume),
		Tiers: []PriceTierParams{
			{UpTo: Int(100), UnitAmount: Ptr(int64(50)), FlatAmount: Ptr(int64(1000))},
			{UpTo: Keyword("inf"), UnitAmountDecimal: Ptr("0.5")},
		},
		ProductData: &PriceProductDataParams{Name: Ptr("Gold Plan"), Active: Ptr(true), UnitLabel: Ptr("seat")},
	})
	require.NoError(t, err)

	_, err = c.Prices.Create(ctx, &PriceCreateParams{
		Currency:         Ptr("usd"),
		Product:          Ptr("prod_123"),
		CustomUnitAmount: &PriceCustomUnitAmountParams{Enabled: Ptr(true), Minimum: Ptr(int64(500)), Preset: Ptr(int64(2500))},
	})
	require.NoError(t, err)

	got, err := c.Prices.Get(ctx, pr.ID, &PriceGetParams{Params: Params{Expand: []string{"product"}}})
	require.NoError(t, err)
	require.Equal(t, "price", got.Object)

	_, err = c.Prices.Update(ctx, pr.ID, &PriceUpdateParams{
		Active:            Ptr(false),
		Metadata:          Metadata{"plan": ""},
		Nickname:          Ptr(""),
		LookupKey:         Ptr("gold_monthly"),
		TransferLookupKey: Ptr(true),
		TaxBehavior:       Ptr(PriceTaxBehaviorInclusive),
	})
	require.NoError(t, err)

	page, err := c.Prices.List(ctx, &PriceListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))},
		Product:    Ptr("prod_123"),
		Active:     Ptr(true),
		Type:       Ptr(PriceTypeRecurring),
		Currency:   Ptr("usd"),
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000))},
		LookupKeys: []string{"gold_monthly"},
		Recurring:  &PriceListRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth), UsageType: Ptr(PriceRecurringUsageTypeLicensed)},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for pr, err := range c.Prices.All(ctx, &PriceListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, pr.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)
}
