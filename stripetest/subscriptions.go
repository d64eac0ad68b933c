package stripetest

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// subscription is a Subscription. Its items are stored on their own
// (subscriptionItem); it keeps their IDs and renders them as its items
// list (complete).
type subscription struct {
	meta
	Application                   *string                 `json:"application"`
	ApplicationFeePercent         *float64                `json:"application_fee_percent"`
	AutomaticTax                  subAutomaticTax         `json:"automatic_tax"`
	BillingCycleAnchor            int64                   `json:"billing_cycle_anchor"`
	BillingCycleAnchorConfig      *subAnchorConfig        `json:"billing_cycle_anchor_config"`
	BillingMode                   subBillingMode          `json:"billing_mode"`
	BillingSchedules              []subBillingSchedule    `json:"billing_schedules"`
	BillingThresholds             *subBillingThresholds   `json:"billing_thresholds"`
	CancelAt                      *int64                  `json:"cancel_at"`
	CancelAtPeriodEnd             bool                    `json:"cancel_at_period_end"`
	CanceledAt                    *int64                  `json:"canceled_at"`
	CancellationDetails           subCancellationDetails  `json:"cancellation_details"`
	CollectionMethod              string                  `json:"collection_method"`
	Created                       int64                   `json:"created"`
	Currency                      string                  `json:"currency"`
	Customer                      string                  `json:"customer"`
	DaysUntilDue                  *int64                  `json:"days_until_due"`
	DefaultPaymentMethod          *string                 `json:"default_payment_method"`
	DefaultSource                 *string                 `json:"default_source"`
	DefaultTaxRates               []string                `json:"default_tax_rates"`
	Description                   *string                 `json:"description"`
	Discounts                     []string                `json:"discounts"`
	EndedAt                       *int64                  `json:"ended_at"`
	InvoiceSettings               subInvoiceSettings      `json:"invoice_settings"`
	LatestInvoice                 *string                 `json:"latest_invoice"`
	Livemode                      bool                    `json:"livemode"`
	Metadata                      map[string]string       `json:"metadata"`
	NextPendingInvoiceItemInvoice *int64                  `json:"next_pending_invoice_item_invoice"`
	OnBehalfOf                    *string                 `json:"on_behalf_of"`
	PauseCollection               *subPauseCollection     `json:"pause_collection"`
	PaymentSettings               subPaymentSettings      `json:"payment_settings"`
	PendingInvoiceItemInterval    *subPendingItemInterval `json:"pending_invoice_item_interval"`
	PendingSetupIntent            *string                 `json:"pending_setup_intent"`
	PendingUpdate                 *subPendingUpdate       `json:"pending_update"`
	Schedule                      *string                 `json:"schedule"`
	StartDate                     int64                   `json:"start_date"`
	Status                        string                  `json:"status"`
	TestClock                     *string                 `json:"test_clock"`
	TransferData                  *subTransferData        `json:"transfer_data"`
	TrialEnd                      *int64                  `json:"trial_end"`
	TrialSettings                 subTrialSettings        `json:"trial_settings"`
	TrialStart                    *int64                  `json:"trial_start"`
	// Items are the IDs of the subscription's stored items, in order.
	Items []string `json:"_items"`
}

func (x *subscription) createdAt() int64 { return x.Created }

// complete adds the items list, each item with its price embedded.
func (x *subscription) complete(s *Server, t obj) {
	data := make([]any, 0, len(x.Items))
	for _, si := range s.subItemsOf(x) {
		data = append(data, s.render(si, nil))
	}
	t["items"] = listObject("/v1/subscription_items?subscription="+x.ID, data)
}

// live reports whether the subscription has not ended.
func (x *subscription) live() bool { return x.Status != "canceled" && x.Status != "incomplete_expired" }

// subAutomaticTax is a subscription's automatic tax setting.
type subAutomaticTax struct {
	DisabledReason *string       `json:"disabled_reason"`
	Enabled        bool          `json:"enabled"`
	Liability      *subLiability `json:"liability"`
}

// subLiability is the account liable for tax.
type subLiability struct {
	Account *string `json:"account,omitempty"`
	Type    string  `json:"type"`
}

// subAnchorConfig fixes the day (and time) of a subscription's billing cycle.
type subAnchorConfig struct {
	DayOfMonth int64  `json:"day_of_month"`
	Hour       *int64 `json:"hour"`
	Minute     *int64 `json:"minute"`
	Month      *int64 `json:"month"`
	Second     *int64 `json:"second"`
}

// subBillingMode is how a subscription bills changes (classic or flexible).
type subBillingMode struct {
	Flexible *subBillingModeFlexible `json:"flexible"`
	Type     string                  `json:"type"`
}

// subBillingModeFlexible are the flexible billing mode's options.
type subBillingModeFlexible struct {
	ProrationDiscounts string `json:"proration_discounts,omitempty"`
}

// subBillingSchedule is one of billing_schedules, which stripetest
// leaves empty.
type subBillingSchedule struct {
	Key string `json:"key"`
}

// subBillingThresholds are a subscription's billing thresholds; stripetest never sets them.
type subBillingThresholds struct {
	AmountGte               *int64 `json:"amount_gte"`
	ResetBillingCycleAnchor *bool  `json:"reset_billing_cycle_anchor"`
}

// subCancellationDetails say why a subscription was canceled.
type subCancellationDetails struct {
	Comment  *string `json:"comment"`
	Feedback *string `json:"feedback"`
	Reason   *string `json:"reason"`
}

// subInvoiceSettings are the settings of a subscription's invoices.
type subInvoiceSettings struct {
	AccountTaxIDs []string  `json:"account_tax_ids"`
	Issuer        subIssuer `json:"issuer"`
}

// subIssuer is the account that issues a subscription's invoices.
type subIssuer struct {
	Type string `json:"type"`
}

// subPauseCollection pauses the collection of a subscription's payments.
type subPauseCollection struct {
	Behavior  string `json:"behavior"`
	ResumesAt *int64 `json:"resumes_at"`
}

// subPaymentSettings are the payment settings of a subscription's invoices.
type subPaymentSettings struct {
	PaymentMethodOptions     *subPaymentMethodOptions `json:"payment_method_options"`
	PaymentMethodTypes       []string                 `json:"payment_method_types"`
	SaveDefaultPaymentMethod string                   `json:"save_default_payment_method"`
}

// subPaymentMethodOptions are per-method payment options, which
// stripetest does not model (always null).
type subPaymentMethodOptions struct{}

// subPendingItemInterval bills pending invoice items at an interval; stripetest never sets it.
type subPendingItemInterval struct {
	Interval      string `json:"interval"`
	IntervalCount int64  `json:"interval_count"`
}

// subPendingUpdate is a pending update, which stripetest never has.
type subPendingUpdate struct {
	BillingCycleAnchor *int64 `json:"billing_cycle_anchor"`
	ExpiresAt          int64  `json:"expires_at"`
	TrialEnd           *int64 `json:"trial_end"`
	TrialFromPlan      *bool  `json:"trial_from_plan"`
}

// subTransferData sends part of each payment to a connected account.
type subTransferData struct {
	AmountPercent *float64 `json:"amount_percent"`
	Destination   string   `json:"destination"`
}

// subTrialSettings say what happens when a trial ends.
type subTrialSettings struct {
	EndBehavior subTrialEndBehavior `json:"end_behavior"`
}

// subTrialEndBehavior is what a trial ending without a payment method does.
type subTrialEndBehavior struct {
	MissingPaymentMethod string `json:"missing_payment_method"`
}

// subItemsOf returns the stored items of a subscription, in order.
func (s *Server) subItemsOf(sub *subscription) []*subscriptionItem {
	items := make([]*subscriptionItem, 0, len(sub.Items))
	for _, id := range sub.Items {
		if si, ok := lookupAs[*subscriptionItem](s.st, id); ok {
			items = append(items, si)
		}
	}
	return items
}

// orEmptyStrings returns l, or an empty slice for nil (rendered [], not null).
func orEmptyStrings(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func (s *Server) registerSubscriptions() {
	s.handle("POST", "/v1/subscriptions", s.createSubscription)
	s.handle("GET", "/v1/subscriptions", s.listSubscriptions)
	s.handle("GET", "/v1/subscriptions/{id}", func(r *request) (any, error) {
		sub, err := getAs[*subscription](s, "subscription", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(sub, r.expand), nil
	})
	s.handle("POST", "/v1/subscriptions/{id}", s.updateSubscription)
	s.handle("DELETE", "/v1/subscriptions/{id}", s.cancelSubscription)
	s.handle("POST", "/v1/subscriptions/{id}/resume", s.resumeSubscription)
}

// periodEnd adds count intervals of a recurring price to start.
func periodEnd(start int64, interval string, count int64) int64 {
	t := time.Unix(start, 0).UTC()
	n := int(count)
	switch interval {
	case "day":
		t = t.AddDate(0, 0, n)
	case "week":
		t = t.AddDate(0, 0, 7*n)
	case "month":
		t = t.AddDate(0, n, 0)
	case "year":
		t = t.AddDate(n, 0, 0)
	}
	return t.Unix()
}

// subItemPrice finds or makes the price of one items[i] entry. A price
// made from price_data is not stored yet: the caller stores it with
// storeNewPrices once every param of the request is valid.
func (s *Server) subItemPrice(f *form) (*price, error) {
	if id, ok := f.str("price"); ok {
		price, err := s.getPrice(id)
		if err != nil {
			return nil, invalid(f.name("price"), "resource_missing", "No such price: '%s'", id)
		}
		return price, nil
	}
	if f.has("price_data") {
		pd := f.sub("price_data")
		prodID, _ := pd.str("product")
		if _, err := getAs[*product](s, "product", prodID); err != nil {
			return nil, invalid(pd.name("product"), "resource_missing", "No such product: '%s'", prodID)
		}
		price, err := s.buildPrice(pd, prodID)
		if err != nil {
			return nil, err
		}
		if price.Recurring == nil {
			return nil, missingParam(pd.name("recurring"))
		}
		price.Active = false
		return price, nil
	}
	return nil, missingParam(f.name("price"))
}

// storeNewPrices stores those of prices that subItemPrice made from
// price_data and are not stored yet.
func (s *Server) storeNewPrices(prices ...*price) {
	for _, p := range prices {
		if _, ok := s.st.byID[p.ID]; !ok {
			s.insert(p)
		}
	}
}

func (s *Server) newSubItem(sub *subscription, price *price, qty int64, f *form) *subscriptionItem {
	interval, count := price.interval()
	start := sub.StartDate
	si := &subscriptionItem{
		meta: meta{ID: s.newID("si"), Object: "subscription_item"}, Created: s.unix(),
		CurrentPeriodEnd: periodEnd(start, interval, count), CurrentPeriodStart: start,
		Discounts: []string{}, Metadata: map[string]string{}, Price: price.ID, Quantity: qty, Subscription: sub.ID, TaxRates: []string{},
	}
	if f != nil {
		si.Metadata = mergeMetadata(si.Metadata, f)
	}
	return si
}

func (s *Server) createSubscription(r *request) (any, error) {
	f := r.form
	cusID, ok := f.str("customer")
	if !ok || cusID == "" {
		return nil, missingParam("customer")
	}
	cus, err := s.customer(cusID)
	if err != nil {
		return nil, invalid("customer", "resource_missing", "No such customer: '%s'", cusID)
	}
	itemForms := f.forms("items")
	if len(itemForms) == 0 {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("items")
	}
	behavior := f.strOr("payment_behavior", "allow_incomplete")
	switch behavior {
	case "allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete":
	default:
		return nil, invalid("payment_behavior", "", "Invalid payment_behavior")
	}
	now := s.unix()
	id := s.newID("sub")
	sub := &subscription{
		meta: meta{ID: id, Object: "subscription"}, BillingCycleAnchor: now, BillingMode: subBillingMode{Type: "classic"},
		BillingSchedules: []subBillingSchedule{}, CollectionMethod: "charge_automatically", Created: now, Currency: "usd", Customer: cusID,
		DefaultTaxRates: []string{}, Discounts: []string{}, InvoiceSettings: subInvoiceSettings{Issuer: subIssuer{Type: "self"}},
		Metadata: map[string]string{}, PaymentSettings: subPaymentSettings{SaveDefaultPaymentMethod: "off"}, StartDate: now,
		Status: "incomplete", TrialSettings: subTrialSettings{EndBehavior: subTrialEndBehavior{MissingPaymentMethod: "create_invoice"}},
	}
	if err := s.applySubParams(sub, f); err != nil {
		return nil, err
	}
	discounts, _, err := s.newDiscounts(f, cusID)
	if err != nil {
		return nil, err
	}
	var items []*subscriptionItem
	var prices []*price
	for _, itf := range itemForms {
		price, err := s.subItemPrice(itf)
		if err != nil {
			return nil, err
		}
		if price.Recurring == nil {
			return nil, invalid(itf.name("price"), "", "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.")
		}
		if len(prices) > 0 && price.Currency != prices[0].Currency {
			return nil, invalid(itf.name("price"), "", "All prices on a subscription must have the same currency.")
		}
		qty := int64(1)
		if n, ok := itf.int("quantity"); ok {
			qty = n
		}
		prices = append(prices, price)
		items = append(items, s.newSubItem(sub, price, qty, itf))
	}
	sub.Currency = prices[0].Currency
	sub.TestClock = copyPtr(cus.TestClock)
	trialEnd := int64(0)
	if n, ok := f.int("trial_period_days"); ok && n > 0 {
		trialEnd = now + n*86400
	}
	if v, ok := f.str("trial_end"); ok && v != "now" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= now {
			return nil, invalid("trial_end", "", "Invalid timestamp: must be an integer Unix timestamp in the future.")
		}
		trialEnd = n
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	if sub.CollectionMethod == "send_invoice" && sub.DaysUntilDue == nil {
		return nil, missingParam("days_until_due")
	}

	// Build the first invoice and find what pays it before storing anything.
	inv := s.newInvoice(cus, sub.Currency, sub.CollectionMethod, "subscription_create")
	inv.Parent = subscriptionParent(id, sub.Metadata)
	if sub.DaysUntilDue != nil {
		inv.DueDate = ptr(now + *sub.DaysUntilDue*86400)
	}
	var lines []*invoiceLineItem
	var total int64
	for i, si := range items {
		price := prices[i]
		unit := price.unit()
		amount := unit * si.Quantity
		interval, _ := price.interval()
		desc := fmt.Sprintf("%d × %s (at %s / %s)", si.Quantity, s.productName(price), money(unit, price.Currency), interval)
		end := si.CurrentPeriodEnd
		if trialEnd > 0 {
			amount, desc, end = 0, "Trial period for "+s.productName(price), trialEnd
			si.CurrentPeriodEnd = trialEnd
		}
		total += amount
		lines = append(lines, s.newSubLine(s.newID("il"), inv.ID, &id, ptr(si.ID), price, si.Quantity, amount, desc, now, end))
	}
	inv.SubLines = lines
	for _, ii := range allOf[*invoiceItem](s.st, "invoiceitem") { // pending items ride along on the first invoice
		if ii.Customer == cusID && ii.Invoice == nil && ii.Currency == inv.Currency {
			total += ii.Amount
		}
	}
	total -= s.discountPreview(inv, lines, discounts) // discounts.go
	var pm paymentSource
	chargeNow := sub.CollectionMethod == "charge_automatically" && total > 0 && behavior != "default_incomplete"
	if chargeNow {
		inv.DefaultPaymentMethod = copyPtr(sub.DefaultPaymentMethod)
		inv.DefaultSource = copyPtr(sub.DefaultSource)
		pm, err = s.invoicePaymentMethod(inv, &form{m: obj{}, err: new(error)})
		if err != nil {
			return nil, err
		}
		inv.DefaultPaymentMethod, inv.DefaultSource = nil, nil
		if name := pm.testCard(); behavior == "error_if_incomplete" && testCards[name].code != "" {
			tc := testCards[name]
			return nil, &apiError{status: 402, typ: "card_error", code: tc.code, declineCode: tc.decline, message: tc.message, saved: true}
		}
	}

	s.storeNewPrices(prices...)
	for _, si := range items {
		sub.Items = append(sub.Items, si.ID)
	}
	if trialEnd > 0 {
		sub.Status, sub.TrialStart, sub.TrialEnd = "trialing", ptr(now), ptr(trialEnd)
	}
	s.insert(sub)
	sub.Discounts = s.storeDiscounts(sub.ID, "subscription", discounts)
	for _, si := range items {
		s.insert(si)
	}
	s.insert(inv)
	sub.LatestInvoice = ptr(inv.ID)
	s.attachPendingItems(inv)
	s.recalcInvoice(inv)
	s.emit(r, "customer.subscription.created", sub, nil)
	s.emit(r, "invoice.created", inv, nil)
	s.finalize(r, inv)
	switch {
	case inv.Status == "paid":
		if sub.Status != "trialing" {
			sub.Status = "active"
		}
	case sub.CollectionMethod == "send_invoice":
		sub.Status = "active"
	case chargeNow:
		if err := s.collect(r, inv, pm, false); err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.typ != "card_error" {
				return nil, err
			}
		}
	}
	if sub.Status != "incomplete" {
		before := obj{"status": "incomplete"}
		s.emit(r, "customer.subscription.updated", sub, before)
	}
	return s.render(sub, r.expand), nil
}

func (s *Server) productName(price *price) string {
	if p, ok := lookupAs[*product](s.st, price.Product); ok {
		return p.Name
	}
	return price.Product
}

func (s *Server) applySubParams(sub *subscription, f *form) error {
	setNullable(&sub.Description, f, "description")
	setNullable(&sub.OnBehalfOf, f, "on_behalf_of")
	if v, ok := f.str("collection_method"); ok {
		if v != "charge_automatically" && v != "send_invoice" {
			return invalid("collection_method", "", "Invalid collection_method: must be one of charge_automatically or send_invoice")
		}
		sub.CollectionMethod = v
	}
	if n, ok := f.int("days_until_due"); ok {
		sub.DaysUntilDue = &n
	}
	if b, ok := f.bool("cancel_at_period_end"); ok {
		sub.CancelAtPeriodEnd = b
	}
	if v, ok := f.str("cancel_at"); ok {
		if v == "" {
			sub.CancelAt = nil
		} else if n, ok := f.int("cancel_at"); ok {
			sub.CancelAt = &n
		}
	}
	if n, ok := f.int("application_fee_percent"); ok {
		sub.ApplicationFeePercent = ptr(float64(n))
	}
	for _, k := range []string{"default_payment_method", "default_source"} {
		dst := &sub.DefaultPaymentMethod
		if k == "default_source" {
			dst = &sub.DefaultSource
		}
		if v, ok := f.str(k); ok {
			if v == "" {
				*dst = nil
				continue
			}
			pm, err := s.resolvePaymentMethod(v, k)
			if err != nil {
				return err
			}
			*dst = ptr(pm.base().ID)
		}
	}
	if f.has("default_tax_rates") {
		sub.DefaultTaxRates = orEmptyStrings(f.strings("default_tax_rates"))
	}
	if ps := f.sub("payment_settings"); len(ps.m) > 0 {
		if ps.has("payment_method_types") {
			sub.PaymentSettings.PaymentMethodTypes = orEmptyStrings(ps.strings("payment_method_types"))
		}
		if v, ok := ps.str("save_default_payment_method"); ok {
			sub.PaymentSettings.SaveDefaultPaymentMethod = v
		}
	}
	sub.Metadata = mergeMetadata(sub.Metadata, f)
	return f.failed()
}

func (s *Server) updateSubscription(r *request) (any, error) {
	sub, err := getAs[*subscription](s, "subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if !sub.live() {
		return nil, invalid("", "", "A canceled subscription can only update its cancellation_details and metadata.")
	}
	f := r.form
	before := s.snapshot(sub)
	clone := cloneRecord(sub)
	if err := s.applySubParams(clone, f); err != nil {
		return nil, err
	}
	if f.has("pause_collection") {
		pc := f.sub("pause_collection")
		if len(pc.m) == 0 {
			clone.PauseCollection = nil
		} else {
			behavior, ok := pc.str("behavior")
			if !ok {
				return nil, missingParam("pause_collection[behavior]")
			}
			p := &subPauseCollection{Behavior: behavior}
			if n, ok := pc.int("resumes_at"); ok {
				p.ResumesAt = &n
			}
			clone.PauseCollection = p
		}
	}
	if cd := f.sub("cancellation_details"); len(cd.m) > 0 {
		setNullable(&clone.CancellationDetails.Comment, cd, "comment")
		setNullable(&clone.CancellationDetails.Feedback, cd, "feedback")
	}
	if v, ok := f.str("trial_end"); ok && v == "now" && clone.Status == "trialing" {
		clone.Status, clone.TrialEnd = "active", ptr(s.unix())
	}
	// Changes apply to copies of the items, stored only when every param
	// is valid.
	var items []*subscriptionItem
	for _, si := range s.subItemsOf(sub) {
		items = append(items, cloneRecord(si))
	}
	var added, removed []*subscriptionItem
	var prices []*price
	for _, itf := range f.forms("items") {
		id, hasID := itf.str("id")
		var si *subscriptionItem
		if hasID {
			for _, x := range items {
				if x.ID == id {
					si = x
				}
			}
			if si == nil {
				return nil, invalid(itf.name("id"), "resource_missing", "No such subscription item: '%s'", id)
			}
			if del, _ := itf.bool("deleted"); del {
				removed = append(removed, si)
				continue
			}
		}
		if itf.has("price") || itf.has("price_data") || si == nil {
			price, err := s.subItemPrice(itf)
			if err != nil {
				return nil, err
			}
			if si == nil {
				si = s.newSubItem(sub, price, 1, itf)
				added = append(added, si)
			}
			si.Price = price.ID
			prices = append(prices, price)
		}
		if n, ok := itf.int("quantity"); ok {
			si.Quantity = n
		}
		si.Metadata = mergeMetadata(si.Metadata, itf)
	}
	if err := f.failed(); err != nil {
		return nil, err
	}
	discounts, cleared, err := s.newDiscounts(f, sub.Customer)
	if err != nil {
		return nil, err // before any item changes are stored
	}
	s.storeNewPrices(prices...)
	for _, rm := range removed {
		for i, x := range items {
			if x.ID == rm.ID {
				items = append(items[:i:i], items[i+1:]...)
				break
			}
		}
		if stored, ok := lookupAs[*subscriptionItem](s.st, rm.ID); ok {
			s.remove(stored)
		}
	}
	for _, si := range items {
		if stored, ok := lookupAs[*subscriptionItem](s.st, si.ID); ok {
			*stored = *si
		}
	}
	for _, si := range added {
		s.insert(si)
		items = append(items, si)
	}
	clone.Items = sub.Items
	*sub = *clone
	if len(discounts) > 0 || cleared {
		sub.Discounts = s.storeDiscounts(sub.ID, "subscription", discounts)
	}
	ids := make([]string, 0, len(items))
	for _, si := range items {
		if _, ok := lookupAs[*subscriptionItem](s.st, si.ID); ok {
			ids = append(ids, si.ID)
		}
	}
	sub.Items = ids
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	return s.render(sub, r.expand), nil
}

// endSubscription cancels sub now.
func (s *Server) endSubscription(r *request, sub *subscription, f *form) {
	now := s.unix()
	sub.Status, sub.CanceledAt, sub.EndedAt = "canceled", ptr(now), ptr(now)
	sub.CancellationDetails.Reason = ptr("cancellation_requested")
	if f != nil {
		cd := f.sub("cancellation_details")
		setNullable(&sub.CancellationDetails.Comment, cd, "comment")
		setNullable(&sub.CancellationDetails.Feedback, cd, "feedback")
	}
	s.emit(r, "customer.subscription.deleted", sub, nil)
}

func (s *Server) cancelSubscription(r *request) (any, error) {
	sub, err := getAs[*subscription](s, "subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if sub.Status == "canceled" {
		return nil, invalid("", "", "This subscription has already been canceled.")
	}
	f := r.form
	f.bool("invoice_now")
	f.bool("prorate")
	f.sub("cancellation_details").unknown("comment", "feedback")
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.endSubscription(r, sub, f)
	return s.render(sub, r.expand), nil
}

func (s *Server) resumeSubscription(r *request) (any, error) {
	sub, err := getAs[*subscription](s, "subscription", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if sub.Status != "paused" {
		return nil, invalid("", "", "Only a paused subscription can be resumed; %s is %s.", sub.ID, sub.Status)
	}
	before := s.snapshot(sub)
	sub.Status = "active"
	s.emitUpdated(r, "customer.subscription.resumed", sub, before)
	return s.render(sub, r.expand), nil
}

func (s *Server) listSubscriptions(r *request) (any, error) {
	f := r.form
	cus, hasCus := f.str("customer")
	price, hasPrice := f.str("price")
	cm, hasCM := f.str("collection_method")
	status := f.strOr("status", "")
	return listOf(s, r, "subscription", "/v1/subscriptions", func(sub *subscription) bool {
		switch {
		case status == "" && !sub.live():
			return false
		case status != "" && status != "all" && sub.Status != status:
			return false
		case hasCus && sub.Customer != cus, hasCM && sub.CollectionMethod != cm:
			return false
		}
		if hasPrice {
			for _, si := range s.subItemsOf(sub) {
				if si.Price == price {
					return true
				}
			}
			return false
		}
		return true
	})
}
