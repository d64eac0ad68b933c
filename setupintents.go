package stripe

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// SetupIntentsService manages setup intents, which save a customer's
// payment method for later payments: https://docs.stripe.com/api/setup_intents
type SetupIntentsService struct{ c *Client }

// SetupIntentStatus is where a SetupIntent is in its lifecycle.
type SetupIntentStatus string

// SetupIntent statuses.
const (
	SetupIntentStatusRequiresPaymentMethod SetupIntentStatus = "requires_payment_method"
	SetupIntentStatusRequiresConfirmation  SetupIntentStatus = "requires_confirmation"
	SetupIntentStatusRequiresAction        SetupIntentStatus = "requires_action"
	SetupIntentStatusProcessing            SetupIntentStatus = "processing"
	SetupIntentStatusCanceled              SetupIntentStatus = "canceled"
	SetupIntentStatusSucceeded             SetupIntentStatus = "succeeded"
)

// SetupIntentUsage is how the saved payment method will be used.
type SetupIntentUsage string

// SetupIntent usages.
const (
	// SetupIntentUsageOffSession is the default: charged while the
	// customer is away.
	SetupIntentUsageOffSession SetupIntentUsage = "off_session"
	SetupIntentUsageOnSession  SetupIntentUsage = "on_session"
)

// SetupIntentCancellationReason is why a SetupIntent was canceled.
type SetupIntentCancellationReason string

// SetupIntent cancellation reasons.
const (
	SetupIntentCancellationReasonAbandoned           SetupIntentCancellationReason = "abandoned"
	SetupIntentCancellationReasonDuplicate           SetupIntentCancellationReason = "duplicate"
	SetupIntentCancellationReasonRequestedByCustomer SetupIntentCancellationReason = "requested_by_customer"
)

// SetupIntent guides saving a payment method for future payments:
// https://docs.stripe.com/api/setup_intents/object
type SetupIntent struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// AllowedPaymentMethodTypes limits the types the customer may use.
	AllowedPaymentMethodTypes []PaymentMethodType                   `json:"allowed_payment_method_types"`
	Application               Expandable[ObjectRef]                 `json:"application"`
	AttachToSelf              bool                                  `json:"attach_to_self"`
	AutomaticPaymentMethods   *PaymentIntentAutomaticPaymentMethods `json:"automatic_payment_methods"`
	CancellationReason        SetupIntentCancellationReason         `json:"cancellation_reason"`
	// ClientSecret is passed to the frontend to confirm the setup there.
	// It prints and encodes as "[REDACTED]"; use ClientSecret.Reveal.
	ClientSecret ClientSecret `json:"client_secret"`
	Created      int64        `json:"created"`
	// Customer is the customer the payment method is saved to; expandable.
	Customer                   Expandable[Customer] `json:"customer"`
	CustomerAccount            string               `json:"customer_account"`
	Description                string               `json:"description"`
	ExcludedPaymentMethodTypes []PaymentMethodType  `json:"excluded_payment_method_types"`
	// FlowDirections are "inbound" and/or "outbound" (for payouts).
	FlowDirections []string `json:"flow_directions"`
	// LastSetupError is the error of the last failed setup attempt, nil if
	// none failed: Stripe's error object, as a PaymentIntent's.
	LastSetupError  *Error                `json:"last_setup_error"`
	LatestAttempt   Expandable[ObjectRef] `json:"latest_attempt"`
	Livemode        bool                  `json:"livemode"`
	ManagedPayments *ManagedPayments      `json:"managed_payments"`
	Mandate         Expandable[ObjectRef] `json:"mandate"`
	Metadata        map[string]string     `json:"metadata"`
	// NextAction is what the customer must do next when Status is
	// requires_action; nil otherwise.
	NextAction *SetupIntentNextAction `json:"next_action"`
	OnBehalfOf Expandable[ObjectRef]  `json:"on_behalf_of"`
	// PaymentMethod is the payment method being saved; expandable.
	PaymentMethod                     Expandable[PaymentMethod]          `json:"payment_method"`
	PaymentMethodConfigurationDetails *PaymentMethodConfigurationDetails `json:"payment_method_configuration_details"`
	// PaymentMethodOptions are the per-type options, as raw JSON.
	PaymentMethodOptions json.RawMessage       `json:"payment_method_options"`
	PaymentMethodTypes   []PaymentMethodType   `json:"payment_method_types"`
	SingleUseMandate     Expandable[ObjectRef] `json:"single_use_mandate"`
	Status               SetupIntentStatus     `json:"status"`
	Usage                SetupIntentUsage      `json:"usage"`
}

// SetupIntentNextAction is what the customer must do to complete the
// setup, usually handled by Stripe.js.
type SetupIntentNextAction struct {
	// Type is "redirect_to_url", "use_stripe_sdk",
	// "verify_with_microdeposits", ...
	Type string `json:"type"`
	// RedirectToURL is set when Type is "redirect_to_url".
	RedirectToURL *PaymentIntentNextActionRedirectToURL `json:"redirect_to_url"`
	// The other kinds of action, as raw JSON for Stripe.js or the caller.
	BlikAuthorize                        json.RawMessage `json:"blik_authorize"`
	CashappHandleRedirectOrDisplayQRCode json.RawMessage `json:"cashapp_handle_redirect_or_display_qr_code"`
	PixDisplayQRCode                     json.RawMessage `json:"pix_display_qr_code"`
	UPIHandleRedirectOrDisplayQRCode     json.RawMessage `json:"upi_handle_redirect_or_display_qr_code"`
	UseStripeSDK                         json.RawMessage `json:"use_stripe_sdk"`
	VerifyWithMicrodeposits              json.RawMessage `json:"verify_with_microdeposits"`
}

// PaymentMethodDataParams creates a payment method inline, as
// PaymentMethods.Create would (without raw card numbers: use Stripe.js or
// PaymentMethod for cards). Type is required.
type PaymentMethodDataParams struct {
	Type           *PaymentMethodType                `url:"type,omitempty"`
	AllowRedisplay *CardAllowRedisplay               `url:"allow_redisplay,omitempty"`
	BillingDetails *BillingDetailsParams             `url:"billing_details,omitempty"`
	Metadata       Metadata                          `url:"metadata,omitempty"`
	RadarOptions   *PaymentMethodRadarOptionsParams  `url:"radar_options,omitempty"`
	AcssDebit      *PaymentMethodAcssDebitParams     `url:"acss_debit,omitempty"`
	AuBecsDebit    *PaymentMethodAuBecsDebitParams   `url:"au_becs_debit,omitempty"`
	BacsDebit      *PaymentMethodBacsDebitParams     `url:"bacs_debit,omitempty"`
	Boleto         *PaymentMethodBoletoParams        `url:"boleto,omitempty"`
	EPS            *PaymentMethodBankParams          `url:"eps,omitempty"`
	FPX            *PaymentMethodBankParams          `url:"fpx,omitempty"`
	Ideal          *PaymentMethodBankParams          `url:"ideal,omitempty"`
	Klarna         *PaymentMethodKlarnaParams        `url:"klarna,omitempty"`
	NaverPay       *PaymentMethodNaverPayParams      `url:"naver_pay,omitempty"`
	NzBankAccount  *PaymentMethodNzBankAccountParams `url:"nz_bank_account,omitempty"`
	P24            *PaymentMethodBankParams          `url:"p24,omitempty"`
	Payto          *PaymentMethodPaytoParams         `url:"payto,omitempty"`
	SEPADebit      *PaymentMethodSEPADebitParams     `url:"sepa_debit,omitempty"`
	Sofort         *PaymentMethodSofortParams        `url:"sofort,omitempty"`
	UPI            *PaymentMethodUPIParams           `url:"upi,omitempty"`
	USBankAccount  *PaymentMethodUSBankAccountParams `url:"us_bank_account,omitempty"`
}

// MandateDataParams records the customer's acceptance of a mandate.
type MandateDataParams struct {
	CustomerAcceptance *MandateCustomerAcceptanceParams `url:"customer_acceptance,omitempty"`
}

// MandateCustomerAcceptanceParams says how the customer accepted: Type is
// "online" (set Online) or "offline".
type MandateCustomerAcceptanceParams struct {
	Type       *string                        `url:"type,omitempty"`
	AcceptedAt *int64                         `url:"accepted_at,omitempty"`
	Online     *MandateOnlineAcceptanceParams `url:"online,omitempty"`
}

// MandateOnlineAcceptanceParams are where an online acceptance came from.
type MandateOnlineAcceptanceParams struct {
	IPAddress *string `url:"ip_address,omitempty"`
	UserAgent *string `url:"user_agent,omitempty"`
}

// SetupIntentPaymentMethodOptionsParams are per-type options; only the
// card options are modelled.
type SetupIntentPaymentMethodOptionsParams struct {
	Card *SetupIntentCardOptionsParams `url:"card,omitempty"`
}

// SetupIntentCardOptionsParams are the card options of a SetupIntent.
type SetupIntentCardOptionsParams struct {
	// Network selects the card network ("visa", "cartes_bancaires", ...).
	Network *string `url:"network,omitempty"`
	// RequestThreeDSecure is "automatic" (default), "any" or "challenge".
	RequestThreeDSecure *string `url:"request_three_d_secure,omitempty"`
}

// SetupIntentSingleUseParams sets up a payment method for one later
// payment of at most Amount.
type SetupIntentSingleUseParams struct {
	Amount   *int64  `url:"amount,omitempty"`
	Currency *string `url:"currency,omitempty"`
}

// SetupIntentAutomaticPaymentMethodsParams turns on the payment methods
// enabled in the Dashboard.
type SetupIntentAutomaticPaymentMethodsParams struct {
	Enabled *bool `url:"enabled,omitempty"`
	// AllowRedirects is "always" (default) or "never".
	AllowRedirects *string `url:"allow_redirects,omitempty"`
}

// SetupIntentCreateParams are the params of SetupIntents.Create.
type SetupIntentCreateParams struct {
	Params
	AllowedPaymentMethodTypes Array[PaymentMethodType]                  `url:"allowed_payment_method_types,omitempty"`
	AttachToSelf              *bool                                     `url:"attach_to_self,omitempty"`
	AutomaticPaymentMethods   *SetupIntentAutomaticPaymentMethodsParams `url:"automatic_payment_methods,omitempty"`
	// Confirm confirms the intent right away, as Confirm would.
	Confirm                    *bool                                  `url:"confirm,omitempty"`
	ConfirmationToken          *string                                `url:"confirmation_token,omitempty"`
	Customer                   *string                                `url:"customer,omitempty"`
	CustomerAccount            *string                                `url:"customer_account,omitempty"`
	Description                *string                                `url:"description,omitempty"`
	ExcludedPaymentMethodTypes Array[PaymentMethodType]               `url:"excluded_payment_method_types,omitempty"`
	FlowDirections             Array[string]                          `url:"flow_directions,omitempty"`
	MandateData                *MandateDataParams                     `url:"mandate_data,omitempty"`
	Metadata                   Metadata                               `url:"metadata,omitempty"`
	OnBehalfOf                 *string                                `url:"on_behalf_of,omitempty"`
	PaymentMethod              *string                                `url:"payment_method,omitempty"`
	PaymentMethodConfiguration *string                                `url:"payment_method_configuration,omitempty"`
	PaymentMethodData          *PaymentMethodDataParams               `url:"payment_method_data,omitempty"`
	PaymentMethodOptions       *SetupIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	PaymentMethodTypes         Array[PaymentMethodType]               `url:"payment_method_types,omitempty"`
	// ReturnURL is where the customer returns after authenticating (with
	// Confirm).
	ReturnURL    *string                     `url:"return_url,omitempty"`
	SingleUse    *SetupIntentSingleUseParams `url:"single_use,omitempty"`
	Usage        *SetupIntentUsage           `url:"usage,omitempty"`
	UseStripeSDK *bool                       `url:"use_stripe_sdk,omitempty"`
}

// SetupIntentGetParams are the params of SetupIntents.Get. ClientSecret
// is only needed with a publishable key.
type SetupIntentGetParams struct {
	Params
	ClientSecret *string `url:"client_secret,omitempty"`
}

// SetupIntentUpdateParams are the params of SetupIntents.Update. Only
// fields set are changed; a pointer to "" clears a field.
type SetupIntentUpdateParams struct {
	Params
	AllowedPaymentMethodTypes  Array[PaymentMethodType]               `url:"allowed_payment_method_types,omitempty"`
	AttachToSelf               *bool                                  `url:"attach_to_self,omitempty"`
	Customer                   *string                                `url:"customer,omitempty"`
	CustomerAccount            *string                                `url:"customer_account,omitempty"`
	Description                *string                                `url:"description,omitempty"`
	ExcludedPaymentMethodTypes Array[PaymentMethodType]               `url:"excluded_payment_method_types,omitempty"`
	FlowDirections             Array[string]                          `url:"flow_directions,omitempty"`
	Metadata                   Metadata                               `url:"metadata,omitempty"`
	PaymentMethod              *string                                `url:"payment_method,omitempty"`
	PaymentMethodConfiguration *string                                `url:"payment_method_configuration,omitempty"`
	PaymentMethodData          *PaymentMethodDataParams               `url:"payment_method_data,omitempty"`
	PaymentMethodOptions       *SetupIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	PaymentMethodTypes         Array[PaymentMethodType]               `url:"payment_method_types,omitempty"`
}

// SetupIntentConfirmParams are the params of SetupIntents.Confirm.
type SetupIntentConfirmParams struct {
	Params
	AllowedPaymentMethodTypes Array[PaymentMethodType] `url:"allowed_payment_method_types,omitempty"`
	// ClientSecret is only needed with a publishable key.
	ClientSecret         *string                                `url:"client_secret,omitempty"`
	ConfirmationToken    *string                                `url:"confirmation_token,omitempty"`
	MandateData          *MandateDataParams                     `url:"mandate_data,omitempty"`
	PaymentMethod        *string                                `url:"payment_method,omitempty"`
	PaymentMethodData    *PaymentMethodDataParams               `url:"payment_method_data,omitempty"`
	PaymentMethodOptions *SetupIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	// ReturnURL is where the customer returns after authenticating.
	ReturnURL    *string `url:"return_url,omitempty"`
	UseStripeSDK *bool   `url:"use_stripe_sdk,omitempty"`
}

// SetupIntentCancelParams are the params of SetupIntents.Cancel.
type SetupIntentCancelParams struct {
	Params
	CancellationReason *SetupIntentCancellationReason `url:"cancellation_reason,omitempty"`
}

// SetupIntentListParams are the params of SetupIntents.List and
// SetupIntents.All.
type SetupIntentListParams struct {
	Params
	ListParams
	AttachToSelf    *bool       `url:"attach_to_self,omitempty"`
	Created         *RangeQuery `url:"created,omitempty"`
	Customer        *string     `url:"customer,omitempty"`
	CustomerAccount *string     `url:"customer_account,omitempty"`
	PaymentMethod   *string     `url:"payment_method,omitempty"`
}

// Create creates a SetupIntent. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/create
func (s *SetupIntentsService) Create(ctx context.Context, params *SetupIntentCreateParams) (*SetupIntent, error) {
	si := new(SetupIntent)
	return orNil(si, s.c.call(ctx, http.MethodPost, "/v1/setup_intents", params, si))
}

// Get retrieves a SetupIntent. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/retrieve
func (s *SetupIntentsService) Get(ctx context.Context, id string, params *SetupIntentGetParams) (*SetupIntent, error) {
	return s.one(ctx, http.MethodGet, "/v1/setup_intents/%s", id, params)
}

// Update changes the fields params sets on a SetupIntent.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/update
func (s *SetupIntentsService) Update(ctx context.Context, id string, params *SetupIntentUpdateParams) (*SetupIntent, error) {
	return s.one(ctx, http.MethodPost, "/v1/setup_intents/%s", id, params)
}

// Confirm confirms that the customer intends to save the payment method.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/confirm
func (s *SetupIntentsService) Confirm(ctx context.Context, id string, params *SetupIntentConfirmParams) (*SetupIntent, error) {
	return s.one(ctx, http.MethodPost, "/v1/setup_intents/%s/confirm", id, params)
}

// Cancel cancels a SetupIntent that is not yet processing or succeeded.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/cancel
func (s *SetupIntentsService) Cancel(ctx context.Context, id string, params *SetupIntentCancelParams) (*SetupIntent, error) {
	return s.one(ctx, http.MethodPost, "/v1/setup_intents/%s/cancel", id, params)
}

// List returns one page of SetupIntents, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/list
func (s *SetupIntentsService) List(ctx context.Context, params *SetupIntentListParams) (*List[SetupIntent], error) {
	page := new(List[SetupIntent])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/setup_intents", params, page))
}

// All iterates over every SetupIntent matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/setup_intents/list
func (s *SetupIntentsService) All(ctx context.Context, params *SetupIntentListParams) iter.Seq2[*SetupIntent, error] {
	return listAll(ctx, params, s.List)
}

// one sends a request about the SetupIntent id.
func (s *SetupIntentsService) one(ctx context.Context, method, format, id string, params any) (*SetupIntent, error) {
	path, err := pathf(format, id)
	if err != nil {
		return nil, err
	}
	si := new(SetupIntent)
	return orNil(si, s.c.call(ctx, method, path, params, si))
}
