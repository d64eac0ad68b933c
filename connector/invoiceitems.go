package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

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

// rules: the item is billed by amount (in currency) or by price.
func (*createInvoiceItemConfig) rules() []rule {
	return []rule{exactlyOne("amount", "priceId"), requires("amount", "currency")}
}

type invoiceItemIDConfig struct {
	InvoiceItemID string `json:"invoiceItemId" required:"true" desc:"The invoice item's ID (ii_...)."`
}

type listInvoiceItemsConfig struct {
	CustomerID *string `json:"customerId" desc:"Only items of this customer (cus_...)."`
	InvoiceID  *string `json:"invoiceId" desc:"Only items on this invoice (in_...)."`
	Pending    *bool   `json:"pending" desc:"Only items not yet on an invoice (true), or only items on one (false)."`
	listConfig
}

type updateInvoiceItemConfig struct {
	invoiceItemIDConfig
	Amount       *int64            `json:"amount" desc:"New amount in the currency's smallest unit; instead of priceId."`
	PriceID      *string           `json:"priceId" desc:"A price (price_...) to bill, instead of amount."`
	Quantity     *int64            `json:"quantity" min:"0" desc:"Quantity of the price."`
	Description  *string           `json:"description" desc:"Description shown on the invoice line."`
	Discountable *bool             `json:"discountable" desc:"Whether discounts apply to the item."`
	TaxRates     []string          `json:"taxRates" desc:"Tax rates (txr_...) for the item, replacing its current ones."`
	Metadata     map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

func (*updateInvoiceItemConfig) rules() []rule { return []rule{atMostOne("amount", "priceId")} }

const exampleInvoiceItem = `{"id": "ii_123", "object": "invoiceitem", "customer": "cus_123", "amount": 1000, "currency": "usd", "description": "Consulting", "invoice": "in_123"}`

func invoiceItemActions() []Action {
	return []Action{
		define("stripe.createInvoiceItem", "Add a line item to a customer's draft or next invoice.",
			exampleInvoiceItem,
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
		define("stripe.getInvoiceItem", "Retrieve an invoice item by ID.", exampleInvoiceItem,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceItemIDConfig, base stripe.Params) (any, error) {
				return c.InvoiceItems.Get(ctx, cfg.InvoiceItemID, &stripe.InvoiceItemGetParams{Params: base})
			}),
		define("stripe.listInvoiceItems", "List invoice items, newest first, filtered by customer, invoice or pending.",
			`{"object": "list", "data": [`+exampleInvoiceItem+`], "has_more": false, "url": "/v1/invoiceitems"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listInvoiceItemsConfig, base stripe.Params) (any, error) {
				p := &stripe.InvoiceItemListParams{Params: base, ListParams: cfg.params(), Customer: cfg.CustomerID,
					Invoice: cfg.InvoiceID, Pending: cfg.Pending}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.InvoiceItem], error) { return c.InvoiceItems.List(ctx, p) },
					func() iter.Seq2[*stripe.InvoiceItem, error] { return c.InvoiceItems.All(ctx, p) })
			}),
		define("stripe.updateInvoiceItem", "Change an invoice item that is pending or on a draft invoice.", exampleInvoiceItem,
			func(ctx context.Context, c *stripe.Client, cfg *updateInvoiceItemConfig, base stripe.Params) (any, error) {
				p := &stripe.InvoiceItemUpdateParams{Params: base, Amount: cfg.Amount, Quantity: cfg.Quantity,
					Description: cfg.Description, Discountable: cfg.Discountable, TaxRates: cfg.TaxRates, Metadata: cfg.Metadata}
				if cfg.PriceID != nil {
					p.Pricing = &stripe.InvoiceItemPricingParams{Price: cfg.PriceID}
				}
				return c.InvoiceItems.Update(ctx, cfg.InvoiceItemID, p)
			}),
		define("stripe.deleteInvoiceItem", "Delete an invoice item that is pending or on a draft invoice.",
			`{"id": "ii_123", "object": "invoiceitem", "deleted": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *invoiceItemIDConfig, base stripe.Params) (any, error) {
				return c.InvoiceItems.Delete(ctx, cfg.InvoiceItemID, &stripe.InvoiceItemDeleteParams{RequestOptions: requestOptions(base)})
			}),
	}
}
