package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

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

// rules: a charge needs something to charge: a token or card (source),
// a customer's default source (customerId), or a card saved on the
// customer (both).
func (*createChargeConfig) rules() []rule { return []rule{atLeastOne("customerId", "source")} }

type chargeIDConfig struct {
	ChargeID string `json:"chargeId" required:"true" desc:"The charge's ID (ch_...)."`
}

type listChargesConfig struct {
	CustomerID      *string `json:"customerId" desc:"Only charges of this customer (cus_...)."`
	PaymentIntentID *string `json:"paymentIntentId" desc:"Only charges of this PaymentIntent (pi_...)."`
	TransferGroup   *string `json:"transferGroup" desc:"Only charges in this transfer group."`
	listConfig
}

type updateChargeConfig struct {
	chargeIDConfig
	CustomerID    *string           `json:"customerId" desc:"Attach a charge that has no customer to this one (cus_...)."`
	Description   *string           `json:"description" desc:"An arbitrary description of the charge."`
	ReceiptEmail  *string           `json:"receiptEmail" desc:"Email address to send the receipt to."`
	TransferGroup *string           `json:"transferGroup" desc:"A transfer group to put the charge in."`
	Metadata      map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

type captureChargeConfig struct {
	chargeIDConfig
	Amount                    *int64  `json:"amount" min:"1" desc:"Amount to capture in the smallest unit; default the whole authorized amount, the rest is released."`
	ReceiptEmail              *string `json:"receiptEmail" desc:"Email address to send the receipt to."`
	StatementDescriptor       *string `json:"statementDescriptor" desc:"Statement descriptor shown on the card statement."`
	StatementDescriptorSuffix *string `json:"statementDescriptorSuffix" desc:"Text appended to your statement descriptor on the card statement."`
}

const exampleCharge = `{"id": "ch_123", "object": "charge", "amount": 2000, "currency": "usd", "customer": "cus_123", "paid": true, "captured": true, "status": "succeeded"}`

func chargeActions() []Action {
	return []Action{
		define("stripe.createCharge", "Charge a card token or a customer's saved card (legacy Charges API).",
			exampleCharge,
			func(ctx context.Context, c *stripe.Client, cfg *createChargeConfig, base stripe.Params) (any, error) {
				return c.Charges.Create(ctx, &stripe.ChargeCreateParams{Params: base, Amount: &cfg.Amount, Currency: &cfg.Currency, Customer: cfg.CustomerID, Source: cfg.Source,
					Description: cfg.Description, ReceiptEmail: cfg.ReceiptEmail, Capture: cfg.Capture,
					StatementDescriptorSuffix: cfg.StatementDescriptorSuffix, Metadata: cfg.Metadata,
				})
			}),
		define("stripe.getCharge", "Retrieve a charge by ID.", exampleCharge,
			func(ctx context.Context, c *stripe.Client, cfg *chargeIDConfig, base stripe.Params) (any, error) {
				return c.Charges.Get(ctx, cfg.ChargeID, &stripe.ChargeGetParams{Params: base})
			}),
		define("stripe.listCharges", "List charges, newest first, filtered by customer, PaymentIntent or transfer group.",
			`{"object": "list", "data": [`+exampleCharge+`], "has_more": false, "url": "/v1/charges"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listChargesConfig, base stripe.Params) (any, error) {
				p := &stripe.ChargeListParams{Params: base, ListParams: cfg.params(), Customer: cfg.CustomerID,
					PaymentIntent: cfg.PaymentIntentID, TransferGroup: cfg.TransferGroup}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Charge], error) { return c.Charges.List(ctx, p) },
					func() iter.Seq2[*stripe.Charge, error] { return c.Charges.All(ctx, p) })
			}),
		define("stripe.updateCharge", "Change the description, receipt email, metadata or customer of a charge.", exampleCharge,
			func(ctx context.Context, c *stripe.Client, cfg *updateChargeConfig, base stripe.Params) (any, error) {
				return c.Charges.Update(ctx, cfg.ChargeID, &stripe.ChargeUpdateParams{Params: base, Customer: cfg.CustomerID,
					Description: cfg.Description, ReceiptEmail: cfg.ReceiptEmail, TransferGroup: cfg.TransferGroup, Metadata: cfg.Metadata})
			}),
		define("stripe.captureCharge", "Capture an authorized charge (created with capture false), fully or in part.", exampleCharge,
			func(ctx context.Context, c *stripe.Client, cfg *captureChargeConfig, base stripe.Params) (any, error) {
				return c.Charges.Capture(ctx, cfg.ChargeID, &stripe.ChargeCaptureParams{Params: base, Amount: cfg.Amount,
					ReceiptEmail: cfg.ReceiptEmail, StatementDescriptor: cfg.StatementDescriptor,
					StatementDescriptorSuffix: cfg.StatementDescriptorSuffix})
			}),
	}
}
