package stripetest

// Invoice line actions on a draft: add_lines, update_lines, remove_lines
// and POST /v1/invoices/{id}/lines/{line}. A line made here is an invoice
// item on the invoice (as on Stripe); subscription lines cannot be changed
// or removed by stripetest.

func (s *Server) registerInvoiceLineActions() {
	s.handle("POST", "/v1/invoices/{id}/add_lines", s.invoiceLinesAction(s.addInvoiceLines))
	s.handle("POST", "/v1/invoices/{id}/update_lines", s.invoiceLinesAction(s.updateInvoiceLines))
	s.handle("POST", "/v1/invoices/{id}/remove_lines", s.invoiceLinesAction(s.removeInvoiceLines))
	s.handle("POST", "/v1/invoices/{invoice}/lines/{line}", s.updateInvoiceLine)
}

// invoiceLinesAction runs a lines action on a draft invoice, then applies
// invoice_metadata and recalculates it.
func (s *Server) invoiceLinesAction(fn func(r *request, inv obj) error) handlerFunc {
	return func(r *request) (any, error) {
		inv, err := s.getObj("invoice", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		if inv["status"] != "draft" {
			return nil, invalid("", "invoice_not_editable", "You can only change the lines of a draft invoice; %s is %s.", inv["id"], inv["status"])
		}
		if len(r.form.forms("lines")) == 0 {
			if err := r.form.failed(); err != nil {
				return nil, err
			}
			return nil, missingParam("lines")
		}
		before := s.snapshotObj(inv)
		if err := fn(r, inv); err != nil {
			return nil, err
		}
		if r.form.has("invoice_metadata") {
			md := &form{m: obj{"metadata": r.form.m["invoice_metadata"]}, err: r.form.err}
			applyMetadata(inv, md)
		}
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		s.recalcInvoice(inv)
		s.emitUpdatedObj(r, "invoice.updated", inv, before)
		return s.renderObj(inv, r.expand), nil
	}
}

// lineItem finds the invoice item behind one of the invoice's lines.
func (s *Server) lineItem(inv obj, lineID, param string) (obj, error) {
	for _, ii := range s.st.allObj("invoiceitem") {
		if ii["invoice"] == inv["id"] && ii["_line"] == lineID {
			return ii, nil
		}
	}
	if sub, ok := inv["_sublines"].([]any); ok {
		for _, l := range sub {
			if lo, ok := l.(obj); ok && lo["id"] == lineID {
				return nil, invalid(param, "", "Line %s comes from the subscription; stripetest cannot change or remove it.", lineID)
			}
		}
	}
	return nil, invalid(param, "resource_missing", "No such invoice line item: '%s'", lineID)
}

func (s *Server) addInvoiceLines(r *request, inv obj) error {
	for _, lf := range r.form.forms("lines") {
		if lf.has("discounts") || lf.has("tax_amounts") {
			return invalid(lf.prefix, "", "Line discounts and tax amounts are not supported by stripetest.")
		}
		if id, ok := lf.str("invoice_item"); ok {
			ii, err := s.getObj("invoiceitem", id)
			if err != nil {
				return invalid(lf.name("invoice_item"), "resource_missing", "No such invoice item: '%s'", id)
			}
			if ii["invoice"] != nil || ii["customer"] != inv["customer"] || ii["currency"] != inv["currency"] {
				return invalid(lf.name("invoice_item"), "", "Invoice item %s is not a pending item of this invoice's customer in %s.", id, inv["currency"])
			}
			ii["invoice"] = inv["id"]
			continue
		}
		now := s.unix()
		ii := obj{
			"id": s.newID("ii"), "object": "invoiceitem", "amount": int64(0), "currency": inv["currency"], "customer": inv["customer"], "date": now,
			"description": nil, "discountable": true, "discounts": []any{}, "invoice": inv["id"], "livemode": false, "metadata": obj{},
			"net_amount": int64(0), "parent": nil, "period": obj{"start": now, "end": now}, "pricing": nil, "proration": false,
			"proration_details": obj{"credited_items": nil, "discount_amounts": []any{}}, "quantity": int64(1), "quantity_decimal": "1",
			"tax_rates": []any{}, "test_clock": inv["test_clock"], "_created": now,
		}
		s.applyItemParams(ii, lf)
		if err := s.applyItemAmount(ii, lf, true); err != nil {
			return err
		}
		if ii["currency"] != inv["currency"] {
			return invalid(lf.prefix, "", "The line's currency %s does not match the invoice's (%s).", ii["currency"], inv["currency"])
		}
		s.insertObj(ii)
	}
	return nil
}

func (s *Server) updateInvoiceLines(r *request, inv obj) error {
	for _, lf := range r.form.forms("lines") {
		id, _ := lf.str("id")
		ii, err := s.lineItem(inv, id, lf.name("id"))
		if err != nil {
			return err
		}
		if err := s.changeLineItem(ii, lf); err != nil {
			return err
		}
	}
	return nil
}

// changeLineItem applies a line's new values to its invoice item.
func (s *Server) changeLineItem(ii obj, f *form) error {
	if f.has("discounts") || f.has("tax_amounts") {
		return invalid("discounts", "", "Line discounts and tax amounts are not supported by stripetest.")
	}
	clone := cloneObj(ii)
	if u, ok := ii["_unit"]; ok {
		clone["_unit"] = u
	}
	s.applyItemParams(clone, f)
	if err := s.applyItemAmount(clone, f, false); err != nil {
		return err
	}
	delete(ii, "_unit")
	for k, v := range clone {
		ii[k] = v
	}
	return nil
}

func (s *Server) removeInvoiceLines(r *request, inv obj) error {
	for _, lf := range r.form.forms("lines") {
		id, _ := lf.str("id")
		ii, err := s.lineItem(inv, id, lf.name("id"))
		if err != nil {
			return err
		}
		switch lf.strOr("behavior", "") {
		case "delete":
			s.removeObj(ii)
		case "unassign":
			ii["invoice"] = nil
			delete(ii, "_line")
		default:
			return invalid(lf.name("behavior"), "", "Invalid behavior: must be one of delete or unassign")
		}
	}
	return nil
}

func (s *Server) updateInvoiceLine(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("invoice"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "draft" {
		return nil, invalid("", "invoice_not_editable", "You can only change the lines of a draft invoice; %s is %s.", inv["id"], inv["status"])
	}
	ii, err := s.lineItem(inv, r.pathVal("line"), "line_item_id")
	if err != nil {
		return nil, err
	}
	if err := s.changeLineItem(ii, r.form); err != nil {
		return nil, err
	}
	s.recalcInvoice(inv)
	lines, _ := inv["_lines"].([]any)
	for _, l := range lines {
		if lo, ok := l.(obj); ok && lo["id"] == r.pathVal("line") {
			return s.renderObj(lo, r.expand), nil
		}
	}
	return nil, notFound("line item", r.pathVal("line"), "line_item_id")
}
