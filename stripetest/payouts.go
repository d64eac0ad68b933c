package stripetest

import (
	"net/http"
	"strings"
)

func (s *Server) registerPayouts() {
	s.handle("POST", "/v1/payouts", s.createPayout)
	s.handle("GET", "/v1/payouts", s.listPayouts)
	s.handle("GET", "/v1/payouts/{id}", func(r *request) (any, error) {
		p, err := s.get("payout", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(p, r.expand), nil
	})
	s.handle("POST", "/v1/payouts/{id}", s.updatePayout)
	s.handle("POST", "/v1/payouts/{id}/cancel", s.cancelPayout)
}

// createPayout sends money from the available balance to the bank: the
// amount leaves the balance at once (a payout transaction), and the payout
// stays pending until canceled. One larger than the available balance
// fails with 400 balance_insufficient, as Stripe's does.
func (s *Server) createPayout(r *request) (any, error) {
	f := r.form
	amount, ok := f.int("amount")
	if !ok {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("amount")
	}
	cur, ok := f.str("currency")
	if !ok || cur == "" {
		return nil, missingParam("currency")
	}
	cur = strings.ToLower(cur)
	if amount <= 0 {
		return nil, invalid("amount", "", "Invalid positive integer")
	}
	method := f.strOr("method", "standard")
	if method != "standard" && method != "instant" {
		return nil, invalid("method", "", "Invalid method: must be one of standard or instant")
	}
	sourceType := f.strOr("source_type", "card")
	now := s.unix()
	p := obj{
		"object": "payout", "amount": amount, "application_fee": nil, "application_fee_amount": nil, "arrival_date": now + 2*86400,
		"automatic": false, "balance_transaction": nil, "created": now, "currency": cur, "description": nil,
		"destination": "ba_stripetest", "failure_balance_transaction": nil, "failure_code": nil, "failure_message": nil, "livemode": false,
		"metadata": obj{}, "method": method, "original_payout": nil, "payout_method": nil, "reconciliation_status": "not_applicable",
		"reversed_by": nil, "source_type": sourceType, "statement_descriptor": nil, "status": "pending", "trace_id": nil, "type": "bank_account",
	}
	setStrings(p, f, "description", "statement_descriptor", "destination")
	applyMetadata(p, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	var available int64
	if b := s.st.balance[cur]; b != nil {
		available = b.available
	}
	if amount > available {
		return nil, &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: "balance_insufficient", param: "amount",
			message: "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance)."}
	}
	p["id"] = s.newID("po")
	p["balance_transaction"] = s.addBalanceTransaction(-amount, 0, cur, "payout", "payout", str(p, "id"), "STRIPE PAYOUT")
	s.insert(p)
	s.emit(r, "payout.created", p, nil)
	return s.render(p, r.expand), nil
}

func (s *Server) updatePayout(r *request) (any, error) {
	p, err := s.get("payout", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(p)
	clone := cloneObj(p)
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		p[k] = v
	}
	s.emitUpdated(r, "payout.updated", p, before)
	return s.render(p, r.expand), nil
}

// cancelPayout cancels a pending payout and returns its amount to the
// available balance.
func (s *Server) cancelPayout(r *request) (any, error) {
	p, err := s.get("payout", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if p["status"] != "pending" {
		return nil, invalid("", "", "Payouts can only be canceled while they are pending; %s is %s.", p["id"], p["status"])
	}
	p["status"] = "canceled"
	p["failure_balance_transaction"] = s.addBalanceTransaction(num(p, "amount"), 0, str(p, "currency"), "payout_cancel", "payout_reversal", str(p, "id"), "Canceled payout")
	s.emit(r, "payout.canceled", p, nil)
	return s.render(p, r.expand), nil
}

func (s *Server) listPayouts(r *request) (any, error) {
	f := r.form
	status, hasStatus := f.str("status")
	dest, hasDest := f.str("destination")
	arrival := f.rangeQuery("arrival_date")
	return s.listOf(r, "payout", "/v1/payouts", func(p obj) bool {
		return (!hasStatus || p["status"] == status) && (!hasDest || p["destination"] == dest) && arrival(p["arrival_date"])
	})
}
