package connector

import (
	"context"
	"iter"

	"github.com/stripelite/stripe"
)

// listConfig is embedded in the config of every list action.
type listConfig struct {
	Limit         *int64  `json:"limit" min:"1" max:"100" desc:"Page size, 1 to 100 (Stripe's default is 10). With returnAll, the size of each page fetched."`
	StartingAfter *string `json:"startingAfter" desc:"Cursor: the ID of the object this page starts after (the last ID of the previous page)."`
	ReturnAll     *bool   `json:"returnAll" desc:"Fetch every page and return all matching objects in one list, instead of one page."`
}

func (l listConfig) params() stripe.ListParams {
	return stripe.ListParams{Limit: l.Limit, StartingAfter: l.StartingAfter}
}

// listOrAll fetches one page with list, or, with returnAll, walks every
// page with all. Run outputs the page as Stripe sent it, or all the pages'
// objects as Stripe sent them in one list object (see allPages).
func listOrAll[T any](l listConfig, list func() (*stripe.List[T], error), all func() iter.Seq2[*T, error]) (any, error) {
	if l.ReturnAll == nil || !*l.ReturnAll {
		return list()
	}
	for _, err := range all() {
		if err != nil {
			return nil, err
		}
	}
	return allPages{}, nil
}

type addressConfig struct {
	Line1      *string `json:"line1" desc:"Street address."`
	Line2      *string `json:"line2" desc:"Apartment, suite or building."`
	City       *string `json:"city" desc:"City or town."`
	State      *string `json:"state" desc:"State, county, province or region."`
	PostalCode *string `json:"postalCode" desc:"ZIP or postal code."`
	Country    *string `json:"country" desc:"Two-letter country code (ISO 3166-1 alpha-2)."`
}

func (a *addressConfig) params() *stripe.AddressParams {
	if a == nil {
		return nil
	}
	return &stripe.AddressParams{Line1: a.Line1, Line2: a.Line2, City: a.City, State: a.State, PostalCode: a.PostalCode, Country: a.Country}
}

type customerIDConfig struct {
	CustomerID string `json:"customerId" required:"true" desc:"The customer's ID (cus_...)."`
}

type customerFields struct {
	Email       *string                   `json:"email" desc:"The customer's email address."`
	Name        *string                   `json:"name" desc:"The customer's full name or business name."`
	Description *string                   `json:"description" desc:"An internal note about the customer."`
	Phone       *string                   `json:"phone" desc:"The customer's phone number."`
	Address     *addressConfig            `json:"address" desc:"The customer's billing address."`
	Metadata    map[string]string         `json:"metadata" desc:"Key-value pairs (strings) to attach to the object; an empty value unsets a key on update."`
	TaxExempt   *stripe.CustomerTaxExempt `json:"taxExempt" desc:"The customer's tax exemption."`
}

type createCustomerConfig struct {
	customerFields
	PaymentMethodID *string `json:"paymentMethodId" desc:"A payment method (pm_...) to attach to the new customer."`
	Source          *string `json:"source" desc:"A card token (tok_...) to save as the customer's default source."`
}

type updateCustomerConfig struct {
	customerIDConfig
	customerFields
	DefaultSource *string `json:"defaultSource" desc:"The ID of a saved card or source to make the default."`
}

type listCustomersConfig struct {
	Email *string `json:"email" desc:"Only customers with exactly this email (case-sensitive)."`
	listConfig
}

const exampleCustomer = `{"id": "cus_123", "object": "customer", "email": "jenny@example.com", "name": "Jenny Rosen", "created": 1700000000, "metadata": {"order_id": "A-1"}}`

func customerActions() []Action {
	return []Action{
		define("stripe.getCustomer", "Retrieve a customer by ID.", exampleCustomer,
			func(ctx context.Context, c *stripe.Client, cfg *customerIDConfig, base stripe.Params) (any, error) {
				return c.Customers.Get(ctx, cfg.CustomerID, &stripe.CustomerGetParams{Params: base})
			}),
		define("stripe.createCustomer", "Create a customer.", exampleCustomer,
			func(ctx context.Context, c *stripe.Client, cfg *createCustomerConfig, base stripe.Params) (any, error) {
				return c.Customers.Create(ctx, &stripe.CustomerCreateParams{Params: base, Email: cfg.Email, Name: cfg.Name, Description: cfg.Description, Phone: cfg.Phone,
					Address: cfg.Address.params(), Metadata: cfg.Metadata, TaxExempt: cfg.TaxExempt,
					PaymentMethod: cfg.PaymentMethodID, Source: cfg.Source,
				})
			}),
		define("stripe.updateCustomer", "Change the fields given on a customer; others stay as they are.", exampleCustomer,
			func(ctx context.Context, c *stripe.Client, cfg *updateCustomerConfig, base stripe.Params) (any, error) {
				return c.Customers.Update(ctx, cfg.CustomerID, &stripe.CustomerUpdateParams{Params: base, Email: cfg.Email, Name: cfg.Name, Description: cfg.Description, Phone: cfg.Phone,
					Address: cfg.Address.params(), Metadata: cfg.Metadata, TaxExempt: cfg.TaxExempt,
					DefaultSource: cfg.DefaultSource,
				})
			}),
		define("stripe.listCustomers", "List customers, newest first, optionally filtered by email.",
			`{"object": "list", "data": [`+exampleCustomer+`], "has_more": false, "url": "/v1/customers"}`,
			func(ctx context.Context, c *stripe.Client, cfg *listCustomersConfig, base stripe.Params) (any, error) {
				p := &stripe.CustomerListParams{Params: base, ListParams: cfg.params(), Email: cfg.Email}
				return listOrAll(cfg.listConfig,
					func() (*stripe.List[stripe.Customer], error) { return c.Customers.List(ctx, p) },
					func() iter.Seq2[*stripe.Customer, error] { return c.Customers.All(ctx, p) })
			}),
		define("stripe.deleteCustomer", "Delete a customer for good, canceling their subscriptions.",
			`{"id": "cus_123", "object": "customer", "deleted": true}`,
			func(ctx context.Context, c *stripe.Client, cfg *customerIDConfig, base stripe.Params) (any, error) {
				return c.Customers.Delete(ctx, cfg.CustomerID, &stripe.CustomerDeleteParams{RequestOptions: requestOptions(base)})
			}),
	}
}
