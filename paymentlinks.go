package stripe

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// PaymentLinksService manages Payment Links, shareable URLs to a hosted
// payment page: https://docs.stripe.com/api/payment_links
type PaymentLinksService struct{ c *Client }

// PaymentLink is a shareable URL that opens a Checkout page for its line
// items: https://docs.stripe.com/api/payment_links/payment_links/object
// Nested settings this package does not model are kept as raw JSON.
type PaymentLink struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Active says whether customers can still pay with the link.
	Active                   bool                        `json:"active"`
	AfterCompletion          PaymentLinkAfterCompletion  `json:"after_completion"`
	AllowPromotionCodes      bool                        `json:"allow_promotion_codes"`
	Application              Expandable[ObjectRef]       `json:"application"`
	ApplicationFeeAmount     int64                       `json:"application_fee_amount"`
	ApplicationFeePercent    float64                     `json:"application_fee_percent"`
	AutomaticTax             CheckoutSessionAutomaticTax `json:"automatic_tax"`
	BillingAddressCollection string                      `json:"billing_address_collection"`
	ConsentCollection        json.RawMessage             `json:"consent_collection"`
	Currency                 string                      `json:"currency"`
	CustomFields             json.RawMessage             `json:"custom_fields"`
	CustomText               json.RawMessage             `json:"custom_text"`
	CustomerCreation         string                      `json:"customer_creation"`
	InactiveMessage          string                      `json:"inactive_message"`
	InvoiceCreation          json.RawMessage             `json:"invoice_creation"`
	// LineItems is set only when the request expands "line_items"; use
	// PaymentLinks.ListLineItems otherwise.
	LineItems                 *List[LineItem]            `json:"line_items"`
	Livemode                  bool                       `json:"livemode"`
	ManagedPayments           *ManagedPayments           `json:"managed_payments"`
	Metadata                  map[string]string          `json:"metadata"`
	NameCollection            json.RawMessage            `json:"name_collection"`
	OnBehalfOf                Expandable[ObjectRef]      `json:"on_behalf_of"`
	OptionalItems             json.RawMessage            `json:"optional_items"`
	PaymentIntentData         json.RawMessage            `json:"payment_intent_data"`
	PaymentMethodCollection   string                     `json:"payment_method_collection"`
	PaymentMethodOptions      json.RawMessage            `json:"payment_method_options"`
	PaymentMethodTypes        []PaymentMethodType        `json:"payment_method_types"`
	PhoneNumberCollection     CheckoutSessionEnabled     `json:"phone_number_collection"`
	Restrictions              json.RawMessage            `json:"restrictions"`
	ShippingAddressCollection *ShippingAddressCollection `json:"shipping_address_collection"`
	ShippingOptions           json.RawMessage            `json:"shipping_options"`
	SubmitType                string                     `json:"submit_type"`
	SubscriptionData          json.RawMessage            `json:"subscription_data"`
	TaxIDCollection           json.RawMessage            `json:"tax_id_collection"`
	TransferData              *PaymentLinkTransferData   `json:"transfer_data"`
	// URL is the link to share.
	URL string `json:"url"`
}

// PaymentLinkAfterCompletion is what happens after a payment: Type
// "hosted_confirmation" or "redirect" (details as raw JSON).
type PaymentLinkAfterCompletion struct {
	HostedConfirmation json.RawMessage `json:"hosted_confirmation"`
	Redirect           json.RawMessage `json:"redirect"`
	Type               string          `json:"type"`
}

// PaymentLinkTransferData is where (part of) each payment is sent.
type PaymentLinkTransferData struct {
	Amount      int64                 `json:"amount"`
	Destination Expandable[ObjectRef] `json:"destination"`
}

// PaymentLinkLineItemParams is one line of a new Payment Link: Price (or
// PriceData) and Quantity.
type PaymentLinkLineItemParams struct {
	AdjustableQuantity *AdjustableQuantityParams `url:"adjustable_quantity,omitempty"`
	Price              *string                   `url:"price,omitempty"`
	PriceData          *LineItemPriceDataParams  `url:"price_data,omitempty"`
	Quantity           *int64                    `url:"quantity,omitempty"`
}

// PaymentLinkLineItemUpdateParams changes an existing line, selected by ID.
type PaymentLinkLineItemUpdateParams struct {
	ID                 *string                   `url:"id,omitempty"`
	AdjustableQuantity *AdjustableQuantityParams `url:"adjustable_quantity,omitempty"`
	Quantity           *int64                    `url:"quantity,omitempty"`
}

// PaymentLinkAfterCompletionParams: Type "hosted_confirmation" (with
// HostedConfirmation) or "redirect" (with Redirect).
type PaymentLinkAfterCompletionParams struct {
	HostedConfirmation *PaymentLinkHostedConfirmationParams `url:"hosted_confirmation,omitempty"`
	Redirect           *PaymentLinkRedirectParams           `url:"redirect,omitempty"`
	Type               *string                              `url:"type,omitempty"`
}

// PaymentLinkHostedConfirmationParams is the confirmation page's message.
type PaymentLinkHostedConfirmationParams struct {
	CustomMessage *string `url:"custom_message,omitempty"`
}

// PaymentLinkRedirectParams is where to send the customer after paying;
// "{CHECKOUT_SESSION_ID}" in URL is replaced with the session's ID.
type PaymentLinkRedirectParams struct {
	URL *string `url:"url,omitempty"`
}

// PaymentLinkPaymentIntentDataParams are fields of the PaymentIntents the
// link creates.
type PaymentLinkPaymentIntentDataParams struct {
	CaptureMethod             *PaymentIntentCaptureMethod    `url:"capture_method,omitempty"`
	Description               *string                        `url:"description,omitempty"`
	Metadata                  Metadata                       `url:"metadata,omitempty"`
	SetupFutureUsage          *PaymentIntentSetupFutureUsage `url:"setup_future_usage,omitempty"`
	StatementDescriptor       *string                        `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                        `url:"statement_descriptor_suffix,omitempty"`
	TransferGroup             *string                        `url:"transfer_group,omitempty"`
}

// PaymentLinkPaymentIntentDataUpdateParams are the PaymentIntent fields
// Update may change (all but CaptureMethod).
type PaymentLinkPaymentIntentDataUpdateParams struct {
	Description               *string                        `url:"description,omitempty"`
	Metadata                  Metadata                       `url:"metadata,omitempty"`
	SetupFutureUsage          *PaymentIntentSetupFutureUsage `url:"setup_future_usage,omitempty"`
	StatementDescriptor       *string                        `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                        `url:"statement_descriptor_suffix,omitempty"`
	TransferGroup             *string                        `url:"transfer_group,omitempty"`
}

// PaymentLinkSubscriptionDataParams are fields of the subscriptions the
// link creates.
type PaymentLinkSubscriptionDataParams struct {
	Description     *string                               `url:"description,omitempty"`
	InvoiceSettings *CheckoutSessionInvoiceSettingsParams `url:"invoice_settings,omitempty"`
	Metadata        Metadata                              `url:"metadata,omitempty"`
	TrialPeriodDays *int64                                `url:"trial_period_days,omitempty"`
	TrialSettings   *SubscriptionTrialSettingsParams      `url:"trial_settings,omitempty"`
}

// PaymentLinkSubscriptionDataUpdateParams are the subscription fields
// Update may change (all but Description).
type PaymentLinkSubscriptionDataUpdateParams struct {
	InvoiceSettings *CheckoutSessionInvoiceSettingsParams `url:"invoice_settings,omitempty"`
	Metadata        Metadata                              `url:"metadata,omitempty"`
	TrialPeriodDays *int64                                `url:"trial_period_days,omitempty"`
	TrialSettings   *SubscriptionTrialSettingsParams      `url:"trial_settings,omitempty"`
}

// PaymentLinkShippingOptionParams offers an existing shipping rate.
type PaymentLinkShippingOptionParams struct {
	ShippingRate *string `url:"shipping_rate,omitempty"`
}

// PaymentLinkPaymentMethodOptionsParams: only card brand restrictions.
type PaymentLinkPaymentMethodOptionsParams struct {
	Card *PaymentLinkCardOptionsParams `url:"card,omitempty"`
}

// PaymentLinkCardOptionsParams restricts the card brands accepted.
type PaymentLinkCardOptionsParams struct {
	Restrictions *PaymentLinkCardRestrictionsParams `url:"restrictions,omitempty"`
}

// PaymentLinkCardRestrictionsParams lists blocked brands:
// "american_express", "discover_global_network", "mastercard", "visa".
type PaymentLinkCardRestrictionsParams struct {
	BrandsBlocked Array[string] `url:"brands_blocked,omitempty"`
}

// PaymentLinkRestrictionsParams deactivates the link after Limit
// completed sessions.
type PaymentLinkRestrictionsParams struct {
	CompletedSessions *PaymentLinkCompletedSessionsParams `url:"completed_sessions,omitempty"`
}

// PaymentLinkCompletedSessionsParams is the completed-sessions limit.
type PaymentLinkCompletedSessionsParams struct {
	Limit *int64 `url:"limit,omitempty"`
}

// PaymentLinkCreateParams are the params of PaymentLinks.Create.
// LineItems is required.
type PaymentLinkCreateParams struct {
	Params
	LineItems       Array[PaymentLinkLineItemParams] `url:"line_items,omitempty"`
	Currency        *string                          `url:"currency,omitempty"`
	ManagedPayments *EnabledParams                   `url:"managed_payments,omitempty"`

	AfterCompletion           *PaymentLinkAfterCompletionParams        `url:"after_completion,omitempty"`
	AllowPromotionCodes       *bool                                    `url:"allow_promotion_codes,omitempty"`
	ApplicationFeeAmount      *int64                                   `url:"application_fee_amount,omitempty"`
	ApplicationFeePercent     *float64                                 `url:"application_fee_percent,omitempty"`
	AutomaticTax              *AutomaticTaxParams                      `url:"automatic_tax,omitempty"`
	BillingAddressCollection  *string                                  `url:"billing_address_collection,omitempty"`
	ConsentCollection         *CheckoutSessionConsentCollectionParams  `url:"consent_collection,omitempty"`
	CustomText                *CheckoutSessionCustomTextParams         `url:"custom_text,omitempty"`
	CustomerCreation          *string                                  `url:"customer_creation,omitempty"`
	InactiveMessage           *string                                  `url:"inactive_message,omitempty"`
	InvoiceCreation           *CheckoutSessionInvoiceCreationParams    `url:"invoice_creation,omitempty"`
	Metadata                  Metadata                                 `url:"metadata,omitempty"`
	NameCollection            *CheckoutSessionNameCollectionParams     `url:"name_collection,omitempty"`
	OnBehalfOf                *string                                  `url:"on_behalf_of,omitempty"`
	OptionalItems             Array[CheckoutSessionOptionalItemParams] `url:"optional_items,omitempty"`
	PaymentIntentData         *PaymentLinkPaymentIntentDataParams      `url:"payment_intent_data,omitempty"`
	PaymentMethodCollection   *string                                  `url:"payment_method_collection,omitempty"`
	PaymentMethodOptions      *PaymentLinkPaymentMethodOptionsParams   `url:"payment_method_options,omitempty"`
	PaymentMethodTypes        Array[PaymentMethodType]                 `url:"payment_method_types,omitempty"`
	PhoneNumberCollection     *EnabledParams                           `url:"phone_number_collection,omitempty"`
	Restrictions              *PaymentLinkRestrictionsParams           `url:"restrictions,omitempty"`
	ShippingAddressCollection *ShippingAddressCollectionParams         `url:"shipping_address_collection,omitempty"`
	ShippingOptions           Array[PaymentLinkShippingOptionParams]   `url:"shipping_options,omitempty"`
	SubmitType                *string                                  `url:"submit_type,omitempty"`
	SubscriptionData          *PaymentLinkSubscriptionDataParams       `url:"subscription_data,omitempty"`
	TaxIDCollection           *TaxIDCollectionParams                   `url:"tax_id_collection,omitempty"`
	TransferData              *TransferDataParams                      `url:"transfer_data,omitempty"`
}

// PaymentLinkUpdateParams are the params of PaymentLinks.Update. Only
// fields set are changed; a pointer to "" clears a string field.
type PaymentLinkUpdateParams struct {
	Params
	// Active false deactivates the link; true reactivates it.
	Active    *bool                                  `url:"active,omitempty"`
	LineItems Array[PaymentLinkLineItemUpdateParams] `url:"line_items,omitempty"`

	AfterCompletion           *PaymentLinkAfterCompletionParams         `url:"after_completion,omitempty"`
	AllowPromotionCodes       *bool                                     `url:"allow_promotion_codes,omitempty"`
	ApplicationFeeAmount      *int64                                    `url:"application_fee_amount,omitempty"`
	ApplicationFeePercent     *float64                                  `url:"application_fee_percent,omitempty"`
	AutomaticTax              *AutomaticTaxParams                       `url:"automatic_tax,omitempty"`
	BillingAddressCollection  *string                                   `url:"billing_address_collection,omitempty"`
	ConsentCollection         *CheckoutSessionConsentCollectionParams   `url:"consent_collection,omitempty"`
	CustomText                *CheckoutSessionCustomTextParams          `url:"custom_text,omitempty"`
	CustomerCreation          *string                                   `url:"customer_creation,omitempty"`
	InactiveMessage           *string                                   `url:"inactive_message,omitempty"`
	InvoiceCreation           *CheckoutSessionInvoiceCreationParams     `url:"invoice_creation,omitempty"`
	Metadata                  Metadata                                  `url:"metadata,omitempty"`
	NameCollection            *CheckoutSessionNameCollectionParams      `url:"name_collection,omitempty"`
	OnBehalfOf                *string                                   `url:"on_behalf_of,omitempty"`
	OptionalItems             Array[CheckoutSessionOptionalItemParams]  `url:"optional_items,omitempty"`
	PaymentIntentData         *PaymentLinkPaymentIntentDataUpdateParams `url:"payment_intent_data,omitempty"`
	PaymentMethodCollection   *string                                   `url:"payment_method_collection,omitempty"`
	PaymentMethodOptions      *PaymentLinkPaymentMethodOptionsParams    `url:"payment_method_options,omitempty"`
	PaymentMethodTypes        Array[PaymentMethodType]                  `url:"payment_method_types,omitempty"`
	PhoneNumberCollection     *EnabledParams                            `url:"phone_number_collection,omitempty"`
	Restrictions              *PaymentLinkRestrictionsParams            `url:"restrictions,omitempty"`
	ShippingAddressCollection *ShippingAddressCollectionParams          `url:"shipping_address_collection,omitempty"`
	ShippingOptions           Array[PaymentLinkShippingOptionParams]    `url:"shipping_options,omitempty"`
	SubmitType                *string                                   `url:"submit_type,omitempty"`
	SubscriptionData          *PaymentLinkSubscriptionDataUpdateParams  `url:"subscription_data,omitempty"`
	TaxIDCollection           *TaxIDCollectionParams                    `url:"tax_id_collection,omitempty"`
	TransferData              *TransferDataParams                       `url:"transfer_data,omitempty"`
}

// PaymentLinkGetParams are the params of PaymentLinks.Get.
type PaymentLinkGetParams struct {
	Params
}

// PaymentLinkListParams are the params of PaymentLinks.List and
// PaymentLinks.All.
type PaymentLinkListParams struct {
	Params
	ListParams
	Active *bool `url:"active,omitempty"`
}

// Create creates a Payment Link; share its URL. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/payment_links/create
func (s *PaymentLinksService) Create(ctx context.Context, params *PaymentLinkCreateParams) (*PaymentLink, error) {
	pl := new(PaymentLink)
	return orNil(pl, s.c.call(ctx, http.MethodPost, "/v1/payment_links", params, pl))
}

// Get retrieves a Payment Link. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/payment_links/retrieve
func (s *PaymentLinksService) Get(ctx context.Context, id string, params *PaymentLinkGetParams) (*PaymentLink, error) {
	return s.one(ctx, http.MethodGet, id, params)
}

// Update changes the fields params sets on a Payment Link.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/payment_links/update
func (s *PaymentLinksService) Update(ctx context.Context, id string, params *PaymentLinkUpdateParams) (*PaymentLink, error) {
	return s.one(ctx, http.MethodPost, id, params)
}

// List returns one page of Payment Links, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/payment_links/list
func (s *PaymentLinksService) List(ctx context.Context, params *PaymentLinkListParams) (*List[PaymentLink], error) {
	page := new(List[PaymentLink])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/payment_links", params, page))
}

// All iterates over every Payment Link matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/payment_links/list
func (s *PaymentLinksService) All(ctx context.Context, params *PaymentLinkListParams) iter.Seq2[*PaymentLink, error] {
	return listAll(ctx, params, s.List)
}

// ListLineItems returns one page of a Payment Link's line items. params
// may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/line_items
func (s *PaymentLinksService) ListLineItems(ctx context.Context, id string, params *LineItemListParams) (*List[LineItem], error) {
	path, err := pathf("/v1/payment_links/%s/line_items", id)
	if err != nil {
		return nil, err
	}
	page := new(List[LineItem])
	return orNil(page, s.c.call(ctx, http.MethodGet, path, params, page))
}

// AllLineItems iterates over every line item of a Payment Link, fetching
// pages lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_links/line_items
func (s *PaymentLinksService) AllLineItems(ctx context.Context, id string, params *LineItemListParams) iter.Seq2[*LineItem, error] {
	return listAll(ctx, params, func(ctx context.Context, p *LineItemListParams) (*List[LineItem], error) {
		return s.ListLineItems(ctx, id, p)
	})
}

// one sends a request about the Payment Link id.
func (s *PaymentLinksService) one(ctx context.Context, method, id string, params any) (*PaymentLink, error) {
	path, err := pathf("/v1/payment_links/%s", id)
	if err != nil {
		return nil, err
	}
	pl := new(PaymentLink)
	return orNil(pl, s.c.call(ctx, method, path, params, pl))
}
