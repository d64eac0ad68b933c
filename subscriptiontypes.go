package stripe

import "encoding/json"

// Nested objects of Subscription and SubscriptionItem.

// SubscriptionBillingSchedule bills some of a subscription's prices up to
// a point in time.
type SubscriptionBillingSchedule struct {
	AppliesTo []SubscriptionBillingScheduleAppliesTo `json:"applies_to"`
	BillUntil SubscriptionBillingScheduleBillUntil   `json:"bill_until"`
	Key       string                                 `json:"key"`
}

// SubscriptionBillingScheduleAppliesTo names a price a billing schedule
// covers; Type is "price".
type SubscriptionBillingScheduleAppliesTo struct {
	Price Expandable[Price] `json:"price"`
	Type  string            `json:"type"`
}

// SubscriptionBillingScheduleBillUntil is how far a billing schedule
// bills: Type is "duration" or "timestamp".
type SubscriptionBillingScheduleBillUntil struct {
	ComputedTimestamp int64                        `json:"computed_timestamp"`
	Duration          *SubscriptionBillingDuration `json:"duration"`
	Timestamp         int64                        `json:"timestamp"`
	Type              string                       `json:"type"`
}

// SubscriptionBillingDuration is IntervalCount Intervals ("day", "week",
// "month" or "year").
type SubscriptionBillingDuration struct {
	Interval      string `json:"interval"`
	IntervalCount int64  `json:"interval_count"`
}

// SubscriptionBillingThresholds invoice a subscription early once the
// amount due reaches AmountGTE.
type SubscriptionBillingThresholds struct {
	AmountGTE               int64 `json:"amount_gte"`
	ResetBillingCycleAnchor bool  `json:"reset_billing_cycle_anchor"`
}

// SubscriptionItemBillingThresholds invoice a metered item early once its
// usage reaches UsageGTE.
type SubscriptionItemBillingThresholds struct {
	UsageGTE int64 `json:"usage_gte"`
}

// SubscriptionPaymentSettings are how a subscription's invoices are paid.
type SubscriptionPaymentSettings struct {
	// PaymentMethodOptions holds per-payment-method options keyed by
	// type (card, sepa_debit, ...); it is left undecoded: unmarshal the
	// branch you need.
	PaymentMethodOptions     json.RawMessage `json:"payment_method_options"`
	PaymentMethodTypes       []string        `json:"payment_method_types"`
	SaveDefaultPaymentMethod string          `json:"save_default_payment_method"`
}

// SubscriptionPendingInvoiceItemInterval is how often pending invoice
// items are invoiced.
type SubscriptionPendingInvoiceItemInterval struct {
	Interval      string `json:"interval"`
	IntervalCount int64  `json:"interval_count"`
}

// SubscriptionPendingUpdate holds changes that apply once the latest
// invoice is paid (with payment_behavior=pending_if_incomplete).
type SubscriptionPendingUpdate struct {
	BillingCycleAnchor int64 `json:"billing_cycle_anchor"`
	// Discounts are the pending discounts; expandable.
	Discounts         []Expandable[Discount] `json:"discounts"`
	ExpiresAt         int64                  `json:"expires_at"`
	Metadata          map[string]string      `json:"metadata"`
	SubscriptionItems []SubscriptionItem     `json:"subscription_items"`
	TrialEnd          int64                  `json:"trial_end"`
	TrialFromPlan     bool                   `json:"trial_from_plan"`
}

// SubscriptionPresentmentDetails is the currency a subscription is
// presented in to the customer.
type SubscriptionPresentmentDetails struct {
	PresentmentCurrency string `json:"presentment_currency"`
}

// SubscriptionTransferData sends part of each invoice to a connected
// account.
type SubscriptionTransferData struct {
	AmountPercent float64 `json:"amount_percent"`
	// Destination is the connected account; expandable (accounts are not
	// modelled).
	Destination Expandable[ObjectRef] `json:"destination"`
}
