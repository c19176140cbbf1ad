package csvfmt

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

func example(t testing.TB) model.Timeline { return modeltest.Example(t) }

func TestWriteExample(t *testing.T) {
	tl := example(t)
	var buf bytes.Buffer
	var losses model.Losses
	n, err := Write(&buf, tl.Header, tl.Sources, events(tl.Events), &losses)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(tl.Events) {
		t.Errorf("wrote %d events, want %d", n, len(tl.Events))
	}
	if first, _, _ := strings.Cut(buf.String(), "\n"); first != HeaderRow {
		t.Errorf("header row %q, want %q", first, HeaderRow)
	}
	modeltest.GoldenFile(t, "nso", buf.Bytes())
	want := "1 investigation title not exported; 1 investigation description not exported; 14 links not exported"
	if got := losses.String(); got != want {
		t.Errorf("losses %q, want %q", got, want)
	}
}

func TestWriteGuardsFormulas(t *testing.T) {
	tests := []struct {
		title, date, cell string
	}{
		{`=HYPERLINK("http://evil.example/","x")`, "2017", `'=HYPERLINK("http://evil.example/","x")`},
		{"+1 555 0100", "2017", "'+1 555 0100"},
		{"-5% in a quarter", "2017", "'-5% in a quarter"},
		{"@SUM(A1)", "2017", "'@SUM(A1)"},
		{"\tindented", "2017", "'\tindented"},
		{"\rreturn", "2017", "'\rreturn"},
		// A title that already begins with a guard's quote gets another,
		// so that reading takes off only the one added.
		{"'=already quoted", "2017", "''=already quoted"},
		{"'quoted", "2017", "'quoted"},
		{"Plain = fine", "2017", "Plain = fine"},
		// Dates are EDTF, never guarded.
		{"BCE", "-0043-03-15", "BCE"},
		{"Open", "../2021", "Open"},
	}
	for _, tt := range tests {
		e := model.Event{ID: "x", Title: tt.title, Date: model.MustParseDate(tt.date)}
		var buf bytes.Buffer
		if _, err := Write(&buf, model.Header{}, nil, events([]model.Event{e}), nil); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got := rows[1][colTitle]; got != tt.cell {
			t.Errorf("title %q written as %q, want %q", tt.title, got, tt.cell)
		}
		if got := rows[1][colDate]; got != tt.date {
			t.Errorf("date %q written as %q", tt.date, got)
		}
	}
}

func TestWriteLosses(t *testing.T) {
	e := model.Event{
		ID: "x", Title: "T", DateText: "last year", DateSource: "wapo",
		Summary: "one\r\ntwo\r\r\nthree\rfour",
		Actors:  []string{" Gary Miller", "NSO Group"},
		Links:   []model.Link{{Rel: model.Follows, Event: "y"}, {Rel: model.Related, Event: "z"}},
		Notes:   []model.Note{{Text: "check the call logs"}},
		Media:   []model.Medium{{URL: "https://example.org/p.jpg"}, {Caption: "a map"}},
	}
	sources := []model.Source{{ID: "wapo"}, {ID: "nyt"}, {ID: "ft"}}
	var losses model.Losses
	var buf bytes.Buffer
	if _, err := Write(&buf, model.Header{Title: "NSO"}, sources, events([]model.Event{e}), &losses); err != nil {
		t.Fatal(err)
	}
	want := map[model.Loss]int{
		LostTitle: 1, LostDescription: 0, LostLink: 2, LostNote: 1, LostMedium: 2,
		LostCarriageReturn: 3, TrimmedItem: 1, DroppedItem: 0,
		LostUncitedSource: 2, // wapo is carried by the row its date cites
	}
	for l, n := range want {
		if got := losses.Count(l); got != n {
			t.Errorf("%s: %d, want %d", l.Many, got, n)
		}
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1][colSummary], "one\ntwo\nthree\rfour"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if got, want := rows[1][colSources], `[{"id":"wapo"}]`; got != want {
		t.Errorf("sources_json %q, want %q", got, want)
	}
}

func TestWriteStopsOnEventError(t *testing.T) {
	boom := errors.New("store closed")
	seq := func(yield func(model.Event, error) bool) {
		if yield(model.Event{ID: "a", Title: "A"}, nil) {
			yield(model.Event{}, boom)
		}
	}
	n, err := Write(&bytes.Buffer{}, model.Header{}, nil, seq, nil)
	if !errors.Is(err, boom) || n != 1 {
		t.Errorf("Write = %d, %v; want 1, %v", n, err, boom)
	}
}

func TestColumnNamesMatchHeaderRow(t *testing.T) {
	if got := strings.Split(HeaderRow, ","); !slices.Equal(got, columnNames[:]) {
		t.Errorf("columns %q, header row %q", columnNames, got)
	}
}
