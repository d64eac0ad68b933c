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
	Address       *Address         `json:"address"`
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
	Shipping             *Shipping               `json:"shipping"`
	TaxExempt            CustomerTaxExempt       `json:"tax_exempt"`
	TestClock            Expandable[ObjectRef]   `json:"test_clock"`
	// CashBalance is the customer's cash balance; only when expanded
	// (expand[]=cash_balance).
	CashBalance     *CashBalance `json:"cash_balance"`
	CustomerAccount string       `json:"customer_account"`
	// Discount is the customer's active discount, if any.
	Discount *Discount `json:"discount"`
	// Sources are the customer's payment sources; only when expanded
	// (expand[]=sources). Bank accounts and other sources decode with the
	// fields they share with a card; Object says which they are.
	Sources *List[Card] `json:"sources"`
	// Subscriptions are the customer's subscriptions; only when expanded
	// (expand[]=subscriptions).
	Subscriptions *List[Subscription] `json:"subscriptions"`
	// Tax is the customer's tax location and status; only when expanded
	// (expand[]=tax).
	Tax *CustomerTax `json:"tax"`
	// TaxIDs are the customer's tax IDs; only when expanded
	// (expand[]=tax_ids).
	TaxIDs *List[TaxID] `json:"tax_ids"`
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

// CashBalance is the funds Stripe holds for a customer, by currency
// (amounts in minor units).
type CashBalance struct {
	Object          string              `json:"object"`
	Available       map[string]int64    `json:"available"`
	Customer        string              `json:"customer"`
	CustomerAccount string              `json:"customer_account"`
	Livemode        bool                `json:"livemode"`
	Settings        CashBalanceSettings `json:"settings"`
}

// CashBalanceSettings say how a cash balance is applied to payments:
// ReconciliationMode is "automatic" or "manual".
type CashBalanceSettings struct {
	ReconciliationMode   string `json:"reconciliation_mode"`
	UsingMerchantDefault bool   `json:"using_merchant_default"`
}

// CustomerTax is a customer's tax status: AutomaticTax is "supported",
// "not_collecting", "failed" or "unrecognized_location".
type CustomerTax struct {
	AutomaticTax string               `json:"automatic_tax"`
	IPAddress    string               `json:"ip_address"`
	Location     *CustomerTaxLocation `json:"location"`
	Provider     string               `json:"provider"`
}

// CustomerTaxLocation is where a customer is taxed, and what told Stripe.
type CustomerTaxLocation struct {
	Country string `json:"country"`
	Source  string `json:"source"`
	State   string `json:"state"`
}

// CustomerCashBalanceParams set how a customer's cash balance is applied.
type CustomerCashBalanceParams struct {
	Settings *CustomerCashBalanceSettingsParams `url:"settings,omitempty"`
}

// CustomerCashBalanceSettingsParams: ReconciliationMode is "automatic",
// "manual" or "merchant_default".
type CustomerCashBalanceSettingsParams struct {
	ReconciliationMode *string `url:"reconciliation_mode,omitempty"`
}

// CustomerTaxParams help Stripe Tax locate the customer: ValidateLocation
// is "deferred" or "immediately" ("auto" too on update); IPAddress ""
// clears it.
type CustomerTaxParams struct {
	IPAddress        *string `url:"ip_address,omitempty"`
	ValidateLocation *string `url:"validate_location,omitempty"`
}

// CustomerTaxIDDataParams is one tax ID to add: Type such as "eu_vat",
// Value the number.
type CustomerTaxIDDataParams struct {
	Type  *string `url:"type,omitempty"`
	Value *string `url:"value,omitempty"`
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
	Source         *string                    `url:"source,omitempty"`
	TaxExempt      *CustomerTaxExempt         `url:"tax_exempt,omitempty"`
	BusinessName   *string                    `url:"business_name,omitempty"`
	CashBalance    *CustomerCashBalanceParams `url:"cash_balance,omitempty"`
	IndividualName *string                    `url:"individual_name,omitempty"`
	Tax            *CustomerTaxParams         `url:"tax,omitempty"`
	// TaxIDData adds tax IDs to the new customer.
	TaxIDData Array[CustomerTaxIDDataParams] `url:"tax_id_data,omitempty"`
	// TestClock attaches the customer to a test clock (test mode only).
	TestClock *string `url:"test_clock,omitempty"`
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
	BusinessName        *string                        `url:"business_name,omitempty"`
	CashBalance         *CustomerCashBalanceParams     `url:"cash_balance,omitempty"`
	IndividualName      *string                        `url:"individual_name,omitempty"`
	Tax                 *CustomerTaxParams             `url:"tax,omitempty"`
	// BankAccount and Card add a payment source from a token (btok_...,
	// tok_...) and make it the default, as Source does.
	BankAccount *string `url:"bank_account,omitempty"`
	Card        *string `url:"card,omitempty"`
	// DefaultBankAccount and DefaultCard make an existing source the
	// default, as DefaultSource does.
	DefaultBankAccount *string `url:"default_bank_account,omitempty"`
	DefaultCard        *string `url:"default_card,omitempty"`
}

// CustomerListParams are the params of Customers.List and Customers.All.
type CustomerListParams struct {
	Params
	ListParams
	// Email filters by exact, case-sensitive email.
	Email   *string     `url:"email,omitempty"`
	Created *RangeQuery `url:"created,omitempty"`
	// TestClock filters to the customers of a test clock.
	TestClock *string `url:"test_clock,omitempty"`
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
	return orNil(cus, s.c.call(ctx, http.MethodPost, "/v1/customers", params, cus))
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
	return orNil(cus, s.c.call(ctx, http.MethodGet, path, params, cus))
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
	return orNil(cus, s.c.call(ctx, http.MethodPost, path, params, cus))
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
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of customers, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/customers/list
func (s *CustomersService) List(ctx context.Context, params *CustomerListParams) (*List[Customer], error) {
	page := new(List[Customer])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/customers", params, page))
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
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/customers/search", params, page))
}

// SearchAll iterates over every Customer matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/customers/search
func (s *CustomersService) SearchAll(ctx context.Context, params *CustomerSearchParams) iter.Seq2[*Customer, error] {
	return searchAll(ctx, params, s.Search)
}
