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
func Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return false
	}
	if head[0] == '{' {
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		names := memberNames(head)
		return names[keyMessage] && (names[keyDatetime] || names[keyTimestamp])
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

// memberNames returns the names of the top-level members of the JSON
// object that line starts with, as far as it can be read.
func memberNames(line []byte) map[string]bool {
	names := map[string]bool{}
	dec := jsontext.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return names
	}
	for {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() != '"' {
			return names
		}
		names[tok.String()] = true
		if dec.SkipValue() != nil {
			return names
		}
	}
}
