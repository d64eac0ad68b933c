package stripetest

// registerRoutes lists every endpoint the server speaks, one file per
// resource.
func (s *Server) registerRoutes() {
	s.registerBalance()
	s.registerCards()
	s.registerCharges()
	s.registerCustomers()
	s.registerEvents()
	s.registerInvoiceItems()
	s.registerInvoices()
	s.registerPaymentIntents()
	s.registerProducts()
	s.registerRefunds()
	s.registerSubscriptions()
	s.registerTestClocks()
	s.registerWebhookEndpoints()
}
