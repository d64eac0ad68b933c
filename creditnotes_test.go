package stripe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

const testCreditNoteID = "cn_1QaBcS2eZvKYlo2CcReD0001"

func TestCreditNotesCreate(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "credit_note.json")))

	cn, err := c.CreditNotes.Create(context.Background(), &CreditNoteCreateParams{
		Invoice: Ptr("in_1QaBcE2eZvKYlo2CmNoPqRsT"),
		Lines: []CreditNoteLineParams{
			{Type: Ptr("invoice_line_item"), InvoiceLineItem: Ptr("il_1QaBcH2eZvKYlo2CLiNe0001"), Amount: Ptr(int64(1000))},
			{
				Type: Ptr("custom_line_item"), Description: Ptr("Service credit"), Quantity: Ptr(int64(1)), UnitAmount: Ptr(int64(500)),
				TaxAmounts: []CreditNoteLineTaxAmountParams{{Amount: Ptr(int64(0)), TaxRate: Ptr("txr_1"), TaxableAmount: Ptr(int64(500))}},
			},
		},
		CreditAmount: Ptr(int64(1000)),
		RefundAmount: Ptr(int64(500)),
		Refunds:      []CreditNoteRefundParams{{Type: Ptr("refund"), Refund: Ptr("re_1"), AmountRefunded: Ptr(int64(500))}},
		Reason:       Ptr(CreditNoteReasonProductUnsatisfactory),
		Memo:         Ptr("Partial refund for downtime"),
		EmailType:    Ptr("none"),
		Metadata:     Metadata{"ticket": "4711"},
	})
	require.NoError(t, err)
	sent := rec.requests()
	require.Len(t, sent, 1)
	requireBillingRequest(t, sent[0], http.MethodPost, "/v1/credit_notes")
	require.Equal(t, billingForm(
		"invoice", "in_1QaBcE2eZvKYlo2CmNoPqRsT",
		"lines[0][type]", "invoice_line_item",
		"lines[0][invoice_line_item]", "il_1QaBcH2eZvKYlo2CLiNe0001",
		"lines[0][amount]", "1000",
		"lines[1][type]", "custom_line_item",
		"lines[1][description]", "Service credit",
		"lines[1][quantity]", "1",
		"lines[1][unit_amount]", "500",
		"lines[1][tax_amounts][0][amount]", "0",
		"lines[1][tax_amounts][0][tax_rate]", "txr_1",
		"lines[1][tax_amounts][0][taxable_amount]", "500",
		"credit_amount", "1000",
		"refund_amount", "500",
		"refunds[0][type]", "refund",
		"refunds[0][refund]", "re_1",
		"refunds[0][amount_refunded]", "500",
		"reason", "product_unsatisfactory",
		"memo", "Partial refund for downtime",
		"email_type", "none",
		"metadata[ticket]", "4711",
	), sent[0].Form)

	require.Equal(t, testCreditNoteID, cn.ID)
	require.Equal(t, "credit_note", cn.Object)
	require.Equal(t, int64(1500), cn.Amount)
	require.Equal(t, int64(1500), cn.Total)
	require.Equal(t, "in_1QaBcE2eZvKYlo2CmNoPqRsT", cn.Invoice.ID)
	require.Equal(t, "cus_PqR7sT8uV9wX1y", cn.Customer.ID)
	require.Equal(t, "cbtxn_1QaBcR2eZvKYlo2CbAlT0003", cn.CustomerBalanceTransaction.ID)
	require.Equal(t, CreditNoteStatusIssued, cn.Status)
	require.Equal(t, CreditNoteReasonProductUnsatisfactory, cn.Reason)
	require.Equal(t, "post_payment", cn.Type)
	require.Equal(t, int64(1500), cn.PostPaymentAmount)
	require.Zero(t, cn.VoidedAt)
	require.Nil(t, cn.ShippingCost)
	require.Len(t, cn.Refunds, 1)
	require.Equal(t, "re_1QaBcU2eZvKYlo2CrEfU0001", cn.Refunds[0].Refund.ID)
	require.Nil(t, cn.Refunds[0].PaymentRecordRefund)
	require.Len(t, cn.TotalTaxes, 1)
	require.Equal(t, "txr_1QaBcG2eZvKYlo2C", cn.TotalTaxes[0].TaxRateDetails.TaxRate.ID)
	require.True(t, cn.Lines.HasMore)
	require.Len(t, cn.Lines.Data, 2)
	l1 := cn.Lines.Data[0]
	require.Equal(t, "invoice_line_item", l1.Type)
	require.Equal(t, "il_1QaBcH2eZvKYlo2CLiNe0001", l1.InvoiceLineItem)
	require.Len(t, l1.TaxRates, 1)
	require.Equal(t, 19.0, l1.TaxRates[0].Percentage)
	require.Equal(t, "500", cn.Lines.Data[1].UnitAmountDecimal)
}

func TestCreditNotesGetUpdateVoid(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "credit_note.json")), ok(fixture(t, "credit_note.json")), ok(fixture(t, "credit_note_void.json")))
	ctx := context.Background()

	_, err := c.CreditNotes.Get(ctx, testCreditNoteID, &CreditNoteGetParams{Params: Params{Expand: []string{"invoice"}}})
	require.NoError(t, err)
	_, err = c.CreditNotes.Update(ctx, testCreditNoteID, &CreditNoteUpdateParams{Memo: Ptr(""), Metadata: Metadata{"ticket": "4712"}})
	require.NoError(t, err)
	v, err := c.CreditNotes.Void(ctx, testCreditNoteID, nil)
	require.NoError(t, err)
	require.Equal(t, CreditNoteStatusVoid, v.Status)
	require.Equal(t, int64(1738500000), v.VoidedAt)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/credit_notes/"+testCreditNoteID)
	require.Equal(t, billingForm("expand[0]", "invoice"), sent[0].Query)
	requireBillingRequest(t, sent[1], http.MethodPost, "/v1/credit_notes/"+testCreditNoteID)
	require.Equal(t, billingForm("memo", "", "metadata[ticket]", "4712"), sent[1].Form)
	requireBillingRequest(t, sent[2], http.MethodPost, "/v1/credit_notes/"+testCreditNoteID+"/void")
	require.Empty(t, sent[2].Form)

	_, err = c.CreditNotes.Void(ctx, "", nil)
	require.Error(t, err)
	require.Len(t, rec.requests(), 3)
}

func TestCreditNotesPreview(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt, ok(fixture(t, "credit_note_preview.json")), ok(fixture(t, "credit_note_lines_page1.json")), ok(fixture(t, "credit_note_lines_page2.json")))
	ctx := context.Background()

	pre, err := c.CreditNotes.Preview(ctx, &CreditNotePreviewParams{
		Invoice: Ptr("in_1"), Amount: Ptr(int64(1500)), CreditAmount: Ptr(int64(1500)),
	})
	require.NoError(t, err)
	require.Equal(t, "cn_preview_1QaBcS2eZvKYlo2C", pre.ID)
	require.Equal(t, int64(1500), pre.Amount)

	var ids []string
	params := &CreditNotePreviewLinesParams{
		CreditNotePreviewParams: CreditNotePreviewParams{Invoice: Ptr("in_1"), Amount: Ptr(int64(1500))},
		ListParams:              ListParams{Limit: Ptr(int64(2))},
	}
	for li, err := range c.CreditNotes.PreviewLinesAll(ctx, params) {
		require.NoError(t, err)
		ids = append(ids, li.ID)
	}
	require.Equal(t, []string{"cnli_1QaBcS2eZvKYlo2CcRlI0001", "cnli_1QaBcS2eZvKYlo2CcRlI0002", "cnli_1QaBcS2eZvKYlo2CcRlI0003"}, ids)
	require.Nil(t, params.StartingAfter)

	sent := rec.requests()
	require.Len(t, sent, 3)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/credit_notes/preview")
	require.Equal(t, billingForm("invoice", "in_1", "amount", "1500", "credit_amount", "1500"), sent[0].Query)
	requireBillingRequest(t, sent[1], http.MethodGet, "/v1/credit_notes/preview/lines")
	require.Equal(t, billingForm("invoice", "in_1", "amount", "1500", "limit", "2"), sent[1].Query)
	require.Equal(t, billingForm("invoice", "in_1", "amount", "1500", "limit", "2", "starting_after", "cnli_1QaBcS2eZvKYlo2CcRlI0002"), sent[2].Query)
}

func TestCreditNotesListAllLines(t *testing.T) {
	t.Parallel()
	c, mt := newTestClient(t)
	rec := mock(mt,
		ok(fixture(t, "credit_notes_page1.json")), ok(fixture(t, "credit_notes_page2.json")),
		ok(fixture(t, "credit_note_lines_page1.json")), ok(fixture(t, "credit_note_lines_page2.json")))
	ctx := context.Background()

	var ids []string
	for cn, err := range c.CreditNotes.All(ctx, &CreditNoteListParams{Invoice: Ptr("in_1"), Customer: Ptr("cus_1"), Created: &RangeQuery{GTE: Ptr(int64(1))}}) {
		require.NoError(t, err)
		ids = append(ids, cn.ID)
	}
	require.Equal(t, []string{testCreditNoteID, "cn_1QaBcS2eZvKYlo2CcReD0002", "cn_1QaBcS2eZvKYlo2CcReD0003"}, ids)

	var amounts []int64
	for li, err := range c.CreditNotes.LinesAll(ctx, testCreditNoteID, nil) {
		require.NoError(t, err)
		amounts = append(amounts, li.Amount)
	}
	require.Equal(t, []int64{1000, 500, 250}, amounts)

	sent := rec.requests()
	require.Len(t, sent, 4)
	requireBillingRequest(t, sent[0], http.MethodGet, "/v1/credit_notes")
	require.Equal(t, billingForm("invoice", "in_1", "customer", "cus_1", "created[gte]", "1"), sent[0].Query)
	require.Equal(t, billingForm("invoice", "in_1", "customer", "cus_1", "created[gte]", "1", "starting_after", "cn_1QaBcS2eZvKYlo2CcReD0002"), sent[1].Query)
	requireBillingRequest(t, sent[2], http.MethodGet, "/v1/credit_notes/"+testCreditNoteID+"/lines")
	require.Empty(t, sent[2].Query)
	require.Equal(t, billingForm("starting_after", "cnli_1QaBcS2eZvKYlo2CcRlI0002"), sent[3].Query)

	page, err := c.CreditNotes.Lines(ctx, testCreditNoteID, &CreditNoteLineListParams{ListParams: ListParams{Limit: Ptr(int64(5))}})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	require.Equal(t, billingForm("limit", "5"), rec.requests()[4].Query)
}
