package stripetest

// Discounts: discounts[i][coupon|promotion_code|discount] on subscriptions
// and invoices make discount objects; recalcInvoice takes them off the
// discountable lines (see discountInvoice).

// discount is a Discount: a coupon (or promotion code) applied to a
// subscription or an invoice.
type discount struct {
	meta
	CheckoutSession  *string        `json:"checkout_session"`
	Customer         *string        `json:"customer"`
	CustomerAccount  *string        `json:"customer_account"`
	End              *int64         `json:"end"`
	Invoice          *string        `json:"invoice"`
	InvoiceItem      *string        `json:"invoice_item"`
	PromotionCode    *string        `json:"promotion_code"`
	Source           discountSource `json:"source"`
	Start            int64          `json:"start"`
	Subscription     *string        `json:"subscription"`
	SubscriptionItem *string        `json:"subscription_item"`
	// Used marks a discount that no longer applies: a once coupon's after
	// its first invoice, or one removed from its subscription.
	Used bool `json:"_used,omitempty"`
}

// discountSource is where a discount comes from: a coupon.
type discountSource struct {
	Coupon string `json:"coupon"`
	Type   string `json:"type"`
}

// newDiscounts reads the discounts param into discount objects for the
// customer cusID, not yet stored (existing ones, from [discount], are the
// stored objects). cleared reports discounts= (empty), which removes all.
func (s *Server) newDiscounts(f *form, cusID string) (ds []*discount, cleared bool, err error) {
	if v, ok := f.m["discounts"].(string); ok && v == "" {
		return nil, true, nil
	}
	now := s.unix()
	for _, df := range f.forms("discounts") {
		var cpn *coupon
		var pc *promotionCode
		switch {
		case df.has("discount"):
			id, _ := df.str("discount")
			d, err := getAs[*discount](s, "discount", id)
			if err != nil {
				return nil, false, invalid(df.name("discount"), "resource_missing", "No such discount: '%s'", id)
			}
			ds = append(ds, d)
			continue
		case df.has("promotion_code"):
			id, _ := df.str("promotion_code")
			p, err := getAs[*promotionCode](s, "promotion_code", id)
			if err != nil {
				return nil, false, invalid(df.name("promotion_code"), "resource_missing", "No such promotion code: '%s'", id)
			}
			if e := s.promotionCodeUsable(p, cusID, df.name("promotion_code")); e != nil {
				return nil, false, e
			}
			pc = p
			cpn, _ = lookupAs[*coupon](s.st, p.Promotion.Coupon)
		case df.has("coupon"):
			id, _ := df.str("coupon")
			c, err := getAs[*coupon](s, "coupon", id)
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
			cid := ""
			if cpn != nil {
				cid = cpn.ID
			}
			return nil, false, invalid(df.prefix, "coupon_expired", "Coupon %s is no longer valid.", cid)
		}
		// A new discount has no ID until storeDiscounts stores it.
		cus := cusID
		d := &discount{meta: meta{Object: "discount"}, Customer: &cus, Source: discountSource{Coupon: cpn.ID, Type: "coupon"}, Start: now}
		if cpn.Duration == "repeating" && cpn.DurationInMonths != nil {
			end := periodEnd(now, "month", *cpn.DurationInMonths)
			d.End = &end
		}
		if pc != nil {
			d.PromotionCode = &pc.ID
		}
		ds = append(ds, d)
	}
	return ds, false, f.failed()
}

// promotionCodeUsable checks a promotion code can be redeemed by cusID.
func (s *Server) promotionCodeUsable(pc *promotionCode, cusID, param string) error {
	switch {
	case !pc.Active:
		return invalid(param, "", "This promotion code is not active.")
	case pc.ExpiresAt != nil && *pc.ExpiresAt <= s.unix():
		return invalid(param, "", "This promotion code has expired.")
	case pc.MaxRedemptions != nil && pc.TimesRedeemed >= *pc.MaxRedemptions:
		return invalid(param, "", "This promotion code has reached its maximum number of redemptions.")
	case pc.Customer != nil && *pc.Customer != cusID:
		return invalid(param, "", "This promotion code cannot be redeemed by this customer.")
	}
	return nil
}

// storeDiscounts stores the new discounts of ds (those without an ID) on
// the subscription or invoice targetID (field is "subscription" or
// "invoice"), counts their redemptions, and returns the IDs of ds.
func (s *Server) storeDiscounts(targetID, field string, ds []*discount) []string {
	ids := make([]string, 0, len(ds))
	for _, d := range ds {
		if d.ID == "" {
			d.ID = s.newID("di")
			tid := targetID
			if field == "subscription" {
				d.Subscription = &tid
			} else {
				d.Invoice = &tid
			}
			s.insert(d)
			if c, ok := lookupAs[*coupon](s.st, d.Source.Coupon); ok {
				c.TimesRedeemed++
				s.refreshCoupon(c)
			}
			if d.PromotionCode != nil {
				if pc, ok := lookupAs[*promotionCode](s.st, *d.PromotionCode); ok {
					pc.TimesRedeemed++
				}
			}
		}
		ids = append(ids, d.ID)
	}
	return ids
}

// discountActive reports whether a discount still applies now.
func (s *Server) discountActive(d *discount) bool {
	if d.Deleted || d.Used {
		return false
	}
	return d.End == nil || s.unix() < *d.End
}

// discountInvoice takes the invoice's discounts off its lines (see
// takeDiscounts) and returns the total taken off. A draft subscription invoice takes the
// subscription's active discounts the first time; a once coupon's
// discount is then used up.
func (s *Server) discountInvoice(inv *invoice, lines []*invoiceLineItem) int64 {
	if !inv.SubDiscounted {
		inv.SubDiscounted = true
		if sub, ok := lookupAs[*subscription](s.st, s.invoiceSubscription(inv)); ok {
			ids := inv.Discounts
			keep := []string{}
			for _, id := range sub.Discounts {
				d, ok := lookupAs[*discount](s.st, id)
				if !ok || !s.discountActive(d) {
					continue
				}
				ids = append(ids, d.ID)
				if c, ok := lookupAs[*coupon](s.st, d.Source.Coupon); ok && c.Duration == "once" {
					now := s.unix()
					d.Used, d.End = true, &now
					continue
				}
				keep = append(keep, d.ID)
			}
			inv.Discounts = append([]string{}, ids...)
			sub.Discounts = keep
		}
	}
	var ds []*discount
	for _, id := range inv.Discounts {
		if d, ok := lookupAs[*discount](s.st, id); ok {
			ds = append(ds, d)
		}
	}
	return s.takeDiscounts(inv, lines, ds)
}

// takeDiscounts takes the discounts ds off the discountable lines in
// order, each from what the ones before left, sets every line's
// discount_amounts and the invoice's total_discount_amounts, and returns
// the total taken off.
func (s *Server) takeDiscounts(inv *invoice, lines []*invoiceLineItem, ds []*discount) int64 {
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
		cpn, ok := lookupAs[*coupon](s.st, d.Source.Coupon)
		if !ok {
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
		if cpn.PercentOff != nil {
			for i := range lines {
				if eligible[i] {
					amounts[i] = percentOf(remaining[i], *cpn.PercentOff)
				}
			}
		} else if cpn.AmountOff != nil && *cpn.AmountOff > 0 && cpn.Currency != nil && *cpn.Currency == inv.Currency && base > 0 {
			off := min(*cpn.AmountOff, base)
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
			l.DiscountAmounts = append(l.DiscountAmounts, invoiceDiscountAmount{Amount: amounts[i], Discount: d.ID})
		}
		totals = append(totals, invoiceDiscountAmount{Amount: total, Discount: d.ID})
		sum += total
	}
	inv.TotalDiscountAmounts = totals
	return sum
}

// couponAppliesTo reports whether a coupon limited by applies_to covers a
// line's product.
func couponAppliesTo(cpn *coupon, line *invoiceLineItem) bool {
	if cpn.AppliesTo == nil { // only there when the coupon is limited
		return true
	}
	if line.Pricing == nil || line.Pricing.PriceDetails == nil {
		return false
	}
	prod := line.Pricing.PriceDetails.Product
	for _, p := range cpn.AppliesTo.Products {
		if p == prod {
			return true
		}
	}
	return false
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
	sub, err := getAs[*subscription](s, "subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	var first *discount
	for _, id := range sub.Discounts {
		if d, ok := lookupAs[*discount](s.st, id); ok {
			now := s.unix()
			d.End, d.Used = &now, true
			if first == nil {
				first = d
			}
		}
	}
	if first == nil {
		return nil, &apiError{status: 404, typ: "invalid_request_error", code: "resource_missing",
			message: "No active discount for subscription: '" + sub.ID + "'"}
	}
	before := s.snapshot(sub)
	sub.Discounts = []string{}
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	out := s.render(first, r.expand)
	out["deleted"] = true
	delete(out, "end") // not a field of a deleted discount
	return out, nil
}

// discountPreview is what the discounts ds (stored or not) would take off
// lines, changing neither.
func (s *Server) discountPreview(inv *invoice, lines []*invoiceLineItem, ds []*discount) int64 {
	tmpLines := make([]*invoiceLineItem, len(lines))
	for i, l := range lines {
		c := *l
		tmpLines[i] = &c
	}
	tmp := make([]*discount, len(ds))
	for i, d := range ds {
		tmp[i] = cloneRecord(d)
		if tmp[i].ID == "" {
			tmp[i].ID = "di_tmp"
		}
	}
	return s.takeDiscounts(&invoice{Currency: inv.Currency}, tmpLines, tmp)
}
