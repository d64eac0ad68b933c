package stripe

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe/internal/stripemock"
	"golang.org/x/time/rate"
)

// The contract tests send real requests to stripe-mock, Stripe's official
// mock server, which validates every parameter against the OpenAPI spec of
// the pinned version. scripts/test.sh installs it and sets
// STRIPELITE_CONTRACT=require, so there a missing binary fails instead of
// skipping.

func TestMain(m *testing.M) {
	code := m.Run()
	stripemock.Stop()
	os.Exit(code)
}

// contractClient returns a client for the stripe-mock shared by this test
// binary, on a free loopback port.
func contractClient(t *testing.T) *Client {
	t.Helper()
	c, err := NewClient(testKey, WithBaseURL(stripemock.URL(t)), WithRateLimit(rate.Inf, rate.Inf), WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

func TestContractCustomers(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	cus, err := c.Customers.Create(ctx, &CustomerCreateParams{
		Email:            Ptr("jenny@example.com"),
		Name:             Ptr("Jenny Rosen"),
		Description:      Ptr(""),
		Metadata:         Metadata{"company_id": "42"},
		Address:          &AddressParams{City: Ptr("Berlin"), Country: Ptr("DE"), Line1: Ptr("Unter den Linden 1"), PostalCode: Ptr("10117")},
		Shipping:         &ShippingParams{Name: Ptr("Jenny"), Address: &AddressParams{Line1: Ptr("1 Main St")}},
		PreferredLocales: []string{"en", "de"},
		Balance:          Ptr(int64(-500)),
		TaxExempt:        Ptr(CustomerTaxExemptNone),
		InvoiceSettings:  &CustomerInvoiceSettingsParams{Footer: Ptr("Thanks")},
		Params:           Params{Expand: []string{"default_source"}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, cus.ID)
	require.Equal(t, "customer", cus.Object)

	got, err := c.Customers.Get(ctx, cus.ID, &CustomerGetParams{Params: Params{Expand: []string{"default_source"}}})
	require.NoError(t, err)
	require.NotEmpty(t, got.ID)

	_, err = c.Customers.Update(ctx, cus.ID, &CustomerUpdateParams{
		Email: Ptr("new@example.com"), Metadata: Metadata{"company_id": ""}, DefaultSource: Ptr("card_123"),
	})
	require.NoError(t, err)

	page, err := c.Customers.List(ctx, &CustomerListParams{
		ListParams: ListParams{Limit: Ptr(int64(3)), StartingAfter: Ptr("cus_1")},
		Email:      Ptr("jenny@example.com"),
		Created:    &RangeQuery{GTE: Ptr(int64(1700000000)), LT: Ptr(int64(1800000000))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)

	n := 0
	for cus, err := range c.Customers.All(ctx, &CustomerListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		require.NotEmpty(t, cus.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	del, err := c.Customers.Delete(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.True(t, del.Deleted)
}

// TestContractRejectsUnknownParams proves the contract suite can fail:
// stripe-mock answers a parameter the spec does not know with a 400.
func TestContractRejectsUnknownParams(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	type bogus struct {
		Params
		NotAParam *string `url:"not_a_param,omitempty"`
	}
	err := c.call(context.Background(), "POST", "/v1/customers", &bogus{NotAParam: Ptr("x")}, new(Customer))
	var se *Error
	require.ErrorAs(t, err, &se)
	require.Equal(t, 400, se.HTTPStatus)
	require.Equal(t, ErrorTypeInvalidRequest, se.Type)
}
