package stripetest

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen

// Strict requests: every route checks its params against the spec's (the
// table in spec_params.go, generated from spec3.json by internal/gen), at
// any depth. An unknown param gets 400 parameter_unknown naming it in full
// (items[0][pricex]); a missing required one (customer, or
// items[0][price_data][currency] when price_data is sent) gets 400
// parameter_missing. Values are the handlers' to judge.

// paramNode is one node of an operation's param tree.
type paramNode struct {
	children map[string]*paramNode // by name; "[]" is an array's elements, "*" any key of a map
	value    bool                  // takes a scalar (or "")
	required bool                  // required when its parent is sent as a hash
}

var (
	paramTreesOnce sync.Once
	paramTrees     map[string]*paramNode // by "METHOD /pattern"; immutable once built
)

// paramTree returns the spec's param tree of a route, or nil when the
// table does not have it.
func paramTree(method, pattern string) *paramNode {
	paramTreesOnce.Do(func() {
		paramTrees = make(map[string]*paramNode, len(specParams))
		for k, v := range specParams {
			paramTrees[k] = parseParamTree(v)
		}
	})
	return paramTrees[method+" "+pattern]
}

// parseParamTree reads the indented form internal/gen writes.
func parseParamTree(s string) *paramNode {
	root := &paramNode{children: map[string]*paramNode{}}
	stack := []*paramNode{root}
	for _, line := range strings.Split(s, "\n") {
		if line == "" {
			continue
		}
		name := strings.TrimLeft(line, " ")
		depth := len(line) - len(name)
		if depth+1 > len(stack) {
			depth = len(stack) - 1 // malformed; keep going rather than panic
		}
		n := &paramNode{children: map[string]*paramNode{}}
		if rest, ok := strings.CutPrefix(name, "!"); ok {
			n.required, name = true, rest
		}
		if rest, ok := strings.CutSuffix(name, "="); ok {
			n.value, name = true, rest
		}
		stack = append(stack[:depth+1], n)
		stack[depth].children[name] = n
	}
	return root
}

// checkParams checks a parsed form against the route's param tree.
func (rt *route) checkParams(tree obj) *apiError {
	if rt.params == nil {
		return nil
	}
	return checkHash(rt.params, tree, "")
}

func child(n *paramNode, key string) *paramNode {
	if c, ok := n.children[key]; ok {
		return c
	}
	return n.children["*"]
}

func paramName(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "[" + key + "]"
}

// checkHash checks the keys of a hash param (the top level when prefix is
// empty), in sorted order so the error named is always the same.
func checkHash(n *paramNode, m obj, prefix string) *apiError {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := child(n, k)
		if c == nil || (prefix == "" && c == n.children["*"]) {
			name := paramName(prefix, k)
			return invalid(name, "parameter_unknown", "Received unknown parameter: %s", name)
		}
		if e := checkValue(c, m[k], paramName(prefix, k)); e != nil {
			return e
		}
	}
	names := make([]string, 0, len(n.children))
	for k, c := range n.children {
		if c.required {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		if _, ok := m[k]; !ok {
			return missingParam(paramName(prefix, k))
		}
	}
	return nil
}

func checkValue(n *paramNode, v any, name string) *apiError {
	switch x := v.(type) {
	case obj:
		return checkHash(n, x, name)
	case []any:
		elems := n.children["[]"]
		if elems == nil {
			elems = n.children["*"] // a map sent with numeric keys: metadata[0]=x
		}
		for i, e := range x {
			en := paramName(name, strconv.Itoa(i))
			if elems == nil {
				return invalid(en, "parameter_unknown", "Received unknown parameter: %s", en)
			}
			if e := checkValue(elems, e, en); e != nil {
				return e
			}
		}
	}
	return nil // a scalar: its handler judges it
}
