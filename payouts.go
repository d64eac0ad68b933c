package stripe

import (
	"context"
	"iter"
	"net/http"
)

// PayoutsService manages payouts from the Stripe balance to a bank
// account or debit card: https://docs.stripe.com/api/payouts
type PayoutsService struct{ c *Client }

// PayoutStatus is the state of a payout.
type PayoutStatus string

// Payout statuses.
const (
	PayoutStatusPaid      PayoutStatus = "paid"
	PayoutStatusPending   PayoutStatus = "pending"
	PayoutStatusInTransit PayoutStatus = "in_transit"
	PayoutStatusCanceled  PayoutStatus = "canceled"
	PayoutStatusFailed    PayoutStatus = "failed"
)

// Payout is a transfer of funds from the Stripe balance to an external
// account.
type Payout struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Amount int64  `json:"amount"`
	// ApplicationFee is the Connect application fee charged, if any.
	ApplicationFee       Expandable[ObjectRef] `json:"application_fee"`
	ApplicationFeeAmount int64                 `json:"application_fee_amount"`
	// ArrivalDate is the Unix time the payout is expected to arrive.
	ArrivalDate int64 `json:"arrival_date"`
	// Automatic is true for payouts made on the account's schedule.
	Automatic          bool                           `json:"automatic"`
	BalanceTransaction Expandable[BalanceTransaction] `json:"balance_transaction"`
	Created            int64                          `json:"created"`
	Currency           string                         `json:"currency"`
	Description        string                         `json:"description"`
	// Destination is the bank account or card paid out to (an ObjectRef
	// when expanded).
	Destination               Expandable[ObjectRef]          `json:"destination"`
	FailureBalanceTransaction Expandable[BalanceTransaction] `json:"failure_balance_transaction"`
	// FailureCode says why a payout failed: account_closed,
	// insufficient_funds, no_account, ...
	FailureCode    string            `json:"failure_code"`
	FailureMessage string            `json:"failure_message"`
	Livemode       bool              `json:"livemode"`
	Metadata       map[string]string `json:"metadata"`
	// Method is "standard" or "instant".
	Method               string             `json:"method"`
	OriginalPayout       Expandable[Payout] `json:"original_payout"`
	PayoutMethod         string             `json:"payout_method"`
	ReconciliationStatus string             `json:"reconciliation_status"`
	ReversedBy           Expandable[Payout] `json:"reversed_by"`
	// SourceType is the balance type paid from: card, bank_account or fpx.
	SourceType          string         `json:"source_type"`
	StatementDescriptor string         `json:"statement_descriptor"`
	Status              PayoutStatus   `json:"status"`
	TraceID             *PayoutTraceID `json:"trace_id"`
	// Type is "bank_account" or "card".
	Type string `json:"type"`
}

// PayoutTraceID is the network trace ID of a payout, once known.
type PayoutTraceID struct {
	Status string `json:"status"`
	Value  string `json:"value"`
}

// PayoutCreateParams are the params of Payouts.Create; Amount and
// Currency are required.
type PayoutCreateParams struct {
	Params
	Amount      *int64  `url:"amount,omitempty"`
	Currency    *string `url:"currency,omitempty"`
	Description *string `url:"description,omitempty"`
	// Destination is a bank account or card ID; the default external
	// account when unset.
	Destination *string  `url:"destination,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
	// Method is "standard" (the default) or "instant".
	Method       *string `url:"method,omitempty"`
	PayoutMethod *string `url:"payout_method,omitempty"`
	// SourceType is the balance to pay from: card, bank_account or fpx.
	SourceType          *string `url:"source_type,omitempty"`
	StatementDescriptor *string `url:"statement_descriptor,omitempty"`
}

// PayoutGetParams are the params of Payouts.Get.
type PayoutGetParams struct {
	Params
}

// PayoutUpdateParams are the params of Payouts.Update.
type PayoutUpdateParams struct {
	Params
	Metadata Metadata `url:"metadata,omitempty"`
}

// PayoutCancelParams are the params of Payouts.Cancel.
type PayoutCancelParams struct {
	Params
}

// PayoutReverseParams are the params of Payouts.Reverse.
type PayoutReverseParams struct {
	Params
	Metadata Metadata `url:"metadata,omitempty"`
}

// PayoutListParams are the params of Payouts.List and Payouts.All.
type PayoutListParams struct {
	Params
	ListParams
	ArrivalDate *RangeQuery `url:"arrival_date,omitempty"`
	Created     *RangeQuery `url:"created,omitempty"`
	Destination *string     `url:"destination,omitempty"`
	// Status filters by status: pending, paid, failed or canceled.
	Status *PayoutStatus `url:"status,omitempty"`
}

// Create pays out funds from the available balance. Stripe answers 400
// balance_insufficient when the balance is short.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/create
func (s *PayoutsService) Create(ctx context.Context, params *PayoutCreateParams) (*Payout, error) {
	po := new(Payout)
	return orNil(po, s.c.call(ctx, http.MethodPost, "/v1/payouts", params, po))
}

// Get retrieves a payout. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/retrieve
func (s *PayoutsService) Get(ctx context.Context, id string, params *PayoutGetParams) (*Payout, error) {
	path, err := pathf("/v1/payouts/%s", id)
	if err != nil {
		return nil, err
	}
	po := new(Payout)
	return orNil(po, s.c.call(ctx, http.MethodGet, path, params, po))
}

// Update changes a payout's metadata.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/update
func (s *PayoutsService) Update(ctx context.Context, id string, params *PayoutUpdateParams) (*Payout, error) {
	path, err := pathf("/v1/payouts/%s", id)
	if err != nil {
		return nil, err
	}
	po := new(Payout)
	return orNil(po, s.c.call(ctx, http.MethodPost, path, params, po))
}

// Cancel cancels a pending payout; its funds return to the available
// balance. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/cancel
func (s *PayoutsService) Cancel(ctx context.Context, id string, params *PayoutCancelParams) (*Payout, error) {
	path, err := pathf("/v1/payouts/%s/cancel", id)
	if err != nil {
		return nil, err
	}
	po := new(Payout)
	return orNil(po, s.c.call(ctx, http.MethodPost, path, params, po))
}

// Reverse reverses a paid payout to a US bank account, returning a new
// payout that moves the funds back. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/reverse
func (s *PayoutsService) Reverse(ctx context.Context, id string, params *PayoutReverseParams) (*Payout, error) {
	path, err := pathf("/v1/payouts/%s/reverse", id)
	if err != nil {
		return nil, err
	}
	po := new(Payout)
	return orNil(po, s.c.call(ctx, http.MethodPost, path, params, po))
}

// List returns one page of payouts, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/list
func (s *PayoutsService) List(ctx context.Context, params *PayoutListParams) (*List[Payout], error) {
	page := new(List[Payout])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/payouts", params, page))
}

// All iterates over every payout matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/payouts/list
func (s *PayoutsService) All(ctx context.Context, params *PayoutListParams) iter.Seq2[*Payout, error] {
	return listAll(ctx, params, s.List)
}
