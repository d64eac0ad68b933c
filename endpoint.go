package stripe

import (
	"strings"
	"sync"
)

// endpointTemplate returns the path template of the Stripe operation that
// path (as sent, IDs escaped, with or without a query) belongs to, so that
// every ID of one operation maps to one endpoint:
// /v1/customers/cus_1/sources/card_2 becomes
// /v1/customers/{customer}/sources/{id}. Paths in Stripe's spec are matched
// segment by segment, a literal segment winning over a parameter
// (/v1/customers/search is not /v1/customers/{customer}); other paths keep
// their lower-case word segments and have the rest replaced by {id}.
func endpointTemplate(path string) string {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if t := endpointTrie().match(path); t != "" {
		return t
	}
	return guessTemplate(path)
}

// templateNode is one segment of the template trie.
type templateNode struct {
	literal map[string]*templateNode
	param   *templateNode
	tmpl    string // the template ending here, if any
}

// endpointTrie is built on first use from endpointTemplates.
var endpointTrie = sync.OnceValue(func() *templateNode {
	root := &templateNode{}
	for _, t := range endpointTemplates {
		n := root
		for _, seg := range strings.Split(strings.TrimPrefix(t, "/"), "/") {
			if strings.HasPrefix(seg, "{") {
				if n.param == nil {
					n.param = &templateNode{}
				}
				n = n.param
				continue
			}
			if n.literal == nil {
				n.literal = map[string]*templateNode{}
			}
			next := n.literal[seg]
			if next == nil {
				next = &templateNode{}
				n.literal[seg] = next
			}
			n = next
		}
		n.tmpl = t
	}
	return root
})

// match walks path's segments, preferring literals and backtracking to
// parameters; it returns "" when no template fits.
func (n *templateNode) match(path string) string {
	if path == "" || path[0] != '/' {
		return ""
	}
	return n.matchRest(path[1:])
}

func (n *templateNode) matchRest(rest string) string {
	seg, tail, more := strings.Cut(rest, "/")
	var next *templateNode
	if next = n.literal[seg]; next != nil {
		if t := next.finish(tail, more); t != "" {
			return t
		}
	}
	if n.param != nil && seg != "" {
		return n.param.finish(tail, more)
	}
	return ""
}

func (n *templateNode) finish(tail string, more bool) string {
	if !more {
		return n.tmpl
	}
	return n.matchRest(tail)
}

// guessTemplate replaces the segments of a path not in the spec that do not
// look like a resource name (lower-case letters, digits' absence, _ and -)
// with {id}.
func guessTemplate(path string) string {
	segs := strings.Split(path, "/")
	changed := false
	for i, seg := range segs {
		if i <= 1 || isWord(seg) { // "" before the first slash, then the version
			continue
		}
		segs[i], changed = "{id}", true
	}
	if !changed {
		return path
	}
	return strings.Join(segs, "/")
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}
