package stripetest

import (
	"slices"
	"strconv"
)

// Invoice line actions on a draft: add_lines, update_lines, remove_lines
// and POST /v1/invoices/{id}/lines/{line}. A line made here is an invoice
// item on the invoice (as on Stripe); subscription lines cannot be changed
// or removed by stripetest.

func (s *Server) registerInvoiceLineActions() {
	s.handle("POST", "/v1/invoices/{id}/add_lines", s.invoiceLinesAction(s.addInvoiceLines))
	s.handle("POST", "/v1/invoices/{id}/update_lines", s.invoiceLinesAction(s.updateInvoiceLines))
	s.handle("POST", "/v1/invoices/{id}/remove_lines", s.invoiceLinesAction(s.removeInvoiceLines))
	s.handle("POST", "/v1/invoices/{invoice}/lines/{line}", s.updateInvoiceLine)
}

// invoiceLineItem is a line of an invoice (object line_item). Lines are
// not stored on their own: their invoice holds them.
type invoiceLineItem struct {
	ID                  string                      `json:"id"`
	Object              string                      `json:"object"`
	Amount              int64                       `json:"amount"`
	Currency            string                      `json:"currency"`
	Description         *string                     `json:"description"`
	DiscountAmounts     []invoiceDiscountAmount     `json:"discount_amounts"`
	Discountable        bool                        `json:"discountable"`
	Discounts           []string                    `json:"discounts"`
	Invoice             string                      `json:"invoice"`
	Livemode            bool                        `json:"livemode"`
	Metadata            map[string]string           `json:"metadata"`
	Parent              invoiceLineParent           `json:"parent"`
	Period              invoicePeriod               `json:"period"`
	PretaxCreditAmounts []invoicePretaxCreditAmount `json:"pretax_credit_amounts"`
	Pricing             *invoicePricing             `json:"pricing"`
	Quantity            int64                       `json:"quantity"`
	QuantityDecimal     string                      `json:"quantity_decimal"`
	Subtotal            int64                       `json:"subtotal"`
	Taxes               []invoiceTax                `json:"taxes"`
}

// invoiceLineParent is what made a line: an invoice item or a
// subscription item (Type says which; the other is null).
type invoiceLineParent struct {
	InvoiceItemDetails      *invoiceLineItemDetails    `json:"invoice_item_details"`
	SubscriptionItemDetails *invoiceLineSubItemDetails `json:"subscription_item_details"`
	Type                    string                     `json:"type"`
}

// invoiceLineItemDetails names the invoice item behind a line (none for a
// preview's proposed item).
type invoiceLineItemDetails struct {
	InvoiceItem      *string               `json:"invoice_item"`
	Proration        bool                  `json:"proration"`
	ProrationDetails invoiceLineProrations `json:"proration_details"`
	Subscription     *string               `json:"subscription"`
}

// invoiceLineSubItemDetails names the subscription item behind a line
// (none for a preview's proposed item).
type invoiceLineSubItemDetails struct {
	InvoiceItem      *string               `json:"invoice_item"`
	Proration        bool                  `json:"proration"`
	ProrationDetails invoiceLineProrations `json:"proration_details"`
	Subscription     *string               `json:"subscription"`
	SubscriptionItem *string               `json:"subscription_item"`
}

// invoiceLineProrations are a proration line's credited items; stripetest
// makes no prorations.
type invoiceLineProrations struct {
	CreditedItems *invoiceCreditedItems `json:"credited_items"`
}

// invoiceCreditedItems are the lines a proration credits.
type invoiceCreditedItems struct {
	Invoice          string   `json:"invoice"`
	InvoiceLineItems []string `json:"invoice_line_items"`
}

// itemLine is the line with lineID of invoice item ii on invoice invID.
func itemLine(ii *invoiceItem, lineID, invID string) *invoiceLineItem {
	return &invoiceLineItem{
		ID: lineID, Object: "line_item", Amount: ii.Amount, Currency: ii.Currency, Description: copyPtr(ii.Description),
		DiscountAmounts: []invoiceDiscountAmount{}, Discountable: ii.Discountable, Discounts: []string{}, Invoice: invID,
		Metadata: copyMetadata(ii.Metadata),
		Parent:   invoiceLineParent{InvoiceItemDetails: &invoiceLineItemDetails{InvoiceItem: ptr(ii.ID)}, Type: "invoice_item_details"},
		Period:   ii.Period, PretaxCreditAmounts: []invoicePretaxCreditAmount{}, Pricing: ii.Pricing.copy(),
		Quantity: ii.Quantity, QuantityDecimal: ii.QuantityDecimal, Subtotal: ii.Amount, Taxes: []invoiceTax{},
	}
}

// newSubLine is the line billing qty of a subscription item's price
// (amount in all) for start to end. subID and itemID are nil in a preview
// without them.
func (s *Server) newSubLine(lineID, invID string, subID, itemID *string, price *price, qty, amount int64, desc string, start, end int64) *invoiceLineItem {
	return &invoiceLineItem{
		ID: lineID, Object: "line_item", Amount: amount, Currency: price.Currency, Description: &desc,
		DiscountAmounts: []invoiceDiscountAmount{}, Discountable: true, Discounts: []string{}, Invoice: invID, Metadata: map[string]string{},
		Parent: invoiceLineParent{Type: "subscription_item_details",
			SubscriptionItemDetails: &invoiceLineSubItemDetails{Subscription: subID, SubscriptionItem: itemID}},
		Period: invoicePeriod{Start: start, End: end}, PretaxCreditAmounts: []invoicePretaxCreditAmount{}, Pricing: pricingOf(price),
		Quantity: qty, QuantityDecimal: strconv.FormatInt(qty, 10), Subtotal: amount, Taxes: []invoiceTax{},
	}
}

// lineTree is a line as a JSON tree.
func lineTree(l *invoiceLineItem) obj {
	t, _ := valueTree(l).(obj) // a line always encodes as an object
	return t
}

// renderLine is a line as a response shows it, with the expand paths
// expanded.
func (s *Server) renderLine(l *invoiceLineItem, expand []string) obj {
	return s.expandTree(lineTree(l), expand)
}

// pageLines pages an invoice's lines.
func (s *Server) pageLines(r *request, lines []*invoiceLineItem, url string) (obj, error) {
	return pageSlice(r, lines, url, "line item", func(l *invoiceLineItem) string { return l.ID }, s.renderLine)
}

// invoiceLinesAction runs a lines action on a draft invoice, then applies
// invoice_metadata and recalculates it. The action checks every line and
// returns the change, which is made only when the whole request is valid.
func (s *Server) invoiceLinesAction(fn func(r *request, inv *invoice) (commit func(), err error)) handlerFunc {
	return func(r *request) (any, error) {
		inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		if inv.Status != "draft" {
			return nil, invalid("", "invoice_not_editable", "You can only change the lines of a draft invoice; %s is %s.", inv.ID, inv.Status)
		}
		if len(r.form.forms("lines")) == 0 {
			if err := r.form.failed(); err != nil {
				return nil, err
			}
			return nil, missingParam("lines")
		}
		before := s.snapshot(inv)
		commit, err := fn(r, inv)
		if err != nil {
			return nil, err
		}
		md := inv.Metadata
		if r.form.has("invoice_metadata") {
			f := &form{m: obj{"metadata": r.form.m["invoice_metadata"]}, err: r.form.err}
			md = mergeMetadata(copyMetadata(inv.Metadata), f)
		}
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		commit()
		inv.Metadata = md
		s.recalcInvoice(inv)
		s.emitUpdated(r, "invoice.updated", inv, before)
		return s.render(inv, r.expand), nil
	}
}

// lineItem finds the invoice item behind one of the invoice's lines.
func (s *Server) lineItem(inv *invoice, lineID, param string) (*invoiceItem, error) {
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") {
		if ii.Invoice != nil && *ii.Invoice == inv.ID && ii.Line == lineID {
			return ii, nil
		}
	}
	for _, l := range inv.SubLines {
		if l.ID == lineID {
			return nil, invalid(param, "", "Line %s comes from the subscription; stripetest cannot change or remove it.", lineID)
		}
	}
	return nil, invalid(param, "resource_missing", "No such invoice line item: '%s'", lineID)
}

func (s *Server) addInvoiceLines(r *request, inv *invoice) (func(), error) {
	var attach, add []*invoiceItem
	for _, lf := range r.form.forms("lines") {
		if lf.has("discounts") || lf.has("tax_amounts") {
			return nil, invalid(lf.prefix, "", "Line discounts and tax amounts are not supported by stripetest.")
		}
		if id, ok := lf.str("invoice_item"); ok {
			ii, err := getAs[*invoiceItem](s, "invoiceitem", id)
			if err != nil {
				return nil, invalid(lf.name("invoice_item"), "resource_missing", "No such invoice item: '%s'", id)
			}
			if ii.Invoice != nil || ii.Customer != inv.Customer || ii.Currency != inv.Currency || slices.Contains(attach, ii) {
				return nil, invalid(lf.name("invoice_item"), "", "Invoice item %s is not a pending item of this invoice's customer in %s.", id, inv.Currency)
			}
			attach = append(attach, ii)
			continue
		}
		ii := s.newInvoiceItem(inv.Customer, inv.Currency, inv.TestClock)
		ii.Invoice = ptr(inv.ID)
		s.applyItemParams(ii, lf)
		if err := s.applyItemAmount(ii, lf, true); err != nil {
			return nil, err
		}
		if ii.Currency != inv.Currency {
			return nil, invalid(lf.prefix, "", "The line's currency %s does not match the invoice's (%s).", ii.Currency, inv.Currency)
		}
		add = append(add, ii)
	}
	return func() {
		for _, ii := range attach {
			ii.Invoice = ptr(inv.ID)
		}
		for _, ii := range add {
			s.insert(ii)
		}
	}, nil
}

func (s *Server) updateInvoiceLines(r *request, inv *invoice) (func(), error) {
	changed := map[string]*invoiceItem{} // by item ID, a line given twice changed twice
	var order []string
	for _, lf := range r.form.forms("lines") {
		id, _ := lf.str("id")
		ii, err := s.lineItem(inv, id, lf.name("id"))
		if err != nil {
			return nil, err
		}
		if c, ok := changed[ii.ID]; ok {
			ii = c
		} else {
			order = append(order, ii.ID)
		}
		if changed[ii.ID], err = s.changedLineItem(ii, lf); err != nil {
			return nil, err
		}
	}
	return func() {
		for _, id := range order {
			if ii, ok := lookupAs[*invoiceItem](s.st, id); ok {
				*ii = *changed[id]
			}
		}
	}, nil
}

// changedLineItem is a copy of invoice item ii with a line's new values.
func (s *Server) changedLineItem(ii *invoiceItem, f *form) (*invoiceItem, error) {
	if f.has("discounts") || f.has("tax_amounts") {
		return nil, invalid("discounts", "", "Line discounts and tax amounts are not supported by stripetest.")
	}
	clone := cloneRecord(ii)
	s.applyItemParams(clone, f)
	if err := s.applyItemAmount(clone, f, false); err != nil {
		return nil, err
	}
	return clone, nil
}

func (s *Server) removeInvoiceLines(r *request, inv *invoice) (func(), error) {
	var del, unassign []*invoiceItem
	for _, lf := range r.form.forms("lines") {
		id, _ := lf.str("id")
		ii, err := s.lineItem(inv, id, lf.name("id"))
		if err != nil {
			return nil, err
		}
		switch lf.strOr("behavior", "") {
		case "delete":
			del = append(del, ii)
		case "unassign":
			unassign = append(unassign, ii)
		default:
			return nil, invalid(lf.name("behavior"), "", "Invalid behavior: must be one of delete or unassign")
		}
	}
	return func() {
		for _, ii := range unassign {
			ii.Invoice, ii.Line = nil, ""
		}
		for _, ii := range del {
			if _, ok := lookupAs[*invoiceItem](s.st, ii.ID); ok {
				s.remove(ii)
			}
		}
	}, nil
}

func (s *Server) updateInvoiceLine(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("invoice"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "draft" {
		return nil, invalid("", "invoice_not_editable", "You can only change the lines of a draft invoice; %s is %s.", inv.ID, inv.Status)
	}
	ii, err := s.lineItem(inv, r.pathVal("line"), "line_item_id")
	if err != nil {
		return nil, err
	}
	c, err := s.changedLineItem(ii, r.form)
	if err != nil {
		return nil, err
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*ii = *c
	s.recalcInvoice(inv)
	for _, l := range inv.Lines {
		if l.ID == r.pathVal("line") {
			return s.renderLine(l, r.expand), nil
		}
	}
	return nil, notFound("line item", r.pathVal("line"), "line_item_id")
}
