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
	ps := &billingPortalSession{
		meta:          meta{ID: s.newID("bps"), Object: "billing_portal.session"},
		Configuration: conf, Created: s.unix(), Customer: cusID,
		URL: "https://billing.stripe.com/p/session/test_" + randomID(40),
	}
	setNullable(&ps.ReturnURL, f, "return_url")
	setNullable(&ps.Locale, f, "locale")
	setNullable(&ps.OnBehalfOf, f, "on_behalf_of")
	setNullable(&ps.CustomerAccount, f, "customer_account")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(ps)
	return s.render(ps, r.expand), nil
}

// billingPortalSession is a billing portal Session. Configuration is the ID of
// the configuration it uses (configurations are not stored).
type billingPortalSession struct {
	meta
	Configuration   string      `json:"configuration"`
	Created         int64       `json:"created"`
	Customer        string      `json:"customer"`
	CustomerAccount *string     `json:"customer_account"`
	Flow            *nullObject `json:"flow"` // never set: null
	Livemode        bool        `json:"livemode"`
	Locale          *string     `json:"locale"`
	OnBehalfOf      *string     `json:"on_behalf_of"`
	ReturnURL       *string     `json:"return_url"`
	URL             string      `json:"url"`
}

func (ps *billingPortalSession) createdAt() int64 { return ps.Created }
