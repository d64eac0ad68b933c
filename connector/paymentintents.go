package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type paymentIntentIDConfig struct {
	PaymentIntentID string `json:"paymentIntentId" required:"true" desc:"The PaymentIntent's ID (pi_...)."`
}

type createPaymentIntentConfig struct {
	Amount                    int64                                 `json:"amount" required:"true" min:"1" desc:"Amount in the currency's smallest unit, e.g. 1000 for $10.00."`
	Currency                  string                                `json:"currency" required:"true" desc:"Three-letter ISO currency code, lower case, e.g. usd."`
	CustomerID                *string                               `json:"customerId" desc:"The customer (cus_...) paying."`
	Description               *string                               `json:"description" desc:"An arbitrary description shown to the customer."`
	PaymentMethodID           *string                               `json:"paymentMethodId" desc:"Payment method (pm_...) to charge."`
	PaymentMethodTypes        []string                              `json:"paymentMethodTypes" desc:"Payment method types allowed, e.g. [\"card\"]; otherwise from your Dashboard settings."`
	AutomaticPaymentMethods   *bool                                 `json:"automaticPaymentMethods" desc:"Let Stripe pick the payment methods enabled in the Dashboard."`
	CaptureMethod             *stripe.PaymentIntentCaptureMethod    `json:"captureMethod" desc:"manual authorizes now and captures later with capturePaymentIntent."`
	Confirm                   *bool                                 `json:"confirm" desc:"Confirm the PaymentIntent right away (needs paymentMethodId)."`
	OffSession                *bool                                 `json:"offSession" desc:"The customer is not present (with confirm)."`
	ReturnURL                 *string                               `json:"returnUrl" desc:"Where the customer returns after authenticating (with confirm)."`
	ReceiptEmail              *string                               `json:"receiptEmail" desc:"Email address to send the receipt to."`
	SetupFutureUsage          *stripe.PaymentIntentSetupFutureUsage `json:"setupFutureUsage" desc:"Save the payment method on the customer for future payments."`
	StatementDescriptorSuffix *string                               `json:"statementDescriptorSuffix" desc:"Text appended to your statement descriptor on the card statement."`
	Metadata                  map[string]string                     `json:"metadata" desc:"Key-value pairs (strings) to attach to the PaymentIntent."`
}

type confirmPaymentIntentConfig struct {
	paymentIntentIDConfig
	PaymentMethodID *string `json:"paymentMethodId" desc:"Payment method (pm_...) to confirm with, if none is attached."`
	ReturnURL       *string `json:"returnUrl" desc:"Where the customer returns after authenticating."`
	OffSession      *bool   `json:"offSession" desc:"The customer is not present to authenticate."`
	ReceiptEmail    *string `json:"receiptEmail" desc:"Email address to send the receipt to."`
}

type capturePaymentIntentConfig struct {
	paymentIntentIDConfig
	AmountToCapture *int64            `json:"amountToCapture" min:"1" desc:"Amount to capture in the smallest unit; default the full amount capturable."`
	FinalCapture    *bool             `json:"finalCapture" desc:"Set false to allow further captures of the rest (multicapture)."`
	Metadata        map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set on the PaymentIntent."`
}

type cancelPaymentIntentConfig struct {
	paymentIntentIDConfig
	CancellationReason *stripe.PaymentIntentCancellationReason `json:"cancellationReason" enumExclude:"automatic,expired,failed_invoice,void_invoice" desc:"Why the PaymentIntent is canceled."`
}

type listPaymentIntentsConfig struct {
	CustomerID *string `json:"customerId" desc:"Only PaymentIntents of this customer (cus_...)."`
	listConfig
}

type updatePaymentIntentConfig struct {
	paymentIntentIDConfig
	Amount                    *int64                                `json:"amount" min:"1" desc:"New amount in the currency's smallest unit."`
	Currency                  *string                               `json:"currency" desc:"Three-letter ISO currency code, lower case."`
	CustomerID                *string                               `json:"customerId" desc:"The customer (cus_...) paying."`
	Description               *string                               `json:"description" desc:"An arbitrary description shown to the customer."`
	PaymentMethodID           *string                               `json:"paymentMethodId" desc:"Payment method (pm_...) to charge."`
	PaymentMethodTypes        []string                              `json:"paymentMethodTypes" desc:"Payment method types allowed, e.g. [\"card\"]."`
	CaptureMethod             *stripe.PaymentIntentCaptureMethod    `json:"captureMethod" desc:"manual authorizes now and captures later with capturePaymentIntent."`
	ReceiptEmail              *string                               `json:"receiptEmail" desc:"Email address to send the receipt to."`
	SetupFutureUsage          *stripe.PaymentIntentSetupFutureUsage `json:"setupFutureUsage" desc:"Save the payment method on the customer for future payments."`
	StatementDescriptorSuffix *string                               `json:"statementDescriptorSuffix" desc:"Text appended to your statement descriptor on the card statement."`
	Metadata                  map[string]string                     `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

const examplePaymentIntent = `{"id": "pi_123", "object": "payment_intent", "amount": 2000, "currency": "usd", "customer": "cus_123", "status": "requires_payment_method", "client_secret": "pi_123_secret_abc"}`

func paymentIntentActions() []Action {
	return []Action{
		define("stripe.createPaymentIntent", "Create a PaymentIntent to collect a payment.", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *createPaymentIntentConfig, base stripe.Params) (any, error) {
				p := &stripe.PaymentIntentCreateParams{Params: base, Amount: &cfg.Amount, Currency: &cfg.Currency, Customer: cfg.CustomerID, Description: cfg.Description,
					PaymentMethod: cfg.PaymentMethodID, PaymentMethodTypes: cfg.PaymentMethodTypes,
					CaptureMethod: cfg.CaptureMethod, Confirm: cfg.Confirm, OffSession: boolOrUnset(cfg.OffSession),
					ReturnURL: cfg.ReturnURL, ReceiptEmail: cfg.ReceiptEmail, SetupFutureUsage: cfg.SetupFutureUsage,
					StatementDescriptorSuffix: cfg.StatementDescriptorSuffix, Metadata: cfg.Metadata,
				}
				if cfg.AutomaticPaymentMethods != nil {
					p.AutomaticPaymentMethods = &stripe.PaymentIntentAutomaticPaymentMethodsParams{Enabled: cfg.AutomaticPaymentMethods}
				}
				return c.PaymentIntents.Create(ctx, p)
			}),
		define("stripe.getPaymentIntent", "Retrieve a PaymentIntent by ID.", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *paymentIntentIDConfig, base stripe.Params) (any, error) {
				return c.PaymentIntents.Get(ctx, cfg.PaymentIntentID, &stripe.PaymentIntentGetParams{Params: base})
			}),
		define("stripe.confirmPaymentIntent", "Confirm a PaymentIntent; its status says what comes next.", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *confirmPaymentIntentConfig, base stripe.Params) (any, error) {
				return c.PaymentIntents.Confirm(ctx, cfg.PaymentIntentID, &stripe.PaymentIntentConfirmParams{Params: base,
					PaymentMethod: cfg.PaymentMethodID, ReturnURL: cfg.ReturnURL, OffSession: boolOrUnset(cfg.OffSession),
					ReceiptEmail: cfg.ReceiptEmail,
				})
			}),
		define("stripe.capturePaymentIntent", "Capture the funds of an authorized PaymentIntent (captureMethod manual).", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *capturePaymentIntentConfig, base stripe.Params) (any, error) {
				return c.PaymentIntents.Capture(ctx, cfg.PaymentIntentID, &stripe.PaymentIntentCaptureParams{Params: base, AmountToCapture: cfg.AmountToCapture, FinalCapture: cfg.FinalCapture, Metadata: cfg.Metadata})
			}),
		define("stripe.cancelPaymentIntent", "Cancel a PaymentIntent that has not succeeded, releasing held funds.", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *cancelPaymentIntentConfig, base stripe.Params) (any, error) {
				return c.PaymentIntents.Cancel(ctx, cfg.PaymentIntentID, &stripe.PaymentIntentCancelParams{Params: base, CancellationReason: cfg.CancellationReason})
			}),
		define("stripe.listPaymentIntents", "List PaymentIntents, newest first, optionally for one customer.",
			`{"object": "list", "data": [`+examplePaymentIntent+`], "has_more": false, "url": "/v1/payment_intents"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listPaymentIntentsConfig, base stripe.Params) (any, error) {
				p := &stripe.PaymentIntentListParams{Params: base, ListParams: cfg.params(), Customer: cfg.CustomerID}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.PaymentIntent], error) { return c.PaymentIntents.List(ctx, p) },
					func() iter.Seq2[*stripe.PaymentIntent, error] { return c.PaymentIntents.All(ctx, p) })
			}),
		define("stripe.updatePaymentIntent", "Change a PaymentIntent that is not yet confirmed: amount, customer, payment method, metadata, ...", examplePaymentIntent,
			func(ctx context.Context, c *stripe.Client, cfg *updatePaymentIntentConfig, base stripe.Params) (any, error) {
				return c.PaymentIntents.Update(ctx, cfg.PaymentIntentID, &stripe.PaymentIntentUpdateParams{Params: base,
					Amount: cfg.Amount, Currency: cfg.Currency, Customer: cfg.CustomerID, Description: cfg.Description,
					PaymentMethod: cfg.PaymentMethodID, PaymentMethodTypes: cfg.PaymentMethodTypes, CaptureMethod: cfg.CaptureMethod,
					ReceiptEmail: cfg.ReceiptEmail, SetupFutureUsage: cfg.SetupFutureUsage,
					StatementDescriptorSuffix: cfg.StatementDescriptorSuffix, Metadata: cfg.Metadata})
			}),
	}
}

// boolOrUnset is the Union param of an optional boolean.
func boolOrUnset(b *bool) stripe.Union {
	if b == nil {
		return stripe.Union{}
	}
	return stripe.Bool(*b)
}
