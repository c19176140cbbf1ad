package timelinejs

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"chrono/model/native"
)

// member is one member of a JSON object, with the offset in the input
// where its value starts, so that a problem with it can be placed.
type member struct {
	name  string
	value jsontext.Value
	at    int64
}

// members returns the members of the object v, which starts at offset at
// of the input. v has been read whole by the document's decoder, so it is
// well-formed; should it not be, the members before the fault are returned.
func members(v jsontext.Value, at int64) []member {
	dec := jsontext.NewDecoder(bytes.NewReader(v))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return nil
	}
	var ms []member
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() != '"' {
			return ms
		}
		name := tok.String()
		off := skipSeparators(v, dec.InputOffset())
		val, err := dec.ReadValue()
		if err != nil || off+int64(len(val)) > int64(len(v)) {
			return ms
		}
		// Slice the input rather than keep val, which the decoder reuses.
		ms = append(ms, member{name: name, value: v[off : off+int64(len(val))], at: at + off})
	}
	return ms
}

// skipSeparators returns the offset of the next value in b from off: past
// whitespace, commas and colons.
func skipSeparators(b []byte, off int64) int64 {
	for off < int64(len(b)) {
		switch b[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// stringOf returns the string v holds; ok is false when v is not a string.
// null is the empty string, as TimelineJS treats it.
func stringOf(v jsontext.Value) (s string, ok bool) {
	switch v.Kind() {
	case 'n':
		return "", true
	case '"':
		b, err := jsontext.AppendUnquote(nil, v)
		return string(b), err == nil
	}
	return "", false
}

// wholeNumber reads a date part: a JSON number or a string of digits with
// an optional minus sign, as TimelineJS accepts. set is false for null and
// the empty string, which TimelineJS treats as absent; msg says what is
// wrong otherwise.
func wholeNumber(v jsontext.Value) (n int64, set bool, msg string) {
	switch v.Kind() {
	case 'n':
		return 0, false, ""
	case '0':
		raw := string(v)
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			return n, true, ""
		}
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil || f > 1e18 || f < -1e18 || f != math.Trunc(f) {
			return 0, true, fmt.Sprintf("%s is not a whole number", raw)
		}
		return int64(f), true, ""
	case '"':
		s, _ := stringOf(v)
		t := strings.TrimSpace(s)
		if t == "" {
			return 0, false, ""
		}
		digits := strings.TrimPrefix(t, "-")
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			return 0, true, fmt.Sprintf("%q is not a whole number", s)
		}
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return 0, true, fmt.Sprintf("%q is out of range", s)
		}
		return n, true, ""
	}
	return 0, true, "want a number or a numeric string, found " + native.KindName(v.Kind())
}

// carries reports whether a member's value holds anything: null, a string
// of only spaces, and an object or array of such values hold nothing, and
// leaving them out loses nothing. Templates and spreadsheet exports write
// every member, most of them empty.
func carries(v jsontext.Value) bool {
	switch v.Kind() {
	case 'n':
		return false
	case '"':
		s, ok := stringOf(v)
		return !ok || strings.TrimSpace(s) != ""
	case '{':
		for _, m := range members(v, 0) {
			if carries(m.value) {
				return true
			}
		}
		return false
	case '[':
		dec := jsontext.NewDecoder(bytes.NewReader(v))
		if _, err := dec.ReadToken(); err != nil {
			return true
		}
		for dec.PeekKind() != ']' {
			e, err := dec.ReadValue()
			if err != nil {
				return true
			}
			if carries(e) {
				return true
			}
		}
		return false
	}
	return true
}
