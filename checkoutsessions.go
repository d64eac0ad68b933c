package stripe

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// CheckoutSessionsService manages Checkout Sessions, Stripe's hosted
// payment pages: https://docs.stripe.com/api/checkout/sessions
type CheckoutSessionsService struct{ c *Client }

// CheckoutSessionMode is what a Checkout Session does.
type CheckoutSessionMode string

// Checkout Session modes.
const (
	CheckoutSessionModePayment      CheckoutSessionMode = "payment"
	CheckoutSessionModeSetup        CheckoutSessionMode = "setup"
	CheckoutSessionModeSubscription CheckoutSessionMode = "subscription"
)

// CheckoutSessionStatus is whether a Checkout Session is open, complete or
// expired.
type CheckoutSessionStatus string

// Checkout Session statuses.
const (
	CheckoutSessionStatusOpen     CheckoutSessionStatus = "open"
	CheckoutSessionStatusComplete CheckoutSessionStatus = "complete"
	CheckoutSessionStatusExpired  CheckoutSessionStatus = "expired"
)

// CheckoutSessionPaymentStatus says whether a Checkout Session's payment
// went through.
type CheckoutSessionPaymentStatus string

// Checkout Session payment statuses.
const (
	CheckoutSessionPaymentStatusPaid              CheckoutSessionPaymentStatus = "paid"
	CheckoutSessionPaymentStatusUnpaid            CheckoutSessionPaymentStatus = "unpaid"
	CheckoutSessionPaymentStatusNoPaymentRequired CheckoutSessionPaymentStatus = "no_payment_required"
)

// CheckoutSession is a customer's session on a hosted (or embedded)
// payment page: https://docs.stripe.com/api/checkout/sessions/object
// Nested settings this package does not model are kept as raw JSON.
type CheckoutSession struct {
	ID                       string                      `json:"id"`
	Object                   string                      `json:"object"`
	AdaptivePricing          *CheckoutSessionEnabled     `json:"adaptive_pricing"`
	AfterExpiration          json.RawMessage             `json:"after_expiration"`
	AllowPromotionCodes      bool                        `json:"allow_promotion_codes"`
	AmountSubtotal           int64                       `json:"amount_subtotal"`
	AmountTotal              int64                       `json:"amount_total"`
	AutomaticTax             CheckoutSessionAutomaticTax `json:"automatic_tax"`
	BillingAddressCollection string                      `json:"billing_address_collection"`
	BrandingSettings         json.RawMessage             `json:"branding_settings"`
	CancelURL                string                      `json:"cancel_url"`
	ClientReferenceID        string                      `json:"client_reference_id"`
	// ClientSecret is for embedded sessions; it prints and encodes as
	// "[REDACTED]". Use ClientSecret.Reveal.
	ClientSecret         ClientSecret                         `json:"client_secret"`
	CollectedInformation *CheckoutSessionCollectedInformation `json:"collected_information"`
	Consent              *CheckoutSessionConsent              `json:"consent"`
	ConsentCollection    json.RawMessage                      `json:"consent_collection"`
	Created              int64                                `json:"created"`
	Currency             string                               `json:"currency"`
	CurrencyConversion   json.RawMessage                      `json:"currency_conversion"`
	CustomFields         json.RawMessage                      `json:"custom_fields"`
	CustomText           json.RawMessage                      `json:"custom_text"`
	// Customer is the customer, once known; expandable.
	Customer         Expandable[Customer] `json:"customer"`
	CustomerAccount  string               `json:"customer_account"`
	CustomerCreation string               `json:"customer_creation"`
	// CustomerDetails are what the customer entered, once complete.
	CustomerDetails            *CheckoutSessionCustomerDetails `json:"customer_details"`
	CustomerEmail              string                          `json:"customer_email"`
	Discounts                  json.RawMessage                 `json:"discounts"`
	ExcludedPaymentMethodTypes []string                        `json:"excluded_payment_method_types"`
	ExpiresAt                  int64                           `json:"expires_at"`
	IntegrationIdentifier      string                          `json:"integration_identifier"`
	Invoice                    Expandable[Invoice]             `json:"invoice"`
	InvoiceCreation            json.RawMessage                 `json:"invoice_creation"`
	// LineItems is set only when the request expands "line_items"; use
	// CheckoutSessions.ListLineItems otherwise.
	LineItems                         *List[LineItem]                    `json:"line_items"`
	Livemode                          bool                               `json:"livemode"`
	Locale                            string                             `json:"locale"`
	ManagedPayments                   *ManagedPayments                   `json:"managed_payments"`
	Metadata                          map[string]string                  `json:"metadata"`
	Mode                              CheckoutSessionMode                `json:"mode"`
	NameCollection                    json.RawMessage                    `json:"name_collection"`
	OptionalItems                     json.RawMessage                    `json:"optional_items"`
	OriginContext                     string                             `json:"origin_context"`
	PaymentIntent                     Expandable[PaymentIntent]          `json:"payment_intent"`
	PaymentLink                       Expandable[PaymentLink]            `json:"payment_link"`
	PaymentMethodCollection           string                             `json:"payment_method_collection"`
	PaymentMethodConfigurationDetails *PaymentMethodConfigurationDetails `json:"payment_method_configuration_details"`
	PaymentMethodOptions              json.RawMessage                    `json:"payment_method_options"`
	PaymentMethodTypes                []string                           `json:"payment_method_types"`
	PaymentStatus                     CheckoutSessionPaymentStatus       `json:"payment_status"`
	Permissions                       json.RawMessage                    `json:"permissions"`
	PhoneNumberCollection             CheckoutSessionEnabled             `json:"phone_number_collection"`
	PresentmentDetails                json.RawMessage                    `json:"presentment_details"`
	RecoveredFrom                     string                             `json:"recovered_from"`
	RedirectOnCompletion              string                             `json:"redirect_on_completion"`
	ReturnURL                         string                             `json:"return_url"`
	SavedPaymentMethodOptions         json.RawMessage                    `json:"saved_payment_method_options"`
	SetupIntent                       Expandable[SetupIntent]            `json:"setup_intent"`
	ShippingAddressCollection         *ShippingAddressCollection         `json:"shipping_address_collection"`
	ShippingCost                      json.RawMessage                    `json:"shipping_cost"`
	ShippingOptions                   json.RawMessage                    `json:"shipping_options"`
	Status                            CheckoutSessionStatus              `json:"status"`
	SubmitType                        string                             `json:"submit_type"`
	Subscription                      Expandable[Subscription]           `json:"subscription"`
	SuccessURL                        string                             `json:"success_url"`
	TaxIDCollection                   json.RawMessage                    `json:"tax_id_collection"`
	TotalDetails                      *CheckoutSessionTotalDetails       `json:"total_details"`
	UIMode                            string                             `json:"ui_mode"`
	// URL is where to send the customer (hosted sessions, while open).
	URL           string          `json:"url"`
	WalletOptions json.RawMessage `json:"wallet_options"`
}

// CheckoutSessionEnabled is a feature switch of a Checkout Session.
type CheckoutSessionEnabled struct {
	Enabled bool `json:"enabled"`
}

// CheckoutSessionAutomaticTax is a session's automatic tax setting.
type CheckoutSessionAutomaticTax struct {
	Enabled   bool            `json:"enabled"`
	Liability json.RawMessage `json:"liability"`
	Provider  string          `json:"provider"`
	Status    string          `json:"status"`
}

// CheckoutSessionCollectedInformation is what the session collected.
type CheckoutSessionCollectedInformation struct {
	BusinessName    string          `json:"business_name"`
	IndividualName  string          `json:"individual_name"`
	ShippingDetails json.RawMessage `json:"shipping_details"`
}

// CheckoutSessionConsent is the consent the customer gave.
type CheckoutSessionConsent struct {
	Promotions     string `json:"promotions"`
	TermsOfService string `json:"terms_of_service"`
}

// CheckoutSessionCustomerDetails are the details the customer entered.
type CheckoutSessionCustomerDetails struct {
	Address        *Address          `json:"address"`
	BusinessName   string            `json:"business_name"`
	Email          string            `json:"email"`
	IndividualName string            `json:"individual_name"`
	Name           string            `json:"name"`
	Phone          string            `json:"phone"`
	TaxExempt      CustomerTaxExempt `json:"tax_exempt"`
	TaxIDs         json.RawMessage   `json:"tax_ids"`
}

// ShippingAddressCollection lists the countries a shipping address may be in.
type ShippingAddressCollection struct {
	AllowedCountries []string `json:"allowed_countries"`
}

// CheckoutSessionTotalDetails are a session's discount, shipping and tax totals.
type CheckoutSessionTotalDetails struct {
	AmountDiscount int64           `json:"amount_discount"`
	AmountShipping int64           `json:"amount_shipping"`
	AmountTax      int64           `json:"amount_tax"`
	Breakdown      json.RawMessage `json:"breakdown"`
}

// CheckoutSessionCreateParams are the params of CheckoutSessions.Create.
// Mode is required, and LineItems for modes payment and subscription;
// SuccessURL (hosted pages) or ReturnURL (embedded) says where the
// customer goes next. Branding settings and custom fields are not
// modelled.
type CheckoutSessionCreateParams struct {
	Params
	Mode       *CheckoutSessionMode                 `url:"mode,omitempty"`
	LineItems  Array[CheckoutSessionLineItemParams] `url:"line_items,omitempty"`
	SuccessURL *string                              `url:"success_url,omitempty"`
	CancelURL  *string                              `url:"cancel_url,omitempty"`
	ReturnURL  *string                              `url:"return_url,omitempty"`
	// Customer reuses an existing customer; CustomerEmail prefills the
	// email of a new one.
	Customer                   *string                                         `url:"customer,omitempty"`
	CustomerAccount            *string                                         `url:"customer_account,omitempty"`
	CustomerCreation           *string                                         `url:"customer_creation,omitempty"`
	CustomerEmail              *string                                         `url:"customer_email,omitempty"`
	CustomerUpdate             *CheckoutSessionCustomerUpdateParams            `url:"customer_update,omitempty"`
	ClientReferenceID          *string                                         `url:"client_reference_id,omitempty"`
	Metadata                   Metadata                                        `url:"metadata,omitempty"`
	AdaptivePricing            *EnabledParams                                  `url:"adaptive_pricing,omitempty"`
	AfterExpiration            *CheckoutSessionAfterExpirationParams           `url:"after_expiration,omitempty"`
	AllowPromotionCodes        *bool                                           `url:"allow_promotion_codes,omitempty"`
	AutomaticTax               *AutomaticTaxParams                             `url:"automatic_tax,omitempty"`
	BillingAddressCollection   *string                                         `url:"billing_address_collection,omitempty"`
	ConsentCollection          *CheckoutSessionConsentCollectionParams         `url:"consent_collection,omitempty"`
	Currency                   *string                                         `url:"currency,omitempty"`
	CustomText                 *CheckoutSessionCustomTextParams                `url:"custom_text,omitempty"`
	Discounts                  Array[SessionDiscountParams]                    `url:"discounts,omitempty"`
	ExcludedPaymentMethodTypes Array[PaymentMethodType]                        `url:"excluded_payment_method_types,omitempty"`
	ExpiresAt                  *int64                                          `url:"expires_at,omitempty"`
	IntegrationIdentifier      *string                                         `url:"integration_identifier,omitempty"`
	InvoiceCreation            *CheckoutSessionInvoiceCreationParams           `url:"invoice_creation,omitempty"`
	Locale                     *string                                         `url:"locale,omitempty"`
	ManagedPayments            *EnabledParams                                  `url:"managed_payments,omitempty"`
	NameCollection             *CheckoutSessionNameCollectionParams            `url:"name_collection,omitempty"`
	OptionalItems              Array[CheckoutSessionOptionalItemParams]        `url:"optional_items,omitempty"`
	OriginContext              *string                                         `url:"origin_context,omitempty"`
	PaymentIntentData          *CheckoutSessionPaymentIntentDataParams         `url:"payment_intent_data,omitempty"`
	PaymentMethodCollection    *string                                         `url:"payment_method_collection,omitempty"`
	PaymentMethodConfiguration *string                                         `url:"payment_method_configuration,omitempty"`
	PaymentMethodData          *CheckoutSessionPaymentMethodDataParams         `url:"payment_method_data,omitempty"`
	PaymentMethodOptions       *CheckoutSessionPaymentMethodOptionsParams      `url:"payment_method_options,omitempty"`
	PaymentMethodTypes         Array[PaymentMethodType]                        `url:"payment_method_types,omitempty"`
	Permissions                *CheckoutSessionPermissionsParams               `url:"permissions,omitempty"`
	PhoneNumberCollection      *EnabledParams                                  `url:"phone_number_collection,omitempty"`
	RedirectOnCompletion       *string                                         `url:"redirect_on_completion,omitempty"`
	SavedPaymentMethodOptions  *CheckoutSessionSavedPaymentMethodOptionsParams `url:"saved_payment_method_options,omitempty"`
	SetupIntentData            *CheckoutSessionSetupIntentDataParams           `url:"setup_intent_data,omitempty"`
	ShippingAddressCollection  *ShippingAddressCollectionParams                `url:"shipping_address_collection,omitempty"`
	ShippingOptions            Array[CheckoutSessionShippingOptionParams]      `url:"shipping_options,omitempty"`
	SubmitType                 *string                                         `url:"submit_type,omitempty"`
	SubscriptionData           *CheckoutSessionSubscriptionDataParams          `url:"subscription_data,omitempty"`
	TaxIDCollection            *TaxIDCollectionParams                          `url:"tax_id_collection,omitempty"`
	// UIMode is "hosted_page" (default), "embedded_page" or "elements".
	UIMode        *string                             `url:"ui_mode,omitempty"`
	WalletOptions *CheckoutSessionWalletOptionsParams `url:"wallet_options,omitempty"`
}

// CheckoutSessionGetParams are the params of CheckoutSessions.Get.
type CheckoutSessionGetParams struct {
	Params
}

// CheckoutSessionUpdateParams are the params of CheckoutSessions.Update.
type CheckoutSessionUpdateParams struct {
	Params
	CollectedInformation *CheckoutSessionCollectedInformationParams `url:"collected_information,omitempty"`
	LineItems            Array[CheckoutSessionLineItemUpdateParams] `url:"line_items,omitempty"`
	Metadata             Metadata                                   `url:"metadata,omitempty"`
	ShippingOptions      Array[CheckoutSessionShippingOptionParams] `url:"shipping_options,omitempty"`
}

// CheckoutSessionCollectedInformationParams sets the shipping details of
// an embedded or custom session.
type CheckoutSessionCollectedInformationParams struct {
	ShippingDetails *CheckoutSessionShippingDetailsParams `url:"shipping_details,omitempty"`
}

// CheckoutSessionShippingDetailsParams are a name and an address.
type CheckoutSessionShippingDetailsParams struct {
	Address *AddressParams `url:"address,omitempty"`
	Name    *string        `url:"name,omitempty"`
}

// CheckoutSessionExpireParams are the params of CheckoutSessions.Expire.
type CheckoutSessionExpireParams struct {
	Params
}

// CheckoutSessionListParams are the params of CheckoutSessions.List and
// CheckoutSessions.All.
type CheckoutSessionListParams struct {
	Params
	ListParams
	Created         *RangeQuery                         `url:"created,omitempty"`
	Customer        *string                             `url:"customer,omitempty"`
	CustomerAccount *string                             `url:"customer_account,omitempty"`
	CustomerDetails *CheckoutSessionCustomerEmailParams `url:"customer_details,omitempty"`
	PaymentIntent   *string                             `url:"payment_intent,omitempty"`
	PaymentLink     *string                             `url:"payment_link,omitempty"`
	Status          *CheckoutSessionStatus              `url:"status,omitempty"`
	Subscription    *string                             `url:"subscription,omitempty"`
}

// CheckoutSessionCustomerEmailParams filters sessions by customer email.
type CheckoutSessionCustomerEmailParams struct {
	Email *string `url:"email,omitempty"`
}

// Create creates a Checkout Session; send the customer to its URL. params
// may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/create
func (s *CheckoutSessionsService) Create(ctx context.Context, params *CheckoutSessionCreateParams) (*CheckoutSession, error) {
	cs := new(CheckoutSession)
	return orNil(cs, s.c.call(ctx, http.MethodPost, "/v1/checkout/sessions", params, cs))
}

// Get retrieves a Checkout Session. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/retrieve
func (s *CheckoutSessionsService) Get(ctx context.Context, id string, params *CheckoutSessionGetParams) (*CheckoutSession, error) {
	return s.one(ctx, http.MethodGet, "/v1/checkout/sessions/%s", id, params)
}

// Update changes the fields params sets on a Checkout Session.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/update
func (s *CheckoutSessionsService) Update(ctx context.Context, id string, params *CheckoutSessionUpdateParams) (*CheckoutSession, error) {
	return s.one(ctx, http.MethodPost, "/v1/checkout/sessions/%s", id, params)
}

// Expire expires an open Checkout Session; the customer can no longer pay
// with it. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/expire
func (s *CheckoutSessionsService) Expire(ctx context.Context, id string, params *CheckoutSessionExpireParams) (*CheckoutSession, error) {
	return s.one(ctx, http.MethodPost, "/v1/checkout/sessions/%s/expire", id, params)
}

// List returns one page of Checkout Sessions, newest first. params may be
// nil.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/list
func (s *CheckoutSessionsService) List(ctx context.Context, params *CheckoutSessionListParams) (*List[CheckoutSession], error) {
	page := new(List[CheckoutSession])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/checkout/sessions", params, page))
}

// All iterates over every Checkout Session matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/list
func (s *CheckoutSessionsService) All(ctx context.Context, params *CheckoutSessionListParams) iter.Seq2[*CheckoutSession, error] {
	return listAll(ctx, params, s.List)
}

// ListLineItems returns one page of a Checkout Session's line items.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/line_items
func (s *CheckoutSessionsService) ListLineItems(ctx context.Context, id string, params *LineItemListParams) (*List[LineItem], error) {
	path, err := pathf("/v1/checkout/sessions/%s/line_items", id)
	if err != nil {
		return nil, err
	}
	page := new(List[LineItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// AllLineItems iterates over every line item of a Checkout Session,
// fetching pages lazily as the loop advances. params may be nil and is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/checkout/sessions/line_items
func (s *CheckoutSessionsService) AllLineItems(ctx context.Context, id string, params *LineItemListParams) iter.Seq2[*LineItem, error] {
	return listAll(ctx, params, func(ctx context.Context, p *LineItemListParams) (*List[LineItem], error) {
		return s.ListLineItems(ctx, id, p)
	})
}

// one sends a request about the Checkout Session id.
func (s *CheckoutSessionsService) one(ctx context.Context, method, format, id string, params any) (*CheckoutSession, error) {
	path, err := pathf(format, id)
	if err != nil {
		return nil, err
	}
	cs := new(CheckoutSession)
	return orNil(cs, s.c.call(ctx, method, path, params, cs))
}
