package stripe

import (
	"context"
	"iter"
	"net/http"
)

// InvoicesService manages invoices: https://docs.stripe.com/api/invoices
type InvoicesService struct{ c *Client }

// InvoiceStatus is the state of an invoice.
type InvoiceStatus string

// Invoice statuses.
const (
	InvoiceStatusDraft         InvoiceStatus = "draft"
	InvoiceStatusOpen          InvoiceStatus = "open"
	InvoiceStatusPaid          InvoiceStatus = "paid"
	InvoiceStatusUncollectible InvoiceStatus = "uncollectible"
	InvoiceStatusVoid          InvoiceStatus = "void"
)

// CollectionMethod is how an invoice or subscription is collected.
type CollectionMethod string

// Collection methods.
const (
	// CollectionMethodChargeAutomatically charges the default payment method.
	CollectionMethodChargeAutomatically CollectionMethod = "charge_automatically"
	// CollectionMethodSendInvoice emails the invoice for the customer to pay.
	CollectionMethodSendInvoice CollectionMethod = "send_invoice"
)

// InvoiceBillingReason says why an invoice was created.
type InvoiceBillingReason string

// Invoice billing reasons.
const (
	InvoiceBillingReasonAutomaticPendingInvoiceItemInvoice InvoiceBillingReason = "automatic_pending_invoice_item_invoice"
	InvoiceBillingReasonManual                             InvoiceBillingReason = "manual"
	InvoiceBillingReasonQuoteAccept                        InvoiceBillingReason = "quote_accept"
	InvoiceBillingReasonSubscription                       InvoiceBillingReason = "subscription"
	InvoiceBillingReasonSubscriptionCreate                 InvoiceBillingReason = "subscription_create"
	InvoiceBillingReasonSubscriptionCycle                  InvoiceBillingReason = "subscription_cycle"
	InvoiceBillingReasonSubscriptionThreshold              InvoiceBillingReason = "subscription_threshold"
	InvoiceBillingReasonSubscriptionUpdate                 InvoiceBillingReason = "subscription_update"
	InvoiceBillingReasonUpcoming                           InvoiceBillingReason = "upcoming"
)

// InvoicePendingInvoiceItemsBehavior says whether a new invoice pulls in the
// customer's pending invoice items.
type InvoicePendingInvoiceItemsBehavior string

// Pending invoice items behaviors.
const (
	InvoicePendingInvoiceItemsBehaviorExclude InvoicePendingInvoiceItemsBehavior = "exclude"
	InvoicePendingInvoiceItemsBehaviorInclude InvoicePendingInvoiceItemsBehavior = "include"
)

// Invoice is a Stripe invoice object.
type Invoice struct {
	ID                       string                `json:"id"`
	Object                   string                `json:"object"`
	AccountCountry           string                `json:"account_country"`
	AccountName              string                `json:"account_name"`
	AmountDue                int64                 `json:"amount_due"`
	AmountOverpaid           int64                 `json:"amount_overpaid"`
	AmountPaid               int64                 `json:"amount_paid"`
	AmountPaidOffStripe      int64                 `json:"amount_paid_off_stripe"`
	AmountRemaining          int64                 `json:"amount_remaining"`
	AmountShipping           int64                 `json:"amount_shipping"`
	Application              Expandable[ObjectRef] `json:"application"`
	AttemptCount             int64                 `json:"attempt_count"`
	Attempted                bool                  `json:"attempted"`
	AutoAdvance              bool                  `json:"auto_advance"`
	AutomaticTax             InvoiceAutomaticTax   `json:"automatic_tax"`
	AutomaticallyFinalizesAt int64                 `json:"automatically_finalizes_at"`
	BillingReason            InvoiceBillingReason  `json:"billing_reason"`
	CollectionMethod         CollectionMethod      `json:"collection_method"`
	// ConfirmationSecret lets a client confirm the invoice's payment; it is
	// only sent when expanded.
	ConfirmationSecret    *InvoiceConfirmationSecret `json:"confirmation_secret"`
	Created               int64                      `json:"created"`
	Currency              string                     `json:"currency"`
	CustomFields          []InvoiceCustomField       `json:"custom_fields"`
	Customer              Expandable[Customer]       `json:"customer"`
	CustomerAddress       *Address                   `json:"customer_address"`
	CustomerEmail         string                     `json:"customer_email"`
	CustomerName          string                     `json:"customer_name"`
	CustomerPhone         string                     `json:"customer_phone"`
	CustomerShipping      *Shipping                  `json:"customer_shipping"`
	CustomerTaxExempt     CustomerTaxExempt          `json:"customer_tax_exempt"`
	DefaultPaymentMethod  Expandable[PaymentMethod]  `json:"default_payment_method"`
	DefaultSource         Expandable[Card]           `json:"default_source"`
	Description           string                     `json:"description"`
	DueDate               int64                      `json:"due_date"`
	EffectiveAt           int64                      `json:"effective_at"`
	EndingBalance         int64                      `json:"ending_balance"`
	Footer                string                     `json:"footer"`
	HostedInvoiceURL      string                     `json:"hosted_invoice_url"`
	InvoicePDF            string                     `json:"invoice_pdf"`
	Issuer                InvoiceIssuer              `json:"issuer"`
	LastFinalizationError *Error                     `json:"last_finalization_error"`
	// Lines holds the first page of line items.
	Lines              List[InvoiceLineItem] `json:"lines"`
	Livemode           bool                  `json:"livemode"`
	Metadata           map[string]string     `json:"metadata"`
	NextPaymentAttempt int64                 `json:"next_payment_attempt"`
	Number             string                `json:"number"`
	OnBehalfOf         Expandable[ObjectRef] `json:"on_behalf_of"`
	// Parent says what the invoice was generated for (a subscription or a
	// quote); nil for a one-off invoice.
	Parent                       *InvoiceParent           `json:"parent"`
	PaymentSettings              InvoicePaymentSettings   `json:"payment_settings"`
	PeriodEnd                    int64                    `json:"period_end"`
	PeriodStart                  int64                    `json:"period_start"`
	PostPaymentCreditNotesAmount int64                    `json:"post_payment_credit_notes_amount"`
	PrePaymentCreditNotesAmount  int64                    `json:"pre_payment_credit_notes_amount"`
	ReceiptNumber                string                   `json:"receipt_number"`
	ShippingDetails              *Shipping                `json:"shipping_details"`
	StartingBalance              int64                    `json:"starting_balance"`
	StatementDescriptor          string                   `json:"statement_descriptor"`
	Status                       InvoiceStatus            `json:"status"`
	StatusTransitions            InvoiceStatusTransitions `json:"status_transitions"`
	Subtotal                     int64                    `json:"subtotal"`
	SubtotalExcludingTax         int64                    `json:"subtotal_excluding_tax"`
	TestClock                    Expandable[ObjectRef]    `json:"test_clock"`
	Total                        int64                    `json:"total"`
	TotalDiscountAmounts         []InvoiceDiscountAmount  `json:"total_discount_amounts"`
	TotalExcludingTax            int64                    `json:"total_excluding_tax"`
	TotalTaxes                   []InvoiceTax             `json:"total_taxes"`
	WebhooksDeliveredAt          int64                    `json:"webhooks_delivered_at"`
	// AccountTaxIDs are the account's tax IDs shown on the invoice;
	// expandable.
	// expandable,
	AccountTaxIDs   []Expandable[TaxID]    `json:"account_tax_ids"`
	CustomerAccount string                 `json:"customer_account"`
	CustomerTaxIDs  []InvoiceCustomerTaxID `json:"customer_tax_ids"`
	// DefaultTaxRates apply to lines without their own.
	DefaultTaxRates []TaxRate `json:"default_tax_rates"`
	// Discounts apply to the whole invoice; expandable.
	Discounts   []Expandable[Discount] `json:"discounts"`
	FromInvoice *InvoiceFromInvoice    `json:"from_invoice"`
	// LatestRevision is the latest revision of this invoice; expandable.
	LatestRevision Expandable[Invoice] `json:"latest_revision"`
	// Payments are the payments applied to the invoice; only when expanded
	// (expand[]=payments).
	Payments                 *List[InvoicePayment]       `json:"payments"`
	Rendering                *InvoiceRendering           `json:"rendering"`
	ShippingCost             *InvoiceShippingCost        `json:"shipping_cost"`
	ThresholdReason          *InvoiceThresholdReason     `json:"threshold_reason"`
	TotalPretaxCreditAmounts []InvoicePretaxCreditAmount `json:"total_pretax_credit_amounts"`
}

// InvoiceAutomaticTax is an invoice's automatic tax settings and status.
type InvoiceAutomaticTax struct {
	DisabledReason string         `json:"disabled_reason"`
	Enabled        bool           `json:"enabled"`
	Liability      *InvoiceIssuer `json:"liability"`
	Provider       string         `json:"provider"`
	Status         string         `json:"status"`
}

// InvoiceConfirmationSecret is the client secret used to confirm an
// invoice's payment on the client side.
type InvoiceConfirmationSecret struct {
	// ClientSecret prints and encodes as "[REDACTED]"; use
	// ClientSecret.Reveal.
	ClientSecret ClientSecret `json:"client_secret"`
	Type         string       `json:"type"`
}

// InvoiceCustomField is a custom name/value pair shown on an invoice.
type InvoiceCustomField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// InvoiceIssuer is the connected account an invoice is issued by: Type is
// "self" or "account" (then Account is the account ID).
type InvoiceIssuer struct {
	// Account is the connected account, when Type is "account";
	// expandable (to an ObjectRef: accounts are not modelled).
	Account Expandable[ObjectRef] `json:"account"`
	Type    string                `json:"type"`
}

// InvoiceParent says what an invoice was generated for. Type is
// "subscription_details" or "quote_details".
type InvoiceParent struct {
	QuoteDetails        *InvoiceParentQuoteDetails        `json:"quote_details"`
	SubscriptionDetails *InvoiceParentSubscriptionDetails `json:"subscription_details"`
	Type                string                            `json:"type"`
}

// InvoiceParentQuoteDetails names the quote an invoice was created from.
type InvoiceParentQuoteDetails struct {
	Quote string `json:"quote"`
}

// InvoiceParentSubscriptionDetails names the subscription an invoice bills.
type InvoiceParentSubscriptionDetails struct {
	// Metadata is a snapshot of the subscription's metadata when the invoice
	// was finalized.
	Metadata                  map[string]string        `json:"metadata"`
	Subscription              Expandable[Subscription] `json:"subscription"`
	SubscriptionProrationDate int64                    `json:"subscription_proration_date"`
}

// InvoicePaymentSettings are the payment settings of an invoice.
type InvoicePaymentSettings struct {
	DefaultMandate     string   `json:"default_mandate"`
	PaymentMethodTypes []string `json:"payment_method_types"`
}

// InvoiceStatusTransitions holds when an invoice changed status (Unix
// seconds, zero when it has not happened).
type InvoiceStatusTransitions struct {
	FinalizedAt           int64 `json:"finalized_at"`
	MarkedUncollectibleAt int64 `json:"marked_uncollectible_at"`
	PaidAt                int64 `json:"paid_at"`
	VoidedAt              int64 `json:"voided_at"`
}

// InvoiceDiscountAmount is the amount a discount took off.
type InvoiceDiscountAmount struct {
	Amount int64 `json:"amount"`
	// Discount is the discount that gave the amount; expandable.
	Discount Expandable[Discount] `json:"discount"`
}

// InvoiceTax is a tax applied to an invoice or a line item.
type InvoiceTax struct {
	Amount           int64  `json:"amount"`
	TaxBehavior      string `json:"tax_behavior"`
	TaxabilityReason string `json:"taxability_reason"`
	TaxableAmount    int64  `json:"taxable_amount"`
	Type             string `json:"type"`
}

// InvoiceLineItem is one line of an invoice.
type InvoiceLineItem struct {
	ID              string                  `json:"id"`
	Object          string                  `json:"object"`
	Amount          int64                   `json:"amount"`
	Currency        string                  `json:"currency"`
	Description     string                  `json:"description"`
	DiscountAmounts []InvoiceDiscountAmount `json:"discount_amounts"`
	Discountable    bool                    `json:"discountable"`
	// Invoice is the ID of the invoice the line belongs to.
	Invoice  string            `json:"invoice"`
	Livemode bool              `json:"livemode"`
	Metadata map[string]string `json:"metadata"`
	// Parent says what generated the line: an invoice item or a
	// subscription item.
	Parent          *InvoiceLineItemParent   `json:"parent"`
	Period          InvoiceLineItemPeriod    `json:"period"`
	Pricing         *InvoicePricing          `json:"pricing"`
	Quantity        int64                    `json:"quantity"`
	QuantityDecimal string                   `json:"quantity_decimal"`
	Subscription    Expandable[Subscription] `json:"subscription"`
	Subtotal        int64                    `json:"subtotal"`
	Taxes           []InvoiceTax             `json:"taxes"`
	// Discounts apply to this line; expandable.
	Discounts           []Expandable[Discount]      `json:"discounts"`
	PretaxCreditAmounts []InvoicePretaxCreditAmount `json:"pretax_credit_amounts"`
}

// InvoiceLineItemParent says what generated an invoice line. Type is
// "invoice_item_details" or "subscription_item_details".
type InvoiceLineItemParent struct {
	InvoiceItemDetails      *InvoiceLineItemInvoiceItemDetails      `json:"invoice_item_details"`
	SubscriptionItemDetails *InvoiceLineItemSubscriptionItemDetails `json:"subscription_item_details"`
	Type                    string                                  `json:"type"`
}

// InvoiceLineItemInvoiceItemDetails names the invoice item behind a line.
type InvoiceLineItemInvoiceItemDetails struct {
	InvoiceItem  string `json:"invoice_item"`
	Proration    bool   `json:"proration"`
	Subscription string `json:"subscription"`
}

// InvoiceLineItemSubscriptionItemDetails names the subscription item
// behind a line.
type InvoiceLineItemSubscriptionItemDetails struct {
	InvoiceItem      string `json:"invoice_item"`
	Proration        bool   `json:"proration"`
	Subscription     string `json:"subscription"`
	SubscriptionItem string `json:"subscription_item"`
}

// InvoiceLineItemPeriod is a billing period in Unix seconds.
type InvoiceLineItemPeriod struct {
	Start int64 `json:"start"`
	End   int64 `json:"end"`
}

// InvoicePricing is how an invoice line or invoice item is priced. Type
// is "price_details".
type InvoicePricing struct {
	PriceDetails      *InvoicePricingPriceDetails `json:"price_details"`
	Type              string                      `json:"type"`
	UnitAmountDecimal string                      `json:"unit_amount_decimal"`
}

// InvoicePricingPriceDetails names the price and product behind a line.
type InvoicePricingPriceDetails struct {
	Price   Expandable[Price] `json:"price"`
	Product string            `json:"product"`
}

// InvoiceAutomaticTaxParams turns automatic tax calculation on or off, of
// an invoice or a subscription.
type InvoiceAutomaticTaxParams struct {
	Enabled *bool `url:"enabled,omitempty"`
	// Liability is the account liable for tax.
	Liability *InvoiceIssuerParams `url:"liability,omitempty"`
}

// InvoiceIssuerParams names an account: Type is "self" or "account" (then
// Account is the connected account's ID).
type InvoiceIssuerParams struct {
	Account *string `url:"account,omitempty"`
	Type    *string `url:"type,omitempty"`
}

// InvoiceCustomFieldParams is a custom name/value pair to show on an invoice.
type InvoiceCustomFieldParams struct {
	Name  *string `url:"name,omitempty"`
	Value *string `url:"value,omitempty"`
}

// InvoiceCreateParams are the params of Invoices.Create.
type InvoiceCreateParams struct {
	Params
	ApplicationFeeAmount *int64 `url:"application_fee_amount,omitempty"`
	// AutoAdvance controls whether Stripe finalizes the draft automatically
	// about an hour after creation; set Ptr(false) to keep it a draft.
	AutoAdvance              *bool                           `url:"auto_advance,omitempty"`
	AutomaticTax             *InvoiceAutomaticTaxParams      `url:"automatic_tax,omitempty"`
	AutomaticallyFinalizesAt *int64                          `url:"automatically_finalizes_at,omitempty"`
	CollectionMethod         *CollectionMethod               `url:"collection_method,omitempty"`
	Currency                 *string                         `url:"currency,omitempty"`
	CustomFields             Array[InvoiceCustomFieldParams] `url:"custom_fields,omitempty"`
	Customer                 *string                         `url:"customer,omitempty"`
	// DaysUntilDue sets the due date for CollectionMethodSendInvoice.
	DaysUntilDue         *int64        `url:"days_until_due,omitempty"`
	DefaultPaymentMethod *string       `url:"default_payment_method,omitempty"`
	DefaultSource        *string       `url:"default_source,omitempty"`
	DefaultTaxRates      Array[string] `url:"default_tax_rates,omitempty"`
	Description          *string       `url:"description,omitempty"`
	// DueDate is a Unix timestamp, for CollectionMethodSendInvoice.
	DueDate     *int64   `url:"due_date,omitempty"`
	EffectiveAt *int64   `url:"effective_at,omitempty"`
	Footer      *string  `url:"footer,omitempty"`
	Metadata    Metadata `url:"metadata,omitempty"`
	Number      *string  `url:"number,omitempty"`
	OnBehalfOf  *string  `url:"on_behalf_of,omitempty"`
	// PendingInvoiceItemsBehavior says whether the customer's pending
	// invoice items are pulled in (Stripe's default is exclude).
	PendingInvoiceItemsBehavior *InvoicePendingInvoiceItemsBehavior `url:"pending_invoice_items_behavior,omitempty"`
	StatementDescriptor         *string                             `url:"statement_descriptor,omitempty"`
	// Subscription bills the subscription's pending invoice items.
	Subscription *string `url:"subscription,omitempty"`
	// AccountTaxIDs are the account tax IDs (txi_...) to show on the
	// invoice.
	AccountTaxIDs Array[string] `url:"account_tax_ids,omitempty"`
	// Issuer is the account the invoice is issued by (Connect).
	Issuer          *InvoiceIssuerParams          `url:"issuer,omitempty"`
	PaymentSettings *InvoicePaymentSettingsParams `url:"payment_settings,omitempty"`
	Rendering       *InvoiceRenderingParams       `url:"rendering,omitempty"`
	ShippingCost    *InvoiceShippingCostParams    `url:"shipping_cost,omitempty"`
	ShippingDetails *InvoiceShippingDetailsParams `url:"shipping_details,omitempty"`
	TransferData    *InvoiceTransferDataParams    `url:"transfer_data,omitempty"`
	CustomerAccount *string                       `url:"customer_account,omitempty"`
	FromInvoice     *InvoiceFromInvoiceParams     `url:"from_invoice,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// InvoiceGetParams are the params of Invoices.Get.
type InvoiceGetParams struct {
	Params
}

// InvoiceUpdateParams are the params of Invoices.Update. Only fields set are
// changed; a pointer to "" clears a string field.
type InvoiceUpdateParams struct {
	Params
	ApplicationFeeAmount     *int64                          `url:"application_fee_amount,omitempty"`
	AutoAdvance              *bool                           `url:"auto_advance,omitempty"`
	AutomaticTax             *InvoiceAutomaticTaxParams      `url:"automatic_tax,omitempty"`
	AutomaticallyFinalizesAt *int64                          `url:"automatically_finalizes_at,omitempty"`
	CollectionMethod         *CollectionMethod               `url:"collection_method,omitempty"`
	CustomFields             Array[InvoiceCustomFieldParams] `url:"custom_fields,omitempty"`
	DaysUntilDue             *int64                          `url:"days_until_due,omitempty"`
	DefaultPaymentMethod     *string                         `url:"default_payment_method,omitempty"`
	DefaultSource            *string                         `url:"default_source,omitempty"`
	DefaultTaxRates          Array[string]                   `url:"default_tax_rates,omitempty"`
	Description              *string                         `url:"description,omitempty"`
	DueDate                  *int64                          `url:"due_date,omitempty"`
	Footer                   *string                         `url:"footer,omitempty"`
	Metadata                 Metadata                        `url:"metadata,omitempty"`
	Number                   *string                         `url:"number,omitempty"`
	OnBehalfOf               *string                         `url:"on_behalf_of,omitempty"`
	StatementDescriptor      *string                         `url:"statement_descriptor,omitempty"`
	// AccountTaxIDs are the account tax IDs (txi_...) to show on the
	// invoice.
	AccountTaxIDs Array[string] `url:"account_tax_ids,omitempty"`
	// Issuer is the account the invoice is issued by (Connect).
	Issuer          *InvoiceIssuerParams          `url:"issuer,omitempty"`
	PaymentSettings *InvoicePaymentSettingsParams `url:"payment_settings,omitempty"`
	Rendering       *InvoiceRenderingParams       `url:"rendering,omitempty"`
	ShippingCost    *InvoiceShippingCostParams    `url:"shipping_cost,omitempty"`
	ShippingDetails *InvoiceShippingDetailsParams `url:"shipping_details,omitempty"`
	TransferData    *InvoiceTransferDataParams    `url:"transfer_data,omitempty"`
	// EffectiveAt is the Unix time the invoice is dated as of once
	// finalized.
	EffectiveAt *int64 `url:"effective_at,omitempty"`
	// Discounts replace the discounts applied (coupon, discount or
	// promotion code each).
	Discounts Array[DiscountParams] `url:"discounts,omitempty"`
}

// InvoiceListParams are the params of Invoices.List and Invoices.All.
type InvoiceListParams struct {
	Params
	ListParams
	CollectionMethod *CollectionMethod `url:"collection_method,omitempty"`
	Created          *RangeQuery       `url:"created,omitempty"`
	Customer         *string           `url:"customer,omitempty"`
	DueDate          *RangeQuery       `url:"due_date,omitempty"`
	Status           *InvoiceStatus    `url:"status,omitempty"`
	Subscription     *string           `url:"subscription,omitempty"`
	CustomerAccount  *string           `url:"customer_account,omitempty"`
}

// InvoiceFinalizeParams are the params of Invoices.Finalize.
type InvoiceFinalizeParams struct {
	Params
	// AutoAdvance controls whether Stripe then collects the invoice
	// automatically.
	AutoAdvance *bool `url:"auto_advance,omitempty"`
}

// InvoiceSendParams are the params of Invoices.Send.
type InvoiceSendParams struct {
	Params
}

// InvoiceVoidParams are the params of Invoices.Void.
type InvoiceVoidParams struct {
	Params
}

// InvoicePayParams are the params of Invoices.Pay.
type InvoicePayParams struct {
	Params
	// Forgive marks the invoice paid even if the payment covers only part
	// of the amount due.
	Forgive *bool   `url:"forgive,omitempty"`
	Mandate *string `url:"mandate,omitempty"`
	// OffSession says the customer is not present to authenticate.
	OffSession *bool `url:"off_session,omitempty"`
	// PaidOutOfBand marks the invoice paid outside Stripe (cash, check).
	PaidOutOfBand *bool   `url:"paid_out_of_band,omitempty"`
	PaymentMethod *string `url:"payment_method,omitempty"`
	Source        *string `url:"source,omitempty"`
}

// InvoiceDeleteParams are the params of Invoices.Delete; they carry only the
// per-request options (StripeAccount for Connect). params may be nil.
type InvoiceDeleteParams struct {
	RequestOptions
}

// Create creates an invoice, by default a draft. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/create
func (s *InvoicesService) Create(ctx context.Context, params *InvoiceCreateParams) (*Invoice, error) {
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, "/v1/invoices", params, inv))
}

// Get retrieves an invoice. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/retrieve
func (s *InvoicesService) Get(ctx context.Context, id string, params *InvoiceGetParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodGet, path, params, inv))
}

// Update changes the fields params sets on an invoice. Once an invoice is
// finalized, only some fields can change.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/update
func (s *InvoicesService) Update(ctx context.Context, id string, params *InvoiceUpdateParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// Delete permanently deletes a draft invoice. Finalized invoices cannot be
// deleted; void them instead. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/delete
func (s *InvoicesService) Delete(ctx context.Context, id string, params *InvoiceDeleteParams) (*Deleted, error) {
	path, err := pathf("/v1/invoices/%s", id)
	if err != nil {
		return nil, err
	}
	d := new(Deleted)
	return orNil(d, s.c.call(ctx, http.MethodDelete, path, params, d))
}

// List returns one page of invoices, newest first. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/list
func (s *InvoicesService) List(ctx context.Context, params *InvoiceListParams) (*List[Invoice], error) {
	page := new(List[Invoice])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/invoices", params, page))
}

// All iterates over every invoice matching params, fetching pages lazily
// as the loop advances. params may be nil and is not modified.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/list
func (s *InvoicesService) All(ctx context.Context, params *InvoiceListParams) iter.Seq2[*Invoice, error] {
	return listAll(ctx, params, s.List)
}

// Poller returns a Poller that delivers new invoices matching params (nil
// allowed; leave its list fields and Created unset), oldest first and each
// once, resuming at cursor: PollFromNow(), PollSince(t) or a cursor saved
// from Poller.Cursor. It is a "new invoice" trigger for a connector.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/list
func (s *InvoicesService) Poller(cursor PollCursor, params *InvoiceListParams) *Poller[Invoice] {
	return newListPoller(cursor, params, s.List)
}

// Finalize finalizes a draft invoice: it gets a number and becomes open.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/finalize
func (s *InvoicesService) Finalize(ctx context.Context, id string, params *InvoiceFinalizeParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s/finalize", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// Send emails an open invoice to the customer. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/send
func (s *InvoicesService) Send(ctx context.Context, id string, params *InvoiceSendParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s/send", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// Void voids an open invoice; it can no longer be paid. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/void
func (s *InvoicesService) Void(ctx context.Context, id string, params *InvoiceVoidParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s/void", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// Pay attempts to collect an open invoice now, or marks it paid out of band.
// params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/pay
func (s *InvoicesService) Pay(ctx context.Context, id string, params *InvoicePayParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s/pay", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// InvoiceMarkUncollectibleParams are the params of Invoices.MarkUncollectible.
type InvoiceMarkUncollectibleParams struct {
	Params
}

// MarkUncollectible marks an open invoice as uncollectible, for
// accounting; its amount stays due. params may be nil.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/mark_uncollectible
func (s *InvoicesService) MarkUncollectible(ctx context.Context, id string, params *InvoiceMarkUncollectibleParams) (*Invoice, error) {
	path, err := pathf("/v1/invoices/%s/mark_uncollectible", id)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	return orNil(inv, s.c.call(ctx, http.MethodPost, path, params, inv))
}

// InvoiceSearchParams are the params of Invoices.Search and Invoices.SearchAll.
// Query is required; build it safely with SearchQuery (see search.go).
type InvoiceSearchParams struct {
	Params
	SearchParams
}

// Search returns one page of the invoices matching params.Query, in
// Stripe's search query language. Build queries that contain user input
// with And, Or, Eq, MetadataEq, ..., which quote and escape values. Search
// results can lag writes by about a minute.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/search
func (s *InvoicesService) Search(ctx context.Context, params *InvoiceSearchParams) (*SearchResult[Invoice], error) {
	if err := checkSearch(params); err != nil {
		return nil, err
	}
	page := new(SearchResult[Invoice])
	return orNil(page, s.c.call(ctx, http.MethodGet, "/v1/invoices/search", params, page))
}

// SearchAll iterates over every Invoice matching params.Query, fetching
// pages lazily (with next_page) as the loop advances. params is not
// modified.
//
// Stripe API docs: https://docs.stripe.com/api/invoices/search
func (s *InvoicesService) SearchAll(ctx context.Context, params *InvoiceSearchParams) iter.Seq2[*Invoice, error] {
	return searchAll(ctx, params, s.Search)
}
