package stripetest

import (
	"math"
	"strconv"
	"strings"
)

func (s *Server) registerCoupons() {
	s.handle("POST", "/v1/coupons", s.createCoupon)
	s.handle("GET", "/v1/coupons", func(r *request) (any, error) {
		return listOf[*coupon](s, r, "coupon", "/v1/coupons", nil)
	})
	s.handle("GET", "/v1/coupons/{id}", func(r *request) (any, error) {
		c, err := getAs[*coupon](s, "coupon", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(c, r.expand), nil
	})
	s.handle("POST", "/v1/coupons/{id}", s.updateCoupon)
	s.handle("DELETE", "/v1/coupons/{id}", s.deleteCoupon)

	s.handle("POST", "/v1/promotion_codes", s.createPromotionCode)
	s.handle("GET", "/v1/promotion_codes", s.listPromotionCodes)
	s.handle("GET", "/v1/promotion_codes/{id}", func(r *request) (any, error) {
		pc, err := getAs[*promotionCode](s, "promotion_code", r.pathVal("id"))
		if err != nil {
			return nil, err
		}
		return s.render(pc, r.expand), nil
	})
	s.handle("POST", "/v1/promotion_codes/{id}", s.updatePromotionCode)
}

// coupon is a Coupon.
type coupon struct {
	meta
	AmountOff *int64 `json:"amount_off"`
	// AppliesTo is there only when the coupon is limited to products.
	AppliesTo        *couponProducts   `json:"applies_to,omitempty"`
	Created          int64             `json:"created"`
	Currency         *string           `json:"currency"`
	Duration         string            `json:"duration"`
	DurationInMonths *int64            `json:"duration_in_months"`
	Livemode         bool              `json:"livemode"`
	MaxRedemptions   *int64            `json:"max_redemptions"`
	Metadata         map[string]string `json:"metadata"`
	Name             *string           `json:"name"`
	PercentOff       *float64          `json:"percent_off"`
	RedeemBy         *int64            `json:"redeem_by"`
	TimesRedeemed    int64             `json:"times_redeemed"`
	Valid            bool              `json:"valid"`
}

func (c *coupon) createdAt() int64 { return c.Created }

// complete marks a deleted coupon (still shown where a discount expands
// it) as deleted.
func (c *coupon) complete(_ *Server, t obj) {
	if c.Deleted {
		t["deleted"] = true
	}
}

// couponProducts lists the products a limited coupon applies to.
type couponProducts struct {
	Products []string `json:"products"`
}

// promotionCode is a PromotionCode.
type promotionCode struct {
	meta
	Active          bool                      `json:"active"`
	Code            string                    `json:"code"`
	Created         int64                     `json:"created"`
	Customer        *string                   `json:"customer"`
	CustomerAccount *string                   `json:"customer_account"`
	ExpiresAt       *int64                    `json:"expires_at"`
	Livemode        bool                      `json:"livemode"`
	MaxRedemptions  *int64                    `json:"max_redemptions"`
	Metadata        map[string]string         `json:"metadata"`
	Promotion       promotionCodePromotion    `json:"promotion"`
	Restrictions    promotionCodeRestrictions `json:"restrictions"`
	TimesRedeemed   int64                     `json:"times_redeemed"`
}

func (pc *promotionCode) createdAt() int64 { return pc.Created }

// promotionCodePromotion is what a promotion code redeems: a coupon.
type promotionCodePromotion struct {
	Coupon string `json:"coupon"`
	Type   string `json:"type"`
}

// promotionCodeRestrictions limit who may redeem a promotion code.
type promotionCodeRestrictions struct {
	CurrencyOptions       map[string]promotionCurrencyOption `json:"currency_options"`
	FirstTimeTransaction  bool                               `json:"first_time_transaction"`
	MinimumAmount         *int64                             `json:"minimum_amount"`
	MinimumAmountCurrency *string                            `json:"minimum_amount_currency"`
}

// promotionCurrencyOption is a minimum amount in one currency.
type promotionCurrencyOption struct {
	MinimumAmount int64 `json:"minimum_amount"`
}

func (s *Server) createCoupon(r *request) (any, error) {
	f := r.form
	c := &coupon{
		meta: meta{Object: "coupon"}, Created: s.unix(), Duration: "once", Metadata: map[string]string{}, Valid: true,
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
		c.PercentOff = &p
	case hasAmount:
		if amount <= 0 {
			return nil, invalid("amount_off", "", "Invalid amount_off: must be a positive integer.")
		}
		cur, ok := f.str("currency")
		if !ok || cur == "" {
			return nil, missingParam("currency")
		}
		cur = strings.ToLower(cur)
		c.AmountOff, c.Currency = &amount, &cur
	default:
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, invalid("", "", "You must pass either amount_off or percent_off.")
	}
	switch d := f.strOr("duration", "once"); d {
	case "once", "forever":
		c.Duration = d
	case "repeating":
		n, ok := f.int("duration_in_months")
		if !ok || n < 1 {
			return nil, invalid("duration_in_months", "", "A coupon with duration=repeating needs a positive duration_in_months.")
		}
		c.Duration, c.DurationInMonths = d, &n
	default:
		return nil, invalid("duration", "", "Invalid duration: must be one of once, repeating or forever")
	}
	if n, ok := f.int("max_redemptions"); ok {
		if n < 1 {
			return nil, invalid("max_redemptions", "", "Invalid max_redemptions: must be a positive integer.")
		}
		c.MaxRedemptions = &n
	}
	if n, ok := f.int("redeem_by"); ok {
		if n <= s.unix() {
			return nil, invalid("redeem_by", "", "redeem_by must be in the future.")
		}
		c.RedeemBy = &n
	}
	if f.has("applies_to") {
		c.AppliesTo = &couponProducts{Products: append([]string{}, f.sub("applies_to").strings("products")...)}
	}
	setNullable(&c.Name, f, "name")
	c.Metadata = mergeMetadata(c.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	id, _ := f.str("id")
	if id == "" {
		id = randomID(8)
	} else if _, taken := s.st.lookup(id); taken {
		return nil, invalid("id", "resource_already_exists", "Coupon already exists.")
	}
	c.ID = id
	s.insert(c)
	s.emit(r, "coupon.created", c, nil)
	return s.render(c, r.expand), nil
}

func (s *Server) updateCoupon(r *request) (any, error) {
	c, err := getAs[*coupon](s, "coupon", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	before := s.snapshot(c)
	clone := cloneRecord(c)
	setNullable(&clone.Name, r.form, "name")
	clone.Metadata = mergeMetadata(clone.Metadata, r.form)
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	*c = *clone
	s.emitUpdated(r, "coupon.updated", c, before)
	return s.render(c, r.expand), nil
}

// deleteCoupon removes a coupon; discounts already made from it stay.
func (s *Server) deleteCoupon(r *request) (any, error) {
	c, err := getAs[*coupon](s, "coupon", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	c.Deleted, c.Valid = true, false
	s.emit(r, "coupon.deleted", c, nil)
	return obj{"id": c.ID, "object": "coupon", "deleted": true}, nil
}

// couponValid reports whether a coupon can still be redeemed.
func (s *Server) couponValid(c *coupon) bool {
	if c.Deleted {
		return false
	}
	if c.MaxRedemptions != nil && c.TimesRedeemed >= *c.MaxRedemptions {
		return false
	}
	if c.RedeemBy != nil && s.unix() > *c.RedeemBy {
		return false
	}
	return true
}

// refreshCoupon recomputes a coupon's valid flag.
func (s *Server) refreshCoupon(c *coupon) { c.Valid = s.couponValid(c) }

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
	cpn, err := getAs[*coupon](s, "coupon", cid)
	if err != nil {
		return nil, invalid("promotion[coupon]", "resource_missing", "No such coupon: '%s'", cid)
	}
	code, _ := f.str("code")
	if code == "" {
		code = strings.ToUpper(randomID(8))
	}
	for _, o := range allOf[*promotionCode](s.st, "promotion_code") {
		if o.Active && strings.EqualFold(o.Code, code) {
			return nil, invalid("code", "", "An active promotion code with `code: %s` already exists.", code)
		}
	}
	pc := &promotionCode{
		meta: meta{ID: s.newID("promo"), Object: "promotion_code"}, Active: true, Code: code, Created: s.unix(),
		Metadata:     map[string]string{},
		Promotion:    promotionCodePromotion{Coupon: cpn.ID, Type: "coupon"},
		Restrictions: promotionCodeRestrictions{CurrencyOptions: map[string]promotionCurrencyOption{}},
	}
	if b, ok := f.bool("active"); ok {
		pc.Active = b
	}
	if v, ok := f.str("customer"); ok && v != "" {
		if _, err := s.customer(v); err != nil {
			return nil, invalid("customer", "resource_missing", "No such customer: '%s'", v)
		}
		pc.Customer = &v
	}
	if n, ok := f.int("expires_at"); ok {
		pc.ExpiresAt = &n
	}
	if n, ok := f.int("max_redemptions"); ok {
		pc.MaxRedemptions = &n
	}
	if rs := f.sub("restrictions"); len(rs.m) > 0 {
		res := &pc.Restrictions
		if b, ok := rs.bool("first_time_transaction"); ok {
			res.FirstTimeTransaction = b
		}
		if n, ok := rs.int("minimum_amount"); ok {
			cur := strings.ToLower(rs.strOr("minimum_amount_currency", "usd"))
			res.MinimumAmount, res.MinimumAmountCurrency = &n, &cur
		}
	}
	pc.Metadata = mergeMetadata(pc.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	s.insert(pc)
	s.emit(r, "promotion_code.created", pc, nil)
	return s.render(pc, r.expand), nil
}

func (s *Server) updatePromotionCode(r *request) (any, error) {
	pc, err := getAs[*promotionCode](s, "promotion_code", r.pathVal("id"))
	if err != nil {
		return nil, err
	}
	f := r.form
	before := s.snapshot(pc)
	clone := cloneRecord(pc)
	if b, ok := f.bool("active"); ok {
		clone.Active = b
	}
	clone.Metadata = mergeMetadata(clone.Metadata, f)
	if err := f.failed(); err != nil {
		return nil, err
	}
	*pc = *clone
	s.emitUpdated(r, "promotion_code.updated", pc, before)
	return s.render(pc, r.expand), nil
}

func (s *Server) listPromotionCodes(r *request) (any, error) {
	f := r.form
	code, hasCode := f.str("code")
	cpn, hasCpn := f.str("coupon")
	cus, hasCus := f.str("customer")
	active, hasActive := f.bool("active")
	return listOf(s, r, "promotion_code", "/v1/promotion_codes", func(pc *promotionCode) bool {
		return (!hasCode || strings.EqualFold(pc.Code, code)) && (!hasCpn || pc.Promotion.Coupon == cpn) &&
			(!hasCus || pc.Customer != nil && *pc.Customer == cus) && (!hasActive || pc.Active == active)
	})
}

// percentOf is pct percent of amount, rounded half away from zero.
func percentOf(amount int64, pct float64) int64 {
	return int64(math.Round(float64(amount) * pct / 100))
}
