package stripetest

import (
	"fmt"
)

// Credit notes reduce a finalized invoice. On an open invoice (pre
// payment) they lower amount_due and amount_remaining, and one that
// brings amount_remaining to zero marks the invoice paid. On a paid
// invoice (post payment) the amount must be split into credit_amount (to
// the customer's balance), out_of_band_amount and refunds[] (existing
// refunds of the payment); refund_amount, which would make a refund, is
// not supported by stripetest. Voiding a credit note undoes it while its
// invoice is not paid by it.

func (s *Server) registerCreditNotes() {
	s.handle("POST", "/v1/credit_notes", s.createCreditNote)
	s.handle("GET", "/v1/credit_notes", s.listCreditNotes)
	s.handle("GET", "/v1/credit_notes/preview", func(r *request) (any, error) {
		cn, _, err := s.buildCreditNote(r)
		if err != nil {
			return nil, err
		}
		return s.render(cn, r.expand), nil
	})
	s.handle("GET", "/v1/credit_notes/preview/lines", func(r *request) (any, error) {
		cn, _, err := s.buildCreditNote(r)
		if err != nil {
			return nil, err
		}
		return s.pageCreditNoteLines(r, cn, "/v1/credit_notes/preview/lines")
	})
	s.handle("GET", "/v1/credit_notes/{id}", func(r *request) (any, error) {
		cn, err := getAs[*creditNote](s, "credit_note", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(cn, r.expand), nil
	})
	s.handle("GET", "/v1/credit_notes/{id}/lines", func(r *request) (any, error) {
		cn, err := getAs[*creditNote](s, "credit_note", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.pageCreditNoteLines(r, cn, "/v1/credit_notes/"+cn.ID+"/lines")
	})
	s.handle("POST", "/v1/credit_notes/{id}", s.updateCreditNote)
	s.handle("POST", "/v1/credit_notes/{id}/void", s.voidCreditNote)
}

// creditNote is a CreditNote. stripetest computes no tax or discounts and
// credits no shipping, so those amounts are zero and their lists empty.
type creditNote struct {
	meta
	Amount                     int64                       `json:"amount"`
	AmountShipping             int64                       `json:"amount_shipping"`
	Created                    int64                       `json:"created"`
	Currency                   string                      `json:"currency"`
	Customer                   string                      `json:"customer"`
	CustomerAccount            *string                     `json:"customer_account"`
	CustomerBalanceTransaction *string                     `json:"customer_balance_transaction"`
	DiscountAmount             int64                       `json:"discount_amount"`
	DiscountAmounts            []invoiceDiscountAmount     `json:"discount_amounts"`
	EffectiveAt                int64                       `json:"effective_at"`
	Invoice                    string                      `json:"invoice"`
	Livemode                   bool                        `json:"livemode"`
	Memo                       *string                     `json:"memo"`
	Metadata                   map[string]string           `json:"metadata"`
	Number                     string                      `json:"number"`
	OutOfBandAmount            *int64                      `json:"out_of_band_amount"`
	PDF                        string                      `json:"pdf"`
	PostPaymentAmount          int64                       `json:"post_payment_amount"`
	PrePaymentAmount           int64                       `json:"pre_payment_amount"`
	PretaxCreditAmounts        []invoicePretaxCreditAmount `json:"pretax_credit_amounts"`
	Reason                     *string                     `json:"reason"`
	Refunds                    []creditNoteRefund          `json:"refunds"`
	ShippingCost               *invoiceShippingCost        `json:"shipping_cost"`
	Status                     string                      `json:"status"`
	Subtotal                   int64                       `json:"subtotal"`
	SubtotalExcludingTax       int64                       `json:"subtotal_excluding_tax"`
	Total                      int64                       `json:"total"`
	TotalExcludingTax          int64                       `json:"total_excluding_tax"`
	TotalTaxes                 []invoiceTax                `json:"total_taxes"`
	Type                       string                      `json:"type"`
	VoidedAt                   *int64                      `json:"voided_at"`
	// Lines are the credit note's line items, all of them; the response's
	// lines list holds the first page (see complete).
	Lines []creditNoteLineItem `json:"_lines"`
}

func (x *creditNote) createdAt() int64 { return x.Created }

// complete adds the embedded lines list.
func (x *creditNote) complete(_ *Server, t obj) {
	t["lines"] = listObject("/v1/credit_notes/"+x.ID+"/lines", x.lineTrees())
}

// lineTrees are the credit note's lines as response trees.
func (x *creditNote) lineTrees() []any {
	data := make([]any, len(x.Lines))
	for i := range x.Lines {
		data[i] = valueTree(&x.Lines[i])
	}
	return data
}

// pageCreditNoteLines pages a credit note's lines.
func (s *Server) pageCreditNoteLines(r *request, cn *creditNote, url string) (obj, error) {
	return pageSlice(r, cn.Lines, url, "credit note line item", func(l creditNoteLineItem) string { return l.ID },
		func(l creditNoteLineItem, expand []string) obj {
			t, _ := valueTree(&l).(obj)
			return s.expandTree(t, expand)
		})
}

// creditNoteLineItem is a CreditNoteLineItem, stored in its credit note.
type creditNoteLineItem struct {
	ID                  string                      `json:"id"`
	Object              string                      `json:"object"`
	Amount              int64                       `json:"amount"`
	Description         *string                     `json:"description"`
	DiscountAmount      int64                       `json:"discount_amount"`
	DiscountAmounts     []invoiceDiscountAmount     `json:"discount_amounts"`
	InvoiceLineItem     *string                     `json:"invoice_line_item"` // null for a custom line
	Livemode            bool                        `json:"livemode"`
	Metadata            map[string]string           `json:"metadata"`
	PretaxCreditAmounts []invoicePretaxCreditAmount `json:"pretax_credit_amounts"`
	Quantity            int64                       `json:"quantity"`
	TaxRates            []taxRate                   `json:"tax_rates"`
	Taxes               []invoiceTax                `json:"taxes"`
	Type                string                      `json:"type"`
	UnitAmount          int64                       `json:"unit_amount"`
	UnitAmountDecimal   string                      `json:"unit_amount_decimal"`
}

// creditNoteRefund is a refund that pays back part of a post-payment
// credit note.
type creditNoteRefund struct {
	AmountRefunded      int64                          `json:"amount_refunded"`
	PaymentRecordRefund *creditNotePaymentRecordRefund `json:"payment_record_refund"`
	Refund              string                         `json:"refund"`
	Type                string                         `json:"type"`
}

// creditNotePaymentRecordRefund is a payment record refund (stripetest
// has no payment records, so it is always null).
type creditNotePaymentRecordRefund struct {
	PaymentRecord string `json:"payment_record"`
	RefundGroup   string `json:"refund_group"`
}

// creditSplit is how a post-payment credit note pays back its amount.
type creditSplit struct {
	credit, outOfBand, refunded int64
	refunds                     []creditNoteRefund
}

// buildCreditNote checks the params against the invoice and builds (but
// does not store) the credit note.
func (s *Server) buildCreditNote(r *request) (*creditNote, *creditSplit, error) {
	f := r.form
	invID, ok := f.str("invoice")
	if !ok || invID == "" {
		if err := f.failed(); err != nil {
			return nil, nil, err
		}
		return nil, nil, missingParam("invoice")
	}
	inv, err := getAs[*invoice](s, "invoice", invID)
	if err != nil {
		return nil, nil, invalid("invoice", "resource_missing", "No such invoice: '%s'", invID)
	}
	if inv.Status != "open" && inv.Status != "paid" {
		return nil, nil, invalid("invoice", "", "Credit notes can only be created for open or paid invoices; %s is %s.", invID, inv.Status)
	}
	if f.has("shipping_cost") {
		return nil, nil, invalid("shipping_cost", "", "Crediting shipping is not supported by stripetest.")
	}
	id := s.newID("cn")
	var lines []creditNoteLineItem
	var total int64
	for _, lf := range f.forms("lines") {
		var amount, qty, unit int64
		var desc, invLine *string
		typ := lf.strOr("type", "")
		switch typ {
		case "invoice_line_item":
			lid, _ := lf.str("invoice_line_item")
			var il *invoiceLineItem
			for _, l := range inv.Lines {
				if l.ID == lid {
					il = l
				}
			}
			if il == nil {
				return nil, nil, invalid(lf.name("invoice_line_item"), "resource_missing", "No such invoice line item: '%s'", lid)
			}
			invLine = &lid
			if il.Description != nil {
				d := *il.Description
				desc = &d
			}
			qty = max(il.Quantity, 1)
			unit = il.Amount / qty
			amount = il.Amount
			if n, ok := lf.int("quantity"); ok {
				qty, amount = n, unit*n
			}
			if n, ok := lf.int("amount"); ok {
				amount = n
			}
			if amount > il.Amount {
				return nil, nil, invalid(lf.name("amount"), "", "The credit for line %s (%d) is more than the line's amount (%d).", lid, amount, il.Amount)
			}
		case "custom_line_item":
			qty = 1
			if n, ok := lf.int("quantity"); ok {
				qty = n
			}
			u, ok := lf.int("unit_amount")
			if !ok {
				return nil, nil, missingParam(lf.name("unit_amount"))
			}
			unit, amount = u, u*qty
			if v, ok := lf.str("description"); ok {
				desc = &v
			}
		default:
			return nil, nil, invalid(lf.name("type"), "", "Invalid type: must be one of custom_line_item or invoice_line_item")
		}
		if amount < 0 || qty < 0 {
			return nil, nil, invalid(lf.prefix, "", "A credit note line's amount and quantity may not be negative.")
		}
		total += amount
		lines = append(lines, creditNoteLineItem{
			ID: s.newID("cnli"), Object: "credit_note_line_item", Amount: amount, Description: desc,
			DiscountAmounts: []invoiceDiscountAmount{}, InvoiceLineItem: invLine, Metadata: mergeMetadata(nil, lf),
			PretaxCreditAmounts: []invoicePretaxCreditAmount{}, Quantity: qty, TaxRates: []taxRate{}, Taxes: []invoiceTax{},
			Type: typ, UnitAmount: unit, UnitAmountDecimal: fmt.Sprint(unit),
		})
	}
	if n, ok := f.int("amount"); ok {
		if len(lines) > 0 && n != total {
			return nil, nil, invalid("amount", "", "The amount (%d) does not match the sum of the lines (%d).", n, total)
		}
		total = n
	} else if len(lines) == 0 {
		if err := f.failed(); err != nil {
			return nil, nil, err
		}
		return nil, nil, invalid("amount", "parameter_missing", "One of amount, lines, or shipping_cost must be provided.")
	}
	if total <= 0 {
		return nil, nil, invalid("amount", "", "The credit note's amount must be positive.")
	}
	var reason *string
	if v, ok := f.str("reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "order_change", "product_unsatisfactory":
			reason = &v
		default:
			return nil, nil, invalid("reason", "", "Invalid reason: must be one of duplicate, fraudulent, order_change or product_unsatisfactory")
		}
	}
	now := s.unix()
	cn := &creditNote{
		meta: meta{ID: id, Object: "credit_note"}, Amount: total, Created: now, Currency: inv.Currency,
		Customer: inv.Customer, DiscountAmounts: []invoiceDiscountAmount{}, EffectiveAt: now, Invoice: invID,
		Metadata: map[string]string{}, Number: fmt.Sprintf("%s-CN-%02d", invoiceNumber(inv), s.creditNoteCount(invID)+1),
		PDF: "https://pay.stripe.com/credit_notes/stripetest/" + id + "/pdf", PretaxCreditAmounts: []invoicePretaxCreditAmount{},
		Reason: reason, Refunds: []creditNoteRefund{}, Status: "issued", Subtotal: total, SubtotalExcludingTax: total,
		Total: total, TotalExcludingTax: total, TotalTaxes: []invoiceTax{}, Type: "pre_payment", Lines: lines,
	}
	if n, ok := f.int("effective_at"); ok {
		cn.EffectiveAt = n
	}
	setNullable(&cn.Memo, f, "memo")
	cn.Metadata = mergeMetadata(cn.Metadata, f)
	split := &creditSplit{}
	if n, ok := f.int("credit_amount"); ok {
		split.credit = n
	}
	if n, ok := f.int("out_of_band_amount"); ok {
		split.outOfBand = n
		cn.OutOfBandAmount = &n
	}
	if _, ok := f.int("refund_amount"); ok {
		return nil, nil, invalid("refund_amount", "", "refund_amount is not supported by stripetest: refund with Refunds.Create and pass the refund in refunds[].")
	}
	for _, rf := range f.forms("refunds") {
		rid, _ := rf.str("refund")
		re, err := getAs[*refund](s, "refund", rid)
		if err != nil {
			return nil, nil, invalid(rf.name("refund"), "resource_missing", "No such refund: '%s'", rid)
		}
		amt := re.Amount
		if n, ok := rf.int("amount_refunded"); ok {
			amt = n
		}
		split.refunded += amt
		split.refunds = append(split.refunds, creditNoteRefund{AmountRefunded: amt, Refund: rid, Type: "refund"})
	}
	if err := f.failed(); err != nil {
		return nil, nil, err
	}
	if inv.Status == "open" {
		if split.credit+split.outOfBand+split.refunded > 0 {
			return nil, nil, invalid("credit_amount", "", "An open invoice's credit note reduces its amount due; credit_amount, out_of_band_amount and refunds are for paid invoices.")
		}
		if total > inv.AmountRemaining {
			return nil, nil, invalid("amount", "", "The credit note's amount (%d) is more than the invoice's amount remaining (%d).", total, inv.AmountRemaining)
		}
		cn.PrePaymentAmount = total
		return cn, split, nil
	}
	if split.credit+split.outOfBand+split.refunded == 0 {
		split.credit = total // to the customer's balance
	}
	if split.credit+split.outOfBand+split.refunded != total {
		return nil, nil, invalid("amount", "", "The sum of credit_amount, out_of_band_amount and refunds (%d) must equal the credit note's amount (%d).",
			split.credit+split.outOfBand+split.refunded, total)
	}
	if left := inv.AmountPaid - inv.PostPaymentCreditNotesAmount; total > left {
		return nil, nil, invalid("amount", "", "The credit note's amount (%d) is more than what is left to credit on the paid invoice (%d).", total, left)
	}
	cn.Type, cn.PostPaymentAmount = "post_payment", total
	if split.refunds != nil {
		cn.Refunds = split.refunds
	}
	return cn, split, nil
}

func (s *Server) creditNoteCount(invID string) int {
	n := 0
	for _, cn := range allOf[*creditNote](s.st, "credit_note") {
		if cn.Invoice == invID {
			n++
		}
	}
	return n
}

func (s *Server) createCreditNote(r *request) (any, error) {
	cn, split, err := s.buildCreditNote(r)
	if err != nil {
		return nil, err
	}
	inv, _ := lookupAs[*invoice](s.st, cn.Invoice)
	total := cn.Amount
	s.insert(cn)
	before := s.snapshot(inv)
	if cn.Type == "pre_payment" {
		inv.PrePaymentCreditNotesAmount += total
		inv.AmountDue -= total
		inv.AmountRemaining -= total
	} else {
		inv.PostPaymentCreditNotesAmount += total
		if split.credit > 0 {
			cn.CustomerBalanceTransaction = s.adjustCustomerBalance(cn.Customer, -split.credit, cn.Currency, cn.ID)
		}
	}
	s.emit(r, "credit_note.created", cn, nil)
	s.emitUpdated(r, "invoice.updated", inv, before)
	if inv.Status == "open" && inv.AmountRemaining == 0 {
		s.markPaid(r, inv, true)
	}
	return s.render(cn, r.expand), nil
}

// adjustCustomerBalance moves a customer's balance by amount (negative is
// a credit) and records the customer balance transaction, whose ID it
// returns (nil without the customer).
func (s *Server) adjustCustomerBalance(cusID string, amount int64, currency, cnID string) *string {
	cus, ok := lookupAs[*customer](s.st, cusID)
	if !ok {
		return nil
	}
	end := cus.Balance + amount
	cus.Balance = end
	txn := &customerBalanceTransaction{
		meta: meta{ID: s.newID("cbtxn"), Object: "customer_balance_transaction"}, Amount: amount, Created: s.unix(),
		CreditNote: &cnID, Currency: currency, Customer: cusID, EndingBalance: end, Metadata: map[string]string{},
		Type: "credit_note",
	}
	s.insert(txn)
	return &txn.ID
}

func (s *Server) updateCreditNote(r *request) (any, error) {
	cn, err := getAs[*creditNote](s, "credit_note", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(cn)
	c := cloneRecord(cn)
	setNullable(&c.Memo, r.form, "memo")
	c.Metadata = mergeMetadata(c.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*cn = *c
	s.emitUpdated(r, "credit_note.updated", cn, before)
	return s.render(cn, r.expand), nil
}

func (s *Server) voidCreditNote(r *request) (any, error) {
	cn, err := getAs[*creditNote](s, "credit_note", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if cn.Status != "issued" {
		return nil, invalid("", "", "Credit note %s is already void.", cn.ID)
	}
	inv, _ := lookupAs[*invoice](s.st, cn.Invoice)
	total := cn.Amount
	if cn.Type == "pre_payment" && inv.Status != "open" {
		return nil, invalid("", "", "This credit note's invoice %s is %s; the credit note can no longer be voided.", inv.ID, inv.Status)
	}
	before := s.snapshot(inv)
	if cn.Type == "pre_payment" {
		inv.PrePaymentCreditNotesAmount -= total
		inv.AmountDue += total
		inv.AmountRemaining += total
	} else {
		inv.PostPaymentCreditNotesAmount -= total
		if cn.CustomerBalanceTransaction != nil {
			if txn, ok := lookupAs[*customerBalanceTransaction](s.st, *cn.CustomerBalanceTransaction); ok {
				s.adjustCustomerBalance(cn.Customer, -txn.Amount, cn.Currency, cn.ID)
			}
		}
	}
	now := s.unix()
	cn.Status, cn.VoidedAt = "void", &now
	s.emit(r, "credit_note.voided", cn, nil)
	s.emitUpdated(r, "invoice.updated", inv, before)
	return s.render(cn, r.expand), nil
}

func (s *Server) listCreditNotes(r *request) (any, error) {
	f := r.form
	inv, hasInv := f.str("invoice")
	cus, hasCus := f.str("customer")
	return listOf(s, r, "credit_note", "/v1/credit_notes", func(cn *creditNote) bool {
		return (!hasInv || cn.Invoice == inv) && (!hasCus || cn.Customer == cus)
	})
}
