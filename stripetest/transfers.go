package stripetest

import (
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
		return listOf(s, r, "transfer", "/v1/transfers", func(t *transfer) bool {
			return (!hasDest || t.Destination != nil && *t.Destination == dest) && (!hasGroup || t.TransferGroup != nil && *t.TransferGroup == group)
		})
	})
	s.handle("GET", "/v1/transfers/{id}", func(r *request) (any, error) {
		t, err := getAs[*transfer](s, "transfer", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(t, r.expand), nil
	})
	s.handle("POST", "/v1/transfers/{id}", s.updateTransfer)
}

// transfer is a Transfer to a connected account. Its reversals are not
// modelled: the embedded reversals list is always empty (see complete).
type transfer struct {
	meta
	Amount             int64             `json:"amount"`
	AmountReversed     int64             `json:"amount_reversed"`
	BalanceTransaction *string           `json:"balance_transaction"`
	Created            int64             `json:"created"`
	Currency           string            `json:"currency"`
	Description        *string           `json:"description"`
	Destination        *string           `json:"destination"`
	DestinationPayment *string           `json:"destination_payment"`
	Livemode           bool              `json:"livemode"`
	Metadata           map[string]string `json:"metadata"`
	Reversed           bool              `json:"reversed"`
	SourceTransaction  *string           `json:"source_transaction"`
	SourceType         string            `json:"source_type"`
	TransferGroup      *string           `json:"transfer_group"`
}

func (t *transfer) createdAt() int64 { return t.Created }

// complete adds the reversals list, which has no stored items.
func (t *transfer) complete(_ *Server, tree obj) {
	tree["reversals"] = listObject("/v1/transfers/"+t.ID+"/reversals", nil)
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
	t := &transfer{
		meta: meta{Object: "transfer"}, Amount: amount, Created: s.unix(), Currency: cur, Destination: &destID,
		SourceType: f.strOr("source_type", "card"),
	}
	setNullable(&t.Description, f, "description")
	setNullable(&t.SourceTransaction, f, "source_transaction")
	setNullable(&t.TransferGroup, f, "transfer_group")
	t.Metadata = mergeMetadata(nil, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	if err := s.drawable(amount, cur, "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card."); err != nil {
		return nil, err
	}
	t.ID = s.newID("tr")
	t.BalanceTransaction = ptr(s.addBalanceTransaction(-amount, 0, cur, "transfer", "transfer", t.ID, ""))
	s.insert(t)

	// The destination's side, on its own store: its balance transaction
	// (the payment itself, py_..., is not modelled as an object).
	platform := s.st
	s.st = dest
	py := s.newID("py")
	s.addBalanceTransaction(amount, 0, cur, "payment", "charge", py, "")
	s.st = platform
	t.DestinationPayment = &py
	s.emit(r, "transfer.created", t, nil)
	return s.render(t, r.expand), nil
}

func (s *Server) updateTransfer(r *request) (any, error) {
	t, err := getAs[*transfer](s, "transfer", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(t)
	clone := cloneRecord(t)
	setNullable(&clone.Description, r.form, "description")
	clone.Metadata = mergeMetadata(clone.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*t = *clone
	s.emitUpdated(r, "transfer.updated", t, before)
	return s.render(t, r.expand), nil
}
