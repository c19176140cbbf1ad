package timesketch

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"
)

// objects appends to into the elements of a JSON array, which must be
// valid JSON, so that each can be looked up by its text before it is
// decoded; ok is false when it is not an array, or an element is not an
// object.
func objects(checked []byte, into [][]byte) (elems [][]byte, ok bool) {
	i := skipSpace(checked, 0)
	if i == len(checked) || checked[i] != '[' {
		return into, false
	}
	i = skipSpace(checked, i+1)
	if i < len(checked) && checked[i] == ']' {
		return into, true
	}
	for i < len(checked) && checked[i] == '{' {
		end := compositeEnd(checked, i)
		into = append(into, checked[i:end])
		i = skipSpace(checked, end)
		if i == len(checked) {
			break
		}
		switch checked[i] {
		case ',':
			i = skipSpace(checked, i+1)
		case ']':
			return into, true
		default:
			return into, false
		}
	}
	return into, false
}

// strs appends to into the elements of a JSON array, which must be valid
// JSON, unquoted; ok is false when it is not an array, or an element is
// not a string.
func strs(checked []byte, into []string) (elems []string, ok bool) {
	i := skipSpace(checked, 0)
	if i == len(checked) || checked[i] != '[' {
		return into, false
	}
	i = skipSpace(checked, i+1)
	if i < len(checked) && checked[i] == ']' {
		return into, true
	}
	var buf []byte
	for i < len(checked) && checked[i] == '"' {
		end := stringEnd(checked, i) + 1
		var err error
		if buf, err = jsontext.AppendUnquote(buf[:0], checked[i:end]); err != nil {
			return into, false
		}
		into = append(into, string(buf))
		i = skipSpace(checked, end)
		if i == len(checked) {
			break
		}
		switch checked[i] {
		case ',':
			i = skipSpace(checked, i+1)
		case ']':
			return into, true
		default:
			return into, false
		}
	}
	return into, false
}

// compositeEnd returns where the object or array that starts at
// checked[i] ends, in valid JSON.
func compositeEnd(checked []byte, i int) int {
	depth := 0
	for ; i < len(checked); i++ {
		switch checked[i] {
		case '"':
			i = stringEnd(checked, i)
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(checked)
}

// stringEnd returns where the string that starts at checked[i] ends,
// at its closing quote, in valid JSON: the first quote after an even
// number of backslashes.
func stringEnd(checked []byte, i int) int {
	for {
		j := bytes.IndexByte(checked[i+1:], '"')
		if j < 0 {
			return len(checked)
		}
		i += 1 + j
		k := i
		for checked[k-1] == '\\' {
			k--
		}
		if (i-k)%2 == 0 {
			return i
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}
