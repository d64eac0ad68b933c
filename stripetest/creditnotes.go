package stripetest

import "fmt"

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
		return s.renderObj(cn, r.expand), nil
	})
	s.handle("GET", "/v1/credit_notes/preview/lines", func(r *request) (any, error) {
		cn, _, err := s.buildCreditNote(r)
		if err != nil {
			return nil, err
		}
		lines, _ := cn["_lines"].([]any)
		return pageItems(r, lines, "/v1/credit_notes/preview/lines", "credit note line item")
	})
	s.handle("GET", "/v1/credit_notes/{id}", func(r *request) (any, error) {
		cn, err := s.getObj("credit_note", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(cn, r.expand), nil
	})
	s.handle("GET", "/v1/credit_notes/{id}/lines", func(r *request) (any, error) {
		cn, err := s.getObj("credit_note", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		lines, _ := cn["_lines"].([]any)
		return pageItems(r, lines, "/v1/credit_notes/"+str(cn, "id")+"/lines", "credit note line item")
	})
	s.handle("POST", "/v1/credit_notes/{id}", s.updateCreditNote)
	s.handle("POST", "/v1/credit_notes/{id}/void", s.voidCreditNote)
}

// creditSplit is how a post-payment credit note pays back its amount.
type creditSplit struct {
	credit, outOfBand, refunded int64
	refunds                     []any
}

// buildCreditNote checks the params against the invoice and builds (but
// does not store) the credit note.
func (s *Server) buildCreditNote(r *request) (obj, *creditSplit, error) {
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
	var lines []any
	var total int64
	for _, lf := range f.forms("lines") {
		var amount, qty, unit int64
		var desc, invLine, typ any
		typ = lf.strOr("type", "")
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
			invLine = lid
			if il.Description != nil {
				desc = *il.Description
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
				desc = v
			}
		default:
			return nil, nil, invalid(lf.name("type"), "", "Invalid type: must be one of custom_line_item or invoice_line_item")
		}
		if amount < 0 || qty < 0 {
			return nil, nil, invalid(lf.prefix, "", "A credit note line's amount and quantity may not be negative.")
		}
		total += amount
		line := obj{
			"id": s.newID("cnli"), "object": "credit_note_line_item", "amount": amount, "description": desc, "discount_amount": int64(0),
			"discount_amounts": []any{}, "invoice_line_item": invLine, "livemode": false, "metadata": obj{}, "pretax_credit_amounts": []any{},
			"quantity": qty, "tax_rates": []any{}, "taxes": []any{}, "type": typ, "unit_amount": unit, "unit_amount_decimal": fmt.Sprint(unit),
		}
		applyMetadata(line, lf)
		lines = append(lines, line)
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
	var reason any
	if v, ok := f.str("reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "order_change", "product_unsatisfactory":
			reason = v
		default:
			return nil, nil, invalid("reason", "", "Invalid reason: must be one of duplicate, fraudulent, order_change or product_unsatisfactory")
		}
	}
	now := s.unix()
	cn := obj{
		"id": id, "object": "credit_note", "amount": total, "amount_shipping": int64(0), "created": now, "currency": inv.Currency,
		"customer": inv.Customer, "customer_account": nil, "customer_balance_transaction": nil, "discount_amount": int64(0),
		"discount_amounts": []any{}, "effective_at": now, "invoice": invID, "livemode": false, "memo": nil, "metadata": obj{},
		"number": fmt.Sprintf("%s-CN-%02d", invoiceNumber(inv), s.creditNoteCount(invID)+1), "out_of_band_amount": nil,
		"pdf": "https://pay.stripe.com/credit_notes/stripetest/" + id + "/pdf", "post_payment_amount": int64(0), "pre_payment_amount": int64(0),
		"pretax_credit_amounts": []any{}, "reason": reason, "refunds": []any{}, "shipping_cost": nil, "status": "issued",
		"subtotal": total, "subtotal_excluding_tax": total, "total": total, "total_excluding_tax": total, "total_taxes": []any{},
		"type": "pre_payment", "voided_at": nil, "_lines": lines,
		"lines": listObject("/v1/credit_notes/"+id+"/lines", lines),
	}
	if n, ok := f.int("effective_at"); ok {
		cn["effective_at"] = n
	}
	setStrings(cn, f, "memo")
	applyMetadata(cn, f)
	split := &creditSplit{}
	if n, ok := f.int("credit_amount"); ok {
		split.credit = n
	}
	if n, ok := f.int("out_of_band_amount"); ok {
		split.outOfBand = n
		cn["out_of_band_amount"] = n
	}
	if _, ok := f.int("refund_amount"); ok {
		return nil, nil, invalid("refund_amount", "", "refund_amount is not supported by stripetest: refund with Refunds.Create and pass the refund in refunds[].")
	}
	for _, rf := range f.forms("refunds") {
		rid, _ := rf.str("refund")
		re, err := s.getObj("refund", rid)
		if err != nil {
			return nil, nil, invalid(rf.name("refund"), "resource_missing", "No such refund: '%s'", rid)
		}
		amt := num(re, "amount")
		if n, ok := rf.int("amount_refunded"); ok {
			amt = n
		}
		split.refunded += amt
		split.refunds = append(split.refunds, obj{"amount_refunded": amt, "payment_record_refund": nil, "refund": rid, "type": "refund"})
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
		cn["pre_payment_amount"] = total
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
	cn["type"], cn["post_payment_amount"] = "post_payment", total
	cn["refunds"] = listOrEmpty(split.refunds)
	return cn, split, nil
}

func (s *Server) creditNoteCount(invID string) int {
	n := 0
	for _, cn := range s.st.allObj("credit_note") {
		if cn["invoice"] == invID {
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
	inv, _ := lookupAs[*invoice](s.st, str(cn, "invoice"))
	total := num(cn, "amount")
	s.insertObj(cn)
	before := s.snapshot(inv)
	if cn["type"] == "pre_payment" {
		inv.PrePaymentCreditNotesAmount += total
		inv.AmountDue -= total
		inv.AmountRemaining -= total
	} else {
		inv.PostPaymentCreditNotesAmount += total
		if split.credit > 0 {
			cn["customer_balance_transaction"] = s.adjustCustomerBalance(str(cn, "customer"), -split.credit, str(cn, "currency"), str(cn, "id"))
		}
	}
	s.emitObj(r, "credit_note.created", cn, nil)
	s.emitUpdated(r, "invoice.updated", inv, before)
	if inv.Status == "open" && inv.AmountRemaining == 0 {
		s.markPaid(r, inv, true)
	}
	return s.renderObj(cn, r.expand), nil
}

// adjustCustomerBalance moves a customer's balance by amount (negative is
// a credit) and records the customer balance transaction.
func (s *Server) adjustCustomerBalance(cusID string, amount int64, currency, creditNote string) any {
	cus, ok := lookupAs[*customer](s.st, cusID)
	if !ok {
		return nil
	}
	end := cus.Balance + amount
	cus.Balance = end
	txn := s.insertObj(obj{
		"id": s.newID("cbtxn"), "object": "customer_balance_transaction", "amount": amount, "checkout_session": nil, "created": s.unix(),
		"credit_note": creditNote, "currency": currency, "customer": cusID, "customer_account": nil, "description": nil, "ending_balance": end,
		"invoice": nil, "livemode": false, "metadata": obj{}, "type": "credit_note",
	})
	return txn["id"]
}

func (s *Server) updateCreditNote(r *request) (any, error) {
	cn, err := s.getObj("credit_note", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(cn)
	clone := cloneObj(cn)
	setStrings(clone, r.form, "memo")
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	cn["memo"], cn["metadata"] = clone["memo"], clone["metadata"]
	s.emitUpdatedObj(r, "credit_note.updated", cn, before)
	return s.renderObj(cn, r.expand), nil
}

func (s *Server) voidCreditNote(r *request) (any, error) {
	cn, err := s.getObj("credit_note", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if cn["status"] != "issued" {
		return nil, invalid("", "", "Credit note %s is already void.", cn["id"])
	}
	inv, _ := lookupAs[*invoice](s.st, str(cn, "invoice"))
	total := num(cn, "amount")
	if cn["type"] == "pre_payment" && inv.Status != "open" {
		return nil, invalid("", "", "This credit note's invoice %s is %s; the credit note can no longer be voided.", inv.ID, inv.Status)
	}
	before := s.snapshot(inv)
	if cn["type"] == "pre_payment" {
		inv.PrePaymentCreditNotesAmount -= total
		inv.AmountDue += total
		inv.AmountRemaining += total
	} else {
		inv.PostPaymentCreditNotesAmount -= total
		if txn, ok := s.st.lookupObj(idOf(cn["customer_balance_transaction"])); ok {
			s.adjustCustomerBalance(str(cn, "customer"), -num(txn, "amount"), str(cn, "currency"), str(cn, "id"))
		}
	}
	cn["status"], cn["voided_at"] = "void", s.unix()
	s.emitObj(r, "credit_note.voided", cn, nil)
	s.emitUpdated(r, "invoice.updated", inv, before)
	return s.renderObj(cn, r.expand), nil
}

func (s *Server) listCreditNotes(r *request) (any, error) {
	f := r.form
	inv, hasInv := f.str("invoice")
	cus, hasCus := f.str("customer")
	return s.listObjs(r, "credit_note", "/v1/credit_notes", func(cn obj) bool {
		return (!hasInv || cn["invoice"] == inv) && (!hasCus || cn["customer"] == cus)
	})
}
