package stripe

import (
	"context"
	"iter"
	"net/http"
)

// SubscriptionsService manages subscriptions: https://docs.stripe.com/api/subscriptions
type SubscriptionsService struct{ c *Client }

// SubscriptionStatus is the state of a subscription.
type SubscriptionStatus string

// Subscription statuses.
const (
	SubscriptionStatusActive            SubscriptionStatus = "active"
	SubscriptionStatusCanceled          SubscriptionStatus = "canceled"
	SubscriptionStatusIncomplete        SubscriptionStatus = "incomplete"
	SubscriptionStatusIncompleteExpired SubscriptionStatus = "incomplete_expired"
	SubscriptionStatusPastDue           SubscriptionStatus = "past_due"
	SubscriptionStatusPaused            SubscriptionStatus = "paused"
	SubscriptionStatusTrialing          SubscriptionStatus = "trialing"
	SubscriptionStatusUnpaid            SubscriptionStatus = "unpaid"

	// SubscriptionStatusAll is a List filter only: every status, canceled
	// included (by default List omits canceled subscriptions).
	SubscriptionStatusAll SubscriptionStatus = "all"
	// SubscriptionStatusEnded is a List filter only: canceled and
	// incomplete_expired subscriptions.
	SubscriptionStatusEnded SubscriptionStatus = "ended"
)

// ProrationBehavior says how Stripe prorates a subscription change.
type ProrationBehavior string

// Proration behaviors.
const (
	ProrationBehaviorAlwaysInvoice    ProrationBehavior = "always_invoice"
	ProrationBehaviorCreateProrations ProrationBehavior = "create_prorations"
	ProrationBehaviorNone             ProrationBehavior = "none"
)

// SubscriptionPaymentBehavior says what happens when a subscription's
// payment needs customer action or fails.
type SubscriptionPaymentBehavior string

// Subscription payment behaviors.
const (
	SubscriptionPaymentBehaviorAllowIncomplete     SubscriptionPaymentBehavior = "allow_incomplete"
	SubscriptionPaymentBehaviorDefaultIncomplete   SubscriptionPaymentBehavior = "default_incomplete"
	SubscriptionPaymentBehaviorErrorIfIncomplete   SubscriptionPaymentBehavior = "error_if_incomplete"
	SubscriptionPaymentBehaviorPendingIfIncomplete SubscriptionPaymentBehavior = "pending_if_incomplete"
)

// Subscription is a Stripe subscription object.
type Subscription struct {
	ID                       string                                `json:"id"`
	Object                   string                                `json:"object"`
	Application              Expandable[ObjectRef]                 `json:"application"`
	ApplicationFeePercent    float64                               `json:"application_fee_percent"`
	AutomaticTax             SubscriptionAutomaticTax              `json:"automatic_tax"`
	BillingCycleAnchor       int64                                 `json:"billing_cycle_anchor"`
	BillingCycleAnchorConfig *SubscriptionBillingCycleAnchorConfig `json:"billing_cycle_anchor_config"`
	BillingMode              SubscriptionBillingMode               `json:"billing_mode"`
	BillingSchedules         []SubscriptionBillingSchedule         `json:"billing_schedules"`
	BillingThresholds        *SubscriptionBillingThresholds        `json:"billing_thresholds"`
	CancelAt                 int64                                 `json:"cancel_at"`
	CancelAtPeriodEnd        bool                                  `json:"cancel_at_period_end"`
	CanceledAt               int64                                 `json:"canceled_at"`
	CancellationDetails      *SubscriptionCancellationDetails      `json:"cancellation_details"`
	CollectionMethod         CollectionMethod                      `json:"collection_method"`
	Created                  int64                                 `json:"created"`
	Currency                 string                                `json:"currency"`
	Customer                 Expandable[Customer]                  `json:"customer"`
	CustomerAccount          string                                `json:"customer_account"`
	DaysUntilDue             int64                                 `json:"days_until_due"`
	DefaultPaymentMethod     Expandable[PaymentMethod]             `json:"default_payment_method"`
	DefaultSource            Expandable[Card]                      `json:"default_source"`
	// DefaultTaxRates are the tax rates of items without their own.
	DefaultTaxRates []TaxRate `json:"default_tax_rates"`
	Description     string    `json:"description"`
	// Discounts apply to every item; expandable.
	Discounts       []Expandable[Discount]      `json:"discounts"`
	EndedAt         int64                       `json:"ended_at"`
	InvoiceSettings SubscriptionInvoiceSettings `json:"invoice_settings"`
	// Items holds the first page of the subscription's items.
	Items                         List[SubscriptionItem]                  `json:"items"`
	LatestInvoice                 Expandable[Invoice]                     `json:"latest_invoice"`
	Livemode                      bool                                    `json:"livemode"`
	ManagedPayments               *ManagedPayments                        `json:"managed_payments"`
	Metadata                      map[string]string                       `json:"metadata"`
	NextPendingInvoiceItemInvoice int64                                   `json:"next_pending_invoice_item_invoice"`
	OnBehalfOf                    Expandable[ObjectRef]                   `json:"on_behalf_of"`
	PauseCollection               *SubscriptionPauseCollection            `json:"pause_collection"`
	PaymentSettings               *SubscriptionPaymentSettings            `json:"payment_settings"`
	PendingInvoiceItemInterval    *SubscriptionPendingInvoiceItemInterval `json:"pending_invoice_item_interval"`
	// PendingSetupIntent collects a payment method when the first invoice
	// needs no payment (for example during a trial).
	PendingSetupIntent Expandable[SetupIntent]         `json:"pending_setup_intent"`
	PendingUpdate      *SubscriptionPendingUpdate      `json:"pending_update"`
	PresentmentDetails *SubscriptionPresentmentDetails `json:"presentment_details"`
	Schedule           Expandable[ObjectRef]           `json:"schedule"`
	StartDate          int64                           `json:"start_date"`
	Status             SubscriptionStatus              `json:"status"`
	TestClock          Expandable[ObjectRef]           `json:"test_clock"`
	TransferData       *SubscriptionTransferData       `json:"transfer_data"`
	TrialEnd           int64                           `json:"trial_end"`
	TrialSettings      *SubscriptionTrialSettings      `json:"trial_settings"`
	TrialStart         int64                           `json:"trial_start"`
}

// SubscriptionItem is one price a subscription bills, with its quantity.
// Since API version 2025-03-31 the current period lives on each item.
type SubscriptionItem struct {
	ID                 string                             `json:"id"`
	Object             string                             `json:"object"`
	BilledUntil        int64                              `json:"billed_until"`
	BillingThresholds  *SubscriptionItemBillingThresholds `json:"billing_thresholds"`
	Created            int64                              `json:"created"`
	CurrentPeriodEnd   int64                              `json:"current_period_end"`
	CurrentPeriodStart int64                              `json:"current_period_start"`
	// Discounts apply to this item; expandable.
	Discounts []Expandable[Discount] `json:"discounts"`
	Metadata  map[string]string      `json:"metadata"`
	Price     Price                  `json:"price"`
	Quantity  int64                  `json:"quantity"`
	// Subscription is the ID of the subscription the item belongs to.
	Subscription string `json:"subscription"`
	// TaxRates apply to this item.
	TaxRates []TaxRate `json:"tax_rates"`
}

// SubscriptionAutomaticTax is a subscription's automatic tax setting.
type SubscriptionAutomaticTax struct {
	DisabledReason string         `json:"disabled_reason"`
	Enabled        bool           `json:"enabled"`
	Liability      *InvoiceIssuer `json:"liability"`
}

// SubscriptionBillingCycleAnchorConfig fixes the billing cycle anchor to a
// day of the month (and optionally a month and time).
type SubscriptionBillingCycleAnchorConfig struct {
	DayOfMonth int64 `json:"day_of_month"`
	Hour       int64 `json:"hour"`
	Minute     int64 `json:"minute"`
	Month      int64 `json:"month"`
	Second     int64 `json:"second"`
}

// SubscriptionBillingMode is how a subscription's billing is computed: Type
// is "classic" or "flexible".
type SubscriptionBillingMode struct {
	Flexible  *SubscriptionBillingModeFlexible `json:"flexible"`
	Type      string                           `json:"type"`
	UpdatedAt int64                            `json:"updated_at"`
}

// SubscriptionBillingModeFlexible configures flexible billing mode.
type SubscriptionBillingModeFlexible struct {
	ProrationDiscounts string `json:"proration_discounts"`
}

// SubscriptionCancellationDetails says why a subscription was canceled.
type SubscriptionCancellationDetails struct {
	Comment  string `json:"comment"`
	Feedback string `json:"feedback"`
	Reason   string `json:"reason"`
}

// SubscriptionInvoiceSettings are the settings of a subscription's invoices.
type SubscriptionInvoiceSettings struct {
	CustomFields []InvoiceCustomField `json:"custom_fields"`
	Description  string               `json:"description"`
	Footer       string               `json:"footer"`
	Issuer       InvoiceIssuer        `json:"issuer"`
}

// SubscriptionPauseCollection says how invoices are handled while payment
// collection is paused.
type SubscriptionPauseCollection struct {
	Behavior  string `json:"behavior"`
	ResumesAt int64  `json:"resumes_at"`
}

// SubscriptionTrialSettings says what happens when a trial ends.
type SubscriptionTrialSettings struct {
	EndBehavior SubscriptionTrialEndBehavior `json:"end_behavior"`
}

// SubscriptionTrialEndBehavior says what happens to a trial that ends
// without a payment method: MissingPaymentMethod is cancel, create_invoice
// or pause.
type SubscriptionTrialEndBehavior struct {
	MissingPaymentMethod string `json:"missing_payment_method"`
}

// SubscriptionItemParams is one element of a new subscription's items:
// items[0][price]=..., items[0][quantity]=... Subscriptions.Update takes
// SubscriptionUpdateItemParams, which can also select and delete items.
type SubscriptionItemParams struct {
	Metadata  Metadata                         `url:"metadata,omitempty"`
	Price     *string                          `url:"price,omitempty"`
	PriceData *SubscriptionItemPriceDataParams `url:"price_data,omitempty"`
	Quantity  *int64                           `url:"quantity,omitempty"`
	TaxRates  Array[string]                    `url:"tax_rates,omitempty"`
}

// SubscriptionUpdateItemParams is one element of the items of
// Subscriptions.Update: with ID it changes (Price, Quantity, ...) or, with
// Deleted, removes an existing item; without ID it adds one.
type SubscriptionUpdateItemParams struct {
	// ClearUsage, with Deleted, drops the usage of a metered item.
	ClearUsage *bool                            `url:"clear_usage,omitempty"`
	Deleted    *bool                            `url:"deleted,omitempty"`
	ID         *string                          `url:"id,omitempty"`
	Metadata   Metadata                         `url:"metadata,omitempty"`
	Price      *string                          `url:"price,omitempty"`
	PriceData  *SubscriptionItemPriceDataParams `url:"price_data,omitempty"`
	Quantity   *int64                           `url:"quantity,omitempty"`
	TaxRates   Array[string]                    `url:"tax_rates,omitempty"`
}

// SubscriptionItemPriceDataParams is an inline recurring price for a
// subscription item.
type SubscriptionItemPriceDataParams struct {
	Currency          *string                   `url:"currency,omitempty"`
	Product           *string                   `url:"product,omitempty"`
	Recurring         *PriceDataRecurringParams `url:"recurring,omitempty"`
	TaxBehavior       *PriceTaxBehavior         `url:"tax_behavior,omitempty"`
	UnitAmount        *int64                    `url:"unit_amount,omitempty"`
	UnitAmountDecimal *string                   `url:"unit_amount_decimal,omitempty"`
}

// SubscriptionPaymentSettingsParams sets how a subscription's invoices are
// paid.
type SubscriptionPaymentSettingsParams struct {
	PaymentMethodTypes Array[string] `url:"payment_method_types,omitempty"`
	// SaveDefaultPaymentMethod is "on_subscription" to save the payment
	// method that pays the first invoice as the subscription's default.
	SaveDefaultPaymentMethod *string `url:"save_default_payment_method,omitempty"`
}

// SubscriptionCancellationDetailsParams records why a subscription is
// canceled. Feedback is one of Stripe's feedback values (too_expensive, ...).
type SubscriptionCancellationDetailsParams struct {
	Comment  *string `url:"comment,omitempty"`
	Feedback *string `url:"feedback,omitempty"`
}

// SubscriptionPauseCollectionParams pauses payment collection: Behavior is
// keep_as_draft, mark_uncollectible or void.
type SubscriptionPauseCollectionParams struct {
	Behavior  *string `url:"behavior,omitempty"`
	ResumesAt *int64  `url:"resumes_at,omitempty"`
}

// SubscriptionCreateParams are the params of Subscriptions.Create.
type SubscriptionCreateParams struct {
	Params
	// Customer is the customer to subscribe (Stripe requires it).
	Customer *string `url:"customer,omitempty"`
	// Items are the prices to bill, at least one.
	Items                    Array[SubscriptionItemParams]               `url:"items,omitempty"`
	AddInvoiceItems          Array[SubscriptionAddInvoiceItemParams]     `url:"add_invoice_items,omitempty"`
	ApplicationFeePercent    *float64                                    `url:"application_fee_percent,omitempty"`
	AutomaticTax             *InvoiceAutomaticTaxParams                  `url:"automatic_tax,omitempty"`
	BackdateStartDate        *int64                                      `url:"backdate_start_date,omitempty"`
	BillingCycleAnchor       *int64                                      `url:"billing_cycle_anchor,omitempty"`
	BillingCycleAnchorConfig *SubscriptionBillingCycleAnchorConfigParams `url:"billing_cycle_anchor_config,omitempty"`
	BillingMode              *SubscriptionBillingModeParams              `url:"billing_mode,omitempty"`
	BillingThresholds        *SubscriptionBillingThresholdsParams        `url:"billing_thresholds,omitempty"`
	// CancelAt is a Unix time, or Keyword("max_period_end"),
	// Keyword("min_period_end") or Keyword("max_billed_until").
	CancelAt          Union             `url:"cancel_at,omitempty"`
	CancelAtPeriodEnd *bool             `url:"cancel_at_period_end,omitempty"`
	CollectionMethod  *CollectionMethod `url:"collection_method,omitempty"`
	Currency          *string           `url:"currency,omitempty"`
	CustomerAccount   *string           `url:"customer_account,omitempty"`
	// DaysUntilDue applies to CollectionMethodSendInvoice.
	DaysUntilDue               *int64                                        `url:"days_until_due,omitempty"`
	DefaultPaymentMethod       *string                                       `url:"default_payment_method,omitempty"`
	DefaultSource              *string                                       `url:"default_source,omitempty"`
	DefaultTaxRates            Array[string]                                 `url:"default_tax_rates,omitempty"`
	Description                *string                                       `url:"description,omitempty"`
	InvoiceSettings            *SubscriptionInvoiceSettingsParams            `url:"invoice_settings,omitempty"`
	Metadata                   Metadata                                      `url:"metadata,omitempty"`
	OffSession                 *bool                                         `url:"off_session,omitempty"`
	OnBehalfOf                 *string                                       `url:"on_behalf_of,omitempty"`
	PaymentBehavior            *SubscriptionPaymentBehavior                  `url:"payment_behavior,omitempty"`
	PaymentSettings            *SubscriptionPaymentSettingsParams            `url:"payment_settings,omitempty"`
	PendingInvoiceItemInterval *SubscriptionPendingInvoiceItemIntervalParams `url:"pending_invoice_item_interval,omitempty"`
	ProrationBehavior          *ProrationBehavior                            `url:"proration_behavior,omitempty"`
	TransferData               *SubscriptionTransferDataParams               `url:"transfer_data,omitempty"`
	// TrialEnd is a Unix time ending the trial (Int), or Keyword("now")
	// to end it at once.
	TrialEnd        Union                            `url:"trial_end,omitempty"`
	TrialFromPlan   *bool                            `url:"trial_from_plan,omitempty"`
	TrialPeriodDays *int64                           `url:"trial_period_days,omitempty"`
	TrialSettings   *SubscriptionTrialSettingsParams `url:"trial_settings,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// SubscriptionGetParams are the params of Subscriptions.Get.
type SubscriptionGetParams struct {
	Params
}

// SubscriptionUpdateParams are the params of Subscriptions.Update. Only
// fields set are changed; a pointer to "" clears a string field.
type SubscriptionUpdateParams struct {
	Params
	// Items adds (Price), changes (ID with Price or Quantity) or removes
	// (ID with Deleted) subscription items.
	Items                 Array[SubscriptionUpdateItemParams]     `url:"items,omitempty"`
	AddInvoiceItems       Array[SubscriptionAddInvoiceItemParams] `url:"add_invoice_items,omitempty"`
	ApplicationFeePercent *float64                                `url:"application_fee_percent,omitempty"`
	AutomaticTax          *InvoiceAutomaticTaxParams              `url:"automatic_tax,omitempty"`
	// BillingCycleAnchor is "now" to reset the cycle, or "unchanged".
	BillingCycleAnchor *string                              `url:"billing_cycle_anchor,omitempty"`
	BillingThresholds  *SubscriptionBillingThresholdsParams `url:"billing_thresholds,omitempty"`
	// CancelAt is a Unix time, or Keyword("max_period_end"),
	// Keyword("min_period_end") or Keyword("max_billed_until");
	// Keyword("") clears it.
	CancelAt                   Union                                         `url:"cancel_at,omitempty"`
	CancelAtPeriodEnd          *bool                                         `url:"cancel_at_period_end,omitempty"`
	CancellationDetails        *SubscriptionCancellationDetailsParams        `url:"cancellation_details,omitempty"`
	CollectionMethod           *CollectionMethod                             `url:"collection_method,omitempty"`
	DaysUntilDue               *int64                                        `url:"days_until_due,omitempty"`
	DefaultPaymentMethod       *string                                       `url:"default_payment_method,omitempty"`
	DefaultSource              *string                                       `url:"default_source,omitempty"`
	DefaultTaxRates            Array[string]                                 `url:"default_tax_rates,omitempty"`
	Description                *string                                       `url:"description,omitempty"`
	InvoiceSettings            *SubscriptionInvoiceSettingsParams            `url:"invoice_settings,omitempty"`
	Metadata                   Metadata                                      `url:"metadata,omitempty"`
	OffSession                 *bool                                         `url:"off_session,omitempty"`
	OnBehalfOf                 *string                                       `url:"on_behalf_of,omitempty"`
	PauseCollection            *SubscriptionPauseCollectionParams            `url:"pause_collection,omitempty"`
	PaymentBehavior            *SubscriptionPaymentBehavior                  `url:"payment_behavior,omitempty"`
	PaymentSettings            *SubscriptionPaymentSettingsParams            `url:"payment_settings,omitempty"`
	PendingInvoiceItemInterval *SubscriptionPendingInvoiceItemIntervalParams `url:"pending_invoice_item_interval,omitempty"`
	ProrationBehavior          *ProrationBehavior                            `url:"proration_behavior,omitempty"`
	// ProrationDate is the Unix time prorations are computed as of.
	ProrationDate *int64                          `url:"proration_date,omitempty"`
	TransferData  *SubscriptionTransferDataParams `url:"transfer_data,omitempty"`
	// TrialEnd is a Unix time ending the trial (Int), or Keyword("now")
	// to end it at once.
	TrialEnd      Union                            `url:"trial_end,omitempty"`
	TrialFromPlan *bool                            `url:"trial_from_plan,omitempty"`
	TrialSettings *SubscriptionTrialSettingsParams `url:"trial_settings,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// SubscriptionCancelParams are the params of Subscriptions.Cancel. They are
// sent in the query string of the DELETE request.
type SubscriptionCancelParams struct {
	Params
	CancellationDetails *SubscriptionCancellationDetailsParams `url:"cancellation_details,omitempty"`
	// InvoiceNow invoices pending usage and prorations now.
	InvoiceNow *bool `url:"invoice_now,omitempty"`
	// Prorate credits the unused time as a proration invoice item.
	Prorate *bool `url:"prorate,omitempty"`
}

// SubscriptionResumeParams are the params of Subscriptions.Resume.
type SubscriptionResumeParams struct {
	Params
	// BillingCycleAnchor is "now" (the default) or "unchanged".
	BillingCycleAnchor *string            `url:"billing_cycle_anchor,omitempty"`
	ProrationBehavior  *ProrationBehavior `url:"proration_behavior,omitempty"`
	ProrationDate      *int64             `url:"proration_date,omitempty"`
}

// SubscriptionListParams are the params of Subscriptions.List and
// Subscriptions.All.
type SubscriptionListParams struct {
	Params
	ListParams
	AutomaticTax       *SubscriptionListAutomaticTaxParams `url:"automatic_tax,omitempty"`
	CollectionMethod   *CollectionMethod                   `url:"collection_method,omitempty"`
	CustomerAccount    *string                             `url:"customer_account,omitempty"`
	Created            *RangeQuery                         `url:"created,omitempty"`
	CurrentPeriodEnd   *RangeQuery                         `url:"current_period_end,omitempty"`
	CurrentPeriodStart *RangeQuery                         `url:"current_period_start,omitempty"`
	Customer           *string                             `url:"customer,omitempty"`
	// Price filters to subscriptions that bill this price.
	Price *string `url:"price,omitempty"`
	// Status filters by status; without it canceled subscriptions are
	// left out. SubscriptionStatusAll and SubscriptionStatusEnded also work.
	Status    *SubscriptionStatus `url:"status,omitempty"`
	TestClock *string             `url:"test_clock,omitempty"`
}

// Create subscribes a customer to one or more prices.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/create
func (s *SubscriptionsService) Create(ctx context.Context, params *SubscriptionCreateParams) (*Subscription, error) {
	sub := new(Subscription)
	return orNil(sub, s.c.call(ctx, http.MethodPost, "/v1/subscriptions", params, sub))
}

// Get retrieves a subscription. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/retrieve
func (s *SubscriptionsService) Get(ctx context.Context, id string, params *SubscriptionGetParams) (*Subscription, error) {
	path, err := pathf("/v1/subscriptions/%s", id)
	if err != nil {
		return nil, err
	}
	sub := new(Subscription)
	return orNil(sub, s.c.call(ctx, http.MethodGet, path, params, sub))
}

// Update changes the fields params sets on a subscription.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/update
func (s *SubscriptionsService) Update(ctx context.Context, id string, params *SubscriptionUpdateParams) (*Subscription, error) {
	path, err := pathf("/v1/subscriptions/%s", id)
	if err != nil {
		return nil, err
	}
	sub := new(Subscription)
	return orNil(sub, s.c.call(ctx, http.MethodPost, path, params, sub))
}

// Cancel cancels a subscription now. To cancel at the end of the period,
// Update with CancelAtPeriodEnd instead. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/cancel
func (s *SubscriptionsService) Cancel(ctx context.Context, id string, params *SubscriptionCancelParams) (*Subscription, error) {
	path, err := pathf("/v1/subscriptions/%s", id)
	if err != nil {
		return nil, err
	}
	sub := new(Subscription)
	return orNil(sub, s.c.call(ctx, http.MethodDelete, path, params, sub))
}

// Resume resumes a paused subscription. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/resume
func (s *SubscriptionsService) Resume(ctx context.Context, id string, params *SubscriptionResumeParams) (*Subscription, error) {
	path, err := pathf("/v1/subscriptions/%s/resume", id)
	if err != nil {
		return nil, err
	}
	sub := new(Subscription)
	return orNil(sub, s.c.call(ctx, http.MethodPost, path, params, sub))
}

// List returns one page of subscriptions, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/list
func (s *SubscriptionsService) List(ctx context.Context, params *SubscriptionListParams) (*List[Subscription], error) {
	page := new(List[Subscription])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/subscriptions", params, page))
}

// All iterates over every subscription matching params, fetching pages
// lazily as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/list
func (s *SubscriptionsService) All(ctx context.Context, params *SubscriptionListParams) iter.Seq2[*Subscription, error] {
	return listAll(ctx, params, s.List)
}

// SubscriptionSearchParams are the params of Subscriptions.Search and Subscriptions.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type SubscriptionSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the subscriptions matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/search
func (s *SubscriptionsService) Search(ctx context.Context, params *SubscriptionSearchParams) (*SearchResult[Subscription], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Subscription])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/subscriptions/search", params, page))
}

// SearchAll iterates over every Subscription matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/subscriptions/search
func (s *SubscriptionsService) SearchAll(ctx context.Context, params *SubscriptionSearchParams) iter.Seq2[*Subscription, error] {
	return searchAll(ctx, params, s.Search)
}
