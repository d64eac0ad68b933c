package stripetest

import "errors"

func (s *Server) registerPaymentIntents() {
	s.handle("POST", "/v1/payment_intents", s.createPaymentIntent)
	s.handle("GET", "/v1/payment_intents", s.listPaymentIntents)
	s.handle("GET", "/v1/payment_intents/{id}", func(r *request) (any, error) {
		pi, err := getAs[*paymentIntent](s, "payment_intent", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(pi, r.expand), nil
	})
	s.handle("POST", "/v1/payment_intents/{id}", s.updatePaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/confirm", s.confirmPaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/capture", s.capturePaymentIntent)
	s.handle("POST", "/v1/payment_intents/{id}/cancel", s.cancelPaymentIntent)
}

// paymentIntent is a PaymentIntent: a payment's lifecycle from creation
// through confirmation (its charges) to success, capture or cancellation.
type paymentIntent struct {
	meta
	Amount                            int64                  `json:"amount"`
	AmountCapturable                  int64                  `json:"amount_capturable"`
	AmountDetails                     piAmountDetails        `json:"amount_details"`
	AmountReceived                    int64                  `json:"amount_received"`
	Application                       *string                `json:"application"`
	ApplicationFeeAmount              *int64                 `json:"application_fee_amount"`
	AutomaticPaymentMethods           *piAutomaticMethods    `json:"automatic_payment_methods"`
	CanceledAt                        *int64                 `json:"canceled_at"`
	CancellationReason                *string                `json:"cancellation_reason"`
	CaptureMethod                     string                 `json:"capture_method"`
	ClientSecret                      string                 `json:"client_secret"`
	ConfirmationMethod                string                 `json:"confirmation_method"`
	Created                           int64                  `json:"created"`
	Currency                          string                 `json:"currency"`
	Customer                          *string                `json:"customer"`
	Description                       *string                `json:"description"`
	ExcludedPaymentMethodTypes        []string               `json:"excluded_payment_method_types"` // always null
	LastPaymentError                  *piPaymentError        `json:"last_payment_error"`
	LatestCharge                      *string                `json:"latest_charge"`
	Livemode                          bool                   `json:"livemode"`
	Metadata                          map[string]string      `json:"metadata"`
	NextAction                        *nullObject            `json:"next_action"`
	OnBehalfOf                        *string                `json:"on_behalf_of"`
	PaymentMethod                     *string                `json:"payment_method"`
	PaymentMethodConfigurationDetails *nullObject            `json:"payment_method_configuration_details"`
	PaymentMethodOptions              piPaymentMethodOptions `json:"payment_method_options"`
	PaymentMethodTypes                []string               `json:"payment_method_types"`
	Processing                        *nullObject            `json:"processing"`
	ReceiptEmail                      *string                `json:"receipt_email"`
	Review                            *string                `json:"review"`
	SetupFutureUsage                  *string                `json:"setup_future_usage"`
	Shipping                          *chargeShipping        `json:"shipping"` // a charge's shape
	StatementDescriptor               *string                `json:"statement_descriptor"`
	StatementDescriptorSuffix         *string                `json:"statement_descriptor_suffix"`
	Status                            string                 `json:"status"`
	TransferData                      *nullObject            `json:"transfer_data"`
	TransferGroup                     *string                `json:"transfer_group"`
}

func (pi *paymentIntent) createdAt() int64 { return pi.Created }

// complete renders the payment method of last_payment_error, which Stripe
// embeds whole; it is left out if that payment method is gone.
func (pi *paymentIntent) complete(s *Server, t obj) {
	e, ok := t["last_payment_error"].(obj)
	if !ok || pi.LastPaymentError == nil {
		return
	}
	if rec, found := s.st.lookup(pi.LastPaymentError.PaymentMethod); found {
		e["payment_method"] = s.tree(rec)
	}
}

// piAmountDetails is a payment intent's amount_details: no tip.
type piAmountDetails struct {
	Tip struct{} `json:"tip"`
}

// piAutomaticMethods is automatic_payment_methods.
type piAutomaticMethods struct {
	AllowRedirects string `json:"allow_redirects"`
	Enabled        bool   `json:"enabled"`
}

// piPaymentMethodOptions is payment_method_options: card options for a
// payment intent made through the API, none for an invoice's.
type piPaymentMethodOptions struct {
	Card *piCardOptions `json:"card,omitempty"`
}

// piCardOptions are a payment intent's card payment method options.
type piCardOptions struct {
	Installments        *nullObject `json:"installments"`
	MandateOptions      *nullObject `json:"mandate_options"`
	Network             *string     `json:"network"`
	RequestThreeDSecure string      `json:"request_three_d_secure"`
}

// piPaymentError is last_payment_error: the decline of the latest charge.
// Its payment_method, the declined one, is rendered whole from the stored
// object (complete).
type piPaymentError struct {
	Charge            string `json:"charge"`
	Code              string `json:"code"`
	DeclineCode       string `json:"decline_code"`
	DocURL            string `json:"doc_url"`
	Message           string `json:"message"`
	PaymentMethod     string `json:"_payment_method"`
	PaymentMethodType string `json:"payment_method_type"`
	Type              string `json:"type"`
}

func unexpectedState(pi *paymentIntent, action string) *apiError {
	return invalid("", "payment_intent_unexpected_state",
		"You cannot %s this PaymentIntent because it has a status of %s.", action, pi.Status)
}

// applyPIParams sets the fields create, update and confirm share.
func (s *Server) applyPIParams(pi *paymentIntent, f *form) error {
	setNullable(&pi.Description, f, "description")
	setNullable(&pi.ReceiptEmail, f, "receipt_email")
	setNullable(&pi.SetupFutureUsage, f, "setup_future_usage")
	setNullable(&pi.StatementDescriptor, f, "statement_descriptor")
	setNullable(&pi.StatementDescriptorSuffix, f, "statement_descriptor_suffix")
	setNullable(&pi.TransferGroup, f, "transfer_group")
	if v, ok := f.str("capture_method"); ok {
		switch v {
		case "automatic", "automatic_async", "manual":
			pi.CaptureMethod = v
		default:
			return invalid("capture_method", "", "Invalid capture_method: must be one of automatic, automatic_async, or manual")
		}
	}
	if n, ok := f.int("application_fee_amount"); ok {
		pi.ApplicationFeeAmount = &n
	}
	if f.has("payment_method_types") {
		pi.PaymentMethodTypes = f.strings("payment_method_types")
		if pi.PaymentMethodTypes == nil {
			pi.PaymentMethodTypes = []string{}
		}
		pi.AutomaticPaymentMethods = nil
	}
	if f.has("shipping") {
		pi.Shipping = chargeShippingParams(f.sub("shipping"))
	}
	if id, ok := f.str("customer"); ok {
		if id == "" {
			pi.Customer = nil
		} else {
			if _, err := s.customer(id); err != nil {
				return invalid("customer", "resource_missing", "No such customer: '%s'", id)
			}
			pi.Customer = &id
		}
	}
	pi.Metadata = mergeMetadata(pi.Metadata, f)
	return f.failed()
}

func (s *Server) createPaymentIntent(r *request) (any, error) {
	f := r.form
	amount, currency, err := amountParams(f)
	if err != nil {
		return nil, err
	}
	id := s.newID("pi")
	pi := &paymentIntent{
		meta: meta{ID: id, Object: "payment_intent"}, Amount: amount,
		AutomaticPaymentMethods: &piAutomaticMethods{AllowRedirects: "always", Enabled: true},
		CaptureMethod:           "automatic_async", ClientSecret: id + "_secret_" + randomID(24), ConfirmationMethod: "automatic",
		Created: s.unix(), Currency: currency, Metadata: map[string]string{},
		PaymentMethodOptions: piPaymentMethodOptions{Card: &piCardOptions{RequestThreeDSecure: "automatic"}},
		PaymentMethodTypes:   []string{"card"}, Status: "requires_payment_method",
	}
	if err := s.applyPIParams(pi, f); err != nil {
		return nil, err
	}
	if v, ok := f.str("confirmation_method"); ok {
		pi.ConfirmationMethod = v
	}
	if apm := f.sub("automatic_payment_methods"); len(apm.m) > 0 {
		enabled, _ := apm.bool("enabled")
		pi.AutomaticPaymentMethods = &piAutomaticMethods{AllowRedirects: apm.strOr("allow_redirects", "always"), Enabled: enabled}
	}
	confirm, _ := f.bool("confirm")
	var pm paymentSource
	if pmID, ok := f.str("payment_method"); ok {
		if pm, err = s.resolvePaymentMethod(pmID, "payment_method"); err != nil {
			return nil, err
		}
		pi.PaymentMethod = ptr(pm.base().ID)
		pi.Status = "requires_confirmation"
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	if confirm && pm == nil {
		return nil, invalid("payment_method", "payment_intent_unexpected_state",
			"You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	s.insert(pi)
	s.emit(r, "payment_intent.created", pi, nil)
	if confirm {
		if err := s.confirmPI(r, pi, pm); err != nil {
			return nil, err
		}
	}
	return s.render(pi, r.expand), nil
}

// newInvoicePaymentIntent stores the payment intent that collects an
// invoice's amount from customer with the payment method pm.
func (s *Server) newInvoicePaymentIntent(amount int64, currency, customer, pm string) *paymentIntent {
	id := s.newID("pi")
	pi := &paymentIntent{
		meta: meta{ID: id, Object: "payment_intent"}, Amount: amount, CaptureMethod: "automatic",
		ClientSecret: id + "_secret_" + randomID(24), ConfirmationMethod: "automatic", Created: s.unix(), Currency: currency,
		Description: ptr("Payment for Invoice"), Metadata: map[string]string{}, PaymentMethod: ptr(pm), PaymentMethodTypes: []string{"card"},
		Status: "requires_confirmation",
	}
	if customer != "" {
		pi.Customer = ptr(customer)
	}
	s.insert(pi)
	return pi
}

// confirmPI charges pm for pi and moves pi on: to succeeded, to
// requires_capture with manual capture, or back to requires_payment_method
// when the card declines (a 402 error carrying the payment intent).
func (s *Server) confirmPI(r *request, pi *paymentIntent, pm paymentSource) error {
	capture := pi.CaptureMethod != "manual"
	ch, err := s.charge(r, chargeSpec{
		amount: pi.Amount, currency: pi.Currency, customer: deref(pi.Customer), pm: pm,
		capture: capture, paymentIntent: pi.ID, description: deref(pi.Description),
	})
	var ae *apiError
	if errors.As(err, &ae) && ch != nil {
		pi.LatestCharge = ptr(ch.ID)
		pi.Status = "requires_payment_method"
		pi.PaymentMethod = nil
		pi.LastPaymentError = &piPaymentError{
			Type: ae.typ, Code: ae.code, DeclineCode: ae.declineCode, Message: ae.message, Charge: ch.ID,
			DocURL: "https://stripe.com/docs/error-codes/" + ae.code, PaymentMethod: pm.base().ID, PaymentMethodType: "card",
		}
		s.emit(r, "payment_intent.payment_failed", pi, nil)
		ae.paymentIntent = s.render(pi, nil)
		ae.paymentMethod = s.render(pm, nil)
		return ae
	}
	if err != nil {
		return err
	}
	pi.PaymentMethod = ptr(pm.base().ID)
	pi.LatestCharge = ptr(ch.ID)
	pi.LastPaymentError = nil
	if capture {
		pi.Status = "succeeded"
		pi.AmountReceived = pi.Amount
		s.emit(r, "payment_intent.succeeded", pi, nil)
	} else {
		pi.Status = "requires_capture"
		pi.AmountCapturable = pi.Amount
		s.emit(r, "payment_intent.amount_capturable_updated", pi, nil)
	}
	return nil
}

func (s *Server) confirmPaymentIntent(r *request) (any, error) {
	pi, err := getAs[*paymentIntent](s, "payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch pi.Status {
	case "requires_payment_method", "requires_confirmation", "requires_action":
	default:
		return nil, unexpectedState(pi, "confirm")
	}
	f := r.form
	clone := cloneRecord(pi)
	if err := s.applyPIParams(clone, f); err != nil {
		return nil, err
	}
	pmID := deref(pi.PaymentMethod)
	if v, ok := f.str("payment_method"); ok {
		pmID = v
	}
	if pmID == "" {
		return nil, invalid("payment_method", "payment_intent_unexpected_state",
			"You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	pm, err := s.resolvePaymentMethod(pmID, "payment_method")
	if err != nil {
		return nil, err
	}
	*pi = *clone
	if err := s.confirmPI(r, pi, pm); err != nil {
		return nil, err
	}
	return s.render(pi, r.expand), nil
}

// succeedCapture records the capture of amount: the payment intent has
// succeeded.
func (s *Server) succeedCapture(r *request, pi *paymentIntent, amount int64) {
	pi.Status, pi.AmountReceived, pi.AmountCapturable = "succeeded", amount, 0
	s.emit(r, "payment_intent.succeeded", pi, nil)
}

func (s *Server) capturePaymentIntent(r *request) (any, error) {
	pi, err := getAs[*paymentIntent](s, "payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if pi.Status != "requires_capture" {
		return nil, unexpectedState(pi, "capture")
	}
	f := r.form
	amount := pi.AmountCapturable
	if n, ok := f.int("amount_to_capture"); ok {
		if n < 1 || n > amount {
			return nil, invalid("amount_to_capture", "amount_too_large", "The amount_to_capture (%d) must be at most the amount_capturable (%d).", n, amount)
		}
		amount = n
	}
	clone := cloneRecord(pi)
	setNullable(&clone.StatementDescriptor, f, "statement_descriptor")
	setNullable(&clone.StatementDescriptorSuffix, f, "statement_descriptor_suffix")
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	ch, ok := lookupAs[*charge](s.st, deref(pi.LatestCharge))
	if !ok {
		return nil, &apiError{status: 500, typ: "api_error", message: "stripetest: the payment intent has no charge to capture"}
	}
	*pi = *clone
	s.captureFunds(ch, amount)
	s.emit(r, "charge.captured", ch, nil)
	s.succeedCapture(r, pi, amount)
	return s.render(pi, r.expand), nil
}

func (s *Server) cancelPaymentIntent(r *request) (any, error) {
	pi, err := getAs[*paymentIntent](s, "payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	switch pi.Status {
	case "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing":
	default:
		return nil, unexpectedState(pi, "cancel")
	}
	var reason *string
	if v, ok := r.form.str("cancellation_reason"); ok {
		switch v {
		case "duplicate", "fraudulent", "requested_by_customer", "abandoned":
			reason = &v
		default:
			return nil, invalid("cancellation_reason", "", "Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer, or abandoned")
		}
	}
	if pi.Status == "requires_capture" {
		if ch, ok := lookupAs[*charge](s.st, deref(pi.LatestCharge)); ok {
			ch.AmountRefunded, ch.Refunded = ch.Amount, true // the authorization is released
		}
	}
	pi.Status, pi.CanceledAt, pi.CancellationReason, pi.AmountCapturable = "canceled", ptr(s.unix()), reason, 0
	s.emit(r, "payment_intent.canceled", pi, nil)
	return s.render(pi, r.expand), nil
}

func (s *Server) updatePaymentIntent(r *request) (any, error) {
	pi, err := getAs[*paymentIntent](s, "payment_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if pi.Status == "succeeded" || pi.Status == "canceled" {
		for k := range f.m {
			if k != "metadata" && k != "description" && k != "receipt_email" && k != "expand" && k != "shipping" {
				return nil, unexpectedState(pi, "update "+k+" on")
			}
		}
	}
	before := s.snapshot(pi)
	clone := cloneRecord(pi)
	if err := s.applyPIParams(clone, f); err != nil {
		return nil, err
	}
	if n, ok := f.int("amount"); ok {
		clone.Amount = n
	}
	if v, ok := f.str("currency"); ok {
		clone.Currency = v
	}
	if v, ok := f.str("payment_method"); ok {
		if v == "" {
			clone.PaymentMethod = nil
			clone.Status = "requires_payment_method"
		} else {
			pm, err := s.resolvePaymentMethod(v, "payment_method")
			if err != nil {
				return nil, err
			}
			clone.PaymentMethod = ptr(pm.base().ID)
			clone.Status = "requires_confirmation"
		}
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	*pi = *clone
	s.emitUpdated(r, "payment_intent.updated", pi, before)
	return s.render(pi, r.expand), nil
}

func (s *Server) listPaymentIntents(r *request) (any, error) {
	cus, hasCus := r.form.str("customer")
	return listOf(s, r, "payment_intent", "/v1/payment_intents", func(pi *paymentIntent) bool {
		return !hasCus || pi.Customer != nil && *pi.Customer == cus
	})
}
