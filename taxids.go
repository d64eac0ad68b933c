package stripe

import (
	"context"
	"iter"
	"net/http"
)

// TaxIDsService manages a customer's tax IDs:
// https://docs.stripe.com/api/tax_ids
type TaxIDsService struct{ c *Client }

// TaxID is a customer's tax ID (a VAT number, an EIN, ...), shown on
// invoices and used for reverse charge.
type TaxID struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Country is the two-letter country code of the tax ID.
	Country         string               `json:"country"`
	Created         int64                `json:"created"`
	Customer        Expandable[Customer] `json:"customer"`
	CustomerAccount string               `json:"customer_account"`
	Livemode        bool                 `json:"livemode"`
	Owner           *TaxIDOwner          `json:"owner"`
	// Type is the kind of tax ID: "eu_vat", "gb_vat", "us_ein", "au_abn",
	// ... (Stripe lists over a hundred).
	Type         string             `json:"type"`
	Value        string             `json:"value"`
	Verification *TaxIDVerification `json:"verification"`
}

// TaxIDOwner is who a tax ID belongs to. Type is account, application,
// customer or self.
type TaxIDOwner struct {
	Account         Expandable[ObjectRef] `json:"account"`
	Application     Expandable[ObjectRef] `json:"application"`
	Customer        Expandable[Customer]  `json:"customer"`
	CustomerAccount string                `json:"customer_account"`
	Type            string                `json:"type"`
}

// TaxIDVerification is the result of checking a tax ID with its
// government registry. Status is pending, unavailable, unverified or
// verified.
type TaxIDVerification struct {
	Status          string `json:"status"`
	VerifiedAddress string `json:"verified_address"`
	VerifiedName    string `json:"verified_name"`
}

// TaxIDCreateParams are the params of TaxIDs.Create; Type and Value are
// required.
type TaxIDCreateParams struct {
	Params
	// Type is the kind of tax ID, such as "eu_vat".
	Type  *string `url:"type,omitempty"`
	Value *string `url:"value,omitempty"`
}

// TaxIDGetParams are the params of TaxIDs.Get.
type TaxIDGetParams struct {
	Params
}

// TaxIDDeleteParams are the params of TaxIDs.Delete. params may be nil.
type TaxIDDeleteParams struct {
	RequestOptions
}

// TaxIDListParams are the params of TaxIDs.List and TaxIDs.All.
type TaxIDListParams struct {
	Params
	ListParams
}

// Create adds a tax ID to a customer.
//
// Stripe API docs: https://docs.stripe.com/api/tax_ids/customer_create
func (s *TaxIDsService) Create(ctx context.Context, customerID string, params *TaxIDCreateParams) (*TaxID, error) {
	path, err := pathf("/v1/customers/%s/tax_ids", customerID)
	if err != nil {
		return nil, err
	}
	tid := new(TaxID)
	return orNil(tid, s.c.call(ctx, http.MethodPost, path, params, tid))
}

// Get retrieves a customer's tax ID. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/tax_ids/customer_retrieve
func (s *TaxIDsService) Get(ctx context.Context, customerID, id string, params *TaxIDGetParams) (*TaxID, error) {
	path, err := pathf("/v1/customers/%s/tax_ids/%s", customerID, id)
	if err != nil {
		return nil, err
	}
	tid := new(TaxID)
	return orNil(tid, s.c.call(ctx, http.MethodGet, path, params, tid))
}

// Delete removes a tax ID from a customer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/tax_ids/customer_delete
func (s *TaxIDsService) Delete(ctx context.Context, customerID, id string, params *TaxIDDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/customers/%s/tax_ids/%s", customerID, id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of a customer's tax IDs. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/tax_ids/customer_list
func (s *TaxIDsService) List(ctx context.Context, customerID string, params *TaxIDListParams) (*List[TaxID], error) {
	path, err := pathf("/v1/customers/%s/tax_ids", customerID)
	if err != nil {
		return nil, err
	}
	page := new(List[TaxID])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// All iterates over every tax ID of a customer, fetching pages lazily as
// the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/tax_ids/customer_list
func (s *TaxIDsService) All(ctx context.Context, customerID string, params *TaxIDListParams) iter.Seq2[*TaxID, error] {
	return listAll(ctx, params, func(ctx context.Context, p *TaxIDListParams) (*List[TaxID], error) {
		return s.List(ctx, customerID, p)
	})
}
