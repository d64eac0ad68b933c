package stripetest

import (
	"fmt"
	"strconv"
)

// CreatePreview, simplified: the preview is the subscription's next
// period's invoice, billed at the proposed items (subscription_details
// items: a new price or quantity, a deleted or an added item), plus the
// customer's pending invoice items and invoice_items, less the
// subscription's active discounts and the discounts param. Prorations are
// not computed: a proposed change is billed from the next period, whatever
// proration_behavior says. Nothing is stored.

func (s *Server) registerInvoicePreview() {
	s.handle("POST", "/v1/invoices/create_preview", s.createInvoicePreview)
}

// previewItem is one subscription item as the preview bills it.
type previewItem struct {
	id    string // the item's ID; "" for a proposed new item
	price *price
	qty   int64
}

func (s *Server) createInvoicePreview(r *request) (any, error) {
	f := r.form
	var sub *subscription
	if id, ok := f.str("subscription"); ok && id != "" {
		x, err := getAs[*subscription](s, "subscription", id)
		if err != nil {
			return nil, invalid("subscription", "resource_missing", "No such subscription: '%s'", id)
		}
		sub = x
	}
	cusID := f.strOr("customer", "")
	if sub != nil {
		if cusID != "" && cusID != sub.Customer {
			return nil, invalid("customer", "", "The subscription %s belongs to another customer.", sub.ID)
		}
		cusID = sub.Customer
	}
	if cusID == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, invalid("customer", "", "Provide customer or subscription to preview an invoice (customer_details alone is not supported by stripetest).")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}

	// The items billed: the subscription's, with the proposed changes.
	var items []*previewItem
	start := s.unix()
	if sub != nil {
		for _, si := range s.subItemsOf(sub) {
			if p, ok := s.st.lookupPrice(si.Price); ok {
				items = append(items, &previewItem{id: si.ID, price: p, qty: si.Quantity})
			}
			if end := si.CurrentPeriodEnd; end > 0 {
				start = end
			}
		}
	}
	details := f.sub("subscription_details")
	if v, ok := details.str("proration_behavior"); ok && v != "create_prorations" && v != "none" && v != "always_invoice" {
		return nil, invalid("subscription_details[proration_behavior]", "", "Invalid proration_behavior")
	}
	for _, itf := range details.forms("items") {
		var it *previewItem
		if id, ok := itf.str("id"); ok {
			for _, x := range items {
				if x.id != "" && x.id == id {
					it = x
				}
			}
			if it == nil {
				return nil, invalid(itf.name("id"), "resource_missing", "No such subscription item: '%s'", id)
			}
			if del, _ := itf.bool("deleted"); del {
				it.qty = -1
				continue
			}
		} else {
			it = &previewItem{qty: 1}
			items = append(items, it)
		}
		if itf.has("price") || itf.has("price_data") || it.price == nil {
			p, err := s.previewPrice(itf)
			if err != nil {
				return nil, err
			}
			it.price = p
		}
		if n, ok := itf.int("quantity"); ok {
			it.qty = n
		}
		if itf.has("discounts") {
			return nil, invalid(itf.name("discounts"), "", "Discounts on a subscription item are not supported by stripetest; put them on the subscription.")
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}

	currency := "usd"
	if sub != nil {
		currency = sub.Currency
	} else if cus.Currency != nil {
		currency = *cus.Currency
	}
	for _, it := range items {
		if it.qty >= 0 && it.price != nil {
			currency = it.price.Currency
			break
		}
	}
	currency = f.strOr("currency", currency)
	inv := s.newInvoice(cus, currency, "charge_automatically", "upcoming")
	id := "upcoming_" + inv.ID
	inv.ID = id
	if sub != nil {
		inv.CollectionMethod = sub.CollectionMethod
		inv.Parent = subscriptionParent(sub.ID, sub.Metadata)
	}
	inv.PeriodStart, inv.PeriodEnd = start, start
	var lines []*invoiceLineItem
	for _, it := range items {
		if it.qty < 0 || it.price == nil {
			continue
		}
		if it.price.Currency != currency {
			return nil, invalid("subscription_details[items]", "", "All prices on a subscription must have the same currency.")
		}
		lines = append(lines, s.previewSubLine(id, it, start, sub))
	}
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") {
		if ii.Customer == cusID && ii.Invoice == nil && ii.Currency == currency {
			lines = append(lines, itemLine(ii, "il_tmp_"+randomID(12), id))
		}
	}
	for _, itf := range f.forms("invoice_items") {
		line, err := s.previewItemLine(id, currency, itf)
		if err != nil {
			return nil, err
		}
		lines = append(lines, line)
	}

	// Discounts: the subscription's active ones, then the proposed.
	var ds []*discount
	if sub != nil {
		for _, did := range sub.Discounts {
			if d, ok := lookupAs[*discount](s.st, did); ok && s.discountActive(d) {
				ds = append(ds, d)
			}
		}
	}
	proposed, _, err := s.newDiscounts(f, cusID)
	if err != nil {
		return nil, err
	}
	for _, d := range proposed {
		if d.ID == "" {
			d = cloneRecord(d)
			d.ID = "di_tmp_" + randomID(12)
		}
		ds = append(ds, d)
	}
	inv.Discounts = make([]string, len(ds))
	for i, d := range ds {
		inv.Discounts[i] = d.ID
	}

	var subtotal int64
	for _, l := range lines {
		subtotal += l.Amount
	}
	total := subtotal - s.takeDiscounts(inv, lines, ds)
	inv.Lines = lines
	inv.Subtotal, inv.SubtotalExcludingTax = subtotal, subtotal
	inv.Total, inv.TotalExcludingTax = total, total
	inv.AmountDue, inv.AmountRemaining = max(total, 0), max(total, 0)
	inv.NextPaymentAttempt = &start
	return s.render(inv, r.expand), nil
}

// previewPrice finds an existing recurring price (price) or describes an
// inline one (price_data) without storing it.
func (s *Server) previewPrice(f *form) (*price, error) {
	if id, ok := f.str("price"); ok {
		p, err := getAs[*price](s, "price", id)
		if err != nil {
			return nil, invalid(f.name("price"), "resource_missing", "No such price: '%s'", id)
		}
		if p.Recurring == nil {
			return nil, invalid(f.name("price"), "", "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.")
		}
		return p, nil
	}
	if f.has("price_data") {
		pd := f.sub("price_data")
		prodID, _ := pd.str("product")
		if _, err := getAs[*product](s, "product", prodID); err != nil {
			return nil, invalid(pd.name("product"), "resource_missing", "No such product: '%s'", prodID)
		}
		p, err := s.buildPrice(pd, prodID)
		if err != nil {
			return nil, err
		}
		if p.Recurring == nil {
			return nil, missingParam(pd.name("recurring"))
		}
		return p, nil
	}
	return nil, missingParam(f.name("price"))
}

// previewSubLine is the line of one subscription item for the period
// starting at start.
func (s *Server) previewSubLine(invID string, it *previewItem, start int64, sub *subscription) *invoiceLineItem {
	interval, count := it.price.interval()
	end := periodEnd(start, interval, max(count, 1))
	unit := it.price.unit()
	var subID *string
	if sub != nil {
		subID = ptr(sub.ID)
	}
	desc := fmt.Sprintf("%d × %s (at %s / %s)", it.qty, s.productName(it.price), money(unit, it.price.Currency), interval)
	return s.newSubLine("il_tmp_"+randomID(12), invID, subID, nilIfEmpty(it.id), it.price, it.qty, unit*it.qty, desc, start, end)
}

// previewItemLine is the line of one invoice_items[i] entry: amount, or
// unit_amount or a one-time price times quantity.
func (s *Server) previewItemLine(invID, currency string, f *form) (*invoiceLineItem, error) {
	if f.has("invoiceitem") {
		return nil, invalid(f.name("invoiceitem"), "", "Changing an existing invoice item in a preview is not supported by stripetest.")
	}
	qty := int64(1)
	if n, ok := f.int("quantity"); ok {
		qty = n
	}
	var amount int64
	var pricing *invoicePricing
	switch {
	case f.has("amount"):
		amount, _ = f.int("amount")
	case f.has("unit_amount"):
		unit, _ := f.int("unit_amount")
		amount = unit * qty
	case f.has("price"):
		id, _ := f.str("price")
		p, err := getAs[*price](s, "price", id)
		if err != nil {
			return nil, invalid(f.name("price"), "resource_missing", "No such price: '%s'", id)
		}
		amount = p.unit() * qty
		pricing = pricingOf(p)
	default:
		return nil, missingParam(f.name("amount"))
	}
	if c, ok := f.str("currency"); ok && c != currency {
		return nil, invalid(f.name("currency"), "", "The currency %s does not match the preview's (%s).", c, currency)
	}
	discountable := true
	if b, ok := f.bool("discountable"); ok {
		discountable = b
	}
	if f.has("discounts") {
		return nil, invalid(f.name("discounts"), "", "Discounts on a preview's invoice item are not supported by stripetest.")
	}
	now := s.unix()
	return &invoiceLineItem{
		ID: "il_tmp_" + randomID(12), Object: "line_item", Amount: amount, Currency: currency, Description: ptr(f.strOr("description", "")),
		DiscountAmounts: []invoiceDiscountAmount{}, Discountable: discountable, Discounts: []string{}, Invoice: invID, Metadata: map[string]string{},
		Parent: invoiceLineParent{InvoiceItemDetails: &invoiceLineItemDetails{}, Type: "invoice_item_details"},
		Period: invoicePeriod{Start: now, End: now}, PretaxCreditAmounts: []invoicePretaxCreditAmount{}, Pricing: pricing,
		Quantity: qty, QuantityDecimal: strconv.FormatInt(qty, 10), Subtotal: amount, Taxes: []invoiceTax{},
	}, f.failed()
}
