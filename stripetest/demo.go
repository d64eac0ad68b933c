package stripetest

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// Demo data IDs, as preloaded by WithDemoData.
const (
	DemoCustomer             = "cus_123"        // Jenny Rosen, jenny@example.com
	DemoCard                 = "card_123"       // Visa 4242 (tok_visa), cus_123's default source
	DemoProduct              = "prod_123"       // "Demo plan"
	DemoPrice                = "price_123"      // 20.00 usd a month
	DemoSubscription         = "sub_123"        // active, cus_123 on price_123
	DemoSubscriptionItem     = "si_123"         // sub_123's item, quantity 1
	DemoCharge               = "ch_123"         // 20.00 usd, captured, nothing refunded
	DemoDraftInvoice         = "in_123"         // draft, 50.00 usd (item ii_123)
	DemoDraftInvoiceItem     = "ii_123"         // on in_123
	DemoOpenInvoice          = "in_open_123"    // open (finalized, unpaid), 15.00 usd (item ii_open_123)
	DemoOpenInvoiceItem      = "ii_open_123"    // on in_open_123
	DemoPaymentIntent        = "pi_123"         // 20.00 usd, requires_confirmation
	DemoCapturePaymentIntent = "pi_capture_123" // 20.00 usd, manual capture, requires_capture
)

// WithDemoData preloads a small, fixed data set with stable IDs, so that
// examples and demos referring to cus_123, in_123, pi_123, ... work on a
// fresh server:
//
//	cus_123         customer Jenny Rosen <jenny@example.com>, invoice prefix DEMO
//	card_123        Visa 4242 from tok_visa, cus_123's default source
//	prod_123        product "Demo plan"
//	price_123       price of prod_123: 2000 usd, recurring monthly
//	sub_123         active subscription of cus_123 to price_123, item si_123
//	                (quantity 1); its first invoice is paid with card_123
//	ch_123          captured 2000 usd charge on card_123, refundable
//	in_123          draft invoice (send_invoice, due in 30 days) of 5000 usd,
//	                one invoice item ii_123: can be edited, finalized, deleted
//	in_open_123     open invoice (send_invoice) of 1500 usd, item ii_open_123:
//	                can be sent, paid, voided
//	pi_123          payment intent of 2000 usd for cus_123 with pm_card_visa,
//	                requires_confirmation: can be confirmed or canceled
//	pi_capture_123  payment intent of 2000 usd, capture_method manual,
//	                requires_capture: can be captured or canceled
//
// The objects are made by the server's own request handlers, as if a client
// had sent the requests, so they are consistent with each other: the
// subscription's first invoice, payment intent and charge exist (with
// generated IDs), the charges are in the balance, invoice numbers are
// DEMO-0001, DEMO-0002, .... Their created times are the server's clock when
// New runs. No events are recorded or sent for them: the data is the
// account's starting state, so the event list starts empty and a webhook
// receives only events of what happens after New. Generated IDs have 14
// random characters after the prefix, so they never collide with these.
func WithDemoData() Option {
	return func(s *Server) { s.demo = true }
}

// seedDemo creates the WithDemoData objects, through the routes' handlers,
// before the server listens. An error is a bug in stripetest.
func (s *Server) seedDemo() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	hooks := s.hooks
	s.hooks = nil // no deliveries for the demo data
	defer func() { s.hooks = hooks }()

	steps := []struct {
		method, path string
		params       url.Values
		ids          map[string]string // prefix -> fixed ID
	}{
		{"POST", "/v1/customers", url.Values{
			"email": {"jenny@example.com"}, "name": {"Jenny Rosen"}, "description": {"stripetest demo customer"},
			"invoice_prefix": {"DEMO"}, "source": {"tok_visa"},
		}, map[string]string{"cus": DemoCustomer, "card": DemoCard}},
		{"POST", "/v1/products", url.Values{"name": {"Demo plan"}, "description": {"The stripetest demo plan"}},
			map[string]string{"prod": DemoProduct}},
		{"POST", "/v1/prices", url.Values{
			"product": {DemoProduct}, "currency": {"usd"}, "unit_amount": {"2000"}, "recurring[interval]": {"month"},
		}, map[string]string{"price": DemoPrice}},
		{"POST", "/v1/subscriptions", url.Values{
			"customer": {DemoCustomer}, "items[0][price]": {DemoPrice}, "items[0][quantity]": {"1"},
		}, map[string]string{"sub": DemoSubscription, "si": DemoSubscriptionItem}},
		{"POST", "/v1/charges", url.Values{
			"customer": {DemoCustomer}, "amount": {"2000"}, "currency": {"usd"}, "description": {"Demo charge"},
		}, map[string]string{"ch": DemoCharge}},
		{"POST", "/v1/invoices", url.Values{
			"customer": {DemoCustomer}, "collection_method": {"send_invoice"}, "days_until_due": {"30"},
			"auto_advance": {"false"}, "description": {"Demo draft invoice"},
		}, map[string]string{"in": DemoDraftInvoice}},
		{"POST", "/v1/invoiceitems", url.Values{
			"customer": {DemoCustomer}, "invoice": {DemoDraftInvoice}, "amount": {"5000"}, "currency": {"usd"},
			"description": {"Consulting, 2 hours"},
		}, map[string]string{"ii": DemoDraftInvoiceItem}},
		{"POST", "/v1/invoices", url.Values{
			"customer": {DemoCustomer}, "collection_method": {"send_invoice"}, "days_until_due": {"30"},
			"auto_advance": {"false"}, "description": {"Demo open invoice"},
		}, map[string]string{"in": DemoOpenInvoice}},
		{"POST", "/v1/invoiceitems", url.Values{
			"customer": {DemoCustomer}, "invoice": {DemoOpenInvoice}, "amount": {"1500"}, "currency": {"usd"},
			"description": {"Setup fee"},
		}, map[string]string{"ii": DemoOpenInvoiceItem}},
		{"POST", "/v1/invoices/" + DemoOpenInvoice + "/finalize", url.Values{"auto_advance": {"false"}}, nil},
		{"POST", "/v1/payment_intents", url.Values{
			"customer": {DemoCustomer}, "amount": {"2000"}, "currency": {"usd"}, "payment_method": {"pm_card_visa"},
			"description": {"Demo payment"},
		}, map[string]string{"pi": DemoPaymentIntent}},
		{"POST", "/v1/payment_intents", url.Values{
			"customer": {DemoCustomer}, "amount": {"2000"}, "currency": {"usd"}, "payment_method": {"pm_card_visa"},
			"capture_method": {"manual"}, "confirm": {"true"}, "description": {"Demo authorization"},
		}, map[string]string{"pi": DemoCapturePaymentIntent}},
	}
	for _, st := range steps {
		if err := s.seedCall(st.method, st.path, st.params, st.ids); err != nil {
			return fmt.Errorf("%s %s: %w", st.method, st.path, err)
		}
	}
	s.st.dropKind("event")
	return nil
}

// seedCall runs the handler of method and path with params, as dispatch
// would for a request, with the first new ID of each prefix in ids fixed.
// Callers hold s.mu.
func (s *Server) seedCall(method, path string, params url.Values, ids map[string]string) error {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var rt *route
	var vals map[string]string
	for _, cand := range s.routes {
		if v, ok := cand.match(method, segs); ok {
			rt, vals = cand, v
			break
		}
	}
	if rt == nil {
		return fmt.Errorf("no route")
	}
	tree, perr := parseForm(params)
	if perr != nil {
		return perr
	}
	if e := rt.checkParams(tree); e != nil {
		return e
	}
	r := &request{s: s, method: method, path: path, pathVal: func(k string) string { return vals[k] },
		form: &form{m: tree, err: new(error)}}
	s.fixedIDs = make(map[string]string, len(ids))
	for p, id := range ids {
		if _, taken := s.st.lookup(id); taken {
			return fmt.Errorf("%s already exists", id)
		}
		s.fixedIDs[p] = id
	}
	_, err := runHandler(rt.fn, r)
	if err == nil {
		err = *r.form.err
	}
	unused := make([]string, 0, len(s.fixedIDs))
	for _, id := range s.fixedIDs {
		unused = append(unused, id)
	}
	s.fixedIDs = nil
	if err != nil {
		return err
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		return fmt.Errorf("IDs not used: %s", strings.Join(unused, ", "))
	}
	return nil
}
