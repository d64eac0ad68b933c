package stripetest

import (
	"fmt"
	"net/url"
	"strconv"
)

// Checkout sessions (/v1/checkout/sessions). A session is created open,
// with a hosted-page url and its line items; nobody visits the page, so a
// test completes it with CompleteCheckoutSession, which pays it as a
// customer with pm_card_visa would. Expire ends an open session.

func (s *Server) registerCheckoutSessions() {
	s.handle("POST", "/v1/checkout/sessions", s.createCheckoutSession)
	s.handle("GET", "/v1/checkout/sessions", func(r *request) (any, error) {
		filter := map[string]string{}
		for _, k := range []string{"customer", "payment_intent", "payment_link", "status", "subscription"} {
			if v, ok := r.form.str(k); ok {
				filter[k] = v
			}
		}
		return s.listObjs(r, "checkout.session", "/v1/checkout/sessions", func(cs obj) bool {
			for k, v := range filter {
				if idOf(cs[k]) != v {
					return false
				}
			}
			return true
		})
	})
	s.handle("GET", "/v1/checkout/sessions/{id}", func(r *request) (any, error) {
		cs, err := s.getObj("checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderSession(cs, r.expand), nil
	})
	s.handle("POST", "/v1/checkout/sessions/{id}", func(r *request) (any, error) {
		cs, err := s.getObj("checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		clone := cloneObj(cs)
		applyMetadata(clone, r.form)
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		cs["metadata"] = clone["metadata"]
		return s.renderSession(cs, r.expand), nil
	})
	s.handle("POST", "/v1/checkout/sessions/{id}/expire", s.expireCheckoutSession)
	s.handle("GET", "/v1/checkout/sessions/{id}/line_items", func(r *request) (any, error) {
		cs, err := s.getObj("checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		items, _ := cs["_line_items"].([]any)
		return pageItems(r, items, "/v1/checkout/sessions/"+str(cs, "id")+"/line_items", "line item")
	})
}

// renderSession renders a session; line_items only when expanded, as on
// Stripe.
func (s *Server) renderSession(cs obj, expand []string) obj {
	out := s.renderObj(cs, expand)
	if contains(expand, "line_items") {
		items, _ := cs["_line_items"].([]any)
		out["line_items"] = listObject("/v1/checkout/sessions/"+str(cs, "id")+"/line_items", deepCopy(items).([]any))
	}
	return out
}

// buildLineItems makes the line item objects (object "item") of
// line_items[i] params with price or price_data, and their currency and
// subtotal. recurring reports whether any price is recurring.
func (s *Server) buildLineItems(f *form) (items []any, currency string, total int64, recurring bool, err error) {
	forms := f.forms("line_items")
	if err := f.failed(); err != nil {
		return nil, "", 0, false, err
	}
	for _, lf := range forms {
		var price obj
		if id, ok := lf.str("price"); ok {
			if price, err = s.getObj("price", id); err != nil {
				return nil, "", 0, false, invalid(lf.name("price"), "resource_missing", "No such price: '%s'", id)
			}
		} else if lf.has("price_data") {
			pd := lf.sub("price_data")
			prodID, _ := pd.str("product")
			if prodID == "" {
				pdata := pd.sub("product_data")
				if _, ok := pdata.str("name"); !ok {
					return nil, "", 0, false, missingParam(pd.name("product_data[name]"))
				}
				prod := s.newProduct(pdata, s.newID("prod"))
				prod["active"] = false
				s.insertObj(prod)
				prodID = str(prod, "id")
			} else if _, gerr := s.getObj("product", prodID); gerr != nil {
				return nil, "", 0, false, invalid(pd.name("product"), "resource_missing", "No such product: '%s'", prodID)
			}
			if price, err = s.buildPrice(pd, prodID); err != nil {
				return nil, "", 0, false, err
			}
			price["active"] = false
			s.insertObj(price)
		} else {
			return nil, "", 0, false, missingParam(lf.name("price"))
		}
		qty := int64(1)
		if n, ok := lf.int("quantity"); ok {
			qty = n
		}
		if c := str(price, "currency"); currency == "" {
			currency = c
		} else if c != currency {
			return nil, "", 0, false, invalid("line_items", "", "All line items must use the same currency (%s and %s).", currency, c)
		}
		if price["recurring"] != nil {
			recurring = true
		}
		amount := num(price, "unit_amount") * qty
		total += amount
		items = append(items, obj{
			"id": s.newID("li"), "object": "item", "amount_discount": int64(0), "amount_subtotal": amount, "amount_tax": int64(0),
			"amount_total": amount, "currency": currency, "description": s.productName(price), "price": cloneObj(price), "quantity": qty,
		})
	}
	if err := f.failed(); err != nil {
		return nil, "", 0, false, err
	}
	return items, currency, total, recurring, nil
}

func (s *Server) createCheckoutSession(r *request) (any, error) {
	f := r.form
	mode, _ := f.str("mode")
	switch mode {
	case "payment", "subscription", "setup":
	case "":
		return nil, missingParam("mode")
	default:
		return nil, invalid("mode", "", "Invalid mode: must be one of payment, setup, or subscription")
	}
	items, currency, total, recurring, err := s.buildLineItems(f)
	if err != nil {
		return nil, err
	}
	switch {
	case mode != "setup" && len(items) == 0:
		return nil, missingParam("line_items")
	case mode == "subscription" && !recurring:
		return nil, invalid("line_items", "", "You must provide at least one recurring price in `subscription` mode when using prices.")
	case mode == "payment" && recurring:
		return nil, invalid("line_items", "", "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.")
	}
	if mode == "setup" {
		currency = f.strOr("currency", "")
	}
	var customer any
	if v, ok := f.str("customer"); ok && v != "" {
		if _, err := s.customer(v); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", v)
		}
		customer = v
	}
	id := "cs_test_" + randomID(58)
	now := s.unix()
	payStatus := "unpaid"
	if mode == "setup" {
		payStatus = "no_payment_required"
	}
	cs := obj{
		"id": id, "object": "checkout.session", "after_expiration": nil, "allow_promotion_codes": nil,
		"amount_subtotal": total, "amount_total": total, "automatic_tax": obj{"enabled": false, "liability": nil, "status": nil},
		"billing_address_collection": nil, "cancel_url": nil, "client_reference_id": nil, "client_secret": nil,
		"created": now, "currency": nil, "custom_fields": []any{}, "custom_text": emptyCustomText(), "customer": customer, "customer_creation": nil, "customer_details": nil,
		"customer_email": nil, "expires_at": now + 24*3600, "invoice": nil, "livemode": false, "locale": nil, "metadata": obj{},
		"mode": mode, "payment_intent": nil, "payment_link": nil, "payment_method_collection": "always",
		"payment_method_types": []any{"card"}, "payment_status": payStatus, "recovered_from": nil, "setup_intent": nil,
		"shipping_options": []any{}, "status": "open", "submit_type": nil, "subscription": nil, "success_url": nil, "ui_mode": "hosted_page",
		"url": "https://checkout.stripe.com/c/pay/" + id, "_line_items": items,
	}
	if currency != "" {
		cs["currency"] = currency
	}
	if mode == "payment" {
		cs["customer_creation"] = "if_required"
	}
	setStrings(cs, f, "cancel_url", "success_url", "client_reference_id", "customer_email", "locale", "submit_type")
	if b, ok := f.bool("allow_promotion_codes"); ok {
		cs["allow_promotion_codes"] = b
	}
	if v, ok := f.int("expires_at"); ok {
		cs["expires_at"] = v
	}
	applyMetadata(cs, f)
	// What completion passes on to the payment intent or subscription.
	cs["_pi_data"] = f.sub("payment_intent_data").m
	cs["_sub_data"] = f.sub("subscription_data").m
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(cs)
	return s.renderSession(cs, r.expand), nil
}

// emptyCustomText is the custom_text of a page that sets none.
func emptyCustomText() obj {
	return obj{"after_submit": nil, "shipping_address": nil, "submit": nil, "terms_of_service_acceptance": nil}
}

func (s *Server) expireCheckoutSession(r *request) (any, error) {
	cs, err := s.getObj("checkout.session", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if cs["status"] != "open" {
		return nil, invalid("", "", "Only Checkout Sessions with a status of `open` can be expired (this one is %s).", cs["status"])
	}
	cs["status"] = "expired"
	cs["url"] = nil
	s.emitObj(r, "checkout.session.expired", cs, nil)
	return s.renderSession(cs, r.expand), nil
}

// CompleteCheckoutSession completes an open checkout session as a
// customer paying with pm_card_visa on its hosted page would: in payment
// mode it creates and confirms the session's payment intent, in
// subscription mode it creates the subscription (and a customer from
// customer_email when the session has none), in setup mode a succeeded
// setup intent. The session becomes complete (payment_status paid, or
// no_payment_required) and checkout.session.completed is emitted. It
// works on sessions of connected accounts too.
func (s *Server) CompleteCheckoutSession(id string) error {
	err := s.completeCheckoutSession(id)
	if err == nil {
		s.autoSave()
	}
	return err
}

func (s *Server) completeCheckoutSession(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.st, s.at = s.platform, 0 }()
	var cs obj
	stores := []*store{s.platform}
	for _, st := range s.accounts {
		stores = append(stores, st)
	}
	for _, st := range stores {
		if o, ok := st.lookupObj(id); ok && o["object"] == "checkout.session" {
			s.st, cs = st, o
			break
		}
	}
	if cs == nil {
		return fmt.Errorf("stripetest: no such checkout session %q", id)
	}
	if cs["status"] != "open" {
		return fmt.Errorf("stripetest: checkout session %s is %v, not open", id, cs["status"])
	}
	call := func(fn handlerFunc, v url.Values) (obj, error) {
		tree, perr := parseForm(v)
		if perr != nil {
			return nil, perr
		}
		r := &request{s: s, method: "POST", path: "", id: "", pathVal: func(string) string { return "" },
			form: &form{m: tree, err: new(error)}}
		out, err := fn(r)
		if err == nil {
			err = *r.form.err
		}
		if err != nil {
			return nil, err
		}
		o, _ := out.(obj)
		return o, nil
	}
	withData := func(v url.Values, data obj, prefix string) {
		for k, val := range objAt(data, "metadata") {
			if sv, ok := val.(string); ok {
				v.Set(prefix+"["+k+"]", sv)
			}
		}
		if d, ok := data["description"].(string); ok {
			v.Set("description", d)
		}
	}
	cusID := idOf(cs["customer"])
	email := str(cs, "customer_email")
	if cusID == "" && (cs["mode"] != "payment") {
		v := url.Values{}
		if email != "" {
			v.Set("email", email)
		}
		cus, err := call(s.createCustomer, v)
		if err != nil {
			return err
		}
		cusID = str(cus, "id")
		cs["customer"] = cusID
	}
	items, _ := cs["_line_items"].([]any)
	switch cs["mode"] {
	case "payment":
		v := url.Values{"amount": {strconv.FormatInt(num(cs, "amount_total"), 10)}, "currency": {str(cs, "currency")},
			"payment_method": {"pm_card_visa"}, "confirm": {"true"}}
		if cusID != "" {
			v.Set("customer", cusID)
		}
		pidata, _ := cs["_pi_data"].(obj)
		withData(v, pidata, "metadata")
		pi, err := call(s.createPaymentIntent, v)
		if err != nil {
			return err
		}
		cs["payment_intent"] = pi["id"]
		cs["payment_status"] = "paid"
	case "subscription":
		v := url.Values{"customer": {cusID}, "default_payment_method": {"pm_card_visa"}}
		for i, it := range items {
			li, _ := it.(obj)
			v.Set(fmt.Sprintf("items[%d][price]", i), str(objAt(li, "price"), "id"))
			v.Set(fmt.Sprintf("items[%d][quantity]", i), strconv.FormatInt(num(li, "quantity"), 10))
		}
		subdata, _ := cs["_sub_data"].(obj)
		withData(v, subdata, "metadata")
		if n, ok := subdata["trial_period_days"].(string); ok {
			v.Set("trial_period_days", n)
		}
		sub, err := call(s.createSubscription, v)
		if err != nil {
			return err
		}
		cs["subscription"] = sub["id"]
		cs["invoice"] = sub["latest_invoice"]
		cs["payment_status"] = "paid"
	case "setup":
		v := url.Values{"payment_method": {"pm_card_visa"}, "confirm": {"true"}}
		if cusID != "" {
			v.Set("customer", cusID)
		}
		si, err := call(s.createSetupIntent, v)
		if err != nil {
			return err
		}
		cs["setup_intent"] = si["id"]
	}
	if email == "" {
		if cus, ok := lookupAs[*customer](s.st, cusID); ok && cus.Email != nil {
			email = *cus.Email
		}
	}
	var emailV any
	if email != "" {
		emailV = email
	}
	cs["customer_details"] = obj{"address": nil, "business_name": nil, "email": emailV, "individual_name": nil, "name": nil,
		"phone": nil, "tax_exempt": "none", "tax_ids": []any{}}
	cs["status"] = "complete"
	cs["url"] = nil
	s.emitObj(nil, "checkout.session.completed", cs, nil)
	return nil
}
