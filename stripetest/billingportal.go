package stripetest

import "strings"

// Billing portal sessions (/v1/billing_portal/sessions): a session is a
// short-lived portal url for a customer; the portal itself (and its
// configurations, beyond an ID) is not modelled.

func (s *Server) registerBillingPortal() {
	s.handle("POST", "/v1/billing_portal/sessions", s.createPortalSession)
}

func (s *Server) createPortalSession(r *request) (any, error) {
	f := r.form
	cusID, _ := f.str("customer")
	if _, has := f.str("customer_account"); !has && cusID == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("customer")
	}
	if cusID != "" {
		if _, err := s.customer(cusID); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
		}
	}
	conf := "bpc_" + randomID(24) // the account's default configuration
	if v, ok := f.str("configuration"); ok {
		if !strings.HasPrefix(v, "bpc_") {
			return nil, invalid("configuration", "resource_missing", "No such configuration: '%s'", v)
		}
		conf = v
	}
	id := s.newID("bps")
	ps := obj{
		"id": id, "object": "billing_portal.session", "configuration": conf, "created": s.unix(), "customer": cusID,
		"customer_account": nil, "flow": nil, "livemode": false, "locale": nil, "on_behalf_of": nil, "return_url": nil,
		"url": "https://billing.stripe.com/p/session/test_" + randomID(40),
	}
	setStrings(ps, f, "return_url", "locale", "on_behalf_of", "customer_account")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(ps)
	return s.renderObj(ps, r.expand), nil
}
