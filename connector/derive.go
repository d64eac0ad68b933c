package connector

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/stripelite/stripe"
)

// Generated actions cover the service methods that have no hand-written
// action yet (see generatedMethods): built by reflection from the method
// and its params type, they take every parameter the SDK models (under its
// camelCase name), the path IDs as required fields, and returnAll for list
// methods. Hand-written actions are better (curated fields, descriptions,
// rules across fields); a generated one makes a new service usable at once.

// generatedMethods are the service methods ("Coupons.Create") whose
// actions are generated. A method gets a hand-written action by moving it
// from here to a define call.
var generatedMethods = []string{
	"Charges.Search", "Customers.Search", "Invoices.Search", "PaymentIntents.Search", "Prices.Search",
	"Products.Search", "Subscriptions.Search",
	"BillingMeterEvents.Create",
	"BillingPortalSessions.Create",
	"CheckoutSessions.Create", "CheckoutSessions.Expire", "CheckoutSessions.Get", "CheckoutSessions.List", "CheckoutSessions.ListLineItems", "CheckoutSessions.Update",
	"Coupons.Delete", "Coupons.Get", "Coupons.List", "Coupons.Update",
	"CreditNotes.Create", "CreditNotes.Get", "CreditNotes.Lines", "CreditNotes.List", "CreditNotes.Preview", "CreditNotes.PreviewLines", "CreditNotes.Update", "CreditNotes.Void",
	"CustomerBalanceTransactions.Create", "CustomerBalanceTransactions.Get", "CustomerBalanceTransactions.List", "CustomerBalanceTransactions.Update",
	"Customers.DeleteDiscount", "Customers.GetPaymentMethod", "Customers.ListPaymentMethods",
	"Disputes.Close", "Disputes.Get", "Disputes.List", "Disputes.Update",
	"Invoices.AddLines", "Invoices.CreatePreview", "Invoices.Lines", "Invoices.MarkUncollectible", "Invoices.RemoveLines", "Invoices.UpdateLine", "Invoices.UpdateLines",
	"PaymentLinks.Create", "PaymentLinks.Get", "PaymentLinks.List", "PaymentLinks.ListLineItems", "PaymentLinks.Update",
	"PaymentMethods.Attach", "PaymentMethods.Create", "PaymentMethods.Detach", "PaymentMethods.Get", "PaymentMethods.List", "PaymentMethods.Update",
	"Payouts.Cancel", "Payouts.Create", "Payouts.Get", "Payouts.List", "Payouts.Reverse", "Payouts.Update",
	"PromotionCodes.Create", "PromotionCodes.Get", "PromotionCodes.List", "PromotionCodes.Update",
	"SetupIntents.Cancel", "SetupIntents.Confirm", "SetupIntents.Create", "SetupIntents.Get", "SetupIntents.List", "SetupIntents.Update",
	"SubscriptionItems.Create", "SubscriptionItems.Delete", "SubscriptionItems.Get", "SubscriptionItems.List", "SubscriptionItems.Update",
	"Subscriptions.DeleteDiscount",
	"TaxIDs.Create", "TaxIDs.Delete", "TaxIDs.Get", "TaxIDs.List",
	"TaxRates.Create", "TaxRates.Get", "TaxRates.List", "TaxRates.Update",
	"Transfers.Create", "Transfers.Get", "Transfers.List", "Transfers.Update",
	"WebhookEndpoints.Create", "WebhookEndpoints.Delete", "WebhookEndpoints.Get", "WebhookEndpoints.List", "WebhookEndpoints.Update",
}

// actionAliases names the actions that do not follow the rule of
// actionName, by service method.
var actionAliases = map[string]string{
	"Cards.Create":      "stripe.addCard",    // the platforms' word for saving a card
	"Cards.Delete":      "stripe.removeCard", // likewise
	"Invoices.Lines":    "stripe.listInvoiceLines",
	"CreditNotes.Lines": "stripe.listCreditNoteLines",
}

// actionName is the action of a service method: Get, Create, Capture, ...
// on Charges is getCharge, createCharge, captureCharge; List and Search
// name the plural (listCharges, searchCharges); a method of more words puts
// the object after the verb (Invoices.MarkUncollectible is
// markInvoiceUncollectible, CheckoutSessions.ListLineItems
// listCheckoutSessionLineItems).
func actionName(service, method string) string {
	if a, ok := actionAliases[service+"."+method]; ok {
		return a
	}
	verb, rest := method, ""
	for i, r := range method {
		if i > 0 && unicode.IsUpper(r) {
			verb, rest = method[:i], method[i:]
			break
		}
	}
	obj := singular(service)
	if rest == "" && (verb == "List" || verb == "Search") {
		obj = service
	}
	return "stripe." + strings.ToLower(verb) + obj + rest
}

// singular is the object name of a service: Customers -> Customer.
func singular(service string) string {
	if strings.HasSuffix(service, "s") && !strings.HasSuffix(service, "ss") {
		return strings.TrimSuffix(service, "s")
	}
	return service
}

// idParents names the first path ID of the services nested under another
// object (TaxIDs.Get(ctx, customerID, id, ...)).
var idParents = map[string]string{
	"Cards":                       "customerId",
	"TaxIDs":                      "customerId",
	"CustomerBalanceTransactions": "customerId",
}

// idOverrides names the path IDs of methods the rule of idNames gets wrong.
var idOverrides = map[string][]string{
	"Customers.GetPaymentMethod": {"customerId", "paymentMethodId"},
	"Invoices.UpdateLine":        {"invoiceId", "lineItemId"},
}

// idNames names a method's n path IDs: the parent's, then the object's own
// (taxId for TaxIDs, creditNoteId for CreditNotes).
func idNames(service, method string, n int) ([]string, error) {
	if ids, ok := idOverrides[service+"."+method]; ok {
		if len(ids) != n {
			return nil, fmt.Errorf("%s.%s takes %d IDs, not %d", service, method, n, len(ids))
		}
		return ids, nil
	}
	own := strings.TrimSuffix(singular(service), "ID")
	own = strings.ToLower(own[:1]) + own[1:] + "Id"
	parent, nested := idParents[service]
	switch {
	case n == 0:
		return nil, nil
	case n == 1 && nested && (method == "Create" || method == "List"):
		return []string{parent}, nil
	case n == 1:
		return []string{own}, nil
	case n == 2 && nested:
		return []string{parent, own}, nil
	}
	return nil, fmt.Errorf("%s.%s: no names for its %d IDs (add it to idOverrides)", service, method, n)
}

// camel turns Stripe's snake_case into camelCase: days_until_due is
// daysUntilDue.
func camel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// paramsSpecs is the field table of an SDK params struct: each field with
// a url tag, under the camelCase of its name. Embedded structs (Params,
// ListParams) are flattened. Fields of a type the decoder cannot fill (a
// Union of a number or a keyword) are left out: Stripe's default applies.
func paramsSpecs(t reflect.Type, prefix []int) []fieldSpec {
	var specs []fieldSpec
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		index := append(append([]int{}, prefix...), i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			specs = append(specs, paramsSpecs(sf.Type, index)...)
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("url"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			continue
		}
		s := fieldSpec{Field: Field{Name: camel(name), Description: "Stripe's " + name + " parameter."}, index: index}
		ft := sf.Type
		ptr := ft.Kind() == reflect.Pointer
		if ptr {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.String:
			s.kind, s.Type, s.Required = kString, "string", !ptr
		case ft.Kind() == reflect.Int64:
			s.kind, s.Type, s.Required = kInt, "integer", !ptr
		case ft.Kind() == reflect.Bool:
			s.kind, s.Type, s.Required = kBool, "boolean", !ptr
		case ft.Kind() == reflect.Float64:
			s.kind, s.Type, s.Required = kNumber, "number", !ptr
		case ft.Kind() == reflect.Map && ft.Key().Kind() == reflect.String && ft.Elem().Kind() == reflect.String:
			s.kind, s.Type = kStringMap, "object"
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			s.kind, s.Type, s.ItemType = kStringSlice, "array", "string"
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			s.sub = paramsSpecs(ft.Elem(), nil)
			s.kind, s.Type, s.ItemType = kObjectSlice, "array", "object"
		case ft.Kind() == reflect.Struct && ptr:
			s.sub = paramsSpecs(ft, nil)
			s.kind, s.Type = kObject, "object"
		default:
			continue
		}
		if (s.kind == kObject || s.kind == kObjectSlice) && len(s.sub) == 0 {
			continue
		}
		for _, sub := range s.sub {
			s.Fields = append(s.Fields, sub.Field)
		}
		s.enumType = enumType(sf.Type)
		if vals, ok := sdkEnums[s.enumType]; ok {
			s.Enum = vals
		}
		specs = append(specs, s)
	}
	return specs
}

// walkerOf names the page walker of a list method: All for List,
// SearchAll for Search, AllLineItems for ListLineItems, LinesAll for Lines.
func walkerOf(st reflect.Type, method string) (string, bool) {
	for _, name := range []string{
		strings.Replace(method, "List", "All", 1), method + "All",
	} {
		if m, ok := st.MethodByName(name); ok && m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.Func {
			return name, true
		}
	}
	return "", false
}

// generated builds the action of service method method by reflection.
func generated(service, method string) Action {
	name := actionName(service, method)
	fail := func(err error) Action {
		return Action{Name: name, Description: "Generated.", OutputExample: json.RawMessage(`{}`), err: err, Generated: true,
			Run: func(context.Context, *stripe.Client, json.RawMessage, ...Option) (any, error) {
				return nil, fmt.Errorf("connector: %s: %w", name, err)
			}}
	}
	sf, ok := reflect.TypeFor[stripe.Client]().FieldByName(service)
	if !ok || sf.Type.Kind() != reflect.Pointer {
		return fail(fmt.Errorf("no service %s", service))
	}
	m, ok := sf.Type.MethodByName(method)
	if !ok {
		return fail(fmt.Errorf("no method %s.%s", service, method))
	}
	mt := m.Type // receiver, ctx, IDs..., params
	last := mt.In(mt.NumIn() - 1)
	if mt.NumIn() < 3 || mt.In(1) != reflect.TypeFor[context.Context]() || last.Kind() != reflect.Pointer ||
		last.Elem().Kind() != reflect.Struct || mt.NumOut() != 2 {
		return fail(fmt.Errorf("%s.%s is not (ctx, IDs..., *Params) (*T, error)", service, method))
	}
	nIDs := mt.NumIn() - 3
	for i := 2; i < 2+nIDs; i++ {
		if mt.In(i).Kind() != reflect.String {
			return fail(fmt.Errorf("%s.%s: argument %d is not an ID", service, method, i-1))
		}
	}
	ids, err := idNames(service, method, nIDs)
	if err != nil {
		return fail(err)
	}
	outName := mt.Out(0).Elem().Name()
	isList := strings.HasPrefix(outName, "List[") || strings.HasPrefix(outName, "SearchResult[")
	walker, hasWalker := "", false
	if isList {
		walker, hasWalker = walkerOf(sf.Type, method)
	}

	// The config: the IDs, the params struct, and returnAll.
	var fields []reflect.StructField
	var specs []fieldSpec
	for i, id := range ids {
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("ID%d", i), Type: reflect.TypeFor[string]()})
		specs = append(specs, fieldSpec{Field: Field{Name: id, Type: "string", Required: true,
			Description: "The ID of the " + strings.TrimSuffix(id, "Id") + "."}, index: []int{i}, kind: kString})
	}
	pIndex := len(fields)
	fields = append(fields, reflect.StructField{Name: "P", Type: last.Elem()})
	specs = append(specs, paramsSpecs(last.Elem(), []int{pIndex})...)
	if hasWalker {
		fields = append(fields, reflect.StructField{Name: "ReturnAll", Type: reflect.TypeFor[*bool]()})
		specs = append(specs, fieldSpec{Field: Field{Name: "returnAll", Type: "boolean",
			Description: "Fetch every page and return all matching objects in one list, instead of one page."},
			index: []int{len(fields) - 1}, kind: kBool})
	}
	seen := map[string]bool{}
	for _, s := range specs {
		if seen[s.Name] {
			return fail(fmt.Errorf("%s.%s: field %q twice", service, method, s.Name))
		}
		seen[s.Name] = true
	}
	config := reflect.StructOf(fields)

	words := strings.TrimPrefix(name, "stripe.")
	description := fmt.Sprintf("%s (%s.%s; generated: every parameter of the SDK).", humanize(words), service, method)
	output := `{"id": "...", "object": "` + snake(singular(service)) + `"}`
	if isList {
		output = `{"object": "list", "data": [], "has_more": false}`
	}
	a := newAction(name, description, output, config, specs, nil, nil,
		func(ctx context.Context, c *stripe.Client, cfg reflect.Value, base stripe.Params) (any, error) {
			svc := reflect.ValueOf(c).Elem().FieldByName(service)
			if svc.IsNil() {
				return nil, fmt.Errorf("connector: %s: the client has no %s service", name, service)
			}
			args := []reflect.Value{reflect.ValueOf(ctx)}
			for i := range ids {
				args = append(args, cfg.Field(i))
			}
			params := cfg.Field(pIndex).Addr()
			setBase(params.Elem(), base)
			args = append(args, params)
			if hasWalker {
				if ra := cfg.Field(pIndex + 1); !ra.IsNil() && ra.Elem().Bool() {
					return allPages{}, drain(svc.MethodByName(walker).Call(args)[0])
				}
			}
			out := svc.MethodByName(method).Call(args)
			if err, _ := out[1].Interface().(error); err != nil {
				return nil, err
			}
			return out[0].Interface(), nil
		})
	a.Generated = true
	return a
}

// setBase puts the step's idempotency key and account in a params struct's
// embedded Params or RequestOptions.
func setBase(p reflect.Value, base stripe.Params) {
	for _, name := range []string{"Params", "RequestOptions"} {
		if f := p.FieldByName(name); f.IsValid() && f.Kind() == reflect.Struct {
			f.FieldByName("IdempotencyKey").SetString(base.IdempotencyKey)
			f.FieldByName("StripeAccount").SetString(base.StripeAccount)
			return
		}
	}
}

// drain ranges over an iter.Seq2[*T, error] to the end or the first error.
func drain(seq reflect.Value) error {
	var err error
	yield := reflect.MakeFunc(seq.Type().In(0), func(in []reflect.Value) []reflect.Value {
		if e, _ := in[1].Interface().(error); e != nil {
			err = e
			return []reflect.Value{reflect.ValueOf(false)}
		}
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
	return err
}

// humanize turns an action name into words: createCreditNote is "Create
// credit note".
func humanize(name string) string {
	var b strings.Builder
	for i, r := range name {
		switch {
		case i == 0:
			b.WriteRune(unicode.ToUpper(r))
		case unicode.IsUpper(r) && !(i > 0 && unicode.IsUpper(rune(name[i-1]))):
			b.WriteRune(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// snake is the object name of a Go type name: CreditNote is credit_note,
// TaxID tax_id.
func snake(name string) string {
	return strings.ReplaceAll(strings.ToLower(humanize(name)), " ", "_")
}
