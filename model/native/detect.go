package native

import (
	"bytes"
	"slices"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// Detect reports whether head, the first bytes of a file (perhaps cut off
// mid-value), is a chrono document: a JSON object with a "chrono" member
// at its top level, after a byte order mark if there is one.
func Detect(head []byte) bool {
	head = model.TrimByteOrderMark(head)
	dec := jsontext.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	for {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() != '"' {
			return false
		}
		if tok.String() == "chrono" {
			return true
		}
		if err := dec.SkipValue(); err != nil {
			return false
		}
	}
}

// DetectLines reports whether head is chrono JSON Lines: events, an
// object a line, as `chrono list --json` prints them. The first object's
// members must all be event fields (as far as head goes), "id" among
// them; a chrono document's "chrono", "events" or "sources" rule it out.
func DetectLines(head []byte) bool {
	head = model.TrimByteOrderMark(head)
	dec := jsontext.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	id := false
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return id // head ends inside the object
		}
		if tok.Kind() == '}' {
			return id
		}
		name := tok.String()
		if _, ok := model.FieldByName(name); !ok && name != "id" {
			return false
		}
		id = id || name == "id"
		if err := dec.SkipValue(); err != nil {
			return id
		}
	}
}

// documentFields are the members of a chrono document.
var documentFields = []string{"chrono", "title", "description", "sources", "events", "snapshots"}

// NearMiss says what keeps head, the first bytes of a file, from being
// chrono JSON when it is nearly that: an object of a chrono document's
// members with no "chrono" member. It returns "" for anything else.
func NearMiss(head []byte) string {
	head = model.TrimByteOrderMark(head)
	dec := jsontext.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return ""
	}
	parts := false
	for {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() == '}' {
			break
		}
		name := tok.String()
		if !slices.Contains(documentFields[1:], name) {
			return ""
		}
		parts = parts || name == "sources" || name == "events"
		if err := dec.SkipValue(); err != nil {
			break
		}
	}
	if !parts {
		return ""
	}
	return missingVersion
}

// missingVersion says what a chrono document without its version lacks.
const missingVersion = `"chrono": 1 missing: chrono JSON begins {"chrono": 1, ...}, the version of its format; add it`
