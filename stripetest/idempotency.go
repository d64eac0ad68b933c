package stripetest

import (
	"fmt"
	"net/http"
	"sync"
)

// idempotency remembers the response to each Idempotency-Key, per API key,
// so a retry gets the first answer instead of a second object.
type idempotency struct {
	mu      sync.Mutex
	entries map[string]*idemEntry // by idemCall.scope
}

// idemCall identifies a request for idempotency: its key's scope and what
// it asked for.
type idemCall struct {
	scope, method, path, params string
}

type idemEntry struct {
	method, path, params string
	status               int
	body                 []byte
}

func (d *idempotency) init() { d.entries = make(map[string]*idemEntry) }

// replay returns the saved response for the call's key, or an
// idempotency_error when the key was used for a different request.
func (d *idempotency) replay(c idemCall, key string) (response, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e, ok := d.entries[c.scope]
	if !ok {
		return response{}, false
	}
	if e.method != c.method || e.path != c.path || e.params != c.params {
		return errorResponse(&apiError{status: http.StatusBadRequest, typ: "idempotency_error",
			message: fmt.Sprintf("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '%s' if you meant to execute a different request.", key)}), true
	}
	return response{status: e.status, body: e.body}, true
}

// save records the response to a call.
func (d *idempotency) save(c idemCall, resp response) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.entries[c.scope] = &idemEntry{method: c.method, path: c.path, params: c.params, status: resp.status, body: resp.body}
}
