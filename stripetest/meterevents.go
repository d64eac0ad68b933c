package stripetest

import (
	"sort"
	"strconv"
)

// Meter events are recorded per account and de-duplicated by identifier:
// a repeat within 24 hours is rejected (400 invalid_request_error), so it
// is never counted twice. MeterUsage sums what was recorded.

// meterEventWindow is how long an identifier is remembered, in seconds.
const meterEventWindow = 24 * 3600

func (s *Server) registerMeterEvents() {
	s.handle("POST", "/v1/billing/meter_events", s.createMeterEvent)
}

func (s *Server) createMeterEvent(r *request) (any, error) {
	f := r.form
	name, ok := f.str("event_name")
	if !ok || name == "" {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("event_name")
	}
	payload := f.sub("payload")
	if len(payload.m) == 0 {
		if err := f.failed(); err != nil {
			return nil, err
		}
		return nil, missingParam("payload")
	}
	now := s.unix()
	ts := now
	if n, ok := f.int("timestamp"); ok {
		if n < now-35*86400 || n > now+300 {
			return nil, invalid("timestamp", "", "The timestamp must be within the past 35 calendar days or up to 5 minutes in the future.")
		}
		ts = n
	}
	keys := make([]string, 0, len(payload.m))
	for k := range payload.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pl := obj{}
	for _, k := range keys {
		v, _ := payload.str(k)
		pl[k] = v
	}
	if v, ok := pl["value"].(string); ok {
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return nil, invalid("payload[value]", "", "The payload value must be a number, not %q.", v)
		}
	}
	ident, _ := f.str("identifier")
	if err := f.failed(); err != nil {
		return nil, err
	}
	if ident == "" {
		ident = randomID(24)
	}
	key := "mtrevt_" + ident
	if old, seen := s.st.lookupObj(key); seen {
		if now-num(old, "created") < meterEventWindow {
			return nil, invalid("identifier", "", "An event with identifier %s was already recorded; it is counted once.", ident)
		}
		s.removeObj(old) // it still counts; it just no longer holds the identifier
		old["id"] = s.newID("mtrevt")
		s.insertObj(old)
	}
	ev := s.insertObj(obj{
		"id": key, "object": "billing.meter_event", "created": now, "event_name": name, "identifier": ident,
		"livemode": false, "payload": pl, "timestamp": ts,
	})
	out := s.renderObj(ev, r.expand)
	delete(out, "id") // a meter event has no ID of its own
	return out, nil
}

// MeterUsage is the sum of the value of the meter events named eventName
// recorded for the platform account's customer cusID (payload keys
// stripe_customer_id and value, a meter's defaults), each identifier once.
func (s *Server) MeterUsage(eventName, cusID string) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var sum float64
	for _, ev := range s.platform.allObj("billing.meter_event") {
		pl := objAt(ev, "payload")
		if ev["event_name"] != eventName || pl["stripe_customer_id"] != cusID {
			continue
		}
		if v, err := strconv.ParseFloat(str(pl, "value"), 64); err == nil {
			sum += v
		}
	}
	return sum
}
