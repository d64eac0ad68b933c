package stripetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	stripe "github.com/stripelite/stripe"
)

// openInvoice makes a finalized send_invoice invoice of the amounts.
func openInvoice(t *testing.T, c *stripe.Client, cus *stripe.Customer, amounts ...int64) *stripe.Invoice {
	t.Helper()
	ctx := context.Background()
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID), CollectionMethod: stripe.Ptr(stripe.CollectionMethodSendInvoice), DaysUntilDue: stripe.Ptr(int64(30))})
	require.NoError(t, err)
	for _, a := range amounts {
		_, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(a), Currency: stripe.Ptr("usd")})
		require.NoError(t, err)
	}
	inv, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	return inv
}

func TestCreditNotesPrePayment(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	inv := openInvoice(t, c, cus, 3000, 2000)
	require.Equal(t, int64(5000), inv.AmountDue)
	line := inv.Lines.Data[0]

	params := &stripe.CreditNotePreviewParams{Invoice: stripe.Ptr(inv.ID), Lines: stripe.Array[stripe.CreditNoteLineParams]{
		{Type: stripe.Ptr("invoice_line_item"), InvoiceLineItem: stripe.Ptr(line.ID), Amount: stripe.Ptr(int64(500))},
		{Type: stripe.Ptr("custom_line_item"), UnitAmount: stripe.Ptr(int64(250)), Quantity: stripe.Ptr(int64(2)), Description: stripe.Ptr("goodwill")},
	}}
	pre, err := c.CreditNotes.Preview(ctx, params)
	require.NoError(t, err)
	require.Equal(t, int64(1000), pre.Total)
	n := 0
	for l, err := range c.CreditNotes.PreviewLinesAll(ctx, &stripe.CreditNotePreviewLinesParams{CreditNotePreviewParams: *params}) {
		require.NoError(t, err)
		require.NotEmpty(t, l.ID)
		n++
	}
	require.Equal(t, 2, n)
	got, err := c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(5000), got.AmountRemaining, "a preview changes nothing")

	cp := stripe.CreditNoteCreateParams(*params)
	cp.Reason = stripe.Ptr(stripe.CreditNoteReasonDuplicate)
	cn, err := c.CreditNotes.Create(ctx, &cp)
	require.NoError(t, err)
	require.Equal(t, "pre_payment", cn.Type)
	require.Equal(t, int64(1000), cn.PrePaymentAmount)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(4000), inv.AmountDue)
	require.Equal(t, int64(4000), inv.AmountRemaining)
	require.Equal(t, int64(1000), inv.PrePaymentCreditNotesAmount)
	n = 0
	for _, err := range c.CreditNotes.LinesAll(ctx, cn.ID, nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)

	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(4001))})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "not more than the amount remaining")
	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID)})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)

	cn, err = c.CreditNotes.Update(ctx, cn.ID, &stripe.CreditNoteUpdateParams{Memo: stripe.Ptr("sorry")})
	require.NoError(t, err)
	require.Equal(t, "sorry", cn.Memo)
	cn, err = c.CreditNotes.Void(ctx, cn.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.CreditNoteStatus("void"), cn.Status)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(5000), inv.AmountRemaining, "voiding gives the amount back")

	// A credit note for the whole amount remaining marks the invoice paid.
	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(5000))})
	require.NoError(t, err)
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)
	require.Zero(t, inv.AmountPaid)
	require.Zero(t, inv.AmountRemaining)

	list, err := c.CreditNotes.List(ctx, &stripe.CreditNoteListParams{Invoice: stripe.Ptr(inv.ID)})
	require.NoError(t, err)
	require.Len(t, list.Data, 2)
}

func TestCreditNotesPostPayment(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, &stripe.CustomerCreateParams{Source: stripe.Ptr("tok_visa")})
	require.NoError(t, err)
	inv := openInvoice(t, c, cus, 4000)
	inv, err = c.Invoices.Pay(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, stripe.InvoiceStatusPaid, inv.Status)

	cn, err := c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(1500)),
		CreditAmount: stripe.Ptr(int64(1000)), OutOfBandAmount: stripe.Ptr(int64(500))})
	require.NoError(t, err)
	require.Equal(t, "post_payment", cn.Type)
	require.Equal(t, int64(1500), cn.PostPaymentAmount)
	require.NotEmpty(t, cn.CustomerBalanceTransaction.ID)
	cus, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(-1000), cus.Balance, "a credit to the customer's balance")
	inv, err = c.Invoices.Get(ctx, inv.ID, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1500), inv.PostPaymentCreditNotesAmount)

	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(1000)), CreditAmount: stripe.Ptr(int64(900))})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "the split must add up")
	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(2501))})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest, "not more than was paid")
	_, err = c.CreditNotes.Create(ctx, &stripe.CreditNoteCreateParams{Invoice: stripe.Ptr(inv.ID), Amount: stripe.Ptr(int64(100)), RefundAmount: stripe.Ptr(int64(100))})
	require.Equal(t, "refund_amount", apiErr(t, err).Param)

	_, err = c.CreditNotes.Void(ctx, cn.ID, nil)
	require.NoError(t, err)
	cus, err = c.Customers.Get(ctx, cus.ID, nil)
	require.NoError(t, err)
	require.Zero(t, cus.Balance, "voiding takes the credit back")
	_, err = c.CreditNotes.Void(ctx, cn.ID, nil)
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)
}

func TestInvoiceLineActions(t *testing.T) {
	t.Parallel()
	_, c := newClient(t)
	ctx := context.Background()
	cus, err := c.Customers.Create(ctx, nil)
	require.NoError(t, err)
	inv, err := c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Customer: stripe.Ptr(cus.ID)})
	require.NoError(t, err)
	pending, err := c.InvoiceItems.Create(ctx, &stripe.InvoiceItemCreateParams{Customer: stripe.Ptr(cus.ID), Amount: stripe.Ptr(int64(700)), Currency: stripe.Ptr("usd")})
	require.NoError(t, err)

	inv, err = c.Invoices.AddLines(ctx, inv.ID, &stripe.InvoiceAddLinesParams{Lines: stripe.Array[stripe.InvoiceAddLinesLineParams]{
		{Amount: stripe.Ptr(int64(1000)), Description: stripe.Ptr("Consulting")},
		{InvoiceItem: stripe.Ptr(pending.ID)},
	}, InvoiceMetadata: stripe.Metadata{"batch": "1"}})
	require.NoError(t, err)
	require.Len(t, inv.Lines.Data, 2)
	require.Equal(t, int64(1700), inv.Total)
	require.Equal(t, "1", inv.Metadata["batch"])
	var consulting string
	for _, l := range inv.Lines.Data {
		if l.Description == "Consulting" {
			consulting = l.ID
		}
	}
	require.NotEmpty(t, consulting)

	inv, err = c.Invoices.UpdateLines(ctx, inv.ID, &stripe.InvoiceUpdateLinesParams{Lines: stripe.Array[stripe.InvoiceUpdateLinesLineParams]{
		{ID: stripe.Ptr(consulting), Amount: stripe.Ptr(int64(1500))}}})
	require.NoError(t, err)
	require.Equal(t, int64(2200), inv.Total)
	line, err := c.Invoices.UpdateLine(ctx, inv.ID, consulting, &stripe.InvoiceLineUpdateParams{Description: stripe.Ptr("Consulting, 3h")})
	require.NoError(t, err)
	require.Equal(t, "Consulting, 3h", line.Description)
	require.Equal(t, int64(1500), line.Amount)

	inv, err = c.Invoices.RemoveLines(ctx, inv.ID, &stripe.InvoiceRemoveLinesParams{Lines: stripe.Array[stripe.InvoiceRemoveLineParams]{
		{ID: stripe.Ptr(consulting), Behavior: stripe.Ptr("delete")}}})
	require.NoError(t, err)
	require.Equal(t, int64(700), inv.Total)
	inv, err = c.Invoices.RemoveLines(ctx, inv.ID, &stripe.InvoiceRemoveLinesParams{Lines: stripe.Array[stripe.InvoiceRemoveLineParams]{
		{ID: stripe.Ptr(inv.Lines.Data[0].ID), Behavior: stripe.Ptr("unassign")}}})
	require.NoError(t, err)
	require.Zero(t, inv.Total)
	pending, err = c.InvoiceItems.Get(ctx, pending.ID, nil)
	require.NoError(t, err)
	require.Empty(t, pending.Invoice, "unassigned items are pending again")

	_, err = c.Invoices.UpdateLines(ctx, inv.ID, &stripe.InvoiceUpdateLinesParams{Lines: stripe.Array[stripe.InvoiceUpdateLinesLineParams]{{ID: stripe.Ptr("il_missing"), Amount: stripe.Ptr(int64(1))}}})
	require.ErrorIs(t, err, stripe.ErrInvalidRequest)
	_, err = c.Invoices.Finalize(ctx, inv.ID, nil)
	require.NoError(t, err)
	_, err = c.Invoices.AddLines(ctx, inv.ID, &stripe.InvoiceAddLinesParams{Lines: stripe.Array[stripe.InvoiceAddLinesLineParams]{{Amount: stripe.Ptr(int64(1))}}})
	require.Equal(t, stripe.ErrorCode("invoice_not_editable"), apiErr(t, err).Code)
}
