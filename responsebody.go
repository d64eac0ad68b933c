package stripe

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
)

// What a 2xx body must be before it is decoded: a JSON object, with no
// "error" member anywhere at its top level, and, when the type decoded into
// has an Object field (every Stripe object and page does), a non-empty
// "object" member. A body that is not ("null", "{}", an object with an
// error member after its data) is an error, never a zero object.

// ErrUnexpectedResponse matches, with errors.Is, a 2xx response whose body
// is not what the call expects: not a JSON object, or without the "object"
// member every Stripe object has. A 2xx body with an "error" member is an
// *Error instead.
var ErrUnexpectedResponse = errors.New("stripe: unexpected response body")

// bodyError is a 2xx body checkBody refused.
type bodyError struct{ msg string }

func (e *bodyError) Error() string        { return e.msg }
func (e *bodyError) Is(target error) bool { return target == ErrUnexpectedResponse }

func newBodyError(format string, args ...any) error {
	return &bodyError{msg: fmt.Sprintf(format, args...)}
}

// topLevel is what the scan of a body's top level found.
type topLevel struct {
	hasError  bool // an "error" member (any case, as encoding/json matches)
	hasObject bool // an "object" member with a non-empty string value
}

// scanTopLevel reads the members of the JSON object body without decoding
// their values: linear in the body, and no allocation unless a key or the
// object value is escaped or not ASCII. ok is false if body is not a
// well-formed object (the decoder then says what is wrong).
func scanTopLevel(body []byte) (top topLevel, ok bool) {
	s := jsonScanner{b: body}
	s.space()
	if !s.eat('{') {
		return top, false
	}
	s.space()
	if s.eat('}') {
		return top, s.end()
	}
	for {
		s.space()
		key, ok := scanText(&s)
		if !ok {
			return top, false
		}
		s.space()
		if !s.eat(':') {
			return top, false
		}
		s.space()
		switch {
		case bytes.EqualFold(key, []byte("error")):
			top.hasError = true
			if !s.skipValue() {
				return top, false
			}
		case bytes.EqualFold(key, []byte("object")) && s.peek() == '"':
			v, ok := scanText(&s)
			if !ok {
				return top, false
			}
			top.hasObject = len(v) > 0
		default:
			if !s.skipValue() {
				return top, false
			}
		}
		s.space()
		if s.eat('}') {
			return top, s.end()
		}
		if !s.eat(',') {
			return top, false
		}
	}
}

// scanText reads a string at s's cursor and returns its text, unescaped. The
// text aliases the body unless the string has escapes or non-ASCII bytes,
// so reading a key costs no allocation.
func scanText(s *jsonScanner) ([]byte, bool) {
	start := s.i
	inner, ok := s.str()
	if !ok {
		return nil, false
	}
	for _, c := range inner {
		if c == '\\' || c >= utf8.RuneSelf {
			var v string
			if json.Unmarshal(s.b[start:s.i], &v) != nil {
				return nil, false
			}
			return []byte(v), true
		}
	}
	return inner, true
}

// needsObject reports whether out's type is a struct with an Object field
// decoded from "object", as every Stripe object and page type has (cached
// per type). Its value is not compared with a name: test fakes and
// stripe-mock answer with placeholder object names, and a response of the
// wrong kind fails to decode on its own fields.
func needsObject(out any) bool {
	t := reflect.TypeOf(out)
	if t == nil || t.Kind() != reflect.Pointer {
		return false
	}
	t = t.Elem()
	if v, ok := objectFields.Load(t); ok {
		return v.(bool)
	}
	need := false
	if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName("Object"); ok && f.Type.Kind() == reflect.String {
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			need = tag == "object"
		}
	}
	objectFields.Store(t, need)
	return need
}

var objectFields sync.Map // reflect.Type -> bool

// checkBody returns why a 2xx body, decoded into out, is not a response of
// the expected kind, or nil. An error member makes an *Error.
func checkBody(status int, requestID string, body []byte, out any) error {
	top, ok := scanTopLevel(body)
	if !ok {
		if out == nil || json.Valid(body) {
			return newBodyError("stripe: %d response is not a JSON object [%s]", status, requestID)
		}
		return nil // malformed: the decoder says where
	}
	if top.hasError {
		return newError(status, requestID, body)
	}
	if needsObject(out) && !top.hasObject {
		return newBodyError("stripe: %d response has no \"object\" member [%s]", status, requestID)
	}
	return nil
}
