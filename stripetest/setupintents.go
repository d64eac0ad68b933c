package stripetest

import (
	"net/http"
	"strings"
)

// Setup intents (/v1/setup_intents): confirming with a working test card
// (pm_card_visa, or a stored card payment method) succeeds and attaches
// the payment method to the intent's customer; a declining one
// (pm_card_chargeDeclined, ...) fails with 402 card_declined carrying the
// intent, which goes back to requires_payment_method with
// last_setup_error, as on Stripe.

// setupIntent is a SetupIntent (seti_...). The *nullObject fields are
// objects stripetest never fills: always null.
type setupIntent struct {
	meta
	Application                       *string                         `json:"application"`
	AutomaticPaymentMethods           *nullObject                     `json:"automatic_payment_methods"`
	CancellationReason                *string                         `json:"cancellation_reason"`
	ClientSecret                      string                          `json:"client_secret"`
	Created                           int64                           `json:"created"`
	Customer                          *string                         `json:"customer"`
	CustomerAccount                   *string                         `json:"customer_account"`
	Description                       *string                         `json:"description"`
	ExcludedPaymentMethodTypes        []string                        `json:"excluded_payment_method_types"`
	FlowDirections                    []string                        `json:"flow_directions"`
	LastSetupError                    *setupError                     `json:"last_setup_error"`
	LatestAttempt                     *string                         `json:"latest_attempt"`
	Livemode                          bool                            `json:"livemode"`
	Mandate                           *string                         `json:"mandate"`
	Metadata                          map[string]string               `json:"metadata"`
	NextAction                        *nullObject                     `json:"next_action"`
	OnBehalfOf                        *string                         `json:"on_behalf_of"`
	PaymentMethod                     *string                         `json:"payment_method"`
	PaymentMethodConfigurationDetails *nullObject                     `json:"payment_method_configuration_details"`
	PaymentMethodOptions              setupIntentPaymentMethodOptions `json:"payment_method_options"`
	PaymentMethodTypes                []string                        `json:"payment_method_types"`
	SingleUseMandate                  *string                         `json:"single_use_mandate"`
	Status                            string                          `json:"status"`
	Usage                             string                          `json:"usage"`
}

func (si *setupIntent) createdAt() int64 { return si.Created }

// setupIntentPaymentMethodOptions is a setup intent's
// payment_method_options.
type setupIntentPaymentMethodOptions struct {
	Card setupIntentCardOptions `json:"card"`
}

// setupIntentCardOptions is payment_method_options.card (MandateOptions
// always null).
type setupIntentCardOptions struct {
	MandateOptions      *nullObject `json:"mandate_options"`
	Network             *string     `json:"network"`
	RequestThreeDSecure string      `json:"request_three_d_secure"`
}

// setupError is a setup intent's last_setup_error. Its payment_method is
// stored as the ID and rendered as the payment method (see complete).
type setupError struct {
	Code              string `json:"code"`
	DeclineCode       string `json:"decline_code"`
	DocURL            string `json:"doc_url"`
	Message           string `json:"message"`
	PaymentMethod     string `json:"payment_method"`
	PaymentMethodType string `json:"payment_method_type"`
	Type              string `json:"type"`
}

// complete renders last_setup_error.payment_method as the payment method
// it names, as Stripe embeds it.
func (si *setupIntent) complete(s *Server, t obj) {
	if si.LastSetupError == nil {
		return
	}
	e, _ := t["last_setup_error"].(obj)
	if pm, ok := s.st.lookup(si.LastSetupError.PaymentMethod); ok && e != nil {
		e["payment_method"] = s.tree(pm)
	}
}

func (s *Server) registerSetupIntents() {
	s.handle("POST", "/v1/setup_intents", s.createSetupIntent)
	s.handle("GET", "/v1/setup_intents", func(r *request) (any, error) {
		cus, _ := r.form.str("customer")
		pm, _ := r.form.str("payment_method")
		return listOf(s, r, "setup_intent", "/v1/setup_intents", func(si *setupIntent) bool {
			return (cus == "" || deref(si.Customer) == cus) && (pm == "" || deref(si.PaymentMethod) == pm)
		})
	})
	s.handle("GET", "/v1/setup_intents/{id}", func(r *request) (any, error) {
		si, err := getAs[*setupIntent](s, "setup_intent", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(si, r.expand), nil
	})
	s.handle("POST", "/v1/setup_intents/{id}", s.updateSetupIntent)
	s.handle("POST", "/v1/setup_intents/{id}/confirm", s.confirmSetupIntent)
	s.handle("POST", "/v1/setup_intents/{id}/cancel", s.cancelSetupIntent)
}

// setupIntentChangeable is the error for changing (verb) a setup intent
// that is past confirmation, or nil.
func setupIntentChangeable(si *setupIntent, verb string) error {
	switch si.Status {
	case "requires_payment_method", "requires_confirmation", "requires_action":
		return nil
	}
	return invalid("", "setup_intent_unexpected_state",
		"You cannot %s this SetupIntent because it has a status of %s.", verb, si.Status)
}

func (s *Server) createSetupIntent(r *request) (any, error) {
	f := r.form
	id := s.newID("seti")
	si := &setupIntent{
		meta:         meta{ID: id, Object: "setup_intent"},
		ClientSecret: id + "_secret_" + randomID(24), Created: s.unix(), Metadata: map[string]string{},
		PaymentMethodOptions: setupIntentPaymentMethodOptions{Card: setupIntentCardOptions{RequestThreeDSecure: "automatic"}},
		PaymentMethodTypes:   []string{"card"}, Status: "requires_payment_method", Usage: f.strOr("usage", "off_session"),
	}
	if f.has("payment_method_types") {
		si.PaymentMethodTypes = append([]string{}, f.strings("payment_method_types")...)
	}
	if err := s.applySetupIntentParams(si, f); err != nil {
		return nil, err
	}
	confirm, _ := f.bool("confirm")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(si)
	s.emit(r, "setup_intent.created", si, nil)
	if confirm {
		return s.runSetup(r, si)
	}
	return s.render(si, r.expand), nil
}

// applySetupIntentParams sets the fields create and update share.
func (s *Server) applySetupIntentParams(si *setupIntent, f *form) error {
	if v, ok := f.str("customer"); ok {
		if v == "" {
			si.Customer = nil
		} else {
			if _, err := s.customer(v); err != nil {
				return invalid("customer", "resource_missing", "No such customer: '%s'", v)
			}
			si.Customer = &v
		}
	}
	if v, ok := f.str("payment_method"); ok {
		pm, err := s.resolvePaymentMethod(v, "payment_method")
		if err != nil {
			return err
		}
		pmID := pm.base().ID
		si.PaymentMethod = &pmID
		si.Status = "requires_confirmation"
	}
	setNullable(&si.Description, f, "description")
	si.Metadata = mergeMetadata(si.Metadata, f)
	return f.failed()
}

func (s *Server) updateSetupIntent(r *request) (any, error) {
	si, err := getAs[*setupIntent](s, "setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if err := setupIntentChangeable(si, "update"); err != nil {
		return nil, err
	}
	clone := cloneRecord(si)
	if err := s.applySetupIntentParams(clone, r.form); err != nil {
		return nil, err
	}
	*si = *clone
	return s.render(si, r.expand), nil
}

func (s *Server) confirmSetupIntent(r *request) (any, error) {
	si, err := getAs[*setupIntent](s, "setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if err := setupIntentChangeable(si, "confirm"); err != nil {
		return nil, err
	}
	if v, ok := r.form.str("payment_method"); ok {
		pm, err := s.resolvePaymentMethod(v, "payment_method")
		if err != nil {
			return nil, err
		}
		pmID := pm.base().ID
		si.PaymentMethod = &pmID
	}
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	return s.runSetup(r, si)
}

// runSetup confirms si with its payment method.
func (s *Server) runSetup(r *request, si *setupIntent) (any, error) {
	pmID := deref(si.PaymentMethod)
	if pmID == "" {
		return nil, invalid("payment_method", "setup_intent_unexpected_state",
			"You cannot confirm this SetupIntent because it's missing a payment method. Update it with a payment_method and confirm again.")
	}
	pm, err := s.resolvePaymentMethod(pmID, "payment_method")
	if err != nil {
		return nil, err
	}
	if ae := attachDecline(testCards[pm.testCard()], ""); ae != nil {
		si.Status = "requires_payment_method"
		si.PaymentMethod = nil
		si.LastSetupError = &setupError{
			Type: ae.typ, Code: ae.code, DeclineCode: ae.declineCode, Message: ae.message,
			DocURL:        "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(ae.code, "_", "-"),
			PaymentMethod: pm.base().ID, PaymentMethodType: "card",
		}
		s.emit(r, "setup_intent.setup_failed", si, nil)
		ae.setupIntent = s.render(si, nil)
		ae.paymentMethod = s.render(pm, nil)
		ae.status = http.StatusPaymentRequired
		ae.saved = true
		return nil, ae
	}
	id := pm.base().ID
	si.PaymentMethod = &id
	si.Status = "succeeded"
	si.LastSetupError = nil
	if p, ok := pm.(*paymentMethod); ok && p.Customer == nil && si.Customer != nil {
		p.setCustomer(*si.Customer)
		s.emit(r, "payment_method.attached", p, nil)
	}
	s.emit(r, "setup_intent.succeeded", si, nil)
	return s.render(si, r.expand), nil
}

func (s *Server) cancelSetupIntent(r *request) (any, error) {
	si, err := getAs[*setupIntent](s, "setup_intent", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if err := setupIntentChangeable(si, "cancel"); err != nil {
		return nil, err
	}
	reason, _ := r.form.str("cancellation_reason")
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	si.Status = "canceled"
	if reason != "" {
		si.CancellationReason = &reason
	}
	s.emit(r, "setup_intent.canceled", si, nil)
	return s.render(si, r.expand), nil
}
