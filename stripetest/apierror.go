package stripetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// apiError is Stripe's error object plus the HTTP status.
type apiError struct {
	status        int
	typ           string
	code          string
	declineCode   string
	param         string
	message       string
	charge        string
	paymentIntent obj
	paymentMethod obj
	setupIntent   obj
	// oauth renders the error in OAuth's shape: {"error": code,
	// "error_description": message} (oauth.go).
	oauth bool
	// saved makes an idempotent request with this 400 error replay it.
	saved bool
}

func (e *apiError) Error() string { return e.message }

// errorResponse renders e as Stripe's error body for the request reqID,
// with the dashboard link to the request's log (request_log_url).
func errorResponse(reqID string, e *apiError) response {
	if e.oauth {
		b, _ := json.Marshal(obj{"error": e.code, "error_description": e.message})
		return response{status: e.status, body: b}
	}
	m := obj{"type": e.typ, "message": e.message}
	if reqID != "" {
		m["request_log_url"] = "https://dashboard.stripe.com/test/logs/" + reqID
	}
	if e.code != "" {
		m["code"] = e.code
		m["doc_url"] = "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(e.code, "_", "-")
	}
	if e.declineCode != "" {
		m["decline_code"] = e.declineCode
	}
	if e.param != "" {
		m["param"] = e.param
	}
	if e.charge != "" {
		m["charge"] = e.charge
	}
	if e.paymentIntent != nil {
		m["payment_intent"] = e.paymentIntent
	}
	if e.paymentMethod != nil {
		m["payment_method"] = e.paymentMethod
	}
	if e.setupIntent != nil {
		m["setup_intent"] = e.setupIntent
	}
	b, _ := json.Marshal(obj{"error": m})
	return response{status: e.status, body: b}
}

func notFound(kind, id, param string) *apiError {
	return &apiError{status: http.StatusNotFound, typ: "invalid_request_error", code: "resource_missing", param: param,
		message: fmt.Sprintf("No such %s: '%s'", kind, id)}
}

func invalid(param, code, format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, typ: "invalid_request_error", code: code, param: param, message: fmt.Sprintf(format, args...)}
}

func missingParam(param string) *apiError {
	return invalid(param, "parameter_missing", "Missing required param: %s.", param)
}
