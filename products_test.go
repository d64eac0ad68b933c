package stripe

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProductsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "product.json")))

	prod, err := c.Products.Create(context.Background(), &ProductCreateParams{
		ID:          Ptr("prod_NWjs8kKbJWmuuc"),
		Name:        Ptr("Gold Plan"),
		Description: Ptr("Monthly access to the Gold plan"),
		Active:      Ptr(true),
		Metadata:    Metadata{"tier": "gold"},
		DefaultPriceData: &ProductDefaultPriceDataParams{
			Currency:   Ptr("usd"),
			UnitAmount: Ptr(int64(1500)),
			Recurring:  &PriceDataRecurringParams{Interval: Ptr(PriceRecurringIntervalMonth), IntervalCount: Ptr(int64(1))},
		},
		Images:              []string{"https://files.example.com/gold.png"},
		MarketingFeatures:   []ProductMarketingFeatureParams{{Name: Ptr("Unlimited projects")}, {Name: Ptr("Priority support")}},
		PackageDimensions:   &ProductPackageDimensionsParams{Height: Ptr(2.5), Length: Ptr(10.0), Weight: Ptr(16.25), Width: Ptr(8.0)},
		Shippable:           Ptr(false),
		StatementDescriptor: Ptr("GOLD PLAN"),
		TaxCode:             Ptr("txcd_10103001"),
		UnitLabel:           Ptr("seat"),
		URL:                 Ptr("https://example.com/gold"),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/products", sent[0].Path)
	assert.Equal(t, url.Values{
		"id":                              {"prod_NWjs8kKbJWmuuc"},
		"name":                            {"Gold Plan"},
		"description":                     {"Monthly access to the Gold plan"},
		"active":                          {"true"},
		"metadata[tier]":                  {"gold"},
		"default_price_data[currency]":    {"usd"},
		"default_price_data[unit_amount]": {"1500"},
		"default_price_data[recurring][interval]":       {"month"},
		"default_price_data[recurring][interval_count]": {"1"},
		"images[0]":                   {"https://files.example.com/gold.png"},
		"marketing_features[0][name]": {"Unlimited projects"},
		"marketing_features[1][name]": {"Priority support"},
		"package_dimensions[height]":  {"2.5"},
		"package_dimensions[length]":  {"10"},
		"package_dimensions[weight]":  {"16.25"},
		"package_dimensions[width]":   {"8"},
		"shippable":                   {"false"},
		"statement_descriptor":        {"GOLD PLAN"},
		"tax_code":                    {"txcd_10103001"},
		"unit_label":                  {"seat"},
		"url":                         {"https://example.com/gold"},
	}, sent[0].Form)

	// Every field of the full fixture.
	assert.Equal(t, "prod_NWjs8kKbJWmuuc", prod.ID)
	assert.Equal(t, "product", prod.Object)
	assert.True(t, prod.Active)
	assert.Equal(t, int64(1678833149), prod.Created)
	assert.Equal(t, "price_1MoBy5LkdIwHu7ixZhnattbh", prod.DefaultPrice.ID)
	assert.Nil(t, prod.DefaultPrice.Object)
	assert.Equal(t, "Monthly access to the Gold plan", prod.Description)
	assert.Equal(t, []string{"https://files.example.com/gold.png"}, prod.Images)
	assert.False(t, prod.Livemode)
	assert.Equal(t, []ProductMarketingFeature{{Name: "Unlimited projects"}, {Name: "Priority support"}}, prod.MarketingFeatures)
	assert.Equal(t, map[string]string{"tier": "gold"}, prod.Metadata)
	assert.Equal(t, "Gold Plan", prod.Name)
	assert.Equal(t, &ProductPackageDimensions{Height: 2.5, Length: 10, Weight: 16.25, Width: 8}, prod.PackageDimensions)
	assert.True(t, prod.Shippable)
	assert.Equal(t, "GOLD PLAN", prod.StatementDescriptor)
	assert.Equal(t, "txcd_10103001", prod.TaxCode.ID)
	assert.Nil(t, prod.TaxCode.Object)
	assert.Equal(t, "seat", prod.UnitLabel)
	assert.Equal(t, int64(1678833150), prod.Updated)
	assert.Equal(t, "https://example.com/gold", prod.URL)
}

func TestProductsCreateRequiresName(t *testing.T) {
	t.Parallel()
	for name, params := range map[string]*ProductCreateParams{
		"nil params": nil,
		"no name":    {Description: Ptr("x"), Active: Ptr(true)},
		"empty name": {Name: Ptr("")},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := mock(mt, ok(fixture(t, "product.json")))
			prod, err := c.Products.Create(context.Background(), params)
			require.EqualError(t, err, "stripe: Products.Create: Name is required")
			assert.Nil(t, prod)
			assert.Empty(t, rec.requests(), "no request may be sent")
		})
	}
}

func TestProductsGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "product_expanded.json")))

	prod, err := c.Products.Get(context.Background(), "prod_NWjs8kKbJWmuuc", &ProductGetParams{
		Params: Params{Expand: []string{"default_price", "tax_code"}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/products/prod_NWjs8kKbJWmuuc", sent[0].Path)
	assert.Equal(t, url.Values{"expand[0]": {"default_price"}, "expand[1]": {"tax_code"}}, sent[0].Query)

	assert.Equal(t, "price_1MoBy5LkdIwHu7ixZhnattbh", prod.DefaultPrice.ID)
	require.NotNil(t, prod.DefaultPrice.Object)
	pr := prod.DefaultPrice.Object
	assert.Equal(t, int64(1500), pr.UnitAmount)
	assert.Equal(t, PriceTypeRecurring, pr.Type)
	require.NotNil(t, pr.Recurring)
	assert.Equal(t, PriceRecurringIntervalMonth, pr.Recurring.Interval)
	assert.Equal(t, "prod_NWjs8kKbJWmuuc", pr.Product.ID)

	assert.Equal(t, "txcd_10103001", prod.TaxCode.ID)
	require.NotNil(t, prod.TaxCode.Object)
	assert.Equal(t, "tax_code", prod.TaxCode.Object.Object)
	assert.Equal(t, "Software as a Service (SaaS) - business use", prod.TaxCode.Object.Name)

	assert.Empty(t, prod.Description)
	assert.Empty(t, prod.Images)
	assert.Zero(t, prod.PackageDimensions)
	assert.False(t, prod.Shippable)
	assert.Empty(t, prod.URL)
}

func TestProductsGetNilParamsAndBadID(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "product.json")))

	prod, err := c.Products.Get(context.Background(), "prod 1", nil)
	require.NoError(t, err)
	assert.Equal(t, "prod_NWjs8kKbJWmuuc", prod.ID)
	assert.Equal(t, "/v1/products/prod%201", rec.requests()[0].Path)
	assert.Empty(t, rec.requests()[0].Query)

	for _, id := range []string{"", ".."} {
		_, err = c.Products.Get(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Products.Update(context.Background(), id, nil)
		require.Error(t, err)
		_, err = c.Products.Delete(context.Background(), id, nil)
		require.Error(t, err)
	}
	assert.Len(t, rec.requests(), 1)
}

func TestProductsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "product.json")))

	prod, err := c.Products.Update(context.Background(), "prod_NWjs8kKbJWmuuc", &ProductUpdateParams{
		Active:       Ptr(false),
		DefaultPrice: Ptr("price_1MoBy5LkdIwHu7ixZhnattbh"),
		Description:  Ptr(""),
		Metadata:     Metadata{"tier": ""},
		Name:         Ptr("Gold Plan"),
		UnitLabel:    Ptr(""),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "POST", sent[0].Method)
	assert.Equal(t, "/v1/products/prod_NWjs8kKbJWmuuc", sent[0].Path)
	assert.Equal(t, url.Values{
		"active":         {"false"},
		"default_price":  {"price_1MoBy5LkdIwHu7ixZhnattbh"},
		"description":    {""},
		"metadata[tier]": {""},
		"name":           {"Gold Plan"},
		"unit_label":     {""},
	}, sent[0].Form)
	assert.Equal(t, "Gold Plan", prod.Name)
}

func TestProductsDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "product_deleted.json")))

	d, err := c.Products.Delete(context.Background(), "prod_NWjs8kKbJWmuuc", nil)
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "DELETE", sent[0].Method)
	assert.Equal(t, "/v1/products/prod_NWjs8kKbJWmuuc", sent[0].Path)
	assert.Empty(t, sent[0].Query)
	assert.Empty(t, sent[0].RawBody)
	assert.Equal(t, &Deleted{ID: "prod_NWjs8kKbJWmuuc", Object: "product", Deleted: true}, d)
}

func TestProductsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "products_page1.json")))

	page, err := c.Products.List(context.Background(), &ProductListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Active:     Ptr(false),
		Created:    &RangeQuery{LTE: Ptr(int64(1800000000))},
		IDs:        []string{"prod_001", "prod_002"},
		Shippable:  Ptr(true),
		URL:        Ptr("https://example.com/gold"),
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "GET", sent[0].Method)
	assert.Equal(t, "/v1/products", sent[0].Path)
	assert.Equal(t, url.Values{
		"limit":        {"2"},
		"active":       {"false"},
		"created[lte]": {"1800000000"},
		"ids[0]":       {"prod_001"},
		"ids[1]":       {"prod_002"},
		"shippable":    {"true"},
		"url":          {"https://example.com/gold"},
	}, sent[0].Query)
	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	assert.Equal(t, "Silver", page.Data[1].Name)
}

func TestProductsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "products_page1.json")), ok(fixture(t, "products_page2.json")))

	var names []string
	for prod, err := range c.Products.All(context.Background(), nil) {
		require.NoError(t, err)
		names = append(names, prod.Name)
	}
	assert.Equal(t, []string{"Gold", "Silver", "Bronze"}, names)
	sent := rec.requests()
	require.Len(t, sent, 2)
	assert.Empty(t, sent[0].Query)
	assert.Equal(t, url.Values{"starting_after": {"prod_002"}}, sent[1].Query)
}
