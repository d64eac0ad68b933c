package stripetest

// Subscription items change a subscription's items, and so its next
// invoice (renewals and previews bill subItems). Prorations are not
// made: a change takes effect from the next period whatever
// proration_behavior says (the README's stripetest section says so).

func (s *Server) registerSubscriptionItems() {
	s.handle("POST", "/v1/subscription_items", s.createSubscriptionItem)
	s.handle("GET", "/v1/subscription_items", s.listSubscriptionItems)
	s.handle("GET", "/v1/subscription_items/{id}", func(r *request) (any, error) {
		si, err := s.getObj("subscription_item", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderSubItem(si, r.expand), nil
	})
	s.handle("POST", "/v1/subscription_items/{id}", s.updateSubscriptionItem)
	s.handle("DELETE", "/v1/subscription_items/{id}", s.deleteSubscriptionItem)
}

// renderSubItem renders an item with its price embedded, as Stripe does.
func (s *Server) renderSubItem(si obj, expand []string) obj {
	out := s.renderObj(si, expand)
	if p, ok := s.st.lookupPrice(idOf(si["price"])); ok {
		out["price"] = s.render(p, nil)
	}
	return out
}

// itemSubscription returns the live subscription an item belongs to.
func (s *Server) itemSubscription(si obj) (obj, error) {
	sub, err := s.getObj("subscription", idOf(si["subscription"]))
	if err != nil {
		return nil, err
	}
	if sub["status"] == "canceled" || sub["status"] == "incomplete_expired" {
		return nil, invalid("", "", "The subscription %s is %s; its items can no longer change.", sub["id"], sub["status"])
	}
	return sub, nil
}

// checkItemParams rejects what stripetest does not model for an item.
func checkItemParams(f *form) error {
	if v, ok := f.str("proration_behavior"); ok {
		switch v {
		case "create_prorations", "none", "always_invoice":
		default:
			return invalid("proration_behavior", "", "Invalid proration_behavior: must be one of create_prorations, none or always_invoice")
		}
	}
	if f.has("discounts") {
		return invalid("discounts", "", "Discounts on a subscription item are not supported by stripetest; put them on the subscription.")
	}
	return f.failed()
}

func (s *Server) createSubscriptionItem(r *request) (any, error) {
	f := r.form
	subID, ok := f.str("subscription")
	if !ok || subID == "" {
		return nil, missingParam("subscription")
	}
	sub, err := s.getObj("subscription", subID)
	if err != nil {
		return nil, invalid("subscription", "resource_missing", "No such subscription: '%s'", subID)
	}
	if _, err := s.itemSubscription(obj{"subscription": subID}); err != nil {
		return nil, err
	}
	if err := checkItemParams(f); err != nil {
		return nil, err
	}
	price, err := s.subItemPrice(f)
	if err != nil {
		return nil, err
	}
	if price.Recurring == nil {
		return nil, invalid("price", "", "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.")
	}
	if price.Currency != sub["currency"] {
		return nil, invalid("price", "", "All prices on a subscription must have the same currency.")
	}
	for _, x := range subItems(sub) {
		if x["price"] == price.ID {
			return nil, invalid("price", "", "Cannot add multiple subscription items with the same price: %s.", price.ID)
		}
	}
	qty := int64(1)
	if n, ok := f.int("quantity"); ok {
		qty = n
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshotObj(sub)
	si := s.newSubItem(sub, price, qty, f)
	if first := subItems(sub); len(first) > 0 { // the item shares the subscription's current period
		si["current_period_start"], si["current_period_end"] = first[0]["current_period_start"], first[0]["current_period_end"]
	}
	s.insertObj(si)
	sub["_items"] = append(subItems(sub), si)
	s.renderItems(sub)
	s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	return s.renderSubItem(si, r.expand), nil
}

func (s *Server) updateSubscriptionItem(r *request) (any, error) {
	si, err := s.getObj("subscription_item", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	sub, err := s.itemSubscription(si)
	if err != nil {
		return nil, err
	}
	f := r.form
	if err := checkItemParams(f); err != nil {
		return nil, err
	}
	clone := cloneObj(si)
	if f.has("price") || f.has("price_data") {
		price, err := s.subItemPrice(f)
		if err != nil {
			return nil, err
		}
		if price.Recurring == nil || price.Currency != sub["currency"] {
			return nil, invalid("price", "", "The new price must be recurring and in the subscription's currency (%s).", sub["currency"])
		}
		clone["price"] = price.ID
	}
	if n, ok := f.int("quantity"); ok {
		if n < 0 {
			return nil, invalid("quantity", "", "Invalid non-negative integer")
		}
		clone["quantity"] = n
	}
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshotObj(sub)
	for k, v := range clone {
		si[k] = v
	}
	s.renderItems(sub)
	s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	return s.renderSubItem(si, r.expand), nil
}

func (s *Server) deleteSubscriptionItem(r *request) (any, error) {
	si, err := s.getObj("subscription_item", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	sub, err := s.itemSubscription(si)
	if err != nil {
		return nil, err
	}
	f := r.form
	f.bool("clear_usage")
	if err := checkItemParams(f); err != nil {
		return nil, err
	}
	items := subItems(sub)
	if len(items) <= 1 {
		return nil, invalid("", "", "A subscription must have at least one active plan. To cancel a subscription, please use the cancel API endpoint on /v1/subscriptions.")
	}
	before := s.snapshotObj(sub)
	kept := make([]obj, 0, len(items)-1)
	for _, x := range items {
		if x["id"] != si["id"] {
			kept = append(kept, x)
		}
	}
	sub["_items"] = kept
	s.removeObj(si)
	s.renderItems(sub)
	s.emitUpdatedObj(r, "customer.subscription.updated", sub, before)
	return obj{"id": si["id"], "object": "subscription_item", "deleted": true}, nil
}

func (s *Server) listSubscriptionItems(r *request) (any, error) {
	subID, ok := r.form.str("subscription")
	if !ok || subID == "" {
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("subscription")
	}
	if _, err := s.getObj("subscription", subID); err != nil {
		return nil, invalid("subscription", "resource_missing", "No such subscription: '%s'", subID)
	}
	list, err := s.listObjs(r, "subscription_item", "/v1/subscription_items", func(si obj) bool { return si["subscription"] == subID })
	if err != nil {
		return nil, err
	}
	for _, d := range list["data"].([]any) {
		if o, ok := d.(obj); ok {
			if p, ok := s.st.lookupPrice(idOf(o["price"])); ok {
				o["price"] = s.render(p, nil)
			}
		}
	}
	return list, nil
}
