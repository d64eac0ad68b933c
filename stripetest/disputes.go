package stripetest

import (
	"fmt"
	"sort"
)

// disputeFee is what Stripe takes for a dispute, in minor units.
const disputeFee = 1500

func (s *Server) registerDisputes() {
	s.handle("GET", "/v1/disputes", s.listDisputes)
	s.handle("GET", "/v1/disputes/{id}", func(r *request) (any, error) {
		d, err := getAs[*dispute](s, "dispute", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(d, r.expand), nil
	})
	s.handle("POST", "/v1/disputes/{id}", s.updateDispute)
	s.handle("POST", "/v1/disputes/{id}/close", s.closeDispute)
}

// dispute is a Dispute (a chargeback) of a charge.
type dispute struct {
	meta
	Amount int64 `json:"amount"`
	// BalanceTransactions are the IDs of the dispute's balance
	// transactions, which its balance_transactions field shows whole
	// (see complete).
	BalanceTransactions      []string                     `json:"_balance_transactions"`
	Charge                   string                       `json:"charge"`
	Created                  int64                        `json:"created"`
	Currency                 string                       `json:"currency"`
	EnhancedEligibilityTypes []string                     `json:"enhanced_eligibility_types"`
	Evidence                 disputeEvidence              `json:"evidence"`
	EvidenceDetails          disputeEvidenceDetails       `json:"evidence_details"`
	IsChargeRefundable       bool                         `json:"is_charge_refundable"`
	Livemode                 bool                         `json:"livemode"`
	Metadata                 map[string]string            `json:"metadata"`
	PaymentIntent            *string                      `json:"payment_intent"`
	PaymentMethodDetails     *disputePaymentMethodDetails `json:"payment_method_details"`
	Reason                   string                       `json:"reason"`
	Status                   string                       `json:"status"`
}

func (d *dispute) createdAt() int64 { return d.Created }

// complete adds the dispute's balance transactions to its tree.
func (d *dispute) complete(s *Server, t obj) {
	txns := []any{}
	for _, id := range d.BalanceTransactions {
		if txn, ok := lookupAs[*balanceTransaction](s.st, id); ok {
			txns = append(txns, s.tree(txn))
		}
	}
	t["balance_transactions"] = txns
}

// disputeEvidence is the evidence given for a dispute; file fields hold
// file IDs.
type disputeEvidence struct {
	AccessActivityLog            *string `json:"access_activity_log"`
	BillingAddress               *string `json:"billing_address"`
	CancellationPolicy           *string `json:"cancellation_policy"`
	CancellationPolicyDisclosure *string `json:"cancellation_policy_disclosure"`
	CancellationRebuttal         *string `json:"cancellation_rebuttal"`
	CustomerCommunication        *string `json:"customer_communication"`
	CustomerEmailAddress         *string `json:"customer_email_address"`
	CustomerName                 *string `json:"customer_name"`
	CustomerPurchaseIP           *string `json:"customer_purchase_ip"`
	CustomerSignature            *string `json:"customer_signature"`
	DuplicateChargeDocumentation *string `json:"duplicate_charge_documentation"`
	DuplicateChargeExplanation   *string `json:"duplicate_charge_explanation"`
	DuplicateChargeID            *string `json:"duplicate_charge_id"`
	// EnhancedEvidence is the network-specific evidence (Visa Compelling
	// Evidence 3.0, compliance fee acknowledgements) as the request gave
	// it: a tree of the evidence[enhanced_evidence] params.
	EnhancedEvidence         obj     `json:"enhanced_evidence"`
	ProductDescription       *string `json:"product_description"`
	Receipt                  *string `json:"receipt"`
	RefundPolicy             *string `json:"refund_policy"`
	RefundPolicyDisclosure   *string `json:"refund_policy_disclosure"`
	RefundRefusalExplanation *string `json:"refund_refusal_explanation"`
	ServiceDate              *string `json:"service_date"`
	ServiceDocumentation     *string `json:"service_documentation"`
	ShippingAddress          *string `json:"shipping_address"`
	ShippingCarrier          *string `json:"shipping_carrier"`
	ShippingDate             *string `json:"shipping_date"`
	ShippingDocumentation    *string `json:"shipping_documentation"`
	ShippingTrackingNumber   *string `json:"shipping_tracking_number"`
	UncategorizedFile        *string `json:"uncategorized_file"`
	UncategorizedText        *string `json:"uncategorized_text"`
}

// fields are the evidence's string fields by param name.
func (e *disputeEvidence) fields() map[string]**string {
	return map[string]**string{
		"access_activity_log": &e.AccessActivityLog, "billing_address": &e.BillingAddress,
		"cancellation_policy": &e.CancellationPolicy, "cancellation_policy_disclosure": &e.CancellationPolicyDisclosure,
		"cancellation_rebuttal": &e.CancellationRebuttal, "customer_communication": &e.CustomerCommunication,
		"customer_email_address": &e.CustomerEmailAddress, "customer_name": &e.CustomerName,
		"customer_purchase_ip": &e.CustomerPurchaseIP, "customer_signature": &e.CustomerSignature,
		"duplicate_charge_documentation": &e.DuplicateChargeDocumentation, "duplicate_charge_explanation": &e.DuplicateChargeExplanation,
		"duplicate_charge_id": &e.DuplicateChargeID, "product_description": &e.ProductDescription, "receipt": &e.Receipt,
		"refund_policy": &e.RefundPolicy, "refund_policy_disclosure": &e.RefundPolicyDisclosure,
		"refund_refusal_explanation": &e.RefundRefusalExplanation, "service_date": &e.ServiceDate,
		"service_documentation": &e.ServiceDocumentation, "shipping_address": &e.ShippingAddress,
		"shipping_carrier": &e.ShippingCarrier, "shipping_date": &e.ShippingDate,
		"shipping_documentation": &e.ShippingDocumentation, "shipping_tracking_number": &e.ShippingTrackingNumber,
		"uncategorized_file": &e.UncategorizedFile, "uncategorized_text": &e.UncategorizedText,
	}
}

// disputeEvidenceDetails is when evidence is due and what was given.
type disputeEvidenceDetails struct {
	DueBy               int64                      `json:"due_by"`
	EnhancedEligibility disputeEnhancedEligibility `json:"enhanced_eligibility"`
	HasEvidence         bool                       `json:"has_evidence"`
	PastDue             bool                       `json:"past_due"`
	SubmissionCount     int64                      `json:"submission_count"`
}

// disputeEnhancedEligibility is which enhanced evidence programs a
// dispute qualifies for (none in stripetest).
type disputeEnhancedEligibility struct{}

// disputePaymentMethodDetails is the card network's view of a dispute.
type disputePaymentMethodDetails struct {
	Card disputeCard `json:"card"`
	Type string      `json:"type"`
}

// disputeCard is a card dispute's network details.
type disputeCard struct {
	Brand             string `json:"brand"`
	CaseType          string `json:"case_type"`
	Network           string `json:"network"`
	NetworkReasonCode string `json:"network_reason_code"`
}

// OpenDispute opens a dispute (a chargeback) on a succeeded charge of the
// platform account, as a cardholder's bank would: the charge is marked
// disputed, its amount plus Stripe's 15.00 dispute fee leave the available
// balance, and charge.dispute.created is sent. reason is one of Stripe's
// dispute reasons ("fraudulent" when empty). It returns the dispute's ID
// (du_...), which Disputes.Update (evidence, submit) and Disputes.Close
// then move through its statuses.
func (s *Server) OpenDispute(chargeID, reason string) (string, error) {
	id, err := s.openDispute(chargeID, reason)
	if err == nil {
		s.autoSave() // as after a request that changed state
	}
	return id, err
}

func (s *Server) openDispute(chargeID, reason string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := lookupAs[*charge](s.st, chargeID)
	if !ok {
		return "", fmt.Errorf("stripetest: no such charge %q", chargeID)
	}
	if ch.Status != "succeeded" || !ch.Captured {
		return "", fmt.Errorf("stripetest: charge %s is not a captured, succeeded charge", chargeID)
	}
	if ch.Disputed {
		return "", fmt.Errorf("stripetest: charge %s is already disputed", chargeID)
	}
	if reason == "" {
		reason = "fraudulent"
	}
	now := s.unix()
	amount := ch.Amount - ch.AmountRefunded
	currency := ch.Currency
	brand := "visa"
	if pmd := ch.PaymentMethodDetails; pmd != nil && pmd.Card.Brand != "" {
		brand = pmd.Card.Brand
	}
	id := s.newID("du")
	d := &dispute{
		meta:   meta{ID: id, Object: "dispute"},
		Amount: amount, BalanceTransactions: []string{}, Charge: chargeID, Created: now, Currency: currency,
		EnhancedEligibilityTypes: []string{}, Evidence: disputeEvidence{EnhancedEvidence: obj{}},
		EvidenceDetails: disputeEvidenceDetails{DueBy: now + 7*86400},
		Metadata:        map[string]string{}, PaymentIntent: nilIfEmpty(deref(ch.PaymentIntent)),
		PaymentMethodDetails: &disputePaymentMethodDetails{
			Card: disputeCard{Brand: brand, CaseType: "chargeback", Network: brand, NetworkReasonCode: "10.4"}, Type: "card",
		},
		Reason: reason, Status: "needs_response",
	}
	txn := s.addBalanceTransaction(-amount, disputeFee, currency, "adjustment", "dispute", id, "Chargeback withdrawal for "+chargeID)
	d.BalanceTransactions = append(d.BalanceTransactions, txn)
	s.insert(d)
	ch.Disputed = true
	s.emit(nil, "charge.dispute.created", d, nil)
	s.emit(nil, "charge.dispute.funds_withdrawn", d, nil)
	return id, nil
}

// open reports whether a dispute still takes evidence.
func (d *dispute) open() bool {
	switch d.Status {
	case "needs_response", "warning_needs_response":
		return true
	}
	return false
}

func (s *Server) updateDispute(r *request) (any, error) {
	d, err := getAs[*dispute](s, "dispute", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	if (f.has("evidence") || f.has("submit")) && !d.open() {
		return nil, invalid("", "", "This dispute is %s and can no longer take evidence.", d.Status)
	}
	before := s.snapshot(d)
	clone := cloneRecord(d)
	if f.has("evidence") {
		ev := f.sub("evidence")
		keys := make([]string, 0, len(ev.m))
		for k := range ev.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		evidence := &clone.Evidence
		fields := evidence.fields()
		for _, k := range keys {
			if k == "enhanced_evidence" {
				// enhanced_evidence= (empty) clears it.
				evidence.EnhancedEvidence, _ = deepCopy(ev.m[k]).(obj)
				if evidence.EnhancedEvidence == nil {
					evidence.EnhancedEvidence = obj{}
				}
				continue
			}
			if p, ok := fields[k]; ok {
				setNullable(p, ev, k)
			}
		}
		has := false
		for _, p := range fields {
			if *p != nil {
				has = true
			}
		}
		clone.EvidenceDetails.HasEvidence = has
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	submit, _ := f.bool("submit")
	if err := f.failed(); err != nil {
		return nil, err
	}
	*d = *clone
	if submit {
		d.EvidenceDetails.SubmissionCount++
		if d.Status == "warning_needs_response" {
			d.Status = "warning_under_review"
		} else {
			d.Status = "under_review"
		}
	}
	s.emitUpdated(r, "charge.dispute.updated", d, before)
	return s.render(d, r.expand), nil
}

// closeDispute accepts the dispute: it is lost, and the withdrawn funds
// stay withdrawn.
func (s *Server) closeDispute(r *request) (any, error) {
	d, err := getAs[*dispute](s, "dispute", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if !d.open() {
		return nil, invalid("", "", "This dispute is %s and can no longer be closed.", d.Status)
	}
	if d.Status == "warning_needs_response" {
		d.Status = "warning_closed"
	} else {
		d.Status = "lost"
	}
	s.emit(r, "charge.dispute.closed", d, nil)
	return s.render(d, r.expand), nil
}

func (s *Server) listDisputes(r *request) (any, error) {
	f := r.form
	ch, hasCh := f.str("charge")
	pi, hasPI := f.str("payment_intent")
	return listOf(s, r, "dispute", "/v1/disputes", func(d *dispute) bool {
		return (!hasCh || d.Charge == ch) && (!hasPI || ptrEq(d.PaymentIntent, pi))
	})
}
