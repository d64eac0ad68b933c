package stripe

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxExpansionDepth is how many expanded objects may nest inside one
// another in a response. Stripe expands at most four levels deep; the
// margin of two keeps objects Stripe always sends whole from tipping a
// legitimate response over. A deeper response is an error matching
// [ErrExpansionTooDeep], found in one pass over the body before anything is
// decoded, so decoding time stays linear in the body size however the
// server nests its objects.
const MaxExpansionDepth = 6

// ErrExpansionTooDeep is returned (wrapped) when expanded objects in a
// response nest deeper than [MaxExpansionDepth].
var ErrExpansionTooDeep = fmt.Errorf("stripe: expanded objects nest deeper than %d levels", MaxExpansionDepth)

// maxScanNesting is encoding/json's own nesting limit; past it the scan
// stops and leaves the error to json.Unmarshal.
const maxScanNesting = 10000

// checkExpansionDepth reports ErrExpansionTooDeep when the JSON value b,
// decoded into shape s at expansion depth depth, holds expanded objects
// nested deeper than MaxExpansionDepth. It reads b once and allocates
// nothing for well-formed Stripe JSON; malformed JSON is left for
// json.Unmarshal to report.
//
// Each Expandable checks its own bytes before decoding them, so an object
// nested k levels deep is scanned at most k times: with k bounded, the
// total work is a constant times the body size.
func checkExpansionDepth(b []byte, s *jsonShape, depth int) error {
	sc := expansionScanner{jsonScanner{b: b}}
	if err := sc.value(s, depth, 0); err != nil && err != errScanStop {
		return err
	}
	return nil
}

// errScanStop ends a scan of malformed JSON; json.Unmarshal reports it.
var errScanStop = errors.New("stop")

// expansionScanner walks a value against the shape it decodes into,
// counting the expanded objects it passes through. Its input is normally
// a value encoding/json has already validated (it does before calling an
// UnmarshalJSON method), so it only finds where each string ends (rawStr,
// fast over long ones) and stops at the first thing it cannot walk.
type expansionScanner struct{ jsonScanner }

// value scans one JSON value that decodes into shape s (nil: nothing that
// can hold an Expandable) at expansion depth depth.
func (sc *expansionScanner) value(s *jsonShape, depth, nesting int) error {
	sc.space()
	if sc.i >= len(sc.b) || nesting > maxScanNesting {
		return errScanStop
	}
	switch sc.b[sc.i] {
	case '{':
		if s != nil && s.kind == shapeExpandable {
			if depth++; depth > MaxExpansionDepth {
				return ErrExpansionTooDeep
			}
			s = s.elem
		}
		sc.i++
		sc.space()
		if sc.eat('}') {
			return nil
		}
		for {
			sc.space()
			key, ok := sc.rawStr()
			if !ok {
				return errScanStop
			}
			sc.space()
			if !sc.eat(':') {
				return errScanStop
			}
			if err := sc.value(s.member(key), depth, nesting+1); err != nil {
				return err
			}
			if done, err := sc.next('}'); done || err != nil {
				return err
			}
		}
	case '[':
		var elem *jsonShape
		if s != nil && s.kind == shapeArray {
			elem = s.elem
		}
		sc.i++
		sc.space()
		if sc.eat(']') {
			return nil
		}
		for {
			if err := sc.value(elem, depth, nesting+1); err != nil {
				return err
			}
			if done, err := sc.next(']'); done || err != nil {
				return err
			}
		}
	case '"':
		if _, ok := sc.rawStr(); !ok {
			return errScanStop
		}
		return nil
	default: // number, true, false, null
		sc.skipLiteral()
		return nil
	}
}

// next consumes a ',' (more members follow) or the closing byte (done).
func (sc *expansionScanner) next(closing byte) (done bool, err error) {
	sc.space()
	switch {
	case sc.eat(','):
		return false, nil
	case sc.eat(closing):
		return true, nil
	}
	return false, errScanStop
}

// jsonShape is what the expansion scan needs to know about a Go type: where
// in its JSON an Expandable can sit.
type jsonShape struct {
	kind   shapeKind
	elem   *jsonShape            // array and map elements; an Expandable's T
	fields map[string]*jsonShape // struct members by JSON name
	folded map[string]*jsonShape // the same, by lower-case ASCII name
}

type shapeKind uint8

const (
	shapeOpaque     shapeKind = iota // holds no Expandable we can see
	shapeStruct                      // a struct's members
	shapeMap                         // every member is elem
	shapeArray                       // every element is elem
	shapeExpandable                  // an Expandable[T]; elem is T
)

// member is the shape of the member named by the raw key of an object of
// shape s, matched as encoding/json matches it: exactly, else ignoring case.
func (s *jsonShape) member(rawKey []byte) *jsonShape {
	if s == nil {
		return nil
	}
	switch s.kind {
	case shapeMap:
		return s.elem
	case shapeStruct:
	default:
		return nil
	}
	key := rawKey
	if bytes.IndexByte(rawKey, '\\') >= 0 {
		var k string
		if json.Unmarshal(append(append([]byte{'"'}, rawKey...), '"'), &k) != nil {
			return nil
		}
		key = []byte(k)
	}
	if f, ok := s.fields[string(key)]; ok {
		return f
	}
	if isASCII(key) {
		return s.folded[strings.ToLower(string(key))]
	}
	// Non-ASCII keys can still fold onto an ASCII name (the Kelvin sign
	// folds to k): compare as encoding/json does.
	for name, f := range s.fields {
		if bytes.EqualFold(key, []byte(name)) {
			return f
		}
	}
	return nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// expandable is implemented by *Expandable[T]; it names T.
type expandable interface{ expandedType() reflect.Type }

var (
	expandableType      = reflect.TypeFor[expandable]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	opaqueShape         = &jsonShape{kind: shapeOpaque}

	// shapeCache maps a reflect.Type to its *jsonShape, immutable once
	// stored; like encoding/json's own field cache, it only grows with the
	// number of types decoded.
	shapeCache sync.Map
)

// shapeOf returns the cached shape of t.
func shapeOf(t reflect.Type) *jsonShape {
	if s, ok := shapeCache.Load(t); ok {
		return s.(*jsonShape)
	}
	s := buildShape(t, map[reflect.Type]*jsonShape{})
	actual, _ := shapeCache.LoadOrStore(t, s)
	return actual.(*jsonShape)
}

// buildShape builds t's shape; seen breaks cycles between types (an invoice
// holds a subscription, which holds an invoice).
func buildShape(t reflect.Type, seen map[reflect.Type]*jsonShape) *jsonShape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := seen[t]; ok {
		return s
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(expandableType) {
		s := &jsonShape{kind: shapeExpandable}
		seen[t] = s
		s.elem = buildShape(reflect.New(t).Interface().(expandable).expandedType(), seen)
		return s
	}
	// Other types that decode themselves, and text types, are left to
	// their own code.
	if pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType) {
		return opaqueShape
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return opaqueShape // []byte is a base64 string
		}
		s := &jsonShape{kind: shapeArray}
		seen[t] = s
		s.elem = buildShape(t.Elem(), seen)
		return s
	case reflect.Map:
		s := &jsonShape{kind: shapeMap}
		seen[t] = s
		s.elem = buildShape(t.Elem(), seen)
		return s
	case reflect.Struct:
		s := &jsonShape{kind: shapeStruct, fields: map[string]*jsonShape{}, folded: map[string]*jsonShape{}}
		seen[t] = s
		addFields(s, t, seen, 0)
		return s
	}
	return opaqueShape
}

// addFields adds t's JSON members to s, promoting those of embedded structs
// unless a shallower field has the name (a simplification of encoding/json's
// rules that can only make the scan stricter).
func addFields(s *jsonShape, t reflect.Type, seen map[reflect.Type]*jsonShape, level int) {
	if level > 8 {
		return
	}
	var embedded []reflect.Type
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				embedded = append(embedded, ft)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := s.fields[name]; dup {
			continue
		}
		fs := buildShape(ft, seen)
		s.fields[name] = fs
		if low := strings.ToLower(name); s.folded[low] == nil {
			s.folded[low] = fs
		}
	}
	for _, et := range embedded {
		addFields(s, et, seen, level+1)
	}
}
