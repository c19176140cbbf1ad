package csvfmt

import (
	"errors"
	"io"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestRowTooLong: a row longer than model.MaxRecordBytes stops the read
// with the line it began on, before it is held in memory.
func TestRowTooLong(t *testing.T) {
	doc := modeltest.Padded("id,date,title\na,2020,t\nb,2020,\"", 'x', model.MaxRecordBytes+2<<20, "\"\n")
	_, err := modeltest.Read(func(r io.Reader, s model.Sink) error { return Read(r, s, nil) }, doc)
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 3 || !errors.Is(err, model.ErrRecordTooLarge) {
		t.Errorf("got %v, want a problem on line 3 saying the row is too long", err)
	}
}
