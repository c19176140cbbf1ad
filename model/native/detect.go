package native

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"
)

// Detect reports whether head, the first bytes of a file (perhaps cut off
// mid-value), is a chrono document: a JSON object with a "chrono" member
// at its top level.
func Detect(head []byte) bool {
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
