package stripetest

import (
	"fmt"
	"net/http"
	"strings"
)

func (s *Server) registerCharges() {
	s.handle("POST", "/v1/charges", s.createCharge)
	s.handle("GET", "/v1/charges", s.listCharges)
	s.handle("GET", "/v1/charges/{id}", func(r *request) (any, error) {
		ch, err := s.getObj("charge", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(ch, r.expand), nil
	})
	s.handle("POST", "/v1/charges/{id}", s.updateCharge)
	s.handle("POST", "/v1/charges/{id}/capture", s.captureCharge)
}

// chargeSpec is what a new charge needs, from POST /v1/charges, a payment
// intent's confirmation or an invoice's payment.
type chargeSpec struct {
	amount        int64
	currency      string
	customer      string
	pm            paymentSource
	capture       bool
	paymentIntent string
	description   string
	form          *form // optional: metadata, receipt_email, statement descriptors, shipping
}

// amountParams checks the amount and currency params.
func amountParams(f *form) (int64, string, error) {
	amount, ok := f.int("amount")
	if !ok {
		if err := f.failed(); err != nil {
			return 0, "", err
		}
		return 0, "", missingParam("amount")
	}
	currency, ok := f.str("currency")
	if !ok || currency == "" {
		return 0, "", missingParam("currency")
	}
	if amount < 50 {
		return 0, "", invalid("amount", "amount_too_small", "Amount must be at least 50 %s minor units", strings.ToLower(currency))
	}
	if amount > 99999999 {
		return 0, "", invalid("amount", "amount_too_large", "Amount must be no more than 99999999")
	}
	return amount, strings.ToLower(currency), nil
}

// charge creates and stores a charge. A declining card gives a failed
// charge and a 402 card_error naming it.
func (s *Server) charge(r *request, sp chargeSpec) (obj, error) {
	tc := testCards[sp.pm.testCard()]
	var cus, pi, desc any
	if sp.customer != "" {
		cus = sp.customer
	}
	if sp.paymentIntent != "" {
		pi = sp.paymentIntent
	}
	if sp.description != "" {
		desc = sp.description
	}
	id := s.newID("ch")
	ch := obj{
		"id": id, "object": "charge", "amount": sp.amount, "amount_captured": int64(0), "amount_refunded": int64(0),
		"application": nil, "application_fee": nil, "application_fee_amount": nil, "balance_transaction": nil,
		"billing_details": obj{"address": obj{"city": nil, "country": nil, "line1": nil, "line2": nil, "postal_code": nil, "state": nil},
			"email": nil, "name": nil, "phone": nil, "tax_id": nil},
		"calculated_statement_descriptor": "STRIPETEST", "captured": false, "created": s.unix(), "currency": sp.currency,
		"customer": cus, "description": desc, "disputed": false, "failure_balance_transaction": nil, "failure_code": nil,
		"failure_message": nil, "fraud_details": obj{}, "livemode": false, "metadata": obj{}, "on_behalf_of": nil,
		"paid": false, "payment_intent": pi, "payment_method": sp.pm.base().ID,
		"payment_method_details": obj{"card": cardDetails(sp.pm), "type": "card"}, "radar_options": obj{},
		"receipt_email": nil, "receipt_number": nil, "receipt_url": "https://pay.stripe.com/receipts/stripetest/" + id,
		"refunded": false, "review": nil, "shipping": nil, "source_transfer": nil, "statement_descriptor": nil,
		"statement_descriptor_suffix": nil, "status": "succeeded", "transfer_data": nil, "transfer_group": nil,
	}
	if f := sp.form; f != nil {
		setStrings(ch, f, "receipt_email", "statement_descriptor", "statement_descriptor_suffix", "transfer_group")
		applyMetadata(ch, f)
		if f.has("shipping") {
			ch["shipping"] = shippingFrom(f.sub("shipping"))
		}
		if err := f.failed(); err != nil {
			return nil, err
		}
	}
	if tc.code != "" {
		ch["status"] = "failed"
		ch["failure_code"], ch["failure_message"] = tc.code, tc.message
		ch["outcome"] = obj{"advice_code": nil, "network_advice_code": nil, "network_decline_code": nil, "network_status": "declined_by_network",
			"reason": tc.decline, "risk_level": "normal", "risk_score": int64(20), "seller_message": "The bank did not return any further details with this decline.",
			"type": "issuer_declined"}
		s.insertObj(ch)
		s.emitObj(r, "charge.failed", ch, nil)
		return ch, &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: tc.code, declineCode: tc.decline,
			message: tc.message, charge: id, param: "", saved: true}
	}
	ch["paid"] = true
	ch["outcome"] = obj{"advice_code": nil, "network_advice_code": nil, "network_decline_code": nil, "network_status": "approved_by_network",
		"reason": nil, "risk_level": "normal", "risk_score": int64(20), "seller_message": "Payment complete.", "type": "authorized"}
	s.insertObj(ch)
	if sp.capture {
		s.captureFunds(ch, sp.amount)
	}
	s.emitObj(r, "charge.succeeded", ch, nil)
	return ch, nil
}

// captureFunds captures amount of an authorized charge and books it.
func (s *Server) captureFunds(ch obj, amount int64) {
	ch["captured"] = true
	ch["amount_captured"] = amount
	if rest := num(ch, "amount") - amount; rest > 0 {
		ch["amount_refunded"] = num(ch, "amount_refunded") + rest // the uncaptured rest is released
	}
	ch["balance_transaction"] = s.addBalanceTransaction(amount, stripeFee(amount), str(ch, "currency"), "charge", "charge", str(ch, "id"), strOrEmpty(ch["description"]))
}

func strOrEmpty(v any) string {
	s, _ := v.(string)
	return s
}

func shippingFrom(f *form) any {
	if len(f.m) == 0 {
		return nil
	}
	sh := obj{"address": addressFrom(f.sub("address"), nil), "carrier": nil, "name": nil, "phone": nil, "tracking_number": nil}
	setStrings(sh, f, "carrier", "name", "phone", "tracking_number")
	return sh
}

// chargeSource finds what POST /v1/charges charges: source (a token or a
// card of customer), else the customer's default source.
func (s *Server) chargeSource(f *form, cus *customer) (paymentSource, error) {
	src, hasSrc := f.str("source")
	switch {
	case hasSrc && strings.HasPrefix(src, "tok_"):
		cusID := ""
		if cus != nil {
			cusID = cus.ID
		}
		card, err := s.cardFromToken(src, "")
		if err != nil {
			return nil, err
		}
		if cusID != "" {
			return nil, invalid("source", "", "Customer %s does not have a linked source with ID %s.", cusID, src)
		}
		s.insert(card)
		return card, nil
	case hasSrc:
		card, ok := lookupAs[paymentSource](s.st, src)
		if !ok {
			return nil, invalid("source", "resource_missing", "No such source: '%s'", src)
		}
		if cus != nil && card.customerID() != cus.ID {
			return nil, invalid("source", "", "Customer %s does not have a linked source with ID %s.", cus.ID, src)
		}
		return card, nil
	case cus != nil:
		if cus.DefaultSource == nil {
			return nil, invalid("customer", "missing", "Cannot charge a customer that has no active card")
		}
		card, ok := lookupAs[paymentSource](s.st, *cus.DefaultSource)
		if !ok {
			return nil, invalid("customer", "missing", "Cannot charge a customer that has no active card")
		}
		return card, nil
	}
	return nil, missingParam("source")
}

func (s *Server) createCharge(r *request) (any, error) {
	f := r.form
	amount, currency, err := amountParams(f)
	if err != nil {
		return nil, err
	}
	var cus *customer
	if id, ok := f.str("customer"); ok {
		if cus, err = s.customer(id); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", id)
		}
	}
	capture := true
	if b, ok := f.bool("capture"); ok {
		capture = b
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	pm, err := s.chargeSource(f, cus)
	if err != nil {
		return nil, err
	}
	sp := chargeSpec{amount: amount, currency: currency, pm: pm, capture: capture, description: f.strOr("description", ""), form: f}
	if cus != nil {
		sp.customer = cus.ID
	}
	ch, err := s.charge(r, sp)
	if err != nil {
		return nil, err
	}
	return s.renderObj(ch, r.expand), nil
}

func (s *Server) updateCharge(r *request) (any, error) {
	ch, err := s.getObj("charge", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(ch)
	clone := cloneObj(ch)
	setStrings(clone, f, "description", "receipt_email", "transfer_group")
	if id, ok := f.str("customer"); ok {
		if ch["customer"] != nil && ch["customer"] != id {
			return nil, invalid("customer", "", "This charge already has a customer.")
		}
		if _, err := s.customer(id); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", id)
		}
		clone["customer"] = id
	}
	if f.has("fraud_details") {
		if v, ok := f.sub("fraud_details").str("user_report"); ok {
			clone["fraud_details"] = obj{"user_report": v}
		}
	}
	if f.has("shipping") {
		clone["shipping"] = shippingFrom(f.sub("shipping"))
	}
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		ch[k] = v
	}
	s.emitUpdatedObj(r, "charge.updated", ch, before)
	return s.renderObj(ch, r.expand), nil
}

func (s *Server) captureCharge(r *request) (any, error) {
	ch, err := s.getObj("charge", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if ch["captured"] == true {
		return nil, invalid("", "charge_already_captured", "Charge %s has already been captured.", ch["id"])
	}
	if ch["status"] != "succeeded" || ch["refunded"] == true {
		return nil, invalid("", "", "Charge %s cannot be captured: it is %s.", ch["id"], ch["status"])
	}
	f := r.form
	amount := num(ch, "amount")
	if n, ok := f.int("amount"); ok {
		if n > amount-num(ch, "amount_refunded") || n < 1 {
			return nil, invalid("amount", "amount_too_large", "The amount to capture (%d) must be at most the amount authorized (%d).", n, amount)
		}
		amount = n
	}
	setStrings(ch, f, "receipt_email", "statement_descriptor", "statement_descriptor_suffix", "transfer_group")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.captureFunds(ch, amount)
	s.emitObj(r, "charge.captured", ch, nil)
	if pi, ok := s.st.lookupObj(idOf(ch["payment_intent"])); ok && pi["status"] == "requires_capture" {
		pi["status"], pi["amount_received"], pi["amount_capturable"] = "succeeded", amount, int64(0)
		s.emitObj(r, "payment_intent.succeeded", pi, nil)
	}
	return s.renderObj(ch, r.expand), nil
}

func (s *Server) listCharges(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	pi, hasPI := f.str("payment_intent")
	tg, hasTG := f.str("transfer_group")
	return s.listObjs(r, "charge", "/v1/charges", func(ch obj) bool {
		return (!hasCus || ch["customer"] == cus) && (!hasPI || ch["payment_intent"] == pi) && (!hasTG || ch["transfer_group"] == tg)
	})
}

// money formats minor units for messages.
func money(n int64, currency string) string {
	return fmt.Sprintf("%d.%02d %s", n/100, n%100, currency)
}
