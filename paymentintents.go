package stripe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strconv"
)

// PaymentIntentsService manages payment intents: https://docs.stripe.com/api/payment_intents
type PaymentIntentsService struct{ c *Client }

// PaymentIntentStatus is where a PaymentIntent is in its lifecycle.
type PaymentIntentStatus string

// PaymentIntent statuses.
const (
	PaymentIntentStatusRequiresPaymentMethod PaymentIntentStatus = "requires_payment_method"
	PaymentIntentStatusRequiresConfirmation  PaymentIntentStatus = "requires_confirmation"
	PaymentIntentStatusRequiresAction        PaymentIntentStatus = "requires_action"
	PaymentIntentStatusProcessing            PaymentIntentStatus = "processing"
	PaymentIntentStatusRequiresCapture       PaymentIntentStatus = "requires_capture"
	PaymentIntentStatusCanceled              PaymentIntentStatus = "canceled"
	PaymentIntentStatusSucceeded             PaymentIntentStatus = "succeeded"
)

// PaymentIntentCaptureMethod is when the funds are captured.
type PaymentIntentCaptureMethod string

// Capture methods.
const (
	// PaymentIntentCaptureMethodAutomatic captures when the customer
	// authorizes the payment.
	PaymentIntentCaptureMethodAutomatic PaymentIntentCaptureMethod = "automatic"
	// PaymentIntentCaptureMethodAutomaticAsync captures asynchronously
	// after authorization.
	PaymentIntentCaptureMethodAutomaticAsync PaymentIntentCaptureMethod = "automatic_async"
	// PaymentIntentCaptureMethodManual places a hold; call Capture later.
	PaymentIntentCaptureMethodManual PaymentIntentCaptureMethod = "manual"
)

// PaymentIntentConfirmationMethod is how a PaymentIntent may be confirmed.
type PaymentIntentConfirmationMethod string

// Confirmation methods.
const (
	PaymentIntentConfirmationMethodAutomatic PaymentIntentConfirmationMethod = "automatic"
	PaymentIntentConfirmationMethodManual    PaymentIntentConfirmationMethod = "manual"
)

// PaymentIntentCancellationReason is why a PaymentIntent was canceled.
// Cancel accepts only the first four; Stripe sets the others itself.
type PaymentIntentCancellationReason string

// Cancellation reasons.
const (
	PaymentIntentCancellationReasonDuplicate           PaymentIntentCancellationReason = "duplicate"
	PaymentIntentCancellationReasonFraudulent          PaymentIntentCancellationReason = "fraudulent"
	PaymentIntentCancellationReasonRequestedByCustomer PaymentIntentCancellationReason = "requested_by_customer"
	PaymentIntentCancellationReasonAbandoned           PaymentIntentCancellationReason = "abandoned"
	PaymentIntentCancellationReasonAutomatic           PaymentIntentCancellationReason = "automatic"
	PaymentIntentCancellationReasonExpired             PaymentIntentCancellationReason = "expired"
	PaymentIntentCancellationReasonFailedInvoice       PaymentIntentCancellationReason = "failed_invoice"
	PaymentIntentCancellationReasonVoidInvoice         PaymentIntentCancellationReason = "void_invoice"
)

// PaymentIntentSetupFutureUsage says how a payment method will be reused
// after this payment, so Stripe can save it and apply the right
// authentication.
type PaymentIntentSetupFutureUsage string

// Setup future usage values.
const (
	PaymentIntentSetupFutureUsageOffSession PaymentIntentSetupFutureUsage = "off_session"
	PaymentIntentSetupFutureUsageOnSession  PaymentIntentSetupFutureUsage = "on_session"
)

// ClientSecret is a PaymentIntent's client secret: the credential a
// frontend (Stripe.js, the mobile SDKs) uses to confirm the payment.
// It decodes from the API as usual, but every way of printing or encoding
// it, fmt (%v, %+v, %#v, %s, %q), slog and encoding/json included, writes
// "[REDACTED]" so it never ends up in a log. Call Reveal to get the value
// to hand to your frontend.
type ClientSecret string

// Reveal returns the secret itself.
func (s ClientSecret) Reveal() string { return string(s) }

// String returns "[REDACTED]", or "" for an empty secret.
func (s ClientSecret) String() string {
	if s == "" {
		return ""
	}
	return "[REDACTED]"
}

// GoString is String quoted.
func (s ClientSecret) GoString() string { return strconv.Quote(s.String()) }

// Format implements fmt.Formatter, so every verb prints the redacted form.
func (s ClientSecret) Format(f fmt.State, verb rune) {
	if verb == 'q' || (verb == 'v' && f.Flag('#')) {
		_, _ = io.WriteString(f, s.GoString())
		return
	}
	_, _ = io.WriteString(f, s.String())
}

// MarshalText writes the redacted form, so JSON and text encoders (and
// slog handlers) never emit the secret. Use Reveal to send it on purpose.
func (s ClientSecret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// PaymentIntent guides a payment from creation through authentication to
// capture: https://docs.stripe.com/api/payment_intents/object
type PaymentIntent struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	// Amount is the amount to collect, in minor units.
	Amount int64 `json:"amount"`
	// AmountCapturable is what can still be captured (manual capture).
	AmountCapturable int64 `json:"amount_capturable"`
	// AmountReceived is what has been collected.
	AmountReceived          int64                                 `json:"amount_received"`
	ApplicationFeeAmount    int64                                 `json:"application_fee_amount"`
	AutomaticPaymentMethods *PaymentIntentAutomaticPaymentMethods `json:"automatic_payment_methods"`
	// CanceledAt is when the intent was canceled (Unix seconds), or 0.
	CanceledAt         int64                           `json:"canceled_at"`
	CancellationReason PaymentIntentCancellationReason `json:"cancellation_reason"`
	CaptureMethod      PaymentIntentCaptureMethod      `json:"capture_method"`
	// ClientSecret is passed to the frontend to confirm the payment there.
	// It prints and encodes as "[REDACTED]"; use ClientSecret.Reveal.
	ClientSecret       ClientSecret                    `json:"client_secret"`
	ConfirmationMethod PaymentIntentConfirmationMethod `json:"confirmation_method"`
	Created            int64                           `json:"created"`
	Currency           string                          `json:"currency"`
	// Customer is the customer the payment belongs to; expandable. A
	// deleted customer decodes with only ID (and Object) set.
	Customer                   Expandable[Customer] `json:"customer"`
	Description                string               `json:"description"`
	ExcludedPaymentMethodTypes []string             `json:"excluded_payment_method_types"`
	// LastPaymentError is the error of the last failed payment attempt,
	// nil if none failed (or the intent was retried successfully). It is
	// Stripe's error object, the one a failed call returns as *Error; its
	// HTTPStatus and RequestID are zero.
	LastPaymentError *Error `json:"last_payment_error"`
	// LatestCharge is the latest charge the intent created; expandable.
	LatestCharge Expandable[Charge] `json:"latest_charge"`
	Livemode     bool               `json:"livemode"`
	Metadata     map[string]string  `json:"metadata"`
	// NextAction is what the customer must do next when Status is
	// requires_action; nil otherwise.
	NextAction *PaymentIntentNextAction `json:"next_action"`
	// PaymentMethod is the payment method used; expandable.
	PaymentMethod      Expandable[PaymentMethod] `json:"payment_method"`
	PaymentMethodTypes []string                  `json:"payment_method_types"`
	// ReceiptEmail is where the receipt is sent, if anywhere.
	ReceiptEmail              string                        `json:"receipt_email"`
	SetupFutureUsage          PaymentIntentSetupFutureUsage `json:"setup_future_usage"`
	Shipping                  *Shipping                     `json:"shipping"`
	StatementDescriptor       string                        `json:"statement_descriptor"`
	StatementDescriptorSuffix string                        `json:"statement_descriptor_suffix"`
	Status                    PaymentIntentStatus           `json:"status"`
	TransferGroup             string                        `json:"transfer_group"`
	// AllowedPaymentMethodTypes limits the payment method types offered.
	AllowedPaymentMethodTypes []string                    `json:"allowed_payment_method_types"`
	AmountDetails             *PaymentIntentAmountDetails `json:"amount_details"`
	// Application is the Connect application that created the intent;
	// expandable (applications are not modelled).
	Application     Expandable[ObjectRef] `json:"application"`
	CustomerAccount string                `json:"customer_account"`
	Hooks           *PaymentIntentHooks   `json:"hooks"`
	ManagedPayments *ManagedPayments      `json:"managed_payments"`
	// OnBehalfOf is the connected account the payment is made for;
	// expandable (accounts are not modelled).
	OnBehalfOf                        Expandable[ObjectRef]              `json:"on_behalf_of"`
	PaymentDetails                    *PaymentIntentPaymentDetails       `json:"payment_details"`
	PaymentMethodConfigurationDetails *PaymentMethodConfigurationDetails `json:"payment_method_configuration_details"`
	// PaymentMethodOptions holds the options per payment method type
	// (card, sepa_debit, ...); it is large and polymorphic, so it is left
	// undecoded: unmarshal the branch you need.
	PaymentMethodOptions json.RawMessage          `json:"payment_method_options"`
	PresentmentDetails   *PresentmentDetails      `json:"presentment_details"`
	Processing           *PaymentIntentProcessing `json:"processing"`
	// Review is the Radar review of the payment, if any; expandable
	// (reviews are not modelled).
	Review       Expandable[ObjectRef]      `json:"review"`
	TransferData *PaymentIntentTransferData `json:"transfer_data"`
}

// PaymentIntentAutomaticPaymentMethods is the automatic payment methods
// setting of a PaymentIntent.
type PaymentIntentAutomaticPaymentMethods struct {
	// AllowRedirects is "always" or "never".
	AllowRedirects string `json:"allow_redirects"`
	Enabled        bool   `json:"enabled"`
}

// PaymentIntentNextAction is what the customer must do to complete the
// payment, usually handled by Stripe.js.
type PaymentIntentNextAction struct {
	// Type is "redirect_to_url", "use_stripe_sdk", "verify_with_microdeposits", ...
	Type string `json:"type"`
	// RedirectToURL is set when Type is "redirect_to_url".
	RedirectToURL *PaymentIntentNextActionRedirectToURL `json:"redirect_to_url"`
	// UseStripeSDK is opaque data for Stripe.js and the mobile SDKs.
	UseStripeSDK json.RawMessage `json:"use_stripe_sdk"`
}

// PaymentIntentNextActionRedirectToURL is where to send the customer to
// authenticate, and where they come back to.
type PaymentIntentNextActionRedirectToURL struct {
	ReturnURL string `json:"return_url"`
	URL       string `json:"url"`
}

// PaymentIntentAutomaticPaymentMethodsParams turns on the payment methods
// enabled in the Dashboard.
type PaymentIntentAutomaticPaymentMethodsParams struct {
	// Enabled is required when the block is sent.
	Enabled *bool `url:"enabled,omitempty"`
	// AllowRedirects is "always" (default) or "never".
	AllowRedirects *string `url:"allow_redirects,omitempty"`
}

// PaymentIntentCreateParams are the params of PaymentIntents.Create.
// Amount and Currency are required by Stripe.
type PaymentIntentCreateParams struct {
	Params
	// Amount is in minor units (1099 is $10.99).
	Amount   *int64  `url:"amount,omitempty"`
	Currency *string `url:"currency,omitempty"`
	// AllowedPaymentMethodTypes and ExcludedPaymentMethodTypes narrow the
	// payment method types offered.
	AllowedPaymentMethodTypes Array[string]                               `url:"allowed_payment_method_types,omitempty"`
	AmountDetails             *PaymentIntentAmountDetailsParams           `url:"amount_details,omitempty"`
	ApplicationFeeAmount      *int64                                      `url:"application_fee_amount,omitempty"`
	AutomaticPaymentMethods   *PaymentIntentAutomaticPaymentMethodsParams `url:"automatic_payment_methods,omitempty"`
	CaptureMethod             *PaymentIntentCaptureMethod                 `url:"capture_method,omitempty"`
	// Confirm confirms the intent right away, as Confirm would.
	Confirm            *bool                            `url:"confirm,omitempty"`
	ConfirmationMethod *PaymentIntentConfirmationMethod `url:"confirmation_method,omitempty"`
	// ConfirmationToken (ctoken_...) carries the payment method details
	// collected by Stripe.js, with Confirm.
	ConfirmationToken          *string                         `url:"confirmation_token,omitempty"`
	Customer                   *string                         `url:"customer,omitempty"`
	CustomerAccount            *string                         `url:"customer_account,omitempty"`
	Description                *string                         `url:"description,omitempty"`
	ErrorOnRequiresAction      *bool                           `url:"error_on_requires_action,omitempty"`
	ExcludedPaymentMethodTypes Array[string]                   `url:"excluded_payment_method_types,omitempty"`
	Hooks                      *PaymentIntentHooksParams       `url:"hooks,omitempty"`
	Mandate                    *string                         `url:"mandate,omitempty"`
	MandateData                *PaymentIntentMandateDataParams `url:"mandate_data,omitempty"`
	Metadata                   Metadata                        `url:"metadata,omitempty"`
	// OffSession says the customer is not present (with Confirm):
	// Bool(true), or Keyword("one_off") or Keyword("recurring").
	OffSession                 Union                                    `url:"off_session,omitempty"`
	OnBehalfOf                 *string                                  `url:"on_behalf_of,omitempty"`
	PaymentDetails             *PaymentIntentPaymentDetailsParams       `url:"payment_details,omitempty"`
	PaymentMethod              *string                                  `url:"payment_method,omitempty"`
	PaymentMethodConfiguration *string                                  `url:"payment_method_configuration,omitempty"`
	PaymentMethodOptions       *PaymentIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	PaymentMethodTypes         Array[string]                            `url:"payment_method_types,omitempty"`
	RadarOptions               *PaymentIntentRadarOptionsParams         `url:"radar_options,omitempty"`
	ReceiptEmail               *string                                  `url:"receipt_email,omitempty"`
	// ReturnURL is where the customer returns after authenticating (with
	// Confirm).
	ReturnURL                 *string                          `url:"return_url,omitempty"`
	SetupFutureUsage          *PaymentIntentSetupFutureUsage   `url:"setup_future_usage,omitempty"`
	Shipping                  *ShippingParams                  `url:"shipping,omitempty"`
	StatementDescriptor       *string                          `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                          `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *PaymentIntentTransferDataParams `url:"transfer_data,omitempty"`
	TransferGroup             *string                          `url:"transfer_group,omitempty"`
	// UseStripeSDK says the intent is confirmed from a Stripe mobile SDK.
	UseStripeSDK *bool `url:"use_stripe_sdk,omitempty"`
}

// PaymentIntentGetParams are the params of PaymentIntents.Get.
type PaymentIntentGetParams struct {
	Params
	// ClientSecret is required only when the request is made with a
	// publishable key; it is sent in the query string.
	ClientSecret *string `url:"client_secret,omitempty"`
}

// PaymentIntentUpdateParams are the params of PaymentIntents.Update. Only
// fields set are changed; a pointer to "" clears a field.
type PaymentIntentUpdateParams struct {
	Params
	AllowedPaymentMethodTypes  Array[string]                            `url:"allowed_payment_method_types,omitempty"`
	Amount                     *int64                                   `url:"amount,omitempty"`
	AmountDetails              *PaymentIntentAmountDetailsParams        `url:"amount_details,omitempty"`
	ApplicationFeeAmount       *int64                                   `url:"application_fee_amount,omitempty"`
	CaptureMethod              *PaymentIntentCaptureMethod              `url:"capture_method,omitempty"`
	Currency                   *string                                  `url:"currency,omitempty"`
	Customer                   *string                                  `url:"customer,omitempty"`
	CustomerAccount            *string                                  `url:"customer_account,omitempty"`
	Description                *string                                  `url:"description,omitempty"`
	ExcludedPaymentMethodTypes Array[string]                            `url:"excluded_payment_method_types,omitempty"`
	Hooks                      *PaymentIntentHooksParams                `url:"hooks,omitempty"`
	Metadata                   Metadata                                 `url:"metadata,omitempty"`
	PaymentDetails             *PaymentIntentPaymentDetailsParams       `url:"payment_details,omitempty"`
	PaymentMethod              *string                                  `url:"payment_method,omitempty"`
	PaymentMethodConfiguration *string                                  `url:"payment_method_configuration,omitempty"`
	PaymentMethodOptions       *PaymentIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	PaymentMethodTypes         Array[string]                            `url:"payment_method_types,omitempty"`
	ReceiptEmail               *string                                  `url:"receipt_email,omitempty"`
	// SetupFutureUsage set to "" clears it.
	SetupFutureUsage          *PaymentIntentSetupFutureUsage         `url:"setup_future_usage,omitempty"`
	Shipping                  *ShippingParams                        `url:"shipping,omitempty"`
	StatementDescriptor       *string                                `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                                `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *PaymentIntentUpdateTransferDataParams `url:"transfer_data,omitempty"`
	TransferGroup             *string                                `url:"transfer_group,omitempty"`
}

// PaymentIntentConfirmParams are the params of PaymentIntents.Confirm.
type PaymentIntentConfirmParams struct {
	Params
	AllowedPaymentMethodTypes Array[string]                     `url:"allowed_payment_method_types,omitempty"`
	AmountDetails             *PaymentIntentAmountDetailsParams `url:"amount_details,omitempty"`
	// AmountToConfirm confirms less than the full amount, for payment
	// methods that allow it.
	AmountToConfirm *int64                      `url:"amount_to_confirm,omitempty"`
	CaptureMethod   *PaymentIntentCaptureMethod `url:"capture_method,omitempty"`
	// ClientSecret is required only when the request is made with a
	// publishable key.
	ClientSecret               *string                         `url:"client_secret,omitempty"`
	ConfirmationToken          *string                         `url:"confirmation_token,omitempty"`
	ErrorOnRequiresAction      *bool                           `url:"error_on_requires_action,omitempty"`
	ExcludedPaymentMethodTypes Array[string]                   `url:"excluded_payment_method_types,omitempty"`
	Hooks                      *PaymentIntentHooksParams       `url:"hooks,omitempty"`
	Mandate                    *string                         `url:"mandate,omitempty"`
	MandateData                *PaymentIntentMandateDataParams `url:"mandate_data,omitempty"`
	// OffSession says the customer is not present to authenticate:
	// Bool(true), or Keyword("one_off") or Keyword("recurring").
	OffSession           Union                                    `url:"off_session,omitempty"`
	PaymentDetails       *PaymentIntentPaymentDetailsParams       `url:"payment_details,omitempty"`
	PaymentMethod        *string                                  `url:"payment_method,omitempty"`
	PaymentMethodOptions *PaymentIntentPaymentMethodOptionsParams `url:"payment_method_options,omitempty"`
	PaymentMethodTypes   Array[string]                            `url:"payment_method_types,omitempty"`
	RadarOptions         *PaymentIntentRadarOptionsParams         `url:"radar_options,omitempty"`
	ReceiptEmail         *string                                  `url:"receipt_email,omitempty"`
	// ReturnURL is where the customer returns after authenticating.
	ReturnURL        *string                        `url:"return_url,omitempty"`
	SetupFutureUsage *PaymentIntentSetupFutureUsage `url:"setup_future_usage,omitempty"`
	Shipping         *ShippingParams                `url:"shipping,omitempty"`
	UseStripeSDK     *bool                          `url:"use_stripe_sdk,omitempty"`
}

// PaymentIntentCaptureParams are the params of PaymentIntents.Capture.
type PaymentIntentCaptureParams struct {
	Params
	// AmountToCapture defaults to the full AmountCapturable; capturing less
	// releases the rest unless FinalCapture is false.
	AmountDetails             *PaymentIntentAmountDetailsParams       `url:"amount_details,omitempty"`
	AmountToCapture           *int64                                  `url:"amount_to_capture,omitempty"`
	ApplicationFeeAmount      *int64                                  `url:"application_fee_amount,omitempty"`
	FinalCapture              *bool                                   `url:"final_capture,omitempty"`
	Hooks                     *PaymentIntentHooksParams               `url:"hooks,omitempty"`
	Metadata                  Metadata                                `url:"metadata,omitempty"`
	PaymentDetails            *PaymentIntentPaymentDetailsParams      `url:"payment_details,omitempty"`
	StatementDescriptor       *string                                 `url:"statement_descriptor,omitempty"`
	StatementDescriptorSuffix *string                                 `url:"statement_descriptor_suffix,omitempty"`
	TransferData              *PaymentIntentCaptureTransferDataParams `url:"transfer_data,omitempty"`
}

// PaymentIntentCancelParams are the params of PaymentIntents.Cancel.
type PaymentIntentCancelParams struct {
	Params
	// CancellationReason is one of duplicate, fraudulent,
	// requested_by_customer or abandoned.
	CancellationReason *PaymentIntentCancellationReason `url:"cancellation_reason,omitempty"`
}

// PaymentIntentListParams are the params of PaymentIntents.List and
// PaymentIntents.All.
type PaymentIntentListParams struct {
	Params
	ListParams
	Created         *RangeQuery `url:"created,omitempty"`
	Customer        *string     `url:"customer,omitempty"`
	CustomerAccount *string     `url:"customer_account,omitempty"`
}

// Create creates a PaymentIntent. Send its ClientSecret (Reveal) to the
// frontend to collect and confirm the payment there, or set Confirm with a
// PaymentMethod to confirm it right away.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/create
func (s *PaymentIntentsService) Create(ctx context.Context, params *PaymentIntentCreateParams) (*PaymentIntent, error) {
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodPost, "/v1/payment_intents", params, pi))
}

// Get retrieves a PaymentIntent. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/retrieve
func (s *PaymentIntentsService) Get(ctx context.Context, id string, params *PaymentIntentGetParams) (*PaymentIntent, error) {
	path, err := pathf("/v1/payment_intents/%s", id)
	if err != nil {
		return nil, err
	}
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodGet, path, params, pi))
}

// Update changes the fields params sets on a PaymentIntent.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/update
func (s *PaymentIntentsService) Update(ctx context.Context, id string, params *PaymentIntentUpdateParams) (*PaymentIntent, error) {
	path, err := pathf("/v1/payment_intents/%s", id)
	if err != nil {
		return nil, err
	}
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodPost, path, params, pi))
}

// Confirm confirms that the customer intends to pay with the attached (or
// params') payment method. The result's Status says what comes next:
// requires_action (see NextAction), processing, requires_capture or
// succeeded. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/confirm
func (s *PaymentIntentsService) Confirm(ctx context.Context, id string, params *PaymentIntentConfirmParams) (*PaymentIntent, error) {
	path, err := pathf("/v1/payment_intents/%s/confirm", id)
	if err != nil {
		return nil, err
	}
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodPost, path, params, pi))
}

// Capture captures the funds of a PaymentIntent in status requires_capture
// (CaptureMethod manual). params may be nil to capture the full amount.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/capture
func (s *PaymentIntentsService) Capture(ctx context.Context, id string, params *PaymentIntentCaptureParams) (*PaymentIntent, error) {
	path, err := pathf("/v1/payment_intents/%s/capture", id)
	if err != nil {
		return nil, err
	}
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodPost, path, params, pi))
}

// Cancel cancels a PaymentIntent that has not succeeded yet, releasing any
// held funds. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/cancel
func (s *PaymentIntentsService) Cancel(ctx context.Context, id string, params *PaymentIntentCancelParams) (*PaymentIntent, error) {
	path, err := pathf("/v1/payment_intents/%s/cancel", id)
	if err != nil {
		return nil, err
	}
	pi := new(PaymentIntent)
	return orNil(pi, s.c.call(ctx, http.MethodPost, path, params, pi))
}

// List returns one page of PaymentIntents, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/list
func (s *PaymentIntentsService) List(ctx context.Context, params *PaymentIntentListParams) (*List[PaymentIntent], error) {
	page := new(List[PaymentIntent])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/payment_intents", params, page))
}

// All iterates over every PaymentIntent matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/list
func (s *PaymentIntentsService) All(ctx context.Context, params *PaymentIntentListParams) iter.Seq2[*PaymentIntent, error] {
	return listAll(ctx, params, s.List)
}

// PaymentIntentSearchParams are the params of PaymentIntents.Search and PaymentIntents.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type PaymentIntentSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the payment intents matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/search
func (s *PaymentIntentsService) Search(ctx context.Context, params *PaymentIntentSearchParams) (*SearchResult[PaymentIntent], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[PaymentIntent])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/payment_intents/search", params, page))
}

// SearchAll iterates over every PaymentIntent matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/payment_intents/search
func (s *PaymentIntentsService) SearchAll(ctx context.Context, params *PaymentIntentSearchParams) iter.Seq2[*PaymentIntent, error] {
	return searchAll(ctx, params, s.Search)
}
