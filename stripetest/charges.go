package stripetest

import (
	"fmt"
	"net/http"
	"strings"
)

func (s *Server) registerCharges() {
	s.handle("POST", "/v1/charges", s.createCharge)
	s.handle("GET", "/v1/charges", s.listCharges)
	s.handle("GET", "/v1/charges/{id}", func(r *request) (any, error) {
		ch, err := getAs[*charge](s, "charge", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(ch, r.expand), nil
	})
	s.handle("POST", "/v1/charges/{id}", s.updateCharge)
	s.handle("POST", "/v1/charges/{id}/capture", s.captureCharge)
}

// charge is a Charge: a card payment, captured at once or later.
type charge struct {
	meta
	Amount                        int64                       `json:"amount"`
	AmountCaptured                int64                       `json:"amount_captured"`
	AmountRefunded                int64                       `json:"amount_refunded"`
	Application                   *string                     `json:"application"`
	ApplicationFee                *string                     `json:"application_fee"`
	ApplicationFeeAmount          *int64                      `json:"application_fee_amount"`
	BalanceTransaction            *string                     `json:"balance_transaction"`
	BillingDetails                chargeBillingDetails        `json:"billing_details"`
	CalculatedStatementDescriptor string                      `json:"calculated_statement_descriptor"`
	Captured                      bool                        `json:"captured"`
	Created                       int64                       `json:"created"`
	Currency                      string                      `json:"currency"`
	Customer                      *string                     `json:"customer"`
	Description                   *string                     `json:"description"`
	Disputed                      bool                        `json:"disputed"`
	FailureBalanceTransaction     *string                     `json:"failure_balance_transaction"`
	FailureCode                   *string                     `json:"failure_code"`
	FailureMessage                *string                     `json:"failure_message"`
	FraudDetails                  chargeFraudDetails          `json:"fraud_details"`
	Livemode                      bool                        `json:"livemode"`
	Metadata                      map[string]string           `json:"metadata"`
	OnBehalfOf                    *string                     `json:"on_behalf_of"`
	Outcome                       *chargeOutcome              `json:"outcome"`
	Paid                          bool                        `json:"paid"`
	PaymentIntent                 *string                     `json:"payment_intent"`
	PaymentMethod                 string                      `json:"payment_method"`
	PaymentMethodDetails          *chargePaymentMethodDetails `json:"payment_method_details"`
	RadarOptions                  chargeRadarOptions          `json:"radar_options"`
	ReceiptEmail                  *string                     `json:"receipt_email"`
	ReceiptNumber                 *string                     `json:"receipt_number"`
	ReceiptURL                    string                      `json:"receipt_url"`
	Refunded                      bool                        `json:"refunded"`
	Review                        *string                     `json:"review"`
	Shipping                      *chargeShipping             `json:"shipping"`
	SourceTransfer                *string                     `json:"source_transfer"`
	StatementDescriptor           *string                     `json:"statement_descriptor"`
	StatementDescriptorSuffix     *string                     `json:"statement_descriptor_suffix"`
	Status                        string                      `json:"status"`
	TransferData                  *chargeTransferData         `json:"transfer_data"`
	TransferGroup                 *string                     `json:"transfer_group"`
}

func (ch *charge) createdAt() int64 { return ch.Created }

// chargeBillingDetails is the billing information of a charge's payment
// method (stripetest fills none of it in).
type chargeBillingDetails struct {
	Address *address `json:"address"`
	Email   *string  `json:"email"`
	Name    *string  `json:"name"`
	Phone   *string  `json:"phone"`
	TaxID   *string  `json:"tax_id"`
}

// chargeFraudDetails is a charge's fraud report: the user's, once given.
type chargeFraudDetails struct {
	UserReport *string `json:"user_report,omitempty"`
}

// chargeOutcome is how the card network answered.
type chargeOutcome struct {
	AdviceCode         *string `json:"advice_code"`
	NetworkAdviceCode  *string `json:"network_advice_code"`
	NetworkDeclineCode *string `json:"network_decline_code"`
	NetworkStatus      string  `json:"network_status"`
	Reason             *string `json:"reason"`
	RiskLevel          string  `json:"risk_level"`
	RiskScore          int64   `json:"risk_score"`
	SellerMessage      string  `json:"seller_message"`
	Type               string  `json:"type"`
}

// chargePaymentMethodDetails is what a charge was paid with: a card.
type chargePaymentMethodDetails struct {
	Card chargeCard `json:"card"`
	Type string     `json:"type"`
}

// chargeCard is payment_method_details.card of a charge (see cardDetails).
type chargeCard struct {
	AmountAuthorized  *int64              `json:"amount_authorized"`
	AuthorizationCode *string             `json:"authorization_code"`
	Brand             string              `json:"brand"`
	Checks            cardChecks          `json:"checks"`
	Country           string              `json:"country"`
	ExpMonth          int64               `json:"exp_month"`
	ExpYear           int64               `json:"exp_year"`
	Fingerprint       string              `json:"fingerprint"`
	Funding           string              `json:"funding"`
	Last4             string              `json:"last4"`
	Network           string              `json:"network"`
	NetworkToken      chargeNetworkToken  `json:"network_token"`
	ThreeDSecure      *chargeThreeDSecure `json:"three_d_secure"`
	Wallet            *chargeWallet       `json:"wallet"`
}

// chargeNetworkToken says whether a network token was used.
type chargeNetworkToken struct {
	Used bool `json:"used"`
}

// chargeThreeDSecure is a 3D Secure authentication (stripetest's charges
// have none: always null).
type chargeThreeDSecure struct {
	Result  *string `json:"result"`
	Version *string `json:"version"`
}

// chargeWallet is the wallet a card was used through (always null in
// stripetest).
type chargeWallet struct {
	Type string `json:"type"`
}

// chargeRadarOptions is a charge's Radar options (stripetest sets none).
type chargeRadarOptions struct{}

// chargeShipping is where a charge's goods ship, with the carrier.
type chargeShipping struct {
	Address        *address `json:"address"`
	Carrier        *string  `json:"carrier"`
	Name           *string  `json:"name"`
	Phone          *string  `json:"phone"`
	TrackingNumber *string  `json:"tracking_number"`
}

// chargeTransferData is the destination of a destination charge (never
// set in stripetest: always null).
type chargeTransferData struct {
	Amount      *int64 `json:"amount"`
	Destination string `json:"destination"`
}

// chargeShippingParams reads a shipping[...] form; an empty one clears
// the shipping.
func chargeShippingParams(f *form) *chargeShipping {
	if len(f.m) == 0 {
		return nil
	}
	sh := &chargeShipping{Address: addressParams(f.sub("address"), nil)}
	setNullable(&sh.Carrier, f, "carrier")
	setNullable(&sh.Name, f, "name")
	setNullable(&sh.Phone, f, "phone")
	setNullable(&sh.TrackingNumber, f, "tracking_number")
	return sh
}

// chargeSpec is what a new charge needs, from POST /v1/charges, a payment
// intent's confirmation or an invoice's payment.
type chargeSpec struct {
	amount        int64
	currency      string
	customer      string
	pm            paymentSource
	capture       bool
	paymentIntent string
	description   string
	form          *form // optional: metadata, receipt_email, statement descriptors, shipping
}

// amountParams checks the amount and currency params.
func amountParams(f *form) (int64, string, error) {
	amount, ok := f.int("amount")
	if !ok {
		if err := f.failed(); err != nil {
			return 0, "", err
		}
		return 0, "", missingParam("amount")
	}
	currency, ok := f.str("currency")
	if !ok || currency == "" {
		return 0, "", missingParam("currency")
	}
	if amount < 50 {
		return 0, "", invalid("amount", "amount_too_small", "Amount must be at least 50 %s minor units", strings.ToLower(currency))
	}
	if amount > 99999999 {
		return 0, "", invalid("amount", "amount_too_large", "Amount must be no more than 99999999")
	}
	return amount, strings.ToLower(currency), nil
}

// charge creates and stores a charge. A declining card gives a failed
// charge and a 402 card_error naming it.
func (s *Server) charge(r *request, sp chargeSpec) (*charge, error) {
	tc := testCards[sp.pm.testCard()]
	id := s.newID("ch")
	ch := &charge{
		meta:                          meta{ID: id, Object: "charge"},
		Amount:                        sp.amount,
		BillingDetails:                chargeBillingDetails{Address: &address{}},
		CalculatedStatementDescriptor: "STRIPETEST", Created: s.unix(), Currency: sp.currency,
		Customer: nilIfEmpty(sp.customer), Description: nilIfEmpty(sp.description), Metadata: map[string]string{},
		PaymentIntent: nilIfEmpty(sp.paymentIntent), PaymentMethod: sp.pm.base().ID,
		PaymentMethodDetails: &chargePaymentMethodDetails{Card: cardDetails(sp.pm), Type: "card"},
		ReceiptURL:           "https://pay.stripe.com/receipts/stripetest/" + id, Status: "succeeded",
	}
	if f := sp.form; f != nil {
		setNullable(&ch.ReceiptEmail, f, "receipt_email")
		setNullable(&ch.StatementDescriptor, f, "statement_descriptor")
		setNullable(&ch.StatementDescriptorSuffix, f, "statement_descriptor_suffix")
		setNullable(&ch.TransferGroup, f, "transfer_group")
		ch.Metadata = mergeMetadata(ch.Metadata, f)
		if f.has("shipping") {
			ch.Shipping = chargeShippingParams(f.sub("shipping"))
		}
		if err := f.failed(); err != nil {
			return nil, err
		}
	}
	if tc.code != "" {
		code, message, decline := tc.code, tc.message, tc.decline
		ch.Status = "failed"
		ch.FailureCode, ch.FailureMessage = &code, &message
		ch.Outcome = &chargeOutcome{NetworkStatus: "declined_by_network", Reason: &decline, RiskLevel: "normal", RiskScore: 20,
			SellerMessage: "The bank did not return any further details with this decline.", Type: "issuer_declined"}
		s.insert(ch)
		s.emit(r, "charge.failed", ch, nil)
		return ch, &apiError{status: http.StatusPaymentRequired, typ: "card_error", code: tc.code, declineCode: tc.decline,
			message: tc.message, charge: id, param: "", saved: true}
	}
	ch.Paid = true
	ch.Outcome = &chargeOutcome{NetworkStatus: "approved_by_network", RiskLevel: "normal", RiskScore: 20,
		SellerMessage: "Payment complete.", Type: "authorized"}
	s.insert(ch)
	if sp.capture {
		s.captureFunds(ch, sp.amount)
	}
	s.emit(r, "charge.succeeded", ch, nil)
	return ch, nil
}

// captureFunds captures amount of an authorized charge and books it.
func (s *Server) captureFunds(ch *charge, amount int64) {
	ch.Captured = true
	ch.AmountCaptured = amount
	if rest := ch.Amount - amount; rest > 0 {
		ch.AmountRefunded += rest // the uncaptured rest is released
	}
	txn := s.addBalanceTransaction(amount, stripeFee(amount), ch.Currency, "charge", "charge", ch.ID, deref(ch.Description))
	ch.BalanceTransaction = &txn
}

// chargeSource finds what POST /v1/charges charges: source (a token or a
// card of customer), else the customer's default source.
func (s *Server) chargeSource(f *form, cus *customer) (paymentSource, error) {
	src, hasSrc := f.str("source")
	switch {
	case hasSrc && strings.HasPrefix(src, "tok_"):
		cusID := ""
		if cus != nil {
			cusID = cus.ID
		}
		card, err := s.cardFromToken(src, "")
		if err != nil {
			return nil, err
		}
		if cusID != "" {
			return nil, invalid("source", "", "Customer %s does not have a linked source with ID %s.", cusID, src)
		}
		s.insert(card)
		return card, nil
	case hasSrc:
		card, ok := lookupAs[paymentSource](s.st, src)
		if !ok {
			return nil, invalid("source", "resource_missing", "No such source: '%s'", src)
		}
		if cus != nil && card.customerID() != cus.ID {
			return nil, invalid("source", "", "Customer %s does not have a linked source with ID %s.", cus.ID, src)
		}
		return card, nil
	case cus != nil:
		if cus.DefaultSource == nil {
			return nil, invalid("customer", "missing", "Cannot charge a customer that has no active card")
		}
		card, ok := lookupAs[paymentSource](s.st, *cus.DefaultSource)
		if !ok {
			return nil, invalid("customer", "missing", "Cannot charge a customer that has no active card")
		}
		return card, nil
	}
	return nil, missingParam("source")
}

func (s *Server) createCharge(r *request) (any, error) {
	f := r.form
	amount, currency, err := amountParams(f)
	if err != nil {
		return nil, err
	}
	var cus *customer
	if id, ok := f.str("customer"); ok {
		if cus, err = s.customer(id); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", id)
		}
	}
	capture := true
	if b, ok := f.bool("capture"); ok {
		capture = b
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	pm, err := s.chargeSource(f, cus)
	if err != nil {
		return nil, err
	}
	sp := chargeSpec{amount: amount, currency: currency, pm: pm, capture: capture, description: f.strOr("description", ""), form: f}
	if cus != nil {
		sp.customer = cus.ID
	}
	ch, err := s.charge(r, sp)
	if err != nil {
		return nil, err
	}
	return s.render(ch, r.expand), nil
}

func (s *Server) updateCharge(r *request) (any, error) {
	ch, err := getAs[*charge](s, "charge", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(ch)
	clone := cloneRecord(ch)
	setNullable(&clone.Description, f, "description")
	setNullable(&clone.ReceiptEmail, f, "receipt_email")
	setNullable(&clone.TransferGroup, f, "transfer_group")
	if id, ok := f.str("customer"); ok {
		if ch.Customer != nil && *ch.Customer != id {
			return nil, invalid("customer", "", "This charge already has a customer.")
		}
		if _, err := s.customer(id); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", id)
		}
		clone.Customer = &id
	}
	if f.has("fraud_details") {
		if v, ok := f.sub("fraud_details").str("user_report"); ok {
			clone.FraudDetails = chargeFraudDetails{UserReport: &v}
		}
	}
	if f.has("shipping") {
		clone.Shipping = chargeShippingParams(f.sub("shipping"))
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	*ch = *clone
	s.emitUpdated(r, "charge.updated", ch, before)
	return s.render(ch, r.expand), nil
}

func (s *Server) captureCharge(r *request) (any, error) {
	ch, err := getAs[*charge](s, "charge", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if ch.Captured {
		return nil, invalid("", "charge_already_captured", "Charge %s has already been captured.", ch.ID)
	}
	if ch.Status != "succeeded" || ch.Refunded {
		return nil, invalid("", "", "Charge %s cannot be captured: it is %s.", ch.ID, ch.Status)
	}
	f := r.form
	amount := ch.Amount
	if n, ok := f.int("amount"); ok {
		if n > amount-ch.AmountRefunded || n < 1 {
			return nil, invalid("amount", "amount_too_large", "The amount to capture (%d) must be at most the amount authorized (%d).", n, amount)
		}
		amount = n
	}
	clone := cloneRecord(ch)
	setNullable(&clone.ReceiptEmail, f, "receipt_email")
	setNullable(&clone.StatementDescriptor, f, "statement_descriptor")
	setNullable(&clone.StatementDescriptorSuffix, f, "statement_descriptor_suffix")
	setNullable(&clone.TransferGroup, f, "transfer_group")
	if err := f.failed(); err != nil {
		return nil, err
	}
	*ch = *clone
	s.captureFunds(ch, amount)
	s.emit(r, "charge.captured", ch, nil)
	if pi, ok := lookupAs[*paymentIntent](s.st, deref(ch.PaymentIntent)); ok && pi.Status == "requires_capture" {
		s.succeedCapture(r, pi, amount)
	}
	return s.render(ch, r.expand), nil
}

func (s *Server) listCharges(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	pi, hasPI := f.str("payment_intent")
	tg, hasTG := f.str("transfer_group")
	return listOf(s, r, "charge", "/v1/charges", func(ch *charge) bool {
		return (!hasCus || ptrEq(ch.Customer, cus)) && (!hasPI || ptrEq(ch.PaymentIntent, pi)) && (!hasTG || ptrEq(ch.TransferGroup, tg))
	})
}

// money formats minor units for messages.
func money(n int64, currency string) string {
	return fmt.Sprintf("%d.%02d %s", n/100, n%100, currency)
}
