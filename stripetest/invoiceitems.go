package stripetest

import "strconv"

func (s *Server) registerInvoiceItems() {
	s.handle("POST", "/v1/invoiceitems", s.createInvoiceItem)
	s.handle("GET", "/v1/invoiceitems", s.listInvoiceItems)
	s.handle("GET", "/v1/invoiceitems/{id}", func(r *request) (any, error) {
		ii, err := s.getObj("invoiceitem", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(ii, r.expand), nil
	})
	s.handle("POST", "/v1/invoiceitems/{id}", s.updateInvoiceItem)
	s.handle("DELETE", "/v1/invoiceitems/{id}", s.deleteInvoiceItem)
}

// applyItemAmount sets amount, unit amount, quantity, currency and pricing
// from amount, price_data, pricing[price], unit_amount_decimal and
// quantity. create requires one way of pricing the item.
func (s *Server) applyItemAmount(ii obj, f *form, create bool) error {
	qty := num(ii, "quantity")
	if n, ok := f.int("quantity"); ok {
		if n < 0 {
			return invalid("quantity", "", "Invalid non-negative integer")
		}
		qty = n
	}
	unit, hasUnit := ii["_unit"].(int64)
	switch {
	case f.has("amount"):
		n, _ := f.int("amount")
		ii["amount"], ii["pricing"] = n, nil
		delete(ii, "_unit")
		hasUnit = false
		if c, ok := f.str("currency"); ok {
			ii["currency"] = c
		}
	case f.has("pricing"):
		id, _ := f.sub("pricing").str("price")
		price, err := s.getObj("price", id)
		if err != nil {
			return invalid("pricing[price]", "resource_missing", "No such price: '%s'", id)
		}
		if price["type"] != "one_time" {
			return invalid("pricing[price]", "", "The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.")
		}
		unit, hasUnit = price["unit_amount"].(int64)
		ii["currency"] = price["currency"]
		ii["pricing"] = obj{"price_details": obj{"price": id, "product": price["product"]}, "type": "price_details", "unit_amount_decimal": strconv.FormatInt(unit, 10)}
		if ii["description"] == nil {
			if prod, ok := s.st.lookupObj(idOf(price["product"])); ok {
				ii["description"] = prod["name"]
			}
		}
	case f.has("price_data"):
		pd := f.sub("price_data")
		prodID, _ := pd.str("product")
		prod, err := s.getObj("product", prodID)
		if err != nil {
			return invalid("price_data[product]", "resource_missing", "No such product: '%s'", prodID)
		}
		price, err := s.buildPrice(pd, prodID)
		if err != nil {
			return err
		}
		price["active"] = false // an inline price
		s.insertObj(price)
		unit, hasUnit = price["unit_amount"].(int64)
		ii["currency"] = price["currency"]
		ii["pricing"] = obj{"price_details": obj{"price": price["id"], "product": prodID}, "type": "price_details", "unit_amount_decimal": price["unit_amount_decimal"]}
		if ii["description"] == nil {
			ii["description"] = prod["name"]
		}
	case f.has("unit_amount_decimal"):
		d, _ := f.str("unit_amount_decimal")
		x, err := strconv.ParseFloat(d, 64)
		if err != nil {
			return invalid("unit_amount_decimal", "", "Invalid decimal: %s", d)
		}
		unit, hasUnit = int64(x), true
	case create:
		return missingParam("amount")
	}
	if hasUnit {
		ii["_unit"] = unit
		ii["amount"] = unit * qty
	}
	ii["quantity"] = qty
	ii["quantity_decimal"] = strconv.FormatInt(qty, 10)
	ii["net_amount"] = ii["amount"]
	return f.failed()
}

func (s *Server) applyItemParams(ii obj, f *form) {
	setStrings(ii, f, "description")
	if b, ok := f.bool("discountable"); ok {
		ii["discountable"] = b
	}
	if f.has("period") {
		p := f.sub("period")
		start, _ := p.int("start")
		end, _ := p.int("end")
		ii["period"] = obj{"start": start, "end": end}
	}
	applyMetadata(ii, f)
}

// editableInvoice checks that an item can change: it is pending or on a
// draft invoice.
func (s *Server) editableInvoice(ii obj) (obj, error) {
	invID := idOf(ii["invoice"])
	if invID == "" {
		return nil, nil
	}
	inv, _ := s.st.lookupObj(invID)
	if inv != nil && inv["status"] != "draft" {
		return nil, invalid("invoice", "invoice_not_editable", "Invoice %s is finalized; its items can no longer be changed.", invID)
	}
	return inv, nil
}

func (s *Server) createInvoiceItem(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	now := s.unix()
	ii := obj{
		"id": s.newID("ii"), "object": "invoiceitem", "amount": int64(0), "currency": "usd", "customer": cusID, "date": now,
		"description": nil, "discountable": true, "discounts": []any{}, "invoice": nil, "livemode": false, "metadata": obj{},
		"net_amount": int64(0), "parent": nil, "period": obj{"start": now, "end": now}, "pricing": nil, "proration": false,
		"proration_details": obj{"credited_items": nil, "discount_amounts": []any{}}, "quantity": int64(1), "quantity_decimal": "1", "tax_rates": []any{}, "test_clock": treeValue(cus.TestClock),
		"_created": now,
	}
	s.applyItemParams(ii, f)
	if err := s.applyItemAmount(ii, f, true); err != nil {
		return nil, err
	}
	var inv obj
	if invID, ok := f.str("invoice"); ok {
		i, err := s.getObj("invoice", invID)
		if err != nil {
			return nil, invalid("invoice", "resource_missing", "No such invoice: '%s'", invID)
		}
		if i["status"] != "draft" {
			return nil, invalid("invoice", "invoice_not_editable", "You can only add invoice items to draft invoices; %s is %s.", invID, i["status"])
		}
		if i["customer"] != cusID {
			return nil, invalid("invoice", "", "The invoice %s belongs to another customer.", invID)
		}
		if i["currency"] != ii["currency"] {
			return nil, invalid("currency", "", "The currency %s of the item does not match the invoice's (%s).", ii["currency"], i["currency"])
		}
		inv = i
		ii["invoice"] = invID
	}
	s.insertObj(ii)
	s.emitObj(r, "invoiceitem.created", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return s.renderObj(ii, r.expand), nil
}

func (s *Server) updateInvoiceItem(r *request) (any, error) {
	ii, err := s.getObj("invoiceitem", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	inv, err := s.editableInvoice(ii)
	if err != nil {
		return nil, err
	}
	f := r.form
	clone := cloneObj(ii)
	if u, ok := ii["_unit"]; ok {
		clone["_unit"] = u
	}
	s.applyItemParams(clone, f)
	if err := s.applyItemAmount(clone, f, false); err != nil {
		return nil, err
	}
	delete(ii, "_unit")
	for k, v := range clone {
		ii[k] = v
	}
	s.emitObj(r, "invoiceitem.updated", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return s.renderObj(ii, r.expand), nil
}

func (s *Server) deleteInvoiceItem(r *request) (any, error) {
	ii, err := s.getObj("invoiceitem", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	inv, err := s.editableInvoice(ii)
	if err != nil {
		return nil, err
	}
	s.removeObj(ii)
	s.emitObj(r, "invoiceitem.deleted", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return obj{"id": ii["id"], "object": "invoiceitem", "deleted": true}, nil
}

func (s *Server) listInvoiceItems(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	inv, hasInv := f.str("invoice")
	pending, hasPending := f.bool("pending")
	return s.listObjs(r, "invoiceitem", "/v1/invoiceitems", func(ii obj) bool {
		return (!hasCus || ii["customer"] == cus) && (!hasInv || ii["invoice"] == inv) &&
			(!hasPending || (ii["invoice"] == nil) == pending)
	})
}
