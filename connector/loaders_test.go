package connector

import (
	"context"
	"net/url"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// TestOptionLoaders loads the first page of each list loader from a
// fixture, then the next page with its cursor.
func TestOptionLoaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		loader, fixture string
		query           LoadQuery
		path            string
		params          url.Values // sent besides limit and starting_after
		first           Choice
		next            string
	}{
		{"customers", "customers_page1.json", LoadQuery{Search: "c001@example.com", Limit: 3}, "/v1/customers",
			url.Values{"email": {"c001@example.com"}}, Choice{"cus_001", "c001@example.com · cus_001"}, "cus_003"},
		{"products", "products_page1.json", LoadQuery{Limit: 2}, "/v1/products",
			url.Values{"active": {"true"}}, Choice{"prod_001", ""}, "prod_002"},
		{"prices", "prices_page1.json", LoadQuery{ParentID: "prod_1", Limit: 2}, "/v1/prices",
			url.Values{"product": {"prod_1"}, "active": {"true"}}, Choice{"price_001", "1.00 USD · price_001"}, "price_002"},
		{"subscriptions", "subscriptions_page1.json", LoadQuery{ParentID: "cus_1", Limit: 2}, "/v1/subscriptions",
			url.Values{"customer": {"cus_1"}, "status": {"all"}}, Choice{}, ""},
		{"cards", "cards_page1.json", LoadQuery{ParentID: "cus_1", Limit: 2}, "/v1/customers/cus_1/sources",
			url.Values{"object": {"card"}}, Choice{"card_1NGTb32eZvKYlo2CpAgeS0Yq", "MasterCard •••• 4444 · 08/2030"}, "card_1NGTb22eZvKYlo2CpAgeS0Yq"},
		{"paymentMethods", "payment_method_list.json", LoadQuery{ParentID: "cus_1", Limit: 2}, "/v1/customers/cus_1/payment_methods",
			nil, Choice{"pm_1Pgc75B7WZ01zgkWlHVgdEGJ", "visa •••• 4242 · 08/2030 · pm_1Pgc75B7WZ01zgkWlHVgdEGJ"}, ""},
		{"coupons", "coupons_page1.json", LoadQuery{Limit: 2}, "/v1/coupons",
			nil, Choice{"SUMMER20", "20% off · 20% off · SUMMER20"}, "TENOFF"},
		{"taxRates", "tax_rates_page1.json", LoadQuery{Limit: 2}, "/v1/tax_rates",
			url.Values{"active": {"true"}}, Choice{"txr_1QaBcG2eZvKYlo2C", "VAT · 19% · DE · txr_1QaBcG2eZvKYlo2C"}, "txr_1QaBcG2eZvKYlo2D"},
	} {
		t.Run(tc.loader, func(t *testing.T) {
			t.Parallel()
			c, mt := newTestClient(t)
			rec := record(mt, fixture(t, tc.fixture))
			page, err := LoadOptions(context.Background(), c, tc.loader, tc.query)
			require.NoError(t, err)
			require.NotEmpty(t, page.Choices)
			if tc.first.Value != "" {
				assert.Equal(t, tc.first.Value, page.Choices[0].Value)
			}
			if tc.first.Label != "" {
				assert.Equal(t, tc.first.Label, page.Choices[0].Label)
			}
			for _, ch := range page.Choices {
				assert.NotEmpty(t, ch.Value)
				assert.NotEmpty(t, ch.Label)
			}
			if tc.next != "" {
				assert.Equal(t, tc.next, page.NextCursor, "has_more: a cursor for the next page")
			}

			q := tc.query
			q.Cursor = page.NextCursor
			_, err = LoadOptions(context.Background(), c, tc.loader, q)
			require.NoError(t, err)
			reqs := rec.sent()
			require.Len(t, reqs, 2, "one request per page, on demand")
			for i, r := range reqs {
				want := url.Values{}
				for k, v := range tc.params {
					want[k] = v
				}
				want.Set("limit", "2")
				if tc.query.Limit == 3 {
					want.Set("limit", "3")
				}
				if i == 1 && page.NextCursor != "" {
					want.Set("starting_after", page.NextCursor)
				}
				assert.Equal(t, tc.path, r.Path)
				assert.Equal(t, want, r.Query, "page %d", i)
			}
		})
	}
}

func TestOptionLoadersStatic(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	page, err := LoadOptions(ctx, nil, "currencies", LoadQuery{Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, []Choice{{"usd", "USD · US dollar"}, {"eur", "EUR · Euro"}}, page.Choices)
	assert.Equal(t, "eur", page.NextCursor)
	page, err = LoadOptions(ctx, nil, "currencies", LoadQuery{Limit: 2, Cursor: "eur"})
	require.NoError(t, err)
	assert.Equal(t, "gbp", page.Choices[0].Value)

	page, err = LoadOptions(ctx, nil, "currencies", LoadQuery{Search: "franc"})
	require.NoError(t, err)
	assert.Equal(t, []Choice{{"chf", "CHF · Swiss franc"}}, page.Choices)
	assert.Empty(t, page.NextCursor)

	page, err = LoadOptions(ctx, nil, "eventTypes", LoadQuery{Search: "invoice.pa", Limit: 100})
	require.NoError(t, err)
	var values []string
	for _, ch := range page.Choices {
		values = append(values, ch.Value)
	}
	assert.Contains(t, values, "invoice.paid")
	assert.Contains(t, values, "invoice.payment_failed")
	assert.NotContains(t, values, "charge.succeeded")

	// Walking every page returns every choice once.
	var all []string
	q := LoadQuery{Limit: 7}
	for {
		page, err := LoadOptions(ctx, nil, "eventTypes", q)
		require.NoError(t, err)
		for _, ch := range page.Choices {
			all = append(all, ch.Value)
		}
		if page.NextCursor == "" {
			break
		}
		q.Cursor = page.NextCursor
	}
	assert.Equal(t, sdkEnums[reflect.TypeFor[stripe.EventType]()], all, "the SDK's event types, each once, in order")
}

func TestOptionLoaderErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		loader string
		q      LoadQuery
		field  string
		code   string
	}{
		{"prices", LoadQuery{}, "parentId", CodeMissingField},
		{"products", LoadQuery{ParentID: "x"}, "parentId", CodeInvalidValue},
		{"products", LoadQuery{Search: "gold"}, "search", CodeInvalidValue},
		{"customers", LoadQuery{Limit: 101}, "limit", CodeInvalidValue},
		{"customers", LoadQuery{Limit: -1}, "limit", CodeInvalidValue},
		{"currencies", LoadQuery{Cursor: "xyz"}, "cursor", CodeInvalidValue},
		{"nope", LoadQuery{}, "loader", CodeUnknownAction},
	} {
		c, mt := newTestClient(t)
		rec := record(mt)
		_, err := LoadOptions(context.Background(), c, tc.loader, tc.q)
		requireConfigError(t, err, tc.field, tc.code)
		assert.Empty(t, rec.sent(), "%s: nothing sent", tc.loader)
	}
}
