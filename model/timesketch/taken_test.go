package timesketch

import (
	"testing"

	"chrono/model"
)

func TestTaken(t *testing.T) {
	stored := model.Event{Date: model.MustParseDate("2021-03-04T10:15:30+02:00"), Summary: "filename: /tmp/a\nhostname: ws1"}
	for _, c := range []struct {
		name, date, summary string
		keeps               bool
	}{
		{"as given back", "2021-03-04T08:15:30.000000+00:00", "hostname: ws1\n_id: abc\nlabel: []\nfilename: /tmp/a", true},
		{"another file", "2021-03-04T08:15:30Z", "hostname: ws1\nfilename: /tmp/b", false},
		{"a label that says something", "2021-03-04T08:15:30Z", "hostname: ws1\nlabel: [\"evil\"]\nfilename: /tmp/a", false},
	} {
		read := model.Event{Date: model.MustParseDate(c.date), Summary: c.summary}
		Taken(stored, &read)
		if kept := read.Summary == stored.Summary; kept != c.keeps {
			t.Errorf("%s: summary %q", c.name, read.Summary)
		}
		if read.Date.String() != stored.Date.String() {
			t.Errorf("%s: date %s, want the stored %s", c.name, read.Date, stored.Date)
		}
	}
	// A summary in words keeps its lines' order as the file gives it.
	prose := model.Event{Summary: "A line of prose\nand another"}
	read := model.Event{Summary: "and another\nA line of prose"}
	Taken(prose, &read)
	if read.Summary == prose.Summary {
		t.Errorf("a summary in words was taken as reordered attributes")
	}
}
