package stripe

// reachParamsTypes are the params types of the services added for issue 15
// (payment methods, setup intents, webhook endpoints, checkout, payment
// links, the billing portal and search); TestEncodeFormMatchesQuerystring
// checks them with the others.
var reachParamsTypes = []any{
	new(BillingDetailsParams),
	new(PaymentMethodCardParams),
	new(PaymentMethodCardNetworksParams),
	new(PaymentMethodCardUpdateParams),
	new(PaymentMethodAcssDebitParams),
	new(PaymentMethodAuBecsDebitParams),
	new(PaymentMethodBacsDebitParams),
	new(PaymentMethodSEPADebitParams),
	new(PaymentMethodUSBankAccountParams),
	new(PaymentMethodBankParams),
	new(PaymentMethodPaytoParams),
	new(PaymentMethodRadarOptionsParams),
	new(PaymentMethodKlarnaParams),
	new(DateOfBirthParams),
	new(PaymentMethodNzBankAccountParams),
	new(PaymentMethodUPIParams),
	new(PaymentMethodUPIMandateOptionsParams),
	new(PaymentMethodCreateParams),
	new(PaymentMethodBoletoParams),
	new(PaymentMethodCustomParams),
	new(PaymentMethodNaverPayParams),
	new(PaymentMethodSofortParams),
	new(PaymentMethodGetParams),
	new(PaymentMethodUpdateParams),
	new(PaymentMethodListParams),
	new(PaymentMethodAttachParams),
	new(PaymentMethodDetachParams),
	new(CustomerPaymentMethodListParams),
}
