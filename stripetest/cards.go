package stripetest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// testCard is one of Stripe's test cards, reachable as tok_<name> (a
// token) or pm_card_<name> (a payment method).
type testCard struct {
	brand, network, last4, funding string
	// code and decline are the error code and decline_code a charge on the
	// card fails with; empty for a card that works.
	code, decline, message string
	// attaches is set on a failing card that can still be saved on a
	// customer (Stripe's chargeCustomerFail); the other failing cards are
	// declined when attached, as on Stripe.
	attaches bool
}

var testCards = map[string]testCard{
	"visa":                            {brand: "Visa", network: "visa", last4: "4242", funding: "credit"},
	"visa_debit":                      {brand: "Visa", network: "visa", last4: "5556", funding: "debit"},
	"mastercard":                      {brand: "MasterCard", network: "mastercard", last4: "4444", funding: "credit"},
	"mastercard_debit":                {brand: "MasterCard", network: "mastercard", last4: "8210", funding: "debit"},
	"mastercard_prepaid":              {brand: "MasterCard", network: "mastercard", last4: "5100", funding: "prepaid"},
	"amex":                            {brand: "American Express", network: "amex", last4: "8431", funding: "credit"},
	"discover":                        {brand: "Discover", network: "discover", last4: "1117", funding: "credit"},
	"diners":                          {brand: "Diners Club", network: "diners", last4: "0004", funding: "credit"},
	"jcb":                             {brand: "JCB", network: "jcb", last4: "0505", funding: "credit"},
	"unionpay":                        {brand: "UnionPay", network: "unionpay", last4: "0005", funding: "credit"},
	"chargeDeclined":                  {brand: "Visa", network: "visa", last4: "0002", funding: "credit", code: "card_declined", decline: "generic_decline", message: "Your card was declined."},
	"chargeDeclinedInsufficientFunds": {brand: "Visa", network: "visa", last4: "9995", funding: "credit", code: "card_declined", decline: "insufficient_funds", message: "Your card has insufficient funds."},
	"chargeDeclinedLostCard":          {brand: "Visa", network: "visa", last4: "9987", funding: "credit", code: "card_declined", decline: "lost_card", message: "Your card was declined."},
	"chargeDeclinedStolenCard":        {brand: "Visa", network: "visa", last4: "9979", funding: "credit", code: "card_declined", decline: "stolen_card", message: "Your card was declined."},
	"chargeDeclinedFraudulent":        {brand: "Visa", network: "visa", last4: "0019", funding: "credit", code: "card_declined", decline: "fraudulent", message: "Your card was declined."},
	"chargeDeclinedExpiredCard":       {brand: "Visa", network: "visa", last4: "0069", funding: "credit", code: "expired_card", decline: "expired_card", message: "Your card has expired."},
	"chargeDeclinedIncorrectCvc":      {brand: "Visa", network: "visa", last4: "0127", funding: "credit", code: "incorrect_cvc", decline: "incorrect_cvc", message: "Your card's security code is incorrect."},
	"chargeCustomerFail":              {brand: "Visa", network: "visa", last4: "0341", funding: "credit", code: "card_declined", decline: "generic_decline", message: "Your card was declined.", attaches: true},
	"chargeDeclinedProcessingError":   {brand: "Visa", network: "visa", last4: "0119", funding: "credit", code: "processing_error", decline: "processing_error", message: "An error occurred while processing your card. Try again in a little bit."},
}

func fingerprint(name string) string {
	h := sha256.Sum256([]byte("stripetest:" + name))
	return hex.EncodeToString(h[:])[:16]
}

func (s *Server) registerCards() {
	s.handle("POST", "/v1/customers/{customer}/sources", s.createCard)
	s.handle("GET", "/v1/customers/{customer}/sources", s.listCards)
	s.handle("GET", "/v1/customers/{customer}/sources/{id}", s.getCard)
	s.handle("POST", "/v1/customers/{customer}/sources/{id}", s.updateCard)
	s.handle("DELETE", "/v1/customers/{customer}/sources/{id}", s.deleteCard)
}

// cardFromToken builds (but does not store) a card from a test token,
// attached to customer when it is not empty.
func (s *Server) cardFromToken(tok, customer string) (obj, error) {
	name, ok := strings.CutPrefix(tok, "tok_")
	tc, known := testCards[name]
	if !ok || !known {
		return nil, invalid("source", "resource_missing", "No such token: '%s'", tok)
	}
	var cus any
	if customer != "" {
		if err := attachDecline(tc, "source"); err != nil {
			return nil, err
		}
		cus = customer
	}
	year := int64(s.now().Year() + 3)
	return obj{
		"id": s.newID("card"), "object": "card", "address_city": nil, "address_country": nil, "address_line1": nil,
		"address_line1_check": nil, "address_line2": nil, "address_state": nil, "address_zip": nil, "address_zip_check": nil,
		"allow_redisplay": "unspecified", "brand": tc.brand, "country": "US", "customer": cus, "cvc_check": "pass",
		"dynamic_last4": nil, "exp_month": int64(12), "exp_year": year, "fingerprint": fingerprint(name), "funding": tc.funding,
		"last4": tc.last4, "metadata": obj{}, "name": nil, "networks": obj{"preferred": nil}, "regulated_status": "unregulated",
		"tokenization_method": nil, "_card": name, "_created": s.unix(),
	}, nil
}

// attachDecline is the 402 card_error of saving a declining test card on
// a customer, or nil for a card that can be saved.
func attachDecline(tc testCard, param string) *apiError {
	if tc.code == "" || tc.attaches {
		return nil
	}
	return &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: tc.code, declineCode: tc.decline,
		param: param, message: tc.message}
}

// customerCard finds a card of the customer named in the path.
func (s *Server) customerCard(r *request) (cus *customer, card obj, err error) {
	cus, err = s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, nil, err
	}
	id := r.pathVal("id")
	card, ok := s.st.lookupObj(id)
	if !ok || card["object"] != "card" || card["customer"] != cus.ID {
		return nil, nil, &apiError{status: http.StatusNotFound, typ: "invalid_request_error", code: "resource_missing", param: "id",
			message: "Customer " + cus.ID + " does not have a linked source with ID " + id + "."}
	}
	return cus, card, nil
}

func (s *Server) createCard(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	tok, ok := r.form.str("source")
	if !ok || tok == "" {
		return nil, missingParam("source")
	}
	card, cerr := s.cardFromToken(tok, cus.ID)
	if cerr != nil {
		return nil, cerr
	}
	applyMetadata(card, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.insertObj(card)
	s.emitObj(r, "customer.source.created", card, nil)
	if cus.DefaultSource == nil {
		before := s.snapshot(cus)
		cus.DefaultSource = ptr(str(card, "id"))
		s.emitUpdated(r, "customer.updated", cus, before)
	}
	return s.renderObj(card, r.expand), nil
}

func (s *Server) listCards(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	if o, ok := r.form.str("object"); ok && o != "card" {
		return obj{"object": "list", "data": []any{}, "has_more": false, "url": "/v1/customers/" + cus.ID + "/sources"}, nil
	}
	return s.listObjs(r, "card", "/v1/customers/"+cus.ID+"/sources", func(o obj) bool {
		return o["customer"] == cus.ID
	})
}

func (s *Server) getCard(r *request) (any, error) {
	_, card, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	return s.renderObj(card, r.expand), nil
}

func (s *Server) updateCard(r *request) (any, error) {
	_, card, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(card)
	clone := cloneObj(card)
	setStrings(clone, f, "address_city", "address_country", "address_line1", "address_line2", "address_state", "address_zip", "name")
	for _, k := range []string{"exp_month", "exp_year"} {
		if n, ok := f.int(k); ok {
			if (k == "exp_month" && (n < 1 || n > 12)) || (k == "exp_year" && n < int64(s.now().Year())) {
				return nil, &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: "invalid_" + strings.Replace(k, "exp_", "expiry_", 1), param: k,
					message: "Your card's expiration " + strings.TrimPrefix(k, "exp_") + " is invalid."}
			}
			clone[k] = n
		}
	}
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		card[k] = v
	}
	s.emitUpdatedObj(r, "customer.source.updated", card, before)
	return s.renderObj(card, r.expand), nil
}

// deleteCard removes a card; deleting the default source makes the most
// recently added remaining card the default, as Stripe does.
func (s *Server) deleteCard(r *request) (any, error) {
	cus, card, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	s.removeObj(card)
	s.emitObj(r, "customer.source.deleted", card, nil)
	if cus.DefaultSource != nil && *cus.DefaultSource == str(card, "id") {
		before := s.snapshot(cus)
		cus.DefaultSource = nil
		var newest obj
		for _, c := range s.st.allObj("card") {
			if c["customer"] == cus.ID {
				newest = c // kinds are in creation order
			}
		}
		if newest != nil {
			cus.DefaultSource = ptr(str(newest, "id"))
		}
		s.emitUpdated(r, "customer.updated", cus, before)
	}
	return obj{"id": card["id"], "object": "card", "deleted": true}, nil
}
