package timesketch

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/native"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// decodeList decodes chrono's list-valued keys (actors, quotes, sources,
// links, notes): JSON in JSONL, JSON text in a CSV cell. It is strict, as
// the native format is: unknown fields and duplicate keys are errors. It
// returns what is wrong, or "".
func decodeList(key string, v value, csv, shared bool, into any) string {
	if !v.json && !csv {
		return fmt.Sprintf("%s: want a JSON list, found a string", key)
	}
	decode := native.DecodeList
	if shared {
		decode = native.DecodeListShared
	}
	if v.raw != nil && decode(v.raw, into) {
		return "" // checked JSON, as the format asks: no reflection needed
	}
	err := json.Unmarshal(v.bytes(), into, json.RejectUnknownMembers(true))
	if err == nil {
		return ""
	}
	return key + ": " + describeJSON(singular(key), err)
}

func singular(key string) string {
	if key == keyMedia {
		return "medium"
	}
	return strings.TrimSuffix(key, "s")
}

// describeJSON says what is wrong with a list, naming the element as a
// person would count it: `quote #2: unknown field "spekaer"`.
func describeJSON(element string, err error) string {
	var se *json.SemanticError
	if !errors.As(err, &se) {
		var syn *jsontext.SyntacticError
		if errors.As(err, &syn) {
			if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
				return "a key appears twice in the same object"
			}
			return "invalid JSON: " + strings.TrimPrefix(syn.Err.Error(), "jsontext: ")
		}
		return err.Error()
	}
	ptr := se.JSONPointer
	var de *model.DateError
	switch {
	case errors.Is(se.Err, json.ErrUnknownName):
		return path(element, ptr.Parent(), fmt.Sprintf("unknown field %q", ptr.LastToken()))
	case errors.As(se.Err, &de):
		return path(element, ptr, fmt.Sprintf("%q: %s", de.Text, de.Msg)) // a date, as the native reader says it
	case se.Err != nil:
		return path(element, ptr, se.Err.Error())
	}
	want := "a different type"
	if se.GoType != nil {
		switch se.GoType.Kind().String() {
		case "string":
			want = "a string"
		case "slice", "array":
			want = "a list"
		case "struct", "map":
			want = "an object"
		}
	}
	found := "something else"
	switch se.JSONKind {
	case '"':
		found = "a string"
	case '0':
		found = "a number"
	case 't', 'f':
		found = "a boolean"
	case '{':
		found = "an object"
	case '[':
		found = "a list"
	case 'n':
		found = "null"
	}
	return path(element, ptr, fmt.Sprintf("want %s, found %s", want, found))
}

// path prefixes msg with a JSON pointer into a list, written for people:
// /1/stance in the quotes becomes "quote #2: stance".
func path(element string, ptr jsontext.Pointer, msg string) string {
	var parts []string
	first := true
	for tok := range ptr.Tokens() {
		if n, err := strconv.Atoi(tok); err == nil && first {
			parts = append(parts, fmt.Sprintf("%s #%d", element, n+1))
		} else {
			parts = append(parts, tok)
		}
		first = false
	}
	if len(parts) == 0 {
		return msg
	}
	return strings.Join(parts, ": ") + ": " + msg
}
