package stripetest

// registerRoutes lists every endpoint the server speaks, one file per
// resource.
func (s *Server) registerRoutes() {
	s.registerBalance()
	s.registerCards()
	s.registerCharges()
	s.registerCoupons() // coupons.go: coupons and promotion codes
	s.registerCreditNotes()
	s.registerCustomerLedger()
	s.registerCustomers()
	s.registerDiscountRemoval()
	s.registerDisputes()
	s.registerEvents()
	s.registerInvoiceItems()
	s.registerInvoiceLineActions()
	s.registerInvoicePreview() // before registerInvoices: /v1/invoices/{id} would take it
	s.registerInvoices()
	s.registerMeterEvents()
	s.registerPaymentIntents()
	s.registerPayouts()
	s.registerProducts()
	s.registerRefunds()
	s.registerSubscriptionItems()
	s.registerSubscriptions()
	s.registerTaxRates()
	s.registerTestClocks()
	s.registerTransfers()
	s.registerWebhookEndpoints()
}
