package stripetest

import "strconv"

func (s *Server) registerInvoiceItems() {
	s.handle("POST", "/v1/invoiceitems", s.createInvoiceItem)
	s.handle("GET", "/v1/invoiceitems", s.listInvoiceItems)
	s.handle("GET", "/v1/invoiceitems/{id}", func(r *request) (any, error) {
		ii, err := getAs[*invoiceItem](s, "invoiceitem", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(ii, r.expand), nil
	})
	s.handle("POST", "/v1/invoiceitems/{id}", s.updateInvoiceItem)
	s.handle("DELETE", "/v1/invoiceitems/{id}", s.deleteInvoiceItem)
}

// invoiceItem is an InvoiceItem: pending (Invoice nil) until an invoice
// takes it, then a line of that invoice. It has no created field on the
// wire; lists order it by when it was stored.
type invoiceItem struct {
	meta
	Amount           int64                 `json:"amount"`
	Currency         string                `json:"currency"`
	Customer         string                `json:"customer"`
	Date             int64                 `json:"date"`
	Description      *string               `json:"description"`
	Discountable     bool                  `json:"discountable"`
	Discounts        []string              `json:"discounts"`
	Invoice          *string               `json:"invoice"`
	Livemode         bool                  `json:"livemode"`
	Metadata         map[string]string     `json:"metadata"`
	NetAmount        int64                 `json:"net_amount"`
	Parent           *invoiceItemParent    `json:"parent"`
	Period           invoicePeriod         `json:"period"`
	Pricing          *invoicePricing       `json:"pricing"`
	Proration        bool                  `json:"proration"`
	ProrationDetails invoiceItemProrations `json:"proration_details"`
	Quantity         int64                 `json:"quantity"`
	QuantityDecimal  string                `json:"quantity_decimal"`
	// TaxRates are tax rate IDs; stripetest applies none, so the list
	// stays empty.
	TaxRates  []string `json:"tax_rates"`
	TestClock *string  `json:"test_clock"`

	// Unit is the unit amount when the item is priced per unit (amount is
	// then Unit times quantity).
	Unit *int64 `json:"_unit,omitempty"`
	// Line is the ID of the item's line on its invoice, made on first use.
	Line string `json:"_line,omitempty"`
}

// invoiceItemParent is what made an invoice item: a subscription;
// stripetest's items are all made directly.
type invoiceItemParent struct {
	SubscriptionDetails *invoiceItemSubscriptionDetails `json:"subscription_details"`
	Type                string                          `json:"type"`
}

// invoiceItemSubscriptionDetails names the subscription behind an item.
type invoiceItemSubscriptionDetails struct {
	Subscription     string  `json:"subscription"`
	SubscriptionItem *string `json:"subscription_item,omitempty"`
}

// invoiceItemProrations are a proration item's credited items and
// discounts; stripetest makes no prorations.
type invoiceItemProrations struct {
	CreditedItems   *invoiceCreditedItems   `json:"credited_items"`
	DiscountAmounts []invoiceDiscountAmount `json:"discount_amounts"`
}

// invoicePeriod is the period an invoice item or line covers (Unix
// seconds).
type invoicePeriod struct {
	End   int64 `json:"end"`
	Start int64 `json:"start"`
}

// invoicePricing is how an invoice item or line is priced: by a price.
type invoicePricing struct {
	PriceDetails      *invoicePriceDetails `json:"price_details"`
	Type              string               `json:"type"`
	UnitAmountDecimal *string              `json:"unit_amount_decimal"`
}

// invoicePriceDetails names the price (and its product) of a line.
type invoicePriceDetails struct {
	Price   string `json:"price"`
	Product string `json:"product"`
}

// copy returns a copy of p (nil for nil).
func (p *invoicePricing) copy() *invoicePricing {
	if p == nil {
		return nil
	}
	c := *p
	c.UnitAmountDecimal = copyPtr(p.UnitAmountDecimal)
	if p.PriceDetails != nil {
		d := *p.PriceDetails
		c.PriceDetails = &d
	}
	return &c
}

// pricingOf is the pricing of a line or item billed at price.
func pricingOf(p *price) *invoicePricing {
	var dec *string
	if p.UnitAmountDecimal != nil {
		dec = ptr(*p.UnitAmountDecimal)
	}
	return &invoicePricing{PriceDetails: &invoicePriceDetails{Price: p.ID, Product: p.Product}, Type: "price_details", UnitAmountDecimal: dec}
}

// copyMetadata returns a copy of md, never nil.
func copyMetadata(md map[string]string) map[string]string {
	c := make(map[string]string, len(md))
	for k, v := range md {
		c[k] = v
	}
	return c
}

// newInvoiceItem builds (but does not store) a pending item of one unit
// of nothing for the customer cusID.
func (s *Server) newInvoiceItem(cusID, currency string, testClock *string) *invoiceItem {
	now := s.unix()
	return &invoiceItem{
		meta:     meta{ID: s.newID("ii"), Object: "invoiceitem"},
		Currency: currency, Customer: cusID, Date: now, Discountable: true, Discounts: []string{}, Metadata: map[string]string{},
		Period: invoicePeriod{Start: now, End: now}, ProrationDetails: invoiceItemProrations{DiscountAmounts: []invoiceDiscountAmount{}},
		Quantity: 1, QuantityDecimal: "1", TaxRates: []string{}, TestClock: copyPtr(testClock),
	}
}

// applyItemAmount sets amount, unit amount, quantity, currency and pricing
// from amount, price_data, pricing[price], unit_amount_decimal and
// quantity. create requires one way of pricing the item.
func (s *Server) applyItemAmount(ii *invoiceItem, f *form, create bool) error {
	qty := ii.Quantity
	if n, ok := f.int("quantity"); ok {
		if n < 0 {
			return invalid("quantity", "", "Invalid non-negative integer")
		}
		qty = n
	}
	var unit int64
	hasUnit := ii.Unit != nil
	if hasUnit {
		unit = *ii.Unit
	}
	switch {
	case f.has("amount"):
		n, _ := f.int("amount")
		ii.Amount, ii.Pricing, ii.Unit = n, nil, nil
		hasUnit = false
		if c, ok := f.str("currency"); ok {
			ii.Currency = c
		}
	case f.has("pricing"):
		id, _ := f.sub("pricing").str("price")
		price, err := s.getPrice(id)
		if err != nil {
			return invalid("pricing[price]", "resource_missing", "No such price: '%s'", id)
		}
		if price.Type != "one_time" {
			return invalid("pricing[price]", "", "The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.")
		}
		unit, hasUnit = price.unit(), price.UnitAmount != nil
		ii.Currency = price.Currency
		ii.Pricing = pricingOf(price)
		ii.Pricing.PriceDetails.Price = id
		ii.Pricing.UnitAmountDecimal = ptr(strconv.FormatInt(unit, 10))
		if ii.Description == nil {
			if prod, ok := lookupAs[*product](s.st, price.Product); ok {
				ii.Description = ptr(prod.Name)
			}
		}
	case f.has("price_data"):
		pd := f.sub("price_data")
		prodID, _ := pd.str("product")
		prod, err := getAs[*product](s, "product", prodID)
		if err != nil {
			return invalid("price_data[product]", "resource_missing", "No such product: '%s'", prodID)
		}
		price, err := s.buildPrice(pd, prodID)
		if err != nil {
			return err
		}
		price.Active = false // an inline price
		s.insert(price)
		unit, hasUnit = price.unit(), price.UnitAmount != nil
		ii.Currency = price.Currency
		ii.Pricing = pricingOf(price)
		ii.Pricing.PriceDetails.Product = prodID
		if ii.Description == nil {
			ii.Description = ptr(prod.Name)
		}
	case f.has("unit_amount_decimal"):
		d, _ := f.str("unit_amount_decimal")
		x, err := strconv.ParseFloat(d, 64)
		if err != nil {
			return invalid("unit_amount_decimal", "", "Invalid decimal: %s", d)
		}
		unit, hasUnit = int64(x), true
	case create:
		return missingParam("amount")
	}
	if hasUnit {
		ii.Unit = ptr(unit)
		ii.Amount = unit * qty
	}
	ii.Quantity = qty
	ii.QuantityDecimal = strconv.FormatInt(qty, 10)
	ii.NetAmount = ii.Amount
	return f.failed()
}

func (s *Server) applyItemParams(ii *invoiceItem, f *form) {
	setNullable(&ii.Description, f, "description")
	if b, ok := f.bool("discountable"); ok {
		ii.Discountable = b
	}
	if f.has("period") {
		p := f.sub("period")
		start, _ := p.int("start")
		end, _ := p.int("end")
		ii.Period = invoicePeriod{Start: start, End: end}
	}
	ii.Metadata = mergeMetadata(ii.Metadata, f)
}

// editableInvoice checks that an item can change: it is pending or on a
// draft invoice, which it returns.
func (s *Server) editableInvoice(ii *invoiceItem) (*invoice, error) {
	if ii.Invoice == nil {
		return nil, nil
	}
	inv, ok := lookupAs[*invoice](s.st, *ii.Invoice)
	if !ok {
		return nil, nil
	}
	if inv.Status != "draft" {
		return nil, invalid("invoice", "invoice_not_editable", "Invoice %s is finalized; its items can no longer be changed.", inv.ID)
	}
	return inv, nil
}

func (s *Server) createInvoiceItem(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	ii := s.newInvoiceItem(cusID, "usd", cus.TestClock)
	s.applyItemParams(ii, f)
	if err := s.applyItemAmount(ii, f, true); err != nil {
		return nil, err
	}
	var inv *invoice
	if invID, ok := f.str("invoice"); ok {
		i, err := getAs[*invoice](s, "invoice", invID)
		if err != nil {
			return nil, invalid("invoice", "resource_missing", "No such invoice: '%s'", invID)
		}
		if i.Status != "draft" {
			return nil, invalid("invoice", "invoice_not_editable", "You can only add invoice items to draft invoices; %s is %s.", invID, i.Status)
		}
		if i.Customer != cusID {
			return nil, invalid("invoice", "", "The invoice %s belongs to another customer.", invID)
		}
		if i.Currency != ii.Currency {
			return nil, invalid("currency", "", "The currency %s of the item does not match the invoice's (%s).", ii.Currency, i.Currency)
		}
		inv = i
		ii.Invoice = &invID
	}
	s.insert(ii)
	s.emit(r, "invoiceitem.created", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return s.render(ii, r.expand), nil
}

func (s *Server) updateInvoiceItem(r *request) (any, error) {
	ii, err := getAs[*invoiceItem](s, "invoiceitem", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	inv, err := s.editableInvoice(ii)
	if err != nil {
		return nil, err
	}
	f := r.form
	clone := cloneRecord(ii)
	s.applyItemParams(clone, f)
	if err := s.applyItemAmount(clone, f, false); err != nil {
		return nil, err
	}
	*ii = *clone
	s.emit(r, "invoiceitem.updated", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return s.render(ii, r.expand), nil
}

func (s *Server) deleteInvoiceItem(r *request) (any, error) {
	ii, err := getAs[*invoiceItem](s, "invoiceitem", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	inv, err := s.editableInvoice(ii)
	if err != nil {
		return nil, err
	}
	s.remove(ii)
	s.emit(r, "invoiceitem.deleted", ii, nil)
	if inv != nil {
		s.recalcInvoice(inv)
	}
	return obj{"id": ii.ID, "object": "invoiceitem", "deleted": true}, nil
}

func (s *Server) listInvoiceItems(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	inv, hasInv := f.str("invoice")
	pending, hasPending := f.bool("pending")
	return listOf(s, r, "invoiceitem", "/v1/invoiceitems", func(ii *invoiceItem) bool {
		return (!hasCus || ii.Customer == cus) && (!hasInv || (ii.Invoice != nil && *ii.Invoice == inv)) &&
			(!hasPending || (ii.Invoice == nil) == pending)
	})
}
