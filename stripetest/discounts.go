package stripetest

// Discounts: discounts[i][coupon|promotion_code|discount] on subscriptions
// and invoices make discount objects; recalcInvoice takes them off the
// discountable lines (see discountInvoice).

// newDiscounts reads the discounts param into discount objects for the
// customer cusID, not yet stored (existing ones, from [discount], are the
// stored objects). cleared reports discounts= (empty), which removes all.
func (s *Server) newDiscounts(f *form, cusID string) (ds []obj, cleared bool, err error) {
	if v, ok := f.m["discounts"].(string); ok && v == "" {
		return nil, true, nil
	}
	now := s.unix()
	for _, df := range f.forms("discounts") {
		var cpn, pc obj
		switch {
		case df.has("discount"):
			id, _ := df.str("discount")
			d, err := s.getObj("discount", id)
			if err != nil {
				return nil, false, invalid(df.name("discount"), "resource_missing", "No such discount: '%s'", id)
			}
			ds = append(ds, d)
			continue
		case df.has("promotion_code"):
			id, _ := df.str("promotion_code")
			p, err := s.getObj("promotion_code", id)
			if err != nil {
				return nil, false, invalid(df.name("promotion_code"), "resource_missing", "No such promotion code: '%s'", id)
			}
			if e := s.promotionCodeUsable(p, cusID, df.name("promotion_code")); e != nil {
				return nil, false, e
			}
			pc = p
			cpn, _ = s.st.lookupObj(idOf(objAt(p, "promotion")["coupon"]))
		case df.has("coupon"):
			id, _ := df.str("coupon")
			c, err := s.getObj("coupon", id)
			if err != nil {
				return nil, false, invalid(df.name("coupon"), "resource_missing", "No such coupon: '%s'", id)
			}
			cpn = c
		default:
			if err := f.failed(); err != nil {
				return nil, false, err
			}
			return nil, false, invalid(df.prefix, "", "Each discount needs one of coupon, discount or promotion_code.")
		}
		if cpn == nil || !s.couponValid(cpn) {
			return nil, false, invalid(df.prefix, "coupon_expired", "Coupon %s is no longer valid.", idOf(cpn["id"]))
		}
		var end any
		if cpn["duration"] == "repeating" {
			end = periodEnd(now, "month", num(cpn, "duration_in_months"))
		}
		d := obj{
			"object": "discount", "checkout_session": nil, "customer": cusID, "customer_account": nil, "end": end,
			"invoice": nil, "invoice_item": nil, "promotion_code": nil, "source": obj{"coupon": cpn["id"], "type": "coupon"},
			"start": now, "subscription": nil, "subscription_item": nil, "_new": true,
		}
		if pc != nil {
			d["promotion_code"] = pc["id"]
		}
		ds = append(ds, d)
	}
	return ds, false, f.failed()
}

// promotionCodeUsable checks a promotion code can be redeemed by cusID.
func (s *Server) promotionCodeUsable(pc obj, cusID, param string) error {
	switch {
	case pc["active"] != true:
		return invalid(param, "", "This promotion code is not active.")
	case pc["expires_at"] != nil && num(pc, "expires_at") <= s.unix():
		return invalid(param, "", "This promotion code has expired.")
	case pc["max_redemptions"] != nil && num(pc, "times_redeemed") >= num(pc, "max_redemptions"):
		return invalid(param, "", "This promotion code has reached its maximum number of redemptions.")
	case pc["customer"] != nil && pc["customer"] != cusID:
		return invalid(param, "", "This promotion code cannot be redeemed by this customer.")
	}
	return nil
}

// attachDiscounts stores the new discounts of ds on target (a stored
// subscription), counts their redemptions and sets target's discounts to
// their IDs.
func (s *Server) attachDiscounts(target obj, field string, ds []obj) {
	ids := s.storeDiscounts(str(target, "id"), field, ds)
	list := make([]any, len(ids))
	for i, id := range ids {
		list[i] = id
	}
	target["discounts"] = list
}

// storeDiscounts stores the new discounts of ds on the object targetID (a
// subscription or invoice, field is "subscription" or "invoice"), counts
// their redemptions and returns the IDs of ds.
func (s *Server) storeDiscounts(targetID, field string, ds []obj) []string {
	ids := make([]string, 0, len(ds))
	for _, d := range ds {
		if d["_new"] == true {
			delete(d, "_new")
			d["id"] = s.newID("di")
			d[field] = targetID
			s.insertObj(d)
			if c, ok := s.st.lookupObj(idOf(objAt(d, "source")["coupon"])); ok {
				c["times_redeemed"] = num(c, "times_redeemed") + 1
				s.refreshCoupon(c)
			}
			if pc, ok := s.st.lookupObj(idOf(d["promotion_code"])); ok {
				pc["times_redeemed"] = num(pc, "times_redeemed") + 1
			}
		}
		ids = append(ids, str(d, "id"))
	}
	return ids
}

// discountActive reports whether a discount still applies now.
func (s *Server) discountActive(d obj) bool {
	if d["deleted"] == true || d["_used"] == true {
		return false
	}
	end, ok := d["end"].(int64)
	return !ok || s.unix() < end
}

// discountInvoice takes the invoice's discounts off its lines (see
// takeDiscounts) and returns the total taken off. A draft subscription invoice takes the
// subscription's active discounts the first time; a once coupon's
// discount is then used up.
func (s *Server) discountInvoice(inv *invoice, lines []*invoiceLineItem) int64 {
	if !inv.SubDiscounted {
		inv.SubDiscounted = true
		if sub, ok := s.st.lookupObj(s.invoiceSubscription(inv)); ok {
			ids := inv.Discounts
			subIDs, _ := sub["discounts"].([]any)
			var keep []any
			for _, id := range subIDs {
				d, ok := s.st.lookupObj(idOf(id))
				if !ok || !s.discountActive(d) {
					continue
				}
				ids = append(ids, str(d, "id"))
				if c, ok := s.st.lookupObj(idOf(objAt(d, "source")["coupon"])); ok && c["duration"] == "once" {
					d["_used"], d["end"] = true, s.unix()
					continue
				}
				keep = append(keep, d["id"])
			}
			inv.Discounts = append([]string{}, ids...)
			sub["discounts"] = listOrEmpty(keep)
		}
	}
	var ds []obj
	for _, id := range inv.Discounts {
		if d, ok := s.st.lookupObj(id); ok {
			ds = append(ds, d)
		}
	}
	return s.takeDiscounts(inv, lines, ds)
}

// takeDiscounts takes the discounts ds off the discountable lines in
// order, each from what the ones before left, sets every line's
// discount_amounts and the invoice's total_discount_amounts, and returns
// the total taken off.
func (s *Server) takeDiscounts(inv *invoice, lines []*invoiceLineItem, ds []obj) int64 {
	remaining := make([]int64, len(lines))
	for i, l := range lines {
		l.DiscountAmounts = []invoiceDiscountAmount{}
		if l.Discountable {
			remaining[i] = max(l.Amount, 0)
		}
	}
	totals := []invoiceDiscountAmount{}
	var sum int64
	for _, d := range ds {
		cpn, _ := s.st.lookupObj(idOf(objAt(d, "source")["coupon"]))
		if cpn == nil {
			continue
		}
		eligible := make([]bool, len(lines))
		var base int64
		for i, l := range lines {
			if remaining[i] > 0 && couponAppliesTo(cpn, l) {
				eligible[i] = true
				base += remaining[i]
			}
		}
		amounts := make([]int64, len(lines))
		if pct, ok := percentOff(cpn); ok {
			for i := range lines {
				if eligible[i] {
					amounts[i] = percentOf(remaining[i], pct)
				}
			}
		} else if off := num(cpn, "amount_off"); off > 0 && cpn["currency"] == inv.Currency && base > 0 {
			off = min(off, base)
			last, given := -1, int64(0)
			for i := range lines {
				if eligible[i] {
					amounts[i] = off * remaining[i] / base
					given += amounts[i]
					last = i
				}
			}
			amounts[last] += off - given
		}
		var total int64
		for i, l := range lines {
			if !eligible[i] {
				continue
			}
			remaining[i] -= amounts[i]
			total += amounts[i]
			l.DiscountAmounts = append(l.DiscountAmounts, invoiceDiscountAmount{Amount: amounts[i], Discount: str(d, "id")})
		}
		totals = append(totals, invoiceDiscountAmount{Amount: total, Discount: str(d, "id")})
		sum += total
	}
	inv.TotalDiscountAmounts = totals
	return sum
}

// couponAppliesTo reports whether a coupon limited by applies_to covers a
// line's product.
func couponAppliesTo(cpn obj, line *invoiceLineItem) bool {
	at := objAt(cpn, "applies_to") // only there when the coupon is limited
	if at == nil {
		return true
	}
	if line.Pricing == nil || line.Pricing.PriceDetails == nil {
		return false
	}
	prods, _ := at["products"].([]any)
	prod := line.Pricing.PriceDetails.Product
	for _, p := range prods {
		if p == prod {
			return true
		}
	}
	return false
}

// percentOff is a coupon's percent_off; a whole number reads back from a
// saved state as an int64.
func percentOff(cpn obj) (float64, bool) {
	switch v := cpn["percent_off"].(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	}
	return 0, false
}

func (s *Server) registerDiscountRemoval() {
	s.handle("DELETE", "/v1/subscriptions/{id}/discount", s.deleteSubscriptionDiscount)
	s.handle("DELETE", "/v1/customers/{id}/discount", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		// stripetest applies discounts to subscriptions and invoices only.
		return nil, &apiError{status: 404, typ: "invalid_request_error", code: "resource_missing",
			message: "No active discount for customer: '" + cus.ID + "'"}
	})
}

// deleteSubscriptionDiscount ends the subscription's discounts; later
// invoices are billed in full.
func (s *Server) deleteSubscriptionDiscount(r *request) (any, error) {
	sub, err := s.getObj("subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	ids, _ := sub["discounts"].([]any)
	var first obj
	for _, id := range ids {
		if d, ok := s.st.lookupObj(idOf(id)); ok {
			d["end"], d["_used"] = s.unix(), true
			if first == nil {
				first = d
			}
		}
	}
	if first == nil {
		return nil, &apiError{status: 404, typ: "invalid_request_error", code: "resource_missing",
			message: "No active discount for subscription: '" + str(sub, "id") + "'"}
	}
	before := s.snapshotObj(sub)
	sub["discounts"] = []any{}
	s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	out := s.renderObj(first, r.expand)
	out["deleted"] = true
	delete(out, "end") // not a field of a deleted discount
	return out, nil
}

// discountPreview is what the discounts ds (stored or not) would take off
// lines, changing neither.
func (s *Server) discountPreview(inv *invoice, lines []*invoiceLineItem, ds []obj) int64 {
	tmpLines := make([]*invoiceLineItem, len(lines))
	for i, l := range lines {
		c := *l
		tmpLines[i] = &c
	}
	tmp := make([]obj, len(ds))
	for i, d := range ds {
		tmp[i] = cloneObj(d)
		if tmp[i]["id"] == nil {
			tmp[i]["id"] = "di_tmp"
		}
	}
	return s.takeDiscounts(&invoice{Currency: inv.Currency}, tmpLines, tmp)
}
