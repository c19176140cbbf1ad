package timesketch

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"

	"chrono/model"
)

// ArrayMiss says what to do with a JSON array of Timesketch records (as
// a tool or jq writes records gathered), where chrono reads JSONL, a
// record a line; "" for anything else. head is the file's first bytes:
// the first record's keys are read as far as it holds them.
func ArrayMiss(head []byte) string {
	head = bytes.TrimLeft(model.TrimByteOrderMark(head), " \t\r\n")
	if len(head) == 0 || head[0] != '[' {
		return ""
	}
	dec := jsontext.NewDecoder(bytes.NewReader(head), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return ""
	}
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return ""
	}
	message, dated := false, false
	for {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() != '"' {
			break
		}
		switch tok.String() {
		case keyMessage:
			message = true
		case keyDatetime, keyTimestamp, keyDesc:
			dated = true
		}
		if err := dec.SkipValue(); err != nil {
			break
		}
	}
	if !message || !dated {
		return ""
	}
	return "a JSON array of Timesketch records, where chrono reads Timesketch JSONL (a record a line): turn it into that with jq -c '.[]' FILE > FILE.jsonl, and import that"
}
