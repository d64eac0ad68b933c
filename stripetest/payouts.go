package stripetest

import (
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
		return s.render(p, r.expand), nil
	})
	s.handle("POST", "/v1/payouts/{id}", s.updatePayout)
	s.handle("POST", "/v1/payouts/{id}/cancel", s.cancelPayout)
	s.handle("POST", "/v1/payouts/{id}/reverse", s.reversePayout)
}

// payout is a Payout: money sent from the available balance to a bank
// account.
type payout struct {
	meta
	Amount                    int64             `json:"amount"`
	ApplicationFee            *string           `json:"application_fee"`
	ApplicationFeeAmount      *int64            `json:"application_fee_amount"`
	ArrivalDate               int64             `json:"arrival_date"`
	Automatic                 bool              `json:"automatic"`
	BalanceTransaction        *string           `json:"balance_transaction"`
	Created                   int64             `json:"created"`
	Currency                  string            `json:"currency"`
	Description               *string           `json:"description"`
	Destination               *string           `json:"destination"`
	FailureBalanceTransaction *string           `json:"failure_balance_transaction"`
	FailureCode               *string           `json:"failure_code"`
	FailureMessage            *string           `json:"failure_message"`
	Livemode                  bool              `json:"livemode"`
	Metadata                  map[string]string `json:"metadata"`
	Method                    string            `json:"method"`
	OriginalPayout            *string           `json:"original_payout"`
	PayoutMethod              *string           `json:"payout_method"`
	ReconciliationStatus      string            `json:"reconciliation_status"`
	ReversedBy                *string           `json:"reversed_by"`
	SourceType                string            `json:"source_type"`
	StatementDescriptor       *string           `json:"statement_descriptor"`
	Status                    string            `json:"status"`
	TraceID                   *nullObject       `json:"trace_id"` // never filled
	Type                      string            `json:"type"`
}

func (p *payout) createdAt() int64 { return p.Created }

// settlePayouts marks the pending payouts whose arrival_date has come
// (on the server's clock, see WithClock) paid.
func (s *Server) settlePayouts(r *request) {
	now := s.unix()
	for _, p := range allOf[*payout](s.st, "payout") {
		if p.Status == "pending" && p.ArrivalDate <= now {
			p.Status = "paid"
			s.emit(r, "payout.paid", p, nil)
		}
	}
	s.keepInserted() // the payouts stay paid, with their events, whatever the request's answer
}

// getPayout finds the payout {id}, its status brought up to date.
func (s *Server) getPayout(r *request) (*payout, error) {
	s.settlePayouts(r)
	return getAs[*payout](s, "payout", r.pathVal("id"))
}

// reversePayout reverses a paid payout: a new payout (original_payout)
// brings the amount back to the available balance.
func (s *Server) reversePayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	if p.Status != "paid" || p.ReversedBy != nil || p.OriginalPayout != nil {
		return nil, invalid("", "", "Only a paid payout that is not a reversal and not reversed yet can be reversed; %s is %s.", p.ID, p.Status)
	}
	rev := cloneRecord(p)
	now := s.unix()
	rev.meta = meta{ID: s.newID("po"), Object: "payout"}
	rev.Created, rev.ArrivalDate, rev.Status = now, now, "paid"
	rev.OriginalPayout, rev.ReversedBy = ptr(p.ID), nil
	rev.Metadata = mergeMetadata(nil, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	rev.BalanceTransaction = ptr(s.addBalanceTransaction(p.Amount, 0, p.Currency, "payout", "payout_reversal", rev.ID, "Payout reversal"))
	s.insert(rev)
	p.ReversedBy = ptr(rev.ID)
	s.emit(r, "payout.created", rev, nil)
	return s.render(rev, r.expand), nil
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
	p := &payout{
		meta: meta{Object: "payout"}, Amount: amount, ArrivalDate: now + 2*86400, Created: now, Currency: cur,
		Destination: ptr("ba_stripetest"), Method: method, ReconciliationStatus: "not_applicable", SourceType: sourceType,
		Status: "pending", Type: "bank_account",
	}
	setNullable(&p.Description, f, "description")
	setNullable(&p.StatementDescriptor, f, "statement_descriptor")
	setNullable(&p.Destination, f, "destination")
	p.Metadata = mergeMetadata(nil, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	if err := s.drawable(amount, cur, "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance)."); err != nil {
		return nil, err
	}
	p.ID = s.newID("po")
	p.BalanceTransaction = ptr(s.addBalanceTransaction(-amount, 0, cur, "payout", "payout", p.ID, "STRIPE PAYOUT"))
	s.insert(p)
	s.emit(r, "payout.created", p, nil)
	return s.render(p, r.expand), nil
}

func (s *Server) updatePayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	before := s.snapshot(p)
	clone := cloneRecord(p)
	clone.Metadata = mergeMetadata(clone.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*p = *clone
	s.emitUpdated(r, "payout.updated", p, before)
	return s.render(p, r.expand), nil
}

// cancelPayout cancels a pending payout and returns its amount to the
// available balance.
func (s *Server) cancelPayout(r *request) (any, error) {
	p, err := s.getPayout(r)
	if err != nil {
		return nil, err
	}
	if p.Status != "pending" {
		return nil, invalid("", "", "Payouts can only be canceled while they are pending; %s is %s.", p.ID, p.Status)
	}
	p.Status = "canceled"
	p.FailureBalanceTransaction = ptr(s.addBalanceTransaction(p.Amount, 0, p.Currency, "payout_cancel", "payout_reversal", p.ID, "Canceled payout"))
	s.emit(r, "payout.canceled", p, nil)
	return s.render(p, r.expand), nil
}

func (s *Server) listPayouts(r *request) (any, error) {
	f := r.form
	status, hasStatus := f.str("status")
	dest, hasDest := f.str("destination")
	arrival := f.rangeQuery("arrival_date")
	s.settlePayouts(r)
	return listOf(s, r, "payout", "/v1/payouts", func(p *payout) bool {
		return (!hasStatus || p.Status == status) && (!hasDest || p.Destination != nil && *p.Destination == dest) && arrival(p.ArrivalDate)
	})
}
