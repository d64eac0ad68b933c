package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPricesCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price.json")))

	pr, err := c.Prices.Create(context.Background(), &PriceCreateParams{
		Currency:   Ptr("usd"),
		UnitAmount: Ptr(int64(1500)),
		Product:    Ptr("prod_NWjs8kKbJWmuuc"),
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
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/prices", sent[0].Path)
	assert.Equal(t, url.Values{
		"currency":                      {"usd"},
		"unit_amount":                   {"1500"},
		"product":                       {"prod_NWjs8kKbJWmuuc"},
		"recurring[interval]":           {"month"},
		"recurring[interval_count]":     {"3"},
		"recurring[usage_type]":         {"licensed"},
		"nickname":                      {"Gold monthly"},
		"metadata[plan]":                {"gold"},
		"lookup_key":                    {"gold_monthly"},
		"active":                        {"true"},
		"tax_behavior":                  {"exclusive"},
		"billing_scheme":                {"per_unit"},
		"transform_quantity[divide_by]": {"10"},
		"transform_quantity[round]":     {"up"},
	}, sent[0].Form)

	// Every field of the full fixture.
	assert.Equal(t, "price_1MoBy5LkdIwHu7ixZhnattbh", pr.ID)
	assert.Equal(t, "price", pr.Object)
	assert.True(t, pr.Active)
	assert.Equal(t, PriceBillingSchemePerUnit, pr.BillingScheme)
	assert.Equal(t, int64(1679431181), pr.Created)
	assert.Equal(t, "usd", pr.Currency)
	assert.Zero(t, pr.CustomUnitAmount)
	assert.False(t, pr.Livemode)
	assert.Equal(t, "gold_monthly", pr.LookupKey)
	assert.Equal(t, map[string]string{"plan": "gold"}, pr.Metadata)
	assert.Equal(t, "Gold monthly", pr.Nickname)
	assert.Equal(t, "prod_NWjs8kKbJWmuuc", pr.Product.ID)
	assert.Nil(t, pr.Product.Object)
	require.NotNil(t, pr.Recurring)
	assert.Equal(t, PriceRecurring{Interval: PriceRecurringIntervalMonth, IntervalCount: 3, UsageType: PriceRecurringUsageTypeLicensed}, *pr.Recurring)
	assert.Equal(t, PriceTaxBehaviorExclusive, pr.TaxBehavior)
	assert.Empty(t, pr.Tiers)
	assert.Empty(t, pr.TiersMode)
	assert.Equal(t, &PriceTransformQuantity{DivideBy: 10, Round: "up"}, pr.TransformQuantity)
	assert.Equal(t, PriceTypeRecurring, pr.Type)
	assert.Equal(t, int64(1500), pr.UnitAmount)
	assert.Equal(t, "1500", pr.UnitAmountDecimal)
}

func TestPricesCreateTieredWithProductData(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price_expanded.json")))

	_, err := c.Prices.Create(context.Background(), &PriceCreateParams{
		Currency:      Ptr("eur"),
		BillingScheme: Ptr(PriceBillingSchemeTiered),
		TiersMode:     Ptr(PriceTiersModeGraduated),
		Tiers: []PriceTierParams{
			{UpTo: Int(100), UnitAmount: Ptr(int64(50)), FlatAmount: Ptr(int64(1000))},
			{UpTo: Keyword("inf"), UnitAmountDecimal: Ptr("0.5")},
		},
		ProductData: &PriceProductDataParams{Name: Ptr("Gold Plan"), Active: Ptr(true), Metadata: Metadata{"tier": "gold"}},
	})
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"currency":                      {"eur"},
		"billing_scheme":                {"tiered"},
		"tiers_mode":                    {"graduated"},
		"tiers[0][up_to]":               {"100"},
		"tiers[0][unit_amount]":         {"50"},
		"tiers[0][flat_amount]":         {"1000"},
		"tiers[1][up_to]":               {"inf"},
		"tiers[1][unit_amount_decimal]": {"0.5"},
		"product_data[name]":            {"Gold Plan"},
		"product_data[active]":          {"true"},
		"product_data[metadata][tier]":  {"gold"},
	}, rec.requests()[0].Form)
}

func TestPricesCreateFreePriceSendsZero(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price.json")))

	_, err := c.Prices.Create(context.Background(), &PriceCreateParams{Currency: Ptr("usd"), Product: Ptr("prod_1"), UnitAmount: Ptr(int64(0))})
	require.NoError(t, err)
	assert.Equal(t, "0", rec.requests()[0].Form.Get("unit_amount"))
}

func TestPricesGetExpandedProduct(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price_expanded.json")))

	pr, err := c.Prices.Get(context.Background(), "price_1MoBy5LkdIwHu7ixTiered1", &PriceGetParams{
		Params: Params{Expand: []string{"product", "tiers"}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/prices/price_1MoBy5LkdIwHu7ixTiered1", sent[0].Path)
	assert.Equal(t, url.Values{"expand[0]": {"product"}, "expand[1]": {"tiers"}}, sent[0].Query)

	assert.Equal(t, "prod_NWjs8kKbJWmuuc", pr.Product.ID)
	require.NotNil(t, pr.Product.Object)
	assert.Equal(t, "Gold Plan", pr.Product.Object.Name)
	assert.Equal(t, "price_1MoBy5LkdIwHu7ixZhnattbh", pr.Product.Object.DefaultPrice.ID)

	assert.False(t, pr.Active)
	assert.Equal(t, PriceBillingSchemeTiered, pr.BillingScheme)
	assert.Equal(t, &PriceCustomUnitAmount{Maximum: 100000, Minimum: 500, Preset: 2500}, pr.CustomUnitAmount)
	assert.Nil(t, pr.Recurring)
	assert.Equal(t, PriceTaxBehaviorUnspecified, pr.TaxBehavior)
	assert.Equal(t, []PriceTier{
		{FlatAmount: 1000, FlatAmountDecimal: "1000", UnitAmount: 50, UnitAmountDecimal: "50", UpTo: 100},
		{UnitAmountDecimal: "0.5"},
	}, pr.Tiers)
	assert.Equal(t, PriceTiersModeGraduated, pr.TiersMode)
	assert.Equal(t, PriceTypeOneTime, pr.Type)
	assert.Zero(t, pr.UnitAmount)
	assert.Empty(t, pr.UnitAmountDecimal)
	assert.Empty(t, pr.LookupKey)
	assert.Empty(t, pr.Nickname)
}

func TestPricesGetNilParamsAndBadID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price.json")))

	pr, err := c.Prices.Get(context.Background(), "price_1", nil)
	require.NoError(t, err)
	assert.Equal(t, "price_1MoBy5LkdIwHu7ixZhnattbh", pr.ID)
	assert.Empty(t, rec.requests()[0].Query)

	for _, id := range []string{"", ".."} {
		_, err = c.Prices.Get(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Prices.Update(context.Background(), id, nil)
		require.Error(t, err)
	}
	assert.Len(t, rec.requests(), 1)
}

func TestPricesUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "price.json")))

	pr, err := c.Prices.Update(context.Background(), "price_1MoBy5LkdIwHu7ixZhnattbh", &PriceUpdateParams{
		Active:            Ptr(false),
		Metadata:          Metadata{"plan": ""},
		Nickname:          Ptr(""),
		LookupKey:         Ptr("gold_monthly"),
		TransferLookupKey: Ptr(true),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/prices/price_1MoBy5LkdIwHu7ixZhnattbh", sent[0].Path)
	assert.Equal(t, url.Values{
		"active":              {"false"},
		"metadata[plan]":      {""},
		"nickname":            {""},
		"lookup_key":          {"gold_monthly"},
		"transfer_lookup_key": {"true"},
	}, sent[0].Form)
	assert.Equal(t, "gold_monthly", pr.LookupKey)
}

func TestPricesList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "prices_page1.json")))

	page, err := c.Prices.List(context.Background(), &PriceListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Product:    Ptr("prod_001"),
		Active:     Ptr(true),
		Type:       Ptr(PriceTypeRecurring),
		Currency:   Ptr("usd"),
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000))},
		LookupKeys: []string{"gold_monthly", "gold_yearly"},
		Recurring:  &PriceListRecurringParams{Interval: Ptr(PriceRecurringIntervalYear)},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/prices", sent[0].Path)
	assert.Equal(t, url.Values{
		"limit":               {"2"},
		"product":             {"prod_001"},
		"active":              {"true"},
		"type":                {"recurring"},
		"currency":            {"usd"},
		"created[gte]":        {"1700000000"},
		"lookup_keys[0]":      {"gold_monthly"},
		"lookup_keys[1]":      {"gold_yearly"},
		"recurring[interval]": {"year"},
	}, sent[0].Query)
	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	assert.Equal(t, PriceTypeOneTime, page.Data[0].Type)
	require.NotNil(t, page.Data[1].Recurring)
	assert.Equal(t, PriceRecurringIntervalYear, page.Data[1].Recurring.Interval)
}

func TestPricesAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "prices_page1.json")), ok(fixture(t, "prices_page2.json")))

	var ids []string
	for pr, err := range c.Prices.All(context.Background(), &PriceListParams{Active: Ptr(true)}) {
		require.NoError(t, err)
		ids = append(ids, pr.ID)
	}
	assert.Equal(t, []string{"price_001", "price_002", "price_003"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Equal(t, url.Values{"active": {"true"}, "starting_after": {"price_002"}}, sent[1].Query)
}

func TestPriceCurrencyOptionsEncode(t *testing.T) {
	t.Parallel()
	got, err := encodeForm(&PriceUpdateParams{CurrencyOptions: PriceCurrencyOptionsParams{
		"gbp": {UnitAmount: Ptr(int64(800))},
		"eur": {UnitAmount: Ptr(int64(900)), TaxBehavior: Ptr(PriceTaxBehaviorExclusive),
			Tiers: []PriceTierParams{{UpTo: Keyword("inf"), UnitAmount: Ptr(int64(5))}}},
	}})
	require.NoError(t, err)
	require.Equal(t, url.Values{
		"currency_options[eur][unit_amount]":           {"900"},
		"currency_options[eur][tax_behavior]":          {"exclusive"},
		"currency_options[eur][tiers][0][up_to]":       {"inf"},
		"currency_options[eur][tiers][0][unit_amount]": {"5"},
		"currency_options[gbp][unit_amount]":           {"800"},
	}, got)
	_, err = encodeForm(&PriceUpdateParams{CurrencyOptions: PriceCurrencyOptionsParams{"e]ur": {}}})
	require.ErrorContains(t, err, "invalid currency_options key")
}
