package listing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

func lines(t *testing.T, width int, es ...model.Event) []string {
	t.Helper()
	var b bytes.Buffer
	l := NewLines(&b)
	l.Width = width
	for i := range es {
		if err := l.Write(&es[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Flush(); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

var long = []model.Event{
	{ID: "nso-mobileum-call", Date: model.MustParseDate("2017-08"), Status: model.Alleged,
		Title: `NSO offers Mobileum "bags of cash" for SS7 access on a conference call`, Tags: []string{"ss7", "cash-offer"}},
	{ID: "short", Date: model.MustParseDate("2022-02-01"), Title: "Short"},
}

// TestLinesFitTheWidth: on a terminal each line fits its width, the
// title shortened with an ellipsis, and the tags kept while the title
// keeps a fair part; columns stay aligned.
func TestLinesFitTheWidth(t *testing.T) {
	got := lines(t, 80, long...)
	for _, l := range got {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d wide: %q", w, l)
		}
	}
	// Too little room for the tags and a fair part of the title: the
	// tags go first.
	if !strings.HasSuffix(got[0], "…") || !strings.HasPrefix(got[0], "Aug 2017    alleged  nso-mobileum-call  NSO offers Mobileum") {
		t.Errorf("first line %q", got[0])
	}
	// Wider, the title gives way and the tags stay.
	if wide := lines(t, 100, long...); !strings.HasSuffix(wide[0], "…  #ss7 #cash-offer") || ansi.StringWidth(wide[0]) != 100 {
		t.Errorf("first line at 100: %q", wide[0])
	}
	if got[1] != "1 Feb 2022  -        short              Short" {
		t.Errorf("second line %q", got[1])
	}
	// Too narrow to keep the tags and some title: the line is cut.
	for _, l := range lines(t, 40, long...) {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("line %d wide at 40: %q", w, l)
		}
	}
}

// TestLinesWithoutWidthAreWhole: in a pipe (no width) nothing is cut.
func TestLinesWithoutWidthAreWhole(t *testing.T) {
	got := lines(t, 0, long...)
	if !strings.Contains(got[0], `conference call  #ss7 #cash-offer`) {
		t.Errorf("a line was cut: %q", got[0])
	}
}
