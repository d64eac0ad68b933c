package stripetest

import (
	"encoding/base64"
	"net/http"
	"strings"
)

func authenticate(hr *http.Request) (string, *apiError) {
	h := hr.Header.Get("Authorization")
	var key string
	switch {
	case strings.HasPrefix(h, "Bearer "):
		key = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	case strings.HasPrefix(h, "Basic "):
		b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
		if err == nil {
			key, _, _ = strings.Cut(string(b), ":")
		}
	}
	switch {
	case key == "":
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."}
	case strings.HasPrefix(key, "pk_"):
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "This API call cannot be made with a publishable API key. Please use a secret API key."}
	case !strings.HasPrefix(key, "sk_") && !strings.HasPrefix(key, "rk_"):
		return "", &apiError{status: http.StatusUnauthorized, typ: "invalid_request_error",
			message: "Invalid API Key provided: " + redactKey(key)}
	}
	return key, nil
}

func redactKey(k string) string {
	if len(k) <= 8 {
		return strings.Repeat("*", len(k))
	}
	return k[:8] + strings.Repeat("*", len(k)-12) + k[len(k)-4:]
}

// dispatch routes, parses, checks idempotency and runs the handler under
