package stripetest

func (s *Server) registerRefunds() {
	s.handle("POST", "/v1/refunds", s.createRefund)
	s.handle("GET", "/v1/refunds", s.listRefunds)
	s.handle("GET", "/v1/refunds/{id}", func(r *request) (any, error) {
		re, err := s.getObj("refund", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(re, r.expand), nil
	})
	s.handle("POST", "/v1/refunds/{id}", s.updateRefund)
	s.handle("POST", "/v1/refunds/{id}/cancel", s.cancelRefund)
}

func (s *Server) createRefund(r *request) (any, error) {
	f := r.form
	chID, hasCharge := f.str("charge")
	piID, hasPI := f.str("payment_intent")
	var ch obj
	switch {
	case hasCharge && hasPI:
		return nil, invalid("payment_intent", "", "You cannot specify both charge and payment_intent.")
	case hasCharge:
		c, err := s.getObj("charge", chID)
		if err != nil {
			return nil, invalid("charge", "resource_missing", "No such charge: '%s'", chID)
		}
		ch = c
	case hasPI:
		pi, err := getAs[*paymentIntent](s, "payment_intent", piID)
		if err != nil {
			return nil, invalid("payment_intent", "resource_missing", "No such payment_intent: '%s'", piID)
		}
		c, ok := s.st.lookupObj(deref(pi.LatestCharge))
		if !ok || c["status"] != "succeeded" {
			return nil, invalid("payment_intent", "", "This PaymentIntent (%s) does not have a successful charge to refund.", piID)
		}
		ch = c
	default:
		return nil, missingParam("charge")
	}
	if ch["status"] != "succeeded" {
		return nil, invalid("charge", "", "Charge %s has not succeeded and cannot be refunded.", ch["id"])
	}
	currency := str(ch, "currency")
	remaining := num(ch, "amount") - num(ch, "amount_refunded")
	if remaining <= 0 {
		return nil, invalid("charge", "charge_already_refunded", "Charge %s has already been refunded.", ch["id"])
	}
	amount := remaining
	if n, ok := f.int("amount"); ok {
		if n < 1 {
			return nil, invalid("amount", "", "Invalid positive integer")
		}
		if n > remaining {
			return nil, invalid("amount", "amount_too_large", "Refund amount (%s) is greater than unrefunded amount on charge (%s)", money(n, currency), money(remaining, currency))
		}
		amount = n
	}
	reason := any(nil)
	if v, ok := f.str("reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "requested_by_customer":
			reason = v
		default:
			return nil, invalid("reason", "", "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer")
		}
	}
	re := obj{
		"id": s.newID("re"), "object": "refund", "amount": amount, "balance_transaction": nil, "charge": ch["id"],
		"created": s.unix(), "currency": currency, "destination_details": obj{"card": obj{"reference_status": "pending", "reference_type": "acquirer_reference_number", "type": "refund"}, "type": "card"},
		"metadata": obj{}, "payment_intent": ch["payment_intent"], "reason": reason, "receipt_number": nil,
		"source_transfer_reversal": nil, "status": "succeeded", "transfer_reversal": nil,
	}
	applyMetadata(re, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshotObj(ch)
	s.insertObj(re)
	if ch["captured"] == true {
		re["balance_transaction"] = s.addBalanceTransaction(-amount, 0, currency, "refund", "refund", str(re, "id"), "REFUND FOR CHARGE")
	}
	ch["amount_refunded"] = num(ch, "amount_refunded") + amount
	ch["refunded"] = num(ch, "amount_refunded") >= num(ch, "amount")
	s.emitObj(r, "refund.created", re, nil)
	s.emitObj(r, "charge.refunded", ch, diffTop(before, s.snapshotObj(ch)))
	return s.renderObj(re, r.expand), nil
}

func (s *Server) updateRefund(r *request) (any, error) {
	re, err := s.getObj("refund", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(re)
	clone := cloneObj(re)
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	re["metadata"] = clone["metadata"]
	s.emitUpdatedObj(r, "refund.updated", re, before)
	return s.renderObj(re, r.expand), nil
}

func (s *Server) cancelRefund(r *request) (any, error) {
	re, err := s.getObj("refund", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if re["status"] != "pending" && re["status"] != "requires_action" {
		return nil, invalid("refund", "", "Only refunds with a status of pending or requires_action can be canceled; %s is %s.", re["id"], re["status"])
	}
	before := s.snapshotObj(re)
	re["status"] = "canceled"
	s.emitUpdatedObj(r, "refund.updated", re, before)
	return s.renderObj(re, r.expand), nil
}

func (s *Server) listRefunds(r *request) (any, error) {
	f := r.form
	ch, hasCh := f.str("charge")
	pi, hasPI := f.str("payment_intent")
	return s.listObjs(r, "refund", "/v1/refunds", func(re obj) bool {
		return (!hasCh || re["charge"] == ch) && (!hasPI || re["payment_intent"] == pi)
	})
}
