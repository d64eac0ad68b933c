package stripetest

import (
	"fmt"
	"net/http"
)

// Test clocks (/v1/test_helpers/test_clocks).
//
// A customer created with test_clock=clock_... lives on the clock: the
// objects of requests about it (the customer, its subscriptions, invoices,
// invoice items and payments) are stamped with the clock's frozen time, not
// the server's. Advancing the clock replays what would happen until the new
// time, in time order, stamping each step (and its events) with its time:
//
//   - a subscription whose period ends renews: its items move to the next
//     period (customer.subscription.updated) and a draft renewal invoice
//     with auto_advance is made (invoice.created); a trial that ends does
//     the same, and the subscription becomes active;
//   - a subscription with cancel_at_period_end (or a cancel_at) that is
//     reached is canceled (customer.subscription.deleted);
//   - a draft invoice with auto_advance is finalized an hour after it was
//     made (invoice.finalized) and, when charged automatically, paid from
//     the default payment method;
//   - a failed automatic payment (invoice.payment_failed) makes an active
//     subscription past_due and is retried every retryInterval, up to
//     maxPaymentAttempts attempts in all; after the last, the invoice stays
//     open and the subscription past_due (Stripe's "leave the subscription
//     past-due" setting). A payment that succeeds makes it active again.

const (
	// finalizeDelay is how long after its creation a draft with
	// auto_advance is finalized.
	finalizeDelay = 3600
	// retryInterval is the time between automatic payment attempts.
	retryInterval = 3 * 86400
	// maxPaymentAttempts is how many automatic attempts an invoice gets.
	maxPaymentAttempts = 4
	// maxClockSteps bounds the work of one advance.
	maxClockSteps = 10000
)

// testClock is a test clock (test_helpers.test_clock).
type testClock struct {
	meta
	Created       int64                  `json:"created"`
	DeletesAfter  int64                  `json:"deletes_after"`
	FrozenTime    int64                  `json:"frozen_time"`
	Livemode      bool                   `json:"livemode"`
	Name          *string                `json:"name"`
	Status        string                 `json:"status"`
	StatusDetails testClockStatusDetails `json:"status_details"`
}

func (x *testClock) createdAt() int64 { return x.Created }

// testClockStatusDetails is empty unless the clock is advancing, which an
// advance in stripetest finishes within its request.
type testClockStatusDetails struct {
	Advancing *testClockAdvancing `json:"advancing,omitempty"`
}

// testClockAdvancing says when an advancing clock will be ready.
type testClockAdvancing struct {
	TargetFrozenTime int64 `json:"target_frozen_time"`
}

func (s *Server) registerTestClocks() {
	s.handle("POST", "/v1/test_helpers/test_clocks", s.createTestClock)
	s.handle("GET", "/v1/test_helpers/test_clocks", func(r *request) (any, error) {
		return listOf[*testClock](s, r, "test_helpers.test_clock", "/v1/test_helpers/test_clocks", nil)
	})
	s.handle("GET", "/v1/test_helpers/test_clocks/{id}", func(r *request) (any, error) {
		clock, err := s.getClock(r.pathVal("id"), "id")
		if err != nil {
			return nil, err
		}
		return s.render(clock, r.expand), nil
	})
	s.handle("DELETE", "/v1/test_helpers/test_clocks/{id}", s.deleteTestClock)
	s.handle("POST", "/v1/test_helpers/test_clocks/{id}/advance", s.advanceTestClock)
}

func (s *Server) getClock(id, param string) (*testClock, error) {
	clock, err := getAs[*testClock](s, "test_helpers.test_clock", id)
	if err != nil {
		return nil, notFound("test clock", id, param)
	}
	return clock, nil
}

func (s *Server) createTestClock(r *request) (any, error) {
	f := r.form
	frozen, ok := f.int("frozen_time")
	if err := f.failed(); err != nil {
		return nil, err
	}
	if !ok {
		return nil, missingParam("frozen_time")
	}
	now := s.unix()
	clock := &testClock{
		meta: meta{ID: s.newID("clock"), Object: "test_helpers.test_clock"}, Created: now, DeletesAfter: now + 30*86400,
		FrozenTime: frozen, Status: "ready",
	}
	setNullable(&clock.Name, f, "name")
	s.insert(clock)
	return s.render(clock, r.expand), nil
}

// deleteTestClock deletes the clock and, as Stripe does, the customers on
// it (their subscriptions end).
func (s *Server) deleteTestClock(r *request) (any, error) {
	clock, err := s.getClock(r.pathVal("id"), "id")
	if err != nil {
		return nil, err
	}
	id := clock.ID
	s.at = clock.FrozenTime
	defer func() { s.at = 0 }()
	for _, cus := range allOf[*customer](s.st, "customer") {
		if deref(cus.TestClock) != id || cus.Deleted {
			continue
		}
		for _, sub := range allOf[*subscription](s.st, "subscription") {
			if sub.Customer == cus.ID && sub.live() {
				s.endSubscription(r, sub, nil)
			}
		}
		cus.Deleted = true
		s.emit(r, "customer.deleted", cus, nil)
	}
	s.remove(clock)
	return obj{"id": id, "object": "test_helpers.test_clock", "deleted": true}, nil
}

func (s *Server) advanceTestClock(r *request) (any, error) {
	clock, err := s.getClock(r.pathVal("id"), "id")
	if err != nil {
		return nil, err
	}
	target, ok := r.form.int("frozen_time")
	if err := r.form.failed(); err != nil {
		return nil, err
	}
	if !ok {
		return nil, missingParam("frozen_time")
	}
	if target <= clock.FrozenTime {
		return nil, invalid("frozen_time", "", "The frozen_time must be after the test clock's current frozen_time (%d).", clock.FrozenTime)
	}
	defer func() { s.at = 0 }()
	for step := 0; ; step++ {
		if step == maxClockSteps {
			return nil, &apiError{status: http.StatusInternalServerError, typ: "api_error",
				message: fmt.Sprintf("stripetest: advancing %s took more than %d steps", clock.ID, maxClockSteps)}
		}
		at, act := s.nextClockStep(clock.ID, target)
		if act == nil {
			break
		}
		clock.FrozenTime = at
		s.at = at
		act(r)
	}
	clock.FrozenTime = target
	s.at = target
	s.emit(r, "test_helpers.test_clock.ready", clock, nil)
	return s.render(clock, r.expand), nil
}

// nextClockStep finds the earliest thing due on the clock's customers at
// or before target: its time and what to do. A nil action means none.
func (s *Server) nextClockStep(clockID string, target int64) (int64, func(*request)) {
	on := map[any]bool{}
	for _, cus := range allOf[*customer](s.st, "customer") {
		if deref(cus.TestClock) == clockID && !cus.Deleted {
			on[cus.ID] = true
		}
	}
	best := target + 1
	var act func(*request)
	consider := func(at int64, a func(*request)) {
		if at < best { // the first found wins a tie: subscriptions before invoices
			best, act = at, a
		}
	}
	for _, sub := range allOf[*subscription](s.st, "subscription") {
		if !on[sub.Customer] {
			continue
		}
		switch sub.Status {
		case "active", "past_due", "trialing", "unpaid":
		default:
			continue
		}
		if sub.CancelAt != nil {
			consider(*sub.CancelAt, func(r *request) { s.endSubscription(r, sub, nil) })
		}
		end := s.subPeriodEnd(sub)
		if sub.Status == "trialing" {
			if sub.TrialEnd != nil && *sub.TrialEnd < end {
				end = *sub.TrialEnd
			}
		}
		if sub.CancelAtPeriodEnd {
			consider(end, func(r *request) { s.endSubscription(r, sub, nil) })
			continue
		}
		consider(end, func(r *request) { s.renewSubscription(r, sub, end) })
	}
	for _, inv := range allOf[*invoice](s.st, "invoice") {
		if !on[inv.Customer] {
			continue
		}
		inv := inv
		switch {
		case inv.Status == "draft" && inv.AutoAdvance:
			consider(inv.Created+finalizeDelay, func(r *request) { s.autoFinalize(r, inv) })
		case inv.Status == "open" && inv.CollectionMethod == "charge_automatically":
			if at := inv.NextPaymentAttempt; at != nil {
				consider(*at, func(r *request) { s.autoCollect(r, inv) })
			}
		}
	}
	if act == nil {
		return 0, nil
	}
	return best, act
}

// subPeriodEnd is the end of a subscription's current period: its items'
// earliest.
func (s *Server) subPeriodEnd(sub *subscription) int64 {
	var end int64
	for _, si := range s.subItemsOf(sub) {
		if e := si.CurrentPeriodEnd; end == 0 || e < end {
			end = e
		}
	}
	return end
}

// renewSubscription starts the subscription's next period at start and
// makes its draft renewal invoice.
func (s *Server) renewSubscription(r *request, sub *subscription, start int64) {
	cus, ok := lookupAs[*customer](s.st, sub.Customer)
	if !ok {
		return
	}
	before := s.snapshot(sub)
	if sub.Status == "trialing" {
		sub.Status = "active"
	}
	inv := s.newInvoice(cus, sub.Currency, sub.CollectionMethod, "subscription_cycle")
	inv.AutoAdvance = true
	inv.TestClock = copyPtr(sub.TestClock)
	inv.Parent = subscriptionParent(sub.ID, sub.Metadata)
	if sub.DaysUntilDue != nil {
		inv.DueDate = ptr(start + *sub.DaysUntilDue*86400)
	}
	var lines []*invoiceLineItem
	for _, si := range s.subItemsOf(sub) {
		price, ok := s.st.lookupPrice(si.Price)
		if !ok {
			continue
		}
		interval, count := price.interval()
		end := periodEnd(start, interval, max(count, 1))
		si.CurrentPeriodStart, si.CurrentPeriodEnd = start, end
		unit := price.unit()
		qty := si.Quantity
		desc := fmt.Sprintf("%d × %s (at %s / %s)", qty, s.productName(price), money(unit, price.Currency), interval)
		lines = append(lines, s.newSubLine(s.newID("il"), inv.ID, ptr(sub.ID), ptr(si.ID), price, qty, unit*qty, desc, start, end))
	}
	inv.SubLines = lines
	inv.PeriodStart, inv.PeriodEnd = start, start
	s.insert(inv)
	sub.LatestInvoice = ptr(inv.ID)
	s.attachPendingItems(inv)
	s.recalcInvoice(inv)
	s.emitUpdated(r, "customer.subscription.updated", sub, before)
	s.emit(r, "invoice.created", inv, nil)
}

// autoFinalize finalizes a draft with auto_advance and, when it is charged
// automatically, makes the first payment attempt.
func (s *Server) autoFinalize(r *request, inv *invoice) {
	s.finalize(r, inv)
	if inv.Status == "open" && inv.CollectionMethod == "charge_automatically" {
		s.autoCollect(r, inv)
	}
}

// autoCollect makes one automatic payment attempt on an open invoice and,
// when it fails, schedules the next (see the retry rules above).
func (s *Server) autoCollect(r *request, inv *invoice) {
	inv.NextPaymentAttempt = nil
	pm, err := s.invoicePaymentMethod(inv, &form{m: obj{}, err: new(error)})
	if err == nil {
		err = s.collect(r, inv, pm, true)
	} else {
		inv.Attempted = true
		inv.AttemptCount++
		s.scheduleRetry(inv)
		s.emit(r, "invoice.payment_failed", inv, nil)
	}
	if err == nil {
		return
	}
	if sub, ok := lookupAs[*subscription](s.st, s.invoiceSubscription(inv)); ok && sub.Status == "active" {
		before := s.snapshot(sub)
		sub.Status = "past_due"
		s.emitUpdated(r, "customer.subscription.updated", sub, before)
	}
}

// scheduleRetry sets an invoice's next automatic payment attempt after a
// failed one, or none after the last.
func (s *Server) scheduleRetry(inv *invoice) {
	if inv.AttemptCount < maxPaymentAttempts {
		inv.NextPaymentAttempt = ptr(s.unix() + retryInterval)
	} else {
		inv.NextPaymentAttempt = nil
	}
}

// requestClock is the frozen time of the test clock a request is about
// (through its customer), or 0.
func (s *Server) requestClock(r *request) int64 {
	if len(s.st.kinds["test_helpers.test_clock"]) == 0 {
		return 0 // no clocks: the common case, without lookups
	}
	if id, ok := r.form.m["test_clock"].(string); ok {
		if clock, ok := lookupAs[*testClock](s.st, id); ok {
			return clock.FrozenTime
		}
	}
	var cusID string
	if id, ok := r.form.m["customer"].(string); ok {
		cusID = id
	} else if id := r.pathVal("customer"); id != "" {
		cusID = id
	} else if rec, ok := s.st.lookup(r.pathVal("id")); ok {
		if c, ok := rec.(*customer); ok {
			cusID = c.ID
		} else {
			cusID = idOf(s.tree(rec)["customer"])
		}
	}
	cus, ok := lookupAs[*customer](s.st, cusID)
	if !ok || cus.TestClock == nil {
		return 0
	}
	if clock, ok := lookupAs[*testClock](s.st, *cus.TestClock); ok {
		return clock.FrozenTime
	}
	return 0
}
