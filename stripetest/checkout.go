package stripetest

import (
	"fmt"
	"maps"
	"net/url"
	"strconv"
)

// Checkout sessions (/v1/checkout/sessions). A session is created open,
// with a hosted-page url and its line items; nobody visits the page, so a
// test completes it with CompleteCheckoutSession, which pays it as a
// customer with pm_card_visa would. Expire ends an open session.

func (s *Server) registerCheckoutSessions() {
	s.handle("POST", "/v1/checkout/sessions", s.createCheckoutSession)
	s.handle("GET", "/v1/checkout/sessions", func(r *request) (any, error) {
		filter := map[string]string{}
		for _, k := range []string{"customer", "payment_intent", "payment_link", "status", "subscription"} {
			if v, ok := r.form.str(k); ok {
				filter[k] = v
			}
		}
		return listOf(s, r, "checkout.session", "/v1/checkout/sessions", func(cs *checkoutSession) bool {
			for k, v := range filter {
				if cs.filterField(k) != v {
					return false
				}
			}
			return true
		})
	})
	s.handle("GET", "/v1/checkout/sessions/{id}", func(r *request) (any, error) {
		cs, err := getAs[*checkoutSession](s, "checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderSession(cs, r.expand), nil
	})
	s.handle("POST", "/v1/checkout/sessions/{id}", func(r *request) (any, error) {
		cs, err := getAs[*checkoutSession](s, "checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		md := mergeMetadata(maps.Clone(cs.Metadata), r.form)
		if err := r.form.failed(); err != nil {
			return nil, err
		}
		cs.Metadata = md
		return s.renderSession(cs, r.expand), nil
	})
	s.handle("POST", "/v1/checkout/sessions/{id}/expire", s.expireCheckoutSession)
	s.handle("GET", "/v1/checkout/sessions/{id}/line_items", func(r *request) (any, error) {
		cs, err := getAs[*checkoutSession](s, "checkout.session", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.pageLineItems(r, cs.LineItems, "/v1/checkout/sessions/"+cs.ID+"/line_items")
	})
}

// checkoutSession is a Checkout Session. Its line items are kept
// internally: responses show them only when line_items is expanded, and
// at /line_items.
type checkoutSession struct {
	meta
	AfterExpiration          *nullObject              `json:"after_expiration"` // never set: null
	AllowPromotionCodes      *bool                    `json:"allow_promotion_codes"`
	AmountSubtotal           int64                    `json:"amount_subtotal"`
	AmountTotal              int64                    `json:"amount_total"`
	AutomaticTax             checkoutAutomaticTax     `json:"automatic_tax"`
	BillingAddressCollection *string                  `json:"billing_address_collection"`
	CancelURL                *string                  `json:"cancel_url"`
	ClientReferenceID        *string                  `json:"client_reference_id"`
	ClientSecret             *string                  `json:"client_secret"`
	Created                  int64                    `json:"created"`
	Currency                 *string                  `json:"currency"`
	CustomFields             []struct{}               `json:"custom_fields"` // always empty
	CustomText               checkoutCustomText       `json:"custom_text"`
	Customer                 *string                  `json:"customer"`
	CustomerCreation         *string                  `json:"customer_creation"`
	CustomerDetails          *checkoutCustomerDetails `json:"customer_details"`
	CustomerEmail            *string                  `json:"customer_email"`
	ExpiresAt                int64                    `json:"expires_at"`
	Invoice                  *string                  `json:"invoice"`
	Livemode                 bool                     `json:"livemode"`
	Locale                   *string                  `json:"locale"`
	Metadata                 map[string]string        `json:"metadata"`
	Mode                     string                   `json:"mode"`
	PaymentIntent            *string                  `json:"payment_intent"`
	PaymentLink              *string                  `json:"payment_link"`
	PaymentMethodCollection  string                   `json:"payment_method_collection"`
	PaymentMethodTypes       []string                 `json:"payment_method_types"`
	PaymentStatus            string                   `json:"payment_status"`
	RecoveredFrom            *string                  `json:"recovered_from"`
	SetupIntent              *string                  `json:"setup_intent"`
	ShippingOptions          []struct{}               `json:"shipping_options"` // always empty
	Status                   string                   `json:"status"`
	SubmitType               *string                  `json:"submit_type"`
	Subscription             *string                  `json:"subscription"`
	SuccessURL               *string                  `json:"success_url"`
	UIMode                   string                   `json:"ui_mode"`
	URL                      *string                  `json:"url"`

	LineItems []checkoutLineItem `json:"_line_items"`
	// What completion passes on to the payment intent or subscription.
	PaymentIntentData checkoutPassOn `json:"_pi_data"`
	SubscriptionData  checkoutPassOn `json:"_sub_data"`
}

func (cs *checkoutSession) createdAt() int64 { return cs.Created }

// filterField is the value of a field the list filters on ("" for null).
func (cs *checkoutSession) filterField(k string) string {
	switch k {
	case "customer":
		return deref(cs.Customer)
	case "payment_intent":
		return deref(cs.PaymentIntent)
	case "payment_link":
		return deref(cs.PaymentLink)
	case "status":
		return cs.Status
	case "subscription":
		return deref(cs.Subscription)
	}
	return ""
}

// checkoutAutomaticTax is a session's automatic_tax (never enabled).
type checkoutAutomaticTax struct {
	Enabled   bool        `json:"enabled"`
	Liability *nullObject `json:"liability"` // never set: null
	Status    *string     `json:"status"`
}

// checkoutCustomText is the custom_text of a session or payment link;
// stripetest sets none of it.
type checkoutCustomText struct {
	AfterSubmit              *nullObject `json:"after_submit"`
	ShippingAddress          *nullObject `json:"shipping_address"`
	Submit                   *nullObject `json:"submit"`
	TermsOfServiceAcceptance *nullObject `json:"terms_of_service_acceptance"`
}

// checkoutCustomerDetails is who completed a session.
type checkoutCustomerDetails struct {
	Address        *address   `json:"address"`
	BusinessName   *string    `json:"business_name"`
	Email          *string    `json:"email"`
	IndividualName *string    `json:"individual_name"`
	Name           *string    `json:"name"`
	Phone          *string    `json:"phone"`
	TaxExempt      string     `json:"tax_exempt"`
	TaxIDs         []struct{} `json:"tax_ids"` // always empty
}

// checkoutPassOn is what a session's payment_intent_data or
// subscription_data passes on to the object its completion creates.
type checkoutPassOn struct {
	Description     *string           `json:"description,omitempty"`
	Metadata        map[string]string `json:"metadata,omitempty"`
	TrialPeriodDays *string           `json:"trial_period_days,omitempty"`
}

// checkoutPassOnParams reads a payment_intent_data or subscription_data
// hash; values of other shapes are ignored.
func checkoutPassOnParams(f *form) checkoutPassOn {
	var p checkoutPassOn
	if d, ok := f.m["description"].(string); ok {
		p.Description = &d
	}
	if md, ok := f.m["metadata"].(obj); ok {
		for k, v := range md {
			if sv, ok := v.(string); ok {
				if p.Metadata == nil {
					p.Metadata = map[string]string{}
				}
				p.Metadata[k] = sv
			}
		}
	}
	if n, ok := f.m["trial_period_days"].(string); ok {
		p.TrialPeriodDays = &n
	}
	return p
}

// checkoutLineItem is a line item (object "item") of a checkout session
// or a payment link. Price is the price's ID; responses show the price
// itself.
type checkoutLineItem struct {
	ID             string `json:"id"`
	Object         string `json:"object"`
	AmountDiscount int64  `json:"amount_discount"`
	AmountSubtotal int64  `json:"amount_subtotal"`
	AmountTax      int64  `json:"amount_tax"`
	AmountTotal    int64  `json:"amount_total"`
	Currency       string `json:"currency"`
	Description    string `json:"description"`
	Price          string `json:"price"`
	Quantity       int64  `json:"quantity"`
}

// itemTree renders a line item with its price object.
func (s *Server) itemTree(li checkoutLineItem) obj {
	t, _ := valueTree(li).(obj)
	t["price"] = nil
	if p, ok := lookupAs[*price](s.st, li.Price); ok {
		t["price"] = s.tree(p)
	}
	return t
}

// itemTrees renders line items, each with its price object.
func (s *Server) itemTrees(items []checkoutLineItem) []any {
	out := make([]any, len(items))
	for i, li := range items {
		out[i] = s.itemTree(li)
	}
	return out
}

// pageLineItems pages line items by limit, starting_after and
// ending_before.
func (s *Server) pageLineItems(r *request, items []checkoutLineItem, url string) (obj, error) {
	return pageSlice(r, items, url, "line item", func(li checkoutLineItem) string { return li.ID },
		func(li checkoutLineItem, exp []string) obj { return s.expandTree(s.itemTree(li), exp) })
}

// renderSession renders a session; line_items only when expanded, as on
// Stripe.
func (s *Server) renderSession(cs *checkoutSession, expand []string) obj {
	out := s.render(cs, expand)
	if contains(expand, "line_items") {
		out["line_items"] = listObject("/v1/checkout/sessions/"+cs.ID+"/line_items", s.itemTrees(cs.LineItems))
	}
	return out
}

// buildLineItems makes the line items of line_items[i] params with price
// or price_data, and their currency and subtotal. recurring reports
// whether any price is recurring.
func (s *Server) buildLineItems(f *form) (items []checkoutLineItem, currency string, total int64, recurring bool, err error) {
	forms := f.forms("line_items")
	if err := f.failed(); err != nil {
		return nil, "", 0, false, err
	}
	for _, lf := range forms {
		var price *price
		if id, ok := lf.str("price"); ok {
			if price, err = s.getPrice(id); err != nil {
				return nil, "", 0, false, invalid(lf.name("price"), "resource_missing", "No such price: '%s'", id)
			}
		} else if lf.has("price_data") {
			pd := lf.sub("price_data")
			prodID, _ := pd.str("product")
			if prodID == "" {
				pdata := pd.sub("product_data")
				if _, ok := pdata.str("name"); !ok {
					return nil, "", 0, false, missingParam(pd.name("product_data[name]"))
				}
				prod := s.newProduct(pdata, s.newID("prod"))
				prod.Active = false
				s.insert(prod)
				prodID = prod.ID
			} else if _, gerr := getAs[*product](s, "product", prodID); gerr != nil {
				return nil, "", 0, false, invalid(pd.name("product"), "resource_missing", "No such product: '%s'", prodID)
			}
			if price, err = s.buildPrice(pd, prodID); err != nil {
				return nil, "", 0, false, err
			}
			price.Active = false
			s.insert(price)
		} else {
			return nil, "", 0, false, missingParam(lf.name("price"))
		}
		qty := int64(1)
		if n, ok := lf.int("quantity"); ok {
			qty = n
		}
		if c := price.Currency; currency == "" {
			currency = c
		} else if c != currency {
			return nil, "", 0, false, invalid("line_items", "", "All line items must use the same currency (%s and %s).", currency, c)
		}
		if price.Recurring != nil {
			recurring = true
		}
		amount := price.unit() * qty
		total += amount
		items = append(items, checkoutLineItem{
			ID: s.newID("li"), Object: "item", AmountSubtotal: amount, AmountTotal: amount, Currency: currency,
			Description: s.productName(price), Price: price.ID, Quantity: qty,
		})
	}
	if err := f.failed(); err != nil {
		return nil, "", 0, false, err
	}
	return items, currency, total, recurring, nil
}

func (s *Server) createCheckoutSession(r *request) (any, error) {
	f := r.form
	mode, _ := f.str("mode")
	switch mode {
	case "payment", "subscription", "setup":
	case "":
		return nil, missingParam("mode")
	default:
		return nil, invalid("mode", "", "Invalid mode: must be one of payment, setup, or subscription")
	}
	items, currency, total, recurring, err := s.buildLineItems(f)
	if err != nil {
		return nil, err
	}
	switch {
	case mode != "setup" && len(items) == 0:
		return nil, missingParam("line_items")
	case mode == "subscription" && !recurring:
		return nil, invalid("line_items", "", "You must provide at least one recurring price in `subscription` mode when using prices.")
	case mode == "payment" && recurring:
		return nil, invalid("line_items", "", "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.")
	}
	if mode == "setup" {
		currency = f.strOr("currency", "")
	}
	var cusRef *string
	if v, ok := f.str("customer"); ok && v != "" {
		if _, err := s.customer(v); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", v)
		}
		cusRef = &v
	}
	id := "cs_test_" + randomID(58)
	now := s.unix()
	payStatus := "unpaid"
	if mode == "setup" {
		payStatus = "no_payment_required"
	}
	cs := &checkoutSession{
		meta:           meta{ID: id, Object: "checkout.session"},
		AmountSubtotal: total, AmountTotal: total, Created: now, CustomFields: []struct{}{}, Customer: cusRef,
		ExpiresAt: now + 24*3600, Metadata: map[string]string{}, Mode: mode, PaymentMethodCollection: "always",
		PaymentMethodTypes: []string{"card"}, PaymentStatus: payStatus, ShippingOptions: []struct{}{}, Status: "open",
		UIMode: "hosted_page", URL: ptr("https://checkout.stripe.com/c/pay/" + id), LineItems: items,
	}
	if currency != "" {
		cs.Currency = &currency
	}
	if mode == "payment" {
		cs.CustomerCreation = ptr("if_required")
	}
	setNullable(&cs.CancelURL, f, "cancel_url")
	setNullable(&cs.SuccessURL, f, "success_url")
	setNullable(&cs.ClientReferenceID, f, "client_reference_id")
	setNullable(&cs.CustomerEmail, f, "customer_email")
	setNullable(&cs.Locale, f, "locale")
	setNullable(&cs.SubmitType, f, "submit_type")
	if b, ok := f.bool("allow_promotion_codes"); ok {
		cs.AllowPromotionCodes = &b
	}
	if v, ok := f.int("expires_at"); ok {
		cs.ExpiresAt = v
	}
	cs.Metadata = mergeMetadata(cs.Metadata, f)
	cs.PaymentIntentData = checkoutPassOnParams(f.sub("payment_intent_data"))
	cs.SubscriptionData = checkoutPassOnParams(f.sub("subscription_data"))
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(cs)
	return s.renderSession(cs, r.expand), nil
}

func (s *Server) expireCheckoutSession(r *request) (any, error) {
	cs, err := getAs[*checkoutSession](s, "checkout.session", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	if cs.Status != "open" {
		return nil, invalid("", "", "Only Checkout Sessions with a status of `open` can be expired (this one is %s).", cs.Status)
	}
	cs.Status = "expired"
	cs.URL = nil
	s.emit(r, "checkout.session.expired", cs, nil)
	return s.renderSession(cs, r.expand), nil
}

// CompleteCheckoutSession completes an open checkout session as a
// customer paying with pm_card_visa on its hosted page would: in payment
// mode it creates and confirms the session's payment intent, in
// subscription mode it creates the subscription (and a customer from
// customer_email when the session has none), in setup mode a succeeded
// setup intent. The session becomes complete (payment_status paid, or
// no_payment_required) and checkout.session.completed is emitted. It
// works on sessions of connected accounts too.
func (s *Server) CompleteCheckoutSession(id string) error {
	err := s.completeCheckoutSession(id)
	if err == nil {
		s.autoSave()
	}
	return err
}

func (s *Server) completeCheckoutSession(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.st, s.at = s.platform, 0 }()
	var cs *checkoutSession
	stores := []*store{s.platform}
	for _, st := range s.accounts {
		stores = append(stores, st)
	}
	for _, st := range stores {
		if x, ok := lookupAs[*checkoutSession](st, id); ok {
			s.st, cs = st, x
			break
		}
	}
	if cs == nil {
		return fmt.Errorf("stripetest: no such checkout session %q", id)
	}
	if cs.Status != "open" {
		return fmt.Errorf("stripetest: checkout session %s is %v, not open", id, cs.Status)
	}
	call := func(fn handlerFunc, v url.Values) (obj, error) {
		tree, perr := parseForm(v)
		if perr != nil {
			return nil, perr
		}
		r := &request{s: s, method: "POST", path: "", id: "", pathVal: func(string) string { return "" },
			form: &form{m: tree, err: new(error)}}
		out, err := fn(r)
		if err == nil {
			err = *r.form.err
		}
		if err != nil {
			return nil, err
		}
		o, _ := out.(obj)
		return o, nil
	}
	withData := func(v url.Values, data checkoutPassOn, prefix string) {
		for k, val := range data.Metadata {
			v.Set(prefix+"["+k+"]", val)
		}
		if data.Description != nil {
			v.Set("description", *data.Description)
		}
	}
	cusID, email := deref(cs.Customer), deref(cs.CustomerEmail)
	if cusID == "" && cs.Mode != "payment" {
		v := url.Values{}
		if email != "" {
			v.Set("email", email)
		}
		cus, err := call(s.createCustomer, v)
		if err != nil {
			return err
		}
		cusID = str(cus, "id")
		cs.Customer = &cusID
	}
	switch cs.Mode {
	case "payment":
		v := url.Values{"amount": {strconv.FormatInt(cs.AmountTotal, 10)}, "currency": {deref(cs.Currency)},
			"payment_method": {"pm_card_visa"}, "confirm": {"true"}}
		if cusID != "" {
			v.Set("customer", cusID)
		}
		withData(v, cs.PaymentIntentData, "metadata")
		pi, err := call(s.createPaymentIntent, v)
		if err != nil {
			return err
		}
		cs.PaymentIntent = ptr(str(pi, "id"))
		cs.PaymentStatus = "paid"
	case "subscription":
		v := url.Values{"customer": {cusID}, "default_payment_method": {"pm_card_visa"}}
		for i, li := range cs.LineItems {
			v.Set(fmt.Sprintf("items[%d][price]", i), li.Price)
			v.Set(fmt.Sprintf("items[%d][quantity]", i), strconv.FormatInt(li.Quantity, 10))
		}
		withData(v, cs.SubscriptionData, "metadata")
		if n := cs.SubscriptionData.TrialPeriodDays; n != nil {
			v.Set("trial_period_days", *n)
		}
		sub, err := call(s.createSubscription, v)
		if err != nil {
			return err
		}
		cs.Subscription = ptr(str(sub, "id"))
		cs.Invoice = nil
		if inv := idOf(sub["latest_invoice"]); inv != "" {
			cs.Invoice = &inv
		}
		cs.PaymentStatus = "paid"
	case "setup":
		v := url.Values{"payment_method": {"pm_card_visa"}, "confirm": {"true"}}
		if cusID != "" {
			v.Set("customer", cusID)
		}
		si, err := call(s.createSetupIntent, v)
		if err != nil {
			return err
		}
		cs.SetupIntent = ptr(str(si, "id"))
	}
	if email == "" {
		if cus, ok := lookupAs[*customer](s.st, cusID); ok && cus.Email != nil {
			email = *cus.Email
		}
	}
	details := &checkoutCustomerDetails{TaxExempt: "none", TaxIDs: []struct{}{}}
	if email != "" {
		details.Email = &email
	}
	cs.CustomerDetails = details
	cs.Status = "complete"
	cs.URL = nil
	s.emit(nil, "checkout.session.completed", cs, nil)
	return nil
}
