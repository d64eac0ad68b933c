package stripetest

import (
	"net/http"
	"strings"
)

// Payment methods (/v1/payment_methods and a customer's
// /v1/customers/{id}/payment_methods). A card payment method is made from a
// test token (card[token]=tok_visa), a test card number (card[number]=
// 4242424242424242) or a pm_card_<name> ID (attach pm_card_visa makes a
// new one, as on Stripe). Attaching a declining test card fails with 402
// card_declined, as Stripe's card checks do; chargeCustomerFail attaches
// and declines later, when charged.

func (s *Server) registerPaymentMethods() {
	s.handle("POST", "/v1/payment_methods", s.createPaymentMethod)
	s.handle("GET", "/v1/payment_methods", func(r *request) (any, error) {
		keep, err := s.paymentMethodFilter(r, r.form.strOr("customer", ""))
		if err != nil {
			return nil, err
		}
		return listOf(s, r, "payment_method", "/v1/payment_methods", keep)
	})
	s.handle("GET", "/v1/payment_methods/{id}", func(r *request) (any, error) {
		pm, err := s.getPaymentMethod(r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(pm, r.expand), nil
	})
	s.handle("POST", "/v1/payment_methods/{id}", s.updatePaymentMethod)
	s.handle("POST", "/v1/payment_methods/{id}/attach", s.attachPaymentMethod)
	s.handle("POST", "/v1/payment_methods/{id}/detach", s.detachPaymentMethod)
	s.handle("GET", "/v1/customers/{customer}/payment_methods", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("customer"))
		if err != nil {
			return nil, err
		}
		keep, err := s.paymentMethodFilter(r, cus.ID)
		if err != nil {
			return nil, err
		}
		return listOf(s, r, "payment_method", "/v1/customers/"+cus.ID+"/payment_methods", keep)
	})
	s.handle("GET", "/v1/customers/{customer}/payment_methods/{id}", func(r *request) (any, error) {
		cus, err := s.customer(r.pathVal("customer"))
		if err != nil {
			return nil, err
		}
		pm, ok := lookupAs[*paymentMethod](s.st, r.pathVal("id"))
		if !ok || pm.customerID() != cus.ID {
			return nil, notFound("PaymentMethod", r.pathVal("id"), "payment_method")
		}
		return s.render(pm, r.expand), nil
	})
}

// paymentMethodFilter keeps the payment methods of customer (all when
// empty) of the requested type.
func (s *Server) paymentMethodFilter(r *request, customer string) (func(*paymentMethod) bool, error) {
	typ, _ := r.form.str("type")
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	return func(pm *paymentMethod) bool {
		return (customer == "" || pm.customerID() == customer) && (typ == "" || pm.Type == typ)
	}, nil
}

// getPaymentMethod finds a stored pm_ payment method (404 otherwise).
func (s *Server) getPaymentMethod(id string) (*paymentMethod, error) {
	pm, ok := lookupAs[*paymentMethod](s.st, id)
	if !ok {
		return nil, notFound("PaymentMethod", id, "payment_method")
	}
	return pm, nil
}

// cardByNumber finds the test card with a card number: it must pass the
// Luhn check and end in a test card's last4.
func cardByNumber(number string) (string, bool) {
	number = strings.ReplaceAll(number, " ", "")
	if len(number) < 12 || !luhn(number) {
		return "", false
	}
	best := ""
	for name, tc := range testCards {
		if strings.HasSuffix(number, tc.last4) && (best == "" || name < best) {
			best = name
		}
	}
	return best, best != ""
}

func luhn(n string) bool {
	sum := 0
	for i := 0; i < len(n); i++ {
		d := int(n[len(n)-1-i] - '0')
		if d < 0 || d > 9 {
			return false
		}
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func (s *Server) createPaymentMethod(r *request) (any, error) {
	f := r.form
	typ, _ := f.str("type")
	if typ == "" {
		if _, ok := f.str("payment_method"); !ok {
			return nil, missingParam("type")
		}
	}
	if typ != "" && typ != "card" {
		return nil, invalid("type", "", "stripetest: only type=card payment methods can be created (got %s).", typ)
	}
	card := f.sub("card")
	var name string
	if tok, ok := card.str("token"); ok {
		n, isTok := strings.CutPrefix(tok, "tok_")
		if _, known := testCards[n]; !isTok || !known {
			return nil, invalid("card[token]", "resource_missing", "No such token: '%s'", tok)
		}
		name = n
	} else if num, ok := card.str("number"); ok {
		n, known := cardByNumber(num)
		if !known {
			return nil, &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: "incorrect_number",
				param: "card[number]", message: "Your card number is incorrect."}
		}
		name = n
	} else if src, ok := f.str("payment_method"); ok {
		p, err := s.resolvePaymentMethod(src, "payment_method")
		if err != nil {
			return nil, err
		}
		name = p.testCard()
	} else if err := f.failed(); err != nil {
		return nil, err
	} else {
		return nil, missingParam("card")
	}
	pm := s.newCardPaymentMethod(name, testCards[name])
	if err := s.applyPaymentMethodParams(pm, f); err != nil {
		return nil, err
	}
	s.insert(pm)
	return s.render(pm, r.expand), nil
}

// applyPaymentMethodParams sets the fields create and update share.
func (s *Server) applyPaymentMethodParams(pm *paymentMethod, f *form) error {
	pm.Metadata = mergeMetadata(pm.Metadata, f)
	if v, ok := f.str("allow_redisplay"); ok {
		pm.AllowRedisplay = v
	}
	if bd := f.sub("billing_details"); len(bd.m) > 0 {
		cur := &pm.BillingDetails
		setNullable(&cur.Email, bd, "email")
		setNullable(&cur.Name, bd, "name")
		setNullable(&cur.Phone, bd, "phone")
		setNullable(&cur.TaxID, bd, "tax_id")
		if a := bd.sub("address"); len(a.m) > 0 {
			addr := &cur.Address
			for k, dst := range map[string]**string{"city": &addr.City, "country": &addr.Country, "line1": &addr.Line1,
				"line2": &addr.Line2, "postal_code": &addr.PostalCode, "state": &addr.State} {
				if v, ok := a.str(k); ok {
					*dst = &v // an empty value stays ""
				}
			}
		}
	}
	if c := f.sub("card"); len(c.m) > 0 {
		if m, ok := c.int("exp_month"); ok {
			pm.Card.ExpMonth = m
		}
		if y, ok := c.int("exp_year"); ok {
			pm.Card.ExpYear = y
		}
	}
	return f.failed()
}

func (s *Server) updatePaymentMethod(r *request) (any, error) {
	pm, err := s.getPaymentMethod(r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if pm.Customer == nil {
		return nil, invalid("", "", "You must save this PaymentMethod to a customer before you can update it.")
	}
	clone := cloneRecord(pm)
	if err := s.applyPaymentMethodParams(clone, r.form); err != nil {
		return nil, err
	}
	before := s.snapshot(pm)
	*pm = *clone
	s.emitUpdated(r, "payment_method.updated", pm, before)
	return s.render(pm, r.expand), nil
}

func (s *Server) attachPaymentMethod(r *request) (any, error) {
	cusID, ok := r.form.str("customer")
	if !ok || cusID == "" {
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, err
	}
	id := r.pathVal("id")
	if name, isTest := strings.CutPrefix(id, "pm_card_"); isTest {
		if tc, known := testCards[name]; known {
			if e := attachDecline(tc, ""); e != nil {
				return nil, e // nothing is saved
			}
		}
	}
	var pm *paymentMethod
	if strings.HasPrefix(id, "pm_card_") {
		var src paymentSource
		if src, err = s.resolvePaymentMethod(id, "payment_method"); err == nil {
			pm = mustBe[*paymentMethod](src) // a new test payment method
		}
	} else {
		pm, err = s.getPaymentMethod(id)
	}
	if err != nil {
		return nil, err
	}
	if pm.Customer != nil {
		if *pm.Customer == cus.ID {
			return s.render(pm, r.expand), nil
		}
		return nil, invalid("", "", "The payment method you provided has already been attached to a customer.")
	}
	if e := attachDecline(testCards[pm.TestCard], ""); e != nil {
		return nil, e
	}
	pm.setCustomer(cus.ID)
	s.emit(r, "payment_method.attached", pm, nil)
	return s.render(pm, r.expand), nil
}

func (s *Server) detachPaymentMethod(r *request) (any, error) {
	pm, err := s.getPaymentMethod(r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if pm.Customer == nil {
		return nil, invalid("", "", "The payment method you provided is not attached to a customer so detachment is impossible.")
	}
	prev := *pm.Customer
	pm.Customer = nil
	s.emit(r, "payment_method.detached", pm, obj{"customer": prev})
	return s.render(pm, r.expand), nil
}
