package stripetest

import (
	"errors"
	"fmt"
)

func (s *Server) registerInvoices() {
	s.handle("POST", "/v1/invoices", s.createInvoice)
	s.handle("GET", "/v1/invoices", s.listInvoices)
	s.handle("GET", "/v1/invoices/{id}", func(r *request) (any, error) {
		inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(inv, r.expand), nil
	})
	s.handle("GET", "/v1/invoices/{id}/lines", s.listInvoiceLines)
	s.handle("POST", "/v1/invoices/{id}", s.updateInvoice)
	s.handle("DELETE", "/v1/invoices/{id}", s.deleteInvoice)
	s.handle("POST", "/v1/invoices/{id}/finalize", s.finalizeInvoice)
	s.handle("POST", "/v1/invoices/{id}/pay", s.payInvoice)
	s.handle("POST", "/v1/invoices/{id}/send", s.sendInvoice)
	s.handle("POST", "/v1/invoices/{id}/void", s.voidInvoice)
	s.handle("POST", "/v1/invoices/{id}/mark_uncollectible", s.markUncollectible)
}

// invoice is an Invoice. Its lines (the subscription's and one per invoice
// item on it) are kept in Lines and rendered into the lines list, whose
// first embeddedPage items the invoice embeds.
type invoice struct {
	meta
	AccountCountry      string   `json:"account_country"`
	AccountName         string   `json:"account_name"`
	AccountTaxIDs       []string `json:"account_tax_ids"` // null: stripetest's account has none
	AmountDue           int64    `json:"amount_due"`
	AmountOverpaid      int64    `json:"amount_overpaid"`
	AmountPaid          int64    `json:"amount_paid"`
	AmountPaidOffStripe int64    `json:"amount_paid_off_stripe"`
	AmountRemaining     int64    `json:"amount_remaining"`
	AmountShipping      int64    `json:"amount_shipping"`
	Application         *string  `json:"application"`
	// ApplicationFeeAmount is on the wire only once the param set it.
	ApplicationFeeAmount         *int64                      `json:"application_fee_amount,omitempty"`
	AttemptCount                 int64                       `json:"attempt_count"`
	Attempted                    bool                        `json:"attempted"`
	AutoAdvance                  bool                        `json:"auto_advance"`
	AutomaticTax                 invoiceAutomaticTax         `json:"automatic_tax"`
	AutomaticallyFinalizesAt     *int64                      `json:"automatically_finalizes_at"`
	BillingReason                string                      `json:"billing_reason"`
	CollectionMethod             string                      `json:"collection_method"`
	ConfirmationSecret           *invoiceConfirmationSecret  `json:"confirmation_secret"`
	Created                      int64                       `json:"created"`
	Currency                     string                      `json:"currency"`
	CustomFields                 []invoiceCustomField        `json:"custom_fields"` // null when none were set
	Customer                     string                      `json:"customer"`
	CustomerAddress              *address                    `json:"customer_address"`
	CustomerEmail                *string                     `json:"customer_email"`
	CustomerName                 *string                     `json:"customer_name"`
	CustomerPhone                *string                     `json:"customer_phone"`
	CustomerShipping             *shipping                   `json:"customer_shipping"`
	CustomerTaxExempt            *string                     `json:"customer_tax_exempt"`
	CustomerTaxIDs               []invoiceCustomerTaxID      `json:"customer_tax_ids"`
	DefaultPaymentMethod         *string                     `json:"default_payment_method"`
	DefaultSource                *string                     `json:"default_source"`
	DefaultTaxRates              []string                    `json:"default_tax_rates"`
	Description                  *string                     `json:"description"`
	Discounts                    []string                    `json:"discounts"`
	DueDate                      *int64                      `json:"due_date"`
	EffectiveAt                  *int64                      `json:"effective_at"`
	EndingBalance                *int64                      `json:"ending_balance"`
	Footer                       *string                     `json:"footer"`
	FromInvoice                  *invoiceFromInvoice         `json:"from_invoice"`
	HostedInvoiceURL             *string                     `json:"hosted_invoice_url"`
	InvoicePDF                   *string                     `json:"invoice_pdf"`
	Issuer                       invoiceIssuer               `json:"issuer"`
	LastFinalizationError        *invoiceFinalizationError   `json:"last_finalization_error"`
	LatestRevision               *string                     `json:"latest_revision"`
	Livemode                     bool                        `json:"livemode"`
	Metadata                     map[string]string           `json:"metadata"`
	NextPaymentAttempt           *int64                      `json:"next_payment_attempt"`
	Number                       *string                     `json:"number"`
	OnBehalfOf                   *string                     `json:"on_behalf_of"`
	Parent                       *invoiceParent              `json:"parent"`
	PaymentSettings              invoicePaymentSettings      `json:"payment_settings"`
	PeriodEnd                    int64                       `json:"period_end"`
	PeriodStart                  int64                       `json:"period_start"`
	PostPaymentCreditNotesAmount int64                       `json:"post_payment_credit_notes_amount"`
	PrePaymentCreditNotesAmount  int64                       `json:"pre_payment_credit_notes_amount"`
	ReceiptNumber                *string                     `json:"receipt_number"`
	Rendering                    *invoiceRendering           `json:"rendering"`
	ShippingCost                 *invoiceShippingCost        `json:"shipping_cost"`
	ShippingDetails              *shipping                   `json:"shipping_details"`
	StartingBalance              int64                       `json:"starting_balance"`
	StatementDescriptor          *string                     `json:"statement_descriptor"`
	Status                       string                      `json:"status"`
	StatusTransitions            invoiceStatusTransitions    `json:"status_transitions"`
	Subtotal                     int64                       `json:"subtotal"`
	SubtotalExcludingTax         int64                       `json:"subtotal_excluding_tax"`
	TestClock                    *string                     `json:"test_clock"`
	Total                        int64                       `json:"total"`
	TotalDiscountAmounts         []invoiceDiscountAmount     `json:"total_discount_amounts"`
	TotalExcludingTax            int64                       `json:"total_excluding_tax"`
	TotalPretaxCreditAmounts     []invoicePretaxCreditAmount `json:"total_pretax_credit_amounts"`
	TotalTaxes                   []invoiceTax                `json:"total_taxes"`
	WebhooksDeliveredAt          *int64                      `json:"webhooks_delivered_at"`

	// SubLines are the lines a subscription put on the invoice; Lines are
	// all of them, the subscription's first, as recalcInvoice last made
	// them.
	SubLines []*invoiceLineItem `json:"_sublines,omitempty"`
	Lines    []*invoiceLineItem `json:"_lines,omitempty"`
	// SubDiscounted is set once the subscription's discounts were taken
	// onto the invoice (see discountInvoice).
	SubDiscounted bool `json:"_subdisc,omitempty"`
}

func (inv *invoice) createdAt() int64 { return inv.Created }

// complete adds the lines list, whose first embeddedPage lines the invoice
// embeds.
func (inv *invoice) complete(s *Server, t obj) {
	data := make([]any, len(inv.Lines))
	for i, l := range inv.Lines {
		data[i] = lineTree(l)
	}
	t["lines"] = listObject("/v1/invoices/"+inv.ID+"/lines", data)
}

// invoiceAutomaticTax is an invoice's automatic tax settings; stripetest
// computes no tax.
type invoiceAutomaticTax struct {
	DisabledReason *string        `json:"disabled_reason"`
	Enabled        bool           `json:"enabled"`
	Liability      *invoiceIssuer `json:"liability"`
	Provider       *string        `json:"provider"`
	Status         *string        `json:"status"`
}

// invoiceIssuer is the account an invoice is issued by (or, as a tax
// liability, the account liable): type "self" or "account".
type invoiceIssuer struct {
	Account *string `json:"account,omitempty"`
	Type    string  `json:"type"`
}

// invoiceConfirmationSecret is the client secret of an invoice's payment;
// stripetest never sets one.
type invoiceConfirmationSecret struct {
	ClientSecret string `json:"client_secret"`
	Type         string `json:"type"`
}

// invoiceCustomerTaxID is a customer tax ID copied onto an invoice;
// stripetest copies none.
type invoiceCustomerTaxID struct {
	Type  string  `json:"type"`
	Value *string `json:"value"`
}

// invoiceFromInvoice names the invoice this one revises; stripetest makes
// no revisions.
type invoiceFromInvoice struct {
	Action  string `json:"action"`
	Invoice string `json:"invoice"`
}

// invoiceFinalizationError is why finalizing failed; stripetest's
// finalizations do not fail.
type invoiceFinalizationError struct {
	Code    *string `json:"code,omitempty"`
	Message *string `json:"message,omitempty"`
	Type    string  `json:"type"`
}

// invoiceParent is what an invoice was made for: a subscription here.
type invoiceParent struct {
	QuoteDetails        *invoiceQuoteDetails        `json:"quote_details"`
	SubscriptionDetails *invoiceSubscriptionDetails `json:"subscription_details"`
	Type                string                      `json:"type"`
}

// invoiceQuoteDetails names a quote; stripetest has no quotes.
type invoiceQuoteDetails struct {
	Quote string `json:"quote"`
}

// invoiceSubscriptionDetails names the subscription an invoice bills, with
// its metadata when the invoice was made.
type invoiceSubscriptionDetails struct {
	Metadata     map[string]string `json:"metadata"`
	Subscription string            `json:"subscription"`
}

// invoicePaymentSettings are an invoice's payment settings; stripetest
// sets none.
type invoicePaymentSettings struct {
	DefaultMandate       *string                      `json:"default_mandate"`
	PaymentMethodOptions *invoicePaymentMethodOptions `json:"payment_method_options"`
	PaymentMethodTypes   []string                     `json:"payment_method_types"`
}

// invoicePaymentMethodOptions are per-method payment options; stripetest
// has none to set.
type invoicePaymentMethodOptions struct{}

// invoiceRendering are an invoice's PDF settings; stripetest sets none.
type invoiceRendering struct {
	AmountTaxDisplay *string `json:"amount_tax_display"`
	Template         *string `json:"template"`
	TemplateVersion  *int64  `json:"template_version"`
}

// invoiceShippingCost is shipping charged on an invoice; stripetest
// charges none.
type invoiceShippingCost struct {
	AmountSubtotal int64        `json:"amount_subtotal"`
	AmountTax      int64        `json:"amount_tax"`
	AmountTotal    int64        `json:"amount_total"`
	ShippingRate   *string      `json:"shipping_rate"`
	Taxes          []invoiceTax `json:"taxes,omitempty"`
}

// invoiceStatusTransitions are when an invoice changed status.
type invoiceStatusTransitions struct {
	FinalizedAt           *int64 `json:"finalized_at"`
	MarkedUncollectibleAt *int64 `json:"marked_uncollectible_at"`
	PaidAt                *int64 `json:"paid_at"`
	VoidedAt              *int64 `json:"voided_at"`
}

// invoiceDiscountAmount is what one discount took off a line, an invoice
// or an invoice item.
type invoiceDiscountAmount struct {
	Amount   int64  `json:"amount"`
	Discount string `json:"discount"`
}

// invoicePretaxCreditAmount is a credit taken off before tax; stripetest
// lists discounts in discount_amounts instead and has no credit grants.
type invoicePretaxCreditAmount struct {
	Amount                   int64   `json:"amount"`
	CreditBalanceTransaction *string `json:"credit_balance_transaction,omitempty"`
	Discount                 *string `json:"discount,omitempty"`
	Type                     string  `json:"type"`
}

// invoiceTax is a tax on an invoice or a line; stripetest computes none.
type invoiceTax struct {
	Amount           int64  `json:"amount"`
	TaxBehavior      string `json:"tax_behavior"`
	TaxabilityReason string `json:"taxability_reason"`
	TaxableAmount    *int64 `json:"taxable_amount"`
	Type             string `json:"type"`
}

// newInvoice builds (but does not store) a draft invoice for cus.
func (s *Server) newInvoice(cus *customer, currency, collection, reason string) *invoice {
	now := s.unix()
	inv := &invoice{
		meta:           meta{ID: s.newID("in"), Object: "invoice"},
		AccountCountry: "US", AccountName: "stripetest",
		Issuer:        invoiceIssuer{Type: "self"},
		BillingReason: reason, CollectionMethod: collection, Created: now, Currency: currency,
		Customer: cus.ID, CustomerAddress: copyAddress(cus.Address), CustomerShipping: copyShipping(cus.Shipping),
		CustomerEmail: copyPtr(cus.Email), CustomerName: copyPtr(cus.Name), CustomerPhone: copyPtr(cus.Phone),
		CustomerTaxExempt: ptr(cus.TaxExempt), CustomerTaxIDs: []invoiceCustomerTaxID{},
		DefaultTaxRates: []string{}, Discounts: []string{}, Metadata: map[string]string{},
		PeriodEnd: now, PeriodStart: now, Status: "draft",
		TestClock:            copyPtr(cus.TestClock),
		TotalDiscountAmounts: []invoiceDiscountAmount{}, TotalPretaxCreditAmounts: []invoicePretaxCreditAmount{}, TotalTaxes: []invoiceTax{},
	}
	return inv
}

// recalcInvoice rebuilds a draft invoice's lines from its invoice items
// (and subscription lines) and makes the totals add up.
func (s *Server) recalcInvoice(inv *invoice) {
	lines := append([]*invoiceLineItem(nil), inv.SubLines...)
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") {
		if ii.Invoice == nil || *ii.Invoice != inv.ID {
			continue
		}
		if ii.Line == "" {
			ii.Line = s.newID("il")
		}
		lines = append(lines, itemLine(ii, ii.Line, inv.ID))
	}
	var subtotal int64
	for _, l := range lines {
		subtotal += l.Amount
	}
	inv.Lines = lines
	inv.Subtotal, inv.SubtotalExcludingTax = subtotal, subtotal
	total := subtotal - s.discountInvoice(inv, lines) // discounts.go
	inv.Total, inv.TotalExcludingTax = total, total
	due := max(total, 0)
	inv.AmountDue = due
	inv.AmountRemaining = due - inv.AmountPaid
}

func (s *Server) applyInvoiceParams(inv *invoice, f *form) error {
	setNullable(&inv.Description, f, "description")
	setNullable(&inv.Footer, f, "footer")
	setNullable(&inv.Number, f, "number")
	setNullable(&inv.StatementDescriptor, f, "statement_descriptor")
	setNullable(&inv.OnBehalfOf, f, "on_behalf_of")
	if b, ok := f.bool("auto_advance"); ok {
		inv.AutoAdvance = b
	}
	if v, ok := f.str("collection_method"); ok {
		if v != "charge_automatically" && v != "send_invoice" {
			return invalid("collection_method", "", "Invalid collection_method: must be one of charge_automatically or send_invoice")
		}
		inv.CollectionMethod = v
	}
	for _, p := range []struct {
		k   string
		dst **int64
	}{{"application_fee_amount", &inv.ApplicationFeeAmount}, {"automatically_finalizes_at", &inv.AutomaticallyFinalizesAt},
		{"due_date", &inv.DueDate}, {"effective_at", &inv.EffectiveAt}} {
		if n, ok := f.int(p.k); ok {
			*p.dst = &n
		}
	}
	if n, ok := f.int("days_until_due"); ok {
		inv.DueDate = ptr(inv.Created + n*86400)
	}
	if at := f.sub("automatic_tax"); len(at.m) > 0 {
		inv.AutomaticTax.Enabled, _ = at.bool("enabled")
	}
	if f.has("custom_fields") {
		var cf []invoiceCustomField
		for _, c := range f.forms("custom_fields") {
			cf = append(cf, invoiceCustomField{Name: c.strOr("name", ""), Value: c.strOr("value", "")})
		}
		inv.CustomFields = cf
	}
	if f.has("default_tax_rates") {
		inv.DefaultTaxRates = append([]string{}, f.strings("default_tax_rates")...)
	}
	for _, p := range []struct {
		k   string
		dst **string
	}{{"default_payment_method", &inv.DefaultPaymentMethod}, {"default_source", &inv.DefaultSource}} {
		if v, ok := f.str(p.k); ok {
			if v == "" {
				*p.dst = nil
				continue
			}
			pm, err := s.resolvePaymentMethod(v, p.k)
			if err != nil {
				return err
			}
			*p.dst = ptr(pm.base().ID)
		}
	}
	inv.Metadata = mergeMetadata(inv.Metadata, f)
	if err := f.failed(); err != nil {
		return err
	}
	if inv.CollectionMethod == "send_invoice" && inv.DueDate == nil {
		return invalid("days_until_due", "", "Invoices with `collection_method=send_invoice` must have either a `due_date` or `days_until_due`.")
	}
	return nil
}

func (s *Server) createInvoice(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		if f.has("subscription") {
			return nil, invalid("subscription", "", "Creating invoices for subscriptions is not supported by stripetest; subscriptions create their own invoices.")
		}
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	currency := "usd"
	if cus.Currency != nil {
		currency = *cus.Currency
	}
	currency = f.strOr("currency", currency)
	inv := s.newInvoice(cus, currency, "charge_automatically", "manual")
	if err := s.applyInvoiceParams(inv, f); err != nil {
		return nil, err
	}
	behavior := f.strOr("pending_invoice_items_behavior", "exclude")
	if behavior != "include" && behavior != "exclude" {
		return nil, invalid("pending_invoice_items_behavior", "", "Invalid pending_invoice_items_behavior: must be one of include or exclude")
	}
	ds, _, err := s.newDiscounts(f, cusID)
	if err != nil {
		return nil, err
	}
	s.insert(inv)
	inv.Discounts = s.storeDiscounts(inv.ID, "invoice", ds)
	if behavior == "include" {
		s.attachPendingItems(inv)
	}
	s.recalcInvoice(inv)
	s.emit(r, "invoice.created", inv, nil)
	return s.render(inv, r.expand), nil
}

// attachPendingItems moves the customer's pending invoice items in the
// invoice's currency onto it.
func (s *Server) attachPendingItems(inv *invoice) {
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") {
		if ii.Customer == inv.Customer && ii.Invoice == nil && ii.Currency == inv.Currency {
			ii.Invoice = ptr(inv.ID)
		}
	}
}

func (s *Server) updateInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if inv.Status != "draft" {
		allowed := map[string]bool{"metadata": true, "expand": true}
		if inv.Status == "open" {
			for _, k := range []string{"description", "footer", "auto_advance", "custom_fields", "due_date", "days_until_due"} {
				allowed[k] = true
			}
		}
		for k := range f.m {
			if !allowed[k] {
				return nil, invalid(k, "invoice_not_editable", "You can't update %s on a %s invoice.", k, inv.Status)
			}
		}
	}
	before := s.snapshot(inv)
	clone := cloneRecord(inv)
	if err := s.applyInvoiceParams(clone, f); err != nil {
		return nil, err
	}
	ds, cleared, err := s.newDiscounts(f, inv.Customer)
	if err != nil {
		return nil, err
	}
	*inv = *clone
	if len(ds) > 0 || cleared {
		inv.Discounts = s.storeDiscounts(inv.ID, "invoice", ds)
		s.recalcInvoice(inv)
	}
	s.emitUpdated(r, "invoice.updated", inv, before)
	return s.render(inv, r.expand), nil
}

func (s *Server) deleteInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "draft" {
		return nil, invalid("", "invoice_not_editable", "You can only delete draft invoices; %s is %s.", inv.ID, inv.Status)
	}
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") {
		if ii.Invoice != nil && *ii.Invoice == inv.ID {
			ii.Invoice = nil // back to pending
		}
	}
	s.remove(inv)
	s.emit(r, "invoice.deleted", inv, nil)
	return obj{"id": inv.ID, "object": "invoice", "deleted": true}, nil
}

// finalize moves a draft invoice to open (or straight to paid when
// nothing is due).
func (s *Server) finalize(r *request, inv *invoice) {
	s.recalcInvoice(inv)
	now := s.unix()
	if inv.Number == nil {
		if cus, ok := lookupAs[*customer](s.st, inv.Customer); ok {
			inv.Number = ptr(fmt.Sprintf("%s-%04d", cus.InvoicePrefix, cus.NextInvoiceSequence))
			cus.NextInvoiceSequence++
		}
	}
	inv.Status = "open"
	inv.StatusTransitions.FinalizedAt = &now
	inv.HostedInvoiceURL = ptr("https://invoice.stripe.com/i/stripetest/" + inv.ID)
	inv.InvoicePDF = ptr("https://pay.stripe.com/invoice/stripetest/" + inv.ID + "/pdf")
	inv.EndingBalance = ptr(int64(0))
	if inv.EffectiveAt == nil {
		inv.EffectiveAt = &now
	}
	s.emit(r, "invoice.finalized", inv, nil)
	if inv.AmountDue == 0 {
		s.markPaid(r, inv, false)
	}
}

func (s *Server) markPaid(r *request, inv *invoice, outOfBand bool) {
	due := inv.AmountRemaining
	inv.Status = "paid"
	inv.AmountPaid += due
	if outOfBand {
		inv.AmountPaidOffStripe += due
	}
	inv.AmountRemaining = 0
	inv.StatusTransitions.PaidAt = ptr(s.unix())
	inv.NextPaymentAttempt = nil
	s.emit(r, "invoice.paid", inv, nil)
	if !outOfBand {
		s.emit(r, "invoice.payment_succeeded", inv, nil)
	}
	if sub, ok := lookupAs[*subscription](s.st, s.invoiceSubscription(inv)); ok && (sub.Status == "incomplete" || sub.Status == "past_due") {
		before := s.snapshot(sub)
		sub.Status = "active"
		s.emitUpdated(r, "customer.subscription.updated", sub, before)
	}
}

// invoiceSubscription is the ID of the subscription inv bills, or "".
func (s *Server) invoiceSubscription(inv *invoice) string {
	if inv.Parent != nil && inv.Parent.SubscriptionDetails != nil {
		return inv.Parent.SubscriptionDetails.Subscription
	}
	return ""
}

// subscriptionParent is the parent of an invoice billing the subscription
// subID, which has metadata md.
func subscriptionParent(subID string, md map[string]string) *invoiceParent {
	return &invoiceParent{SubscriptionDetails: &invoiceSubscriptionDetails{Metadata: copyMetadata(md), Subscription: subID}, Type: "subscription_details"}
}

func (s *Server) finalizeInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "draft" {
		return nil, invalid("", "invoice_not_editable", "This invoice is already finalized, you can't re-finalize a non-draft invoice.")
	}
	if b, ok := r.form.bool("auto_advance"); ok {
		inv.AutoAdvance = b
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	s.finalize(r, inv)
	return s.render(inv, r.expand), nil
}

// invoicePaymentMethod picks what pays an invoice: the pay params, the
// invoice's defaults, then the customer's.
func (s *Server) invoicePaymentMethod(inv *invoice, f *form) (paymentSource, error) {
	for _, k := range []string{"payment_method", "source"} {
		if v, ok := f.str(k); ok {
			return s.resolvePaymentMethod(v, k)
		}
	}
	var candidates []string
	for _, id := range []*string{inv.DefaultPaymentMethod, inv.DefaultSource} {
		if id != nil {
			candidates = append(candidates, *id)
		}
	}
	if sub, ok := lookupAs[*subscription](s.st, s.invoiceSubscription(inv)); ok {
		candidates = append(candidates, deref(sub.DefaultPaymentMethod), deref(sub.DefaultSource))
	}
	if cus, ok := lookupAs[*customer](s.st, inv.Customer); ok {
		candidates = append(candidates, deref(cus.InvoiceSettings.DefaultPaymentMethod), deref(cus.DefaultSource))
	}
	for _, id := range candidates {
		if pm, ok := lookupAs[paymentSource](s.st, id); ok {
			return pm, nil
		}
	}
	return nil, invalid("", "", "This customer has no attached payment source or default payment method. Please consider adding a default payment method.")
}

// collect charges an open invoice's remaining amount.
// With retry (an automatic attempt), a failure schedules the next attempt.
func (s *Server) collect(r *request, inv *invoice, pm paymentSource, retry bool) error {
	amount := inv.AmountRemaining
	inv.Attempted = true
	inv.AttemptCount++
	pi := s.newInvoicePaymentIntent(amount, inv.Currency, inv.Customer, pm.base().ID)
	s.emit(r, "payment_intent.created", pi, nil)
	if err := s.confirmPI(r, pi, pm); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			ae.paymentIntent, ae.paymentMethod = nil, nil
			inv.NextPaymentAttempt = nil
			if retry {
				s.scheduleRetry(inv)
			}
			s.emit(r, "invoice.payment_failed", inv, nil)
		}
		return err
	}
	s.markPaid(r, inv, false)
	return nil
}

func (s *Server) payInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	switch inv.Status {
	case "draft", "open", "uncollectible":
	case "paid":
		return nil, invalid("", "invoice_already_paid", "Invoice is already paid")
	default:
		return nil, invalid("", "invoice_not_editable", "You cannot pay a %s invoice.", inv.Status)
	}
	outOfBand, _ := f.bool("paid_out_of_band")
	f.bool("forgive")
	f.bool("off_session")
	if err := f.failed(); err != nil {
		return nil, err
	}
	if inv.Status == "draft" {
		s.recalcInvoice(inv)
	}
	var pm paymentSource
	if !outOfBand && inv.AmountRemaining > 0 {
		if pm, err = s.invoicePaymentMethod(inv, f); err != nil {
			return nil, err
		}
	}
	if inv.Status == "draft" {
		s.finalize(r, inv)
	}
	switch {
	case inv.Status == "paid":
	case outOfBand || pm == nil:
		s.markPaid(r, inv, outOfBand)
	default:
		if err := s.collect(r, inv, pm, false); err != nil {
			return nil, err
		}
	}
	return s.render(inv, r.expand), nil
}

func (s *Server) sendInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "open" {
		return nil, invalid("", "invoice_not_editable", "You can only send an open invoice; %s is %s.", inv.ID, inv.Status)
	}
	s.emit(r, "invoice.sent", inv, nil)
	return s.render(inv, r.expand), nil
}

func (s *Server) voidInvoice(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "open" && inv.Status != "uncollectible" {
		return nil, invalid("", "invoice_not_editable", "You can only void an open or uncollectible invoice; %s is %s.", inv.ID, inv.Status)
	}
	inv.Status = "void"
	inv.StatusTransitions.VoidedAt = ptr(s.unix())
	inv.NextPaymentAttempt = nil
	s.emit(r, "invoice.voided", inv, nil)
	return s.render(inv, r.expand), nil
}

func (s *Server) markUncollectible(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if inv.Status != "open" {
		return nil, invalid("", "invoice_not_editable", "You can only mark an open invoice uncollectible; %s is %s.", inv.ID, inv.Status)
	}
	inv.Status = "uncollectible"
	inv.StatusTransitions.MarkedUncollectibleAt = ptr(s.unix())
	s.emit(r, "invoice.marked_uncollectible", inv, nil)
	return s.render(inv, r.expand), nil
}

func (s *Server) listInvoices(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	status, hasStatus := f.str("status")
	sub, hasSub := f.str("subscription")
	cm, hasCM := f.str("collection_method")
	due := f.rangeQuery("due_date")
	return listOf(s, r, "invoice", "/v1/invoices", func(inv *invoice) bool {
		return (!hasCus || inv.Customer == cus) && (!hasStatus || inv.Status == status) &&
			(!hasSub || s.invoiceSubscription(inv) == sub) && (!hasCM || inv.CollectionMethod == cm) &&
			(!f.has("due_date") || (inv.DueDate != nil && due(*inv.DueDate)))
	})
}

// listInvoiceLines pages all of an invoice's lines; the invoice embeds the
// first ten.
func (s *Server) listInvoiceLines(r *request) (any, error) {
	inv, err := getAs[*invoice](s, "invoice", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	return s.pageLines(r, inv.Lines, "/v1/invoices/"+inv.ID+"/lines")
}

// invoiceNumber is a finalized invoice's number ("" before finalizing).
func invoiceNumber(inv *invoice) string {
	if inv.Number == nil {
		return ""
	}
	return *inv.Number
}
