package stripetest

import "strings"

// SetBeforeHandle makes f run before each request's handler, after its
// Idempotency-Key is claimed (tests only; set it before any request).
func (s *Server) SetBeforeHandle(f func(path string)) { s.testHookBeforeHandle = f }

// RoutesWithoutSpec lists the routes the generated param table lacks.
func (s *Server) RoutesWithoutSpec() []string {
	var out []string
	for _, rt := range s.routes {
		if rt.params == nil && rt.pattern[0] == "v1" { // not /oauth/...: no spec
			out = append(out, rt.method+" /"+strings.Join(rt.pattern, "/"))
		}
	}
	return out
}
