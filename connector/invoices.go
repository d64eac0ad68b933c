package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

// rules: a send_invoice invoice needs a due date, given as days or a
// date, not both; neither applies to charge_automatically (the default).
func (*createInvoiceConfig) rules() []rule {
	return []rule{
		ifThenAnyOf("collectionMethod", "send_invoice", "daysUntilDue", "dueDate"),
		atMostOne("daysUntilDue", "dueDate"),
		onlyIf("collectionMethod", "send_invoice", "daysUntilDue", "dueDate"),
	}
}

type invoiceIDConfig struct {
	InvoiceID string `json:"invoiceId" required:"true" desc:"The invoice's ID (in_...)."`
}

type createInvoiceConfig struct {
	customerIDConfig
	AutoAdvance                 *bool                                      `json:"autoAdvance" desc:"Whether Stripe finalizes the draft automatically after about an hour. Set false to finalize it yourself."`
	CollectionMethod            *stripe.CollectionMethod                   `json:"collectionMethod" desc:"charge_automatically charges the default payment method; send_invoice emails the invoice for payment."`
	DaysUntilDue                *int64                                     `json:"daysUntilDue" min:"0" desc:"Days until the invoice is due (send_invoice only)."`
	DueDate                     *int64                                     `json:"dueDate" desc:"Due date as a Unix timestamp (send_invoice only; instead of daysUntilDue)."`
	Currency                    *string                                    `json:"currency" desc:"Three-letter ISO currency code, lower case (default: the customer's currency)."`
	Description                 *string                                    `json:"description" desc:"Memo shown on the invoice."`
	Footer                      *string                                    `json:"footer" desc:"Footer shown on the invoice."`
	DefaultPaymentMethodID      *string                                    `json:"defaultPaymentMethodId" desc:"Payment method (pm_...) to charge, instead of the customer's default."`
	SubscriptionID              *string                                    `json:"subscriptionId" desc:"Subscription (sub_...) whose pending items to invoice."`
	PendingInvoiceItemsBehavior *stripe.InvoicePendingInvoiceItemsBehavior `json:"pendingInvoiceItemsBehavior" desc:"Whether the customer's pending invoice items are added to this invoice (default exclude)."`
	Metadata                    map[string]string                          `json:"metadata" desc:"Key-value pairs (strings) to attach to the invoice."`
}

type listInvoicesConfig struct {
	CustomerID       *string                  `json:"customerId" desc:"Only invoices of this customer (cus_...)."`
	SubscriptionID   *string                  `json:"subscriptionId" desc:"Only invoices of this subscription (sub_...)."`
	Status           *stripe.InvoiceStatus    `json:"status" desc:"Only invoices with this status."`
	CollectionMethod *stripe.CollectionMethod `json:"collectionMethod" desc:"Only invoices with this collection method."`
	listConfig
}

type updateInvoiceConfig struct {
	invoiceIDConfig
	AutoAdvance            *bool                    `json:"autoAdvance" desc:"Whether Stripe finalizes (and collects) the invoice automatically."`
	CollectionMethod       *stripe.CollectionMethod `json:"collectionMethod" desc:"charge_automatically charges the default payment method; send_invoice emails the invoice for payment."`
	DaysUntilDue           *int64                   `json:"daysUntilDue" min:"0" desc:"Days until the invoice is due (send_invoice only)."`
	DueDate                *int64                   `json:"dueDate" desc:"Due date as a Unix timestamp (send_invoice only; instead of daysUntilDue)."`
	Description            *string                  `json:"description" desc:"Memo shown on the invoice."`
	Footer                 *string                  `json:"footer" desc:"Footer shown on the invoice."`
	DefaultPaymentMethodID *string                  `json:"defaultPaymentMethodId" desc:"Payment method (pm_...) to charge, instead of the customer's default."`
	DefaultSourceID        *string                  `json:"defaultSourceId" desc:"Saved card or source to charge, instead of the customer's default."`
	Number                 *string                  `json:"number" desc:"A custom invoice number (drafts only)."`
	StatementDescriptor    *string                  `json:"statementDescriptor" desc:"Statement descriptor for the invoice's card payment."`
	Metadata               map[string]string        `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

type payInvoiceConfig struct {
	invoiceIDConfig
	PaymentMethodID *string `json:"paymentMethodId" desc:"Payment method (pm_...) to pay with, instead of the invoice's default."`
	Source          *string `json:"source" desc:"Saved card or source to pay with, instead of the invoice's default."`
	OffSession      *bool   `json:"offSession" desc:"The customer is not present to authenticate (default true)."`
	PaidOutOfBand   *bool   `json:"paidOutOfBand" desc:"Mark the invoice paid outside Stripe (cash, check); nothing is charged."`
	Forgive         *bool   `json:"forgive" desc:"Mark the invoice paid even if the payment covers only part of the amount due."`
}

type finalizeInvoiceConfig struct {
	invoiceIDConfig
	AutoAdvance *bool `json:"autoAdvance" desc:"Whether Stripe then collects payment automatically."`
}

const exampleInvoice = `{"id": "in_123", "object": "invoice", "customer": "cus_123", "status": "draft", "collection_method": "send_invoice", "amount_due": 1000, "currency": "usd", "description": "Invoice for services", "metadata": {"order_id": "A-1"}}`

func invoiceActions() []Action {
	return []Action{
		define("stripe.createInvoice", "Create a draft invoice for a customer.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *createInvoiceConfig, base stripe.Params) (any, error) {
				return c.Invoices.Create(ctx, &stripe.InvoiceCreateParams{Params: base, Customer: &cfg.CustomerID, AutoAdvance: cfg.AutoAdvance, CollectionMethod: cfg.CollectionMethod,
					DaysUntilDue: cfg.DaysUntilDue, DueDate: cfg.DueDate, Currency: cfg.Currency,
					Description: cfg.Description, Footer: cfg.Footer, DefaultPaymentMethod: cfg.DefaultPaymentMethodID,
					Subscription: cfg.SubscriptionID, PendingInvoiceItemsBehavior: cfg.PendingInvoiceItemsBehavior,
					Metadata: cfg.Metadata,
				})
			}),
		define("stripe.getInvoice", "Retrieve an invoice by ID.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceIDConfig, base stripe.Params) (any, error) {
				return c.Invoices.Get(ctx, cfg.InvoiceID, &stripe.InvoiceGetParams{Params: base})
			}),
		define("stripe.listInvoices", "List invoices, newest first, filtered by customer, subscription or status.",
			`{"object": "list", "data": [`+exampleInvoice+`], "has_more": false, "url": "/v1/invoices"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listInvoicesConfig, base stripe.Params) (any, error) {
				p := &stripe.InvoiceListParams{Params: base, ListParams: cfg.params(), Customer: cfg.CustomerID, Subscription: cfg.SubscriptionID,
					Status: cfg.Status, CollectionMethod: cfg.CollectionMethod,
				}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Invoice], error) { return c.Invoices.List(ctx, p) },
					func() iter.Seq2[*stripe.Invoice, error] { return c.Invoices.All(ctx, p) })
			}),
		define("stripe.finalizeInvoice", "Finalize a draft invoice so it can be paid or sent.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *finalizeInvoiceConfig, base stripe.Params) (any, error) {
				return c.Invoices.Finalize(ctx, cfg.InvoiceID, &stripe.InvoiceFinalizeParams{Params: base, AutoAdvance: cfg.AutoAdvance})
			}),
		define("stripe.sendInvoice", "Email a finalized send_invoice invoice to the customer.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceIDConfig, base stripe.Params) (any, error) {
				return c.Invoices.Send(ctx, cfg.InvoiceID, &stripe.InvoiceSendParams{Params: base})
			}),
		define("stripe.voidInvoice", "Void a finalized invoice that will not be paid.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceIDConfig, base stripe.Params) (any, error) {
				return c.Invoices.Void(ctx, cfg.InvoiceID, &stripe.InvoiceVoidParams{Params: base})
			}),
		define("stripe.updateInvoice", "Change the fields given on an invoice; others stay as they are.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *updateInvoiceConfig, base stripe.Params) (any, error) {
				return c.Invoices.Update(ctx, cfg.InvoiceID, &stripe.InvoiceUpdateParams{Params: base,
					AutoAdvance: cfg.AutoAdvance, CollectionMethod: cfg.CollectionMethod, DaysUntilDue: cfg.DaysUntilDue,
					DueDate: cfg.DueDate, Description: cfg.Description, Footer: cfg.Footer,
					DefaultPaymentMethod: cfg.DefaultPaymentMethodID, DefaultSource: cfg.DefaultSourceID,
					Number: cfg.Number, StatementDescriptor: cfg.StatementDescriptor, Metadata: cfg.Metadata})
			}),
		define("stripe.payInvoice", "Pay an open invoice now, or mark it paid out of band.", exampleInvoice,
			func(ctx context.Context, c *stripe.Client, cfg *payInvoiceConfig, base stripe.Params) (any, error) {
				return c.Invoices.Pay(ctx, cfg.InvoiceID, &stripe.InvoicePayParams{Params: base,
					PaymentMethod: cfg.PaymentMethodID, Source: cfg.Source, OffSession: cfg.OffSession,
					PaidOutOfBand: cfg.PaidOutOfBand, Forgive: cfg.Forgive})
			}),
		define("stripe.deleteInvoice", "Delete a draft invoice (finalized invoices are voided instead).",
			`{"id": "in_123", "object": "invoice", "deleted": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceIDConfig, base stripe.Params) (any, error) {
				return c.Invoices.Delete(ctx, cfg.InvoiceID, &stripe.InvoiceDeleteParams{RequestOptions: requestOptions(base)})
			}),
	}
}
