package stripe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContractCreditNotes(t *testing.T) {
	t.Parallel()
	c := contractClient(t)
	ctx := context.Background()

	create := CreditNoteCreateParams{
		Invoice: Ptr("in_123"),
		Lines: []CreditNoteLineParams{
			{Type: Ptr("invoice_line_item"), InvoiceLineItem: Ptr("il_123"), Amount: Ptr(int64(1000)), Metadata: Metadata{"k": "v"}},
			{
				Type: Ptr("custom_line_item"), Description: Ptr("Service credit"), Quantity: Ptr(int64(1)), UnitAmount: Ptr(int64(500)),
				TaxAmounts: []CreditNoteLineTaxAmountParams{{Amount: Ptr(int64(0)), TaxRate: Ptr("txr_123"), TaxableAmount: Ptr(int64(500))}},
			},
		},
		CreditAmount:    Ptr(int64(1000)),
		RefundAmount:    Ptr(int64(500)),
		OutOfBandAmount: Ptr(int64(0)),
		EffectiveAt:     Ptr(int64(1900000000)),
		Refunds:         []CreditNoteRefundParams{{Type: Ptr("refund"), Refund: Ptr("re_123"), AmountRefunded: Ptr(int64(500))}},
		ShippingCost:    &CreditNoteShippingCostParams{ShippingRate: Ptr("shr_123")},
		Reason:          Ptr(CreditNoteReasonProductUnsatisfactory),
		Memo:            Ptr("Partial refund"),
		EmailType:       Ptr("none"),
		Metadata:        Metadata{"ticket": "4711"},
	}
	cn, err := c.CreditNotes.Create(ctx, &create)
	require.NoError(t, err)
	require.Equal(t, "credit_note", cn.Object)
	require.NotEmpty(t, cn.ID)

	pre, err := c.CreditNotes.Preview(ctx, (*CreditNotePreviewParams)(&create))
	require.NoError(t, err)
	require.Equal(t, "credit_note", pre.Object)
	lines, err := c.CreditNotes.PreviewLines(ctx, &CreditNotePreviewLinesParams{
		CreditNotePreviewParams: CreditNotePreviewParams{Invoice: Ptr("in_123"), Amount: Ptr(int64(500))},
		ListParams:              ListParams{Limit: Ptr(int64(2))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", lines.Object)
	for li, err := range c.CreditNotes.PreviewLinesAll(ctx, &CreditNotePreviewLinesParams{
		CreditNotePreviewParams: CreditNotePreviewParams{Invoice: Ptr("in_123"), Amount: Ptr(int64(500))},
	}) {
		require.NoError(t, err)
		require.NotEmpty(t, li.ID)
		break
	}

	_, err = c.CreditNotes.Get(ctx, cn.ID, &CreditNoteGetParams{Params: Params{Expand: []string{"invoice", "customer_balance_transaction"}}})
	require.NoError(t, err)
	_, err = c.CreditNotes.Update(ctx, cn.ID, &CreditNoteUpdateParams{Memo: Ptr(""), Metadata: Metadata{"ticket": ""}})
	require.NoError(t, err)
	v, err := c.CreditNotes.Void(ctx, cn.ID, nil)
	require.NoError(t, err)
	require.Equal(t, "credit_note", v.Object)

	page, err := c.CreditNotes.List(ctx, &CreditNoteListParams{
		ListParams: ListParams{Limit: Ptr(int64(3))}, Invoice: Ptr("in_123"), Customer: Ptr("cus_123"), Created: &RangeQuery{GT: Ptr(int64(1))},
	})
	require.NoError(t, err)
	require.Equal(t, "list", page.Object)
	n := 0
	for cn, err := range c.CreditNotes.All(ctx, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, cn.ID)
		if n++; n == 3 {
			break
		}
	}
	require.Positive(t, n)

	lp, err := c.CreditNotes.Lines(ctx, cn.ID, &CreditNoteLineListParams{ListParams: ListParams{Limit: Ptr(int64(2))}})
	require.NoError(t, err)
	require.Equal(t, "list", lp.Object)
	for li, err := range c.CreditNotes.LinesAll(ctx, cn.ID, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, li.ID)
		break
	}
}
