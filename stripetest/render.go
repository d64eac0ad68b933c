package stripetest

import "strings"

// render is rec as a response shows it: its JSON tree without internal
// keys, with the requested paths expanded.
func (s *Server) render(rec record, expand []string) obj {
	out := s.tree(rec)
	for _, path := range expand {
		s.expandPath(out, strings.Split(path, "."))
	}
	return out
}

// renderObj renders a legacy map object.
func (s *Server) renderObj(o obj, expand []string) obj { return s.render(objRecord(o), expand) }

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
