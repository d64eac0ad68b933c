package stripetest

func (s *Server) registerRoutes() {
	s.registerBalance()
	s.registerCards()
	s.registerCustomers()
	s.registerEvents()
}
