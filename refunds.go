package stripe

import (
	"context"
	"errors"
	"iter"
	"net/http"
)

// RefundsService manages refunds: https://docs.stripe.com/api/refunds
type RefundsService struct{ c *Client }

// RefundReason is why a refund was made.
type RefundReason string

// Refund reasons. The first three can be sent with Refunds.Create;
// RefundReasonExpiredUncapturedCharge is set by Stripe only.
const (
	RefundReasonDuplicate               RefundReason = "duplicate"
	RefundReasonFraudulent              RefundReason = "fraudulent"
	RefundReasonRequestedByCustomer     RefundReason = "requested_by_customer"
	RefundReasonExpiredUncapturedCharge RefundReason = "expired_uncaptured_charge"
)

// RefundStatus is the state of a refund.
type RefundStatus string

// Refund statuses.
const (
	RefundStatusPending        RefundStatus = "pending"
	RefundStatusRequiresAction RefundStatus = "requires_action"
	RefundStatusSucceeded      RefundStatus = "succeeded"
	RefundStatusFailed         RefundStatus = "failed"
	RefundStatusCanceled       RefundStatus = "canceled"
)

// Refund is a Stripe refund object: money given back for a charge or
// payment intent.
type Refund struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Amount int64  `json:"amount"`
	// BalanceTransaction is the balance transaction that moved the funds;
	// expandable.
	BalanceTransaction Expandable[BalanceTransaction] `json:"balance_transaction"`
	Charge             Expandable[Charge]             `json:"charge"`
	Created            int64                          `json:"created"`
	Currency           string                         `json:"currency"`
	Customer           Expandable[Customer]           `json:"customer"`
	Description        string                         `json:"description"`
	// FailureReason is set when Status is failed, e.g. lost_or_stolen_card
	// or expired_or_canceled_card.
	FailureReason     string            `json:"failure_reason"`
	InstructionsEmail string            `json:"instructions_email"`
	Metadata          map[string]string `json:"metadata"`
	// PaymentIntent is the payment intent refunded, if any; expandable.
	PaymentIntent Expandable[PaymentIntent] `json:"payment_intent"`
	// PendingReason is charge_pending, insufficient_funds or processing.
	PendingReason      string                    `json:"pending_reason"`
	Reason             RefundReason              `json:"reason"`
	ReceiptNumber      string                    `json:"receipt_number"`
	Status             RefundStatus              `json:"status"`
	CustomerAccount    string                    `json:"customer_account"`
	DestinationDetails *RefundDestinationDetails `json:"destination_details"`
	// FailureBalanceTransaction reverses the funds of a failed refund;
	// expandable.
	FailureBalanceTransaction Expandable[BalanceTransaction] `json:"failure_balance_transaction"`
	NextAction                *RefundNextAction              `json:"next_action"`
	// PaymentMethod is the payment method refunded to; expandable.
	PaymentMethod      Expandable[PaymentMethod] `json:"payment_method"`
	PresentmentDetails *PresentmentDetails       `json:"presentment_details"`
	// SourceTransferReversal and TransferReversal are the transfer reversals
	// of a refunded destination charge; expandable.
	SourceTransferReversal Expandable[TransferReversal] `json:"source_transfer_reversal"`
	TransferReversal       Expandable[TransferReversal] `json:"transfer_reversal"`
}

// RefundDestinationDetails say where a refund goes, per payment method
// type. Only the card branch is decoded; Type names the branch.
type RefundDestinationDetails struct {
	Card *RefundDestinationDetailsCard `json:"card"`
	Type string                        `json:"type"`
}

// RefundDestinationDetailsCard is a card refund's trace: Type is
// "pending", "refund" or "reversal"; Reference is the acquirer reference
// number once available.
type RefundDestinationDetailsCard struct {
	Reference       string `json:"reference"`
	ReferenceStatus string `json:"reference_status"`
	ReferenceType   string `json:"reference_type"`
	Type            string `json:"type"`
}

// RefundNextAction is what the customer must do to receive the refund
// (for example give bank details by email).
type RefundNextAction struct {
	DisplayDetails *RefundNextActionDisplayDetails `json:"display_details"`
	Type           string                          `json:"type"`
}

// RefundNextActionDisplayDetails say when instructions were emailed and
// when the action expires (Unix seconds).
type RefundNextActionDisplayDetails struct {
	EmailSent *RefundEmailSent `json:"email_sent"`
	ExpiresAt int64            `json:"expires_at"`
}

// RefundEmailSent is when and to whom refund instructions were emailed.
type RefundEmailSent struct {
	EmailSentAt int64  `json:"email_sent_at"`
	EmailSentTo string `json:"email_sent_to"`
}

// RefundCreateParams are the params of Refunds.Create. One of Charge and
// PaymentIntent is required.
type RefundCreateParams struct {
	Params
	// Amount refunds part of the payment, in minor units; the default is
	// everything not yet refunded.
	Amount   *int64   `url:"amount,omitempty"`
	Charge   *string  `url:"charge,omitempty"`
	Metadata Metadata `url:"metadata,omitempty"`
	// PaymentIntent refunds the payment intent's successful charge.
	PaymentIntent *string       `url:"payment_intent,omitempty"`
	Reason        *RefundReason `url:"reason,omitempty"`
	// RefundApplicationFee refunds the Connect application fee as well.
	RefundApplicationFee *bool `url:"refund_application_fee,omitempty"`
	// ReverseTransfer reverses the Connect transfer in proportion.
	ReverseTransfer *bool `url:"reverse_transfer,omitempty"`
	// Currency, Customer, InstructionsEmail and Origin refund a customer's
	// cash balance (Origin "customer_balance") rather than a payment.
	Currency          *string `url:"currency,omitempty"`
	Customer          *string `url:"customer,omitempty"`
	InstructionsEmail *string `url:"instructions_email,omitempty"`
	Origin            *string `url:"origin,omitempty"`
}

// RefundGetParams are the params of Refunds.Get.
type RefundGetParams struct {
	Params
}

// RefundUpdateParams are the params of Refunds.Update.
type RefundUpdateParams struct {
	Params
	Metadata Metadata `url:"metadata,omitempty"`
}

// RefundCancelParams are the params of Refunds.Cancel.
type RefundCancelParams struct {
	Params
}

// RefundListParams are the params of Refunds.List and Refunds.All.
type RefundListParams struct {
	Params
	ListParams
	Charge        *string     `url:"charge,omitempty"`
	Created       *RangeQuery `url:"created,omitempty"`
	PaymentIntent *string     `url:"payment_intent,omitempty"`
}

// Create refunds a charge or a payment intent, in full or in part. params
// must set Charge or PaymentIntent.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/create
func (s *RefundsService) Create(ctx context.Context, params *RefundCreateParams) (*Refund, error) {
	if params == nil || ((params.Charge == nil || *params.Charge == "") && (params.PaymentIntent == nil || *params.PaymentIntent == "")) {
		return nil, errors.New("stripe: Refunds.Create: Charge or PaymentIntent is required")
	}
	re := new(Refund)
	return orNil(re, s.c.call(ctx, http.MethodPost, "/v1/refunds", params, re))
}

// Get retrieves a refund. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/retrieve
func (s *RefundsService) Get(ctx context.Context, id string, params *RefundGetParams) (*Refund, error) {
	path, err := pathf("/v1/refunds/%s", id)
	if err != nil {
		return nil, err
	}
	re := new(Refund)
	return orNil(re, s.c.call(ctx, http.MethodGet, path, params, re))
}

// Update changes a refund's metadata.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/update
func (s *RefundsService) Update(ctx context.Context, id string, params *RefundUpdateParams) (*Refund, error) {
	path, err := pathf("/v1/refunds/%s", id)
	if err != nil {
		return nil, err
	}
	re := new(Refund)
	return orNil(re, s.c.call(ctx, http.MethodPost, path, params, re))
}

// Cancel cancels a refund whose status is requires_action. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/cancel
func (s *RefundsService) Cancel(ctx context.Context, id string, params *RefundCancelParams) (*Refund, error) {
	path, err := pathf("/v1/refunds/%s/cancel", id)
	if err != nil {
		return nil, err
	}
	re := new(Refund)
	return orNil(re, s.c.call(ctx, http.MethodPost, path, params, re))
}

// List returns one page of refunds, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/list
func (s *RefundsService) List(ctx context.Context, params *RefundListParams) (*List[Refund], error) {
	page := new(List[Refund])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/refunds", params, page))
}

// All iterates over every refund matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/list
func (s *RefundsService) All(ctx context.Context, params *RefundListParams) iter.Seq2[*Refund, error] {
	return listAll(ctx, params, s.List)
}

// Poller returns a Poller that delivers new refunds matching params (nil
// allowed; leave its list fields and Created unset), oldest first and each
// once, resuming at cursor: PollFromNow(), PollSince(t) or a cursor saved
// from Poller.Cursor. It is a "new refund" trigger for a connector.
//
// Stripe API docs: https://docs.stripe.com/api/refunds/list
func (s *RefundsService) Poller(cursor PollCursor, params *RefundListParams) *Poller[Refund] {
	return newListPoller(cursor, params, s.List)
}
