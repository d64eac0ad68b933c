package stripetest

func (s *Server) endSubscription(r *request, sub obj, f *form) {}
