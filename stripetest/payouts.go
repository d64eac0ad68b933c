package stripetest

import (
	"net/http"
	"strings"
)

func (s *Server) registerPayouts() {
	s.handle("POST", "/v1/payouts", s.createPayout)
	s.handle("GET", "/v1/payouts", s.listPayouts)
	s.handle("GET", "/v1/payouts/{id}", func(r *request) (any, error) {
		p, err := s.getPayout(r)
		if err != nil {
			return nil, err
		}
		return s.renderObj(p, r.expand), nil
	})
	s.handle("POST", "/v1/payouts/{id}", s.updatePayout)
	s.handle("POST", "/v1/payouts/{id}/cancel", s.cancelPayout)
	s.handle("POST", "/v1/payouts/{id}/reverse", s.reversePayout)
}

// settlePayouts marks the pending payouts whose arrival_date has come
// (on the server's clock, see WithClock) paid.
func (s *Server) settlePayouts(r *request) {
	now := s.unix()
	for _, p := range s.st.allObj("payout") {
		if p["status"] == "pending" && num(p, "arrival_date") <= now {
			p["status"] = "paid"
			s.emitObj(r, "payout.paid", p, nil)
		}
	}
}

// getPayout finds the payout {id}, its status brought up to date.
func (s *Server) getPayout(r *request) (obj, error) {
	s.settlePayouts(r)
	return s.getObj("payout", r.pathVal("id"))
}

// reversePayout reverses a paid payout: a new payout (original_payout)
// brings the amount back to the available balance.
func (s *Server) reversePayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	if p["status"] != "paid" || p["reversed_by"] != nil || p["original_payout"] != nil {
		return nil, invalid("", "", "Only a paid payout that is not a reversal and not reversed yet can be reversed; %s is %s.", p["id"], p["status"])
	}
	rev := cloneObj(p)
	now := s.unix()
	rev["id"] = s.newID("po")
	rev["created"], rev["arrival_date"], rev["status"] = now, now, "paid"
	rev["original_payout"], rev["reversed_by"], rev["metadata"] = p["id"], nil, obj{}
	applyMetadata(rev, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	rev["balance_transaction"] = s.addBalanceTransaction(num(p, "amount"), 0, str(p, "currency"), "payout", "payout_reversal", str(rev, "id"), "Payout reversal")
	s.insertObj(rev)
	p["reversed_by"] = rev["id"]
	s.emitObj(r, "payout.created", rev, nil)
	return s.renderObj(rev, r.expand), nil
}

// createPayout sends money from the available balance to the bank: the
// amount leaves the balance at once (a payout transaction), and the payout
// stays pending until its arrival_date (two days on), when it is paid. One larger than the available balance
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
	s.insertObj(p)
	s.emitObj(r, "payout.created", p, nil)
	return s.renderObj(p, r.expand), nil
}

func (s *Server) updatePayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(p)
	clone := cloneObj(p)
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		p[k] = v
	}
	s.emitUpdatedObj(r, "payout.updated", p, before)
	return s.renderObj(p, r.expand), nil
}

// cancelPayout cancels a pending payout and returns its amount to the
// available balance.
func (s *Server) cancelPayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	if p["status"] != "pending" {
		return nil, invalid("", "", "Payouts can only be canceled while they are pending; %s is %s.", p["id"], p["status"])
	}
	p["status"] = "canceled"
	p["failure_balance_transaction"] = s.addBalanceTransaction(num(p, "amount"), 0, str(p, "currency"), "payout_cancel", "payout_reversal", str(p, "id"), "Canceled payout")
	s.emitObj(r, "payout.canceled", p, nil)
	return s.renderObj(p, r.expand), nil
}

func (s *Server) listPayouts(r *request) (any, error) {
	f := r.form
	status, hasStatus := f.str("status")
	dest, hasDest := f.str("destination")
	arrival := f.rangeQuery("arrival_date")
	s.settlePayouts(r)
	return s.listObjs(r, "payout", "/v1/payouts", func(p obj) bool {
		return (!hasStatus || p["status"] == status) && (!hasDest || p["destination"] == dest) && arrival(p["arrival_date"])
	})
}
