package stripe

import (
	"context"
	"errors"
	"iter"
	"net/http"
)

// ProductsService manages products: https://docs.stripe.com/api/products
type ProductsService struct{ c *Client }

// Product is a Stripe product object: a good or service that prices are
// attached to.
type Product struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Active bool   `json:"active"`
	// Created and Updated are Unix timestamps.
	Created int64 `json:"created"`
	// DefaultPrice is the product's default price; expand "default_price"
	// to get the whole object.
	DefaultPrice      Expandable[Price]         `json:"default_price"`
	Description       string                    `json:"description"`
	Images            []string                  `json:"images"`
	Livemode          bool                      `json:"livemode"`
	MarketingFeatures []ProductMarketingFeature `json:"marketing_features"`
	Metadata          map[string]string         `json:"metadata"`
	Name              string                    `json:"name"`
	PackageDimensions *ProductPackageDimensions `json:"package_dimensions"`
	Shippable         bool                      `json:"shippable"`
	// StatementDescriptor is only used for subscription payments.
	StatementDescriptor string              `json:"statement_descriptor"`
	TaxCode             Expandable[TaxCode] `json:"tax_code"`
	UnitLabel           string              `json:"unit_label"`
	Updated             int64               `json:"updated"`
	URL                 string              `json:"url"`
}

// ProductMarketingFeature is a feature shown in pricing tables.
type ProductMarketingFeature struct {
	Name string `json:"name"`
}

// ProductPackageDimensions are a shippable product's package dimensions, in
// inches and ounces.
type ProductPackageDimensions struct {
	Height float64 `json:"height"`
	Length float64 `json:"length"`
	Weight float64 `json:"weight"`
	Width  float64 `json:"width"`
}

// TaxCode is a Stripe tax code, the tax category of a product.
type TaxCode struct {
	ID          string `json:"id"`
	Object      string `json:"object"`
	Description string `json:"description"`
	Name        string `json:"name"`
}

// ProductDefaultPriceDataParams creates the product's default price with it.
type ProductDefaultPriceDataParams struct {
	Currency    *string                   `url:"currency,omitempty"`
	Metadata    Metadata                  `url:"metadata,omitempty"`
	Recurring   *PriceDataRecurringParams `url:"recurring,omitempty"`
	TaxBehavior *PriceTaxBehavior         `url:"tax_behavior,omitempty"`
	// UnitAmount is in minor units (cents for usd).
	UnitAmount        *int64  `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string `url:"unit_amount_decimal,omitempty"`
}

// ProductMarketingFeatureParams is a feature shown in pricing tables.
type ProductMarketingFeatureParams struct {
	Name *string `url:"name,omitempty"`
}

// ProductPackageDimensionsParams sets package dimensions, in inches and
// ounces, with up to two decimal places.
type ProductPackageDimensionsParams struct {
	Height *float64 `url:"height,omitempty"`
	Length *float64 `url:"length,omitempty"`
	Weight *float64 `url:"weight,omitempty"`
	Width  *float64 `url:"width,omitempty"`
}

// ProductCreateParams are the params of Products.Create. Name is required.
type ProductCreateParams struct {
	Params
	Active           *bool                          `url:"active,omitempty"`
	DefaultPriceData *ProductDefaultPriceDataParams `url:"default_price_data,omitempty"`
	Description      *string                        `url:"description,omitempty"`
	// ID is an optional custom product ID; Stripe generates one otherwise.
	ID                  *string                              `url:"id,omitempty"`
	Images              Array[string]                        `url:"images,omitempty"`
	MarketingFeatures   Array[ProductMarketingFeatureParams] `url:"marketing_features,omitempty"`
	Metadata            Metadata                             `url:"metadata,omitempty"`
	Name                *string                              `url:"name,omitempty"`
	PackageDimensions   *ProductPackageDimensionsParams      `url:"package_dimensions,omitempty"`
	Shippable           *bool                                `url:"shippable,omitempty"`
	StatementDescriptor *string                              `url:"statement_descriptor,omitempty"`
	TaxCode             *string                              `url:"tax_code,omitempty"`
	UnitLabel           *string                              `url:"unit_label,omitempty"`
	URL                 *string                              `url:"url,omitempty"`
}

// ProductGetParams are the params of Products.Get.
type ProductGetParams struct {
	Params
}

// ProductUpdateParams are the params of Products.Update. Only fields set
// are changed; a pointer to "" clears Description, TaxCode, UnitLabel or URL.
type ProductUpdateParams struct {
	Params
	Active *bool `url:"active,omitempty"`
	// DefaultPrice is the ID of one of the product's prices.
	DefaultPrice        *string                              `url:"default_price,omitempty"`
	Description         *string                              `url:"description,omitempty"`
	Images              Array[string]                        `url:"images,omitempty"`
	MarketingFeatures   Array[ProductMarketingFeatureParams] `url:"marketing_features,omitempty"`
	Metadata            Metadata                             `url:"metadata,omitempty"`
	Name                *string                              `url:"name,omitempty"`
	PackageDimensions   *ProductPackageDimensionsParams      `url:"package_dimensions,omitempty"`
	Shippable           *bool                                `url:"shippable,omitempty"`
	StatementDescriptor *string                              `url:"statement_descriptor,omitempty"`
	TaxCode             *string                              `url:"tax_code,omitempty"`
	UnitLabel           *string                              `url:"unit_label,omitempty"`
	URL                 *string                              `url:"url,omitempty"`
}

// ProductListParams are the params of Products.List and Products.All.
type ProductListParams struct {
	Params
	ListParams
	Active  *bool       `url:"active,omitempty"`
	Created *RangeQuery `url:"created,omitempty"`
	// IDs returns only the products with these IDs.
	IDs       Array[string] `url:"ids,omitempty"`
	Shippable *bool         `url:"shippable,omitempty"`
	URL       *string       `url:"url,omitempty"`
}

// ProductDeleteParams are the params of Products.Delete; they carry only the
// per-request options (StripeAccount for Connect). params may be nil.
type ProductDeleteParams struct {
	RequestOptions
}

// Create creates a product. params must set Name.
//
// Stripe API docs: https://docs.stripe.com/api/products/create
func (s *ProductsService) Create(ctx context.Context, params *ProductCreateParams) (*Product, error) {
	if params == nil || params.Name == nil || *params.Name == "" {
		return nil, errors.New("stripe: Products.Create: Name is required")
	}
	prod := new(Product)
	return orNil(prod, s.c.call(ctx, http.MethodPost, "/v1/products", params, prod))
}

// Get retrieves a product. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/products/retrieve
func (s *ProductsService) Get(ctx context.Context, id string, params *ProductGetParams) (*Product, error) {
	path, err := pathf("/v1/products/%s", id)
	if err != nil {
		return nil, err
	}
	prod := new(Product)
	return orNil(prod, s.c.call(ctx, http.MethodGet, path, params, prod))
}

// Update changes the fields params sets on a product.
//
// Stripe API docs: https://docs.stripe.com/api/products/update
func (s *ProductsService) Update(ctx context.Context, id string, params *ProductUpdateParams) (*Product, error) {
	path, err := pathf("/v1/products/%s", id)
	if err != nil {
		return nil, err
	}
	prod := new(Product)
	return orNil(prod, s.c.call(ctx, http.MethodPost, path, params, prod))
}

// Delete deletes a product. Only a product with no prices can be deleted;
// archive one with prices by updating Active to false. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/products/delete
func (s *ProductsService) Delete(ctx context.Context, id string, params *ProductDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/products/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of products, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/products/list
func (s *ProductsService) List(ctx context.Context, params *ProductListParams) (*List[Product], error) {
	page := new(List[Product])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/products", params, page))
}

// All iterates over every product matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/products/list
func (s *ProductsService) All(ctx context.Context, params *ProductListParams) iter.Seq2[*Product, error] {
	return listAll(ctx, params, s.List)
}

// ProductSearchParams are the params of Products.Search and Products.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type ProductSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the products matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/products/search
func (s *ProductsService) Search(ctx context.Context, params *ProductSearchParams) (*SearchResult[Product], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Product])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/products/search", params, page))
}

// SearchAll iterates over every Product matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/products/search
func (s *ProductsService) SearchAll(ctx context.Context, params *ProductSearchParams) iter.Seq2[*Product, error] {
	return searchAll(ctx, params, s.Search)
}
