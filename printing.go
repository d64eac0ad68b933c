package stripe

// How this package's values print: no fmt verb, slog handler or
// encoding/json call writes the API key, the Basic credential built from it,
// or a client secret held in an event.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// secret holds a credential inside a closure. fmt follows struct fields and
// pointers by reflection, and for a verb a type does not support (%t, %d,
// %c...) it prints the value with %v without calling its methods, so a
// string field is never safe from it; a func's captured variables are out
// of its reach.
type secret struct{ get func() string }

func newSecret(v string) *secret { return &secret{get: func() string { return v }} }

// reveal returns the credential, for the Authorization header only.
func (s *secret) reveal() string { return s.get() }

// String redacts, so a secret never prints.
func (*secret) String() string { return redacted }

// Format implements fmt.Formatter: every verb prints String's description
// of the client (GoString's for %#v), formatted as a string would be, so no
// verb reaches the credential.
func (c *Client) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, c.GoString())
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), c.String())
}

// Format implements fmt.Formatter, for Error and *Error alike. %#v prints
// the fields in Go syntax, each masked as Error masks them; every other
// verb formats Error()'s line as a string, so no verb prints a key or
// client secret, whatever the fields hold.
func (e Error) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		// A local type of the same name, so %#v reads &stripe.Error{...}.
		type Error struct {
			Type                                                    ErrorType
			Code                                                    ErrorCode
			DeclineCode, Param, Message, DocURL, Charge, AdviceCode string
			HTTPStatus                                              int
			RequestID                                               string
		}
		m := func(s string) string { return redact(oneLine(s)) }
		fmt.Fprintf(f, "&%#v", Error{
			Type: ErrorType(m(string(e.Type))), Code: ErrorCode(m(string(e.Code))),
			DeclineCode: m(e.DeclineCode), Param: m(e.Param), Message: m(e.Message), DocURL: m(e.DocURL),
			Charge: m(e.Charge), AdviceCode: m(e.AdviceCode), HTTPStatus: e.HTTPStatus, RequestID: m(e.RequestID),
		})
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), e.Error())
}

// Format implements fmt.Formatter: data.object and previous_attributes
// print as JSON text with client secrets (and anything shaped like a key)
// masked, for every verb. The fields themselves keep the bytes Stripe sent.
func (d EventData) Format(f fmt.State, verb rune) {
	type EventData struct { // %#v reads stripe.EventData{...}
		Object             string
		PreviousAttributes map[string]string
	}
	v := EventData{Object: string(redactJSON(d.Object))}
	if d.PreviousAttributes != nil {
		v.PreviousAttributes = make(map[string]string, len(d.PreviousAttributes))
		for k, raw := range redactMembers(d.PreviousAttributes) {
			v.PreviousAttributes[k] = string(raw)
		}
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), v)
}

// MarshalJSON writes the event data with client secrets (and anything
// shaped like a key) masked, as ClientSecret marshals itself, so an Event
// logged by slog's JSON handler or stored with encoding/json never carries
// one. Data.Object itself keeps the bytes Stripe sent.
func (d EventData) MarshalJSON() ([]byte, error) {
	out := struct {
		Object             json.RawMessage            `json:"object"`
		PreviousAttributes map[string]json.RawMessage `json:"previous_attributes"`
	}{Object: redactJSON(d.Object), PreviousAttributes: redactMembers(d.PreviousAttributes)}
	return json.Marshal(out)
}

// redactMembers redacts the members of a JSON object held as a map, as
// redactJSON redacts the object.
func redactMembers(m map[string]json.RawMessage) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	out := make(map[string]json.RawMessage, len(m))
	for k, raw := range m {
		if t := bytes.TrimSpace(raw); isSecretName(k) && len(t) > 0 && t[0] == '"' && !bytes.Equal(t, []byte(`""`)) {
			raw = json.RawMessage(`"` + redacted + `"`)
		} else {
			raw = redactJSON(raw)
		}
		out[redact(k)] = raw
	}
	return out
}

// redactJSON returns the JSON value raw with the value of every member
// named client_secret, secret or *_secret replaced by "[REDACTED]" and every
// other string passed through redact. Text that is not JSON comes back as a
// redacted JSON string.
func redactJSON(raw []byte) []byte {
	if len(bytes.TrimSpace(raw)) == 0 {
		return raw
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		b, _ := json.Marshal(redact(string(raw)))
		return b
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(redactValue(v)); err != nil {
		b, _ := json.Marshal(redacted)
		return b
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

func redactValue(v any) any {
	switch v := v.(type) {
	case string:
		return redact(v)
	case []any:
		for i := range v {
			v[i] = redactValue(v[i])
		}
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && s != "" && isSecretName(k) {
				v[k] = redacted
				continue
			}
			v[k] = redactValue(x)
		}
	}
	return v
}

// isSecretName reports whether a member name holds a secret: client_secret
// (PaymentIntent, SetupIntent, Checkout), secret (webhook endpoints,
// ephemeral keys) and the like.
func isSecretName(k string) bool {
	k = strings.ToLower(k)
	return k == "secret" || strings.HasSuffix(k, "_secret")
}
