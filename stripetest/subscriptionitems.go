package stripetest

// Subscription items change a subscription's items, and so its next
// invoice (renewals and previews bill its items). Prorations are not
// made: a change takes effect from the next period whatever
// proration_behavior says (the README's stripetest section says so).

// subscriptionItem is a SubscriptionItem; it renders with its price
// embedded, as Stripe does.
type subscriptionItem struct {
	meta
	BillingThresholds  *subItemBillingThresholds `json:"billing_thresholds"`
	Created            int64                     `json:"created"`
	CurrentPeriodEnd   int64                     `json:"current_period_end"`
	CurrentPeriodStart int64                     `json:"current_period_start"`
	Discounts          []string                  `json:"discounts"`
	Metadata           map[string]string         `json:"metadata"`
	Price              string                    `json:"price"`
	Quantity           int64                     `json:"quantity"`
	Subscription       string                    `json:"subscription"`
	TaxRates           []string                  `json:"tax_rates"`
}

// subItemBillingThresholds is an item's usage threshold for billing; stripetest never sets it.
type subItemBillingThresholds struct {
	UsageGte *int64 `json:"usage_gte"`
}

func (x *subscriptionItem) createdAt() int64 { return x.Created }

// complete embeds the item's price.
func (x *subscriptionItem) complete(s *Server, t obj) {
	if p, ok := s.st.lookup(x.Price); ok {
		t["price"] = s.render(p, nil)
	}
}

func (s *Server) registerSubscriptionItems() {
	s.handle("POST", "/v1/subscription_items", s.createSubscriptionItem)
	s.handle("GET", "/v1/subscription_items", s.listSubscriptionItems)
	s.handle("GET", "/v1/subscription_items/{id}", func(r *request) (any, error) {
		si, err := getAs[*subscriptionItem](s, "subscription_item", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(si, r.expand), nil
	})
	s.handle("POST", "/v1/subscription_items/{id}", s.updateSubscriptionItem)
	s.handle("DELETE", "/v1/subscription_items/{id}", s.deleteSubscriptionItem)
}

// itemSubscription returns the live subscription subID (an item's).
func (s *Server) itemSubscription(subID string) (*subscription, error) {
	sub, err := getAs[*subscription](s, "subscription", subID)
	if err != nil {
		return nil, err
	}
	if !sub.live() {
		return nil, invalid("", "", "The subscription %s is %s; its items can no longer change.", sub.ID, sub.Status)
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
	if _, err := getAs[*subscription](s, "subscription", subID); err != nil {
		return nil, invalid("subscription", "resource_missing", "No such subscription: '%s'", subID)
	}
	sub, err := s.itemSubscription(subID)
	if err != nil {
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
	if price.Currency != sub.Currency {
		return nil, invalid("price", "", "All prices on a subscription must have the same currency.")
	}
	items := s.subItemsOf(sub)
	for _, x := range items {
		if x.Price == price.ID {
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
	before := s.snapshot(sub)
	s.storeNewPrices(price)
	si := s.newSubItem(sub, price, qty, f)
	if len(items) > 0 { // the item shares the subscription's current period
		si.CurrentPeriodStart, si.CurrentPeriodEnd = items[0].CurrentPeriodStart, items[0].CurrentPeriodEnd
	}
	s.insert(si)
	sub.Items = append(sub.Items, si.ID)
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	return s.render(si, r.expand), nil
}

func (s *Server) updateSubscriptionItem(r *request) (any, error) {
	si, err := getAs[*subscriptionItem](s, "subscription_item", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	sub, err := s.itemSubscription(si.Subscription)
	if err != nil {
		return nil, err
	}
	f := r.form
	if err := checkItemParams(f); err != nil {
		return nil, err
	}
	clone := cloneRecord(si)
	var price *price
	if f.has("price") || f.has("price_data") {
		if price, err = s.subItemPrice(f); err != nil {
			return nil, err
		}
		if price.Recurring == nil || price.Currency != sub.Currency {
			return nil, invalid("price", "", "The new price must be recurring and in the subscription's currency (%s).", sub.Currency)
		}
		clone.Price = price.ID
	}
	if n, ok := f.int("quantity"); ok {
		if n < 0 {
			return nil, invalid("quantity", "", "Invalid non-negative integer")
		}
		clone.Quantity = n
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshot(sub)
	if price != nil {
		s.storeNewPrices(price)
	}
	*si = *clone
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	return s.render(si, r.expand), nil
}

func (s *Server) deleteSubscriptionItem(r *request) (any, error) {
	si, err := getAs[*subscriptionItem](s, "subscription_item", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	sub, err := s.itemSubscription(si.Subscription)
	if err != nil {
		return nil, err
	}
	f := r.form
	f.bool("clear_usage")
	if err := checkItemParams(f); err != nil {
		return nil, err
	}
	if len(s.subItemsOf(sub)) <= 1 {
		return nil, invalid("", "", "A subscription must have at least one active plan. To cancel a subscription, please use the cancel API endpoint on /v1/subscriptions.")
	}
	before := s.snapshot(sub)
	kept := make([]string, 0, len(sub.Items)-1)
	for _, id := range sub.Items {
		if id != si.ID {
			kept = append(kept, id)
		}
	}
	sub.Items = kept
	s.remove(si)
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	return obj{"id": si.ID, "object": "subscription_item", "deleted": true}, nil
}

func (s *Server) listSubscriptionItems(r *request) (any, error) {
	subID, ok := r.form.str("subscription")
	if !ok || subID == "" {
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("subscription")
	}
	if _, err := getAs[*subscription](s, "subscription", subID); err != nil {
		return nil, invalid("subscription", "resource_missing", "No such subscription: '%s'", subID)
	}
	return listOf(s, r, "subscription_item", "/v1/subscription_items", func(si *subscriptionItem) bool { return si.Subscription == subID })
}
