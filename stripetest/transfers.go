package stripetest

import (
	"net/http"
	"strings"
)

// Transfers move money from the platform's available balance to a
// connected account's (srv.CreateAccount): the destination gets a
// balance transaction for the payment (py_...) on its own store. One larger than
// the available balance gets 400 balance_insufficient.

func (s *Server) registerTransfers() {
	s.handle("POST", "/v1/transfers", s.createTransfer)
	s.handle("GET", "/v1/transfers", func(r *request) (any, error) {
		f := r.form
		dest, hasDest := f.str("destination")
		group, hasGroup := f.str("transfer_group")
		return s.listObjs(r, "transfer", "/v1/transfers", func(t obj) bool {
			return (!hasDest || t["destination"] == dest) && (!hasGroup || t["transfer_group"] == group)
		})
	})
	s.handle("GET", "/v1/transfers/{id}", func(r *request) (any, error) {
		t, err := s.getObj("transfer", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(t, r.expand), nil
	})
	s.handle("POST", "/v1/transfers/{id}", s.updateTransfer)
}

func (s *Server) createTransfer(r *request) (any, error) {
	f := r.form
	if s.st.account != "" {
		return nil, invalid("", "", "Transfers are made by the platform; send this request without Stripe-Account.")
	}
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
	destID, ok := f.str("destination")
	if !ok || destID == "" {
		return nil, missingParam("destination")
	}
	if amount <= 0 {
		return nil, invalid("amount", "", "Invalid positive integer")
	}
	dest, ok := s.accounts[destID]
	if !ok {
		return nil, invalid("destination", "resource_missing", "No such destination: '%s'", destID)
	}
	if v, ok := f.str("source_transaction"); ok && v != "" {
		if _, err := getAs[*charge](s, "charge", v); err != nil {
			return nil, invalid("source_transaction", "resource_missing", "No such charge: '%s'", v)
		}
	}
	t := obj{
		"object": "transfer", "amount": amount, "amount_reversed": int64(0), "balance_transaction": nil, "created": s.unix(),
		"currency": cur, "description": nil, "destination": destID, "destination_payment": nil, "livemode": false, "metadata": obj{},
		"reversals": nil, "reversed": false, "source_transaction": nil, "source_type": f.strOr("source_type", "card"), "transfer_group": nil,
	}
	setStrings(t, f, "description", "source_transaction", "transfer_group")
	applyMetadata(t, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	var available int64
	if b := s.st.balance[cur]; b != nil {
		available = b.available
	}
	if amount > available {
		return nil, &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: "balance_insufficient", param: "amount",
			message: "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card."}
	}
	id := s.newID("tr")
	t["id"] = id
	t["reversals"] = listObject("/v1/transfers/"+id+"/reversals", nil)
	t["balance_transaction"] = s.addBalanceTransaction(-amount, 0, cur, "transfer", "transfer", id, "")
	s.insertObj(t)

	// The destination's side, on its own store: its balance transaction
	// (the payment itself, py_..., is not modelled as an object).
	platform := s.st
	s.st = dest
	py := s.newID("py")
	s.addBalanceTransaction(amount, 0, cur, "payment", "charge", py, "")
	s.st = platform
	t["destination_payment"] = py
	s.emitObj(r, "transfer.created", t, nil)
	return s.renderObj(t, r.expand), nil
}

func (s *Server) updateTransfer(r *request) (any, error) {
	t, err := s.getObj("transfer", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(t)
	clone := cloneObj(t)
	setStrings(clone, r.form, "description")
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	t["description"], t["metadata"] = clone["description"], clone["metadata"]
	s.emitUpdatedObj(r, "transfer.updated", t, before)
	return s.renderObj(t, r.expand), nil
}
