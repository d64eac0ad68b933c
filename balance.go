package stripe

import (
	"context"
	"net/http"
)

// BalanceService reads the account balance: https://docs.stripe.com/api/balance
type BalanceService struct{ c *Client }

// Balance is the funds in a Stripe account, per currency. Available funds
// can be paid out; pending funds are not yet available.
type Balance struct {
	Object string `json:"object"`
	// Available is the funds that can be paid out or transferred, one entry
	// per currency.
	Available []BalanceAmount `json:"available"`
	// ConnectReserved is the funds held back for negative balances of
	// connected accounts (Connect platforms only).
	ConnectReserved []BalanceAmount `json:"connect_reserved"`
	// InstantAvailable is the funds available for Instant Payouts.
	InstantAvailable []BalanceAmountNet `json:"instant_available"`
	// Issuing is the funds available for Stripe Issuing.
	Issuing  BalanceDetail `json:"issuing"`
	Livemode bool          `json:"livemode"`
	// Pending is the funds not yet available, one entry per currency.
	Pending []BalanceAmount `json:"pending"`
	// RefundAndDisputePrefunding is the funds reserved to cover refunds and
	// disputes.
	RefundAndDisputePrefunding BalanceDetailUngated `json:"refund_and_dispute_prefunding"`
}

// BalanceAmount is an amount in one currency, in minor units.
type BalanceAmount struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	// SourceTypes breaks Amount down by payment source: "card",
	// "bank_account", "fpx".
	SourceTypes map[string]int64 `json:"source_types"`
}

// BalanceAmountNet is an amount available for Instant Payouts, with what
// would arrive at each destination after fees.
type BalanceAmountNet struct {
	Amount       int64                 `json:"amount"`
	Currency     string                `json:"currency"`
	NetAvailable []BalanceNetAvailable `json:"net_available"`
	SourceTypes  map[string]int64      `json:"source_types"`
}

// BalanceNetAvailable is the net amount an Instant Payout to Destination
// would deliver.
type BalanceNetAvailable struct {
	Amount      int64            `json:"amount"`
	Destination string           `json:"destination"`
	SourceTypes map[string]int64 `json:"source_types"`
}

// BalanceDetail is a balance with only available funds.
type BalanceDetail struct {
	Available []BalanceAmount `json:"available"`
}

// BalanceDetailUngated is a balance with available and pending funds.
type BalanceDetailUngated struct {
	Available []BalanceAmount `json:"available"`
	Pending   []BalanceAmount `json:"pending"`
}

// BalanceGetParams are the params of Balance.Get. Set StripeAccount to read
// a connected account's balance.
type BalanceGetParams struct {
	Params
}

// Get retrieves the balance of the account the API key belongs to, or of
// the connected account params (or WithStripeAccount) names. params may
// be nil.
//
// Stripe API docs: https://docs.stripe.com/api/balance/balance_retrieve
func (s *BalanceService) Get(ctx context.Context, params *BalanceGetParams) (*Balance, error) {
	b := new(Balance)
	return orNil(b, s.c.call(ctx, http.MethodGet, "/v1/balance", params, b))
}
