// Package connector maps the named actions of workflow platforms
// ("stripe.createInvoice" with a camelCase JSON config) onto the typed
// stripe client, once, for every platform.
//
//	out, err := connector.Run(ctx, c, "stripe.createInvoice", json.RawMessage(`{
//		"customerId": "cus_123", "autoAdvance": false,
//		"collectionMethod": "send_invoice", "daysUntilDue": 30}`),
//		connector.WithIdempotencyKey("run-42-step-3"))
//
// The catalog ([Actions], [Lookup]) has an action for every method of
// every service of the client. Each [Action] carries its name, a one-line
// description, its input [Field]s, a JSON Schema of its config
// ([Action.Schema]), an output example and a Run function. All three views
// of a config (fields, schema, decoder) come from one Go struct per action,
// so they cannot drift apart; enums come from the SDK's typed constants,
// and rules across fields are in both the schema and Run. Configs are
// decoded strictly: an unknown field, a value of the wrong type, a
// fractional amount or a missing required field is a *[ConfigError] naming
// the field, returned before any request is sent. Actions the SDK gained
// last are generated from the method by reflection ([Action.Generated]).
//
// A step's envelope is {"action", "config", "idempotencyKey",
// "stripeAccount"}: [WithIdempotencyKey] and [WithStripeAccount] apply to
// every request the action sends. Run's output is the JSON Stripe sent.
// Every action calls the SDK; there is no second HTTP path.
//
// [WebhookTriggers] lists the event types a webhook node can subscribe to;
// [PollingTriggers] polls instead, for new objects or for each event type;
// [LoadOptions] fills form dropdowns.
package connector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/stripelite/stripe"
)

// Field describes one field of an action's config.
type Field struct {
	// Name is the camelCase JSON name, e.g. "customerId".
	Name string `json:"name"`
	// Type is the JSON Schema type: string, integer, number, boolean, object
	// or array.
	Type        string `json:"type"`
	Required    bool   `json:"required,omitempty"`
	Description string `json:"description"`
	// Enum lists the allowed values of a string (or of each element of an
	// array of strings); empty when any value is allowed.
	Enum []string `json:"enum,omitempty"`
	// Minimum and Maximum bound an integer.
	Minimum *int64 `json:"minimum,omitempty"`
	Maximum *int64 `json:"maximum,omitempty"`
	// MinItems is the least number of elements of an array.
	MinItems *int64 `json:"minItems,omitempty"`
	// ItemType is the element type of an array: "string" or "object".
	ItemType string `json:"itemType,omitempty"`
	// Fields are the properties of an object, or of each element of an
	// array of objects. An object without Fields (metadata) maps strings to
	// strings.
	Fields []Field `json:"fields,omitempty"`
}

// RunFunc runs an action: it decodes config strictly and makes the SDK
// calls, each with the options given.
type RunFunc func(ctx context.Context, c *stripe.Client, config json.RawMessage, opts ...Option) (any, error)

// Action is one named operation of the catalog.
type Action struct {
	// Name is the platform-facing name, e.g. "stripe.getCustomer".
	Name string
	// Description is one line for a node picker.
	Description string
	// Fields are the config's fields, in declaration order.
	Fields []Field
	// OutputExample is an abbreviated example of Run's result as JSON.
	OutputExample json.RawMessage
	// Generated actions are built by reflection from an SDK method with no
	// hand-written action yet: every parameter the SDK models, under its
	// camelCase name, with generic descriptions.
	Generated bool
	// Run decodes a config and performs the action. Its result is a
	// json.RawMessage: the JSON Stripe sent (an object, or a list object for
	// list actions; with returnAll, one list object of every page's
	// objects), unchanged. A bad config returns a *ConfigError and sends
	// nothing; a Stripe error is a *stripe.Error.
	Run RunFunc

	specs  []fieldSpec
	rules  []rule       // rules across fields, in Run and the schema
	config reflect.Type // the config struct
	err    error        // a malformed config struct, reported by Run and the catalog test
}

// Schema returns the JSON Schema (draft 2020-12) of the action's config.
func (a Action) Schema() json.RawMessage {
	js := objectSchema(a.specs, a.rules)
	js.Schema = "https://json-schema.org/draft/2020-12/schema"
	js.Title = a.Name
	js.Description = a.Description
	b, err := json.MarshalIndent(js, "", "  ")
	if err != nil { // cannot happen: the schema is plain data
		return nil
	}
	return b
}

// Config error codes (ConfigError.Code).
const (
	CodeInvalidJSON   = "invalid_json"
	CodeUnknownAction = "unknown_action"
	CodeUnknownField  = "unknown_field"
	CodeMissingField  = "missing_field"
	CodeInvalidType   = "invalid_type"
	CodeInvalidValue  = "invalid_value"
)

// ConfigError is a config the connector refused before sending anything.
type ConfigError struct {
	Action string
	// Field is the offending field's path, such as "daysUntilDue" or
	// "items[0].price"; empty when the problem is the config as a whole.
	Field string
	// Code is one of the Code* constants.
	Code   string
	Reason string
}

// Error returns one line naming the action and the field.
func (e *ConfigError) Error() string {
	msg := "connector: " + e.Action + ": "
	if e.Action == "" {
		msg = "connector: "
	}
	if e.Field != "" {
		msg += fmt.Sprintf("config field %q: ", e.Field)
	}
	return msg + e.Reason
}

// define builds an action from its config struct C and the function that
// calls the SDK with a decoded config.
// run gets the stripe.Params every request of the action must embed: they
// carry the step's idempotency key and connected account.
func define[C any](name, description, output string, run func(ctx context.Context, c *stripe.Client, cfg *C, base stripe.Params) (any, error)) Action {
	specs, err := specsOf(reflect.TypeFor[C]())
	var rules []rule
	if r, ok := any(new(C)).(ruler); ok && err == nil {
		rules = r.rules()
		err = checkRules(rules, specs)
	}
	return newAction(name, description, output, reflect.TypeFor[C](), specs, rules, err,
		func(ctx context.Context, c *stripe.Client, cfg reflect.Value, base stripe.Params) (any, error) {
			return run(ctx, c, cfg.Addr().Interface().(*C), base)
		})
}

// newAction builds an action over a config struct type and its field
// table: Run validates the options, decodes the config strictly, enforces
// the rules, then calls run and outputs what Stripe sent.
func newAction(name, description, output string, config reflect.Type, specs []fieldSpec, rules []rule, err error,
	run func(ctx context.Context, c *stripe.Client, cfg reflect.Value, base stripe.Params) (any, error)) Action {
	a := Action{Name: name, Description: description, OutputExample: json.RawMessage(output), specs: specs,
		rules: rules, config: config, err: err}
	for _, s := range specs {
		a.Fields = append(a.Fields, s.Field)
	}
	a.Run = func(ctx context.Context, c *stripe.Client, raw json.RawMessage, opts ...Option) (any, error) {
		if err != nil {
			return nil, fmt.Errorf("connector: %s: %w", name, err)
		}
		var o options
		for _, opt := range opts {
			if opt != nil {
				opt(&o)
			}
		}
		if cerr := o.validate(); cerr != nil {
			cerr.Action = name
			return nil, cerr
		}
		if len(raw) == 0 || string(raw) == "null" {
			raw = json.RawMessage("{}")
		}
		cfg := reflect.New(config).Elem()
		if err := (decoder{action: name}).object("", raw, cfg, specs); err != nil {
			return nil, err
		}
		if cerr := enforce(rules, cfg, specs); cerr != nil {
			cerr.Action = name
			return nil, cerr
		}
		if c == nil {
			return nil, errors.New("connector: nil *stripe.Client")
		}
		var rec responses
		out, err := run(stripe.WithResponseHook(ctx, rec.add), c, cfg,
			stripe.Params{IdempotencyKey: o.idempotencyKey, StripeAccount: o.stripeAccount})
		if err != nil {
			return nil, err
		}
		return rec.output(out)
	}
	return a
}

var catalog = sync.OnceValue(func() []Action {
	var all []Action
	for _, group := range [][]Action{
		customerActions(), cardActions(), invoiceActions(), invoiceItemActions(), paymentIntentActions(),
		subscriptionActions(), balanceActions(), chargeActions(), refundActions(), productActions(), eventActions(),
		couponActions(), findActions(),
	} {
		all = append(all, group...)
	}
	for _, m := range generatedMethods {
		service, method, _ := strings.Cut(m, ".")
		all = append(all, generated(service, method))
	}
	return all
})

// Actions returns the catalog, in a stable order. The slice is the
// caller's to change.
func Actions() []Action {
	all := slices.Clone(catalog())
	for i := range all {
		all[i].Fields = cloneFields(all[i].Fields)
	}
	return all
}

// Lookup returns the action with the given name.
func Lookup(name string) (Action, bool) {
	i := slices.IndexFunc(catalog(), func(a Action) bool { return a.Name == name })
	if i < 0 {
		return Action{}, false
	}
	a := catalog()[i]
	a.Fields = cloneFields(a.Fields)
	return a, true
}

func cloneFields(fs []Field) []Field {
	fs = slices.Clone(fs)
	for i := range fs {
		fs[i].Enum = slices.Clone(fs[i].Enum)
		fs[i].Fields = cloneFields(fs[i].Fields)
	}
	return fs
}

// Run runs the named action with config and options (WithIdempotencyKey,
// WithStripeAccount). An unknown name is a *ConfigError with Code
// CodeUnknownAction.
func Run(ctx context.Context, c *stripe.Client, name string, config json.RawMessage, opts ...Option) (any, error) {
	a, ok := Lookup(name)
	if !ok {
		return nil, &ConfigError{Field: "action", Code: CodeUnknownAction, Reason: fmt.Sprintf("unknown action %q", name)}
	}
	return a.Run(ctx, c, config, opts...)
}

// ErrorInfo is the JSON shape of an error for a workflow platform:
// {"error": {"type", "code", "message", "param", "request_id"}}.
type ErrorInfo struct {
	// Type is Stripe's error type (card_error, invalid_request_error, ...),
	// "config_error" for a refused config, "api_connection_error" when
	// Stripe could not be reached, "canceled", or "client_error" for a
	// request the client refused to send.
	Type      string `json:"type"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	Param     string `json:"param,omitempty"`
	RequestID string `json:"request_id"`
	// DeclineCode is set for declined cards.
	DeclineCode string `json:"decline_code,omitempty"`
	// HTTPStatus is Stripe's HTTP status, when there was a response.
	HTTPStatus int `json:"http_status,omitempty"`
}

// ErrorInfoOf describes err for output. Messages never carry the API key:
// Stripe's messages are redacted by the client, and config errors do not
// echo long values.
func ErrorInfoOf(err error) ErrorInfo {
	var se *stripe.Error
	var ce *ConfigError
	switch {
	case errors.As(err, &se):
		return ErrorInfo{
			Type: string(se.Type), Code: string(se.Code), Message: se.Message, Param: se.Param,
			RequestID: se.RequestID, DeclineCode: se.DeclineCode, HTTPStatus: se.HTTPStatus,
		}
	case errors.As(err, &ce):
		return ErrorInfo{Type: "config_error", Code: ce.Code, Message: ce.Error(), Param: ce.Field}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ErrorInfo{Type: "canceled", Message: err.Error()}
	case errors.As(err, new(net.Error)):
		return ErrorInfo{Type: "api_connection_error", Message: err.Error()}
	default:
		// Refused by the client before sending, e.g. an ID of "..".
		return ErrorInfo{Type: "client_error", Message: err.Error()}
	}
}
