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
	sort.Strings(keys) // a bad value's error names the first key
	pl := make(map[string]string, len(keys))
	for _, k := range keys {
		pl[k], _ = payload.str(k)
	}
	if v, ok := pl["value"]; ok {
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
	if old, seen := lookupAs[*meterEvent](s.st, key); seen {
		if now-old.Created < meterEventWindow {
			return nil, invalid("identifier", "", "An event with identifier %s was already recorded; it is counted once.", ident)
		}
		s.remove(old) // it still counts; it just no longer holds the identifier
		old.ID = s.newID("mtrevt")
		s.insert(old)
	}
	ev := &meterEvent{
		meta: meta{ID: key, Object: "billing.meter_event"}, Created: now, EventName: name, Identifier: ident,
		Payload: pl, Timestamp: ts,
	}
	s.insert(ev)
	out := s.render(ev, r.expand)
	delete(out, "id") // a meter event has no ID of its own
	return out, nil
}

// meterEvent is a billing.meter_event. It has no ID on the wire; it is
// stored under "mtrevt_" and its identifier while that identifier is
// remembered (see createMeterEvent).
type meterEvent struct {
	meta
	Created    int64             `json:"created"`
	EventName  string            `json:"event_name"`
	Identifier string            `json:"identifier"`
	Livemode   bool              `json:"livemode"`
	Payload    map[string]string `json:"payload"`
	Timestamp  int64             `json:"timestamp"`
}

func (x *meterEvent) createdAt() int64 { return x.Created }

// MeterUsage is the sum of the value of the meter events named eventName
// recorded for the platform account's customer cusID (payload keys
// stripe_customer_id and value, a meter's defaults), each identifier once.
func (s *Server) MeterUsage(eventName, cusID string) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var sum float64
	for _, ev := range allOf[*meterEvent](s.platform, "billing.meter_event") {
		if ev.EventName != eventName || ev.Payload["stripe_customer_id"] != cusID {
			continue
		}
		if v, err := strconv.ParseFloat(ev.Payload["value"], 64); err == nil {
			sum += v
		}
	}
	return sum
}
