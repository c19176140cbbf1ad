package tui

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestHistoryLine: what the sources pane's history says an entry did to
// the event shown, as chrono log says it: the entry's phrase, then the
// change to the event, among them an import that kept chrono's changes,
// a replace that undid them, and a redo, which reverts the undo it takes
// back yet is said as the change it makes again.
func TestHistoryLine(t *testing.T) {
	one := &model.Event{ID: "e", Title: "One"}
	two := &model.Event{ID: "e", Title: "Two"}
	file := &model.Event{ID: "e", Title: "The file's", Summary: "Kept"}
	at := time.Date(2026, 3, 4, 15, 4, 0, 0, time.Local)
	entry := func(op model.Op, phrase string, c model.EventChange) model.Entry {
		c.ID, c.From, c.To = "e", model.OnTimeline, model.OnTimeline
		return model.Entry{Seq: 7, Author: "ana", At: at, Op: op, Phrase: phrase, Events: []model.EventChange{c}}
	}
	redo := entry(model.OpEdit, "redid #3: saved “Two”", model.EventChange{Before: one, After: two})
	redo.Reverts = 5
	tests := []struct {
		entry model.Entry
		want  string
	}{
		{entry(model.OpEdit, "saved “Two”", model.EventChange{Before: one, After: two}), "#7 ana · 4 Mar 2026 15:04 · saved “Two” · changed: title"},
		{entry(model.OpImport, "imported f.json: 0 new, 1 updated", model.EventChange{Before: one, After: one, Imported: file}), "#7 ana · 4 Mar 2026 15:04 · imported f.json: 0 new, 1 updated · kept chrono's changes to title, summary"},
		{entry(model.OpImport, "imported f.json: 0 new, 1 updated", model.EventChange{Before: one, After: two, Undid: []string{"title"}}), "#7 ana · 4 Mar 2026 15:04 · imported f.json: 0 new, 1 updated · changed: title; undid chrono's changes to title"},
		{redo, "#7 ana · 4 Mar 2026 15:04 · redid #3: saved “Two” · changed: title"},
		{entry(model.OpTag, "undid #6: removed #b from 1 event", model.EventChange{Before: one, After: two}), "#7 ana · 4 Mar 2026 15:04 · undid #6: removed #b from 1 event · changed: title"},
		{entry(model.OpEdit, "", model.EventChange{Before: one, After: two}), "#7 ana · 4 Mar 2026 15:04 · edit · changed: title"},
		// An add's phrase says it: not "added “Two” · added".
		{model.Entry{Seq: 7, Author: "ana", At: at, Op: model.OpAdd, Phrase: "added “Two”", Events: []model.EventChange{{ID: "e", From: model.Absent, To: model.OnTimeline}}}, "#7 ana · 4 Mar 2026 15:04 · added “Two”"},
		{model.Entry{Seq: 7, Author: "ana", At: at, Op: model.OpImport, Phrase: "imported f.json: 1 new, 0 updated", Events: []model.EventChange{{ID: "e", From: model.Absent, To: model.OnTimeline}}}, "#7 ana · 4 Mar 2026 15:04 · imported f.json: 1 new, 0 updated · added"},
	}
	for _, tt := range tests {
		if got := historyLine(tt.entry, "e"); got != tt.want {
			t.Errorf("historyLine(%s) = %q, want %q", strings.TrimSpace(string(tt.entry.Op)), got, tt.want)
		}
	}
}
