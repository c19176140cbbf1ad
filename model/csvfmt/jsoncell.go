package csvfmt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"chrono/model/native"
)

// strict is how JSON cells are read, as the native format reads its
// objects: a misspelt field or a key given twice is an error, not data
// dropped without a word. Invalid UTF-8 is rejected by default.
var strict = json.RejectUnknownMembers(true)

// decodeList reads a JSON cell holding an array of objects into out, and
// returns what is wrong with it or "". element names one object for
// people: "quote" gives "quote #2: unknown field "spekaer"".
func decodeList[T any](cell, element string, out *[]T) string {
	*out = nil
	if strings.TrimSpace(cell) == "" {
		return ""
	}
	if err := json.Unmarshal([]byte(cell), out, strict); err != nil {
		*out = nil
		return describeJSON(err, element)
	}
	if len(*out) == 0 {
		*out = nil // an empty array is no list, as an empty cell
	}
	return ""
}

// describeJSON says what is wrong with a JSON cell, naming the element and
// field as a person counts them.
func describeJSON(err error, element string) string {
	var se *json.SemanticError
	if errors.As(err, &se) {
		path := jsonPath(se.JSONPointer, element)
		var syn *jsontext.SyntacticError
		switch {
		case errors.Is(se.Err, json.ErrUnknownName):
			return fmt.Sprintf("%sunknown field %q", jsonPath(se.JSONPointer.Parent(), element), se.JSONPointer.LastToken())
		case errors.As(se.Err, &syn):
			return path + describeSyntax(syn)
		case se.Err != nil:
			return path + se.Err.Error()
		case path == "":
			return fmt.Sprintf("want an array of %s objects, found %s", element, native.KindName(se.JSONKind))
		}
		return fmt.Sprintf("%swant %s, found %s", path, want(se), native.KindName(se.JSONKind))
	}
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) {
		return describeSyntax(syn)
	}
	return err.Error()
}

func describeSyntax(syn *jsontext.SyntacticError) string {
	if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
		return "a key appears twice in the same object"
	}
	return fmt.Sprintf("invalid JSON at byte %d of the cell: %s", syn.ByteOffset+1, strings.TrimPrefix(syn.Err.Error(), "jsontext: "))
}

// jsonPath writes a JSON pointer into a cell for people, ending with ": "
// unless it is empty: /1/speaker is "quote #2: speaker: ".
func jsonPath(ptr jsontext.Pointer, element string) string {
	var parts []string
	for tok := range ptr.Tokens() {
		if n, err := strconv.Atoi(tok); len(parts) == 0 && err == nil {
			parts = append(parts, fmt.Sprintf("%s #%d", element, n+1))
			continue
		}
		parts = append(parts, tok)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ": ") + ": "
}

func want(se *json.SemanticError) string {
	if se.GoType == nil {
		return "a different type"
	}
	switch se.GoType.Kind().String() {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return "a " + se.GoType.Kind().String()
}
