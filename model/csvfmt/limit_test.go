package csvfmt

import (
	"errors"
	"io"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestRowTooLong: a row longer than model.MaxRecordBytes stops the read
// with the line it began on, having read no more than the limit and the
// read-ahead of it: however large the row, it is never held whole.
func TestRowTooLong(t *testing.T) {
	doc := modeltest.NewEndless("id,date,title\na,2020,t\nb,2020,\"", 'x')
	_, err := modeltest.Read(func(r io.Reader, s model.Sink) error { return Read(r, s, nil) }, doc)
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 3 || !errors.Is(err, model.ErrRecordTooLarge) {
		t.Errorf("got %v, want a problem on line 3 saying the row is too long", err)
	}
	if doc.N > modeltest.MaxOverRecord+100 {
		t.Errorf("read %d bytes before refusing the row, more than the limit and its slack", doc.N)
	}
}
