package stripetest

func (s *Server) registerRefunds() {
	s.handle("POST", "/v1/refunds", s.createRefund)
	s.handle("GET", "/v1/refunds", s.listRefunds)
	s.handle("GET", "/v1/refunds/{id}", func(r *request) (any, error) {
		re, err := getAs[*refund](s, "refund", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(re, r.expand), nil
	})
	s.handle("POST", "/v1/refunds/{id}", s.updateRefund)
	s.handle("POST", "/v1/refunds/{id}/cancel", s.cancelRefund)
}

// refund is a Refund of (part of) a charge.
type refund struct {
	meta
	Amount                 int64                    `json:"amount"`
	BalanceTransaction     *string                  `json:"balance_transaction"`
	Charge                 string                   `json:"charge"`
	Created                int64                    `json:"created"`
	Currency               string                   `json:"currency"`
	DestinationDetails     refundDestinationDetails `json:"destination_details"`
	Metadata               map[string]string        `json:"metadata"`
	PaymentIntent          *string                  `json:"payment_intent"`
	Reason                 *string                  `json:"reason"`
	ReceiptNumber          *string                  `json:"receipt_number"`
	SourceTransferReversal *string                  `json:"source_transfer_reversal"`
	Status                 string                   `json:"status"`
	TransferReversal       *string                  `json:"transfer_reversal"`
}

func (re *refund) createdAt() int64 { return re.Created }

// refundDestinationDetails is where a refund goes: back to the card.
type refundDestinationDetails struct {
	Card refundCardDestination `json:"card"`
	Type string                `json:"type"`
}

// refundCardDestination is a card refund's reference.
type refundCardDestination struct {
	ReferenceStatus string `json:"reference_status"`
	ReferenceType   string `json:"reference_type"`
	Type            string `json:"type"`
}

func (s *Server) createRefund(r *request) (any, error) {
	f := r.form
	chID, hasCharge := f.str("charge")
	piID, hasPI := f.str("payment_intent")
	var ch *charge
	switch {
	case hasCharge && hasPI:
		return nil, invalid("payment_intent", "", "You cannot specify both charge and payment_intent.")
	case hasCharge:
		c, err := getAs[*charge](s, "charge", chID)
		if err != nil {
			return nil, invalid("charge", "resource_missing", "No such charge: '%s'", chID)
		}
		ch = c
	case hasPI:
		pi, err := s.getObj("payment_intent", piID)
		if err != nil {
			return nil, invalid("payment_intent", "resource_missing", "No such payment_intent: '%s'", piID)
		}
		c, ok := lookupAs[*charge](s.st, idOf(pi["latest_charge"]))
		if !ok || c.Status != "succeeded" {
			return nil, invalid("payment_intent", "", "This PaymentIntent (%s) does not have a successful charge to refund.", piID)
		}
		ch = c
	default:
		return nil, missingParam("charge")
	}
	if ch.Status != "succeeded" {
		return nil, invalid("charge", "", "Charge %s has not succeeded and cannot be refunded.", ch.ID)
	}
	currency := ch.Currency
	remaining := ch.Amount - ch.AmountRefunded
	if remaining <= 0 {
		return nil, invalid("charge", "charge_already_refunded", "Charge %s has already been refunded.", ch.ID)
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
	var reason *string
	if v, ok := f.str("reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "requested_by_customer":
			reason = &v
		default:
			return nil, invalid("reason", "", "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer")
		}
	}
	re := &refund{
		meta:   meta{ID: s.newID("re"), Object: "refund"},
		Amount: amount, Charge: ch.ID, Created: s.unix(), Currency: currency,
		DestinationDetails: refundDestinationDetails{
			Card: refundCardDestination{ReferenceStatus: "pending", ReferenceType: "acquirer_reference_number", Type: "refund"},
			Type: "card",
		},
		PaymentIntent: nilIfEmpty(deref(ch.PaymentIntent)), Reason: reason, Status: "succeeded",
	}
	re.Metadata = mergeMetadata(re.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	before := s.snapshot(ch)
	s.insert(re)
	if ch.Captured {
		txn := s.addBalanceTransaction(-amount, 0, currency, "refund", "refund", re.ID, "REFUND FOR CHARGE")
		re.BalanceTransaction = &txn
	}
	ch.AmountRefunded += amount
	ch.Refunded = ch.AmountRefunded >= ch.Amount
	s.emit(r, "refund.created", re, nil)
	s.emit(r, "charge.refunded", ch, diffTop(before, s.snapshot(ch)))
	return s.render(re, r.expand), nil
}

func (s *Server) updateRefund(r *request) (any, error) {
	re, err := getAs[*refund](s, "refund", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(re)
	clone := cloneRecord(re)
	clone.Metadata = mergeMetadata(clone.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	re.Metadata = clone.Metadata
	s.emitUpdated(r, "refund.updated", re, before)
	return s.render(re, r.expand), nil
}

func (s *Server) cancelRefund(r *request) (any, error) {
	re, err := getAs[*refund](s, "refund", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if re.Status != "pending" && re.Status != "requires_action" {
		return nil, invalid("refund", "", "Only refunds with a status of pending or requires_action can be canceled; %s is %s.", re.ID, re.Status)
	}
	before := s.snapshot(re)
	re.Status = "canceled"
	s.emitUpdated(r, "refund.updated", re, before)
	return s.render(re, r.expand), nil
}

func (s *Server) listRefunds(r *request) (any, error) {
	f := r.form
	ch, hasCh := f.str("charge")
	pi, hasPI := f.str("payment_intent")
	return listOf(s, r, "refund", "/v1/refunds", func(re *refund) bool {
		return (!hasCh || re.Charge == ch) && (!hasPI || (re.PaymentIntent != nil && *re.PaymentIntent == pi))
	})
}
