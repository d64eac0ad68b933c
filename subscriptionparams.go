package stripe

// Nested params of Subscriptions.Create and Subscriptions.Update.

// SubscriptionAddInvoiceItemParams is a one-off invoice item added to the
// subscription's next invoice: add_invoice_items[0][price]=...
type SubscriptionAddInvoiceItemParams struct {
	Discountable *bool                                   `url:"discountable,omitempty"`
	Metadata     Metadata                                `url:"metadata,omitempty"`
	Period       *SubscriptionAddInvoiceItemPeriodParams `url:"period,omitempty"`
	Price        *string                                 `url:"price,omitempty"`
	PriceData    *InvoiceItemPriceDataParams             `url:"price_data,omitempty"`
	Quantity     *int64                                  `url:"quantity,omitempty"`
	TaxRates     Array[string]                           `url:"tax_rates,omitempty"`
}

// SubscriptionAddInvoiceItemPeriodParams is the period an added invoice
// item covers.
type SubscriptionAddInvoiceItemPeriodParams struct {
	End   *SubscriptionPeriodBoundParams `url:"end,omitempty"`
	Start *SubscriptionPeriodBoundParams `url:"start,omitempty"`
}

// SubscriptionPeriodBoundParams is one end of a period: Type is
// "timestamp" (then Timestamp is set), or for the start "now" or
// "max_item_period_start", for the end "min_item_period_end".
type SubscriptionPeriodBoundParams struct {
	Timestamp *int64  `url:"timestamp,omitempty"`
	Type      *string `url:"type,omitempty"`
}

// SubscriptionBillingCycleAnchorConfigParams sets the billing cycle
// anchor by calendar fields instead of a timestamp.
type SubscriptionBillingCycleAnchorConfigParams struct {
	DayOfMonth *int64 `url:"day_of_month,omitempty"`
	Hour       *int64 `url:"hour,omitempty"`
	Minute     *int64 `url:"minute,omitempty"`
	Month      *int64 `url:"month,omitempty"`
	Second     *int64 `url:"second,omitempty"`
}

// SubscriptionBillingModeParams chooses "classic" or "flexible" billing.
type SubscriptionBillingModeParams struct {
	Flexible *SubscriptionBillingModeFlexibleParams `url:"flexible,omitempty"`
	Type     *string                                `url:"type,omitempty"`
}

// SubscriptionBillingModeFlexibleParams configures flexible billing:
// ProrationDiscounts is "included" or "itemized".
type SubscriptionBillingModeFlexibleParams struct {
	ProrationDiscounts *string `url:"proration_discounts,omitempty"`
}

// SubscriptionBillingThresholdsParams invoices early once the amount due
// reaches AmountGTE.
type SubscriptionBillingThresholdsParams struct {
	AmountGTE               *int64 `url:"amount_gte,omitempty"`
	ResetBillingCycleAnchor *bool  `url:"reset_billing_cycle_anchor,omitempty"`
}

// SubscriptionInvoiceSettingsParams are the settings of the invoices a
// subscription generates.
type SubscriptionInvoiceSettingsParams struct {
	AccountTaxIDs Array[string]                   `url:"account_tax_ids,omitempty"`
	CustomFields  Array[InvoiceCustomFieldParams] `url:"custom_fields,omitempty"`
	Description   *string                         `url:"description,omitempty"`
	Footer        *string                         `url:"footer,omitempty"`
	Issuer        *InvoiceIssuerParams            `url:"issuer,omitempty"`
}

// SubscriptionPendingInvoiceItemIntervalParams invoices pending invoice
// items every IntervalCount Intervals ("day", "week", "month", "year").
type SubscriptionPendingInvoiceItemIntervalParams struct {
	Interval      *string `url:"interval,omitempty"`
	IntervalCount *int64  `url:"interval_count,omitempty"`
}

// SubscriptionTransferDataParams sends part of each invoice's amount to a
// connected account.
type SubscriptionTransferDataParams struct {
	AmountPercent *float64 `url:"amount_percent,omitempty"`
	Destination   *string  `url:"destination,omitempty"`
}

// SubscriptionTrialSettingsParams says what happens when a trial ends
// without a payment method.
type SubscriptionTrialSettingsParams struct {
	EndBehavior *SubscriptionTrialEndBehaviorParams `url:"end_behavior,omitempty"`
}

// SubscriptionTrialEndBehaviorParams: MissingPaymentMethod is "cancel",
// "create_invoice" or "pause".
type SubscriptionTrialEndBehaviorParams struct {
	MissingPaymentMethod *string `url:"missing_payment_method,omitempty"`
}

// SubscriptionListAutomaticTaxParams filters subscriptions by whether
// automatic tax is enabled.
type SubscriptionListAutomaticTaxParams struct {
	Enabled *bool `url:"enabled,omitempty"`
}
