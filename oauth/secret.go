package oauth

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Secret is a credential: the platform key, an access token or a refresh
// token. It decodes from JSON as usual, but every way of printing or
// encoding it (fmt verbs, slog, encoding/json) writes "[REDACTED]". Call
// Reveal for the value itself, to store it in your secret store.
type Secret string

const redacted = "[REDACTED]"

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return string(s) }

// String returns "[REDACTED]", or "" for an empty secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString is String quoted.
func (s Secret) GoString() string { return strconv.Quote(s.String()) }

// Format implements fmt.Formatter, so every verb prints the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'q' || (verb == 'v' && f.Flag('#')) {
		_, _ = io.WriteString(f, s.GoString())
		return
	}
	_, _ = io.WriteString(f, s.String())
}

// MarshalText writes the redacted form.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a secret; the redaction marker decodes to "", so
// a re-decoded redacted token is empty rather than "[REDACTED]".
func (s *Secret) UnmarshalText(b []byte) error {
	if string(b) == redacted {
		*s = ""
		return nil
	}
	*s = Secret(b)
	return nil
}

// tokenPrefixes start the credentials Stripe's OAuth deals in: secret and
// restricted keys (which access tokens are), refresh tokens and
// authorization codes.
var tokenPrefixes = []string{"sk_", "rk_", "rt_", "ac_"}

// scrub removes the given secrets and anything that looks like a token
// from s, keeping a token's prefix: "sk_test_[REDACTED]".
func scrub(s string, secrets []string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, redacted)
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if p := tokenAt(s, i); p != "" {
			j := i + len(p)
			for j < len(s) && isTokenChar(s[j]) {
				j++
			}
			if j > i+len(p) {
				b.WriteString(s[i:i+len(p)] + redacted)
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// tokenAt returns the prefix a token starting at s[i] has, "" if none.
// Live and test keys keep their mode: "sk_live_", "sk_test_".
func tokenAt(s string, i int) string {
	if i > 0 && isTokenChar(s[i-1]) {
		return ""
	}
	for _, p := range tokenPrefixes {
		if strings.HasPrefix(s[i:], p) {
			for _, mode := range []string{"live_", "test_"} {
				if strings.HasPrefix(s[i+len(p):], mode) {
					return p + mode
				}
			}
			return p
		}
	}
	return ""
}

func isTokenChar(c byte) bool {
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// redactText is scrub without known secrets, for config errors.
func redactText(s string) string { return scrub(oneLine(s), nil) }

// checkToken rejects an empty value or one with spaces or control
// characters before any request.
func checkToken(what, v string) error {
	if v == "" {
		return fmt.Errorf("oauth: empty %s", what)
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c == 0x7f {
			return fmt.Errorf("oauth: invalid %s %q: contains a space or control character", what, redactText(v))
		}
	}
	return nil
}
