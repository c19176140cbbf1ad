package tui

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestHistoryLine: what the sources pane's history says an entry did to
// the event shown, among them an import that kept chrono's changes and a
// replace that undid them.
func TestHistoryLine(t *testing.T) {
	one := &model.Event{ID: "e", Title: "One"}
	two := &model.Event{ID: "e", Title: "Two"}
	file := &model.Event{ID: "e", Title: "The file's", Summary: "Kept"}
	at := time.Date(2026, 3, 4, 15, 4, 0, 0, time.Local)
	entry := func(op model.Op, c model.EventChange) model.Entry {
		c.ID, c.From, c.To = "e", model.OnTimeline, model.OnTimeline
		return model.Entry{Seq: 7, Author: "ana", At: at, Op: op, Events: []model.EventChange{c}}
	}
	tests := []struct {
		entry model.Entry
		want  string
	}{
		{entry(model.OpEdit, model.EventChange{Before: one, After: two}), "#7 ana · 4 Mar 2026 15:04 · edited: title"},
		{entry(model.OpImport, model.EventChange{Before: one, After: one, Imported: file}), "#7 ana · 4 Mar 2026 15:04 · imported; kept chrono's changes to title, summary"},
		{entry(model.OpImport, model.EventChange{Before: one, After: two, Undid: []string{"title"}}), "#7 ana · 4 Mar 2026 15:04 · imported: title; undid chrono's changes to title"},
	}
	for _, tt := range tests {
		if got := historyLine(tt.entry, "e"); got != tt.want {
			t.Errorf("historyLine(%s) = %q, want %q", strings.TrimSpace(string(tt.entry.Op)), got, tt.want)
		}
	}
}
