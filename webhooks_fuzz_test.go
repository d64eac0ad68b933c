package stripe

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Run in CI (each for a bounded time):
//
//	go test -run='^$' -fuzz='^FuzzParseSignatureHeader$' -fuzztime=30s .
//	go test -run='^$' -fuzz='^FuzzConstructEvent$' -fuzztime=30s .
//
// Plain `go test` runs the seeds below and those under testdata/fuzz.

func FuzzParseSignatureHeader(f *testing.F) {
	sig := strings.Repeat("0a", 32)
	for _, seed := range []string{
		"",
		"t=1700000000,v1=" + sig,
		"t=1700000000,v1=" + sig + ",v1=" + sig + ",v0=" + sig,
		" t=1700000000 , v1=" + strings.ToUpper(sig),
		"t=1700000000,v0=" + sig,
		"v1=" + sig,
		"t=abc,v1=" + sig,
		"t=-1,v1=" + sig,
		"t=99999999999999999999,v1=" + sig,
		"t=1,t=2",
		"t=1,v1",
		"t=1,,v1=" + sig,
		"t=1,v1=zz",
		"t==1",
		"=,=,=",
		"t=1\x00,v1=\xff",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, h string) {
		sh, err := parseSignatureHeader(h)
		if err != nil {
			if !errors.Is(err, ErrWebhookMissingHeader) && !errors.Is(err, ErrWebhookMalformedHeader) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if sh.ts != "" || sh.v1 != nil {
				t.Fatalf("partial result with error: %+v", sh)
			}
			return
		}
		if len(h) > maxSignatureHeader {
			t.Fatalf("accepted a %d byte header", len(h))
		}
		if n, perr := strconv.ParseInt(sh.ts, 10, 64); perr != nil || n != sh.timestamp || n < 0 {
			t.Fatalf("timestamp %q parsed as %d", sh.ts, sh.timestamp)
		}
		if !strings.Contains(h, "t="+sh.ts) {
			t.Fatalf("timestamp %q not in header", sh.ts)
		}
		for _, s := range sh.v1 {
			if len(s) != 32 {
				t.Fatalf("v1 signature of %d bytes", len(s))
			}
		}
	})
}

func FuzzConstructEvent(f *testing.F) {
	const secret = "whsec_fuzz_secret"
	now := time.Unix(1700000000, 0)
	event := []byte(`{"id":"evt_1","object":"event","type":"invoice.paid","api_version":"` + APIVersion +
		`","created":1700000000,"data":{"object":{"id":"in_1","object":"invoice"}},"request":"req_1"}`)
	f.Add(event, SignPayload(event, secret, now), int64(0))
	f.Add(event, SignPayload(event, secret, now.Add(-301*time.Second)), int64(-301))
	f.Add(event, SignPayload(event, "whsec_other", now), int64(300))
	f.Add([]byte(`{}`), "t=1700000000,v1=00", int64(1))
	f.Add([]byte(`[]`), "t=x", int64(-1))
	f.Add([]byte(`{"id":"evt_1","object":"event","type":"x","data":{"object":5,"previous_attributes":[]}}`), "", int64(7))
	f.Add([]byte(`{"id":"evt_1","object":"event","type":"x","request":{"id":5}}`), "v0=", int64(1<<40))
	f.Add([]byte{}, "t=1700000000,v1=", int64(-1<<62))

	f.Fuzz(func(t *testing.T, payload []byte, header string, offset int64) {
		clock := WithWebhookClock(func() time.Time { return now })
		checkErr := func(err error) {
			t.Helper()
			for _, want := range []error{ErrWebhookMissingHeader, ErrWebhookMalformedHeader, ErrWebhookNoValidSignature,
				ErrWebhookTimestampOutOfTolerance, ErrWebhookNotEvent} {
				if errors.Is(err, want) {
					if strings.Contains(err.Error(), secret) {
						t.Fatalf("error leaks the secret: %v", err)
					}
					return
				}
			}
			t.Fatalf("error matches no sentinel: %v", err)
		}
		checkEvent := func(ev *Event) {
			t.Helper()
			if ev == nil || ev.ID == "" || ev.Type == "" || ev.Object != "event" {
				t.Fatalf("accepted a non-event: %+v", ev)
			}
		}

		// Arbitrary header: no panic, a known error or a real event.
		if ev, err := ConstructEvent(payload, header, secret, clock); err != nil {
			checkErr(err)
		} else {
			checkEvent(ev)
		}

		// A correct signature at now+offset passes exactly when within the
		// tolerance, and then fails only if the payload is no event.
		offset %= 1 << 30 // keeps now+offset after 1970
		header = SignPayload(payload, secret, now.Add(time.Duration(offset)*time.Second))
		ev, err := ConstructEvent(payload, header, secret, clock)
		inTolerance := offset >= -300 && offset <= 300
		switch {
		case !inTolerance && !errors.Is(err, ErrWebhookTimestampOutOfTolerance):
			t.Fatalf("offset %d: want out of tolerance, got %v", offset, err)
		case inTolerance && err != nil && !errors.Is(err, ErrWebhookNotEvent):
			t.Fatalf("offset %d: signed payload rejected: %v", offset, err)
		case err == nil:
			checkEvent(ev)
		}
	})
}
