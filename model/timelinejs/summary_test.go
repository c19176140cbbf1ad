package timelinejs

import (
	"encoding/json"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestSlideTextCarriedAsSummary: a slide's text that holds only prose is
// the event's summary, which an update takes; one that holds what
// chrono's export adds after a summary is more than it, and an update
// keeps the stored summary.
func TestSlideTextCarriedAsSummary(t *testing.T) {
	tests := []struct {
		text    string
		summary bool
	}{
		{"<p>In Istanbul.</p>", true},
		{"Plain text, no markup.", true},
		{"<p>One.</p><p>Two<br>lines.</p>", true},
		{"<p>Status of the talks: open.</p><p>Actors: unknown so far</p>", false},
		{"<p>Status: unknown</p>", true}, // not a status chrono writes
		{"<p>Disputes what the minister said</p>", true},
		{"<p>Said.</p><p>Status: denied</p>", false},
		{"<p>Said.</p><p>Status: not assessed</p>", false},
		{"<p>Said.</p><p>Actors: NSO Group</p>", false},
		{"<p>Said.</p><p>Tags: ss7, cash</p>", false},
		{"<p>Said.</p><p>Disputes nso-denial<br>Precedes post-publishes</p>", false},
		{"<p>Said.</p><BlockQuote><p>“Cash.”</p></BlockQuote>", false},
	}
	for _, tt := range tests {
		slide, err := json.Marshal(map[string]any{
			"start_date": map[string]string{"year": "2017"},
			"text":       map[string]string{"headline": "H", "text": tt.text},
		})
		if err != nil {
			t.Fatal(err)
		}
		var rec modeltest.FieldRecorder
		doc := `{"events": [` + string(slide) + `]}`
		if err := Read(strings.NewReader(doc), &rec, &model.Losses{}); err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if len(rec.Present) != 1 {
			t.Fatalf("%q: %d events", tt.text, len(rec.Present))
		}
		if got := rec.Present[0].Has(model.FieldSummary); got != tt.summary {
			t.Errorf("%q: summary carried %v, want %v", tt.text, got, tt.summary)
		}
	}
}

// TestExportedSummaryCarriedBack: an event whose export adds nothing to
// its summary reads back with the summary, carried; one with a status
// reads back with more, not carried.
func TestExportedSummaryCarriedBack(t *testing.T) {
	plain := model.Event{ID: "a", Title: "A", Date: model.MustParseDate("2017"), Summary: "First.\n\nSecond, with a\nline break."}
	rated := plain
	rated.ID, rated.Status = "b", model.Denied
	out, _ := export(t, model.Timeline{Events: []model.Event{plain, rated}})
	var rec modeltest.FieldRecorder
	if err := Read(strings.NewReader(out), &rec, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	if len(rec.Timeline.Events) != 2 {
		t.Fatalf("%d events read back", len(rec.Timeline.Events))
	}
	if got := rec.Timeline.Events[0].Summary; got != plain.Summary || !rec.Present[0].Has(model.FieldSummary) {
		t.Errorf("plain: summary %q carried %v, want %q carried", got, rec.Present[0].Has(model.FieldSummary), plain.Summary)
	}
	if rec.Present[1].Has(model.FieldSummary) {
		t.Errorf("with a status: summary %q carried", rec.Timeline.Events[1].Summary)
	}
}
