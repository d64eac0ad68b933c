package stripetest

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

func (s *Server) registerSubscriptions() {
	s.handle("POST", "/v1/subscriptions", s.createSubscription)
	s.handle("GET", "/v1/subscriptions", s.listSubscriptions)
	s.handle("GET", "/v1/subscriptions/{id}", func(r *request) (any, error) {
		sub, err := s.getObj("subscription", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(sub, r.expand), nil
	})
	s.handle("POST", "/v1/subscriptions/{id}", s.updateSubscription)
	s.handle("DELETE", "/v1/subscriptions/{id}", s.cancelSubscription)
	s.handle("POST", "/v1/subscriptions/{id}/resume", s.resumeSubscription)
}

// periodEnd adds count intervals of a recurring price to start.
func periodEnd(start int64, interval string, count int64) int64 {
	t := time.Unix(start, 0).UTC()
	n := int(count)
	switch interval {
	case "day":
		t = t.AddDate(0, 0, n)
	case "week":
		t = t.AddDate(0, 0, 7*n)
	case "month":
		t = t.AddDate(0, n, 0)
	case "year":
		t = t.AddDate(n, 0, 0)
	}
	return t.Unix()
}

// subItemPrice finds or creates the price of one items[i] entry.
func (s *Server) subItemPrice(f *form) (*price, error) {
	if id, ok := f.str("price"); ok {
		price, err := s.getPrice(id)
		if err != nil {
			return nil, invalid(f.name("price"), "resource_missing", "No such price: '%s'", id)
		}
		return price, nil
	}
	if f.has("price_data") {
		pd := f.sub("price_data")
		prodID, _ := pd.str("product")
		if _, err := getAs[*product](s, "product", prodID); err != nil {
			return nil, invalid(pd.name("product"), "resource_missing", "No such product: '%s'", prodID)
		}
		price, err := s.buildPrice(pd, prodID)
		if err != nil {
			return nil, err
		}
		if price.Recurring == nil {
			return nil, missingParam(pd.name("recurring"))
		}
		price.Active = false
		s.insert(price)
		return price, nil
	}
	return nil, missingParam(f.name("price"))
}

func (s *Server) newSubItem(sub obj, price *price, qty int64, f *form) obj {
	interval, count := price.interval()
	start := num(sub, "start_date")
	si := obj{
		"id": s.newID("si"), "object": "subscription_item", "billing_thresholds": nil, "created": s.unix(),
		"current_period_end": periodEnd(start, interval, count), "current_period_start": start,
		"discounts": []any{}, "metadata": obj{}, "price": price.ID, "quantity": qty, "subscription": sub["id"], "tax_rates": []any{},
	}
	if f != nil {
		applyMetadata(si, f)
	}
	return si
}

// renderItems refreshes sub.items from the stored subscription items, with
// each price embedded as Stripe does.
func (s *Server) renderItems(sub obj) {
	var data []any
	for _, si := range subItems(sub) {
		item := cloneObj(si)
		if p, ok := s.st.lookupPrice(idOf(si["price"])); ok {
			item["price"] = s.render(p, nil)
		}
		data = append(data, item)
	}
	sub["items"] = listObject("/v1/subscription_items?subscription="+str(sub, "id"), data)
}

func (s *Server) createSubscription(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	itemForms := f.forms("items")
	if len(itemForms) == 0 {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("items")
	}
	behavior := f.strOr("payment_behavior", "allow_incomplete")
	switch behavior {
	case "allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete":
	default:
		return nil, invalid("payment_behavior", "", "Invalid payment_behavior")
	}
	now := s.unix()
	id := s.newID("sub")
	sub := obj{
		"id": id, "object": "subscription", "application": nil, "application_fee_percent": nil,
		"automatic_tax": obj{"disabled_reason": nil, "enabled": false, "liability": nil}, "billing_cycle_anchor": now,
		"billing_cycle_anchor_config": nil, "billing_mode": obj{"flexible": nil, "type": "classic"}, "billing_schedules": []any{}, "billing_thresholds": nil,
		"cancel_at": nil, "cancel_at_period_end": false, "canceled_at": nil,
		"cancellation_details": obj{"comment": nil, "feedback": nil, "reason": nil}, "collection_method": "charge_automatically",
		"created": now, "currency": "usd", "customer": cusID, "days_until_due": nil, "default_payment_method": nil, "default_source": nil,
		"default_tax_rates": []any{}, "description": nil, "discounts": []any{}, "ended_at": nil,
		"invoice_settings": obj{"account_tax_ids": nil, "issuer": obj{"type": "self"}}, "latest_invoice": nil, "livemode": false,
		"metadata": obj{}, "next_pending_invoice_item_invoice": nil, "on_behalf_of": nil, "pause_collection": nil,
		"payment_settings":              obj{"payment_method_options": nil, "payment_method_types": nil, "save_default_payment_method": "off"},
		"pending_invoice_item_interval": nil, "pending_setup_intent": nil, "pending_update": nil, "schedule": nil, "start_date": now,
		"status": "incomplete", "test_clock": nil, "transfer_data": nil, "trial_end": nil,
		"trial_settings": obj{"end_behavior": obj{"missing_payment_method": "create_invoice"}}, "trial_start": nil,
	}
	if err := s.applySubParams(sub, f); err != nil {
		return nil, err
	}
	discounts, _, err := s.newDiscounts(f, cusID)
	if err != nil {
		return nil, err
	}
	var items []obj
	var prices []*price
	for _, itf := range itemForms {
		price, err := s.subItemPrice(itf)
		if err != nil {
			return nil, err
		}
		if price.Recurring == nil {
			return nil, invalid(itf.name("price"), "", "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.")
		}
		if len(prices) > 0 && price.Currency != prices[0].Currency {
			return nil, invalid(itf.name("price"), "", "All prices on a subscription must have the same currency.")
		}
		qty := int64(1)
		if n, ok := itf.int("quantity"); ok {
			qty = n
		}
		prices = append(prices, price)
		items = append(items, s.newSubItem(sub, price, qty, itf))
	}
	sub["currency"] = prices[0].Currency
	sub["test_clock"] = treeValue(cus.TestClock)
	trialEnd := int64(0)
	if n, ok := f.int("trial_period_days"); ok && n > 0 {
		trialEnd = now + n*86400
	}
	if v, ok := f.str("trial_end"); ok && v != "now" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= now {
			return nil, invalid("trial_end", "", "Invalid timestamp: must be an integer Unix timestamp in the future.")
		}
		trialEnd = n
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	if sub["collection_method"] == "send_invoice" && sub["days_until_due"] == nil {
		return nil, missingParam("days_until_due")
	}

	// Build the first invoice and find what pays it before storing anything.
	inv := s.newInvoice(cus, str(sub, "currency"), str(sub, "collection_method"), "subscription_create")
	inv.Parent = subscriptionParent(id, stringMap(sub["metadata"]))
	if d, ok := sub["days_until_due"].(int64); ok {
		inv.DueDate = ptr(now + d*86400)
	}
	var lines []*invoiceLineItem
	var total int64
	for i, si := range items {
		price := prices[i]
		unit := price.unit()
		amount := unit * num(si, "quantity")
		interval, _ := price.interval()
		desc := fmt.Sprintf("%d × %s (at %s / %s)", si["quantity"], s.productName(price), money(unit, price.Currency), interval)
		end := num(si, "current_period_end")
		if trialEnd > 0 {
			amount, desc, end = 0, "Trial period for "+s.productName(price), trialEnd
			si["current_period_end"] = trialEnd
		}
		total += amount
		lines = append(lines, s.newSubLine(s.newID("il"), inv.ID, &id, nullableID(si["id"]), price, num(si, "quantity"), amount, desc, now, end))
	}
	inv.SubLines = lines
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") { // pending items ride along on the first invoice
		if ii.Customer == cusID && ii.Invoice == nil && ii.Currency == inv.Currency {
			total += ii.Amount
		}
	}
	total -= s.discountPreview(inv, lines, discounts) // discounts.go
	var pm paymentSource
	chargeNow := sub["collection_method"] == "charge_automatically" && total > 0 && behavior != "default_incomplete"
	if chargeNow {
		sub["_items"] = items
		inv.DefaultPaymentMethod = nullableID(sub["default_payment_method"])
		inv.DefaultSource = nullableID(sub["default_source"])
		pm, err = s.invoicePaymentMethod(inv, &form{m: obj{}, err: new(error)})
		if err != nil {
			return nil, err
		}
		inv.DefaultPaymentMethod, inv.DefaultSource = nil, nil
		if name := pm.testCard(); behavior == "error_if_incomplete" && testCards[name].code != "" {
			tc := testCards[name]
			return nil, &apiError{status: 402, typ: "card_error", code: tc.code, declineCode: tc.decline, message: tc.message, saved: true}
		}
	}

	sub["_items"] = items
	if trialEnd > 0 {
		sub["status"], sub["trial_start"], sub["trial_end"] = "trialing", now, trialEnd
	}
	s.renderItems(sub)
	s.insertObj(sub)
	s.attachDiscounts(sub, "subscription", discounts)
	for _, si := range items {
		s.insertObj(si)
	}
	s.insert(inv)
	sub["latest_invoice"] = inv.ID
	s.attachPendingItems(inv)
	s.recalcInvoice(inv)
	s.emitObj(r, "customer.subscription.created", sub, nil)
	s.emit(r, "invoice.created", inv, nil)
	s.finalize(r, inv)
	switch {
	case inv.Status == "paid":
		if sub["status"] != "trialing" {
			sub["status"] = "active"
		}
	case sub["collection_method"] == "send_invoice":
		sub["status"] = "active"
	case chargeNow:
		if err := s.collect(r, inv, pm, false); err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.typ != "card_error" {
				return nil, err
			}
		}
	}
	if sub["status"] != "incomplete" {
		before := obj{"status": "incomplete"}
		s.emitObj(r, "customer.subscription.updated", sub, before)
	}
	return s.renderObj(sub, r.expand), nil
}

func (s *Server) productName(price *price) string {
	if p, ok := lookupAs[*product](s.st, price.Product); ok {
		return p.Name
	}
	return price.Product
}

func (s *Server) applySubParams(sub obj, f *form) error {
	setStrings(sub, f, "description", "on_behalf_of")
	if v, ok := f.str("collection_method"); ok {
		if v != "charge_automatically" && v != "send_invoice" {
			return invalid("collection_method", "", "Invalid collection_method: must be one of charge_automatically or send_invoice")
		}
		sub["collection_method"] = v
	}
	if n, ok := f.int("days_until_due"); ok {
		sub["days_until_due"] = n
	}
	if b, ok := f.bool("cancel_at_period_end"); ok {
		sub["cancel_at_period_end"] = b
	}
	if v, ok := f.str("cancel_at"); ok {
		if v == "" {
			sub["cancel_at"] = nil
		} else if n, ok := f.int("cancel_at"); ok {
			sub["cancel_at"] = n
		}
	}
	if n, ok := f.int("application_fee_percent"); ok {
		sub["application_fee_percent"] = n
	}
	for _, k := range []string{"default_payment_method", "default_source"} {
		if v, ok := f.str(k); ok {
			if v == "" {
				sub[k] = nil
				continue
			}
			pm, err := s.resolvePaymentMethod(v, k)
			if err != nil {
				return err
			}
			sub[k] = pm.base().ID
		}
	}
	if f.has("default_tax_rates") {
		sub["default_tax_rates"] = deepCopy(f.strings("default_tax_rates"))
	}
	if ps := f.sub("payment_settings"); len(ps.m) > 0 {
		settings := objAt(sub, "payment_settings")
		if ps.has("payment_method_types") {
			settings["payment_method_types"] = deepCopy(ps.strings("payment_method_types"))
		}
		if v, ok := ps.str("save_default_payment_method"); ok {
			settings["save_default_payment_method"] = v
		}
	}
	applyMetadata(sub, f)
	return f.failed()
}

func (s *Server) updateSubscription(r *request) (any, error) {
	sub, err := s.getObj("subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if sub["status"] == "canceled" || sub["status"] == "incomplete_expired" {
		return nil, invalid("", "", "A canceled subscription can only update its cancellation_details and metadata.")
	}
	f := r.form
	before := s.snapshotObj(sub)
	clone := cloneObj(sub)
	if err := s.applySubParams(clone, f); err != nil {
		return nil, err
	}
	if f.has("pause_collection") {
		pc := f.sub("pause_collection")
		if len(pc.m) == 0 {
			clone["pause_collection"] = nil
		} else {
			behavior, ok := pc.str("behavior")
			if !ok {
				return nil, missingParam("pause_collection[behavior]")
			}
			var resumes any
			if n, ok := pc.int("resumes_at"); ok {
				resumes = n
			}
			clone["pause_collection"] = obj{"behavior": behavior, "resumes_at": resumes}
		}
	}
	if cd := f.sub("cancellation_details"); len(cd.m) > 0 {
		details := objAt(clone, "cancellation_details")
		setStrings(details, cd, "comment", "feedback")
	}
	if v, ok := f.str("trial_end"); ok && v == "now" && clone["status"] == "trialing" {
		clone["status"], clone["trial_end"] = "active", s.unix()
	}
	items := append([]obj(nil), subItems(sub)...)
	var added, removed []obj
	for _, itf := range f.forms("items") {
		id, hasID := itf.str("id")
		var si obj
		if hasID {
			for _, x := range items {
				if x["id"] == id {
					si = x
				}
			}
			if si == nil {
				return nil, invalid(itf.name("id"), "resource_missing", "No such subscription item: '%s'", id)
			}
			if del, _ := itf.bool("deleted"); del {
				removed = append(removed, si)
				continue
			}
			si = cloneObj(si)
		}
		if itf.has("price") || itf.has("price_data") || si == nil {
			price, err := s.subItemPrice(itf)
			if err != nil {
				return nil, err
			}
			if si == nil {
				si = s.newSubItem(sub, price, 1, itf)
				added = append(added, si)
			}
			si["price"] = price.ID
		}
		if n, ok := itf.int("quantity"); ok {
			si["quantity"] = n
		}
		applyMetadata(si, itf)
		if hasID {
			for i, x := range items {
				if x["id"] == si["id"] {
					items[i] = si
				}
			}
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	for _, rm := range removed {
		for i, x := range items {
			if x["id"] == rm["id"] {
				items = append(items[:i:i], items[i+1:]...)
				break
			}
		}
		s.removeObj(rm)
	}
	for _, si := range items {
		if orig, ok := s.st.lookupObj(str(si, "id")); ok {
			for k, v := range si {
				orig[k] = v
			}
		}
	}
	for _, si := range added {
		s.insertObj(si)
		items = append(items, si)
	}
	discounts, cleared, err := s.newDiscounts(f, idOf(sub["customer"]))
	if err != nil {
		return nil, err
	}
	for k, v := range clone {
		if k != "items" {
			sub[k] = v
		}
	}
	if len(discounts) > 0 || cleared {
		s.attachDiscounts(sub, "subscription", discounts)
	}
	stored := make([]obj, 0, len(items))
	for _, si := range items {
		if o, ok := s.st.lookupObj(str(si, "id")); ok {
			stored = append(stored, o)
		}
	}
	sub["_items"] = stored
	s.renderItems(sub)
	s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	return s.renderObj(sub, r.expand), nil
}

// endSubscription cancels sub now.
func (s *Server) endSubscription(r *request, sub obj, f *form) {
	now := s.unix()
	sub["status"], sub["canceled_at"], sub["ended_at"] = "canceled", now, now
	details := objAt(sub, "cancellation_details")
	details["reason"] = "cancellation_requested"
	if f != nil {
		setStrings(details, f.sub("cancellation_details"), "comment", "feedback")
	}
	s.emitObj(r, "customer.subscription.deleted", sub, nil)
}

func (s *Server) cancelSubscription(r *request) (any, error) {
	sub, err := s.getObj("subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if sub["status"] == "canceled" {
		return nil, invalid("", "", "This subscription has already been canceled.")
	}
	f := r.form
	f.bool("invoice_now")
	f.bool("prorate")
	f.sub("cancellation_details").unknown("comment", "feedback")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.endSubscription(r, sub, f)
	return s.renderObj(sub, r.expand), nil
}

func (s *Server) resumeSubscription(r *request) (any, error) {
	sub, err := s.getObj("subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if sub["status"] != "paused" {
		return nil, invalid("", "", "Only a paused subscription can be resumed; %s is %s.", sub["id"], sub["status"])
	}
	before := s.snapshotObj(sub)
	sub["status"] = "active"
	s.emitUpdatedObj(r, "customer.subscription.resumed", sub, before)
	return s.renderObj(sub, r.expand), nil
}

func (s *Server) listSubscriptions(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	price, hasPrice := f.str("price")
	cm, hasCM := f.str("collection_method")
	status := f.strOr("status", "")
	return s.listObjs(r, "subscription", "/v1/subscriptions", func(sub obj) bool {
		switch {
		case status == "" && (sub["status"] == "canceled" || sub["status"] == "incomplete_expired"):
			return false
		case status != "" && status != "all" && sub["status"] != status:
			return false
		case hasCus && sub["customer"] != cus, hasCM && sub["collection_method"] != cm:
			return false
		}
		if hasPrice {
			for _, si := range subItems(sub) {
				if si["price"] == price {
					return true
				}
			}
			return false
		}
		return true
	})
}
