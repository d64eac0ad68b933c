package stripetest

import "strings"

// resolvePaymentMethod finds what a payment_method (or source) param names:
// a pm_card_<name> test payment method (a new payment_method object each
// time, as Stripe makes), a stored pm_ payment method, or a stored card.
func (s *Server) resolvePaymentMethod(id, param string) (obj, error) {
	if name, ok := strings.CutPrefix(id, "pm_card_"); ok {
		tc, known := testCards[name]
		if !known {
			return nil, invalid(param, "resource_missing", "No such PaymentMethod: '%s'", id)
		}
		pm := s.newCardPaymentMethod(name, tc)
		return s.insertObj(pm), nil
	}
	if rec, ok := s.st.lookup(id); ok && (rec.base().Object == "payment_method" || rec.base().Object == "card") {
		o, _ := s.st.lookupObj(id)
		return o, nil
	}
	if strings.HasPrefix(id, "card_") || strings.HasPrefix(id, "src_") {
		return nil, invalid(param, "resource_missing", "No such source: '%s'", id)
	}
	return nil, invalid(param, "resource_missing", "No such PaymentMethod: '%s'", id)
}

// newCardPaymentMethod builds (but does not store) a card payment method
// on the test card name.
func (s *Server) newCardPaymentMethod(name string, tc testCard) obj {
	return obj{
		"id": s.newID("pm"), "object": "payment_method", "allow_redisplay": "unspecified",
		"billing_details": obj{"address": obj{"city": nil, "country": nil, "line1": nil, "line2": nil, "postal_code": nil, "state": nil},
			"email": nil, "name": nil, "phone": nil, "tax_id": nil},
		"card": obj{
			"brand": tc.network, "checks": obj{"address_line1_check": nil, "address_postal_code_check": nil, "cvc_check": "pass"},
			"country": "US", "display_brand": tc.network, "exp_month": int64(12), "exp_year": int64(s.now().Year() + 3),
			"fingerprint": fingerprint(name), "funding": tc.funding, "generated_from": nil, "last4": tc.last4,
			"networks": obj{"available": []any{tc.network}, "preferred": nil}, "regulated_status": "unregulated",
			"three_d_secure_usage": obj{"supported": true}, "wallet": nil,
		},
		"created": s.unix(), "customer": nil, "livemode": false, "metadata": obj{}, "type": "card", "_card": name,
	}
}

// cardDetails returns the payment_method_details.card of a charge on pm.
func cardDetails(pm obj) chargeCard {
	tc := testCards[str(pm, "_card")]
	d := chargeCard{
		Brand: tc.network, Checks: chargeCardChecks{CVCCheck: "pass"}, Country: "US", ExpMonth: 12,
		Fingerprint: fingerprint(str(pm, "_card")), Funding: tc.funding, Last4: tc.last4, Network: tc.network,
	}
	if c, ok := pm["card"].(obj); ok {
		d.ExpYear = num(c, "exp_year")
	} else {
		d.ExpYear = num(pm, "exp_year")
	}
	return d
}
