package stripe

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Path fills each %s in format with a path-escaped ID, so "cus_1/../x"
// stays one path segment, and checks the result is an API path (see
// [Client.Do]). It rejects IDs that are empty, "." or "..", or contain
// control characters, before any request:
//
//	path, err := stripe.Path("/v1/customers/%s/tax_ids", customerID)
func Path(format string, ids ...string) (string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		if id == "" || id == "." || id == ".." || !isHeaderSafe(id) {
			return "", fmt.Errorf("stripe: invalid ID %q", redact(id))
		}
		args[i] = url.PathEscape(id)
	}
	p := fmt.Sprintf(format, args...)
	if strings.Contains(p, "%!") {
		// fmt's mark for a verb without an ID or an ID without a verb.
		return "", fmt.Errorf("stripe: Path: format %q does not take %d IDs", redact(format), len(ids))
	}
	if err := checkAPIPath(p); err != nil {
		return "", err
	}
	return p, nil
}

// pathf is Path, under the name the services use.
func pathf(format string, ids ...string) (string, error) { return Path(format, ids...) }

// checkAPIPath refuses anything but a plain Stripe API path under /v1/:
// an absolute URL or //host (the key must never go to another host), "."
// or ".." segments, a query or fragment, control characters and spaces.
// Escaped bytes (%2F in an ID) are fine: they stay inside their segment.
func checkAPIPath(p string) error {
	bad := func(why string) error {
		return fmt.Errorf("stripe: invalid API path %q: %s", redact(oneLine(p)), why)
	}
	switch {
	case p == "":
		return bad("empty")
	case !strings.HasPrefix(p, "/"):
		return bad("must start with /v1/ (an absolute URL is never accepted)")
	case strings.HasPrefix(p, "//"):
		return bad("must not name a host")
	case !strings.HasPrefix(p, "/v1/"):
		return bad("must start with /v1/")
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c <= ' ' || c == 0x7f:
			return bad("contains a space or control character")
		case c == '?' || c == '#':
			return bad("must not carry a query or fragment (pass params instead)")
		case c == '\\':
			return bad("contains a backslash")
		case c == '%':
			if i+2 >= len(p) || !isHex(p[i+1]) || !isHex(p[i+2]) {
				return bad("contains a malformed escape")
			}
		}
	}
	for rest := p[1:]; ; {
		seg, after, more := strings.Cut(rest, "/")
		if seg == "" || seg == "." || seg == ".." || strings.EqualFold(seg, "%2e") ||
			strings.EqualFold(seg, "%2e%2e") || strings.EqualFold(seg, ".%2e") || strings.EqualFold(seg, "%2e.") {
			return bad("has an empty, . or .. segment")
		}
		if !more {
			return nil
		}
		rest = after
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// checkMethod accepts the methods the Stripe API uses.
func checkMethod(method string) error {
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodDelete:
		return nil
	}
	return fmt.Errorf("stripe: unsupported method %q (want GET, POST or DELETE)", redact(oneLine(method)))
}

var errNilOut = errors.New("stripe: out must be nil or a non-nil pointer")
