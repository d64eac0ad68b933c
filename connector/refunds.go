package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type createRefundConfig struct {
	ChargeID        *string              `json:"chargeId" desc:"The charge (ch_...) to refund; give this or paymentIntentId."`
	PaymentIntentID *string              `json:"paymentIntentId" desc:"The PaymentIntent (pi_...) to refund; give this or chargeId."`
	Amount          *int64               `json:"amount" min:"1" desc:"Amount to refund in the smallest unit; default the whole remaining amount."`
	Reason          *stripe.RefundReason `json:"reason" enumExclude:"expired_uncaptured_charge" desc:"Why the payment is refunded."`
	Metadata        map[string]string    `json:"metadata" desc:"Key-value pairs (strings) to attach to the refund."`
}

func (*createRefundConfig) rules() []rule { return []rule{exactlyOne("chargeId", "paymentIntentId")} }

type refundIDConfig struct {
	RefundID string `json:"refundId" required:"true" desc:"The refund's ID (re_...)."`
}

type listRefundsConfig struct {
	ChargeID        *string `json:"chargeId" desc:"Only refunds of this charge (ch_...)."`
	PaymentIntentID *string `json:"paymentIntentId" desc:"Only refunds of this PaymentIntent (pi_...)."`
	listConfig
}

type updateRefundConfig struct {
	refundIDConfig
	Metadata map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

const exampleRefund = `{"id": "re_123", "object": "refund", "amount": 1000, "currency": "usd", "charge": "ch_123", "status": "succeeded"}`

func refundActions() []Action {
	return []Action{
		define("stripe.createRefund", "Refund a charge or PaymentIntent, fully or in part.",
			exampleRefund,
			func(ctx context.Context, c *stripe.Client, cfg *createRefundConfig, base stripe.Params) (any, error) {
				return c.Refunds.Create(ctx, &stripe.RefundCreateParams{Params: base, Charge: cfg.ChargeID, PaymentIntent: cfg.PaymentIntentID, Amount: cfg.Amount,
					Reason: cfg.Reason, Metadata: cfg.Metadata,
				})
			}),
		define("stripe.getRefund", "Retrieve a refund by ID.", exampleRefund,
			func(ctx context.Context, c *stripe.Client, cfg *refundIDConfig, base stripe.Params) (any, error) {
				return c.Refunds.Get(ctx, cfg.RefundID, &stripe.RefundGetParams{Params: base})
			}),
		define("stripe.listRefunds", "List refunds, newest first, optionally of one charge or PaymentIntent.",
			`{"object": "list", "data": [`+exampleRefund+`], "has_more": false, "url": "/v1/refunds"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listRefundsConfig, base stripe.Params) (any, error) {
				p := &stripe.RefundListParams{Params: base, ListParams: cfg.params(), Charge: cfg.ChargeID, PaymentIntent: cfg.PaymentIntentID}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Refund], error) { return c.Refunds.List(ctx, p) },
					func() iter.Seq2[*stripe.Refund, error] { return c.Refunds.All(ctx, p) })
			}),
		define("stripe.updateRefund", "Change a refund's metadata.", exampleRefund,
			func(ctx context.Context, c *stripe.Client, cfg *updateRefundConfig, base stripe.Params) (any, error) {
				return c.Refunds.Update(ctx, cfg.RefundID, &stripe.RefundUpdateParams{Params: base, Metadata: cfg.Metadata})
			}),
		define("stripe.cancelRefund", "Cancel a refund that is still pending (requires_action).", exampleRefund,
			func(ctx context.Context, c *stripe.Client, cfg *refundIDConfig, base stripe.Params) (any, error) {
				return c.Refunds.Cancel(ctx, cfg.RefundID, &stripe.RefundCancelParams{Params: base})
			}),
	}
}
