package stripetest

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	stripe "github.com/stripelite/stripe"
)

// request is one API call as the handlers see it.
type request struct {
	s       *Server
	method  string
	path    string
	id      string // request ID, req_...
	idemKey string
	key     string // the API key
	account string // Stripe-Account, "" for the platform
	pathVal func(string) string
	form    *form
	expand  []string
}

// handlerFunc serves one route: a response tree (or other value to encode)
// or an error.
type handlerFunc func(r *request) (any, error)

// route is one endpoint: a method, a path pattern and its handler.
type route struct {
	method  string
	pattern []string   // path segments; "{x}" is a wildcard
	params  *paramNode // the params the spec knows for it (validate.go)
	fn      handlerFunc
}

// handle registers a route. Its params are checked against the spec's
// (spec_params.go; run go generate after adding a route).
func (s *Server) handle(method, pattern string, fn handlerFunc) {
	s.routes = append(s.routes, &route{method: method, pattern: strings.Split(strings.Trim(pattern, "/"), "/"),
		params: paramTree(method, pattern), fn: fn})
}

func (rt *route) match(method string, segs []string) (map[string]string, bool) {
	if rt.method != method || len(rt.pattern) != len(segs) {
		return nil, false
	}
	var vals map[string]string
	for i, p := range rt.pattern {
		if strings.HasPrefix(p, "{") {
			if vals == nil {
				vals = make(map[string]string, 2)
			}
			vals[strings.Trim(p, "{}")] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return vals, true
}

// findRoute returns the route for method and the decoded path segments.
func (s *Server) findRoute(method string, segs []string) (*route, map[string]string) {
	for _, cand := range s.routes {
		if v, ok := cand.match(method, segs); ok {
			return cand, v
		}
	}
	return nil, nil
}

// response is what a handler produced.
type response struct {
	status   int
	body     []byte
	replayed bool // the saved answer to an Idempotency-Key
}

func (s *Server) serveHTTP(w http.ResponseWriter, hr *http.Request) {
	reqID := "req_" + randomID(14)
	w.Header().Set("Request-Id", reqID)
	w.Header().Set("Stripe-Version", stripe.APIVersion)

	if e, gone := s.beforeRequest(hr); gone {
		return
	} else if e != nil {
		writeResponse(w, errorResponse(reqID, e))
		return
	}
	key, aerr := authenticate(hr)
	if aerr != nil {
		writeResponse(w, errorResponse(reqID, aerr))
		return
	}
	resp, committed := s.dispatch(hr, reqID, key)
	if committed {
		s.autoSave() // before answering, so an answered change is on disk
	}
	if committed && s.takeDrop() && dropConnection(w) {
		return
	}
	writeResponse(w, resp)
}

func writeResponse(w http.ResponseWriter, r response) {
	w.Header().Set("Content-Type", "application/json")
	if r.replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body)
}

// pathSegments splits the path as sent and decodes each segment once, as
// Stripe does: hr.URL.Path is already decoded, so decoding its segments
// again would turn an ID sent as cus_%2531 into cus_1. An escaped slash
// (%2F) stays inside its segment.
func pathSegments(u *url.URL) []string {
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	for i, seg := range segs {
		if d, err := url.PathUnescape(seg); err == nil {
			segs[i] = d
		}
	}
	return segs
}

// dispatch routes, parses, checks idempotency and runs the handler under
// the state lock. committed reports whether the call changed state.
func (s *Server) dispatch(hr *http.Request, reqID, key string) (response, bool) {
	rt, vals := s.findRoute(hr.Method, pathSegments(hr.URL))
	if rt == nil {
		return errorResponse(reqID, &apiError{status: http.StatusNotFound, typ: "invalid_request_error",
			message: fmt.Sprintf("Unrecognized request URL (%s: %s). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", hr.Method, hr.URL.Path)}), false
	}

	values := hr.URL.Query()
	if hr.Method == http.MethodPost {
		if err := hr.ParseForm(); err != nil {
			return errorResponse(reqID, &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", message: "Invalid request body: " + err.Error()}), false
		}
		values = hr.Form
	}
	tree, perr := parseForm(values)
	if perr != nil {
		return errorResponse(reqID, perr), false
	}
	if e := rt.checkParams(tree); e != nil {
		return errorResponse(reqID, e), false
	}
	r := &request{s: s, method: hr.Method, path: hr.URL.Path, id: reqID, pathVal: func(k string) string { return vals[k] }}
	r.form = &form{m: tree, err: new(error)}
	r.expand = r.form.strings("expand")
	r.account = hr.Header.Get("Stripe-Account")
	r.key = key
	if hr.Method == http.MethodPost {
		r.idemKey = hr.Header.Get("Idempotency-Key")
	}
	if r.idemKey != "" {
		if e := checkIdempotencyKey(r.idemKey); e != nil {
			return errorResponse(reqID, e), false
		}
		call := idemCall{reqID: reqID, key: r.idemKey, scope: idemScope(key, r.account, r.idemKey),
			method: hr.Method, path: hr.URL.Path, params: values.Encode()}
		if resp, done := s.idem.begin(call); done {
			return resp, false
		}
		resp, save := s.run(rt, r)
		s.idem.end(call, resp, save && resp.status < 500)
		return resp, true
	}
	resp, _ := s.run(rt, r)
	return resp, hr.Method != http.MethodGet
}

// run runs the route's handler under the state lock and renders its
// answer. save reports whether an Idempotency-Key should keep the answer:
// not for a 400 invalid_request_error, which changed nothing (unless the
// handler marks it saved).
func (s *Server) run(rt *route, r *request) (resp response, save bool) {
	if s.testHookBeforeHandle != nil {
		s.testHookBeforeHandle(r.path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, aerr := s.accountStore(r.account, r.key)
	if aerr != nil {
		return errorResponse(r.id, aerr), false
	}
	s.st = st
	s.at = s.requestClock(r)
	s.inserted = new([]insertion)
	defer func() { s.st, s.at, s.inserted = s.platform, 0, nil }()
	out, err := runHandler(rt.fn, r)
	if err == nil {
		err = *r.form.err
	}
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = &apiError{status: http.StatusInternalServerError, typ: "api_error", message: err.Error()}
		}
		save = ae.status != http.StatusBadRequest || ae.typ != "invalid_request_error" || ae.saved
		if !save {
			for _, in := range slices.Backward(*s.inserted) {
				s.st = in.st
				s.remove(in.rec)
			}
		}
		return errorResponse(r.id, ae), save
	}
	b, merr := appendJSON(nil, out)
	if merr != nil {
		return errorResponse(r.id, &apiError{status: 500, typ: "api_error", message: merr.Error()}), false
	}
	return response{status: http.StatusOK, body: b}, true
}

// runHandler runs fn, turning a panic (a bug in stripetest) into a 500
// api_error instead of a dropped connection.
func runHandler(fn handlerFunc, r *request) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, &apiError{status: http.StatusInternalServerError, typ: "api_error",
				message: fmt.Sprintf("stripetest: internal error in %s %s: %v", r.method, r.path, p)}
		}
	}()
	return fn(r)
}
