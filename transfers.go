package stripe

import (
	"context"
	"iter"
	"net/http"
)

// TransfersService manages Connect transfers from the platform's balance
// to a connected account: https://docs.stripe.com/api/transfers
type TransfersService struct{ c *Client }

// Transfer moves funds from the platform's balance to a connected account.
type Transfer struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Amount int64  `json:"amount"`
	// AmountReversed is the part of Amount reversed so far.
	AmountReversed     int64                          `json:"amount_reversed"`
	BalanceTransaction Expandable[BalanceTransaction] `json:"balance_transaction"`
	Created            int64                          `json:"created"`
	Currency           string                         `json:"currency"`
	Description        string                         `json:"description"`
	// Destination is the connected account (acct_...) paid.
	Destination Expandable[ObjectRef] `json:"destination"`
	// DestinationPayment is the payment created on the connected account
	// (py_...).
	DestinationPayment Expandable[ObjectRef] `json:"destination_payment"`
	Livemode           bool                  `json:"livemode"`
	Metadata           map[string]string     `json:"metadata"`
	// Reversals holds the first page of the transfer's reversals.
	Reversals List[TransferReversal] `json:"reversals"`
	Reversed  bool                   `json:"reversed"`
	// SourceTransaction is the charge the transfer was funded from, if
	// it was created with one.
	SourceTransaction Expandable[Charge] `json:"source_transaction"`
	SourceType        string             `json:"source_type"`
	TransferGroup     string             `json:"transfer_group"`
}

// TransferReversal returns funds of a transfer to the platform.
type TransferReversal struct {
	ID                       string                         `json:"id"`
	Object                   string                         `json:"object"`
	Amount                   int64                          `json:"amount"`
	BalanceTransaction       Expandable[BalanceTransaction] `json:"balance_transaction"`
	Created                  int64                          `json:"created"`
	Currency                 string                         `json:"currency"`
	DestinationPaymentRefund Expandable[Refund]             `json:"destination_payment_refund"`
	Metadata                 map[string]string              `json:"metadata"`
	SourceRefund             Expandable[Refund]             `json:"source_refund"`
	Transfer                 Expandable[Transfer]           `json:"transfer"`
}

// TransferCreateParams are the params of Transfers.Create; Currency and
// Destination are required.
type TransferCreateParams struct {
	Params
	Amount      *int64  `url:"amount,omitempty"`
	Currency    *string `url:"currency,omitempty"`
	Description *string `url:"description,omitempty"`
	// Destination is the connected account ID (acct_...).
	Destination *string  `url:"destination,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
	// SourceTransaction funds the transfer from a charge, even before its
	// funds are available.
	SourceTransaction *string `url:"source_transaction,omitempty"`
	// SourceType is the balance to draw from: card, bank_account or fpx.
	SourceType    *string `url:"source_type,omitempty"`
	TransferGroup *string `url:"transfer_group,omitempty"`
}

// TransferGetParams are the params of Transfers.Get.
type TransferGetParams struct {
	Params
}

// TransferUpdateParams are the params of Transfers.Update.
type TransferUpdateParams struct {
	Params
	Description *string  `url:"description,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
}

// TransferListParams are the params of Transfers.List and Transfers.All.
type TransferListParams struct {
	Params
	ListParams
	Created       *RangeQuery `url:"created,omitempty"`
	Destination   *string     `url:"destination,omitempty"`
	TransferGroup *string     `url:"transfer_group,omitempty"`
}

// Create sends funds to a connected account.
//
// Stripe API docs: https://docs.stripe.com/api/transfers/create
func (s *TransfersService) Create(ctx context.Context, params *TransferCreateParams) (*Transfer, error) {
	tr := new(Transfer)
	return orNil(tr, s.c.call(ctx, http.MethodPost, "/v1/transfers", params, tr))
}

// Get retrieves a transfer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/transfers/retrieve
func (s *TransfersService) Get(ctx context.Context, id string, params *TransferGetParams) (*Transfer, error) {
	path, err := pathf("/v1/transfers/%s", id)
	if err != nil {
		return nil, err
	}
	tr := new(Transfer)
	return orNil(tr, s.c.call(ctx, http.MethodGet, path, params, tr))
}

// Update changes a transfer's description or metadata.
//
// Stripe API docs: https://docs.stripe.com/api/transfers/update
func (s *TransfersService) Update(ctx context.Context, id string, params *TransferUpdateParams) (*Transfer, error) {
	path, err := pathf("/v1/transfers/%s", id)
	if err != nil {
		return nil, err
	}
	tr := new(Transfer)
	return orNil(tr, s.c.call(ctx, http.MethodPost, path, params, tr))
}

// List returns one page of transfers, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/transfers/list
func (s *TransfersService) List(ctx context.Context, params *TransferListParams) (*List[Transfer], error) {
	page := new(List[Transfer])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/transfers", params, page))
}

// All iterates over every transfer matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/transfers/list
func (s *TransfersService) All(ctx context.Context, params *TransferListParams) iter.Seq2[*Transfer, error] {
	return listAll(ctx, params, s.List)
}
