package stripetest

import (
	"math"
	"strconv"
	"strings"
)

func (s *Server) registerCoupons() {
	s.handle("POST", "/v1/coupons", s.createCoupon)
	s.handle("GET", "/v1/coupons", func(r *request) (any, error) {
		return s.listObjs(r, "coupon", "/v1/coupons", nil)
	})
	s.handle("GET", "/v1/coupons/{id}", func(r *request) (any, error) {
		c, err := s.getObj("coupon", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(c, r.expand), nil
	})
	s.handle("POST", "/v1/coupons/{id}", s.updateCoupon)
	s.handle("DELETE", "/v1/coupons/{id}", s.deleteCoupon)

	s.handle("POST", "/v1/promotion_codes", s.createPromotionCode)
	s.handle("GET", "/v1/promotion_codes", s.listPromotionCodes)
	s.handle("GET", "/v1/promotion_codes/{id}", func(r *request) (any, error) {
		pc, err := s.getObj("promotion_code", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.renderObj(pc, r.expand), nil
	})
	s.handle("POST", "/v1/promotion_codes/{id}", s.updatePromotionCode)
}

func (s *Server) createCoupon(r *request) (any, error) {
	f := r.form
	c := obj{
		"object": "coupon", "amount_off": nil, "created": s.unix(), "currency": nil,
		"duration": "once", "duration_in_months": nil, "livemode": false, "max_redemptions": nil, "metadata": obj{},
		"name": nil, "percent_off": nil, "redeem_by": nil, "times_redeemed": int64(0), "valid": true,
	}
	pct, hasPct := f.str("percent_off")
	amount, hasAmount := f.int("amount_off")
	switch {
	case hasPct && hasAmount:
		return nil, invalid("percent_off", "", "You may only specify one of these parameters: amount_off, percent_off.")
	case hasPct:
		p, err := strconv.ParseFloat(pct, 64)
		if err != nil || p <= 0 || p > 100 {
			return nil, invalid("percent_off", "", "Invalid percent_off: must be a number greater than 0 and at most 100.")
		}
		c["percent_off"] = p
	case hasAmount:
		if amount <= 0 {
			return nil, invalid("amount_off", "", "Invalid amount_off: must be a positive integer.")
		}
		cur, ok := f.str("currency")
		if !ok || cur == "" {
			return nil, missingParam("currency")
		}
		c["amount_off"], c["currency"] = amount, strings.ToLower(cur)
	default:
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, invalid("", "", "You must pass either amount_off or percent_off.")
	}
	switch d := f.strOr("duration", "once"); d {
	case "once", "forever":
		c["duration"] = d
	case "repeating":
		n, ok := f.int("duration_in_months")
		if !ok || n < 1 {
			return nil, invalid("duration_in_months", "", "A coupon with duration=repeating needs a positive duration_in_months.")
		}
		c["duration"], c["duration_in_months"] = d, n
	default:
		return nil, invalid("duration", "", "Invalid duration: must be one of once, repeating or forever")
	}
	if n, ok := f.int("max_redemptions"); ok {
		if n < 1 {
			return nil, invalid("max_redemptions", "", "Invalid max_redemptions: must be a positive integer.")
		}
		c["max_redemptions"] = n
	}
	if n, ok := f.int("redeem_by"); ok {
		if n <= s.unix() {
			return nil, invalid("redeem_by", "", "redeem_by must be in the future.")
		}
		c["redeem_by"] = n
	}
	if f.has("applies_to") {
		c["applies_to"] = obj{"products": deepCopy(f.sub("applies_to").strings("products"))}
	}
	setStrings(c, f, "name")
	applyMetadata(c, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	id, _ := f.str("id")
	if id == "" {
		id = randomID(8)
	} else if _, taken := s.st.lookup(id); taken {
		return nil, invalid("id", "resource_already_exists", "Coupon already exists.")
	}
	c["id"] = id
	s.insertObj(c)
	s.emitObj(r, "coupon.created", c, nil)
	return s.renderObj(c, r.expand), nil
}

func (s *Server) updateCoupon(r *request) (any, error) {
	c, err := s.getObj("coupon", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshotObj(c)
	clone := cloneObj(c)
	setStrings(clone, r.form, "name")
	applyMetadata(clone, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		c[k] = v
	}
	s.emitUpdatedObj(r, "coupon.updated", c, before)
	return s.renderObj(c, r.expand), nil
}

// deleteCoupon removes a coupon; discounts already made from it stay.
func (s *Server) deleteCoupon(r *request) (any, error) {
	c, err := s.getObj("coupon", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	c["deleted"], c["valid"] = true, false
	s.emitObj(r, "coupon.deleted", c, nil)
	return obj{"id": c["id"], "object": "coupon", "deleted": true}, nil
}

// couponValid reports whether a coupon can still be redeemed.
func (s *Server) couponValid(c obj) bool {
	if c["deleted"] == true {
		return false
	}
	if n, ok := c["max_redemptions"].(int64); ok && num(c, "times_redeemed") >= n {
		return false
	}
	if t, ok := c["redeem_by"].(int64); ok && s.unix() > t {
		return false
	}
	return true
}

// refreshCoupon recomputes a coupon's valid flag.
func (s *Server) refreshCoupon(c obj) { c["valid"] = s.couponValid(c) }

func (s *Server) createPromotionCode(r *request) (any, error) {
	f := r.form
	promo := f.sub("promotion")
	if typ := promo.strOr("type", "coupon"); typ != "coupon" {
		return nil, invalid("promotion[type]", "", "Invalid promotion[type]: must be coupon")
	}
	cid, ok := promo.str("coupon")
	if !ok || cid == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("promotion[coupon]")
	}
	cpn, err := s.getObj("coupon", cid)
	if err != nil {
		return nil, invalid("promotion[coupon]", "resource_missing", "No such coupon: '%s'", cid)
	}
	code, _ := f.str("code")
	if code == "" {
		code = strings.ToUpper(randomID(8))
	}
	for _, o := range s.st.allObj("promotion_code") {
		if o["active"] == true && strings.EqualFold(str(o, "code"), code) {
			return nil, invalid("code", "", "An active promotion code with `code: %s` already exists.", code)
		}
	}
	pc := obj{
		"id": s.newID("promo"), "object": "promotion_code", "active": true, "code": code, "created": s.unix(),
		"customer": nil, "customer_account": nil, "expires_at": nil, "livemode": false, "max_redemptions": nil, "metadata": obj{},
		"promotion":      obj{"coupon": cpn["id"], "type": "coupon"},
		"restrictions":   obj{"currency_options": obj{}, "first_time_transaction": false, "minimum_amount": nil, "minimum_amount_currency": nil},
		"times_redeemed": int64(0),
	}
	if b, ok := f.bool("active"); ok {
		pc["active"] = b
	}
	if v, ok := f.str("customer"); ok && v != "" {
		if _, err := s.customer(v); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", v)
		}
		pc["customer"] = v
	}
	if n, ok := f.int("expires_at"); ok {
		pc["expires_at"] = n
	}
	if n, ok := f.int("max_redemptions"); ok {
		pc["max_redemptions"] = n
	}
	if rs := f.sub("restrictions"); len(rs.m) > 0 {
		res := objAt(pc, "restrictions")
		if b, ok := rs.bool("first_time_transaction"); ok {
			res["first_time_transaction"] = b
		}
		if n, ok := rs.int("minimum_amount"); ok {
			res["minimum_amount"] = n
			res["minimum_amount_currency"] = strings.ToLower(rs.strOr("minimum_amount_currency", "usd"))
		}
	}
	applyMetadata(pc, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insertObj(pc)
	s.emitObj(r, "promotion_code.created", pc, nil)
	return s.renderObj(pc, r.expand), nil
}

func (s *Server) updatePromotionCode(r *request) (any, error) {
	pc, err := s.getObj("promotion_code", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshotObj(pc)
	clone := cloneObj(pc)
	if b, ok := f.bool("active"); ok {
		clone["active"] = b
	}
	applyMetadata(clone, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	for k, v := range clone {
		pc[k] = v
	}
	s.emitUpdatedObj(r, "promotion_code.updated", pc, before)
	return s.renderObj(pc, r.expand), nil
}

func (s *Server) listPromotionCodes(r *request) (any, error) {
	f := r.form
	code, hasCode := f.str("code")
	cpn, hasCpn := f.str("coupon")
	cus, hasCus := f.str("customer")
	active, hasActive := f.bool("active")
	return s.listObjs(r, "promotion_code", "/v1/promotion_codes", func(pc obj) bool {
		return (!hasCode || strings.EqualFold(str(pc, "code"), code)) && (!hasCpn || objAt(pc, "promotion")["coupon"] == cpn) &&
			(!hasCus || pc["customer"] == cus) && (!hasActive || pc["active"] == active)
	})
}

// percentOf is pct percent of amount, rounded half away from zero.
func percentOf(amount int64, pct float64) int64 {
	return int64(math.Round(float64(amount) * pct / 100))
}
