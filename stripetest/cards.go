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
func (s *Server) cardFromToken(tok, customer string) (*card, error) {
	name, ok := strings.CutPrefix(tok, "tok_")
	tc, known := testCards[name]
	if !ok || !known {
		return nil, invalid("source", "resource_missing", "No such token: '%s'", tok)
	}
	c := &card{
		meta:           meta{ID: s.newID("card"), Object: "card"},
		AllowRedisplay: "unspecified", Brand: tc.brand, Country: "US", CVCCheck: "pass",
		ExpMonth: 12, ExpYear: int64(s.now().Year() + 3), Fingerprint: fingerprint(name), Funding: tc.funding,
		Last4: tc.last4, Metadata: map[string]string{}, RegulatedStatus: "unregulated", TestCard: name,
	}
	if customer != "" {
		if err := attachDecline(tc, "source"); err != nil {
			return nil, err
		}
		c.Customer = &customer
	}
	return c, nil
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
func (s *Server) customerCard(r *request) (*customer, *card, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, nil, err
	}
	id := r.pathVal("id")
	c, ok := lookupAs[*card](s.st, id)
	if !ok || c.customerID() != cus.ID {
		return nil, nil, &apiError{status: http.StatusNotFound, typ: "invalid_request_error", code: "resource_missing", param: "id",
			message: "Customer " + cus.ID + " does not have a linked source with ID " + id + "."}
	}
	return cus, c, nil
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
	c, cerr := s.cardFromToken(tok, cus.ID)
	if cerr != nil {
		return nil, cerr
	}
	c.Metadata = mergeMetadata(c.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.insert(c)
	s.emit(r, "customer.source.created", c, nil)
	if cus.DefaultSource == nil {
		before := s.snapshot(cus)
		cus.DefaultSource = ptr(c.ID)
		s.emitUpdated(r, "customer.updated", cus, before)
	}
	return s.render(c, r.expand), nil
}

func (s *Server) listCards(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("customer"))
	if err != nil {
		return nil, err
	}
	cusID := cus.ID
	if o, ok := r.form.str("object"); ok && o != "card" {
		return obj{"object": "list", "data": []any{}, "has_more": false, "url": "/v1/customers/" + cusID + "/sources"}, nil
	}
	return listOf(s, r, "card", "/v1/customers/"+cusID+"/sources", func(c *card) bool {
		return c.customerID() == cusID
	})
}

func (s *Server) getCard(r *request) (any, error) {
	_, c, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	return s.render(c, r.expand), nil
}

func (s *Server) updateCard(r *request) (any, error) {
	_, c, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(c)
	clone := cloneRecord(c)
	setNullable(&clone.AddressCity, f, "address_city")
	setNullable(&clone.AddressCountry, f, "address_country")
	setNullable(&clone.AddressLine1, f, "address_line1")
	setNullable(&clone.AddressLine2, f, "address_line2")
	setNullable(&clone.AddressState, f, "address_state")
	setNullable(&clone.AddressZip, f, "address_zip")
	setNullable(&clone.Name, f, "name")
	for _, e := range []struct {
		k   string
		dst *int64
	}{{"exp_month", &clone.ExpMonth}, {"exp_year", &clone.ExpYear}} {
		k := e.k
		if n, ok := f.int(k); ok {
			if (k == "exp_month" && (n < 1 || n > 12)) || (k == "exp_year" && n < int64(s.now().Year())) {
				return nil, &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: "invalid_" + strings.Replace(k, "exp_", "expiry_", 1), param: k,
					message: "Your card's expiration " + strings.TrimPrefix(k, "exp_") + " is invalid."}
			}
			*e.dst = n
		}
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	*c = *clone
	s.emitUpdated(r, "customer.source.updated", c, before)
	return s.render(c, r.expand), nil
}

// deleteCard removes a card; deleting the default source makes the most
// recently added remaining card the default, as Stripe does.
func (s *Server) deleteCard(r *request) (any, error) {
	cus, c, err := s.customerCard(r)
	if err != nil {
		return nil, err
	}
	s.remove(c)
	s.emit(r, "customer.source.deleted", c, nil)
	if deref(cus.DefaultSource) == c.ID {
		before := s.snapshot(cus)
		cus.DefaultSource = nil
		var newest *card
		for _, o := range allOf[*card](s.st, "card") {
			if o.customerID() == cus.ID {
				newest = o // kinds are in creation order
			}
		}
		if newest != nil {
			cus.DefaultSource = ptr(newest.ID)
		}
		s.emitUpdated(r, "customer.updated", cus, before)
	}
	return obj{"id": c.ID, "object": "card", "deleted": true}, nil
}

// card is a card saved on a customer as a source (card_...), or a card
// made from a test token to charge once.
type card struct {
	meta
	AddressCity        *string           `json:"address_city"`
	AddressCountry     *string           `json:"address_country"`
	AddressLine1       *string           `json:"address_line1"`
	AddressLine1Check  *string           `json:"address_line1_check"`
	AddressLine2       *string           `json:"address_line2"`
	AddressState       *string           `json:"address_state"`
	AddressZip         *string           `json:"address_zip"`
	AddressZipCheck    *string           `json:"address_zip_check"`
	AllowRedisplay     string            `json:"allow_redisplay"`
	Brand              string            `json:"brand"`
	Country            string            `json:"country"`
	Customer           *string           `json:"customer"`
	CVCCheck           string            `json:"cvc_check"`
	DynamicLast4       *string           `json:"dynamic_last4"`
	ExpMonth           int64             `json:"exp_month"`
	ExpYear            int64             `json:"exp_year"`
	Fingerprint        string            `json:"fingerprint"`
	Funding            string            `json:"funding"`
	Last4              string            `json:"last4"`
	Metadata           map[string]string `json:"metadata"`
	Name               *string           `json:"name"`
	Networks           cardNetworks      `json:"networks"`
	RegulatedStatus    string            `json:"regulated_status"`
	TokenizationMethod *string           `json:"tokenization_method"`
	// TestCard names the test card (testCards) the card was made from.
	TestCard string `json:"_card"`
}

// cardNetworks is a card's networks.
type cardNetworks struct {
	Preferred *string `json:"preferred"`
}

func (c *card) testCard() string   { return c.TestCard }
func (c *card) expYear() int64     { return c.ExpYear }
func (c *card) customerID() string { return deref(c.Customer) }
func (c *card) setCustomer(id string) {
	c.Customer = &id
}
