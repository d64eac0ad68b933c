package stripetest

import (
	"errors"
	"fmt"
)

func (s *Server) registerInvoices() {
	s.handle("POST", "/v1/invoices", s.createInvoice)
	s.handle("GET", "/v1/invoices", s.listInvoices)
	s.handle("GET", "/v1/invoices/{id}", func(r *request) (any, error) {
		inv, err := s.getObj("invoice", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(inv, r.expand), nil
	})
	s.handle("GET", "/v1/invoices/{id}/lines", s.listInvoiceLines)
	s.handle("POST", "/v1/invoices/{id}", s.updateInvoice)
	s.handle("DELETE", "/v1/invoices/{id}", s.deleteInvoice)
	s.handle("POST", "/v1/invoices/{id}/finalize", s.finalizeInvoice)
	s.handle("POST", "/v1/invoices/{id}/pay", s.payInvoice)
	s.handle("POST", "/v1/invoices/{id}/send", s.sendInvoice)
	s.handle("POST", "/v1/invoices/{id}/void", s.voidInvoice)
	s.handle("POST", "/v1/invoices/{id}/mark_uncollectible", s.markUncollectible)
}

// newInvoice builds (but does not store) a draft invoice for cus.
func (s *Server) newInvoice(cus *customer, currency, collection, reason string) obj {
	now := s.unix()
	id := s.newID("in")
	return obj{
		"id": id, "object": "invoice", "account_country": "US", "account_name": "stripetest", "account_tax_ids": nil,
		"amount_due": int64(0), "amount_overpaid": int64(0), "amount_paid": int64(0), "amount_paid_off_stripe": int64(0),
		"amount_remaining": int64(0), "amount_shipping": int64(0), "application": nil, "attempt_count": int64(0), "attempted": false,
		"auto_advance": false, "automatic_tax": obj{"disabled_reason": nil, "enabled": false, "liability": nil, "provider": nil, "status": nil},
		"automatically_finalizes_at": nil, "billing_reason": reason, "collection_method": collection, "confirmation_secret": nil,
		"created": now, "currency": currency, "custom_fields": nil, "customer": cus.ID, "customer_address": treeValue(cus.Address),
		"customer_email": treeValue(cus.Email), "customer_name": treeValue(cus.Name), "customer_phone": treeValue(cus.Phone), "customer_shipping": treeValue(cus.Shipping),
		"customer_tax_exempt": cus.TaxExempt, "customer_tax_ids": []any{}, "default_payment_method": nil, "default_source": nil,
		"default_tax_rates": []any{}, "description": nil, "discounts": []any{}, "due_date": nil, "effective_at": nil, "ending_balance": nil,
		"footer": nil, "from_invoice": nil, "hosted_invoice_url": nil, "invoice_pdf": nil, "issuer": obj{"type": "self"},
		"last_finalization_error": nil, "latest_revision": nil, "lines": listObject("/v1/invoices/"+id+"/lines", nil), "livemode": false,
		"metadata": obj{}, "next_payment_attempt": nil, "number": nil, "on_behalf_of": nil, "parent": nil,
		"payment_settings": obj{"default_mandate": nil, "payment_method_options": nil, "payment_method_types": nil},
		"period_end":       now, "period_start": now, "post_payment_credit_notes_amount": int64(0), "pre_payment_credit_notes_amount": int64(0),
		"receipt_number": nil, "rendering": nil, "shipping_cost": nil, "shipping_details": nil, "starting_balance": int64(0),
		"statement_descriptor": nil, "status": "draft",
		"status_transitions": obj{"finalized_at": nil, "marked_uncollectible_at": nil, "paid_at": nil, "voided_at": nil},
		"subtotal":           int64(0), "subtotal_excluding_tax": int64(0), "test_clock": treeValue(cus.TestClock), "total": int64(0), "total_discount_amounts": []any{},
		"total_excluding_tax": int64(0), "total_pretax_credit_amounts": []any{}, "total_taxes": []any{}, "webhooks_delivered_at": nil,
	}
}

// recalcInvoice rebuilds a draft invoice's lines from its invoice items
// (and subscription lines) and makes the totals add up.
func (s *Server) recalcInvoice(inv obj) {
	id := str(inv, "id")
	var lines []any
	if sub, ok := inv["_sublines"].([]any); ok {
		lines = append(lines, sub...)
	}
	for _, ii := range s.st.allObj("invoiceitem") {
		if ii["invoice"] != id {
			continue
		}
		lineID, _ := ii["_line"].(string)
		if lineID == "" {
			lineID = s.newID("il")
			ii["_line"] = lineID
		}
		lines = append(lines, obj{
			"id": lineID, "object": "line_item", "amount": ii["amount"], "currency": ii["currency"], "description": ii["description"],
			"discount_amounts": []any{}, "discountable": ii["discountable"], "discounts": []any{}, "invoice": id, "livemode": false,
			"metadata": deepCopy(ii["metadata"]),
			"parent": obj{"invoice_item_details": obj{"invoice_item": ii["id"], "proration": false, "proration_details": obj{"credited_items": nil}, "subscription": nil},
				"subscription_item_details": nil, "type": "invoice_item_details"},
			"period": deepCopy(ii["period"]), "pretax_credit_amounts": []any{}, "pricing": deepCopy(ii["pricing"]),
			"quantity": ii["quantity"], "quantity_decimal": ii["quantity_decimal"], "subtotal": ii["amount"], "taxes": []any{},
		})
	}
	var subtotal int64
	for _, l := range lines {
		if lo, ok := l.(obj); ok {
			subtotal += num(lo, "amount")
		}
	}
	inv["_lines"] = lines
	inv["lines"] = listObject("/v1/invoices/"+id+"/lines", lines)
	inv["subtotal"], inv["subtotal_excluding_tax"] = subtotal, subtotal
	total := subtotal - s.discountInvoice(inv, lines) // discounts.go
	inv["total"], inv["total_excluding_tax"] = total, total
	due := max(total, 0)
	inv["amount_due"] = due
	inv["amount_remaining"] = due - num(inv, "amount_paid")
}

func (s *Server) applyInvoiceParams(inv obj, f *form) error {
	setStrings(inv, f, "description", "footer", "number", "statement_descriptor", "on_behalf_of")
	if b, ok := f.bool("auto_advance"); ok {
		inv["auto_advance"] = b
	}
	if v, ok := f.str("collection_method"); ok {
		if v != "charge_automatically" && v != "send_invoice" {
			return invalid("collection_method", "", "Invalid collection_method: must be one of charge_automatically or send_invoice")
		}
		inv["collection_method"] = v
	}
	for _, k := range []string{"application_fee_amount", "automatically_finalizes_at", "due_date", "effective_at"} {
		if n, ok := f.int(k); ok {
			inv[k] = n
		}
	}
	if n, ok := f.int("days_until_due"); ok {
		inv["due_date"] = num(inv, "created") + n*86400
	}
	if at := f.sub("automatic_tax"); len(at.m) > 0 {
		b, _ := at.bool("enabled")
		objAt(inv, "automatic_tax")["enabled"] = b
	}
	if f.has("custom_fields") {
		var cf []any
		for _, c := range f.forms("custom_fields") {
			cf = append(cf, obj{"name": c.strOr("name", ""), "value": c.strOr("value", "")})
		}
		inv["custom_fields"] = cf
	}
	if f.has("default_tax_rates") {
		inv["default_tax_rates"] = deepCopy(f.strings("default_tax_rates"))
	}
	for _, k := range []string{"default_payment_method", "default_source"} {
		if v, ok := f.str(k); ok {
			if v == "" {
				inv[k] = nil
				continue
			}
			pm, err := s.resolvePaymentMethod(v, k)
			if err != nil {
				return err
			}
			inv[k] = pm["id"]
		}
	}
	applyMetadata(inv, f)
	if err := f.failed(); err != nil {
		return err
	}
	if inv["collection_method"] == "send_invoice" && inv["due_date"] == nil {
		return invalid("days_until_due", "", "Invoices with `collection_method=send_invoice` must have either a `due_date` or `days_until_due`.")
	}
	return nil
}

func (s *Server) createInvoice(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		if f.has("subscription") {
			return nil, invalid("subscription", "", "Creating invoices for subscriptions is not supported by stripetest; subscriptions create their own invoices.")
		}
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	currency := "usd"
	if cus.Currency != nil {
		currency = *cus.Currency
	}
	currency = f.strOr("currency", currency)
	inv := s.newInvoice(cus, currency, "charge_automatically", "manual")
	if err := s.applyInvoiceParams(inv, f); err != nil {
		return nil, err
	}
	behavior := f.strOr("pending_invoice_items_behavior", "exclude")
	if behavior != "include" && behavior != "exclude" {
		return nil, invalid("pending_invoice_items_behavior", "", "Invalid pending_invoice_items_behavior: must be one of include or exclude")
	}
	ds, _, err := s.newDiscounts(f, cusID)
	if err != nil {
		return nil, err
	}
	s.insertObj(inv)
	s.attachDiscounts(inv, "invoice", ds)
	if behavior == "include" {
		s.attachPendingItems(inv)
	}
	s.recalcInvoice(inv)
	s.emitObj(r, "invoice.created", inv, nil)
	return s.renderObj(inv, r.expand), nil
}

// attachPendingItems moves the customer's pending invoice items in the
// invoice's currency onto it.
func (s *Server) attachPendingItems(inv obj) {
	for _, ii := range s.st.allObj("invoiceitem") {
		if ii["customer"] == inv["customer"] && ii["invoice"] == nil && ii["currency"] == inv["currency"] {
			ii["invoice"] = inv["id"]
		}
	}
}

func (s *Server) updateInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if inv["status"] != "draft" {
		allowed := map[string]bool{"metadata": true, "expand": true}
		if inv["status"] == "open" {
			for _, k := range []string{"description", "footer", "auto_advance", "custom_fields", "due_date", "days_until_due"} {
				allowed[k] = true
			}
		}
		for k := range f.m {
			if !allowed[k] {
				return nil, invalid(k, "invoice_not_editable", "You can't update %s on a %s invoice.", k, inv["status"])
			}
		}
	}
	before := s.snapshotObj(inv)
	clone := cloneObj(inv)
	if err := s.applyInvoiceParams(clone, f); err != nil {
		return nil, err
	}
	ds, cleared, err := s.newDiscounts(f, idOf(inv["customer"]))
	if err != nil {
		return nil, err
	}
	for k, v := range clone {
		inv[k] = v
	}
	if len(ds) > 0 || cleared {
		s.attachDiscounts(inv, "invoice", ds)
		s.recalcInvoice(inv)
	}
	s.emitUpdatedObj(r, "invoice.updated", inv, before)
	return s.renderObj(inv, r.expand), nil
}

func (s *Server) deleteInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "draft" {
		return nil, invalid("", "invoice_not_editable", "You can only delete draft invoices; %s is %s.", inv["id"], inv["status"])
	}
	for _, ii := range s.st.allObj("invoiceitem") {
		if ii["invoice"] == inv["id"] {
			ii["invoice"] = nil // back to pending
		}
	}
	s.removeObj(inv)
	s.emitObj(r, "invoice.deleted", inv, nil)
	return obj{"id": inv["id"], "object": "invoice", "deleted": true}, nil
}

// finalize moves a draft invoice to open (or straight to paid when
// nothing is due).
func (s *Server) finalize(r *request, inv obj) {
	s.recalcInvoice(inv)
	now := s.unix()
	id := str(inv, "id")
	if inv["number"] == nil {
		if cus, ok := lookupAs[*customer](s.st, idOf(inv["customer"])); ok {
			inv["number"] = fmt.Sprintf("%s-%04d", cus.InvoicePrefix, cus.NextInvoiceSequence)
			cus.NextInvoiceSequence++
		}
	}
	inv["status"] = "open"
	objAt(inv, "status_transitions")["finalized_at"] = now
	inv["hosted_invoice_url"] = "https://invoice.stripe.com/i/stripetest/" + id
	inv["invoice_pdf"] = "https://pay.stripe.com/invoice/stripetest/" + id + "/pdf"
	inv["ending_balance"] = int64(0)
	if inv["effective_at"] == nil {
		inv["effective_at"] = now
	}
	s.emitObj(r, "invoice.finalized", inv, nil)
	if num(inv, "amount_due") == 0 {
		s.markPaid(r, inv, false)
	}
}

func (s *Server) markPaid(r *request, inv obj, outOfBand bool) {
	due := num(inv, "amount_remaining")
	inv["status"] = "paid"
	inv["amount_paid"] = num(inv, "amount_paid") + due
	if outOfBand {
		inv["amount_paid_off_stripe"] = num(inv, "amount_paid_off_stripe") + due
	}
	inv["amount_remaining"] = int64(0)
	objAt(inv, "status_transitions")["paid_at"] = s.unix()
	inv["next_payment_attempt"] = nil
	s.emitObj(r, "invoice.paid", inv, nil)
	if !outOfBand {
		s.emitObj(r, "invoice.payment_succeeded", inv, nil)
	}
	if sub, ok := s.st.lookupObj(s.invoiceSubscription(inv)); ok && (sub["status"] == "incomplete" || sub["status"] == "past_due") {
		before := s.snapshotObj(sub)
		sub["status"] = "active"
		s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	}
}

func (s *Server) invoiceSubscription(inv obj) string {
	if p, ok := inv["parent"].(obj); ok {
		if d, ok := p["subscription_details"].(obj); ok {
			return idOf(d["subscription"])
		}
	}
	return ""
}

func (s *Server) finalizeInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "draft" {
		return nil, invalid("", "invoice_not_editable", "This invoice is already finalized, you can't re-finalize a non-draft invoice.")
	}
	if b, ok := r.form.bool("auto_advance"); ok {
		inv["auto_advance"] = b
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.finalize(r, inv)
	return s.renderObj(inv, r.expand), nil
}

// invoicePaymentMethod picks what pays an invoice: the pay params, the
// invoice's defaults, then the customer's.
func (s *Server) invoicePaymentMethod(inv obj, f *form) (obj, error) {
	for _, k := range []string{"payment_method", "source"} {
		if v, ok := f.str(k); ok {
			return s.resolvePaymentMethod(v, k)
		}
	}
	candidates := []string{idOf(inv["default_payment_method"]), idOf(inv["default_source"])}
	if sub, ok := s.st.lookupObj(s.invoiceSubscription(inv)); ok {
		candidates = append(candidates, idOf(sub["default_payment_method"]), idOf(sub["default_source"]))
	}
	if cus, ok := lookupAs[*customer](s.st, idOf(inv["customer"])); ok {
		candidates = append(candidates, deref(cus.InvoiceSettings.DefaultPaymentMethod), deref(cus.DefaultSource))
	}
	for _, id := range candidates {
		if pm, ok := s.st.lookupObj(id); ok {
			return pm, nil
		}
	}
	return nil, invalid("", "", "This customer has no attached payment source or default payment method. Please consider adding a default payment method.")
}

// collect charges an open invoice's remaining amount.
// With retry (an automatic attempt), a failure schedules the next attempt.
func (s *Server) collect(r *request, inv obj, pm obj, retry bool) error {
	amount := num(inv, "amount_remaining")
	inv["attempted"] = true
	inv["attempt_count"] = num(inv, "attempt_count") + 1
	pi := s.insertObj(obj{
		"id": s.newID("pi"), "object": "payment_intent", "amount": amount, "amount_capturable": int64(0), "amount_details": obj{"tip": obj{}},
		"amount_received": int64(0), "application": nil, "application_fee_amount": nil, "automatic_payment_methods": nil,
		"canceled_at": nil, "cancellation_reason": nil, "capture_method": "automatic", "client_secret": "", "confirmation_method": "automatic",
		"created": s.unix(), "currency": inv["currency"], "customer": inv["customer"], "description": "Payment for Invoice",
		"excluded_payment_method_types": nil, "last_payment_error": nil, "latest_charge": nil, "livemode": false, "metadata": obj{},
		"next_action": nil, "on_behalf_of": nil, "payment_method": pm["id"], "payment_method_configuration_details": nil,
		"payment_method_options": obj{}, "payment_method_types": []any{"card"}, "processing": nil, "receipt_email": nil, "review": nil,
		"setup_future_usage": nil, "shipping": nil, "statement_descriptor": nil, "statement_descriptor_suffix": nil,
		"status": "requires_confirmation", "transfer_data": nil, "transfer_group": nil,
	})
	pi["client_secret"] = str(pi, "id") + "_secret_" + randomID(24)
	s.emitObj(r, "payment_intent.created", pi, nil)
	if err := s.confirmPI(r, pi, pm); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			ae.paymentIntent, ae.paymentMethod = nil, nil
			inv["next_payment_attempt"] = nil
			if retry {
				s.scheduleRetry(inv)
			}
			s.emitObj(r, "invoice.payment_failed", inv, nil)
		}
		return err
	}
	s.markPaid(r, inv, false)
	return nil
}

func (s *Server) payInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	switch inv["status"] {
	case "draft", "open", "uncollectible":
	case "paid":
		return nil, invalid("", "invoice_already_paid", "Invoice is already paid")
	default:
		return nil, invalid("", "invoice_not_editable", "You cannot pay a %s invoice.", inv["status"])
	}
	outOfBand, _ := f.bool("paid_out_of_band")
	f.bool("forgive")
	f.bool("off_session")
	if err := f.failed(); err != nil {
		return nil, err
	}
	if inv["status"] == "draft" {
		s.recalcInvoice(inv)
	}
	var pm obj
	if !outOfBand && num(inv, "amount_remaining") > 0 {
		if pm, err = s.invoicePaymentMethod(inv, f); err != nil {
			return nil, err
		}
	}
	if inv["status"] == "draft" {
		s.finalize(r, inv)
	}
	switch {
	case inv["status"] == "paid":
	case outOfBand || pm == nil:
		s.markPaid(r, inv, outOfBand)
	default:
		if err := s.collect(r, inv, pm, false); err != nil {
			return nil, err
		}
	}
	return s.renderObj(inv, r.expand), nil
}

func (s *Server) sendInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "open" {
		return nil, invalid("", "invoice_not_editable", "You can only send an open invoice; %s is %s.", inv["id"], inv["status"])
	}
	s.emitObj(r, "invoice.sent", inv, nil)
	return s.renderObj(inv, r.expand), nil
}

func (s *Server) voidInvoice(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "open" && inv["status"] != "uncollectible" {
		return nil, invalid("", "invoice_not_editable", "You can only void an open or uncollectible invoice; %s is %s.", inv["id"], inv["status"])
	}
	inv["status"] = "void"
	objAt(inv, "status_transitions")["voided_at"] = s.unix()
	inv["next_payment_attempt"] = nil
	s.emitObj(r, "invoice.voided", inv, nil)
	return s.renderObj(inv, r.expand), nil
}

func (s *Server) markUncollectible(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv["status"] != "open" {
		return nil, invalid("", "invoice_not_editable", "You can only mark an open invoice uncollectible; %s is %s.", inv["id"], inv["status"])
	}
	inv["status"] = "uncollectible"
	objAt(inv, "status_transitions")["marked_uncollectible_at"] = s.unix()
	s.emitObj(r, "invoice.marked_uncollectible", inv, nil)
	return s.renderObj(inv, r.expand), nil
}

func (s *Server) listInvoices(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	status, hasStatus := f.str("status")
	sub, hasSub := f.str("subscription")
	cm, hasCM := f.str("collection_method")
	due := f.rangeQuery("due_date")
	return s.listObjs(r, "invoice", "/v1/invoices", func(inv obj) bool {
		return (!hasCus || inv["customer"] == cus) && (!hasStatus || inv["status"] == status) &&
			(!hasSub || s.invoiceSubscription(inv) == sub) && (!hasCM || inv["collection_method"] == cm) &&
			(!f.has("due_date") || (inv["due_date"] != nil && due(inv["due_date"])))
	})
}

// listInvoiceLines pages all of an invoice's lines; the invoice embeds the
// first ten.
func (s *Server) listInvoiceLines(r *request) (any, error) {
	inv, err := s.getObj("invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	lines, _ := inv["_lines"].([]any)
	return pageItems(r, lines, "/v1/invoices/"+str(inv, "id")+"/lines", "line item")
}
