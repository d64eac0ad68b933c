package stripetest

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// parseForm turns Stripe's form encoding into a tree: a[b]=1 becomes
// {"a": {"b": "1"}}, a[0][b]=1 and a[]=1 become {"a": [{"b": "1"}]} and
// ["1"]. Leaves are strings.
func parseForm(values url.Values) (obj, *apiError) {
	root := obj{}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		vals := values[key]
		segs, ok := splitKey(key)
		if !ok {
			return nil, invalid(key, "", "Invalid parameter name: %s", key)
		}
		if segs[len(segs)-1] == "" { // a[]=1&a[]=2
			for i, v := range vals {
				s := append(append([]string(nil), segs[:len(segs)-1]...), strconv.Itoa(i))
				if err := insertLeaf(root, s, v, key); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := insertLeaf(root, segs, vals[len(vals)-1], key); err != nil {
			return nil, err
		}
	}
	tree, _ := arrays(root).(obj) // root is a map, so arrays returns one
	return tree, nil
}

// splitKey splits "a[b][0]" into ["a", "b", "0"].
func splitKey(key string) ([]string, bool) {
	name, rest, _ := strings.Cut(key, "[")
	if name == "" {
		return nil, false
	}
	segs := []string{name}
	if rest == "" {
		return segs, !strings.Contains(key, "]")
	}
	rest = "[" + rest
	for rest != "" {
		if rest[0] != '[' {
			return nil, false
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, false
		}
		segs = append(segs, rest[1:end])
		rest = rest[end+1:]
	}
	return segs, true
}

func insertLeaf(root obj, segs []string, v, key string) *apiError {
	node := root
	for i, seg := range segs {
		if i == len(segs)-1 {
			if _, isMap := node[seg].(obj); isMap {
				return invalid(key, "", "Invalid parameter: %s is both a value and a hash", key)
			}
			node[seg] = v
			return nil
		}
		next, ok := node[seg]
		if !ok {
			m := obj{}
			node[seg] = m
			node = m
			continue
		}
		m, isMap := next.(obj)
		if !isMap {
			return invalid(key, "", "Invalid parameter: %s is both a value and a hash", key)
		}
		node = m
	}
	return nil
}

// arrays turns maps whose keys are all small integers into slices.
func arrays(v any) any {
	m, ok := v.(obj)
	if !ok {
		return v
	}
	numeric := len(m) > 0
	for k, val := range m {
		m[k] = arrays(val)
		if n, err := strconv.Atoi(k); err != nil || n < 0 || n >= 10000 || strconv.Itoa(n) != k {
			numeric = false
		}
	}
	if !numeric {
		return m
	}
	idx := make([]int, 0, len(m))
	for k := range m {
		n, _ := strconv.Atoi(k)
		idx = append(idx, n)
	}
	sort.Ints(idx)
	out := make([]any, len(idx))
	for i, n := range idx {
		out[i] = m[strconv.Itoa(n)]
	}
	return out
}

// form reads typed params out of a parsed tree. The first bad value is
// recorded (shared by sub-forms) and returned by failed.
type form struct {
	m      obj
	prefix string // "items[0]" for a sub-form
	err    *error
}

func (f *form) name(k string) string {
	if f.prefix == "" {
		return k
	}
	return f.prefix + "[" + k + "]"
}

func (f *form) fail(e *apiError) {
	if *f.err == nil {
		*f.err = e
	}
}

// failed returns the first recorded error, or nil.
func (f *form) failed() error {
	if *f.err == nil {
		return nil
	}
	return *f.err
}

func (f *form) has(k string) bool {
	_, ok := f.m[k]
	return ok
}

// str returns a string param and whether it was sent.
func (f *form) str(k string) (string, bool) {
	v, ok := f.m[k]
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		f.fail(invalid(f.name(k), "", "Invalid string: %s must be a string, not a hash or an array.", f.name(k)))
		return "", false
	}
	return s, true
}

// strOr returns a string param, or def when it was not sent.
func (f *form) strOr(k, def string) string {
	if s, ok := f.str(k); ok {
		return s
	}
	return def
}

// int returns an integer param and whether it was sent.
func (f *form) int(k string) (int64, bool) {
	s, ok := f.str(k)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f.fail(invalid(f.name(k), "parameter_invalid_integer", "Invalid integer: %s", s))
		return 0, false
	}
	return n, true
}

// bool returns a boolean param and whether it was sent.
func (f *form) bool(k string) (bool, bool) {
	s, ok := f.str(k)
	if !ok {
		return false, false
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	f.fail(invalid(f.name(k), "", "Invalid boolean: %s", s))
	return false, false
}

// sub returns the hash param k as a form (empty when not sent).
func (f *form) sub(k string) *form {
	sf := &form{m: obj{}, prefix: f.name(k), err: f.err}
	switch v := f.m[k].(type) {
	case obj:
		sf.m = v
	case nil:
	case string:
		if v != "" {
			f.fail(invalid(f.name(k), "", "Invalid hash: %s must be a hash.", f.name(k)))
		}
	default:
		f.fail(invalid(f.name(k), "", "Invalid hash: %s must be a hash.", f.name(k)))
	}
	return sf
}

// strings returns an array of strings (a[0]=x or a[]=x).
func (f *form) strings(k string) []string {
	switch v := f.m[k].(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return []string{}
		}
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				f.fail(invalid(f.name(k)+"["+strconv.Itoa(i)+"]", "", "Invalid string"))
				continue
			}
			out = append(out, s)
		}
		return out
	}
	f.fail(invalid(f.name(k), "", "Invalid array: %s must be an array.", f.name(k)))
	return nil
}

// forms returns an array of hashes, such as items[0][price]=...
func (f *form) forms(k string) []*form {
	switch v := f.m[k].(type) {
	case nil:
		return nil
	case []any:
		out := make([]*form, 0, len(v))
		for i, e := range v {
			m, ok := e.(obj)
			if !ok {
				f.fail(invalid(f.name(k)+"["+strconv.Itoa(i)+"]", "", "Invalid hash"))
				continue
			}
			out = append(out, &form{m: m, prefix: f.name(k) + "[" + strconv.Itoa(i) + "]", err: f.err})
		}
		return out
	}
	f.fail(invalid(f.name(k), "", "Invalid array: %s must be an array of hashes.", f.name(k)))
	return nil
}

// rangeQuery reads k=N or k[gt|gte|lt|lte]=N into a predicate on an int64
// field value.
func (f *form) rangeQuery(k string) func(v any) bool {
	all := func(any) bool { return true }
	switch f.m[k].(type) {
	case nil:
		return all
	case string:
		n, ok := f.int(k)
		if !ok {
			return all
		}
		return func(v any) bool { x, _ := v.(int64); return x == n }
	}
	sf := f.sub(k)
	var conds []func(int64) bool
	for op := range sf.m {
		n, ok := sf.int(op)
		if !ok {
			continue
		}
		switch op {
		case "gt":
			conds = append(conds, func(x int64) bool { return x > n })
		case "gte":
			conds = append(conds, func(x int64) bool { return x >= n })
		case "lt":
			conds = append(conds, func(x int64) bool { return x < n })
		case "lte":
			conds = append(conds, func(x int64) bool { return x <= n })
		default:
			f.fail(invalid(sf.name(op), "parameter_unknown", "Received unknown parameter: %s", sf.name(op)))
		}
	}
	return func(v any) bool {
		x, _ := v.(int64)
		for _, c := range conds {
			if !c(x) {
				return false
			}
		}
		return true
	}
}

// unknown fails on keys of the form outside allowed (for nested hashes).
func (f *form) unknown(allowed ...string) {
	for k := range f.m {
		ok := false
		for _, a := range allowed {
			if k == a {
				ok = true
				break
			}
		}
		if !ok {
			f.fail(invalid(f.name(k), "parameter_unknown", "Received unknown parameter: %s", f.name(k)))
		}
	}
}
