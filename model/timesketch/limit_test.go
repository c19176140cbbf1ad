package timesketch

import (
	"errors"
	"io"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestRecordTooLong: a CSV row or a JSONL line longer than
// model.MaxRecordBytes stops the read with the line it began on, having
// read no more than the limit and the read-ahead of it, and errors.Is
// tells it from other problems.
func TestRecordTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	tests := []struct {
		name string
		doc  *modeltest.Endless
		line int
	}{
		{"csv", modeltest.NewEndless("message,datetime,timestamp_desc\nm,2020,d\nm,2020,\"", 'x'), 3},
		{"jsonl", modeltest.NewEndless(`{"message": "m", "datetime": "2020", "timestamp_desc": "d"}`+"\n"+`{"message": "`, 'x'), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := modeltest.Read(func(r io.Reader, s model.Sink) error { return Read(r, s, nil) }, tt.doc)
			var p model.Problem
			if !errors.As(err, &p) || p.Line != tt.line || !errors.Is(err, model.ErrRecordTooLarge) {
				t.Errorf("got %v, want a problem on line %d saying the record is too long", err, tt.line)
			}
			if tt.doc.N > modeltest.MaxOverRecord+100 {
				t.Errorf("read %d bytes before refusing the record, more than the limit and its slack", tt.doc.N)
			}
		})
	}
}
