package stripetest

import "strings"

// render is rec as a response shows it: its JSON tree without internal
// keys, with the requested paths expanded.
func (s *Server) render(rec record, expand []string) obj {
	return s.expandTree(s.tree(rec), expand)
}

// expandTree expands the expand paths of a rendered tree in place and
// returns it.
func (s *Server) expandTree(t obj, expand []string) obj {
	for _, path := range expand {
		s.expandPath(t, strings.Split(path, "."))
	}
	return t
}

// deepCopy deep-copies a tree (such as a form's), dropping internal ("_")
// keys.
func deepCopy(v any) any {
	switch x := v.(type) {
	case obj:
		m := make(obj, len(x))
		for k, val := range x {
			if strings.HasPrefix(k, "_") {
				continue
			}
			m[k] = deepCopy(val)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = deepCopy(val)
		}
		return l
	case []string:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = val
		}
		return l
	}
	return v
}

func (s *Server) expandPath(m obj, path []string) {
	if len(path) == 0 {
		return
	}
	v, ok := m[path[0]]
	if !ok {
		return
	}
	switch x := v.(type) {
	case string:
		target, found := s.st.lookup(x)
		if !found {
			return
		}
		if target.base().Deleted { // as Stripe expands a deleted customer
			m[path[0]] = deletedStub(target.base().ID, target.base().Object)
			return
		}
		exp := s.tree(target)
		s.expandPath(exp, path[1:])
		m[path[0]] = exp
	case obj:
		if len(path) > 1 && path[1] == "data" {
			if data, ok := x["data"].([]any); ok {
				for _, d := range data {
					if dm, ok := d.(obj); ok {
						s.expandPath(dm, path[2:])
					}
				}
			}
			return
		}
		s.expandPath(x, path[1:])
	}
}

// str returns t[k] of a rendered tree if it is a string, else "".
func str(t obj, k string) string {
	v, _ := t[k].(string)
	return v
}

// objAt returns t[k] of a rendered tree if it is an object, else nil
// (which reads as empty).
func objAt(t obj, k string) obj {
	v, _ := t[k].(obj)
	return v
}
