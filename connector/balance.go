package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type emptyConfig struct{}

type listBalanceTransactionsConfig struct {
	Type     *string `json:"type" desc:"Only transactions of this type, e.g. charge, refund, payout, stripe_fee (Stripe has more types than the SDK names, so any is passed on)."`
	Currency *string `json:"currency" desc:"Only transactions in this currency (ISO code, lower case)."`
	PayoutID *string `json:"payoutId" desc:"Only transactions paid out in this payout (po_...)."`
	SourceID *string `json:"sourceId" desc:"Only transactions caused by this object (ch_..., re_...)."`
	listConfig
}

type balanceTransactionIDConfig struct {
	BalanceTransactionID string `json:"balanceTransactionId" required:"true" desc:"The balance transaction's ID (txn_...)."`
}

const exampleBalanceTransaction = `{"id": "txn_123", "object": "balance_transaction", "amount": 1000, "fee": 59, "net": 941, "currency": "usd", "type": "charge", "source": "ch_123"}`

func balanceActions() []Action {
	return []Action{
		define("stripe.getBalance", "Retrieve the account's available and pending balance.",
			`{"object": "balance", "available": [{"amount": 5000, "currency": "usd"}], "pending": [{"amount": 1200, "currency": "usd"}], "livemode": false}`,
			func(ctx context.Context, c *stripe.Client, _ *emptyConfig, base stripe.Params) (any, error) {
				return c.Balance.Get(ctx, &stripe.BalanceGetParams{Params: base})
			}),
		define("stripe.listBalanceTransactions", "List balance transactions (charges, refunds, fees, payouts), newest first.",
			`{"object": "list", "data": [`+exampleBalanceTransaction+`], "has_more": false, "url": "/v1/balance_transactions"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listBalanceTransactionsConfig, base stripe.Params) (any, error) {
				p := &stripe.BalanceTransactionListParams{Params: base, ListParams: cfg.params(), Type: (*stripe.BalanceTransactionType)(cfg.Type), Currency: cfg.Currency, Payout: cfg.PayoutID, Source: cfg.SourceID}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.BalanceTransaction], error) { return c.BalanceTransactions.List(ctx, p) },
					func() iter.Seq2[*stripe.BalanceTransaction, error] { return c.BalanceTransactions.All(ctx, p) })
			}),
		define("stripe.getBalanceTransaction", "Retrieve a balance transaction (amount, fee, net) by ID.", exampleBalanceTransaction,
			func(ctx context.Context, c *stripe.Client, cfg *balanceTransactionIDConfig, base stripe.Params) (any, error) {
				return c.BalanceTransactions.Get(ctx, cfg.BalanceTransactionID, &stripe.BalanceTransactionGetParams{Params: base})
			}),
	}
}
