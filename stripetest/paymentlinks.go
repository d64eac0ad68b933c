package stripetest

// Payment links (/v1/payment_links): a link has a url (buy.stripe.com) and
// line items made from prices; it can be deactivated and listed.

func (s *Server) registerPaymentLinks() {
	s.handle("POST", "/v1/payment_links", s.createPaymentLink)
	s.handle("GET", "/v1/payment_links", func(r *request) (any, error) {
		active, has := r.form.bool("active")
		return s.listObjs(r, "payment_link", "/v1/payment_links", func(pl obj) bool { return !has || pl["active"] == active })
	})
	s.handle("GET", "/v1/payment_links/{id}", func(r *request) (any, error) {
		pl, err := s.getObj("payment_link", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(pl, r.expand), nil
	})
	s.handle("POST", "/v1/payment_links/{id}", s.updatePaymentLink)
	s.handle("GET", "/v1/payment_links/{id}/line_items", func(r *request) (any, error) {
		pl, err := s.getObj("payment_link", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		items, _ := pl["_line_items"].([]any)
		return pageItems(r, items, "/v1/payment_links/"+str(pl, "id")+"/line_items", "line item")
	})
}

func (s *Server) createPaymentLink(r *request) (any, error) {
	f := r.form
	items, currency, _, _, err := s.buildLineItems(f)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, missingParam("line_items")
	}
	id := s.newID("plink")
	pl := obj{
		"id": id, "object": "payment_link", "active": true, "after_completion": obj{"hosted_confirmation": obj{"custom_message": nil}, "type": "hosted_confirmation"},
		"allow_promotion_codes": false, "application": nil, "application_fee_amount": nil, "application_fee_percent": nil,
		"automatic_tax": obj{"enabled": false, "liability": nil}, "billing_address_collection": "auto", "consent_collection": nil,
		"currency": currency, "custom_fields": []any{}, "custom_text": emptyCustomText(), "customer_creation": "if_required", "inactive_message": nil, "invoice_creation": nil,
		"livemode": false, "metadata": obj{}, "on_behalf_of": nil, "payment_intent_data": nil, "payment_method_collection": "always",
		"payment_method_types": nil, "phone_number_collection": obj{"enabled": false}, "restrictions": nil,
		"shipping_address_collection": nil, "shipping_options": []any{}, "submit_type": "auto", "subscription_data": nil,
		"tax_id_collection": obj{"enabled": false, "required": "never"}, "transfer_data": nil,
		"url": "https://buy.stripe.com/test_" + randomID(14), "_created": s.unix(), "_line_items": items,
	}
	if b, ok := f.bool("allow_promotion_codes"); ok {
		pl["allow_promotion_codes"] = b
	}
	applyMetadata(pl, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(pl)
	return s.renderObj(pl, r.expand), nil
}

func (s *Server) updatePaymentLink(r *request) (any, error) {
	pl, err := s.getObj("payment_link", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	clone := cloneObj(pl)
	if b, ok := r.form.bool("active"); ok {
		clone["active"] = b
	}
	setStrings(clone, r.form, "inactive_message")
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		pl[k] = v
	}
	return s.renderObj(pl, r.expand), nil
}
