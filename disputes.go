package stripe

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// DisputesService manages disputes (chargebacks and inquiries) on
// charges: https://docs.stripe.com/api/disputes
type DisputesService struct{ c *Client }

// DisputeStatus is the state of a dispute.
type DisputeStatus string

// Dispute statuses. A dispute opens in needs_response (or
// warning_needs_response for an inquiry), moves to under_review once
// evidence is submitted, and ends won, lost (also after Close) or
// warning_closed.
const (
	DisputeStatusLost                 DisputeStatus = "lost"
	DisputeStatusNeedsResponse        DisputeStatus = "needs_response"
	DisputeStatusPrevented            DisputeStatus = "prevented"
	DisputeStatusUnderReview          DisputeStatus = "under_review"
	DisputeStatusWarningClosed        DisputeStatus = "warning_closed"
	DisputeStatusWarningNeedsResponse DisputeStatus = "warning_needs_response"
	DisputeStatusWarningUnderReview   DisputeStatus = "warning_under_review"
	DisputeStatusWon                  DisputeStatus = "won"
)

// Dispute is a customer's challenge of a charge with their card issuer.
type Dispute struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Amount is the disputed amount, usually the full charge.
	Amount int64 `json:"amount"`
	// BalanceTransactions are the funds withdrawn and reinstated.
	BalanceTransactions []BalanceTransaction `json:"balance_transactions"`
	Charge              Expandable[Charge]   `json:"charge"`
	Created             int64                `json:"created"`
	Currency            string               `json:"currency"`
	// EnhancedEligibilityTypes lists the enhanced evidence programs the
	// dispute qualifies for, such as "visa_compelling_evidence_3".
	EnhancedEligibilityTypes []string                    `json:"enhanced_eligibility_types"`
	Evidence                 DisputeEvidence             `json:"evidence"`
	EvidenceDetails          DisputeEvidenceDetails      `json:"evidence_details"`
	IsChargeRefundable       bool                        `json:"is_charge_refundable"`
	Livemode                 bool                        `json:"livemode"`
	Metadata                 map[string]string           `json:"metadata"`
	PaymentIntent            Expandable[PaymentIntent]   `json:"payment_intent"`
	PaymentMethodDetails     DisputePaymentMethodDetails `json:"payment_method_details"`
	// Reason is the issuer's reason: fraudulent, duplicate,
	// product_not_received, subscription_canceled, general, ...
	Reason string        `json:"reason"`
	Status DisputeStatus `json:"status"`
}

// DisputeEvidence is the evidence submitted for a dispute. Document
// fields are expandable File objects, modelled as ObjectRef.
type DisputeEvidence struct {
	AccessActivityLog            string                `json:"access_activity_log"`
	BillingAddress               string                `json:"billing_address"`
	CancellationPolicy           Expandable[ObjectRef] `json:"cancellation_policy"`
	CancellationPolicyDisclosure string                `json:"cancellation_policy_disclosure"`
	CancellationRebuttal         string                `json:"cancellation_rebuttal"`
	CustomerCommunication        Expandable[ObjectRef] `json:"customer_communication"`
	CustomerEmailAddress         string                `json:"customer_email_address"`
	CustomerName                 string                `json:"customer_name"`
	CustomerPurchaseIP           string                `json:"customer_purchase_ip"`
	CustomerSignature            Expandable[ObjectRef] `json:"customer_signature"`
	DuplicateChargeDocumentation Expandable[ObjectRef] `json:"duplicate_charge_documentation"`
	DuplicateChargeExplanation   string                `json:"duplicate_charge_explanation"`
	DuplicateChargeID            string                `json:"duplicate_charge_id"`
	// EnhancedEvidence is the raw JSON of the network-specific enhanced
	// evidence (Visa Compelling Evidence 3.0, compliance fees).
	EnhancedEvidence         json.RawMessage       `json:"enhanced_evidence"`
	ProductDescription       string                `json:"product_description"`
	Receipt                  Expandable[ObjectRef] `json:"receipt"`
	RefundPolicy             Expandable[ObjectRef] `json:"refund_policy"`
	RefundPolicyDisclosure   string                `json:"refund_policy_disclosure"`
	RefundRefusalExplanation string                `json:"refund_refusal_explanation"`
	ServiceDate              string                `json:"service_date"`
	ServiceDocumentation     Expandable[ObjectRef] `json:"service_documentation"`
	ShippingAddress          string                `json:"shipping_address"`
	ShippingCarrier          string                `json:"shipping_carrier"`
	ShippingDate             string                `json:"shipping_date"`
	ShippingDocumentation    Expandable[ObjectRef] `json:"shipping_documentation"`
	ShippingTrackingNumber   string                `json:"shipping_tracking_number"`
	UncategorizedFile        Expandable[ObjectRef] `json:"uncategorized_file"`
	UncategorizedText        string                `json:"uncategorized_text"`
}

// DisputeEvidenceDetails says when evidence is due and whether it was sent.
type DisputeEvidenceDetails struct {
	// DueBy is the Unix time evidence must be submitted by.
	DueBy int64 `json:"due_by"`
	// EnhancedEligibility is the raw JSON of the enhanced evidence
	// programs' eligibility.
	EnhancedEligibility json.RawMessage `json:"enhanced_eligibility"`
	HasEvidence         bool            `json:"has_evidence"`
	PastDue             bool            `json:"past_due"`
	SubmissionCount     int64           `json:"submission_count"`
}

// DisputePaymentMethodDetails describes the disputed payment method.
// Type is card, amazon_pay, klarna or paypal; only the card is decoded.
type DisputePaymentMethodDetails struct {
	Card *DisputePaymentMethodDetailsCard `json:"card"`
	Type string                           `json:"type"`
}

// DisputePaymentMethodDetailsCard is the card network's view of a dispute.
type DisputePaymentMethodDetailsCard struct {
	Brand string `json:"brand"`
	// CaseType is chargeback, inquiry, compliance, block or resolution.
	CaseType          string `json:"case_type"`
	Network           string `json:"network"`
	NetworkReasonCode string `json:"network_reason_code"`
}

// DisputeEvidenceParams is evidence for a dispute. Text fields are
// free-form; document fields take the ID of a File uploaded with purpose
// dispute_evidence.
type DisputeEvidenceParams struct {
	AccessActivityLog            *string `url:"access_activity_log,omitempty"`
	BillingAddress               *string `url:"billing_address,omitempty"`
	CancellationPolicy           *string `url:"cancellation_policy,omitempty"`
	CancellationPolicyDisclosure *string `url:"cancellation_policy_disclosure,omitempty"`
	CancellationRebuttal         *string `url:"cancellation_rebuttal,omitempty"`
	CustomerCommunication        *string `url:"customer_communication,omitempty"`
	CustomerEmailAddress         *string `url:"customer_email_address,omitempty"`
	CustomerName                 *string `url:"customer_name,omitempty"`
	CustomerPurchaseIP           *string `url:"customer_purchase_ip,omitempty"`
	CustomerSignature            *string `url:"customer_signature,omitempty"`
	DuplicateChargeDocumentation *string `url:"duplicate_charge_documentation,omitempty"`
	DuplicateChargeExplanation   *string `url:"duplicate_charge_explanation,omitempty"`
	DuplicateChargeID            *string `url:"duplicate_charge_id,omitempty"`
	ProductDescription           *string `url:"product_description,omitempty"`
	Receipt                      *string `url:"receipt,omitempty"`
	RefundPolicy                 *string `url:"refund_policy,omitempty"`
	RefundPolicyDisclosure       *string `url:"refund_policy_disclosure,omitempty"`
	RefundRefusalExplanation     *string `url:"refund_refusal_explanation,omitempty"`
	ServiceDate                  *string `url:"service_date,omitempty"`
	ServiceDocumentation         *string `url:"service_documentation,omitempty"`
	ShippingAddress              *string `url:"shipping_address,omitempty"`
	ShippingCarrier              *string `url:"shipping_carrier,omitempty"`
	ShippingDate                 *string `url:"shipping_date,omitempty"`
	ShippingDocumentation        *string `url:"shipping_documentation,omitempty"`
	ShippingTrackingNumber       *string `url:"shipping_tracking_number,omitempty"`
	UncategorizedFile            *string `url:"uncategorized_file,omitempty"`
	UncategorizedText            *string `url:"uncategorized_text,omitempty"`
}

// DisputeGetParams are the params of Disputes.Get.
type DisputeGetParams struct {
	Params
}

// DisputeUpdateParams are the params of Disputes.Update. Evidence is
// saved as a draft until Submit is true (or the due date passes); each
// update merges into what was saved.
type DisputeUpdateParams struct {
	Params
	Evidence *DisputeEvidenceParams `url:"evidence,omitempty"`
	Metadata Metadata               `url:"metadata,omitempty"`
	// Submit sends the evidence to the issuer now; it cannot be changed
	// afterwards.
	Submit *bool `url:"submit,omitempty"`
}

// DisputeCloseParams are the params of Disputes.Close.
type DisputeCloseParams struct {
	Params
}

// DisputeListParams are the params of Disputes.List and Disputes.All.
type DisputeListParams struct {
	Params
	ListParams
	Charge        *string     `url:"charge,omitempty"`
	Created       *RangeQuery `url:"created,omitempty"`
	PaymentIntent *string     `url:"payment_intent,omitempty"`
}

// Get retrieves a dispute. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/disputes/retrieve
func (s *DisputesService) Get(ctx context.Context, id string, params *DisputeGetParams) (*Dispute, error) {
	path, err := pathf("/v1/disputes/%s", id)
	if err != nil {
		return nil, err
	}
	dp := new(Dispute)
	return orNil(dp, s.c.call(ctx, http.MethodGet, path, params, dp))
}

// Update saves evidence or metadata on a dispute, and submits the
// evidence when params.Submit is true.
//
// Stripe API docs: https://docs.stripe.com/api/disputes/update
func (s *DisputesService) Update(ctx context.Context, id string, params *DisputeUpdateParams) (*Dispute, error) {
	path, err := pathf("/v1/disputes/%s", id)
	if err != nil {
		return nil, err
	}
	dp := new(Dispute)
	return orNil(dp, s.c.call(ctx, http.MethodPost, path, params, dp))
}

// Close accepts a dispute as lost: no evidence will be submitted. It
// cannot be undone. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/disputes/close
func (s *DisputesService) Close(ctx context.Context, id string, params *DisputeCloseParams) (*Dispute, error) {
	path, err := pathf("/v1/disputes/%s/close", id)
	if err != nil {
		return nil, err
	}
	dp := new(Dispute)
	return orNil(dp, s.c.call(ctx, http.MethodPost, path, params, dp))
}

// List returns one page of disputes, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/disputes/list
func (s *DisputesService) List(ctx context.Context, params *DisputeListParams) (*List[Dispute], error) {
	page := new(List[Dispute])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/disputes", params, page))
}

// All iterates over every dispute matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/disputes/list
func (s *DisputesService) All(ctx context.Context, params *DisputeListParams) iter.Seq2[*Dispute, error] {
	return listAll(ctx, params, s.List)
}
