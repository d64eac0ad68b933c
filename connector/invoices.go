package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

type invoiceIDConfig struct {
	InvoiceID string `json:"invoiceId" required:"true" desc:"The invoice's ID (in_...)."`
}

type createInvoiceConfig struct {
	customerIDConfig
	AutoAdvance                 *bool                                      `json:"autoAdvance" desc:"Whether Stripe finalizes the draft automatically after about an hour. Set false to finalize it yourself."`
	CollectionMethod            *stripe.CollectionMethod                   `json:"collectionMethod" enum:"charge_automatically,send_invoice" desc:"charge_automatically charges the default payment method; send_invoice emails the invoice for payment."`
	DaysUntilDue                *int64                                     `json:"daysUntilDue" min:"0" desc:"Days until the invoice is due (send_invoice only)."`
	DueDate                     *int64                                     `json:"dueDate" desc:"Due date as a Unix timestamp (send_invoice only; instead of daysUntilDue)."`
	Currency                    *string                                    `json:"currency" desc:"Three-letter ISO currency code, lower case (default: the customer's currency)."`
	Description                 *string                                    `json:"description" desc:"Memo shown on the invoice."`
	Footer                      *string                                    `json:"footer" desc:"Footer shown on the invoice."`
	DefaultPaymentMethodID      *string                                    `json:"defaultPaymentMethodId" desc:"Payment method (pm_...) to charge, instead of the customer's default."`
	SubscriptionID              *string                                    `json:"subscriptionId" desc:"Subscription (sub_...) whose pending items to invoice."`
	PendingInvoiceItemsBehavior *stripe.InvoicePendingInvoiceItemsBehavior `json:"pendingInvoiceItemsBehavior" enum:"exclude,include" desc:"Whether the customer's pending invoice items are added to this invoice (default exclude)."`
	Metadata                    map[string]string                          `json:"metadata" desc:"Key-value pairs (strings) to attach to the invoice."`
}

type createInvoiceItemConfig struct {
	customerIDConfig
	Amount         *int64            `json:"amount" desc:"Amount in the currency's smallest unit (e.g. 1000 for $10.00); use instead of priceId."`
	Currency       *string           `json:"currency" desc:"Three-letter ISO currency code, lower case (required with amount)."`
	PriceID        *string           `json:"priceId" desc:"A price (price_...) to bill, instead of amount."`
	Quantity       *int64            `json:"quantity" min:"0" desc:"Quantity of the price (default 1)."`
	Description    *string           `json:"description" desc:"Description shown on the invoice line."`
	InvoiceID      *string           `json:"invoiceId" desc:"Draft invoice (in_...) to add the item to; otherwise it waits for the customer's next invoice."`
	SubscriptionID *string           `json:"subscriptionId" desc:"Subscription (sub_...) whose next invoice gets the item."`
	Metadata       map[string]string `json:"metadata" desc:"Key-value pairs (strings) to attach to the invoice item."`
}

type listInvoicesConfig struct {
	CustomerID       *string                  `json:"customerId" desc:"Only invoices of this customer (cus_...)."`
	SubscriptionID   *string                  `json:"subscriptionId" desc:"Only invoices of this subscription (sub_...)."`
	Status           *stripe.InvoiceStatus    `json:"status" enum:"draft,open,paid,uncollectible,void" desc:"Only invoices with this status."`
	CollectionMethod *stripe.CollectionMethod `json:"collectionMethod" enum:"charge_automatically,send_invoice" desc:"Only invoices with this collection method."`
	listConfig
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
		define("stripe.createInvoiceItem", "Add a line item to a customer's draft or next invoice.",
			`{"id": "ii_123", "object": "invoiceitem", "customer": "cus_123", "amount": 1000, "currency": "usd", "description": "Consulting", "invoice": "in_123"}`,
			func(ctx context.Context, c *stripe.Client, cfg *createInvoiceItemConfig, base stripe.Params) (any, error) {
				p := &stripe.InvoiceItemCreateParams{Params: base, Customer: &cfg.CustomerID, Amount: cfg.Amount, Currency: cfg.Currency, Quantity: cfg.Quantity,
					Description: cfg.Description, Invoice: cfg.InvoiceID, Subscription: cfg.SubscriptionID,
					Metadata: cfg.Metadata,
				}
				if cfg.PriceID != nil {
					p.Pricing = &stripe.InvoiceItemPricingParams{Price: cfg.PriceID}
				}
				return c.InvoiceItems.Create(ctx, p)
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
	}
}
