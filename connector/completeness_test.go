package connector

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// excludedMethods are the service methods that have no action of their
// own, with the reason. Only helpers belong here, never a Stripe
// endpoint: a new endpoint gets an action.
var excludedMethods = map[string]string{
	// All walks every page of List; the list action's returnAll does that
	// (checked below: the list action must have a returnAll field).
	"All": "covered by returnAll of the list action",
	// SearchAll walks every page of Search, likewise.
	"SearchAll": "covered by returnAll of the search action",
	// Poller builds a stripe.Poller over List: a polling trigger, not a
	// one-shot action (see PollingTriggers).
	"Poller": "a polling trigger, not an action",
}

// actionAliases names the actions that do not follow the naming rule of
// actionNameFor, by service method.
var actionAliases = map[string]string{
	"Cards.Create": "stripe.addCard",    // the platforms' word for saving a card
	"Cards.Delete": "stripe.removeCard", // likewise
}

// serviceMethod is one exported method of a service of *stripe.Client.
type serviceMethod struct {
	service string // the Client field path, e.g. "Customers"
	method  string
}

// serviceMethods walks *stripe.Client's service fields (and service fields
// of those, for grouped services) by reflection.
func serviceMethods() []serviceMethod {
	var out []serviceMethod
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.Elem().NumField(); i++ {
			f := t.Elem().Field(i)
			if !f.IsExported() || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct ||
				!strings.HasSuffix(f.Type.Elem().Name(), "Service") {
				continue
			}
			name := prefix + f.Name
			for m := 0; m < f.Type.NumMethod(); m++ {
				out = append(out, serviceMethod{service: name, method: f.Type.Method(m).Name})
			}
			walk(name, f.Type)
		}
	}
	walk("", reflect.TypeFor[*stripe.Client]())
	return out
}

// singular is the object name of a service: Customers -> Customer.
func singular(service string) string {
	if strings.HasSuffix(service, "s") && !strings.HasSuffix(service, "ss") {
		return strings.TrimSuffix(service, "s")
	}
	return service
}

// actionNameFor is the action expected for a service method: Get, Create,
// Capture, ... on Charges is getCharge, createCharge, captureCharge; List
// and Search name the plural (listCharges, searchCharges); a method of
// more words puts the object after the verb (Invoices.ListLines is
// listInvoiceLines, Invoices.MarkUncollectible markInvoiceUncollectible).
func actionNameFor(m serviceMethod) string {
	if a, ok := actionAliases[m.service+"."+m.method]; ok {
		return a
	}
	verb, rest := m.method, ""
	for i, r := range m.method {
		if i > 0 && unicode.IsUpper(r) {
			verb, rest = m.method[:i], m.method[i:]
			break
		}
	}
	obj := singular(m.service)
	if rest == "" && (verb == "List" || verb == "Search") {
		obj = m.service
	}
	return "stripe." + strings.ToLower(verb) + obj + rest
}

// TestEveryMethodHasAnAction fails on any service method of *stripe.Client
// without its action, other than the helpers in excludedMethods.
func TestEveryMethodHasAnAction(t *testing.T) {
	t.Parallel()
	methods := serviceMethods()
	require.GreaterOrEqual(t, len(methods), 78, "the walk finds the client's services")
	var missing []string
	for _, m := range methods {
		if _, ok := excludedMethods[m.method]; ok {
			if strings.HasSuffix(m.method, "All") { // returnAll on the list or search action
				list := actionNameFor(serviceMethod{m.service, strings.TrimSuffix(m.method, "All")})
				if m.method == "All" {
					list = actionNameFor(serviceMethod{m.service, "List"})
				}
				a, ok := Lookup(list)
				if assert.True(t, ok, "%s.%s: no %s to carry returnAll", m.service, m.method, list) {
					assert.True(t, slices.ContainsFunc(a.Fields, func(f Field) bool { return f.Name == "returnAll" }),
						"%s has no returnAll field, which %s.%s is excluded for", list, m.service, m.method)
				}
			}
			continue
		}
		if _, ok := Lookup(actionNameFor(m)); !ok {
			missing = append(missing, m.service+"."+m.method+" -> "+actionNameFor(m))
		}
	}
	assert.Empty(t, missing, "service methods without an action")
}

func TestActionNameFor(t *testing.T) {
	t.Parallel()
	for m, want := range map[serviceMethod]string{
		{"Charges", "Capture"}:              "stripe.captureCharge",
		{"Charges", "List"}:                 "stripe.listCharges",
		{"Customers", "Search"}:             "stripe.searchCustomers",
		{"Invoices", "ListLines"}:           "stripe.listInvoiceLines",
		{"Invoices", "MarkUncollectible"}:   "stripe.markInvoiceUncollectible",
		{"Balance", "Get"}:                  "stripe.getBalance",
		{"BalanceTransactions", "List"}:     "stripe.listBalanceTransactions",
		{"Cards", "Create"}:                 "stripe.addCard",
		{"CheckoutSessions", "Expire"}:      "stripe.expireCheckoutSession",
		{"SubscriptionItems", "Delete"}:     "stripe.deleteSubscriptionItem",
		{"BillingPortalSessions", "Create"}: "stripe.createBillingPortalSession",
	} {
		assert.Equal(t, want, actionNameFor(m))
	}
}
