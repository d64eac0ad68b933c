package stripe

import (
	"context"
	"iter"
	"net/http"
)

// CustomerBalanceTransactionsService manages the transactions of a
// customer's credit balance:
// https://docs.stripe.com/api/customer_balance_transactions
type CustomerBalanceTransactionsService struct{ c *Client }

// CustomerBalanceTransactionType says what changed a customer's balance.
type CustomerBalanceTransactionType string

// Customer balance transaction types (Stripe may add more).
const (
	CustomerBalanceTransactionTypeAdjustment            CustomerBalanceTransactionType = "adjustment"
	CustomerBalanceTransactionTypeAppliedToInvoice      CustomerBalanceTransactionType = "applied_to_invoice"
	CustomerBalanceTransactionTypeCreditNote            CustomerBalanceTransactionType = "credit_note"
	CustomerBalanceTransactionTypeInitial               CustomerBalanceTransactionType = "initial"
	CustomerBalanceTransactionTypeInvoiceOverpaid       CustomerBalanceTransactionType = "invoice_overpaid"
	CustomerBalanceTransactionTypeInvoiceTooLarge       CustomerBalanceTransactionType = "invoice_too_large"
	CustomerBalanceTransactionTypeInvoiceTooSmall       CustomerBalanceTransactionType = "invoice_too_small"
	CustomerBalanceTransactionTypeMigration             CustomerBalanceTransactionType = "migration"
	CustomerBalanceTransactionTypeUnappliedFromInvoice  CustomerBalanceTransactionType = "unapplied_from_invoice"
	CustomerBalanceTransactionTypeUnspentReceiverCredit CustomerBalanceTransactionType = "unspent_receiver_credit"
)

// CustomerBalanceTransaction is one change to a customer's balance. A
// negative Amount is a credit (it reduces what the customer owes on the
// next invoice), a positive one a debit.
type CustomerBalanceTransaction struct {
	ID              string                `json:"id"`
	Object          string                `json:"object"`
	Amount          int64                 `json:"amount"`
	CheckoutSession Expandable[ObjectRef] `json:"checkout_session"`
	Created         int64                 `json:"created"`
	// CreditNote is the credit note that made the change, if any.
	CreditNote      Expandable[CreditNote] `json:"credit_note"`
	Currency        string                 `json:"currency"`
	Customer        Expandable[Customer]   `json:"customer"`
	CustomerAccount string                 `json:"customer_account"`
	Description     string                 `json:"description"`
	// EndingBalance is the customer's balance after the transaction.
	EndingBalance int64                          `json:"ending_balance"`
	Invoice       Expandable[Invoice]            `json:"invoice"`
	Livemode      bool                           `json:"livemode"`
	Metadata      map[string]string              `json:"metadata"`
	Type          CustomerBalanceTransactionType `json:"type"`
}

// CustomerBalanceTransactionCreateParams are the params of
// CustomerBalanceTransactions.Create. Amount and Currency are required.
type CustomerBalanceTransactionCreateParams struct {
	Params
	// Amount is negative to credit the customer, positive to debit.
	Amount      *int64   `url:"amount,omitempty"`
	Currency    *string  `url:"currency,omitempty"`
	Description *string  `url:"description,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
}

// CustomerBalanceTransactionGetParams are the params of
// CustomerBalanceTransactions.Get.
type CustomerBalanceTransactionGetParams struct {
	Params
}

// CustomerBalanceTransactionUpdateParams are the params of
// CustomerBalanceTransactions.Update.
type CustomerBalanceTransactionUpdateParams struct {
	Params
	Description *string  `url:"description,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
}

// CustomerBalanceTransactionListParams are the params of
// CustomerBalanceTransactions.List and All.
type CustomerBalanceTransactionListParams struct {
	Params
	ListParams
	Created *RangeQuery `url:"created,omitempty"`
	Invoice *string     `url:"invoice,omitempty"`
}

// Create adjusts a customer's balance.
//
// Stripe API docs: https://docs.stripe.com/api/customer_balance_transactions/create
func (s *CustomerBalanceTransactionsService) Create(ctx context.Context, customerID string, params *CustomerBalanceTransactionCreateParams) (*CustomerBalanceTransaction, error) {
	path, err := pathf("/v1/customers/%s/balance_transactions", customerID)
	if err != nil {
		return nil, err
	}
	tx := new(CustomerBalanceTransaction)
	return orNil(tx, s.c.call(ctx, http.MethodPost, path, params, tx))
}

// Get retrieves a customer balance transaction. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customer_balance_transactions/retrieve
func (s *CustomerBalanceTransactionsService) Get(ctx context.Context, customerID, id string, params *CustomerBalanceTransactionGetParams) (*CustomerBalanceTransaction, error) {
	path, err := pathf("/v1/customers/%s/balance_transactions/%s", customerID, id)
	if err != nil {
		return nil, err
	}
	tx := new(CustomerBalanceTransaction)
	return orNil(tx, s.c.call(ctx, http.MethodGet, path, params, tx))
}

// Update changes the description or metadata of a customer balance
// transaction.
//
// Stripe API docs: https://docs.stripe.com/api/customer_balance_transactions/update
func (s *CustomerBalanceTransactionsService) Update(ctx context.Context, customerID, id string, params *CustomerBalanceTransactionUpdateParams) (*CustomerBalanceTransaction, error) {
	path, err := pathf("/v1/customers/%s/balance_transactions/%s", customerID, id)
	if err != nil {
		return nil, err
	}
	tx := new(CustomerBalanceTransaction)
	return orNil(tx, s.c.call(ctx, http.MethodPost, path, params, tx))
}

// List returns one page of a customer's balance transactions, newest
// first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customer_balance_transactions/list
func (s *CustomerBalanceTransactionsService) List(ctx context.Context, customerID string, params *CustomerBalanceTransactionListParams) (*List[CustomerBalanceTransaction], error) {
	path, err := pathf("/v1/customers/%s/balance_transactions", customerID)
	if err != nil {
		return nil, err
	}
	page := new(List[CustomerBalanceTransaction])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// All iterates over every balance transaction of a customer, fetching
// pages lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/customer_balance_transactions/list
func (s *CustomerBalanceTransactionsService) All(ctx context.Context, customerID string, params *CustomerBalanceTransactionListParams) iter.Seq2[*CustomerBalanceTransaction, error] {
	return listAll(ctx, params, func(ctx context.Context, p *CustomerBalanceTransactionListParams) (*List[CustomerBalanceTransaction], error) {
		return s.List(ctx, customerID, p)
	})
}
