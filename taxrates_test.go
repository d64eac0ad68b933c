package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTaxRatesCreateGetUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "tax_rate.json")))
	ctx := context.Background()

	tr, err := c.TaxRates.Create(ctx, &TaxRateCreateParams{
		DisplayName: Ptr("VAT"), Description: Ptr("VAT Germany"), Percentage: Ptr(19.0), Inclusive: Ptr(false),
		Country: Ptr("DE"), Jurisdiction: Ptr("DE"), TaxType: Ptr("vat"), Active: Ptr(true), Metadata: Metadata{"region": "eu"},
	})
	require.NoError(t, err)
	_, err = c.TaxRates.Get(ctx, "txr_1QaBcG2eZvKYlo2C", nil)
	require.NoError(t, err)
	_, err = c.TaxRates.Update(ctx, "txr_1QaBcG2eZvKYlo2C", &TaxRateUpdateParams{Active: Ptr(false), Description: Ptr(""), State: Ptr("BE")})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/tax_rates")
	require.Equal(t, billingForm(
		"display_name", "VAT", "description", "VAT Germany", "percentage", "19", "inclusive", "false",
		"country", "DE", "jurisdiction", "DE", "tax_type", "vat", "active", "true", "metadata[region]", "eu",
	), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodGet, "/v1/tax_rates/txr_1QaBcG2eZvKYlo2C")
	requireBillingRequest(t, sent[2], http.MethodPost, "/v1/tax_rates/txr_1QaBcG2eZvKYlo2C")
	require.Equal(t, billingForm("active", "false", "description", "", "state", "BE"), sent[2].Form)

	require.Equal(t, "txr_1QaBcG2eZvKYlo2C", tr.ID)
	require.Equal(t, "tax_rate", tr.Object)
	require.True(t, tr.Active)
	require.Equal(t, 19.0, tr.Percentage)
	require.False(t, tr.Inclusive)
	require.Equal(t, "VAT", tr.DisplayName)
	require.Equal(t, "vat", tr.TaxType)
	require.Equal(t, "country", tr.JurisdictionLevel)
	require.Equal(t, "percentage", tr.RateType)
	require.Nil(t, tr.FlatAmount)
	require.Equal(t, map[string]string{"region": "eu"}, tr.Metadata)
}

func TestTaxRatesListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "tax_rates_page1.json")), ok(fixture(t, "tax_rates_page1.json")), ok(fixture(t, "tax_rates_page2.json")))
	ctx := context.Background()

	page, err := c.TaxRates.List(ctx, &TaxRateListParams{Active: Ptr(true), Inclusive: Ptr(false), Created: &RangeQuery{GT: Ptr(int64(1))}})
	require.NoError(t, err)
	require.Equal(t, 7.25, page.Data[1].Percentage)
	require.Equal(t, "CA", page.Data[1].State)

	var ids []string
	for tr, err := range c.TaxRates.All(ctx, nil) {
		require.NoError(t, err)
		ids = append(ids, tr.ID)
	}
	require.Equal(t, []string{"txr_1QaBcG2eZvKYlo2C", "txr_1QaBcG2eZvKYlo2D", "txr_1QaBcG2eZvKYlo2E"}, ids)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/tax_rates")
	require.Equal(t, billingForm("active", "true", "inclusive", "false", "created[gt]", "1"), sent[0].Query)
	require.Equal(t, billingForm("starting_after", "txr_1QaBcG2eZvKYlo2D"), sent[2].Query)

	_, err = c.TaxRates.Get(ctx, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 3)
}
