package listing

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestShowSidesIsSafe: every text of the accounts, the other event's
// title, the quotes, the speakers and the source, comes out visible and
// with nothing a terminal would act on.
func TestShowSidesIsSafe(t *testing.T) {
	evil := "\x1b]52;c;eA==\x07\x1b[2J\u009b2J"
	q := model.Quote{Text: "said " + evil, Speaker: "who " + evil, Context: "ctx " + evil, Source: "src", Stance: model.Asserts}
	s := model.Sides{
		Event: model.Event{ID: "a", Title: "A " + evil},
		For:   []model.Account{{Quotes: []model.Quote{q}}},
		Against: []model.Account{
			{Rel: model.DisputedBy, Event: model.Event{ID: "b", Title: "B " + evil}, Quotes: []model.Quote{q}},
			{Rel: model.DisputedBy, Event: model.Event{ID: "c", Title: "C " + evil}, Missing: true},
		},
		Sources: map[string]model.Source{"src": {ID: "src", Publisher: "pub " + evil}},
	}
	var b bytes.Buffer
	if err := ShowSides(&b, s, 80, model.ZoneWritten); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if i := modeltest.TerminalControl(out, false); i >= 0 {
		t.Errorf("terminal control at %d: %q", i, out[max(i-20, 0):min(i+10, len(out))])
	}
	for _, want := range []string{"disputed by b: B", "not in the store", "pub ", "who ", "␛]52;c;"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from:\n%s", want, out)
		}
	}
}

// TestShowSidesInTheZone: the accounts show times in the zone asked for,
// the event's own also as written, and a time written without an offset
// says it is the local time where it happened, as chrono show does.
func TestShowSidesInTheZone(t *testing.T) {
	s := model.Sides{
		Event: model.Event{ID: "a", Title: "A", Date: model.MustParseDate("2018-10-02T15:04:05+02:00")},
		Against: []model.Account{{Rel: model.DisputedBy,
			Event: model.Event{ID: "b", Title: "B", Date: model.MustParseDate("2018-10-03T09:00:00")}}},
	}
	var b bytes.Buffer
	if err := ShowSides(&b, s, 80, model.ZoneUTC); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"2 Oct 2018 13:04:05 UTC  (written 2 Oct 2018 15:04:05 +02:00)", "3 Oct 2018 09:00:00 (local time there)"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from:\n%s", want, out)
		}
	}
}
