package timesketch

import (
	"bytes"
	"encoding/csv"

	"github.com/go-json-experiment/json/jsontext"
)

// Detect reports whether head, the first bytes of a file (up to 64 KiB,
// perhaps cut mid-record), looks like Timesketch: JSONL whose first object
// has message and datetime (or timestamp) members, or CSV whose header row
// names message, datetime (or timestamp) and timestamp_desc columns.
//
// JSONL is recognised from what can be read, so that its reader, not
// detection, reports a fault where it is: bytes that are not UTF-8 do not
// hide the members around them; a first line that is not a whole object
// gives way to the next that is; and a first line longer than the head
// is JSONL when the members read so far are Timesketch's. (When they
// are not, the caller may give the whole first line, however long.)
func Detect(head []byte) bool {
	cut := len(head) >= headSize
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return false
	}
	if head[0] == '{' {
		return detectJSONL(head, cut)
	}
	cr := csv.NewReader(bytes.NewReader(head))
	header, err := cr.Read()
	if err != nil {
		return false
	}
	names := make(map[string]bool, len(header))
	for _, h := range header {
		names[h] = true
	}
	return names[keyMessage] && names[keyDesc] && (names[keyDatetime] || names[keyTimestamp])
}

// headSize is how much of a file detection is given at most: a first line
// that fills it is longer, and cannot be read to its end.
const headSize = 64 << 10

// detectJSONL looks at the lines of head, which starts with '{', in turn:
// the first that is a whole object decides, one with a line break in it
// or a line that is not an object says it is not JSONL, and a broken one
// is passed over. cut says that head is the start of a longer file.
func detectJSONL(head []byte, cut bool) bool {
	for first := true; len(head) > 0; first = false {
		line, rest, ended := bytes.Cut(head, []byte{'\n'})
		head = rest
		line = bytes.TrimSpace(line)
		switch {
		case len(line) == 0:
			continue
		case line[0] != '{':
			return false
		}
		names, whole := memberNames(line)
		timesketch := names[keyMessage] && (names[keyDatetime] || names[keyTimestamp])
		switch {
		case timesketch || whole:
			return timesketch
		case first && !ended && cut:
			// A first line longer than the head: what was read of it
			// must be Timesketch's.
			return names[keyMessage] || names[keyDatetime] || names[keyTimestamp]
		}
	}
	return false
}

// memberNames returns the names of the top-level members of the JSON
// object that line starts with, as far as it can be read, and whether it
// was read to its end. Bytes that are not UTF-8 and names that repeat
// are the reader's to report.
func memberNames(line []byte) (names map[string]bool, whole bool) {
	names = map[string]bool{}
	dec := jsontext.NewDecoder(bytes.NewReader(line), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return names, false
	}
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return names, false
		}
		if tok.Kind() == '}' {
			return names, true
		}
		if tok.Kind() != '"' {
			return names, false
		}
		names[tok.String()] = true
		if dec.SkipValue() != nil {
			return names, false
		}
	}
}
