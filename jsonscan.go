package stripe

import "bytes"

// jsonScanner walks JSON text with a cursor, for the package's one-pass
// checks of a body before it is decoded: the expansion-depth walk
// (expansionScanner, expand.go) and the top-level check of a 2xx body
// (scanTopLevel, responsebody.go). It checks structure, not every detail of
// numbers, literals and escapes, which the decoder checks, and it never
// allocates.
type jsonScanner struct {
	b []byte
	i int // cursor: the next byte to read
}

// space skips whitespace.
func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// peek returns the byte at the cursor, 0 at the end.
func (s *jsonScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// eat consumes c if it is the byte at the cursor.
func (s *jsonScanner) eat(c byte) bool {
	if s.peek() == c {
		s.i++
		return true
	}
	return false
}

// end skips whitespace and reports whether the text ends there.
func (s *jsonScanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// rawStr consumes a string literal and returns its contents, escapes still
// in place (a slice of the text). ok is false if no string starts at the
// cursor or it never ends. It only finds the closing quote, fast however
// long the string, and looks at nothing else inside: str also refuses raw
// control characters.
func (s *jsonScanner) rawStr() (raw []byte, ok bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false
	}
	start := s.i + 1
	for i := start; ; {
		q := bytes.IndexByte(s.b[i:], '"')
		if q < 0 {
			return nil, false
		}
		i += q
		// The quote ends the string unless an odd number of backslashes
		// escapes it.
		bs := 0
		for j := i - 1; j >= start && s.b[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 0 {
			s.i = i + 1
			return s.b[start:i], true
		}
		i++
	}
}

// str is rawStr for a string JSON allows: ok is also false if the string
// holds a raw control character (one not after a backslash; what follows
// a backslash is left to the decoder).
func (s *jsonScanner) str() (raw []byte, ok bool) {
	raw, ok = s.rawStr()
	for j := 0; ok && j < len(raw); j++ {
		switch c := raw[j]; {
		case c == '\\':
			j++
		case c < 0x20:
			ok = false
		}
	}
	return raw, ok
}

// skipLiteral consumes a number, true, false or null: every byte up to the
// next whitespace or structural byte.
func (s *jsonScanner) skipLiteral() {
	for ; s.i < len(s.b); s.i++ {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n', ',', ':', '[', ']', '{', '}', '"':
			return
		}
	}
}

// skipValue skips one value of any kind, nested ones by depth counting, so
// without recursion however deep they nest. It reports false where the
// text cannot be a value.
func (s *jsonScanner) skipValue() bool {
	depth := 0
	for {
		s.space()
		switch c := s.peek(); {
		case c == '"':
			if _, ok := s.str(); !ok {
				return false
			}
		case c == '{' || c == '[':
			s.i++
			depth++
			continue
		case c == '}' || c == ']':
			if depth == 0 {
				return false
			}
			s.i++
			depth--
		case c == ',' || c == ':':
			if depth == 0 {
				return false
			}
			s.i++
			continue
		case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			s.skipLiteral()
		default:
			return false
		}
		if depth == 0 {
			return true
		}
	}
}
