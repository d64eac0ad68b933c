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
		return listOf(s, r, "tax_rate", "/v1/tax_rates", func(tr *taxRate) bool {
			return (!hasActive || tr.Active == active) && (!hasIncl || tr.Inclusive == incl)
		})
	})
	s.handle("GET", "/v1/tax_rates/{id}", func(r *request) (any, error) {
		tr, err := getAs[*taxRate](s, "tax_rate", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(tr, r.expand), nil
	})
	s.handle("POST", "/v1/tax_rates/{id}", s.updateTaxRate)
}

// taxRate is a TaxRate. stripetest makes percentage rates only, so
// flat_amount and jurisdiction_level stay null.
type taxRate struct {
	meta
	Active              bool               `json:"active"`
	Country             *string            `json:"country"`
	Created             int64              `json:"created"`
	Description         *string            `json:"description"`
	DisplayName         string             `json:"display_name"`
	EffectivePercentage float64            `json:"effective_percentage"`
	FlatAmount          *taxRateFlatAmount `json:"flat_amount"`
	Inclusive           bool               `json:"inclusive"`
	Jurisdiction        *string            `json:"jurisdiction"`
	JurisdictionLevel   *string            `json:"jurisdiction_level"`
	Livemode            bool               `json:"livemode"`
	Metadata            map[string]string  `json:"metadata"`
	Percentage          float64            `json:"percentage"`
	RateType            string             `json:"rate_type"`
	State               *string            `json:"state"`
	TaxType             *string            `json:"tax_type"`
}

func (x *taxRate) createdAt() int64 { return x.Created }

// taxRateFlatAmount is the amount of a flat_amount tax rate.
type taxRateFlatAmount struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// taxRateText sets the string fields of a tax rate that create and update
// set (an empty value sets null).
func taxRateText(tr *taxRate, f *form) {
	setNullable(&tr.Country, f, "country")
	setNullable(&tr.Description, f, "description")
	setNullable(&tr.Jurisdiction, f, "jurisdiction")
	setNullable(&tr.State, f, "state")
	setNullable(&tr.TaxType, f, "tax_type")
}

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
	tr := &taxRate{
		meta: meta{ID: s.newID("txr"), Object: "tax_rate"}, Active: true, Created: s.unix(),
		DisplayName: name, EffectivePercentage: pct, Inclusive: incl, Metadata: map[string]string{},
		Percentage: pct, RateType: "percentage",
	}
	if b, ok := f.bool("active"); ok {
		tr.Active = b
	}
	taxRateText(tr, f)
	tr.Metadata = mergeMetadata(tr.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(tr)
	s.emit(r, "tax_rate.created", tr, nil)
	return s.render(tr, r.expand), nil
}

// updateTaxRate changes what Stripe lets change; percentage and inclusive
// are fixed once created.
func (s *Server) updateTaxRate(r *request) (any, error) {
	tr, err := getAs[*taxRate](s, "tax_rate", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(tr)
	c := cloneRecord(tr)
	if b, ok := f.bool("active"); ok {
		c.Active = b
	}
	if v, ok := f.str("display_name"); ok && v != "" {
		c.DisplayName = v
	}
	taxRateText(c, f)
	c.Metadata = mergeMetadata(c.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	*tr = *c
	s.emitUpdated(r, "tax_rate.updated", tr, before)
	return s.render(tr, r.expand), nil
}
