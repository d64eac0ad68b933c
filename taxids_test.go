package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTaxIDsCreateGetDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "tax_id.json")), ok(fixture(t, "tax_id.json")), ok(fixture(t, "tax_id_deleted.json")))
	ctx := context.Background()

	tid, err := c.TaxIDs.Create(ctx, billingCustomerID, &TaxIDCreateParams{Type: Ptr("eu_vat"), Value: Ptr("DE123456789")})
	require.NoError(t, err)
	_, err = c.TaxIDs.Get(ctx, billingCustomerID, "txi_1QaBcT2eZvKYlo2CtAxI0001", nil)
	require.NoError(t, err)
	del, err := c.TaxIDs.Delete(ctx, billingCustomerID, "txi_1QaBcT2eZvKYlo2CtAxI0001", nil)
	require.NoError(t, err)
	require.Equal(t, &Deleted{ID: "txi_1QaBcT2eZvKYlo2CtAxI0001", Object: "tax_id", Deleted: true}, del)

	sent := rec.requests()
	require.Len(t, sent, 3)
	base := "/v1/customers/" + billingCustomerID + "/tax_ids"
	requireBillingRequest(t, sent[0], http.MethodPost, base)
	require.Equal(t, billingForm("type", "eu_vat", "value", "DE123456789"), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodGet, base+"/txi_1QaBcT2eZvKYlo2CtAxI0001")
	requireBillingRequest(t, sent[2], http.MethodDelete, base+"/txi_1QaBcT2eZvKYlo2CtAxI0001")

	require.Equal(t, "txi_1QaBcT2eZvKYlo2CtAxI0001", tid.ID)
	require.Equal(t, "tax_id", tid.Object)
	require.Equal(t, "DE", tid.Country)
	require.Equal(t, "eu_vat", tid.Type)
	require.Equal(t, "DE123456789", tid.Value)
	require.Equal(t, billingCustomerID, tid.Customer.ID)
	require.NotNil(t, tid.Owner)
	require.Equal(t, "customer", tid.Owner.Type)
	require.Equal(t, billingCustomerID, tid.Owner.Customer.ID)
	require.NotNil(t, tid.Verification)
	require.Equal(t, "verified", tid.Verification.Status)
	require.Equal(t, "Jenny Rosen GmbH", tid.Verification.VerifiedName)
}

func TestTaxIDsListAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "tax_ids_page1.json")), ok(fixture(t, "tax_ids_page2.json")))
	ctx := context.Background()

	var types []string
	for tid, err := range c.TaxIDs.All(ctx, billingCustomerID, &TaxIDListParams{ListParams: ListParams{Limit: Ptr(int64(2))}}) {
		require.NoError(t, err)
		types = append(types, tid.Type)
	}
	require.Equal(t, []string{"eu_vat", "gb_vat", "us_ein"}, types)
	sent := rec.requests()
	require.Len(t, sent, 2)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/customers/"+billingCustomerID+"/tax_ids")
	require.Equal(t, billingForm("limit", "2"), sent[0].Query)
	require.Equal(t, billingForm("limit", "2", "starting_after", "txi_1QaBcT2eZvKYlo2CtAxI0002"), sent[1].Query)

	page, err := c.TaxIDs.List(ctx, billingCustomerID, nil)
	require.NoError(t, err)
	// The recorder repeats its last reply: page 2.
	require.Len(t, page.Data, 1)
	require.Equal(t, "unavailable", page.Data[0].Verification.Status)
	require.Empty(t, page.Data[0].Verification.VerifiedAddress)
	require.Nil(t, page.Data[0].Owner.Account.Object)

	_, err = c.TaxIDs.Delete(ctx, billingCustomerID, "", nil)
	require.Error(t, err)
	_, err = c.TaxIDs.List(ctx, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 3)
}
