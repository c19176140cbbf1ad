package native

import (
	"bytes"
	"errors"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// A key given twice in an event or a source is that value's problem, not
// the document's: the value is read with the key's last value, so that
// its other problems, and those of every value after it, are still
// listed. Only the document's own members stop the reading when one is
// given twice, as two "events" arrays cannot both be meant.

// anyKeyTwice are the decoder options that let a key given twice
// through, for keyTwice to say.
var anyKeyTwice = jsontext.AllowDuplicateNames(true)

// keyTwice reports whether the first fault of v, a value beginning at
// at, is a key twice in one of its objects, and where its second time is,
// and says so. Whether v has other faults past it, checkValue with
// anyKeyTwice says.
func keyTwice(v []byte, at model.Place) (model.Place, string, bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(v))
	_, err := dec.ReadValue()
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) || !errors.Is(se.Err, jsontext.ErrDuplicateName) {
		return model.Place{}, "", false
	}
	return advance(at, v[:min(int(se.ByteOffset), len(v))]), describeSyntax(se), true
}

// placedMsg is a problem's message and where it is.
type placedMsg struct {
	at  model.Place
	msg string
}
