package stripetest

import "sort"

type balanceAmounts struct{ available, pending int64 }

func (s *Server) registerBalance() {
	s.handle("GET", "/v1/balance", s.getBalance)
	s.handle("GET", "/v1/balance_transactions", s.listBalanceTransactions)
	s.handle("GET", "/v1/balance_transactions/{id}", func(r *request) (any, error) {
		txn, err := s.getObj("balance_transaction", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(txn, r.expand), nil
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
	return s.listObjs(r, "balance_transaction", "/v1/balance_transactions", func(o obj) bool {
		return (!hasCur || o["currency"] == cur) && (!hasSrc || o["source"] == src) && (!hasType || o["type"] == typ)
	})
}

// stripeFee is Stripe's standard card fee, 2.9% + 30 minor units.
func stripeFee(amount int64) int64 {
	return (amount*29+500)/1000 + 30
}

// addBalanceTransaction records money moving into (amount > 0) or out of
// the available balance and returns the transaction's ID.
func (s *Server) addBalanceTransaction(amount, fee int64, currency, typ, category, source, description string) string {
	now := s.unix()
	var feeDetails []any
	if fee != 0 {
		feeDetails = []any{obj{"amount": fee, "application": nil, "currency": currency, "description": "Stripe processing fees", "type": "stripe_fee"}}
	}
	var desc any
	if description != "" {
		desc = description
	}
	txn := s.insertObj(obj{
		"id": s.newID("txn"), "object": "balance_transaction", "amount": amount, "available_on": now, "balance_type": "payments",
		"created": now, "currency": currency, "description": desc, "exchange_rate": nil, "fee": fee, "fee_details": listOrEmpty(feeDetails),
		"net": amount - fee, "reporting_category": category, "source": source, "status": "available", "type": typ,
	})
	b := s.st.balance[currency]
	if b == nil {
		b = &balanceAmounts{}
		s.st.balance[currency] = b
	}
	b.available += amount - fee
	return str(txn, "id")
}

func listOrEmpty(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}
