package stripe

import (
	"context"
	"errors"
	"iter"
	"net/http"
)

// ChargesService manages charges: https://docs.stripe.com/api/charges
type ChargesService struct{ c *Client }

// ChargeStatus is the state of a charge.
type ChargeStatus string

// Charge statuses.
const (
	ChargeStatusFailed    ChargeStatus = "failed"
	ChargeStatusPending   ChargeStatus = "pending"
	ChargeStatusSucceeded ChargeStatus = "succeeded"
)

// ChargeFraudUserReport is the caller's own fraud assessment of a charge,
// sent with Charges.Update.
type ChargeFraudUserReport string

// Fraud user reports. ChargeFraudUserReportNone ("") clears an earlier report.
const (
	ChargeFraudUserReportNone       ChargeFraudUserReport = ""
	ChargeFraudUserReportFraudulent ChargeFraudUserReport = "fraudulent"
	ChargeFraudUserReportSafe       ChargeFraudUserReport = "safe"
)

// Charge is a Stripe charge object: one attempt to move money from a card or
// other payment method.
//
// The pinned API version sends no "source" on a charge; the card charged is
// described by PaymentMethod and PaymentMethodDetails.Card.
type Charge struct {
	ID             string `json:"id"`
	Object         string `json:"object"`
	Amount         int64  `json:"amount"`
	AmountCaptured int64  `json:"amount_captured"`
	AmountRefunded int64  `json:"amount_refunded"`
	// ApplicationFeeAmount is the Connect application fee, in minor units.
	ApplicationFeeAmount int64 `json:"application_fee_amount"`
	// BalanceTransaction is the balance transaction that moved the funds;
	// expandable.
	BalanceTransaction            Expandable[BalanceTransaction] `json:"balance_transaction"`
	BillingDetails                BillingDetails                 `json:"billing_details"`
	CalculatedStatementDescriptor string                         `json:"calculated_statement_descriptor"`
	Captured                      bool                           `json:"captured"`
	Created                       int64                          `json:"created"`
	Currency                      string                         `json:"currency"`
	Customer                      Expandable[Customer]           `json:"customer"`
	Description                   string                         `json:"description"`
	Disputed                      bool                           `json:"disputed"`
	FailureCode                   string                         `json:"failure_code"`
	FailureMessage                string                         `json:"failure_message"`
	FraudDetails                  *ChargeFraudDetails            `json:"fraud_details"`
	Livemode                      bool                           `json:"livemode"`
	Metadata                      map[string]string              `json:"metadata"`
	Outcome                       *ChargeOutcome                 `json:"outcome"`
	Paid                          bool                           `json:"paid"`
	// PaymentIntent is the payment intent that created the charge, if any;
	// expandable.
	PaymentIntent        Expandable[PaymentIntent]   `json:"payment_intent"`
	PaymentMethod        string                      `json:"payment_method"`
	PaymentMethodDetails *ChargePaymentMethodDetails `json:"payment_method_details"`
	ReceiptEmail         string                      `json:"receipt_email"`
	ReceiptNumber        string                      `json:"receipt_number"`
	ReceiptURL           string                      `json:"receipt_url"`
	Refunded             bool                        `json:"refunded"`
	// Refunds is the first page of the charge's refunds. Stripe only sends it
	// when the request expands "refunds"; it is nil otherwise.
	Refunds                   *List[Refund] `json:"refunds"`
	Shipping                  *Shipping     `json:"shipping"`
	StatementDescriptor       string        `json:"statement_descriptor"`
	StatementDescriptorSuffix string        `json:"statement_descriptor_suffix"`
	Status                    ChargeStatus  `json:"status"`
	TransferGroup             string        `json:"transfer_group"`
	// Application is the Connect application that created the charge;
	// expandable (applications are not modelled).
	Application Expandable[ObjectRef] `json:"application"`
	// ApplicationFee is the application fee collected, if any; expandable
	// (application fees are not modelled).
	ApplicationFee Expandable[ObjectRef] `json:"application_fee"`
	// FailureBalanceTransaction reverses the funds of a failed charge;
	// expandable.
	FailureBalanceTransaction Expandable[BalanceTransaction] `json:"failure_balance_transaction"`
	// OnBehalfOf is the connected account the charge is made for;
	// expandable (accounts are not modelled).
	OnBehalfOf         Expandable[ObjectRef] `json:"on_behalf_of"`
	PresentmentDetails *PresentmentDetails   `json:"presentment_details"`
	RadarOptions       *RadarOptions         `json:"radar_options"`
	// Review is the Radar review of the charge, if any; expandable
	// (reviews are not modelled).
	Review Expandable[ObjectRef] `json:"review"`
	// SourceTransfer is the transfer that funded this charge on a connected
	// account; expandable.
	SourceTransfer Expandable[Transfer] `json:"source_transfer"`
	// Transfer is the transfer to the destination account (destination
	// charges); expandable.
	Transfer     Expandable[Transfer] `json:"transfer"`
	TransferData *ChargeTransferData  `json:"transfer_data"`
}

// ChargeFraudDetails holds fraud assessments of a charge by Stripe and by
// the account ("fraudulent" or "safe").
type ChargeFraudDetails struct {
	StripeReport string `json:"stripe_report"`
	UserReport   string `json:"user_report"`
}

// ChargeOutcome describes whether the payment was accepted and why.
type ChargeOutcome struct {
	AdviceCode         string `json:"advice_code"`
	NetworkAdviceCode  string `json:"network_advice_code"`
	NetworkDeclineCode string `json:"network_decline_code"`
	// NetworkStatus is approved_by_network, declined_by_network,
	// not_sent_to_network or reversed_after_approval.
	NetworkStatus string `json:"network_status"`
	Reason        string `json:"reason"`
	// RiskLevel is normal, elevated, highest, not_assessed or unknown.
	RiskLevel string `json:"risk_level"`
	RiskScore int64  `json:"risk_score"`
	// Rule is the Radar rule that triggered, expanded with
	// expand[]=outcome.rule.
	Rule          Expandable[ChargeOutcomeRule] `json:"rule"`
	SellerMessage string                        `json:"seller_message"`
	// Type is authorized, manual_review, issuer_declined, blocked or invalid.
	Type string `json:"type"`
}

// ChargeOutcomeRule is a Radar rule.
type ChargeOutcomeRule struct {
	ID        string `json:"id"`
	Action    string `json:"action"`
	Predicate string `json:"predicate"`
}

// ChargePaymentMethodDetails describes the payment method at the time of the
// charge. Type names the method ("card", ...); only the card details are
// decoded here.
type ChargePaymentMethodDetails struct {
	Type string                          `json:"type"`
	Card *ChargePaymentMethodDetailsCard `json:"card"`
}

// ChargePaymentMethodDetailsCard describes the card charged.
type ChargePaymentMethodDetailsCard struct {
	AmountAuthorized  int64       `json:"amount_authorized"`
	AuthorizationCode string      `json:"authorization_code"`
	Brand             string      `json:"brand"`
	Checks            *CardChecks `json:"checks"`
	Country           string      `json:"country"`
	ExpMonth          int64       `json:"exp_month"`
	ExpYear           int64       `json:"exp_year"`
	Fingerprint       string      `json:"fingerprint"`
	Funding           CardFunding `json:"funding"`
	Last4             string      `json:"last4"`
	Network           string      `json:"network"`
}

// ChargeShippingParams sets the shipping information of a charge.
type ChargeShippingParams struct {
	Address        *AddressParams `url:"address,omitempty"`
	Carrier        *string        `url:"carrier,omitempty"`
	Name           *string        `url:"name,omitempty"`
	Phone          *string        `url:"phone,omitempty"`
	TrackingNumber *string        `url:"tracking_number,omitempty"`
}

// ChargeTransferDataParams sends part of a charge to a connected account.
type ChargeTransferDataParams struct {
	Amount      *int64  `url:"amount,omitempty"`
	Destination *string `url:"destination,omitempty"`
}

// ChargeCreateParams are the params of Charges.Create. Amount is required,
// and so is one of Customer and Source.
type ChargeCreateParams struct {
	Params
	// Amount is in the currency's minor unit (cents for usd).
	Amount               *int64  `url:"amount,omitempty"`
	ApplicationFeeAmount *int64  `url:"application_fee_amount,omitempty"`
	Capture              *bool   `url:"capture,omitempty"`
	Currency             *string `url:"currency,omitempty"`
	// Customer is the customer to charge: their default source, or Source
	// when that names one of the customer's cards.
	Customer     *string               `url:"customer,omitempty"`
	Description  *string               `url:"description,omitempty"`
	Metadata     Metadata              `url:"metadata,omitempty"`
	OnBehalfOf   *string               `url:"on_behalf_of,omitempty"`
	ReceiptEmail *string               `url:"receipt_email,omitempty"`
	Shipping     *ChargeShippingParams `url:"shipping,omitempty"`
	// Source is a token (tok_...) or, with Customer, the ID of one of the
	// customer's cards.
	Source                    *string                   `url:"source,omitempty"`
	StatementDescriptor       *string                   `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                   `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *ChargeTransferDataParams `url:"transfer_data,omitempty"`
	TransferGroup             *string                   `url:"transfer_group,omitempty"`
	// ApplicationFee is the legacy name of ApplicationFeeAmount.
	ApplicationFee *int64              `url:"application_fee,omitempty"`
	RadarOptions   *RadarOptionsParams `url:"radar_options,omitempty"`
}

// ChargeGetParams are the params of Charges.Get.
type ChargeGetParams struct {
	Params
}

// ChargeFraudDetailsParams reports a charge as fraudulent or safe.
type ChargeFraudDetailsParams struct {
	UserReport *ChargeFraudUserReport `url:"user_report,omitempty"`
}

// ChargeUpdateParams are the params of Charges.Update. Only fields set are
// changed; a pointer to "" clears a field.
type ChargeUpdateParams struct {
	Params
	// Customer attaches a charge that has none to a customer.
	Customer      *string                   `url:"customer,omitempty"`
	Description   *string                   `url:"description,omitempty"`
	FraudDetails  *ChargeFraudDetailsParams `url:"fraud_details,omitempty"`
	Metadata      Metadata                  `url:"metadata,omitempty"`
	ReceiptEmail  *string                   `url:"receipt_email,omitempty"`
	Shipping      *ChargeShippingParams     `url:"shipping,omitempty"`
	TransferGroup *string                   `url:"transfer_group,omitempty"`
}

// ChargeCaptureTransferDataParams changes the amount sent to the connected
// account when capturing.
type ChargeCaptureTransferDataParams struct {
	Amount *int64 `url:"amount,omitempty"`
}

// ChargeCaptureParams are the params of Charges.Capture.
type ChargeCaptureParams struct {
	Params
	// Amount captures less than was authorized; the rest is released.
	Amount                    *int64                           `url:"amount,omitempty"`
	ApplicationFeeAmount      *int64                           `url:"application_fee_amount,omitempty"`
	ReceiptEmail              *string                          `url:"receipt_email,omitempty"`
	StatementDescriptor       *string                          `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                          `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *ChargeCaptureTransferDataParams `url:"transfer_data,omitempty"`
	TransferGroup             *string                          `url:"transfer_group,omitempty"`
	// ApplicationFee is the legacy name of ApplicationFeeAmount.
	ApplicationFee *int64 `url:"application_fee,omitempty"`
}

// ChargeListParams are the params of Charges.List and Charges.All.
type ChargeListParams struct {
	Params
	ListParams
	Created       *RangeQuery `url:"created,omitempty"`
	Customer      *string     `url:"customer,omitempty"`
	PaymentIntent *string     `url:"payment_intent,omitempty"`
	TransferGroup *string     `url:"transfer_group,omitempty"`
}

// Create charges a customer or a payment source. params must set Amount and
// at least one of Customer and Source; Stripe requires Currency too.
// Stripe recommends PaymentIntents over charges for new integrations.
//
// Stripe API docs: https://docs.stripe.com/api/charges/create
func (s *ChargesService) Create(ctx context.Context, params *ChargeCreateParams) (*Charge, error) {
	if params == nil || params.Amount == nil {
		return nil, errors.New("stripe: Charges.Create: Amount is required")
	}
	if (params.Customer == nil || *params.Customer == "") && (params.Source == nil || *params.Source == "") {
		return nil, errors.New("stripe: Charges.Create: Customer or Source is required")
	}
	ch := new(Charge)
	return orNil(ch, s.c.call(ctx, http.MethodPost, "/v1/charges", params, ch))
}

// Get retrieves a charge. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/charges/retrieve
func (s *ChargesService) Get(ctx context.Context, id string, params *ChargeGetParams) (*Charge, error) {
	path, err := pathf("/v1/charges/%s", id)
	if err != nil {
		return nil, err
	}
	ch := new(Charge)
	return orNil(ch, s.c.call(ctx, http.MethodGet, path, params, ch))
}

// Update changes the fields params sets on a charge.
//
// Stripe API docs: https://docs.stripe.com/api/charges/update
func (s *ChargesService) Update(ctx context.Context, id string, params *ChargeUpdateParams) (*Charge, error) {
	path, err := pathf("/v1/charges/%s", id)
	if err != nil {
		return nil, err
	}
	ch := new(Charge)
	return orNil(ch, s.c.call(ctx, http.MethodPost, path, params, ch))
}

// Capture captures a charge created with Capture set to false. params may
// be nil to capture the full authorized amount.
//
// Stripe API docs: https://docs.stripe.com/api/charges/capture
func (s *ChargesService) Capture(ctx context.Context, id string, params *ChargeCaptureParams) (*Charge, error) {
	path, err := pathf("/v1/charges/%s/capture", id)
	if err != nil {
		return nil, err
	}
	ch := new(Charge)
	return orNil(ch, s.c.call(ctx, http.MethodPost, path, params, ch))
}

// List returns one page of charges, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/charges/list
func (s *ChargesService) List(ctx context.Context, params *ChargeListParams) (*List[Charge], error) {
	page := new(List[Charge])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/charges", params, page))
}

// All iterates over every charge matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/charges/list
func (s *ChargesService) All(ctx context.Context, params *ChargeListParams) iter.Seq2[*Charge, error] {
	return listAll(ctx, params, s.List)
}

// Poller returns a Poller that delivers new charges matching params (nil
// allowed; leave its list fields and Created unset), oldest first and each
// once, resuming at cursor: PollFromNow(), PollSince(t) or a cursor saved
// from Poller.Cursor. It is a "new charge" trigger for a connector.
//
// Stripe API docs: https://docs.stripe.com/api/charges/list
func (s *ChargesService) Poller(cursor PollCursor, params *ChargeListParams) *Poller[Charge] {
	return newListPoller(cursor, params, s.List)
}

// RadarOptions are the Radar session data a payment carried.
type RadarOptions struct {
	Session string `json:"session"`
}

// ChargeTransferData is what a destination charge sends to a connected
// account.
type ChargeTransferData struct {
	Amount int64 `json:"amount"`
	// Destination is the connected account; expandable (accounts are not
	// modelled).
	Destination Expandable[ObjectRef] `json:"destination"`
}

// RadarOptionsParams pass Radar session data collected by Stripe.js.
type RadarOptionsParams struct {
	Session *string `url:"session,omitempty"`
}

// ChargeSearchParams are the params of Charges.Search and Charges.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type ChargeSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the charges matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/charges/search
func (s *ChargesService) Search(ctx context.Context, params *ChargeSearchParams) (*SearchResult[Charge], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Charge])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/charges/search", params, page))
}

// SearchAll iterates over every Charge matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/charges/search
func (s *ChargesService) SearchAll(ctx context.Context, params *ChargeSearchParams) iter.Seq2[*Charge, error] {
	return searchAll(ctx, params, s.Search)
}
