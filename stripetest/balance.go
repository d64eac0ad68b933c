package stripetest

import (
	"net/http"
	"sort"
)

// balanceAmounts is an account's balance in one currency.
type balanceAmounts struct{ available, pending int64 }

func (s *Server) registerBalance() {
	s.handle("GET", "/v1/balance", s.getBalance)
	s.handle("GET", "/v1/balance_transactions", s.listBalanceTransactions)
	s.handle("GET", "/v1/balance_transactions/{id}", func(r *request) (any, error) {
		txn, err := getAs[*balanceTransaction](s, "balance_transaction", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(txn, r.expand), nil
	})
}

func (s *Server) getBalance(r *request) (any, error) {
	currencies := []string{"usd"}
	for c := range s.st.balance {
		if c != "usd" {
			currencies = append(currencies, c)
		}
	}
	sort.Strings(currencies[1:])
	var available, pending []any
	for _, c := range currencies {
		b := s.st.balance[c]
		if b == nil {
			b = &balanceAmounts{}
		}
		available = append(available, obj{"amount": b.available, "currency": c, "source_types": obj{"card": b.available}})
		pending = append(pending, obj{"amount": b.pending, "currency": c, "source_types": obj{"card": b.pending}})
	}
	return obj{
		"object": "balance", "available": available, "pending": pending, "livemode": false,
		"refund_and_dispute_prefunding": obj{"available": []any{obj{"amount": int64(0), "currency": "usd"}}, "pending": []any{obj{"amount": int64(0), "currency": "usd"}}},
	}, nil
}

func (s *Server) listBalanceTransactions(r *request) (any, error) {
	f := r.form
	cur, hasCur := f.str("currency")
	src, hasSrc := f.str("source")
	typ, hasType := f.str("type")
	if p, ok := f.str("payout"); ok {
		return nil, notFound("payout", p, "payout")
	}
	return listOf(s, r, "balance_transaction", "/v1/balance_transactions", func(txn *balanceTransaction) bool {
		return (!hasCur || txn.Currency == cur) && (!hasSrc || txn.Source == src) && (!hasType || txn.Type == typ)
	})
}

// stripeFee is Stripe's standard card fee, 2.9% + 30 minor units.
func stripeFee(amount int64) int64 {
	return (amount*29+500)/1000 + 30
}

// balanceTransaction is a BalanceTransaction: money moving into or out of
// the available balance.
type balanceTransaction struct {
	meta
	Amount            int64        `json:"amount"`
	AvailableOn       int64        `json:"available_on"`
	BalanceType       string       `json:"balance_type"`
	Created           int64        `json:"created"`
	Currency          string       `json:"currency"`
	Description       *string      `json:"description"`
	ExchangeRate      *float64     `json:"exchange_rate"`
	Fee               int64        `json:"fee"`
	FeeDetails        []balanceFee `json:"fee_details"`
	Net               int64        `json:"net"`
	ReportingCategory string       `json:"reporting_category"`
	Source            string       `json:"source"`
	Status            string       `json:"status"`
	Type              string       `json:"type"`
}

func (t *balanceTransaction) createdAt() int64 { return t.Created }

// balanceFee is one fee of a balance transaction.
type balanceFee struct {
	Amount      int64   `json:"amount"`
	Application *string `json:"application"`
	Currency    string  `json:"currency"`
	Description string  `json:"description"`
	Type        string  `json:"type"`
}

// addBalanceTransaction records money moving into (amount > 0) or out of
// the available balance and returns the transaction's ID.
func (s *Server) addBalanceTransaction(amount, fee int64, currency, typ, category, source, description string) string {
	now := s.unix()
	feeDetails := []balanceFee{}
	if fee != 0 {
		feeDetails = append(feeDetails, balanceFee{Amount: fee, Currency: currency, Description: "Stripe processing fees", Type: "stripe_fee"})
	}
	txn := &balanceTransaction{
		meta:   meta{ID: s.newID("txn"), Object: "balance_transaction"},
		Amount: amount, AvailableOn: now, BalanceType: "payments", Created: now, Currency: currency,
		Description: nilIfEmpty(description), Fee: fee, FeeDetails: feeDetails, Net: amount - fee,
		ReportingCategory: category, Source: source, Status: "available", Type: typ,
	}
	s.insert(txn)
	b := s.st.balance[currency]
	if b == nil {
		b = &balanceAmounts{}
		s.st.balance[currency] = b
	}
	b.available += amount - fee
	return txn.ID
}

// drawable checks that the acting account's available balance in cur
// covers amount: a payout or transfer beyond it gets Stripe's 400
// balance_insufficient with message.
func (s *Server) drawable(amount int64, cur, message string) error {
	var available int64
	if b := s.st.balance[cur]; b != nil {
		available = b.available
	}
	if amount > available {
		return &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: "balance_insufficient", param: "amount", message: message}
	}
	return nil
}
