package stripetest

// registerRoutes lists every endpoint the server speaks, one file per
// resource.
func (s *Server) registerRoutes() {
	s.registerBalance()
	s.registerCards()
	s.registerCharges()
	s.registerCoupons() // coupons.go: coupons and promotion codes
	s.registerCustomers()
	s.registerDisputes()
	s.registerEvents()
	s.registerInvoiceItems()
	s.registerInvoices()
	s.registerPaymentIntents()
	s.registerPayouts()
	s.registerProducts()
	s.registerRefunds()
	s.registerSubscriptions()
	s.registerTestClocks()
	s.registerWebhookEndpoints()
}
