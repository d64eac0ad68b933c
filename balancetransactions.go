package stripe

import (
	"context"
	"iter"
	"net/http"
)

// BalanceTransactionsService reads balance transactions: https://docs.stripe.com/api/balance_transactions
type BalanceTransactionsService struct{ c *Client }

// BalanceTransactionType is the kind of movement a balance transaction
// records. Stripe adds types over time; compare with the constants and
// treat unknown values as opaque.
type BalanceTransactionType string

// Common balance transaction types.
const (
	BalanceTransactionTypeAdjustment           BalanceTransactionType = "adjustment"
	BalanceTransactionTypeApplicationFee       BalanceTransactionType = "application_fee"
	BalanceTransactionTypeApplicationFeeRefund BalanceTransactionType = "application_fee_refund"
	BalanceTransactionTypeCharge               BalanceTransactionType = "charge"
	BalanceTransactionTypePayment              BalanceTransactionType = "payment"
	BalanceTransactionTypePaymentFailureRefund BalanceTransactionType = "payment_failure_refund"
	BalanceTransactionTypePaymentRefund        BalanceTransactionType = "payment_refund"
	BalanceTransactionTypePayout               BalanceTransactionType = "payout"
	BalanceTransactionTypePayoutCancel         BalanceTransactionType = "payout_cancel"
	BalanceTransactionTypePayoutFailure        BalanceTransactionType = "payout_failure"
	BalanceTransactionTypeRefund               BalanceTransactionType = "refund"
	BalanceTransactionTypeRefundFailure        BalanceTransactionType = "refund_failure"
	BalanceTransactionTypeStripeFee            BalanceTransactionType = "stripe_fee"
	BalanceTransactionTypeTopup                BalanceTransactionType = "topup"
	BalanceTransactionTypeTransfer             BalanceTransactionType = "transfer"
)

// BalanceTransactionStatus says whether a balance transaction's funds are
// available yet.
type BalanceTransactionStatus string

// Balance transaction statuses.
const (
	BalanceTransactionStatusAvailable BalanceTransactionStatus = "available"
	BalanceTransactionStatusPending   BalanceTransactionStatus = "pending"
)

// BalanceTransaction is a movement of funds in a Stripe balance: a charge,
// refund, payout, fee, transfer and so on.
type BalanceTransaction struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Amount is the gross amount in minor units; negative for debits.
	Amount int64 `json:"amount"`
	// AvailableOn is when the funds become available (Unix seconds).
	AvailableOn int64 `json:"available_on"`
	// BalanceType is the balance it affects: "payments", "issuing",
	// "refund_and_dispute_prefunding" or "risk_reserved".
	BalanceType string `json:"balance_type"`
	Created     int64  `json:"created"`
	Currency    string `json:"currency"`
	Description string `json:"description"`
	// ExchangeRate is set when the source currency differs from the
	// balance currency: the rate used to convert, or 0 if none was needed.
	ExchangeRate float64 `json:"exchange_rate"`
	// Fee is the total fee in minor units; FeeDetails breaks it down.
	Fee        int64                   `json:"fee"`
	FeeDetails []BalanceTransactionFee `json:"fee_details"`
	// Net is Amount minus Fee.
	Net int64 `json:"net"`
	// ReportingCategory groups transactions the way Stripe's reports do,
	// e.g. "charge", "refund", "payout", "fee".
	ReportingCategory string `json:"reporting_category"`
	// Source is the object that caused the transaction (a charge, refund,
	// payout, ...); expandable.
	Source Expandable[BalanceTransactionSource] `json:"source"`
	Status BalanceTransactionStatus             `json:"status"`
	Type   BalanceTransactionType               `json:"type"`
}

// BalanceTransactionFee is one fee of a balance transaction.
type BalanceTransactionFee struct {
	Amount int64 `json:"amount"`
	// Application is the Connect application that took the fee, if any.
	Application string `json:"application"`
	Currency    string `json:"currency"`
	Description string `json:"description"`
	// Type is "application_fee", "payment_method_passthrough_fee",
	// "stripe_fee" or "tax".
	Type string `json:"type"`
}

// BalanceTransactionSource is the object behind a balance transaction. Its
// kind varies (charge, refund, payout, transfer, ...), so only the ID and
// the object name are decoded; fetch the object itself for more.
type BalanceTransactionSource struct {
	ID     string `json:"id"`
	Object string `json:"object"`
}

// BalanceTransactionGetParams are the params of BalanceTransactions.Get.
type BalanceTransactionGetParams struct {
	Params
}

// BalanceTransactionListParams are the params of BalanceTransactions.List
// and BalanceTransactions.All.
type BalanceTransactionListParams struct {
	Params
	ListParams
	Created  *RangeQuery `url:"created,omitempty"`
	Currency *string     `url:"currency,omitempty"`
	// Payout lists only the transactions paid out in that payout (po_...).
	Payout *string `url:"payout,omitempty"`
	// Source lists only the transactions caused by that object.
	Source *string                 `url:"source,omitempty"`
	Type   *BalanceTransactionType `url:"type,omitempty"`
}

// Get retrieves a balance transaction. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/balance_transactions/retrieve
func (s *BalanceTransactionsService) Get(ctx context.Context, id string, params *BalanceTransactionGetParams) (*BalanceTransaction, error) {
	path, err := pathf("/v1/balance_transactions/%s", id)
	if err != nil {
		return nil, err
	}
	txn := new(BalanceTransaction)
	return orNil(txn, s.c.call(ctx, http.MethodGet, path, params, txn))
}

// List returns one page of balance transactions, newest first. params may
// be nil.
//
// Stripe API docs: https://docs.stripe.com/api/balance_transactions/list
func (s *BalanceTransactionsService) List(ctx context.Context, params *BalanceTransactionListParams) (*List[BalanceTransaction], error) {
	page := new(List[BalanceTransaction])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/balance_transactions", params, page))
}

// All iterates over every balance transaction matching params, fetching
// pages lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/balance_transactions/list
func (s *BalanceTransactionsService) All(ctx context.Context, params *BalanceTransactionListParams) iter.Seq2[*BalanceTransaction, error] {
	return listAll(ctx, params, s.List)
}
