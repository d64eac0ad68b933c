package stripetest

import "errors"

func (s *Server) registerPaymentIntents() {
	s.handle("POST", "/v1/payment_intents", s.createPaymentIntent)
	s.handle("GET", "/v1/payment_intents", s.listPaymentIntents)
	s.handle("GET", "/v1/payment_intents/{id}", func(r *request) (any, error) {
		pi, err := s.getObj("payment_intent", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(pi, r.expand), nil
	})
	s.handle("POST", "/v1/payment_intents/{id}", s.updatePaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/confirm", s.confirmPaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/capture", s.capturePaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/cancel", s.cancelPaymentIntent)
}

func unexpectedState(pi obj, action string) *apiError {
	return invalid("", "payment_intent_unexpected_state",
		"You cannot %s this PaymentIntent because it has a status of %s.", action, pi["status"])
}

// applyPIParams sets the fields create, update and confirm share.
func (s *Server) applyPIParams(pi obj, f *form) error {
	setStrings(pi, f, "description", "receipt_email", "setup_future_usage", "statement_descriptor", "statement_descriptor_suffix", "transfer_group")
	if v, ok := f.str("capture_method"); ok {
		switch v {
		case "automatic", "automatic_async", "manual":
			pi["capture_method"] = v
		default:
			return invalid("capture_method", "", "Invalid capture_method: must be one of automatic, automatic_async, or manual")
		}
	}
	if n, ok := f.int("application_fee_amount"); ok {
		pi["application_fee_amount"] = n
	}
	if f.has("payment_method_types") {
		pi["payment_method_types"] = deepCopy(f.strings("payment_method_types"))
		pi["automatic_payment_methods"] = nil
	}
	if f.has("shipping") {
		pi["shipping"] = shippingFrom(f.sub("shipping"))
	}
	if id, ok := f.str("customer"); ok {
		if id == "" {
			pi["customer"] = nil
		} else {
			if _, err := s.customer(id); err != nil {
				return invalid("customer", "resource_missing", "No such customer: '%s'", id)
			}
			pi["customer"] = id
		}
	}
	applyMetadata(pi, f)
	return f.failed()
}

func (s *Server) createPaymentIntent(r *request) (any, error) {
	f := r.form
	amount, currency, err := amountParams(f)
	if err != nil {
		return nil, err
	}
	id := s.newID("pi")
	pi := obj{
		"id": id, "object": "payment_intent", "amount": amount, "amount_capturable": int64(0), "amount_details": obj{"tip": obj{}},
		"amount_received": int64(0), "application": nil, "application_fee_amount": nil,
		"automatic_payment_methods": obj{"allow_redirects": "always", "enabled": true}, "canceled_at": nil, "cancellation_reason": nil,
		"capture_method": "automatic_async", "client_secret": id + "_secret_" + randomID(24), "confirmation_method": "automatic",
		"created": s.unix(), "currency": currency, "customer": nil, "description": nil, "excluded_payment_method_types": nil,
		"last_payment_error": nil, "latest_charge": nil, "livemode": false, "metadata": obj{}, "next_action": nil, "on_behalf_of": nil,
		"payment_method": nil, "payment_method_configuration_details": nil,
		"payment_method_options": obj{"card": obj{"installments": nil, "mandate_options": nil, "network": nil, "request_three_d_secure": "automatic"}},
		"payment_method_types":   []any{"card"}, "processing": nil, "receipt_email": nil, "review": nil, "setup_future_usage": nil,
		"shipping": nil, "statement_descriptor": nil, "statement_descriptor_suffix": nil, "status": "requires_payment_method",
		"transfer_data": nil, "transfer_group": nil,
	}
	if err := s.applyPIParams(pi, f); err != nil {
		return nil, err
	}
	if v, ok := f.str("confirmation_method"); ok {
		pi["confirmation_method"] = v
	}
	if apm := f.sub("automatic_payment_methods"); len(apm.m) > 0 {
		enabled, _ := apm.bool("enabled")
		pi["automatic_payment_methods"] = obj{"allow_redirects": apm.strOr("allow_redirects", "always"), "enabled": enabled}
	}
	confirm, _ := f.bool("confirm")
	var pm paymentSource
	if pmID, ok := f.str("payment_method"); ok {
		if pm, err = s.resolvePaymentMethod(pmID, "payment_method"); err != nil {
			return nil, err
		}
		pi["payment_method"] = pm.base().ID
		pi["status"] = "requires_confirmation"
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	if confirm && pm == nil {
		return nil, invalid("payment_method", "payment_intent_unexpected_state",
			"You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	s.insertObj(pi)
	s.emitObj(r, "payment_intent.created", pi, nil)
	if confirm {
		if err := s.confirmPI(r, pi, pm); err != nil {
			return nil, err
		}
	}
	return s.renderObj(pi, r.expand), nil
}

// confirmPI charges pm for pi and moves pi on: to succeeded, to
// requires_capture with manual capture, or back to requires_payment_method
// when the card declines (a 402 error carrying the payment intent).
func (s *Server) confirmPI(r *request, pi obj, pm paymentSource) error {
	capture := pi["capture_method"] != "manual"
	ch, err := s.charge(r, chargeSpec{
		amount: num(pi, "amount"), currency: str(pi, "currency"), customer: idOf(pi["customer"]), pm: pm,
		capture: capture, paymentIntent: str(pi, "id"), description: strOrEmpty(pi["description"]),
	})
	var ae *apiError
	if errors.As(err, &ae) && ch != nil {
		pi["latest_charge"] = ch.ID
		pi["status"] = "requires_payment_method"
		pi["payment_method"] = nil
		pi["last_payment_error"] = obj{
			"type": ae.typ, "code": ae.code, "decline_code": ae.declineCode, "message": ae.message, "charge": ch.ID,
			"doc_url": "https://stripe.com/docs/error-codes/" + ae.code, "payment_method": s.render(pm, nil), "payment_method_type": "card",
		}
		s.emitObj(r, "payment_intent.payment_failed", pi, nil)
		ae.paymentIntent = s.renderObj(pi, nil)
		ae.paymentMethod = s.render(pm, nil)
		return ae
	}
	if err != nil {
		return err
	}
	pi["payment_method"] = pm.base().ID
	pi["latest_charge"] = ch.ID
	pi["last_payment_error"] = nil
	if capture {
		pi["status"] = "succeeded"
		pi["amount_received"] = pi["amount"]
		s.emitObj(r, "payment_intent.succeeded", pi, nil)
	} else {
		pi["status"] = "requires_capture"
		pi["amount_capturable"] = pi["amount"]
		s.emitObj(r, "payment_intent.amount_capturable_updated", pi, nil)
	}
	return nil
}

func (s *Server) confirmPaymentIntent(r *request) (any, error) {
	pi, err := s.getObj("payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch pi["status"] {
	case "requires_payment_method", "requires_confirmation", "requires_action":
	default:
		return nil, unexpectedState(pi, "confirm")
	}
	f := r.form
	clone := cloneObj(pi)
	if err := s.applyPIParams(clone, f); err != nil {
		return nil, err
	}
	pmID := idOf(pi["payment_method"])
	if v, ok := f.str("payment_method"); ok {
		pmID = v
	}
	if pmID == "" {
		return nil, invalid("payment_method", "payment_intent_unexpected_state",
			"You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	pm, err := s.resolvePaymentMethod(pmID, "payment_method")
	if err != nil {
		return nil, err
	}
	for k, v := range clone {
		pi[k] = v
	}
	if err := s.confirmPI(r, pi, pm); err != nil {
		return nil, err
	}
	return s.renderObj(pi, r.expand), nil
}

func (s *Server) capturePaymentIntent(r *request) (any, error) {
	pi, err := s.getObj("payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if pi["status"] != "requires_capture" {
		return nil, unexpectedState(pi, "capture")
	}
	f := r.form
	amount := num(pi, "amount_capturable")
	if n, ok := f.int("amount_to_capture"); ok {
		if n < 1 || n > amount {
			return nil, invalid("amount_to_capture", "amount_too_large", "The amount_to_capture (%d) must be at most the amount_capturable (%d).", n, amount)
		}
		amount = n
	}
	setStrings(pi, f, "statement_descriptor", "statement_descriptor_suffix")
	applyMetadata(pi, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	ch, ok := lookupAs[*charge](s.st, idOf(pi["latest_charge"]))
	if !ok {
		return nil, &apiError{status: 500, typ: "api_error", message: "stripetest: the payment intent has no charge to capture"}
	}
	s.captureFunds(ch, amount)
	s.emit(r, "charge.captured", ch, nil)
	pi["status"], pi["amount_received"], pi["amount_capturable"] = "succeeded", amount, int64(0)
	s.emitObj(r, "payment_intent.succeeded", pi, nil)
	return s.renderObj(pi, r.expand), nil
}

func (s *Server) cancelPaymentIntent(r *request) (any, error) {
	pi, err := s.getObj("payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch pi["status"] {
	case "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing":
	default:
		return nil, unexpectedState(pi, "cancel")
	}
	reason := any(nil)
	if v, ok := r.form.str("cancellation_reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "requested_by_customer", "abandoned":
			reason = v
		default:
			return nil, invalid("cancellation_reason", "", "Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer, or abandoned")
		}
	}
	if pi["status"] == "requires_capture" {
		if ch, ok := lookupAs[*charge](s.st, idOf(pi["latest_charge"])); ok {
			ch.AmountRefunded, ch.Refunded = ch.Amount, true // the authorization is released
		}
	}
	pi["status"], pi["canceled_at"], pi["cancellation_reason"], pi["amount_capturable"] = "canceled", s.unix(), reason, int64(0)
	s.emitObj(r, "payment_intent.canceled", pi, nil)
	return s.renderObj(pi, r.expand), nil
}

func (s *Server) updatePaymentIntent(r *request) (any, error) {
	pi, err := s.getObj("payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if pi["status"] == "succeeded" || pi["status"] == "canceled" {
		for k := range f.m {
			if k != "metadata" && k != "description" && k != "receipt_email" && k != "expand" && k != "shipping" {
				return nil, unexpectedState(pi, "update "+k+" on")
			}
		}
	}
	before := s.snapshotObj(pi)
	clone := cloneObj(pi)
	if err := s.applyPIParams(clone, f); err != nil {
		return nil, err
	}
	if n, ok := f.int("amount"); ok {
		clone["amount"] = n
	}
	if v, ok := f.str("currency"); ok {
		clone["currency"] = v
	}
	if v, ok := f.str("payment_method"); ok {
		if v == "" {
			clone["payment_method"] = nil
			clone["status"] = "requires_payment_method"
		} else {
			pm, err := s.resolvePaymentMethod(v, "payment_method")
			if err != nil {
				return nil, err
			}
			clone["payment_method"] = pm.base().ID
			clone["status"] = "requires_confirmation"
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		pi[k] = v
	}
	s.emitUpdatedObj(r, "payment_intent.updated", pi, before)
	return s.renderObj(pi, r.expand), nil
}

func (s *Server) listPaymentIntents(r *request) (any, error) {
	cus, hasCus := r.form.str("customer")
	return s.listObjs(r, "payment_intent", "/v1/payment_intents", func(pi obj) bool {
		return !hasCus || pi["customer"] == cus
	})
}
