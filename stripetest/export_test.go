package stripetest

// SetBeforeHandle makes f run before each request's handler, after its
// Idempotency-Key is claimed (tests only; set it before any request).
func (s *Server) SetBeforeHandle(f func(path string)) { s.testHookBeforeHandle = f }
