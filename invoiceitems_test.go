package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestInvoiceItemsCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem.json")))

	ii, err := c.InvoiceItems.Create(context.Background(), &InvoiceItemCreateParams{
		Customer:     Ptr("cus_PqR7sT8uV9wX1y"),
		Invoice:      Ptr("in_1QaBcJ2eZvKYlo2CdRaFt001"),
		Amount:       Ptr(int64(9900)),
		Currency:     Ptr("usd"),
		Description:  Ptr("Consulting, 3 hours"),
		Discountable: Ptr(false),
		Metadata:     Metadata{"project": "onboarding"},
		Period:       &InvoiceItemPeriodParams{Start: Ptr(int64(1738368000)), End: Ptr(int64(1738368000))},
		TaxRates:     []string{"txr_1"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoiceitems")
	require.Equal(t, billingForm(
		"customer", "cus_PqR7sT8uV9wX1y",
		"invoice", "in_1QaBcJ2eZvKYlo2CdRaFt001",
		"amount", "9900",
		"currency", "usd",
		"description", "Consulting, 3 hours",
		"discountable", "false",
		"metadata[project]", "onboarding",
		"period[start]", "1738368000",
		"period[end]", "1738368000",
		"tax_rates[0]", "txr_1",
	), sent[0].Form)

	require.Equal(t, "ii_1QaBcF2eZvKYlo2CiTeM0001", ii.ID)
	require.Equal(t, "invoiceitem", ii.Object)
	require.Equal(t, int64(9900), ii.Amount)
	require.Equal(t, "usd", ii.Currency)
	require.Equal(t, "cus_PqR7sT8uV9wX1y", ii.Customer.ID)
	require.Nil(t, ii.Customer.Object)
	require.Equal(t, int64(1738368000), ii.Date)
	require.Equal(t, "Consulting, 3 hours", ii.Description)
	require.True(t, ii.Discountable)
	require.Equal(t, "in_1QaBcJ2eZvKYlo2CdRaFt001", ii.Invoice.ID)
	require.Nil(t, ii.Invoice.Object)
	require.False(t, ii.Livemode)
	require.Equal(t, map[string]string{"project": "onboarding"}, ii.Metadata)
	require.Equal(t, int64(9900), ii.NetAmount)
	require.Nil(t, ii.Parent)
	require.Equal(t, InvoiceLineItemPeriod{Start: 1738368000, End: 1738368000}, ii.Period)
	require.Equal(t, "price_details", ii.Pricing.Type)
	require.Equal(t, "price_1QaBc02eZvKYlo2CpRiCe003", ii.Pricing.PriceDetails.Price.ID)
	require.Equal(t, "prod_RsT5uV6wX7yZ9z", ii.Pricing.PriceDetails.Product)
	require.Equal(t, "9900", ii.Pricing.UnitAmountDecimal)
	require.False(t, ii.Proration)
	require.Equal(t, int64(1), ii.Quantity)
	require.Equal(t, "1", ii.QuantityDecimal)
	require.Empty(t, ii.TestClock)
}

func TestInvoiceItemsCreateWithPricing(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem.json")))

	_, err := c.InvoiceItems.Create(context.Background(), &InvoiceItemCreateParams{
		Customer: Ptr("cus_1"),
		Pricing:  &InvoiceItemPricingParams{Price: Ptr("price_1")},
		Quantity: Ptr(int64(3)),
	})
	require.NoError(t, err)
	_, err = c.InvoiceItems.Create(context.Background(), &InvoiceItemCreateParams{
		Customer:  Ptr("cus_1"),
		PriceData: &InvoiceItemPriceDataParams{Currency: Ptr("usd"), Product: Ptr("prod_1"), UnitAmount: Ptr(int64(1500))},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 2)
	// Since 2025-03-31 an existing price goes under pricing[price].
	require.Equal(t, billingForm("customer", "cus_1", "pricing[price]", "price_1", "quantity", "3"), sent[0].Form)
	require.Equal(t, billingForm(
		"customer", "cus_1",
		"price_data[currency]", "usd",
		"price_data[product]", "prod_1",
		"price_data[unit_amount]", "1500",
	), sent[1].Form)
}

func TestInvoiceItemsGetExpanded(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem_expanded.json")))

	ii, err := c.InvoiceItems.Get(context.Background(), "ii_1QaBcF2eZvKYlo2CiTeM0001", &InvoiceItemGetParams{
		Params: Params{Expand: []string{"customer", "invoice"}},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/invoiceitems/ii_1QaBcF2eZvKYlo2CiTeM0001")
	require.Equal(t, billingForm("expand[0]", "customer", "expand[1]", "invoice"), sent[0].Query)

	require.Equal(t, "cus_PqR7sT8uV9wX1y", ii.Customer.ID)
	require.NotNil(t, ii.Customer.Object)
	require.Equal(t, "Jenny Rosen", ii.Customer.Object.Name)
	require.Equal(t, "in_1QaBcJ2eZvKYlo2CdRaFt001", ii.Invoice.ID)
	require.NotNil(t, ii.Invoice.Object)
	require.Equal(t, InvoiceStatusDraft, ii.Invoice.Object.Status)
	require.Equal(t, int64(9900), ii.Invoice.Object.AmountDue)
}

func TestInvoiceItemsUpdate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem.json")))

	ii, err := c.InvoiceItems.Update(context.Background(), "ii_1QaBcF2eZvKYlo2CiTeM0001", &InvoiceItemUpdateParams{
		Description:  Ptr(""),
		Quantity:     Ptr(int64(2)),
		Metadata:     Metadata{"project": ""},
		Discountable: Ptr(false),
		Pricing:      &InvoiceItemPricingParams{Price: Ptr("price_2")},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoiceitems/ii_1QaBcF2eZvKYlo2CiTeM0001")
	require.Equal(t, billingForm(
		"description", "",
		"quantity", "2",
		"metadata[project]", "",
		"discountable", "false",
		"pricing[price]", "price_2",
	), sent[0].Form)
	require.Equal(t, "ii_1QaBcF2eZvKYlo2CiTeM0001", ii.ID)
}

func TestInvoiceItemsDelete(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem_deleted.json")))

	del, err := c.InvoiceItems.Delete(context.Background(), "ii_1QaBcF2eZvKYlo2CiTeM0001", nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodDelete, "/v1/invoiceitems/ii_1QaBcF2eZvKYlo2CiTeM0001")
	require.Equal(t, &Deleted{ID: "ii_1QaBcF2eZvKYlo2CiTeM0001", Object: "invoiceitem", Deleted: true}, del)
}

func TestInvoiceItemsList(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitems_page1.json")))

	page, err := c.InvoiceItems.List(context.Background(), &InvoiceItemListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
		Customer:   Ptr("cus_PqR7sT8uV9wX1y"),
		Invoice:    Ptr("in_1"),
		Pending:    Ptr(false),
		Created:    &RangeQuery{GT: Ptr(int64(1735689600)), LTE: Ptr(int64(1738368000))},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/invoiceitems")
	require.Equal(t, billingForm(
		"limit", "2",
		"customer", "cus_PqR7sT8uV9wX1y",
		"invoice", "in_1",
		"pending", "false",
		"created[gt]", "1735689600",
		"created[lte]", "1738368000",
	), sent[0].Query)

	require.True(t, page.HasMore)
	require.Len(t, page.Data, 2)
	// A proration generated by a subscription change, still pending.
	pro := page.Data[0]
	require.Equal(t, "ii_1QaBcF2eZvKYlo2CiTeM0002", pro.ID)
	require.True(t, pro.Proration)
	require.Equal(t, int64(-1633), pro.Amount)
	require.Empty(t, pro.Invoice.ID)
	require.NotNil(t, pro.Parent)
	require.Equal(t, "subscription_details", pro.Parent.Type)
	require.Equal(t, "sub_1QaBcD2eZvKYlo2C3fGhIjKl", pro.Parent.SubscriptionDetails.Subscription)
	require.Equal(t, "si_RsT5uV6wX7yZ8b", pro.Parent.SubscriptionDetails.SubscriptionItem)
	require.Equal(t, InvoiceLineItemPeriod{Start: 1737331200, End: 1738368000}, pro.Period)
}

func TestInvoiceItemsAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitems_page1.json")), ok(fixture(t, "invoiceitems_page2.json")))

	params := &InvoiceItemListParams{Pending: Ptr(true)}
	var ids []string
	for ii, err := range c.InvoiceItems.All(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, ii.ID)
	}
	require.Equal(t, []string{"ii_1QaBcF2eZvKYlo2CiTeM0002", "ii_1QaBcF2eZvKYlo2CiTeM0001", "ii_1QaBcF2eZvKYlo2CiTeM0003"}, ids)
	sent := rec.requests()
	require.Len(t, sent, 2)
	require.Equal(t, billingForm("pending", "true"), sent[0].Query)
	require.Equal(t, billingForm("pending", "true", "starting_after", "ii_1QaBcF2eZvKYlo2CiTeM0001"), sent[1].Query)
	require.Nil(t, params.StartingAfter)
}

func TestInvoiceItemsRejectBadIDs(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoiceitem.json")))
	ctx := context.Background()

	_, err := c.InvoiceItems.Get(ctx, "", nil)
	require.Error(t, err)
	_, err = c.InvoiceItems.Update(ctx, "..", nil)
	require.Error(t, err)
	_, err = c.InvoiceItems.Delete(ctx, ".", nil)
	require.Error(t, err)
	require.Empty(t, rec.requests())

	_, err = c.InvoiceItems.Delete(ctx, "ii_1?x=1", nil)
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	require.Equal(t, "/v1/invoiceitems/ii_1%3Fx=1", sent[0].Path)
	require.Empty(t, sent[0].Query)
}
