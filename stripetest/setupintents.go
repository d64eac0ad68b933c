package stripetest

import (
	"net/http"
	"strings"
)

// Setup intents (/v1/setup_intents): confirming with a working test card
// (pm_card_visa, or a stored card payment method) succeeds and attaches
// the payment method to the intent's customer; a declining one
// (pm_card_chargeDeclined, ...) fails with 402 card_declined carrying the
// intent, which goes back to requires_payment_method with
// last_setup_error, as on Stripe.

func (s *Server) registerSetupIntents() {
	s.handle("POST", "/v1/setup_intents", s.createSetupIntent)
	s.handle("GET", "/v1/setup_intents", func(r *request) (any, error) {
		cus, _ := r.form.str("customer")
		pm, _ := r.form.str("payment_method")
		return s.listObjs(r, "setup_intent", "/v1/setup_intents", func(si obj) bool {
			return (cus == "" || si["customer"] == cus) && (pm == "" || si["payment_method"] == pm)
		})
	})
	s.handle("GET", "/v1/setup_intents/{id}", func(r *request) (any, error) {
		si, err := s.getObj("setup_intent", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(si, r.expand), nil
	})
	s.handle("POST", "/v1/setup_intents/{id}", s.updateSetupIntent)
	s.handle("POST", "/v1/setup_intents/{id}/confirm", s.confirmSetupIntent)
	s.handle("POST", "/v1/setup_intents/{id}/cancel", s.cancelSetupIntent)
}

func (s *Server) createSetupIntent(r *request) (any, error) {
	f := r.form
	id := s.newID("seti")
	si := obj{
		"id": id, "object": "setup_intent", "application": nil, "automatic_payment_methods": nil, "cancellation_reason": nil,
		"client_secret": id + "_secret_" + randomID(24), "created": s.unix(), "customer": nil, "customer_account": nil,
		"description": nil, "excluded_payment_method_types": nil, "flow_directions": nil, "last_setup_error": nil,
		"latest_attempt": nil, "livemode": false, "mandate": nil, "metadata": obj{}, "next_action": nil, "on_behalf_of": nil,
		"payment_method": nil, "payment_method_configuration_details": nil,
		"payment_method_options": obj{"card": obj{"mandate_options": nil, "network": nil, "request_three_d_secure": "automatic"}},
		"payment_method_types":   []any{"card"}, "single_use_mandate": nil, "status": "requires_payment_method",
		"usage": f.strOr("usage", "off_session"),
	}
	if f.has("payment_method_types") {
		si["payment_method_types"] = deepCopy(f.strings("payment_method_types"))
	}
	if err := s.applySetupIntentParams(si, f); err != nil {
		return nil, err
	}
	confirm, _ := f.bool("confirm")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(si)
	s.emitObj(r, "setup_intent.created", si, nil)
	if confirm {
		return s.runSetup(r, si)
	}
	return s.renderObj(si, r.expand), nil
}

// applySetupIntentParams sets the fields create and update share.
func (s *Server) applySetupIntentParams(si obj, f *form) error {
	if v, ok := f.str("customer"); ok {
		if v == "" {
			si["customer"] = nil
		} else {
			if _, err := s.customer(v); err != nil {
				return invalid("customer", "resource_missing", "No such customer: '%s'", v)
			}
			si["customer"] = v
		}
	}
	if v, ok := f.str("payment_method"); ok {
		pm, err := s.resolvePaymentMethod(v, "payment_method")
		if err != nil {
			return err
		}
		si["payment_method"] = pm["id"]
		si["status"] = "requires_confirmation"
	}
	setStrings(si, f, "description")
	applyMetadata(si, f)
	return f.failed()
}

func (s *Server) updateSetupIntent(r *request) (any, error) {
	si, err := s.getObj("setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch si["status"] {
	case "requires_payment_method", "requires_confirmation", "requires_action":
	default:
		return nil, invalid("", "setup_intent_unexpected_state",
			"You cannot update this SetupIntent because it has a status of %s.", si["status"])
	}
	clone := cloneObj(si)
	if err := s.applySetupIntentParams(clone, r.form); err != nil {
		return nil, err
	}
	for k, v := range clone {
		si[k] = v
	}
	return s.renderObj(si, r.expand), nil
}

func (s *Server) confirmSetupIntent(r *request) (any, error) {
	si, err := s.getObj("setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch si["status"] {
	case "requires_payment_method", "requires_confirmation", "requires_action":
	default:
		return nil, invalid("", "setup_intent_unexpected_state",
			"You cannot confirm this SetupIntent because it has a status of %s.", si["status"])
	}
	if v, ok := r.form.str("payment_method"); ok {
		pm, err := s.resolvePaymentMethod(v, "payment_method")
		if err != nil {
			return nil, err
		}
		si["payment_method"] = pm["id"]
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	return s.runSetup(r, si)
}

// runSetup confirms si with its payment method.
func (s *Server) runSetup(r *request, si obj) (any, error) {
	pmID := idOf(si["payment_method"])
	if pmID == "" {
		return nil, invalid("payment_method", "setup_intent_unexpected_state",
			"You cannot confirm this SetupIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	pm, err := s.resolvePaymentMethod(pmID, "payment_method")
	if err != nil {
		return nil, err
	}
	if ae := attachDecline(testCards[str(pm, "_card")], ""); ae != nil {
		si["status"] = "requires_payment_method"
		si["payment_method"] = nil
		si["last_setup_error"] = obj{
			"type": ae.typ, "code": ae.code, "decline_code": ae.declineCode, "message": ae.message,
			"doc_url":        "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(ae.code, "_", "-"),
			"payment_method": s.renderObj(pm, nil), "payment_method_type": "card",
		}
		s.emitObj(r, "setup_intent.setup_failed", si, nil)
		ae.setupIntent = s.renderObj(si, nil)
		ae.paymentMethod = s.renderObj(pm, nil)
		ae.status = http.StatusPaymentRequired
		ae.saved = true
		return nil, ae
	}
	si["payment_method"] = pm["id"]
	si["status"] = "succeeded"
	si["last_setup_error"] = nil
	if cus := str(si, "customer"); cus != "" && pm["object"] == "payment_method" && pm["customer"] == nil {
		pm["customer"] = cus
		s.emitObj(r, "payment_method.attached", pm, nil)
	}
	s.emitObj(r, "setup_intent.succeeded", si, nil)
	return s.renderObj(si, r.expand), nil
}

func (s *Server) cancelSetupIntent(r *request) (any, error) {
	si, err := s.getObj("setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch si["status"] {
	case "requires_payment_method", "requires_confirmation", "requires_action":
	default:
		return nil, invalid("", "setup_intent_unexpected_state",
			"You cannot cancel this SetupIntent because it has a status of %s.", si["status"])
	}
	reason, _ := r.form.str("cancellation_reason")
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	si["status"] = "canceled"
	if reason != "" {
		si["cancellation_reason"] = reason
	}
	s.emitObj(r, "setup_intent.canceled", si, nil)
	return s.renderObj(si, r.expand), nil
}
