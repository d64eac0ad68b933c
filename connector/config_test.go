package connector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stripelite/stripe"
)

// runConfig runs an action on a mock client and returns the error and the
// number of requests sent.
func runConfig(t *testing.T, action, config string) (any, []sent, error) {
	t.Helper()
	c, mt := newTestClient(t)
	rec := record(mt, `{"id": "x_1", "object": "x"}`)
	out, err := Run(context.Background(), c, action, json.RawMessage(config))
	return out, rec.sent(), err
}

func requireConfigError(t *testing.T, err error, field, code string) *ConfigError {
	t.Helper()
	var ce *ConfigError
	require.True(t, errors.As(err, &ce), "want *ConfigError, got %v", err)
	assert.Equal(t, field, ce.Field, "field of %q", ce.Error())
	assert.Equal(t, code, ce.Code, "code of %q", ce.Error())
	if field != "" {
		assert.Contains(t, ce.Error(), fmt.Sprintf("%q", field))
	}
	return ce
}

// wrongValue is a JSON value of the wrong type for a field.
func wrongValue(f Field) string {
	switch f.Type {
	case "string":
		return `123`
	case "integer":
		return `"12"`
	case "boolean":
		return `"true"`
	case "number":
		return `"1.5"`
	case "object":
		return `"x"`
	default: // array
		return `{"a": "b"}`
	}
}

// TestActionsBadConfig derives three kinds of bad config from each action's
// first test case: an unknown field, each field with a wrong type, and the
// config without each required field. None may send a request.
func TestActionsBadConfig(t *testing.T) {
	t.Parallel()
	for _, a := range Actions() {
		cases := actionCases[a.Name]
		if len(cases) == 0 {
			continue // TestCatalog reports it
		}
		valid := map[string]json.RawMessage{}
		require.NoError(t, json.Unmarshal([]byte(cases[0].config), &valid), a.Name)
		with := func(key, val string) string {
			m := map[string]json.RawMessage{}
			for k, v := range valid {
				if k != key {
					m[k] = v
				}
			}
			if val != "" {
				m[key] = json.RawMessage(val)
			}
			b, err := json.Marshal(m)
			require.NoError(t, err)
			return string(b)
		}
		short := strings.TrimPrefix(a.Name, "stripe.")

		t.Run(short+"/unknown field", func(t *testing.T) {
			t.Parallel()
			_, reqs, err := runConfig(t, a.Name, with("bogusField", `1`))
			requireConfigError(t, err, "bogusField", CodeUnknownField)
			assert.Empty(t, reqs)
		})
		for _, f := range a.Fields {
			t.Run(short+"/wrong type/"+f.Name, func(t *testing.T) {
				t.Parallel()
				_, reqs, err := runConfig(t, a.Name, with(f.Name, wrongValue(f)))
				requireConfigError(t, err, f.Name, CodeInvalidType)
				assert.Empty(t, reqs)
			})
			if !f.Required {
				continue
			}
			t.Run(short+"/missing/"+f.Name, func(t *testing.T) {
				t.Parallel()
				_, reqs, err := runConfig(t, a.Name, with(f.Name, ""))
				requireConfigError(t, err, f.Name, CodeMissingField)
				assert.Empty(t, reqs)
			})
		}
	}
}

// TestIntegers pins the number rules: amounts must be whole numbers; a
// whole number may be written with an exponent or a zero fraction.
func TestIntegers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		amount string
		want   string // the form value sent, or "" for a refusal
		code   string
	}{
		{"1000", "1000", ""},
		{"1e3", "1000", ""},
		{"1E3", "1000", ""},
		{"1000.0", "1000", ""},
		{"2.5e1", "25", ""},
		{"9223372036854775807", "9223372036854775807", ""},
		{"10.5", "", CodeInvalidType},
		{"1e-1", "", CodeInvalidType},
		{"9223372036854775808", "", CodeInvalidValue},
		{"1e30", "", CodeInvalidValue},
		{"0", "", CodeInvalidValue},  // below the minimum of 1
		{"-5", "", CodeInvalidValue}, // below the minimum of 1
		{`"1000"`, "", CodeInvalidType},
		{`true`, "", CodeInvalidType},
		{`[1000]`, "", CodeInvalidType},
	} {
		t.Run(tc.amount, func(t *testing.T) {
			t.Parallel()
			_, reqs, err := runConfig(t, "stripe.createPaymentIntent", `{"amount": `+tc.amount+`, "currency": "usd"}`)
			if tc.want == "" {
				requireConfigError(t, err, "amount", tc.code)
				assert.Empty(t, reqs)
				return
			}
			require.NoError(t, err)
			require.Len(t, reqs, 1)
			assert.Equal(t, tc.want, reqs[0].Form.Get("amount"))
		})
	}
}

func TestConfigRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, action, config string
		field, code          string
		reason               string // a substring of the message
	}{
		{"not an object", "stripe.getCustomer", `["cus_1"]`, "", CodeInvalidJSON, "must be a JSON object"},
		{"invalid JSON", "stripe.getCustomer", `{"customerId": "cus_1"`, "", CodeInvalidJSON, "must be a JSON object"},
		{"trailing data", "stripe.getCustomer", `{"customerId": "cus_1"} {}`, "", CodeInvalidJSON, "trailing data"},
		{"duplicate key", "stripe.getCustomer", `{"customerId": "cus_1", "customerId": "cus_2"}`, "customerId", CodeInvalidJSON, "more than once"},
		{"duplicate metadata key", "stripe.createCustomer", `{"metadata": {"a": "1", "a": "2"}}`, "metadata.a", CodeInvalidJSON, "more than once"},
		{"snake_case hint", "stripe.getCustomer", `{"customer_id": "cus_1"}`, "customer_id", CodeUnknownField, `did you mean "customerId"`},
		{"case hint", "stripe.getCustomer", `{"CustomerID": "cus_1"}`, "CustomerID", CodeUnknownField, `did you mean "customerId"`},
		{"required null", "stripe.getCustomer", `{"customerId": null}`, "customerId", CodeMissingField, "must not be null"},
		{"required empty", "stripe.getCustomer", `{"customerId": ""}`, "customerId", CodeMissingField, "must not be empty"},
		{"enum", "stripe.createInvoice", `{"customerId": "cus_1", "collectionMethod": "email"}`, "collectionMethod", CodeInvalidValue, "charge_automatically, send_invoice"},
		{"limit above max", "stripe.listCustomers", `{"limit": 101}`, "limit", CodeInvalidValue, "at most 100"},
		{"limit below min", "stripe.listCustomers", `{"limit": 0}`, "limit", CodeInvalidValue, "at least 1"},
		{"metadata value not a string", "stripe.createCustomer", `{"metadata": {"n": 1}}`, "metadata.n", CodeInvalidType, "must be a string"},
		{"nested unknown field", "stripe.createSubscription", `{"customerId": "cus_1", "items": [{"price": "p", "qty": 1}]}`, "items[0].qty", CodeUnknownField, "unknown field"},
		{"nested missing field", "stripe.createSubscription", `{"customerId": "cus_1", "items": [{"quantity": 1}]}`, "items[0].price", CodeMissingField, "required"},
		{"nested wrong type", "stripe.createSubscription", `{"customerId": "cus_1", "items": [{"price": "p", "quantity": 1.5}]}`, "items[0].quantity", CodeInvalidType, "integer"},
		{"array element not an object", "stripe.createSubscription", `{"customerId": "cus_1", "items": ["price_1"]}`, "items[0]", CodeInvalidType, "object"},
		{"no items", "stripe.createSubscription", `{"customerId": "cus_1", "items": []}`, "items", CodeMissingField, "at least one"},
		{"nested object unknown field", "stripe.createCustomer", `{"address": {"zip": "1"}}`, "address.zip", CodeUnknownField, "unknown field"},
		{"array element wrong type", "stripe.createProduct", `{"name": "n", "images": [1]}`, "images[0]", CodeInvalidType, "string"},
		{"refund needs a target", "stripe.createRefund", `{"amount": 100}`, "chargeId", CodeMissingField, "exactly one"},
		{"refund takes one target", "stripe.createRefund", `{"chargeId": "ch_1", "paymentIntentId": "pi_1"}`, "chargeId", CodeMissingField, "exactly one"},
		{"send_invoice needs a due date", "stripe.createInvoice", `{"customerId": "cus_1", "collectionMethod": "send_invoice"}`, "daysUntilDue", CodeMissingField, "send_invoice needs one of daysUntilDue or dueDate"},
		{"due date without send_invoice", "stripe.createInvoice", `{"customerId": "cus_1", "daysUntilDue": 30}`, "daysUntilDue", CodeInvalidValue, "only with collectionMethod send_invoice"},
		{"days and date", "stripe.createInvoice", `{"customerId": "cus_1", "collectionMethod": "send_invoice", "daysUntilDue": 3, "dueDate": 1700000000}`, "dueDate", CodeInvalidValue, "not both"},
		{"subscription send_invoice needs days", "stripe.createSubscription", `{"customerId": "cus_1", "items": [{"price": "p"}], "collectionMethod": "send_invoice"}`, "daysUntilDue", CodeMissingField, "send_invoice needs daysUntilDue"},
		{"charge needs something to charge", "stripe.createCharge", `{"amount": 100, "currency": "usd"}`, "customerId", CodeMissingField, "at least one of customerId and source"},
		{"invoice item by amount needs currency", "stripe.createInvoiceItem", `{"customerId": "cus_1", "amount": 100}`, "currency", CodeMissingField, "required with amount"},
		{"price needs one product", "stripe.createPrice", `{"currency": "usd", "unitAmount": 1, "productId": "prod_1", "productName": "n"}`, "productId", CodeMissingField, "exactly one"},
		{"amountOff needs currency", "stripe.createCoupon", `{"amountOff": 500}`, "currency", CodeMissingField, "required with amountOff"},
		{"coupon takes one discount", "stripe.createCoupon", `{"amountOff": 500, "currency": "usd", "percentOff": 10}`, "amountOff", CodeMissingField, "exactly one of amountOff and percentOff"},
		{"repeating needs months", "stripe.createCoupon", `{"percentOff": 10, "duration": "repeating"}`, "durationInMonths", CodeMissingField, "repeating needs durationInMonths"},
		{"percentOff is a number", "stripe.createCoupon", `{"percentOff": "10"}`, "percentOff", CodeInvalidType, "must be a number"},
		{"find needs a criterion", "stripe.findCustomer", `{}`, "email", CodeMissingField, "at least one of email and name and phone and metadata"},
		{"search status, not a list filter", "stripe.findSubscription", `{"status": "all"}`, "status", CodeInvalidValue, "must be one of"},
		{"long strings are not echoed", "stripe.createInvoice", `{"customerId": "cus_1", "collectionMethod": "` + strings.Repeat("x", 100) + `"}`, "collectionMethod", CodeInvalidValue, "got a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, reqs, err := runConfig(t, tc.action, tc.config)
			ce := requireConfigError(t, err, tc.field, tc.code)
			assert.Contains(t, ce.Error(), tc.reason)
			assert.Contains(t, ce.Error(), tc.action)
			assert.Empty(t, reqs)
			info := ErrorInfoOf(err)
			assert.Equal(t, "config_error", info.Type)
			assert.Equal(t, tc.code, info.Code)
			assert.Equal(t, tc.field, info.Param)
		})
	}
}

func TestConfigNullAndEmpty(t *testing.T) {
	t.Parallel()
	// null for an optional field means "not set"; a missing config is {}.
	_, reqs, err := runConfig(t, "stripe.listCustomers", `{"email": null, "limit": null}`)
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	assert.Empty(t, reqs[0].Query)

	for _, cfg := range []string{"", "null"} {
		_, reqs, err = runConfig(t, "stripe.getBalance", cfg)
		require.NoError(t, err)
		assert.Len(t, reqs, 1)
	}
}

func TestNilClient(t *testing.T) {
	t.Parallel()
	_, err := Run(context.Background(), nil, "stripe.getBalance", nil)
	require.Error(t, err)
	// A bad config is still reported as such without a client.
	_, err = Run(context.Background(), nil, "stripe.getCustomer", json.RawMessage(`{}`))
	requireConfigError(t, err, "customerId", CodeMissingField)
}

// TestCatalog validates the catalog itself.
func TestCatalog(t *testing.T) {
	t.Parallel()
	actions := Actions()
	require.GreaterOrEqual(t, len(actions), 32)
	seen := map[string]bool{}
	for _, a := range actions {
		require.NoError(t, a.err, a.Name)
		assert.False(t, seen[a.Name], "duplicate action %s", a.Name)
		seen[a.Name] = true
		assert.Regexp(t, `^stripe\.[a-z][A-Za-z]+$`, a.Name)
		assert.NotEmpty(t, a.Description, a.Name)
		assert.NotContains(t, a.Description, "\n", a.Name)
		assert.True(t, strings.HasSuffix(a.Description, "."), "%s: description ends with a period", a.Name)
		assert.NotNil(t, a.Run, a.Name)
		var example map[string]any
		assert.NoError(t, json.Unmarshal(a.OutputExample, &example), "%s: output example is a JSON object", a.Name)
		checkFields(t, a.Name, a.Fields)
		if a.Generated { // checked by TestGeneratedCatalog
			continue
		}
		assert.NotEmpty(t, actionCases[a.Name], "%s has no test case in actionCases", a.Name)
		_, err := os.Stat(filepath.Join("..", "testdata", "actions", strings.TrimPrefix(a.Name, "stripe.")+".json"))
		assert.NoError(t, err, "%s has no example in testdata/actions", a.Name)
	}
	for name := range actionCases {
		assert.True(t, seen[name], "actionCases has %s, which is not in the catalog", name)
	}
	for _, name := range []string{
		"stripe.getCustomer", "stripe.createCustomer", "stripe.updateCustomer", "stripe.listCustomers", "stripe.findCustomer",
		"stripe.getCard", "stripe.listCards", "stripe.addCard", "stripe.removeCard",
		"stripe.createInvoice", "stripe.createInvoiceItem", "stripe.getInvoice", "stripe.listInvoices",
		"stripe.finalizeInvoice", "stripe.sendInvoice", "stripe.voidInvoice",
		"stripe.createPaymentIntent", "stripe.getPaymentIntent", "stripe.confirmPaymentIntent",
		"stripe.capturePaymentIntent", "stripe.cancelPaymentIntent", "stripe.listPaymentIntents",
		"stripe.createSubscription", "stripe.getSubscription", "stripe.updateSubscription",
		"stripe.cancelSubscription", "stripe.listSubscriptions",
		"stripe.getBalance", "stripe.listBalanceTransactions", "stripe.createCharge", "stripe.createProduct", "stripe.createRefund",
	} {
		assert.True(t, seen[name], "the issue asks for %s", name)
	}

	// Actions hands out copies: changing them leaves the catalog alone.
	actions[0].Fields[0].Name = "changed"
	a, ok := Lookup(actions[0].Name)
	require.True(t, ok)
	assert.NotEqual(t, "changed", a.Fields[0].Name)
}

func checkFields(t *testing.T, path string, fields []Field) {
	t.Helper()
	names := map[string]bool{}
	for _, f := range fields {
		p := path + "." + f.Name
		assert.Regexp(t, `^[a-z][A-Za-z0-9]*$`, f.Name, "%s is camelCase", p)
		assert.False(t, names[f.Name], "%s declared twice", p)
		names[f.Name] = true
		assert.Contains(t, []string{"string", "integer", "number", "boolean", "object", "array"}, f.Type, p)
		assert.NotEmpty(t, f.Description, "%s has a description", p)
		if f.Type == "array" {
			assert.Contains(t, []string{"string", "object"}, f.ItemType, p)
		}
		checkFields(t, p, f.Fields)
	}
}

// TestSchemas checks every schema against the action's fields.
func TestSchemas(t *testing.T) {
	t.Parallel()
	for _, a := range Actions() {
		var s map[string]any
		require.NoError(t, json.Unmarshal(a.Schema(), &s), a.Name)
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"], a.Name)
		assert.Equal(t, a.Name, s["title"])
		assert.Equal(t, a.Description, s["description"])
		checkSchema(t, a.Name, s, a.Fields)
	}
}

func checkSchema(t *testing.T, path string, s map[string]any, fields []Field) {
	t.Helper()
	assert.Contains(t, []any{"object", []any{"object", "null"}}, s["type"], path)
	assert.Equal(t, false, s["additionalProperties"], "%s: additionalProperties", path)
	props, _ := s["properties"].(map[string]any)
	assert.Len(t, props, len(fields), path)
	var required []string
	for _, f := range fields {
		p := path + "." + f.Name
		prop, ok := props[f.Name].(map[string]any)
		require.True(t, ok, "%s missing from the schema", p)
		assert.Equal(t, f.Description, prop["description"], p)
		var enum []any
		for _, e := range f.Enum {
			enum = append(enum, e)
		}
		if f.Required {
			required = append(required, f.Name)
			assert.Equal(t, f.Type, prop["type"], p)
		} else { // null means not set
			assert.Equal(t, []any{f.Type, "null"}, prop["type"], p)
			if enum != nil {
				enum = append(enum, nil)
			}
		}
		if f.Enum != nil && f.Type == "string" {
			assert.Equal(t, enum, prop["enum"], p)
		}
		if f.MinItems != nil {
			assert.EqualValues(t, *f.MinItems, prop["minItems"], p)
		}
		if f.Minimum != nil {
			assert.EqualValues(t, *f.Minimum, prop["minimum"], p)
		}
		if f.Maximum != nil {
			assert.EqualValues(t, *f.Maximum, prop["maximum"], p)
		}
		switch {
		case f.Type == "array" && f.ItemType == "object":
			checkSchema(t, p+"[]", prop["items"].(map[string]any), f.Fields)
		case f.Type == "array" && f.Enum != nil:
			assert.Equal(t, map[string]any{"type": "string", "enum": enum[:len(f.Enum)]}, prop["items"], p)
		case f.Type == "array":
			assert.Equal(t, map[string]any{"type": "string"}, prop["items"], p)
		case f.Type == "object" && f.Fields == nil:
			assert.Equal(t, map[string]any{"type": "string"}, prop["additionalProperties"], p)
		case f.Type == "object":
			checkSchema(t, p, prop, f.Fields)
		}
	}
	var got []string
	reqs, _ := s["required"].([]any)
	for _, r := range reqs {
		got = append(got, r.(string))
	}
	slices.Sort(got)
	slices.Sort(required)
	assert.Equal(t, required, got, "%s: required", path)
}

func TestSchemaCreateInvoice(t *testing.T) {
	t.Parallel()
	a, ok := Lookup("stripe.createInvoice")
	require.True(t, ok)
	var s struct {
		Required   []string `json:"required"`
		Properties map[string]struct {
			Type      any   `json:"type"`
			Enum      []any `json:"enum"`
			MinLength int   `json:"minLength"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(a.Schema(), &s))
	assert.Equal(t, []string{"customerId"}, s.Required)
	assert.Equal(t, 1, s.Properties["customerId"].MinLength)
	assert.Equal(t, "string", s.Properties["customerId"].Type)
	assert.Equal(t, []any{"boolean", "null"}, s.Properties["autoAdvance"].Type)
	assert.Equal(t, []any{"integer", "null"}, s.Properties["daysUntilDue"].Type)
	assert.Equal(t, []any{"charge_automatically", "send_invoice", nil}, s.Properties["collectionMethod"].Enum)
	assert.Equal(t, []any{"object", "null"}, s.Properties["metadata"].Type)
}

// TestSpecRules checks that malformed config structs are caught.
func TestSpecRules(t *testing.T) {
	t.Parallel()
	type requiredPtr struct {
		A *string `json:"a" required:"true" desc:"d"`
	}
	type optionalValue struct {
		A string `json:"a" desc:"d"`
	}
	type noName struct {
		A *string `desc:"d"`
	}
	type badType struct {
		A *float32 `json:"a" desc:"d"`
	}
	type dup struct {
		customerIDConfig
		B string `json:"customerId" required:"true" desc:"d"`
	}
	for _, a := range []Action{
		define("t.a", "d.", "{}", func(context.Context, *stripe.Client, *requiredPtr, stripe.Params) (any, error) { return nil, nil }),
		define("t.b", "d.", "{}", func(context.Context, *stripe.Client, *optionalValue, stripe.Params) (any, error) { return nil, nil }),
		define("t.c", "d.", "{}", func(context.Context, *stripe.Client, *noName, stripe.Params) (any, error) { return nil, nil }),
		define("t.d", "d.", "{}", func(context.Context, *stripe.Client, *badType, stripe.Params) (any, error) { return nil, nil }),
		define("t.e", "d.", "{}", func(context.Context, *stripe.Client, *dup, stripe.Params) (any, error) { return nil, nil }),
		define("t.f", "d.", "{}", func(context.Context, *stripe.Client, *badRuleConfig, stripe.Params) (any, error) { return nil, nil }),
	} {
		assert.Error(t, a.err, a.Name)
		_, err := a.Run(context.Background(), nil, nil)
		assert.Error(t, err, a.Name)
	}
}

func TestWebhookTriggers(t *testing.T) {
	t.Parallel()
	seen := map[stripe.EventType]bool{}
	for _, tr := range WebhookTriggers() {
		assert.False(t, seen[tr.Event], "duplicate %s", tr.Event)
		seen[tr.Event] = true
		assert.NotEmpty(t, tr.Description)
	}
	for _, e := range []stripe.EventType{
		"invoice.paid", "invoice.payment_failed", "customer.subscription.created", "customer.subscription.updated",
		"customer.subscription.deleted", "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded",
	} {
		assert.True(t, seen[e], "missing %s", e)
	}
}

// badRuleConfig has a rule naming a field it does not have.
type badRuleConfig struct {
	A *string `json:"a" desc:"d"`
}

func (*badRuleConfig) rules() []rule { return []rule{exactlyOne("a", "nope")} }
