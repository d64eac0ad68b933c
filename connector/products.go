package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

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

type productIDConfig struct {
	ProductID string `json:"productId" required:"true" desc:"The product's ID (prod_...)."`
}

type listProductsConfig struct {
	Active    *bool    `json:"active" desc:"Only active (true) or only archived (false) products."`
	IDs       []string `json:"ids" desc:"Only the products with these IDs."`
	Shippable *bool    `json:"shippable" desc:"Only shippable (true) or only non-shippable (false) products."`
	URL       *string  `json:"url" desc:"Only the product with this URL."`
	listConfig
}

type updateProductConfig struct {
	productIDConfig
	Name                *string           `json:"name" desc:"The product's name, shown to customers."`
	Description         *string           `json:"description" desc:"The product's description, shown to customers."`
	Active              *bool             `json:"active" desc:"Whether the product can be bought."`
	DefaultPriceID      *string           `json:"defaultPriceId" desc:"One of the product's prices (price_...) to make its default."`
	Images              []string          `json:"images" desc:"Up to 8 image URLs (replaces the list)."`
	UnitLabel           *string           `json:"unitLabel" desc:"Unit name shown on receipts and invoices, e.g. seat."`
	URL                 *string           `json:"url" desc:"A public web page for the product."`
	StatementDescriptor *string           `json:"statementDescriptor" desc:"Statement descriptor for card payments of this product."`
	TaxCode             *string           `json:"taxCode" desc:"A tax code ID (txcd_...)."`
	Metadata            map[string]string `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

type priceIDConfig struct {
	PriceID string `json:"priceId" required:"true" desc:"The price's ID (price_...)."`
}

type recurringConfig struct {
	Interval      stripe.PriceRecurringInterval   `json:"interval" required:"true" desc:"How often the price is billed."`
	IntervalCount *int64                          `json:"intervalCount" min:"1" desc:"Intervals between bills, e.g. 3 with month for quarterly (default 1; at most a year)."`
	UsageType     *stripe.PriceRecurringUsageType `json:"usageType" desc:"licensed bills the quantity; metered bills reported usage."`
}

type createPriceConfig struct {
	Currency    string                   `json:"currency" required:"true" desc:"Three-letter ISO currency code, lower case, e.g. usd."`
	UnitAmount  int64                    `json:"unitAmount" required:"true" min:"0" desc:"Price per unit in the currency's smallest unit, e.g. 2000 for $20.00."`
	ProductID   *string                  `json:"productId" desc:"The product (prod_...) the price is for; give this or productName."`
	ProductName *string                  `json:"productName" desc:"Create a new product with this name for the price; give this or productId."`
	Recurring   *recurringConfig         `json:"recurring" desc:"Bill repeatedly (a subscription price); leave out for a one-time price."`
	Nickname    *string                  `json:"nickname" desc:"An internal name for the price."`
	LookupKey   *string                  `json:"lookupKey" desc:"A key to fetch the price by, instead of its ID."`
	Active      *bool                    `json:"active" desc:"Whether the price can be used for new purchases (default true)."`
	TaxBehavior *stripe.PriceTaxBehavior `json:"taxBehavior" desc:"Whether the price includes tax."`
	Metadata    map[string]string        `json:"metadata" desc:"Key-value pairs (strings) to attach to the price."`
}

func (*createPriceConfig) rules() []rule { return []rule{exactlyOne("productId", "productName")} }

type listPricesConfig struct {
	ProductID  *string           `json:"productId" desc:"Only prices of this product (prod_...)."`
	Active     *bool             `json:"active" desc:"Only active (true) or only archived (false) prices."`
	Currency   *string           `json:"currency" desc:"Only prices in this currency."`
	Type       *stripe.PriceType `json:"type" desc:"Only one-time or only recurring prices."`
	LookupKeys []string          `json:"lookupKeys" desc:"Only the prices with these lookup keys (up to 10)."`
	listConfig
}

type updatePriceConfig struct {
	priceIDConfig
	Active            *bool                    `json:"active" desc:"Whether the price can be used for new purchases."`
	Nickname          *string                  `json:"nickname" desc:"An internal name for the price."`
	LookupKey         *string                  `json:"lookupKey" desc:"A key to fetch the price by, instead of its ID."`
	TransferLookupKey *bool                    `json:"transferLookupKey" desc:"Move lookupKey to this price from the price that has it."`
	TaxBehavior       *stripe.PriceTaxBehavior `json:"taxBehavior" desc:"Whether the price includes tax (only while unspecified)."`
	Metadata          map[string]string        `json:"metadata" desc:"Key-value pairs (strings) to set; an empty value unsets a key."`
}

const (
	exampleProduct = `{"id": "prod_123", "object": "product", "name": "Gold plan", "active": true}`
	examplePrice   = `{"id": "price_123", "object": "price", "product": "prod_123", "currency": "usd", "unit_amount": 2000, "type": "recurring", "recurring": {"interval": "month", "interval_count": 1}, "active": true}`
)

func productActions() []Action {
	return []Action{
		define("stripe.createProduct", "Create a product to attach prices to.",
			exampleProduct,
			func(ctx context.Context, c *stripe.Client, cfg *createProductConfig, base stripe.Params) (any, error) {
				return c.Products.Create(ctx, &stripe.ProductCreateParams{Params: base, Name: &cfg.Name, Description: cfg.Description, Active: cfg.Active, Images: cfg.Images,
					UnitLabel: cfg.UnitLabel, URL: cfg.URL, StatementDescriptor: cfg.StatementDescriptor,
					TaxCode: cfg.TaxCode, Metadata: cfg.Metadata,
				})
			}),
		define("stripe.getProduct", "Retrieve a product by ID.", exampleProduct,
			func(ctx context.Context, c *stripe.Client, cfg *productIDConfig, base stripe.Params) (any, error) {
				return c.Products.Get(ctx, cfg.ProductID, &stripe.ProductGetParams{Params: base})
			}),
		define("stripe.listProducts", "List products, newest first, optionally only active ones.",
			`{"object": "list", "data": [`+exampleProduct+`], "has_more": false, "url": "/v1/products"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listProductsConfig, base stripe.Params) (any, error) {
				p := &stripe.ProductListParams{Params: base, ListParams: cfg.params(), Active: cfg.Active, IDs: cfg.IDs,
					Shippable: cfg.Shippable, URL: cfg.URL}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Product], error) { return c.Products.List(ctx, p) },
					func() iter.Seq2[*stripe.Product, error] { return c.Products.All(ctx, p) })
			}),
		define("stripe.updateProduct", "Change the fields given on a product; others stay as they are.", exampleProduct,
			func(ctx context.Context, c *stripe.Client, cfg *updateProductConfig, base stripe.Params) (any, error) {
				return c.Products.Update(ctx, cfg.ProductID, &stripe.ProductUpdateParams{Params: base, Name: cfg.Name,
					Description: cfg.Description, Active: cfg.Active, DefaultPrice: cfg.DefaultPriceID, Images: cfg.Images,
					UnitLabel: cfg.UnitLabel, URL: cfg.URL, StatementDescriptor: cfg.StatementDescriptor,
					TaxCode: cfg.TaxCode, Metadata: cfg.Metadata})
			}),
		define("stripe.deleteProduct", "Delete a product that has no prices (archive it with updateProduct otherwise).",
			`{"id": "prod_123", "object": "product", "deleted": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *productIDConfig, base stripe.Params) (any, error) {
				return c.Products.Delete(ctx, cfg.ProductID, &stripe.ProductDeleteParams{RequestOptions: requestOptions(base)})
			}),
		define("stripe.createPrice", "Create a one-time or recurring price for a product.", examplePrice,
			func(ctx context.Context, c *stripe.Client, cfg *createPriceConfig, base stripe.Params) (any, error) {
				p := &stripe.PriceCreateParams{Params: base, Currency: &cfg.Currency, UnitAmount: &cfg.UnitAmount,
					Product: cfg.ProductID, Nickname: cfg.Nickname, LookupKey: cfg.LookupKey, Active: cfg.Active,
					TaxBehavior: cfg.TaxBehavior, Metadata: cfg.Metadata}
				if cfg.ProductName != nil {
					p.ProductData = &stripe.PriceProductDataParams{Name: cfg.ProductName}
				}
				if r := cfg.Recurring; r != nil {
					p.Recurring = &stripe.PriceRecurringParams{Interval: &r.Interval, IntervalCount: r.IntervalCount, UsageType: r.UsageType}
				}
				return c.Prices.Create(ctx, p)
			}),
		define("stripe.getPrice", "Retrieve a price by ID.", examplePrice,
			func(ctx context.Context, c *stripe.Client, cfg *priceIDConfig, base stripe.Params) (any, error) {
				return c.Prices.Get(ctx, cfg.PriceID, &stripe.PriceGetParams{Params: base})
			}),
		define("stripe.listPrices", "List prices, newest first, filtered by product, type, currency or lookup key.",
			`{"object": "list", "data": [`+examplePrice+`], "has_more": false, "url": "/v1/prices"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listPricesConfig, base stripe.Params) (any, error) {
				p := &stripe.PriceListParams{Params: base, ListParams: cfg.params(), Product: cfg.ProductID, Active: cfg.Active,
					Currency: cfg.Currency, Type: cfg.Type, LookupKeys: cfg.LookupKeys}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Price], error) { return c.Prices.List(ctx, p) },
					func() iter.Seq2[*stripe.Price, error] { return c.Prices.All(ctx, p) })
			}),
		define("stripe.updatePrice", "Change a price's nickname, lookup key, metadata or active flag (amounts cannot change).", examplePrice,
			func(ctx context.Context, c *stripe.Client, cfg *updatePriceConfig, base stripe.Params) (any, error) {
				return c.Prices.Update(ctx, cfg.PriceID, &stripe.PriceUpdateParams{Params: base, Active: cfg.Active,
					Nickname: cfg.Nickname, LookupKey: cfg.LookupKey, TransferLookupKey: cfg.TransferLookupKey,
					TaxBehavior: cfg.TaxBehavior, Metadata: cfg.Metadata})
			}),
	}
}
