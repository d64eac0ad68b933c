package openapi

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Operation is one method on one path template of the spec.
type Operation struct {
	Method string // upper case: "GET", "POST", "DELETE"
	Path   string // the template, e.g. "/v1/customers/{customer}"
	ID     string // the spec's operationId
	// Params are the top-level request params by name: the form body's
	// properties for POST and DELETE, the query parameters for GET.
	Params map[string]*Schema
	// Response is the schema of the 200 JSON response.
	Response *Schema

	spec *Spec
}

// ParamNames returns the sorted names of op.Params.
func (op *Operation) ParamNames() []string {
	names := make([]string, 0, len(op.Params))
	for n := range op.Params {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Operations returns every operation of the spec, sorted by path and method.
func (s *Spec) Operations() []*Operation {
	s.opsOnce.Do(func() {
		for path, byMethod := range s.Paths {
			for method, raw := range byMethod {
				op := &Operation{Method: strings.ToUpper(method), Path: path, ID: raw.OperationID,
					Params: map[string]*Schema{}, spec: s}
				for _, p := range raw.Parameters {
					if p.In == "query" {
						op.Params[p.Name] = p.Schema
					}
				}
				if c, ok := raw.RequestBody.Content["application/x-www-form-urlencoded"]; ok && c.Schema != nil {
					for n, sch := range s.Resolve(c.Schema).Properties {
						op.Params[n] = sch
					}
				}
				if r, ok := raw.Responses["200"]; ok {
					if c, ok := r.Content["application/json"]; ok {
						op.Response = c.Schema
					}
				}
				s.ops = append(s.ops, op)
			}
		}
		sort.Slice(s.ops, func(i, j int) bool {
			if s.ops[i].Path != s.ops[j].Path {
				return s.ops[i].Path < s.ops[j].Path
			}
			return s.ops[i].Method < s.ops[j].Method
		})
	})
	return s.ops
}

// Operation finds the operation for an HTTP method and a concrete request
// path such as "/v1/customers/cus_123/sources/card_1" (no query string).
// Where several templates match, the one with the most literal segments
// wins, so "/v1/customers/search" is not taken for "/v1/customers/{customer}".
func (s *Spec) Operation(method, path string) (*Operation, error) {
	method = strings.ToUpper(method)
	segs := strings.Split(strings.TrimSuffix(path, "/"), "/")
	var best *Operation
	bestLiterals := -1
	for _, op := range s.Operations() {
		if op.Method != method {
			continue
		}
		tsegs := strings.Split(op.Path, "/")
		if len(tsegs) != len(segs) {
			continue
		}
		literals, ok := 0, true
		for i, ts := range tsegs {
			if strings.HasPrefix(ts, "{") && strings.HasSuffix(ts, "}") {
				if segs[i] == "" {
					ok = false
					break
				}
				continue
			}
			if ts != segs[i] {
				ok = false
				break
			}
			literals++
		}
		if ok && literals > bestLiterals {
			best, bestLiterals = op, literals
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%w: %s %s", errNotFound, method, path)
	}
	return best, nil
}

// SplitKey splits a form key into its segments:
// "items[0][price_data][currency]" is items, 0, price_data, currency.
func SplitKey(key string) ([]string, error) {
	head, rest, _ := strings.Cut(key, "[")
	if head == "" {
		return nil, fmt.Errorf("openapi: malformed form key %q", key)
	}
	segs := []string{head}
	if rest == "" {
		return segs, nil
	}
	rest = "[" + rest
	for rest != "" {
		if rest[0] != '[' {
			return nil, fmt.Errorf("openapi: malformed form key %q", key)
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, fmt.Errorf("openapi: malformed form key %q", key)
		}
		segs = append(segs, rest[1:end])
		rest = rest[end+1:]
	}
	return segs, nil
}

// ResolveKey finds a form key as it is sent (e.g.
// "items[0][price_data][currency]", "metadata[order]", "expand[0]") in
// op's request params, following $ref, anyOf/oneOf, arrays (a numeric
// segment), object properties and additionalProperties (metadata keys).
// It returns the scalar schemas the key's value may match, or an error
// naming the longest prefix the spec knows and the first segment it does
// not. A key naming an object or array with no scalar form is an error.
func (op *Operation) ResolveKey(key string) ([]*Schema, error) {
	segs, err := SplitKey(key)
	if err != nil {
		return nil, err
	}
	top, ok := op.Params[segs[0]]
	if !ok {
		return nil, fmt.Errorf("%s %s does not accept %q (no top-level param %q)", op.Method, op.Path, key, segs[0])
	}
	leaves, depth := op.spec.walkKey(top, segs[1:])
	if len(leaves) == 0 {
		known := segs[0]
		for _, s := range segs[1 : 1+depth] {
			known += "[" + s + "]"
		}
		if depth == len(segs)-1 {
			return nil, fmt.Errorf("%s %s: %q is an object or list, not a value", op.Method, op.Path, key)
		}
		return nil, fmt.Errorf("%s %s does not accept %q: %s has no %q", op.Method, op.Path, key, known, segs[1+depth])
	}
	return leaves, nil
}

// walkKey returns the scalar leaves reached by segs from sch and, when
// there are none, how many segments could be followed.
func (s *Spec) walkKey(sch *Schema, segs []string) ([]*Schema, int) {
	var leaves []*Schema
	deepest := 0
	for _, alt := range s.Alternatives(sch) {
		if len(segs) == 0 {
			if isScalar(alt) {
				leaves = append(leaves, alt)
			}
			continue
		}
		var next *Schema
		switch {
		case alt.Type == "array" || alt.Items != nil:
			if _, err := strconv.Atoi(segs[0]); err == nil {
				next = alt.Items
			}
		case alt.Type == "object" || alt.Properties != nil || alt.AdditionalProperties != nil:
			if p, ok := alt.Properties[segs[0]]; ok {
				next = p
			} else {
				next = alt.AdditionalProperties
			}
		}
		if next == nil {
			continue
		}
		l, d := s.walkKey(next, segs[1:])
		leaves = append(leaves, l...)
		if d+1 > deepest {
			deepest = d + 1
		}
	}
	if len(leaves) > 0 {
		return leaves, len(segs)
	}
	return nil, deepest
}

func isScalar(sch *Schema) bool {
	switch sch.Type {
	case "string", "integer", "number", "boolean":
		return true
	case "":
		return len(sch.Enum) > 0 || (sch.Properties == nil && sch.Items == nil && sch.AdditionalProperties == nil)
	}
	return false
}

// CheckValue reports whether a form value fits one of the leaves returned
// by ResolveKey: an integer, number or boolean leaf needs a value that
// parses as one; a leaf with an enum needs one of its values. A string
// leaf without an enum takes anything.
func CheckValue(leaves []*Schema, value string) error {
	var wants []string
	for _, l := range leaves {
		if len(l.Enum) > 0 {
			for _, e := range l.Enum {
				if fmt.Sprint(e) == value {
					return nil
				}
			}
			wants = append(wants, fmt.Sprintf("one of %v", l.Enum))
			continue
		}
		var err error
		switch l.Type {
		case "integer":
			_, err = strconv.ParseInt(value, 10, 64)
		case "number":
			_, err = strconv.ParseFloat(value, 64)
		case "boolean":
			if value != "true" && value != "false" {
				err = strconv.ErrSyntax
			}
		}
		if err == nil {
			return nil
		}
		wants = append(wants, "an "+l.Type)
	}
	return fmt.Errorf("value %q is not %s", value, strings.Join(wants, " or "))
}
