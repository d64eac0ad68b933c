package stripe

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// printVerbs are the fmt verbs the leak table tries on every value: the
// usual ones, the bad-verb path (fmt prints a value it cannot format with
// %v, without calling its String method) and widths and flags. %p is left
// out: it prints an address.
var printVerbs = []string{
	"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "% x", "%t", "%d", "%f", "%c", "%U", "%b", "%o", "%e", "%g",
	"%10.4s", "%-50v", "%#x", "%+q", "%#q", "%T",
}

// leakForms are the forms a canary could be printed in: as is, hex and
// upper hex (%x of a string), base64, and Go-quoted.
func leakForms(canaries []string) []string {
	var out []string
	for _, s := range canaries {
		out = append(out, s, hex.EncodeToString([]byte(s)), strings.ToUpper(hex.EncodeToString([]byte(s))),
			base64.StdEncoding.EncodeToString([]byte(s)))
	}
	return out
}

// eventCanary is a client secret without the usual _secret_ shape, so only
// the member name can tell that it is one.
const eventCanary = "cs_Ev3ntCanaryOddShape"

func leakEvent() Event {
	return Event{
		ID: "evt_1", Object: "event", Type: EventPaymentIntentSucceeded, APIVersion: APIVersion,
		Data: EventData{
			Object: json.RawMessage(`{"id":"pi_3LeakCanary","object":"payment_intent","amount":2000,` +
				`"client_secret":"` + leakClientSecret + `","metadata":{"note":"` + leakKey + `"},` +
				`"next_action":{"webhook_secret":"` + eventCanary + `"}}`),
			PreviousAttributes: map[string]json.RawMessage{"client_secret": json.RawMessage(`"` + eventCanary + `"`)},
		},
		Request: &EventRequest{ID: "req_1", IdempotencyKey: "idem-1"},
	}
}

// TestPrintingNoVerbLeaks: no fmt verb of a client, params, an error or an
// event prints the key, the Basic credential, or a client secret.
func TestPrintingNoVerbLeaks(t *testing.T) {
	t.Parallel()
	c, err := NewClient(leakKey)
	require.NoError(t, err)
	hostile := newError(http.StatusPaymentRequired, "req_"+leakKey, []byte(`{"error":{"type":"card_error","message":"key `+leakKey+
		` cred Basic `+base64.StdEncoding.EncodeToString([]byte(leakKey+":"))+` cs `+leakClientSecret+`","param":"`+leakToken+`"}}`))
	handBuilt := &Error{Type: ErrorType(leakKey), Code: ErrorCode(leakClientSecret), Message: leakKey, Param: leakToken,
		DocURL: "https://x/" + leakKey, RequestID: leakKey, Charge: leakClientSecret, AdviceCode: leakKey, DeclineCode: leakKey}
	ev := leakEvent()
	evPage := List[Event]{Object: "list", Data: []Event{ev}}
	values := map[string]any{
		"*Client":         c,
		"Client":          *c,
		"struct{*Client}": struct{ C *Client }{c},
		"struct{client}":  struct{ c Client }{*c},
		"services":        c.Customers,
		"*CustomerCreateParams": &CustomerCreateParams{Params: Params{IdempotencyKey: "idem-1", StripeAccount: "acct_1"},
			Email: Ptr("a@example.com"), Metadata: Metadata{"k": "v"}},
		"PaymentIntentCreateParams":    PaymentIntentCreateParams{Amount: Ptr(int64(2000)), Currency: Ptr("usd")},
		"*SetupIntentConfirmParams":    &SetupIntentConfirmParams{ClientSecret: Ptr(leakClientSecret), PaymentMethod: Ptr("pm_1")},
		"SetupIntentGetParams":         SetupIntentGetParams{ClientSecret: Ptr(leakClientSecret)},
		"struct{SetupIntentGetParams}": struct{ P *SetupIntentGetParams }{&SetupIntentGetParams{ClientSecret: Ptr(leakClientSecret)}},
		"SetupIntent":                  SetupIntent{ID: "seti_1", ClientSecret: ClientSecret(leakClientSecret)},
		"WebhookEndpoint":              WebhookEndpoint{ID: "we_1", Secret: WebhookSecret("whsec_" + leakKey)},
		"*Error hostile":               hostile,
		"Error hostile":                *hostile,
		"*Error hand-built":            handBuilt,
		"Error hand-built":             *handBuilt,
		// fmt's own wrapper prints its fields for a bad verb, methods
		// skipped: only what the *Error holds protects it, and errors
		// from responses hold masked fields.
		"wrapped *Error":  fmt.Errorf("charge: %w", hostile),
		"Event":           ev,
		"*Event":          &ev,
		"EventData":       ev.Data,
		"List[Event]":     evPage,
		"struct{Event}":   struct{ E Event }{ev},
		"webhook handler": WebhookHandler("whsec_"+leakKey, nil),
	}
	canaries := leakForms(append(leakCanaries(), eventCanary))
	for name, v := range values {
		for _, verb := range printVerbs {
			out := fmt.Sprintf(verb, v)
			for _, s := range canaries {
				if strings.Contains(out, s) {
					t.Errorf("%s with %s prints %q:\n%s", name, verb, s, out)
					break
				}
			}
		}
	}
	// The redacted forms still say what they are.
	assert.Equal(t, c.String(), fmt.Sprintf("%s", c))
	assert.Equal(t, fmt.Sprintf("%q", c.String()), fmt.Sprintf("%q", c))
	assert.Equal(t, hostile.Error(), fmt.Sprintf("%v", hostile))
	assert.Equal(t, hostile.Error(), fmt.Sprintf("%+v", *hostile))
	assert.Contains(t, fmt.Sprintf("%#v", handBuilt), `&stripe.Error{Type:"sk_test_[REDACTED]"`)
	assert.Contains(t, fmt.Sprintf("%v", ev), `"amount":2000`)
	assert.Contains(t, fmt.Sprintf("%v", ev), `"client_secret":"[REDACTED]"`)
	// The event itself keeps what Stripe sent, for Decode.
	var pi PaymentIntent
	require.NoError(t, ev.Data.Decode(&pi))
	assert.Equal(t, leakClientSecret, pi.ClientSecret.Reveal())
}

// TestPrintingEventSlogRedacts: logging an event with slog's JSON or text
// handler prints no client secret, however the event is passed.
func TestPrintingEventSlogRedacts(t *testing.T) {
	t.Parallel()
	ev := leakEvent()
	canaries := leakForms(append(leakCanaries(), eventCanary))
	for _, kind := range []string{"json", "text"} {
		var buf bytes.Buffer
		var h slog.Handler = slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
		if kind == "text" {
			h = slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
		}
		log := slog.New(h)
		log.Debug("event", "event", ev, "ptr", &ev, "data", ev.Data, "nested", struct{ E *Event }{&ev},
			slog.Group("g", "ev", ev))
		log.Info("page", "page", &List[Event]{Data: []Event{ev}})
		out := buf.String()
		for _, s := range canaries {
			assert.NotContains(t, out, s, "%s handler", kind)
		}
		assert.Contains(t, out, "pi_3LeakCanary", "%s handler: the object is still logged", kind)
		assert.Contains(t, out, "[REDACTED]", kind)
	}

	// JSON of an event is valid, keeps everything but the secrets, and
	// still decodes.
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	var back Event
	require.NoError(t, json.Unmarshal(b, &back))
	var pi PaymentIntent
	require.NoError(t, back.Data.Decode(&pi))
	assert.Equal(t, "pi_3LeakCanary", pi.ID)
	assert.Equal(t, int64(2000), pi.Amount)
	assert.Equal(t, "[REDACTED]", pi.ClientSecret.Reveal())
	assert.JSONEq(t, `"[REDACTED]"`, string(back.Data.PreviousAttributes["client_secret"]))
	assert.Equal(t, "evt_1", back.ID)

	// An event without data, or with data that is not JSON, still prints
	// and marshals.
	b, err = json.Marshal(Event{ID: "evt_2"})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"data":{"object":null,"previous_attributes":null}`)
	bad := EventData{Object: json.RawMessage("not json " + leakKey)}
	b, err = json.Marshal(bad)
	require.NoError(t, err)
	assert.NotContains(t, string(b), leakKey)
	assert.NotContains(t, fmt.Sprintf("%s", bad), leakKey)
}

// Params holding a client secret send it (fmt never follows their *string
// fields, so the table above finds nothing printed).
func TestPrintingParamsStillEncodeSecrets(t *testing.T) {
	t.Parallel()
	form, err := encodeForm(&SetupIntentConfirmParams{ClientSecret: Ptr(leakClientSecret), PaymentMethod: Ptr("pm_1")})
	require.NoError(t, err)
	assert.Equal(t, leakClientSecret, form.Get("client_secret"))
	assert.Equal(t, "pm_1", form.Get("payment_method"))
	form, err = encodeForm(SetupIntentGetParams{ClientSecret: Ptr(leakClientSecret)})
	require.NoError(t, err)
	assert.Equal(t, leakClientSecret, form.Get("client_secret"))
}
