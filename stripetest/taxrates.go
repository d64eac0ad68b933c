package stripetest

import "strconv"

// Tax rates are stored and listed; stripetest does not compute tax, so a
// rate on an invoice or subscription (default_tax_rates) adds nothing.

func (s *Server) registerTaxRates() {
	s.handle("POST", "/v1/tax_rates", s.createTaxRate)
	s.handle("GET", "/v1/tax_rates", func(r *request) (any, error) {
		f := r.form
		active, hasActive := f.bool("active")
		incl, hasIncl := f.bool("inclusive")
		return s.listObjs(r, "tax_rate", "/v1/tax_rates", func(tr obj) bool {
			return (!hasActive || tr["active"] == active) && (!hasIncl || tr["inclusive"] == incl)
		})
	})
	s.handle("GET", "/v1/tax_rates/{id}", func(r *request) (any, error) {
		tr, err := s.getObj("tax_rate", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(tr, r.expand), nil
	})
	s.handle("POST", "/v1/tax_rates/{id}", s.updateTaxRate)
}

// taxRateText are the string fields of a tax rate that create and update set.
var taxRateText = []string{"country", "description", "jurisdiction", "state", "tax_type"}

func (s *Server) createTaxRate(r *request) (any, error) {
	f := r.form
	name, ok := f.str("display_name")
	if !ok || name == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("display_name")
	}
	incl, ok := f.bool("inclusive")
	if !ok {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("inclusive")
	}
	ps, ok := f.str("percentage")
	if !ok {
		return nil, missingParam("percentage")
	}
	pct, err := strconv.ParseFloat(ps, 64)
	if err != nil || pct < 0 || pct > 100 {
		return nil, invalid("percentage", "", "Invalid percentage: must be a number from 0 to 100.")
	}
	tr := obj{
		"id": s.newID("txr"), "object": "tax_rate", "active": true, "country": nil, "created": s.unix(), "description": nil,
		"display_name": name, "effective_percentage": pct, "flat_amount": nil, "inclusive": incl, "jurisdiction": nil,
		"jurisdiction_level": nil, "livemode": false, "metadata": obj{}, "percentage": pct, "rate_type": "percentage",
		"state": nil, "tax_type": nil,
	}
	if b, ok := f.bool("active"); ok {
		tr["active"] = b
	}
	setStrings(tr, f, taxRateText...)
	applyMetadata(tr, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(tr)
	s.emitObj(r, "tax_rate.created", tr, nil)
	return s.renderObj(tr, r.expand), nil
}

// updateTaxRate changes what Stripe lets change; percentage and inclusive
// are fixed once created.
func (s *Server) updateTaxRate(r *request) (any, error) {
	tr, err := s.getObj("tax_rate", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(tr)
	clone := cloneObj(tr)
	if b, ok := f.bool("active"); ok {
		clone["active"] = b
	}
	if v, ok := f.str("display_name"); ok && v != "" {
		clone["display_name"] = v
	}
	setStrings(clone, f, taxRateText...)
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		tr[k] = v
	}
	s.emitUpdatedObj(r, "tax_rate.updated", tr, before)
	return s.renderObj(tr, r.expand), nil
}
