package stripetest

import "strings"

func (s *Server) registerCustomers() {
	s.handle("POST", "/v1/customers", s.createCustomer)
	s.handle("GET", "/v1/customers", s.listCustomers)
	s.handle("GET", "/v1/customers/{id}", s.getCustomer)
	s.handle("POST", "/v1/customers/{id}", s.updateCustomer)
	s.handle("DELETE", "/v1/customers/{id}", s.deleteCustomer)
}

func (s *Server) createCustomer(r *request) (any, error) {
	id := s.newID("cus")
	cus := obj{
		"id": id, "object": "customer", "address": nil, "balance": int64(0), "business_name": "", "created": s.unix(),
		"currency": nil, "default_source": nil, "delinquent": false, "description": nil, "discount": nil, "email": nil,
		"individual_name": "", "invoice_credit_balance": obj{}, "invoice_prefix": strings.ToUpper(randomID(8)),
		"invoice_settings": obj{"custom_fields": nil, "default_payment_method": nil, "footer": nil, "rendering_options": nil},
		"livemode":         false, "metadata": obj{}, "name": nil, "next_invoice_sequence": int64(1), "phone": nil,
		"preferred_locales": []any{}, "shipping": nil, "tax_exempt": "none", "test_clock": nil,
	}
	if err := s.applyCustomerParams(r, cus); err != nil {
		return nil, err
	}
	if tc, ok := r.form.str("test_clock"); ok && tc != "" {
		if _, err := s.getClock(tc, "test_clock"); err != nil {
			return nil, err
		}
		cus["test_clock"] = tc
	}
	if pm, ok := r.form.str("payment_method"); ok {
		if name, ok := strings.CutPrefix(pm, "pm_card_"); ok {
			if err := attachDecline(testCards[name], "payment_method"); err != nil {
				return nil, err // before the payment method is made: nothing is saved
			}
		}
		p, err := s.resolvePaymentMethod(pm, "payment_method")
		if err != nil {
			return nil, err
		}
		if err := attachDecline(testCards[str(p, "_card")], "payment_method"); err != nil {
			return nil, err
		}
		p["customer"] = id
	}
	var card obj
	if tok, ok := r.form.str("source"); ok {
		c, err := s.cardFromToken(tok, id)
		if err != nil {
			return nil, err
		}
		card = c
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.insertObj(cus)
	if card != nil {
		s.insertObj(card)
		cus["default_source"] = card["id"]
	}
	s.emitObj(r, "customer.created", cus, nil)
	if card != nil {
		s.emitObj(r, "customer.source.created", card, nil)
	}
	return s.renderObj(cus, r.expand), nil
}

// applyCustomerParams sets the fields create and update share.
func (s *Server) applyCustomerParams(r *request, cus obj) error {
	f := r.form
	setStrings(cus, f, "description", "email", "name", "phone", "invoice_prefix")
	for _, k := range []string{"business_name", "individual_name"} {
		if v, ok := f.str(k); ok {
			cus[k] = v
		}
	}
	if n, ok := f.int("balance"); ok {
		cus["balance"] = n
	}
	if n, ok := f.int("next_invoice_sequence"); ok {
		cus["next_invoice_sequence"] = n
	}
	if v, ok := f.str("tax_exempt"); ok {
		if v != "none" && v != "exempt" && v != "reverse" && v != "" {
			return invalid("tax_exempt", "", "Invalid tax_exempt: must be one of none, exempt, or reverse")
		}
		if v == "" {
			v = "none"
		}
		cus["tax_exempt"] = v
	}
	if f.has("preferred_locales") {
		locs := f.strings("preferred_locales")
		l := make([]any, len(locs))
		for i, x := range locs {
			l[i] = x
		}
		cus["preferred_locales"] = l
	}
	if f.has("address") {
		cus["address"] = addressFrom(f.sub("address"), cus["address"])
	}
	if f.has("shipping") {
		sf := f.sub("shipping")
		if len(sf.m) == 0 {
			cus["shipping"] = nil
		} else {
			old, _ := cus["shipping"].(obj)
			var oldAddr any
			if old != nil {
				oldAddr = old["address"]
			}
			sh := obj{"address": addressFrom(sf.sub("address"), oldAddr), "name": nil, "phone": nil}
			setStrings(sh, sf, "name", "phone")
			cus["shipping"] = sh
		}
	}
	if f.has("invoice_settings") {
		is := f.sub("invoice_settings")
		settings := objAt(cus, "invoice_settings")
		setStrings(settings, is, "footer")
		if pm, ok := is.str("default_payment_method"); ok {
			if pm == "" {
				settings["default_payment_method"] = nil
			} else {
				p, err := s.resolvePaymentMethod(pm, "invoice_settings[default_payment_method]")
				if err != nil {
					return err
				}
				settings["default_payment_method"] = p["id"]
			}
		}
	}
	applyMetadata(cus, f)
	return f.failed()
}

func addressFrom(f *form, old any) any {
	if len(f.m) == 0 {
		return nil
	}
	a := obj{"city": nil, "country": nil, "line1": nil, "line2": nil, "postal_code": nil, "state": nil}
	if o, ok := old.(obj); ok {
		for k, v := range o {
			a[k] = v
		}
	}
	setStrings(a, f, "city", "country", "line1", "line2", "postal_code", "state")
	f.unknown("city", "country", "line1", "line2", "postal_code", "state")
	return a
}

func (s *Server) listCustomers(r *request) (any, error) {
	email, hasEmail := r.form.str("email")
	return s.listObjs(r, "customer", "/v1/customers", func(o obj) bool {
		return !hasEmail || o["email"] == email
	})
}

func (s *Server) getCustomer(r *request) (any, error) {
	id := r.pathVal("id")
	if o, ok := s.st.lookupObj(id); ok && o["object"] == "customer" && o["deleted"] == true {
		return obj{"id": id, "object": "customer", "deleted": true}, nil
	}
	cus, err := s.getObj("customer", id)
	if err != nil {
		return nil, err
	}
	return s.renderObj(cus, r.expand), nil
}

func (s *Server) updateCustomer(r *request) (any, error) {
	cus, err := s.getObj("customer", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(cus)
	clone := cloneObj(cus) // apply to a copy, so a bad param changes nothing
	if err := s.applyCustomerParams(r, clone); err != nil {
		return nil, err
	}
	var newCard obj
	if tok, ok := r.form.str("source"); ok {
		if newCard, err = s.cardFromToken(tok, str(cus, "id")); err != nil {
			return nil, err
		}
	}
	if src, ok := r.form.str("default_source"); ok && src != "" {
		card, ok := s.st.lookupObj(src)
		if !ok || card["customer"] != cus["id"] {
			return nil, invalid("default_source", "resource_missing", "No such source: '%s'", src)
		}
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		if !strings.HasPrefix(k, "_") {
			cus[k] = v
		}
	}
	if src, ok := r.form.str("default_source"); ok {
		if src == "" {
			cus["default_source"] = nil
		} else {
			cus["default_source"] = src
		}
	}
	if newCard != nil {
		// source= replaces the default source.
		if old, ok := s.st.lookupObj(idOf(cus["default_source"])); ok {
			s.removeObj(old)
			s.emitObj(r, "customer.source.deleted", old, nil)
		}
		s.insertObj(newCard)
		cus["default_source"] = newCard["id"]
		s.emitObj(r, "customer.source.created", newCard, nil)
	}
	s.emitUpdatedObj(r, "customer.updated", cus, before)
	return s.renderObj(cus, r.expand), nil
}

func (s *Server) deleteCustomer(r *request) (any, error) {
	cus, err := s.getObj("customer", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	id := str(cus, "id")
	for _, card := range append([]obj(nil), s.st.allObj("card")...) {
		if card["customer"] == id {
			s.removeObj(card)
		}
	}
	for _, sub := range allOf[*subscription](s.st, "subscription") {
		if sub.Customer == id && sub.live() {
			s.endSubscription(r, sub, nil)
		}
	}
	s.emitObj(r, "customer.deleted", cus, nil)
	cus["deleted"] = true
	return obj{"id": id, "object": "customer", "deleted": true}, nil
}
