package stripetest

// registerRoutes lists every endpoint the server speaks, one file per
// resource.
func (s *Server) registerRoutes() {
	s.registerSearch() // search.go; first: /v1/customers/{id} would take /v1/customers/search
	s.registerBalance()
	s.registerBillingPortal()
	s.registerCards()
	s.registerCharges()
	s.registerCheckoutSessions()
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
	s.registerOAuth()
	s.registerPaymentIntents()
	s.registerPaymentLinks()
	s.registerPaymentMethods() // paymentmethodroutes.go
	s.registerPayouts()
	s.registerProducts()
	s.registerRefunds()
	s.registerSetupIntents()
	s.registerSubscriptionItems()
	s.registerSubscriptions()
	s.registerTaxRates()
	s.registerTestClocks()
	s.registerTransfers()
	s.registerWebhookEndpoints()
}
