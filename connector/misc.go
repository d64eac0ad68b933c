package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type emptyConfig struct{}

type listBalanceTransactionsConfig struct {
	Type     *stripe.BalanceTransactionType `json:"type" desc:"Only transactions of this type, e.g. charge, refund, payout, stripe_fee."`
	Currency *string                        `json:"currency" desc:"Only transactions in this currency (ISO code, lower case)."`
	PayoutID *string                        `json:"payoutId" desc:"Only transactions paid out in this payout (po_...)."`
	SourceID *string                        `json:"sourceId" desc:"Only transactions caused by this object (ch_..., re_...)."`
	listConfig
}

type createChargeConfig struct {
	Amount                    int64             `json:"amount" required:"true" min:"1" desc:"Amount in the currency's smallest unit, e.g. 1000 for $10.00."`
	Currency                  string            `json:"currency" required:"true" desc:"Three-letter ISO currency code, lower case, e.g. usd."`
	CustomerID                *string           `json:"customerId" desc:"The customer (cus_...) to charge; its default source is used unless source is set."`
	Source                    *string           `json:"source" desc:"A card token (tok_...) or the ID of a card saved on customerId."`
	Description               *string           `json:"description" desc:"An arbitrary description of the charge."`
	ReceiptEmail              *string           `json:"receiptEmail" desc:"Email address to send the receipt to."`
	Capture                   *bool             `json:"capture" desc:"Set false to only authorize the charge and capture it later."`
	StatementDescriptorSuffix *string           `json:"statementDescriptorSuffix" desc:"Text appended to your statement descriptor on the card statement."`
	Metadata                  map[string]string `json:"metadata" desc:"Key-value pairs (strings) to attach to the charge."`
}

type createProductConfig struct {
	Name                string            `json:"name" required:"true" desc:"The product's name, shown to customers."`
	Description         *string           `json:"description" desc:"The product's description, shown to customers."`
	Active              *bool             `json:"active" desc:"Whether the product can be bought (default true)."`
	Images              []string          `json:"images" desc:"Up to 8 image URLs."`
	UnitLabel           *string           `json:"unitLabel" desc:"Unit name shown on receipts and invoices, e.g. seat."`
	URL                 *string           `json:"url" desc:"A public web page for the product."`
	StatementDescriptor *string           `json:"statementDescriptor" desc:"Statement descriptor for card payments of this product."`
	TaxCode             *string           `json:"taxCode" desc:"A tax code ID (txcd_...)."`
	Metadata            map[string]string `json:"metadata" desc:"Key-value pairs (strings) to attach to the product."`
}

type createRefundConfig struct {
	ChargeID        *string              `json:"chargeId" desc:"The charge (ch_...) to refund; give this or paymentIntentId."`
	PaymentIntentID *string              `json:"paymentIntentId" desc:"The PaymentIntent (pi_...) to refund; give this or chargeId."`
	Amount          *int64               `json:"amount" min:"1" desc:"Amount to refund in the smallest unit; default the whole remaining amount."`
	Reason          *stripe.RefundReason `json:"reason" enum:"duplicate,fraudulent,requested_by_customer" desc:"Why the payment is refunded."`
	Metadata        map[string]string    `json:"metadata" desc:"Key-value pairs (strings) to attach to the refund."`
}

func (c *createRefundConfig) validate() *ConfigError {
	if (c.ChargeID == nil) == (c.PaymentIntentID == nil) {
		return &ConfigError{Field: "chargeId", Code: CodeMissingField, Reason: "give exactly one of chargeId and paymentIntentId"}
	}
	return nil
}

func balanceActions() []Action {
	return []Action{
		define("stripe.getBalance", "Retrieve the account's available and pending balance.",
			`{"object": "balance", "available": [{"amount": 5000, "currency": "usd"}], "pending": [{"amount": 1200, "currency": "usd"}], "livemode": false}`,
			func(ctx context.Context, c *stripe.Client, _ *emptyConfig, base stripe.Params) (any, error) {
				return c.Balance.Get(ctx, &stripe.BalanceGetParams{Params: base})
			}),
		define("stripe.listBalanceTransactions", "List balance transactions (charges, refunds, fees, payouts), newest first.",
			`{"object": "list", "data": [{"id": "txn_123", "object": "balance_transaction", "amount": 1000, "fee": 59, "net": 941, "currency": "usd", "type": "charge", "source": "ch_123"}], "has_more": false, "url": "/v1/balance_transactions"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listBalanceTransactionsConfig, base stripe.Params) (any, error) {
				p := &stripe.BalanceTransactionListParams{Params: base, ListParams: cfg.params(), Type: cfg.Type, Currency: cfg.Currency, Payout: cfg.PayoutID, Source: cfg.SourceID}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.BalanceTransaction], error) { return c.BalanceTransactions.List(ctx, p) },
					func() iter.Seq2[*stripe.BalanceTransaction, error] { return c.BalanceTransactions.All(ctx, p) })
			}),
	}
}

func chargeProductRefundActions() []Action {
	return []Action{
		define("stripe.createCharge", "Charge a card token or a customer's saved card (legacy Charges API).",
			`{"id": "ch_123", "object": "charge", "amount": 2000, "currency": "usd", "customer": "cus_123", "paid": true, "status": "succeeded"}`,
			func(ctx context.Context, c *stripe.Client, cfg *createChargeConfig, base stripe.Params) (any, error) {
				return c.Charges.Create(ctx, &stripe.ChargeCreateParams{Params: base, Amount: &cfg.Amount, Currency: &cfg.Currency, Customer: cfg.CustomerID, Source: cfg.Source,
					Description: cfg.Description, ReceiptEmail: cfg.ReceiptEmail, Capture: cfg.Capture,
					StatementDescriptorSuffix: cfg.StatementDescriptorSuffix, Metadata: cfg.Metadata,
				})
			}),
		define("stripe.createProduct", "Create a product to attach prices to.",
			`{"id": "prod_123", "object": "product", "name": "Gold plan", "active": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *createProductConfig, base stripe.Params) (any, error) {
				return c.Products.Create(ctx, &stripe.ProductCreateParams{Params: base, Name: &cfg.Name, Description: cfg.Description, Active: cfg.Active, Images: cfg.Images,
					UnitLabel: cfg.UnitLabel, URL: cfg.URL, StatementDescriptor: cfg.StatementDescriptor,
					TaxCode: cfg.TaxCode, Metadata: cfg.Metadata,
				})
			}),
		define("stripe.createRefund", "Refund a charge or PaymentIntent, fully or in part.",
			`{"id": "re_123", "object": "refund", "amount": 1000, "currency": "usd", "charge": "ch_123", "status": "succeeded"}`,
			func(ctx context.Context, c *stripe.Client, cfg *createRefundConfig, base stripe.Params) (any, error) {
				return c.Refunds.Create(ctx, &stripe.RefundCreateParams{Params: base, Charge: cfg.ChargeID, PaymentIntent: cfg.PaymentIntentID, Amount: cfg.Amount,
					Reason: cfg.Reason, Metadata: cfg.Metadata,
				})
			}),
	}
}
