package stripetest

// Payment links (/v1/payment_links): a link has a url (buy.stripe.com) and
// line items made from prices; it can be deactivated and listed.

func (s *Server) registerPaymentLinks() {
	s.handle("POST", "/v1/payment_links", s.createPaymentLink)
	s.handle("GET", "/v1/payment_links", func(r *request) (any, error) {
		active, has := r.form.bool("active")
		return listOf(s, r, "payment_link", "/v1/payment_links", func(pl *paymentLink) bool { return !has || pl.Active == active })
	})
	s.handle("GET", "/v1/payment_links/{id}", func(r *request) (any, error) {
		pl, err := getAs[*paymentLink](s, "payment_link", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(pl, r.expand), nil
	})
	s.handle("POST", "/v1/payment_links/{id}", s.updatePaymentLink)
	s.handle("GET", "/v1/payment_links/{id}/line_items", func(r *request) (any, error) {
		pl, err := getAs[*paymentLink](s, "payment_link", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.pageLineItems(r, pl.LineItems, "/v1/payment_links/"+pl.ID+"/line_items")
	})
}

// paymentLink is a PaymentLink. It has no created field on the wire, so
// lists order it by when it was stored. Its line items are shown only at
// /line_items.
type paymentLink struct {
	meta
	Active                    bool                       `json:"active"`
	AfterCompletion           paymentLinkAfterCompletion `json:"after_completion"`
	AllowPromotionCodes       bool                       `json:"allow_promotion_codes"`
	Application               *string                    `json:"application"`
	ApplicationFeeAmount      *int64                     `json:"application_fee_amount"`
	ApplicationFeePercent     *float64                   `json:"application_fee_percent"`
	AutomaticTax              paymentLinkAutomaticTax    `json:"automatic_tax"`
	BillingAddressCollection  string                     `json:"billing_address_collection"`
	ConsentCollection         *nullObject                `json:"consent_collection"` // never set: null
	Currency                  string                     `json:"currency"`
	CustomFields              []struct{}                 `json:"custom_fields"` // always empty
	CustomText                checkoutCustomText         `json:"custom_text"`
	CustomerCreation          string                     `json:"customer_creation"`
	InactiveMessage           *string                    `json:"inactive_message"`
	InvoiceCreation           *nullObject                `json:"invoice_creation"` // never set: null
	Livemode                  bool                       `json:"livemode"`
	Metadata                  map[string]string          `json:"metadata"`
	OnBehalfOf                *string                    `json:"on_behalf_of"`
	PaymentIntentData         *nullObject                `json:"payment_intent_data"` // never set: null
	PaymentMethodCollection   string                     `json:"payment_method_collection"`
	PaymentMethodTypes        []string                   `json:"payment_method_types"` // nil: null
	PhoneNumberCollection     paymentLinkPhoneCollection `json:"phone_number_collection"`
	Restrictions              *nullObject                `json:"restrictions"`                // never set: null
	ShippingAddressCollection *nullObject                `json:"shipping_address_collection"` // never set: null
	ShippingOptions           []struct{}                 `json:"shipping_options"`            // always empty
	SubmitType                string                     `json:"submit_type"`
	SubscriptionData          *nullObject                `json:"subscription_data"` // never set: null
	TaxIDCollection           paymentLinkTaxIDCollection `json:"tax_id_collection"`
	TransferData              *nullObject                `json:"transfer_data"` // never set: null
	URL                       string                     `json:"url"`

	LineItems []checkoutLineItem `json:"_line_items"`
}

// paymentLinkAfterCompletion is what a payment link shows after payment:
// always Stripe's confirmation page.
type paymentLinkAfterCompletion struct {
	HostedConfirmation *paymentLinkHostedConfirmation `json:"hosted_confirmation"`
	Type               string                         `json:"type"`
}

// paymentLinkHostedConfirmation is the message shown after a payment link payment.
type paymentLinkHostedConfirmation struct {
	CustomMessage *string `json:"custom_message"`
}

// paymentLinkAutomaticTax is a payment link's automatic_tax (never enabled).
type paymentLinkAutomaticTax struct {
	Enabled   bool        `json:"enabled"`
	Liability *nullObject `json:"liability"` // never set: null
}

// paymentLinkPhoneCollection says whether a payment link collects a phone number.
type paymentLinkPhoneCollection struct {
	Enabled bool `json:"enabled"`
}

// paymentLinkTaxIDCollection says whether a payment link collects tax IDs.
type paymentLinkTaxIDCollection struct {
	Enabled  bool   `json:"enabled"`
	Required string `json:"required"`
}

func (s *Server) createPaymentLink(r *request) (any, error) {
	f := r.form
	items, currency, _, _, err := s.buildLineItems(f)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, missingParam("line_items")
	}
	pl := &paymentLink{
		meta:   meta{ID: s.newID("plink"), Object: "payment_link"},
		Active: true, AfterCompletion: paymentLinkAfterCompletion{HostedConfirmation: &paymentLinkHostedConfirmation{}, Type: "hosted_confirmation"},
		BillingAddressCollection: "auto", Currency: currency, CustomFields: []struct{}{}, CustomerCreation: "if_required",
		Metadata: map[string]string{}, PaymentMethodCollection: "always", ShippingOptions: []struct{}{}, SubmitType: "auto",
		TaxIDCollection: paymentLinkTaxIDCollection{Required: "never"}, URL: "https://buy.stripe.com/test_" + randomID(14), LineItems: items,
	}
	if b, ok := f.bool("allow_promotion_codes"); ok {
		pl.AllowPromotionCodes = b
	}
	pl.Metadata = mergeMetadata(pl.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(pl)
	return s.render(pl, r.expand), nil
}

func (s *Server) updatePaymentLink(r *request) (any, error) {
	pl, err := getAs[*paymentLink](s, "payment_link", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	c := cloneRecord(pl)
	if b, ok := r.form.bool("active"); ok {
		c.Active = b
	}
	setNullable(&c.InactiveMessage, r.form, "inactive_message")
	c.Metadata = mergeMetadata(c.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*pl = *c
	return s.render(pl, r.expand), nil
}
