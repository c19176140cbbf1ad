package timesketch

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/go-json-experiment/json/jsontext"
)

// objects appends to into the elements of a JSON array, which must be
// valid JSON, so that each can be looked up by its text before it is
// decoded; ok is false when it is not an array, or an element is not an
// object.
func objects(checked []byte, into [][]byte) (elems [][]byte, ok bool) {
	ok = eachElement(checked, '{', func(elem []byte) bool {
		into = append(into, elem)
		return true
	})
	return into, ok
}

// strs appends to into the elements of a JSON array, which must be valid
// JSON, unquoted; ok is false when it is not an array, or an element is
// not a string.
func strs(checked []byte, into []string) (elems []string, ok bool) {
	var buf []byte
	ok = eachElement(checked, '"', func(elem []byte) bool {
		var err error
		if buf, err = jsontext.AppendUnquote(buf[:0], elem); err != nil {
			return false
		}
		into = append(into, string(buf))
		return true
	})
	return into, ok
}

// eachElement calls fn with each element of a JSON array, which must be
// valid JSON, while fn says to go on; each must start with open (an
// object's { or a string's "). It reports whether checked is an array
// and every element was taken.
func eachElement(checked []byte, open byte, fn func(elem []byte) bool) bool {
	i := skipSpace(checked, 0)
	if i == len(checked) || checked[i] != '[' {
		return false
	}
	i = skipSpace(checked, i+1)
	if i < len(checked) && checked[i] == ']' {
		return true
	}
	for i < len(checked) && checked[i] == open {
		var end int
		if open == '"' {
			end = stringEnd(checked, i) + 1
		} else {
			end = compositeEnd(checked, i)
		}
		if !fn(checked[i:end]) {
			return false
		}
		i = skipSpace(checked, end)
		if i == len(checked) {
			break
		}
		switch checked[i] {
		case ',':
			i = skipSpace(checked, i+1)
		case ']':
			return true
		default:
			return false
		}
	}
	return false
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
		j := quoteAfter(checked, i)
		if j < 0 {
			return len(checked)
		}
		i = j
		k := i
		for checked[k-1] == '\\' {
			k--
		}
		if (i-k)%2 == 0 {
			return i
		}
	}
}

// quoteAfter returns where the first quote after b[i] is, or -1. Most
// strings in a list are its objects' keys, a few bytes long: those are
// looked at a word at a time, as handing each to bytes.IndexByte took
// longer than that.
func quoteAfter(b []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	j := i + 1
	for range 2 {
		if j+8 > len(b) {
			break
		}
		w := binary.LittleEndian.Uint64(b[j:]) ^ (ones * '"')
		// The lowest byte this marks is a quote; bytes above it may be
		// marked for a borrow.
		if m := (w - ones) &^ w & highs; m != 0 {
			return j + bits.TrailingZeros64(m)/8
		}
		j += 8
	}
	if k := bytes.IndexByte(b[j:], '"'); k >= 0 {
		return j + k
	}
	return -1
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}
