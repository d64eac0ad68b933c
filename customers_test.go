package stripe

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCustomersCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))

	cus, err := c.Customers.Create(context.Background(), &CustomerCreateParams{
		Email:            Ptr("jennyrosen@example.com"),
		Name:             Ptr("Jenny Rosen"),
		Description:      Ptr(""),
		Balance:          Ptr(int64(-500)),
		Metadata:         Metadata{"company_id": "42"},
		Address:          &AddressParams{City: Ptr("San Francisco"), Country: Ptr("US"), Line1: Ptr("510 Townsend St"), PostalCode: Ptr("94103"), State: Ptr("CA")},
		PreferredLocales: []string{"en", "fr"},
		TaxExempt:        Ptr(CustomerTaxExemptNone),
		InvoiceSettings:  &CustomerInvoiceSettingsParams{DefaultPaymentMethod: Ptr("pm_1")},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodPost, sent[0].Method)
	assert.Equal(t, "/v1/customers", sent[0].Path)
	assert.Equal(t, url.Values{
		"email":                {"jennyrosen@example.com"},
		"name":                 {"Jenny Rosen"},
		"description":          {""},
		"balance":              {"-500"},
		"metadata[company_id]": {"42"},
		"address[city]":        {"San Francisco"},
		"address[country]":     {"US"},
		"address[line1]":       {"510 Townsend St"},
		"address[postal_code]": {"94103"},
		"address[state]":       {"CA"},
		"preferred_locales[0]": {"en"},
		"preferred_locales[1]": {"fr"},
		"tax_exempt":           {"none"},
		"invoice_settings[default_payment_method]": {"pm_1"},
	}, sent[0].Form)
	assert.NotEmpty(t, sent[0].Header.Get("Idempotency-Key"))
	assertCustomerFixture(t, cus)
}

func assertCustomerFixture(t *testing.T, cus *Customer) {
	t.Helper()
	assert.Equal(t, "cus_NffrFeUfNV2Hib", cus.ID)
	assert.Equal(t, "customer", cus.Object)
	assert.Equal(t, &Address{City: "San Francisco", Country: "US", Line1: "510 Townsend St", PostalCode: "94103", State: "CA"}, cus.Address)
	assert.Equal(t, int64(-500), cus.Balance)
	assert.Equal(t, int64(1680893993), cus.Created)
	assert.Equal(t, "usd", cus.Currency)
	assert.Equal(t, "card_1MtJUT2eZvKYlo2CNaw2HvEv", cus.DefaultSource.ID)
	assert.Nil(t, cus.DefaultSource.Object)
	assert.Equal(t, "Jenny's account", cus.Description)
	assert.Equal(t, "jennyrosen@example.com", cus.Email)
	assert.Equal(t, "0759376C", cus.InvoicePrefix)
	assert.Equal(t, "pm_1MtJUT2eZvKYlo2CJ9xX3Y4Z", cus.InvoiceSettings.DefaultPaymentMethod.ID)
	assert.False(t, cus.Livemode)
	assert.Equal(t, map[string]string{"company_id": "42"}, cus.Metadata)
	assert.Equal(t, "Jenny Rosen", cus.Name)
	assert.Equal(t, int64(3), cus.NextInvoiceSequence)
	assert.Equal(t, "+15555550123", cus.Phone)
	assert.Equal(t, []string{"en", "fr"}, cus.PreferredLocales)
	assert.Nil(t, cus.Shipping)
	assert.Equal(t, CustomerTaxExemptNone, cus.TaxExempt)
	assert.False(t, cus.Deleted)
}

func TestCustomersGet(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))
	cus, err := c.Customers.Get(context.Background(), "cus_NffrFeUfNV2Hib", nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodGet, sent[0].Method)
	assert.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib", sent[0].Path)
	assert.Empty(t, sent[0].Query)
	assertCustomerFixture(t, cus)
}

func TestCustomersGetExpandedDefaultSource(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer_expanded_source.json")))
	cus, err := c.Customers.Get(context.Background(), "cus_NffrFeUfNV2Hib", &CustomerGetParams{Params: Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)
	assert.Equal(t, url.Values{"expand[0]": {"default_source"}}, rec.requests()[0].Query)
	assert.Equal(t, "card_1MtJUT2eZvKYlo2CNaw2HvEv", cus.DefaultSource.ID)
	require.NotNil(t, cus.DefaultSource.Object)
	assert.Equal(t, "4242", cus.DefaultSource.Object.Last4)
	assert.Equal(t, "Visa", cus.DefaultSource.Object.Brand)
}

func TestCustomersGetDeleted(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	mock(mt, ok(fixture(t, "customer_deleted.json")))
	cus, err := c.Customers.Get(context.Background(), "cus_NffrFeUfNV2Hib", nil)
	require.NoError(t, err)
	assert.True(t, cus.Deleted)
}

func TestCustomersUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer.json")))
	_, err := c.Customers.Update(context.Background(), "cus_NffrFeUfNV2Hib", &CustomerUpdateParams{
		Email:         Ptr("new@example.com"),
		Metadata:      Metadata{"company_id": "", "plan": "pro"},
		DefaultSource: Ptr("card_2"),
		Phone:         Ptr(""),
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodPost, sent[0].Method)
	assert.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib", sent[0].Path)
	assert.Equal(t, url.Values{
		"email":                {"new@example.com"},
		"metadata[company_id]": {""},
		"metadata[plan]":       {"pro"},
		"default_source":       {"card_2"},
		"phone":                {""},
	}, sent[0].Form)
}

func TestCustomersDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer_deleted.json")))
	d, err := c.Customers.Delete(context.Background(), "cus_NffrFeUfNV2Hib", nil)
	require.NoError(t, err)
	assert.Equal(t, &Deleted{ID: "cus_NffrFeUfNV2Hib", Object: "customer", Deleted: true}, d)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, http.MethodDelete, sent[0].Method)
	assert.Equal(t, "/v1/customers/cus_NffrFeUfNV2Hib", sent[0].Path)
	assert.Empty(t, sent[0].Header.Get("Idempotency-Key"))
}

func TestCustomersListFilters(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customers_page1.json")))
	page, err := c.Customers.List(context.Background(), &CustomerListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))},
		Email:      Ptr("c001@example.com"),
		Created:    &RangeQuery{GT: Ptr(int64(1)), GTE: Ptr(int64(2)), LT: Ptr(int64(3)), LTE: Ptr(int64(4))},
	})
	require.NoError(t, err)
	require.Len(t, page.Data, 3)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "/v1/customers", sent[0].Path)
	assert.Equal(t, url.Values{
		"limit": {"3"}, "email": {"c001@example.com"},
		"created[gt]": {"1"}, "created[gte]": {"2"}, "created[lt]": {"3"}, "created[lte]": {"4"},
	}, sent[0].Query)
}

func TestCustomersDeleteOnConnectedAccount(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "customer_deleted.json")))
	_, err := c.Customers.Delete(context.Background(), "cus_NffrFeUfNV2Hib", &CustomerDeleteParams{RequestOptions: RequestOptions{StripeAccount: "acct_1"}})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	assert.Equal(t, "acct_1", sent[0].Header.Get("Stripe-Account"))
	assert.Empty(t, sent[0].Query)
}
