package stripe

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const testInvoiceID = "in_1QaBcE2eZvKYlo2CmNoPqRsT"

func TestInvoicesLines(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_lines_page1.json")))

	page, err := c.Invoices.Lines(context.Background(), testInvoiceID, &InvoiceLineListParams{
		ListParams: ListParams{Limit: Ptr(int64(2))},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/invoices/"+testInvoiceID+"/lines")
	require.Equal(t, billingForm("limit", "2"), sent[0].Query)

	require.True(t, page.HasMore)
	require.Equal(t, "/v1/invoices/"+testInvoiceID+"/lines", page.URL)
	require.Len(t, page.Data, 2)
	li := page.Data[1]
	require.Equal(t, "il_1QaBcH2eZvKYlo2CLiNe0002", li.ID)
	require.Equal(t, "line_item", li.Object)
	require.Equal(t, int64(4500), li.Amount)
	require.Equal(t, int64(3), li.Quantity)
	require.Equal(t, "si_RsT5uV6wX7yZ8c", li.Parent.SubscriptionItemDetails.SubscriptionItem)
}

func TestInvoicesLinesAll(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_lines_page1.json")), ok(fixture(t, "invoice_lines_page2.json")))

	var ids []string
	var total int64
	for li, err := range c.Invoices.LinesAll(context.Background(), testInvoiceID, nil) {
		require.NoError(t, err)
		ids = append(ids, li.ID)
		total += li.Amount
	}
	require.Equal(t, []string{"il_1QaBcH2eZvKYlo2CLiNe0001", "il_1QaBcH2eZvKYlo2CLiNe0002", "il_1QaBcH2eZvKYlo2CLiNe0003"}, ids)
	require.Equal(t, int64(4900+4500+1000), total)
	sent := rec.requests()
	require.Len(t, sent, 2)
	for _, r := range sent {
		requireBillingRequest(t, r, http.MethodGet, "/v1/invoices/"+testInvoiceID+"/lines")
	}
	require.Empty(t, sent[0].Query)
	require.Equal(t, billingForm("starting_after", "il_1QaBcH2eZvKYlo2CLiNe0002"), sent[1].Query)

	// A bad invoice ID is an error before any request.
	for _, err := range c.Invoices.LinesAll(context.Background(), "", nil) {
		require.Error(t, err)
	}
	require.Len(t, rec.requests(), 2)
}

func TestInvoicesAddUpdateRemoveLines(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_draft.json")))
	ctx := context.Background()

	inv, err := c.Invoices.AddLines(ctx, testInvoiceID, &InvoiceAddLinesParams{
		Lines: []InvoiceAddLinesLineParams{
			{InvoiceItem: Ptr("ii_1")},
			{
				Description: Ptr("Setup fee"),
				Quantity:    Ptr(int64(1)),
				Discounts:   []DiscountParams{{Coupon: Ptr("SUMMER20")}},
				PriceData: &InvoiceLinePriceDataParams{
					Currency: Ptr("usd"), UnitAmount: Ptr(int64(1000)),
					ProductData: &InvoiceLineProductDataParams{Name: Ptr("Setup")},
				},
				Period: &InvoiceItemPeriodParams{Start: Ptr(int64(1735689600)), End: Ptr(int64(1738368000))},
				TaxAmounts: []InvoiceLineTaxAmountParams{{
					Amount: Ptr(int64(190)), TaxableAmount: Ptr(int64(1000)),
					TaxRateData: &InvoiceLineTaxRateDataParams{DisplayName: Ptr("VAT"), Inclusive: Ptr(false), Percentage: Ptr(19.0)},
				}},
			},
		},
		InvoiceMetadata: Metadata{"batch": "7"},
	})
	require.NoError(t, err)
	require.Equal(t, InvoiceStatusDraft, inv.Status)

	_, err = c.Invoices.UpdateLines(ctx, testInvoiceID, &InvoiceUpdateLinesParams{
		Lines: []InvoiceUpdateLinesLineParams{{ID: Ptr("il_2"), Description: Ptr(""), Pricing: &InvoiceItemPricingParams{Price: Ptr("price_2")}}},
	})
	require.NoError(t, err)
	_, err = c.Invoices.RemoveLines(ctx, testInvoiceID, &InvoiceRemoveLinesParams{
		Lines: []InvoiceRemoveLineParams{{ID: Ptr("il_2"), Behavior: Ptr("unassign")}, {ID: Ptr("il_3"), Behavior: Ptr("delete")}},
	})
	require.NoError(t, err)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoices/"+testInvoiceID+"/add_lines")
	require.Equal(t, billingForm(
		"lines[0][invoice_item]", "ii_1",
		"lines[1][description]", "Setup fee",
		"lines[1][quantity]", "1",
		"lines[1][discounts][0][coupon]", "SUMMER20",
		"lines[1][price_data][currency]", "usd",
		"lines[1][price_data][unit_amount]", "1000",
		"lines[1][price_data][product_data][name]", "Setup",
		"lines[1][period][start]", "1735689600",
		"lines[1][period][end]", "1738368000",
		"lines[1][tax_amounts][0][amount]", "190",
		"lines[1][tax_amounts][0][taxable_amount]", "1000",
		"lines[1][tax_amounts][0][tax_rate_data][display_name]", "VAT",
		"lines[1][tax_amounts][0][tax_rate_data][inclusive]", "false",
		"lines[1][tax_amounts][0][tax_rate_data][percentage]", "19",
		"invoice_metadata[batch]", "7",
	), sent[0].Form)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/invoices/"+testInvoiceID+"/update_lines")
	require.Equal(t, billingForm("lines[0][id]", "il_2", "lines[0][description]", "", "lines[0][pricing][price]", "price_2"), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodPost, "/v1/invoices/"+testInvoiceID+"/remove_lines")
	require.Equal(t, billingForm(
		"lines[0][id]", "il_2", "lines[0][behavior]", "unassign",
		"lines[1][id]", "il_3", "lines[1][behavior]", "delete",
	), sent[2].Form)
}

func TestInvoicesUpdateLine(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "invoice_line_item.json")))

	li, err := c.Invoices.UpdateLine(context.Background(), testInvoiceID, "il_1QaBcH2eZvKYlo2CLiNe0003", &InvoiceLineUpdateParams{
		Description:  Ptr("Setup fee (discounted)"),
		Discountable: Ptr(true),
		Metadata:     Metadata{"ref": "setup"},
		TaxRates:     []string{"txr_1"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/invoices/"+testInvoiceID+"/lines/il_1QaBcH2eZvKYlo2CLiNe0003")
	require.Equal(t, billingForm(
		"description", "Setup fee (discounted)",
		"discountable", "true",
		"metadata[ref]", "setup",
		"tax_rates[0]", "txr_1",
	), sent[0].Form)
	require.Equal(t, "il_1QaBcH2eZvKYlo2CLiNe0003", li.ID)
	require.Equal(t, "Setup fee (discounted)", li.Description)
	require.Equal(t, "invoice_item_details", li.Parent.Type)
	require.Equal(t, "ii_1QaBcF2eZvKYlo2CiTeM0001", li.Parent.InvoiceItemDetails.InvoiceItem)
	require.Equal(t, map[string]string{"ref": "setup"}, li.Metadata)

	_, err = c.Invoices.UpdateLine(context.Background(), testInvoiceID, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 1)
}

// An invoice with 25 lines pages through LinesAll completely, 10 at a
// time, each page starting after the last line of the one before.
func TestInvoicesLinesAll25(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	var replies []reply
	for p := 0; p < 3; p++ {
		var data []string
		for i := p * 10; i < min(p*10+10, 25); i++ {
			data = append(data, fmt.Sprintf(`{"id":"il_%02d","object":"line_item","amount":%d,"invoice":%q}`, i, 100+i, testInvoiceID))
		}
		replies = append(replies, ok(fmt.Sprintf(`{"object":"list","url":"/v1/invoices/%s/lines","has_more":%t,"data":[%s]}`,
			testInvoiceID, p < 2, strings.Join(data, ","))))
	}
	rec := mock(mt, replies...)

	var n int
	var total int64
	for li, err := range c.Invoices.LinesAll(context.Background(), testInvoiceID, &InvoiceLineListParams{ListParams: ListParams{Limit: Ptr(int64(10))}}) {
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("il_%02d", n), li.ID)
		n++
		total += li.Amount
	}
	require.Equal(t, 25, n)
	require.Equal(t, int64(25*100+24*25/2), total)
	sent := rec.requests()
	require.Len(t, sent, 3)
	require.Equal(t, billingForm("limit", "10"), sent[0].Query)
	require.Equal(t, billingForm("limit", "10", "starting_after", "il_09"), sent[1].Query)
	require.Equal(t, billingForm("limit", "10", "starting_after", "il_19"), sent[2].Query)
}
