package stripe

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
)

// PricesService manages prices: https://docs.stripe.com/api/prices
type PricesService struct{ c *Client }

// PriceType says whether a price is charged once or on a schedule.
type PriceType string

// Price types.
const (
	PriceTypeOneTime   PriceType = "one_time"
	PriceTypeRecurring PriceType = "recurring"
)

// PriceRecurringInterval is the billing period unit of a recurring price.
type PriceRecurringInterval string

// Billing intervals.
const (
	PriceRecurringIntervalDay   PriceRecurringInterval = "day"
	PriceRecurringIntervalWeek  PriceRecurringInterval = "week"
	PriceRecurringIntervalMonth PriceRecurringInterval = "month"
	PriceRecurringIntervalYear  PriceRecurringInterval = "year"
)

// PriceRecurringUsageType says how the quantity of a recurring price is
// determined.
type PriceRecurringUsageType string

// Usage types.
const (
	// PriceRecurringUsageTypeLicensed bills the quantity set on the subscription.
	PriceRecurringUsageTypeLicensed PriceRecurringUsageType = "licensed"
	// PriceRecurringUsageTypeMetered bills the usage reported during the period.
	PriceRecurringUsageTypeMetered PriceRecurringUsageType = "metered"
)

// PriceBillingScheme says how the amount is computed from the quantity.
type PriceBillingScheme string

// Billing schemes.
const (
	PriceBillingSchemePerUnit PriceBillingScheme = "per_unit"
	PriceBillingSchemeTiered  PriceBillingScheme = "tiered"
)

// PriceTaxBehavior says whether the price includes tax.
type PriceTaxBehavior string

// Tax behaviors. Once set to inclusive or exclusive it cannot change.
const (
	PriceTaxBehaviorExclusive   PriceTaxBehavior = "exclusive"
	PriceTaxBehaviorInclusive   PriceTaxBehavior = "inclusive"
	PriceTaxBehaviorUnspecified PriceTaxBehavior = "unspecified"
)

// PriceTiersMode says how tiers apply to a tiered price.
type PriceTiersMode string

// Tiers modes.
const (
	// PriceTiersModeGraduated prices each unit at the tier it falls in.
	PriceTiersModeGraduated PriceTiersMode = "graduated"
	// PriceTiersModeVolume prices every unit at the tier the total reaches.
	PriceTiersModeVolume PriceTiersMode = "volume"
)

// Price is a Stripe price object: how much and how often to charge for a
// product.
type Price struct {
	ID               string                 `json:"id"`
	Object           string                 `json:"object"`
	Active           bool                   `json:"active"`
	BillingScheme    PriceBillingScheme     `json:"billing_scheme"`
	Created          int64                  `json:"created"`
	Currency         string                 `json:"currency"`
	CustomUnitAmount *PriceCustomUnitAmount `json:"custom_unit_amount"`
	Livemode         bool                   `json:"livemode"`
	LookupKey        string                 `json:"lookup_key"`
	Metadata         map[string]string      `json:"metadata"`
	Nickname         string                 `json:"nickname"`
	Product          Expandable[Product]    `json:"product"`
	// Recurring is nil for one-time prices.
	Recurring   *PriceRecurring  `json:"recurring"`
	TaxBehavior PriceTaxBehavior `json:"tax_behavior"`
	// Tiers is only sent when the request expands "tiers".
	Tiers             []PriceTier             `json:"tiers"`
	TiersMode         PriceTiersMode          `json:"tiers_mode"`
	TransformQuantity *PriceTransformQuantity `json:"transform_quantity"`
	Type              PriceType               `json:"type"`
	// UnitAmount is in minor units; zero for tiered and custom-amount prices.
	UnitAmount int64 `json:"unit_amount"`
	// UnitAmountDecimal is the unit amount as a decimal string with up to 12
	// decimal places, in minor units.
	UnitAmountDecimal string `json:"unit_amount_decimal"`
	// CurrencyOptions are the price's amounts in other currencies, by
	// currency code; only when expanded (expand[]=currency_options).
	CurrencyOptions map[string]PriceCurrencyOption `json:"currency_options"`
}

// PriceRecurring is the billing schedule of a recurring price.
type PriceRecurring struct {
	Interval      PriceRecurringInterval  `json:"interval"`
	IntervalCount int64                   `json:"interval_count"`
	Meter         string                  `json:"meter"`
	UsageType     PriceRecurringUsageType `json:"usage_type"`
}

// PriceCustomUnitAmount bounds a price whose amount the customer chooses.
type PriceCustomUnitAmount struct {
	Maximum int64 `json:"maximum"`
	Minimum int64 `json:"minimum"`
	Preset  int64 `json:"preset"`
}

// PriceTier is one tier of a tiered price. UpTo is zero for the last,
// unbounded tier.
type PriceTier struct {
	FlatAmount        int64  `json:"flat_amount"`
	FlatAmountDecimal string `json:"flat_amount_decimal"`
	UnitAmount        int64  `json:"unit_amount"`
	UnitAmountDecimal string `json:"unit_amount_decimal"`
	UpTo              int64  `json:"up_to"`
}

// PriceTransformQuantity divides the quantity before it is billed.
type PriceTransformQuantity struct {
	DivideBy int64 `json:"divide_by"`
	// Round is up or down.
	Round string `json:"round"`
}

// PriceRecurringParams sets the billing schedule of a recurring price.
type PriceRecurringParams struct {
	Interval *PriceRecurringInterval `url:"interval,omitempty"`
	// IntervalCount is the number of intervals between bills (at most
	// one year in total).
	IntervalCount *int64                   `url:"interval_count,omitempty"`
	Meter         *string                  `url:"meter,omitempty"`
	UsageType     *PriceRecurringUsageType `url:"usage_type,omitempty"`
}

// PriceDataRecurringParams sets the billing schedule of an inline price
// (a subscription item's or a product's default price_data).
type PriceDataRecurringParams struct {
	Interval      *PriceRecurringInterval `url:"interval,omitempty"`
	IntervalCount *int64                  `url:"interval_count,omitempty"`
}

// PriceProductDataParams creates the price's product inline.
type PriceProductDataParams struct {
	Active              *bool    `url:"active,omitempty"`
	ID                  *string  `url:"id,omitempty"`
	Metadata            Metadata `url:"metadata,omitempty"`
	Name                *string  `url:"name,omitempty"`
	StatementDescriptor *string  `url:"statement_descriptor,omitempty"`
	TaxCode             *string  `url:"tax_code,omitempty"`
	UnitLabel           *string  `url:"unit_label,omitempty"`
}

// PriceCustomUnitAmountParams lets the customer choose the amount.
type PriceCustomUnitAmountParams struct {
	Enabled *bool  `url:"enabled,omitempty"`
	Maximum *int64 `url:"maximum,omitempty"`
	Minimum *int64 `url:"minimum,omitempty"`
	Preset  *int64 `url:"preset,omitempty"`
}

// PriceCurrencyOption is a price's amount in one more currency.
type PriceCurrencyOption struct {
	CustomUnitAmount  *PriceCustomUnitAmount `json:"custom_unit_amount"`
	TaxBehavior       PriceTaxBehavior       `json:"tax_behavior"`
	Tiers             []PriceTier            `json:"tiers"`
	UnitAmount        int64                  `json:"unit_amount"`
	UnitAmountDecimal string                 `json:"unit_amount_decimal"`
}

// PriceCurrencyOptionsParams set a price's amounts in more currencies, by
// lower-case currency code: currency_options[eur][unit_amount]=900.
type PriceCurrencyOptionsParams map[string]PriceCurrencyOptionParams

// EncodeValues implements query.Encoder, in sorted currency order.
func (m PriceCurrencyOptionsParams) EncodeValues(key string, v *url.Values) error {
	currencies := make([]string, 0, len(m))
	for c := range m {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	for _, c := range currencies {
		if c == "" || strings.ContainsAny(c, "[]") {
			return fmt.Errorf("stripe: invalid currency_options key %q", redact(c))
		}
		opt := m[c]
		if err := encodeStruct(v, reflect.ValueOf(&opt).Elem(), key+"["+c+"]"); err != nil {
			return err
		}
	}
	return nil
}

// PriceCurrencyOptionParams are a price's amount in one more currency.
type PriceCurrencyOptionParams struct {
	CustomUnitAmount  *PriceCustomUnitAmountParams `url:"custom_unit_amount,omitempty"`
	TaxBehavior       *PriceTaxBehavior            `url:"tax_behavior,omitempty"`
	Tiers             Array[PriceTierParams]       `url:"tiers,omitempty"`
	UnitAmount        *int64                       `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                      `url:"unit_amount_decimal,omitempty"`
}

// PriceTierParams is one tier of a tiered price.
type PriceTierParams struct {
	FlatAmount        *int64  `url:"flat_amount,omitempty"`
	FlatAmountDecimal *string `url:"flat_amount_decimal,omitempty"`
	UnitAmount        *int64  `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string `url:"unit_amount_decimal,omitempty"`
	// UpTo is the tier's upper bound, Int(1000), or Keyword("inf") for
	// the last tier.
	UpTo Union `url:"up_to,omitempty"`
}

// PriceTransformQuantityParams divides the quantity before it is billed.
type PriceTransformQuantityParams struct {
	DivideBy *int64 `url:"divide_by,omitempty"`
	// Round is "up" or "down".
	Round *string `url:"round,omitempty"`
}

// PriceCreateParams are the params of Prices.Create. Stripe requires
// Currency, one of Product and ProductData, and one of UnitAmount,
// UnitAmountDecimal, CustomUnitAmount and (with BillingScheme tiered) Tiers.
type PriceCreateParams struct {
	Params
	Active           *bool                        `url:"active,omitempty"`
	BillingScheme    *PriceBillingScheme          `url:"billing_scheme,omitempty"`
	Currency         *string                      `url:"currency,omitempty"`
	CustomUnitAmount *PriceCustomUnitAmountParams `url:"custom_unit_amount,omitempty"`
	LookupKey        *string                      `url:"lookup_key,omitempty"`
	Metadata         Metadata                     `url:"metadata,omitempty"`
	Nickname         *string                      `url:"nickname,omitempty"`
	// Product is the ID of an existing product.
	Product *string `url:"product,omitempty"`
	// ProductData creates a new product for the price instead.
	ProductData       *PriceProductDataParams       `url:"product_data,omitempty"`
	Recurring         *PriceRecurringParams         `url:"recurring,omitempty"`
	TaxBehavior       *PriceTaxBehavior             `url:"tax_behavior,omitempty"`
	Tiers             Array[PriceTierParams]        `url:"tiers,omitempty"`
	TiersMode         *PriceTiersMode               `url:"tiers_mode,omitempty"`
	TransferLookupKey *bool                         `url:"transfer_lookup_key,omitempty"`
	TransformQuantity *PriceTransformQuantityParams `url:"transform_quantity,omitempty"`
	// UnitAmount is in minor units (cents for usd).
	UnitAmount *int64 `url:"unit_amount,omitempty"`
	// UnitAmountDecimal is a decimal string in minor units, e.g. "0.5".
	UnitAmountDecimal *string `url:"unit_amount_decimal,omitempty"`
	// CurrencyOptions set the price's amounts in other currencies, by
	// currency code.
	CurrencyOptions PriceCurrencyOptionsParams `url:"currency_options,omitempty"`
}

// PriceGetParams are the params of Prices.Get.
type PriceGetParams struct {
	Params
}

// PriceUpdateParams are the params of Prices.Update. A price's amount and
// schedule cannot change; create a new price instead.
type PriceUpdateParams struct {
	Params
	Active    *bool    `url:"active,omitempty"`
	LookupKey *string  `url:"lookup_key,omitempty"`
	Metadata  Metadata `url:"metadata,omitempty"`
	Nickname  *string  `url:"nickname,omitempty"`
	// TaxBehavior can only be set while it is unspecified.
	TaxBehavior *PriceTaxBehavior `url:"tax_behavior,omitempty"`
	// TransferLookupKey moves LookupKey from the price that holds it.
	TransferLookupKey *bool `url:"transfer_lookup_key,omitempty"`
	// CurrencyOptions set the price's amounts in other currencies, by
	// currency code.
	CurrencyOptions PriceCurrencyOptionsParams `url:"currency_options,omitempty"`
}

// PriceListRecurringParams filters prices by billing schedule.
type PriceListRecurringParams struct {
	Interval  *PriceRecurringInterval  `url:"interval,omitempty"`
	Meter     *string                  `url:"meter,omitempty"`
	UsageType *PriceRecurringUsageType `url:"usage_type,omitempty"`
}

// PriceListParams are the params of Prices.List and Prices.All.
type PriceListParams struct {
	Params
	ListParams
	Active   *bool       `url:"active,omitempty"`
	Created  *RangeQuery `url:"created,omitempty"`
	Currency *string     `url:"currency,omitempty"`
	// LookupKeys returns only the prices with these lookup keys (up to 10).
	LookupKeys Array[string]             `url:"lookup_keys,omitempty"`
	Product    *string                   `url:"product,omitempty"`
	Recurring  *PriceListRecurringParams `url:"recurring,omitempty"`
	Type       *PriceType                `url:"type,omitempty"`
}

// Create creates a price for a product.
//
// Stripe API docs: https://docs.stripe.com/api/prices/create
func (s *PricesService) Create(ctx context.Context, params *PriceCreateParams) (*Price, error) {
	pr := new(Price)
	return orNil(pr, s.c.call(ctx, http.MethodPost, "/v1/prices", params, pr))
}

// Get retrieves a price. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/prices/retrieve
func (s *PricesService) Get(ctx context.Context, id string, params *PriceGetParams) (*Price, error) {
	path, err := pathf("/v1/prices/%s", id)
	if err != nil {
		return nil, err
	}
	pr := new(Price)
	return orNil(pr, s.c.call(ctx, http.MethodGet, path, params, pr))
}

// Update changes the fields params sets on a price.
//
// Stripe API docs: https://docs.stripe.com/api/prices/update
func (s *PricesService) Update(ctx context.Context, id string, params *PriceUpdateParams) (*Price, error) {
	path, err := pathf("/v1/prices/%s", id)
	if err != nil {
		return nil, err
	}
	pr := new(Price)
	return orNil(pr, s.c.call(ctx, http.MethodPost, path, params, pr))
}

// List returns one page of prices, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/prices/list
func (s *PricesService) List(ctx context.Context, params *PriceListParams) (*List[Price], error) {
	page := new(List[Price])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/prices", params, page))
}

// All iterates over every price matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/prices/list
func (s *PricesService) All(ctx context.Context, params *PriceListParams) iter.Seq2[*Price, error] {
	return listAll(ctx, params, s.List)
}

// PriceSearchParams are the params of Prices.Search and Prices.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type PriceSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the prices matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/prices/search
func (s *PricesService) Search(ctx context.Context, params *PriceSearchParams) (*SearchResult[Price], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Price])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/prices/search", params, page))
}

// SearchAll iterates over every Price matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/prices/search
func (s *PricesService) SearchAll(ctx context.Context, params *PriceSearchParams) iter.Seq2[*Price, error] {
	return searchAll(ctx, params, s.Search)
}
