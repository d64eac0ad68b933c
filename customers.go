package stripe

import (
	"context"
	"iter"
	"net/http"
)

// CustomersService manages customers: https://docs.stripe.com/api/customers
type CustomersService struct{ c *Client }

// CustomerTaxExempt is a customer's tax exemption.
type CustomerTaxExempt string

// Tax exemption values.
const (
	CustomerTaxExemptNone    CustomerTaxExempt = "none"
	CustomerTaxExemptExempt  CustomerTaxExempt = "exempt"
	CustomerTaxExemptReverse CustomerTaxExempt = "reverse"
)

// Customer is a Stripe customer object.
type Customer struct {
	ID            string           `json:"id"`
	Object        string           `json:"object"`
	Address       Address          `json:"address"`
	Balance       int64            `json:"balance"`
	BusinessName  string           `json:"business_name"`
	Created       int64            `json:"created"`
	Currency      string           `json:"currency"`
	DefaultSource Expandable[Card] `json:"default_source"`
	// Deleted is true when Get returns a deleted customer.
	Deleted              bool                    `json:"deleted"`
	Delinquent           bool                    `json:"delinquent"`
	Description          string                  `json:"description"`
	Email                string                  `json:"email"`
	IndividualName       string                  `json:"individual_name"`
	InvoiceCreditBalance map[string]int64        `json:"invoice_credit_balance"`
	InvoicePrefix        string                  `json:"invoice_prefix"`
	InvoiceSettings      CustomerInvoiceSettings `json:"invoice_settings"`
	Livemode             bool                    `json:"livemode"`
	Metadata             map[string]string       `json:"metadata"`
	Name                 string                  `json:"name"`
	NextInvoiceSequence  int64                   `json:"next_invoice_sequence"`
	Phone                string                  `json:"phone"`
	PreferredLocales     []string                `json:"preferred_locales"`
	Shipping             Shipping                `json:"shipping"`
	TaxExempt            CustomerTaxExempt       `json:"tax_exempt"`
	TestClock            Expandable[ObjectRef]   `json:"test_clock"`
}

// CustomerInvoiceSettings are a customer's invoice defaults.
type CustomerInvoiceSettings struct {
	DefaultPaymentMethod Expandable[PaymentMethod] `json:"default_payment_method"`
	Footer               string                    `json:"footer"`
}

// CustomerInvoiceSettingsParams sets a customer's invoice defaults.
type CustomerInvoiceSettingsParams struct {
	DefaultPaymentMethod *string `url:"default_payment_method,omitempty"`
	Footer               *string `url:"footer,omitempty"`
}

// CustomerCreateParams are the params of Customers.Create.
type CustomerCreateParams struct {
	Params
	Address             *AddressParams                 `url:"address,omitempty"`
	Balance             *int64                         `url:"balance,omitempty"`
	Description         *string                        `url:"description,omitempty"`
	Email               *string                        `url:"email,omitempty"`
	InvoicePrefix       *string                        `url:"invoice_prefix,omitempty"`
	InvoiceSettings     *CustomerInvoiceSettingsParams `url:"invoice_settings,omitempty"`
	Metadata            Metadata                       `url:"metadata,omitempty"`
	Name                *string                        `url:"name,omitempty"`
	NextInvoiceSequence *int64                         `url:"next_invoice_sequence,omitempty"`
	PaymentMethod       *string                        `url:"payment_method,omitempty"`
	Phone               *string                        `url:"phone,omitempty"`
	PreferredLocales    Array[string]                  `url:"preferred_locales,omitempty"`
	Shipping            *ShippingParams                `url:"shipping,omitempty"`
	// Source is a token (tok_...) whose card becomes the default source.
	Source    *string            `url:"source,omitempty"`
	TaxExempt *CustomerTaxExempt `url:"tax_exempt,omitempty"`
}

// CustomerGetParams are the params of Customers.Get.
type CustomerGetParams struct {
	Params
}

// CustomerUpdateParams are the params of Customers.Update. Only fields set
// are changed; a pointer to "" clears a field.
type CustomerUpdateParams struct {
	Params
	Address             *AddressParams                 `url:"address,omitempty"`
	Balance             *int64                         `url:"balance,omitempty"`
	DefaultSource       *string                        `url:"default_source,omitempty"`
	Description         *string                        `url:"description,omitempty"`
	Email               *string                        `url:"email,omitempty"`
	InvoicePrefix       *string                        `url:"invoice_prefix,omitempty"`
	InvoiceSettings     *CustomerInvoiceSettingsParams `url:"invoice_settings,omitempty"`
	Metadata            Metadata                       `url:"metadata,omitempty"`
	Name                *string                        `url:"name,omitempty"`
	NextInvoiceSequence *int64                         `url:"next_invoice_sequence,omitempty"`
	Phone               *string                        `url:"phone,omitempty"`
	PreferredLocales    Array[string]                  `url:"preferred_locales,omitempty"`
	Shipping            *ShippingParams                `url:"shipping,omitempty"`
	Source              *string                        `url:"source,omitempty"`
	TaxExempt           *CustomerTaxExempt             `url:"tax_exempt,omitempty"`
}

// CustomerListParams are the params of Customers.List and Customers.All.
type CustomerListParams struct {
	Params
	ListParams
	// Email filters by exact, case-sensitive email.
	Email   *string     `url:"email,omitempty"`
	Created *RangeQuery `url:"created,omitempty"`
}

// CustomerDeleteParams are the params of Customers.Delete; they carry only the
// per-request options (StripeAccount for Connect). params may be nil.
type CustomerDeleteParams struct {
	RequestOptions
}

// Create creates a customer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customers/create
func (s *CustomersService) Create(ctx context.Context, params *CustomerCreateParams) (*Customer, error) {
	cus := new(Customer)
	return cus, s.c.call(ctx, http.MethodPost, "/v1/customers", params, cus)
}

// Get retrieves a customer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customers/retrieve
func (s *CustomersService) Get(ctx context.Context, id string, params *CustomerGetParams) (*Customer, error) {
	path, err := pathf("/v1/customers/%s", id)
	if err != nil {
		return nil, err
	}
	cus := new(Customer)
	return cus, s.c.call(ctx, http.MethodGet, path, params, cus)
}

// Update changes the fields params sets on a customer.
//
// Stripe API docs: https://docs.stripe.com/api/customers/update
func (s *CustomersService) Update(ctx context.Context, id string, params *CustomerUpdateParams) (*Customer, error) {
	path, err := pathf("/v1/customers/%s", id)
	if err != nil {
		return nil, err
	}
	cus := new(Customer)
	return cus, s.c.call(ctx, http.MethodPost, path, params, cus)
}

// Delete permanently deletes a customer and cancels its subscriptions. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customers/delete
func (s *CustomersService) Delete(ctx context.Context, id string, params *CustomerDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/customers/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return d, s.c.call(ctx, http.MethodDelete, path, params, d)
}

// List returns one page of customers, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customers/list
func (s *CustomersService) List(ctx context.Context, params *CustomerListParams) (*List[Customer], error) {
	page := new(List[Customer])
	return page, s.c.call(ctx, http.MethodGet, "/v1/customers", params, page)
}

// All iterates over every customer matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/customers/list
func (s *CustomersService) All(ctx context.Context, params *CustomerListParams) iter.Seq2[*Customer, error] {
	return listAll(ctx, params, s.List)
}

// Poller returns a Poller that delivers new customers matching params (nil
// allowed; leave its list fields and Created unset), oldest first and each
// once, resuming at cursor: PollFromNow(), PollSince(t) or a cursor saved
// from Poller.Cursor. It is a "new customer" trigger for a connector.
//
// Stripe API docs: https://docs.stripe.com/api/customers/list
func (s *CustomersService) Poller(cursor PollCursor, params *CustomerListParams) *Poller[Customer] {
	return newListPoller(cursor, params, s.List)
}

// CustomerSearchParams are the params of Customers.Search and Customers.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type CustomerSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the customers matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/customers/search
func (s *CustomersService) Search(ctx context.Context, params *CustomerSearchParams) (*SearchResult[Customer], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Customer])
	return page, s.c.call(ctx, http.MethodGet, "/v1/customers/search", params, page)
}

// SearchAll iterates over every Customer matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/customers/search
func (s *CustomersService) SearchAll(ctx context.Context, params *CustomerSearchParams) iter.Seq2[*Customer, error] {
	return searchAll(ctx, params, s.Search)
}
