package stripetest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// maxIdempotencyKey is the longest Idempotency-Key Stripe accepts.
const maxIdempotencyKey = 255

// idempotency remembers the response to each Idempotency-Key, per API key
// and account, so a retry gets the first answer instead of a second object.
// A key is "in flight" from the moment its first request is accepted until
// that request has its answer; a second request with the key meanwhile gets
// 409, as on Stripe. It has its own lock, apart from the state's.
type idempotency struct {
	mu       sync.Mutex
	entries  map[string]*idemEntry // by idemCall.scope
	inFlight map[string]bool
}

// idemCall identifies a request for idempotency: its key's scope and what
// it asked for.
type idemCall struct {
	reqID, key                  string
	scope, method, path, params string
}

// idemEntry is the saved answer to one Idempotency-Key, or a request with it in flight.
type idemEntry struct {
	method, path, params string
	status               int
	body                 []byte
}

// idemScope names an Idempotency-Key's scope: the API key (hashed, so no
// key is kept or saved in a state file), the account and the key.
func idemScope(apiKey, account, key string) string {
	h := sha256.Sum256([]byte(apiKey))
	return hex.EncodeToString(h[:8]) + "\x00" + account + "\x00" + key
}

// idemState is a saved answer in a state file.
type idemState struct {
	Scope  string          `json:"scope"`
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Params string          `json:"params"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
}

// state returns the saved answers, for a state file.
func (d *idempotency) state() []idemState {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]idemState, 0, len(d.entries))
	for scope, e := range d.entries {
		out = append(out, idemState{Scope: scope, Method: e.method, Path: e.path, Params: e.params, Status: e.status, Body: e.body})
	}
	return out
}

// load replaces the saved answers with those of a state file.
func (d *idempotency) load(list []idemState) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.entries = make(map[string]*idemEntry, len(list))
	for _, e := range list {
		d.entries[e.Scope] = &idemEntry{method: e.Method, path: e.Path, params: e.Params, status: e.Status, body: e.Body}
	}
}

func (d *idempotency) init() {
	d.entries = make(map[string]*idemEntry)
	d.inFlight = make(map[string]bool)
}

// checkIdempotencyKey rejects a key Stripe would not accept.
func checkIdempotencyKey(key string) *apiError {
	if len(key) > maxIdempotencyKey {
		return invalid("", "", "Idempotency-Key must be at most %d characters long (this one has %d).", maxIdempotencyKey, len(key))
	}
	return nil
}

// begin claims the call's key. When the key already has an answer (or is
// in use, or was used for another request), it returns that response and
// done=true; otherwise the caller must call end.
func (d *idempotency) begin(c idemCall) (resp response, done bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if e, ok := d.entries[c.scope]; ok {
		if e.method != c.method || e.path != c.path || e.params != c.params {
			return errorResponse(c.reqID, &apiError{status: http.StatusBadRequest, typ: "idempotency_error",
				message: fmt.Sprintf("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '%s' if you meant to execute a different request.", c.key)}), true
		}
		return response{status: e.status, body: e.body, replayed: true}, true
	}
	if d.inFlight[c.scope] {
		return errorResponse(c.reqID, &apiError{status: http.StatusConflict, typ: "idempotency_error",
			message: fmt.Sprintf("There is currently another in-progress request using this Stripe-Idempotency-Key ('%s'). Please try again later.", c.key)}), true
	}
	d.inFlight[c.scope] = true
	return response{}, false
}

// end releases the call's key, saving resp as its answer when save is set.
func (d *idempotency) end(c idemCall, resp response, save bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.inFlight, c.scope)
	if save {
		d.entries[c.scope] = &idemEntry{method: c.method, path: c.path, params: c.params, status: resp.status, body: resp.body}
	}
}
