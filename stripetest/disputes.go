package stripetest

import (
	"fmt"
	"sort"
)

// disputeFee is what Stripe takes for a dispute, in minor units.
const disputeFee = 1500

// disputeEvidenceFields are a dispute's evidence fields; file fields hold
// file IDs.
var disputeEvidenceFields = []string{
	"access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal",
	"customer_communication", "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
	"duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id", "product_description", "receipt",
	"refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date", "service_documentation",
	"shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
	"uncategorized_file", "uncategorized_text",
}

func (s *Server) registerDisputes() {
	s.handle("GET", "/v1/disputes", s.listDisputes)
	s.handle("GET", "/v1/disputes/{id}", func(r *request) (any, error) {
		d, err := s.getObj("dispute", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(d, r.expand), nil
	})
	s.handle("POST", "/v1/disputes/{id}", s.updateDispute)
	s.handle("POST", "/v1/disputes/{id}/close", s.closeDispute)
}

// OpenDispute opens a dispute (a chargeback) on a succeeded charge of the
// platform account, as a cardholder's bank would: the charge is marked
// disputed, its amount plus Stripe's 15.00 dispute fee leave the available
// balance, and charge.dispute.created is sent. reason is one of Stripe's
// dispute reasons ("fraudulent" when empty). It returns the dispute's ID
// (du_...), which Disputes.Update (evidence, submit) and Disputes.Close
// then move through its statuses.
func (s *Server) OpenDispute(chargeID, reason string) (string, error) {
	id, err := s.openDispute(chargeID, reason)
	if err == nil {
		s.autoSave() // as after a request that changed state
	}
	return id, err
}

func (s *Server) openDispute(chargeID, reason string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.st.lookupObj(chargeID)
	if !ok || ch["object"] != "charge" {
		return "", fmt.Errorf("stripetest: no such charge %q", chargeID)
	}
	if ch["status"] != "succeeded" || ch["captured"] != true {
		return "", fmt.Errorf("stripetest: charge %s is not a captured, succeeded charge", chargeID)
	}
	if ch["disputed"] == true {
		return "", fmt.Errorf("stripetest: charge %s is already disputed", chargeID)
	}
	if reason == "" {
		reason = "fraudulent"
	}
	now := s.unix()
	amount := num(ch, "amount") - num(ch, "amount_refunded")
	currency := str(ch, "currency")
	evidence := obj{"enhanced_evidence": obj{}}
	for _, k := range disputeEvidenceFields {
		evidence[k] = nil
	}
	brand := "visa"
	if card := objAt(objAt(ch, "payment_method_details"), "card"); card != nil && str(card, "brand") != "" {
		brand = str(card, "brand")
	}
	id := s.newID("du")
	d := obj{
		"id": id, "object": "dispute", "amount": amount, "balance_transactions": []any{}, "charge": chargeID, "created": now,
		"currency": currency, "enhanced_eligibility_types": []any{}, "evidence": evidence,
		"evidence_details":     obj{"due_by": now + 7*86400, "enhanced_eligibility": obj{}, "has_evidence": false, "past_due": false, "submission_count": int64(0)},
		"is_charge_refundable": false, "livemode": false, "metadata": obj{}, "payment_intent": ch["payment_intent"],
		"payment_method_details": obj{"card": obj{"brand": brand, "case_type": "chargeback", "network": brand, "network_reason_code": "10.4"}, "type": "card"},
		"reason":                 reason, "status": "needs_response",
	}
	txn := s.addBalanceTransaction(-amount, disputeFee, currency, "adjustment", "dispute", id, "Chargeback withdrawal for "+chargeID)
	if t, ok := s.st.lookupObj(txn); ok {
		d["balance_transactions"] = []any{deepCopy(t)}
	}
	s.insertObj(d)
	ch["disputed"] = true
	s.emitObj(nil, "charge.dispute.created", d, nil)
	s.emitObj(nil, "charge.dispute.funds_withdrawn", d, nil)
	return id, nil
}

// disputeOpen reports whether a dispute still takes evidence.
func disputeOpen(d obj) bool {
	switch d["status"] {
	case "needs_response", "warning_needs_response":
		return true
	}
	return false
}

func (s *Server) updateDispute(r *request) (any, error) {
	d, err := s.getObj("dispute", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if (f.has("evidence") || f.has("submit")) && !disputeOpen(d) {
		return nil, invalid("", "", "This dispute is %s and can no longer take evidence.", d["status"])
	}
	before := s.snapshotObj(d)
	clone := cloneObj(d)
	if f.has("evidence") {
		ev := f.sub("evidence")
		keys := make([]string, 0, len(ev.m))
		for k := range ev.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		evidence := objAt(clone, "evidence")
		for _, k := range keys {
			if k == "enhanced_evidence" {
				evidence[k] = deepCopy(ev.m[k])
				continue
			}
			setStrings(evidence, ev, k)
		}
		has := false
		for _, k := range disputeEvidenceFields {
			if evidence[k] != nil {
				has = true
			}
		}
		objAt(clone, "evidence_details")["has_evidence"] = has
	}
	applyMetadata(clone, f)
	submit, _ := f.bool("submit")
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		d[k] = v
	}
	if submit {
		details := objAt(d, "evidence_details")
		details["submission_count"] = num(details, "submission_count") + 1
		if d["status"] == "warning_needs_response" {
			d["status"] = "warning_under_review"
		} else {
			d["status"] = "under_review"
		}
	}
	s.emitUpdatedObj(r, "charge.dispute.updated", d, before)
	return s.renderObj(d, r.expand), nil
}

// closeDispute accepts the dispute: it is lost, and the withdrawn funds
// stay withdrawn.
func (s *Server) closeDispute(r *request) (any, error) {
	d, err := s.getObj("dispute", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if !disputeOpen(d) {
		return nil, invalid("", "", "This dispute is %s and can no longer be closed.", d["status"])
	}
	if d["status"] == "warning_needs_response" {
		d["status"] = "warning_closed"
	} else {
		d["status"] = "lost"
	}
	s.emitObj(r, "charge.dispute.closed", d, nil)
	return s.renderObj(d, r.expand), nil
}

func (s *Server) listDisputes(r *request) (any, error) {
	f := r.form
	ch, hasCh := f.str("charge")
	pi, hasPI := f.str("payment_intent")
	return s.listObjs(r, "dispute", "/v1/disputes", func(d obj) bool {
		return (!hasCh || d["charge"] == ch) && (!hasPI || d["payment_intent"] == pi)
	})
}
