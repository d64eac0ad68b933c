package stripetest

import "strings"

func (s *Server) registerCustomers() {
	s.handle("POST", "/v1/customers", s.createCustomer)
	s.handle("GET", "/v1/customers", s.listCustomers)
	s.handle("GET", "/v1/customers/{id}", s.getCustomer)
	s.handle("POST", "/v1/customers/{id}", s.updateCustomer)
	s.handle("DELETE", "/v1/customers/{id}", s.deleteCustomer)
}

// customer is a Customer.
type customer struct {
	meta
	Address       *address `json:"address"`
	Balance       int64    `json:"balance"`
	BusinessName  string   `json:"business_name"`
	Created       int64    `json:"created"`
	Currency      *string  `json:"currency"`
	DefaultSource *string  `json:"default_source"`
	Delinquent    bool     `json:"delinquent"`
	Description   *string  `json:"description"`
	// Discount is always null: stripetest applies discounts to
	// subscriptions and invoices only.
	Discount             *nullObject             `json:"discount"`
	Email                *string                 `json:"email"`
	IndividualName       string                  `json:"individual_name"`
	InvoiceCreditBalance map[string]int64        `json:"invoice_credit_balance"`
	InvoicePrefix        string                  `json:"invoice_prefix"`
	InvoiceSettings      customerInvoiceSettings `json:"invoice_settings"`
	Livemode             bool                    `json:"livemode"`
	Metadata             map[string]string       `json:"metadata"`
	Name                 *string                 `json:"name"`
	NextInvoiceSequence  int64                   `json:"next_invoice_sequence"`
	Phone                *string                 `json:"phone"`
	PreferredLocales     []string                `json:"preferred_locales"`
	Shipping             *shipping               `json:"shipping"`
	TaxExempt            string                  `json:"tax_exempt"`
	TestClock            *string                 `json:"test_clock"`
}

func (c *customer) createdAt() int64 { return c.Created }

// customerInvoiceSettings are a customer's invoice defaults.
type customerInvoiceSettings struct {
	CustomFields         []invoiceCustomField `json:"custom_fields"` // null when none
	DefaultPaymentMethod *string              `json:"default_payment_method"`
	Footer               *string              `json:"footer"`
	RenderingOptions     *renderingOptions    `json:"rendering_options"`
}

// invoiceCustomField is a name and value shown on invoices.
type invoiceCustomField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// renderingOptions are a customer's invoice rendering defaults; stripetest
// never sets them.
type renderingOptions struct {
	AmountTaxDisplay *string `json:"amount_tax_display"`
	Template         *string `json:"template"`
}

// customer finds a live customer by id (a 404 otherwise).
func (s *Server) customer(id string) (*customer, error) {
	return getAs[*customer](s, "customer", id)
}

// deletedStub is what Stripe answers for a deleted object.
func deletedStub(id, kind string) obj {
	return obj{"id": id, "object": kind, "deleted": true}
}

func (s *Server) createCustomer(r *request) (any, error) {
	id := s.newID("cus")
	cus := &customer{
		meta: meta{ID: id, Object: "customer"}, Created: s.unix(),
		InvoiceCreditBalance: map[string]int64{}, InvoicePrefix: strings.ToUpper(randomID(8)),
		Metadata: map[string]string{}, NextInvoiceSequence: 1, PreferredLocales: []string{}, TaxExempt: "none",
	}
	if err := s.applyCustomerParams(r, cus); err != nil {
		return nil, err
	}
	if tc, ok := r.form.str("test_clock"); ok && tc != "" {
		if _, err := s.getClock(tc, "test_clock"); err != nil {
			return nil, err
		}
		cus.TestClock = &tc
	}
	if pm, ok := r.form.str("payment_method"); ok {
		if name, ok := strings.CutPrefix(pm, "pm_card_"); ok {
			if err := attachDecline(testCards[name], "payment_method"); err != nil {
				return nil, err // before the payment method is made: nothing is saved
			}
		}
		p, err := s.resolvePaymentMethod(pm, "payment_method")
		if err != nil {
			return nil, err
		}
		if err := attachDecline(testCards[p.testCard()], "payment_method"); err != nil {
			return nil, err
		}
		p.setCustomer(id)
	}
	var src *card
	if tok, ok := r.form.str("source"); ok {
		c, err := s.cardFromToken(tok, id)
		if err != nil {
			return nil, err
		}
		src = c
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.insert(cus)
	if src != nil {
		s.insert(src)
		cus.DefaultSource = ptr(src.ID)
	}
	s.emit(r, "customer.created", cus, nil)
	if src != nil {
		s.emit(r, "customer.source.created", src, nil)
	}
	return s.render(cus, r.expand), nil
}

// applyCustomerParams sets the fields create and update share.
func (s *Server) applyCustomerParams(r *request, cus *customer) error {
	f := r.form
	for _, p := range []struct {
		dst **string
		key string
	}{{&cus.Description, "description"}, {&cus.Email, "email"}, {&cus.Name, "name"}, {&cus.Phone, "phone"}} {
		setNullable(p.dst, f, p.key)
	}
	if v, ok := f.str("invoice_prefix"); ok {
		cus.InvoicePrefix = v
	}
	if v, ok := f.str("business_name"); ok {
		cus.BusinessName = v
	}
	if v, ok := f.str("individual_name"); ok {
		cus.IndividualName = v
	}
	if n, ok := f.int("balance"); ok {
		cus.Balance = n
	}
	if n, ok := f.int("next_invoice_sequence"); ok {
		cus.NextInvoiceSequence = n
	}
	if v, ok := f.str("tax_exempt"); ok {
		if v != "none" && v != "exempt" && v != "reverse" && v != "" {
			return invalid("tax_exempt", "", "Invalid tax_exempt: must be one of none, exempt, or reverse")
		}
		if v == "" {
			v = "none"
		}
		cus.TaxExempt = v
	}
	if f.has("preferred_locales") {
		cus.PreferredLocales = append([]string{}, f.strings("preferred_locales")...)
	}
	if f.has("address") {
		cus.Address = addressParams(f.sub("address"), cus.Address)
	}
	if f.has("shipping") {
		cus.Shipping = shippingParams(f.sub("shipping"), cus.Shipping)
	}
	if f.has("invoice_settings") {
		is := f.sub("invoice_settings")
		setNullable(&cus.InvoiceSettings.Footer, is, "footer")
		if pm, ok := is.str("default_payment_method"); ok {
			if pm == "" {
				cus.InvoiceSettings.DefaultPaymentMethod = nil
			} else {
				p, err := s.resolvePaymentMethod(pm, "invoice_settings[default_payment_method]")
				if err != nil {
					return err
				}
				cus.InvoiceSettings.DefaultPaymentMethod = ptr(p.base().ID)
			}
		}
	}
	cus.Metadata = mergeMetadata(cus.Metadata, f)
	return f.failed()
}

func (s *Server) listCustomers(r *request) (any, error) {
	email, hasEmail := r.form.str("email")
	return listOf(s, r, "customer", "/v1/customers", func(c *customer) bool {
		return !hasEmail || (c.Email != nil && *c.Email == email)
	})
}

func (s *Server) getCustomer(r *request) (any, error) {
	id := r.pathVal("id")
	if c, ok := lookupAs[*customer](s.st, id); ok && c.Deleted {
		return deletedStub(id, "customer"), nil
	}
	cus, err := s.customer(id)
	if err != nil {
		return nil, err
	}
	return s.render(cus, r.expand), nil
}

func (s *Server) updateCustomer(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(cus)
	next := cloneRecord(cus) // apply to a copy, so a bad param changes nothing
	if err := s.applyCustomerParams(r, next); err != nil {
		return nil, err
	}
	var newCard *card
	if tok, ok := r.form.str("source"); ok {
		if newCard, err = s.cardFromToken(tok, cus.ID); err != nil {
			return nil, err
		}
	}
	if src, ok := r.form.str("default_source"); ok && src != "" {
		c, ok := lookupAs[paymentSource](s.st, src)
		if !ok || c.customerID() != cus.ID {
			return nil, invalid("default_source", "resource_missing", "No such source: '%s'", src)
		}
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*cus = *next
	if src, ok := r.form.str("default_source"); ok {
		if src == "" {
			cus.DefaultSource = nil
		} else {
			cus.DefaultSource = &src
		}
	}
	if newCard != nil {
		// source= replaces the default source.
		if cus.DefaultSource != nil {
			if old, ok := lookupAs[paymentSource](s.st, *cus.DefaultSource); ok {
				s.remove(old)
				s.emit(r, "customer.source.deleted", old, nil)
			}
		}
		s.insert(newCard)
		cus.DefaultSource = ptr(newCard.ID)
		s.emit(r, "customer.source.created", newCard, nil)
	}
	s.emitUpdated(r, "customer.updated", cus, before)
	return s.render(cus, r.expand), nil
}

func (s *Server) deleteCustomer(r *request) (any, error) {
	cus, err := s.customer(r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	for _, c := range allOf[*card](s.st, "card") {
		if c.customerID() == cus.ID {
			s.remove(c)
		}
	}
	for _, sub := range allOf[*subscription](s.st, "subscription") {
		if sub.Customer == cus.ID && sub.live() {
			s.endSubscription(r, sub, nil)
		}
	}
	s.emit(r, "customer.deleted", cus, nil)
	cus.Deleted = true
	return deletedStub(cus.ID, "customer"), nil
}
