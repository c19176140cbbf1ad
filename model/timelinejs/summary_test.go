package timelinejs

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestSummaryTaken: an update takes a slide's text as the summary, less
// what chrono's export writes after a summary when the stored summary
// does not hold such paragraphs itself; a text that is the stored
// summary as exported leaves it as it is.
func TestSummaryTaken(t *testing.T) {
	tests := []struct {
		name, stored, read, want string
	}{
		{"same", "In Istanbul.", "In Istanbul.", "In Istanbul."},
		{"prose changed", "In Istanbul.", "In Ankara.", "In Ankara."},
		{"white space as HTML shows it", "In  Istanbul.", "In Istanbul.", "In  Istanbul."},
		{"export with a status", "Said.", "Said.\n\nStatus: denied", "Said."},
		{"export with every addition", "Said.", "Said.\n\nStatus: not assessed\n\nActors: NSO Group\n\n“Cash.”\n\n— Omri Lavie, The Post\n\nTags: ss7, cash\n\nDisputes nso-denial\nPrecedes post-publishes", "Said."},
		{"export of a quote of two paragraphs", "Said.", "Said.\n\n“One.\n\nTwo.”\n\n— Omri", "Said."},
		{"export, summary changed", "Said.", "Said otherwise.\n\nStatus: denied\n\nActors: NSO Group", "Said otherwise."},
		{"export of an empty summary", "", "Status: alleged", ""},
		{"export, summary added", "", "Now said.\n\nStatus: alleged", "Now said."},
		{"a whole text stored, changed", "Raid at 6am.\n\nStatus: alleged", "Raid at 9pm.\n\nStatus: alleged", "Raid at 9pm.\n\nStatus: alleged"},
		{"a whole text stored, unchanged", "Raid at 6am.\n\nStatus: alleged", "Raid at 6am.\n\nStatus: alleged", "Raid at 6am.\n\nStatus: alleged"},
		{"a quote of the slide's own, changed", "Raid at 6am.\n\nThey took every laptop", "Raid at 9pm.\n\nThey took every laptop", "Raid at 9pm.\n\nThey took every laptop"},
		{"not a status chrono writes", "Said.", "Said.\n\nStatus: unknown", "Said.\n\nStatus: unknown"},
		{"a link line that names no id", "Said.", "Said.\n\nDisputes what the minister said", "Said.\n\nDisputes what the minister said"},
		{"text cleared", "Said.", "", ""},
		{"a summary of one quoted sentence", "Met at 6.", "“We'll pay,” he said, then denied “pay.”", "“We'll pay,” he said, then denied “pay.”"},
		{"a summary that begins and ends in quotes", "Met at 6.", "“Hello,” she said.\n\nWe met at 6.\n\nHe answered “no.”", "“Hello,” she said.\n\nWe met at 6.\n\nHe answered “no.”"},
		{"straight quotes", "Met.", "\"Yes,\" he said, \"I agree.\"", "\"Yes,\" he said, \"I agree.\""},
		{"a quote added without who said it", "He said nothing.", "He said:\n\n“Stop.”", "He said:\n\n“Stop.”"},
		{"a whole text stored, exported with a status and actors", "Raid at 6am.\n\nStatus: alleged", "Raid at 6am.\n\nStatus: alleged\n\nStatus: denied\n\nActors: NSO", "Raid at 6am.\n\nStatus: alleged"},
	}
	for _, tt := range tests {
		if got := SummaryTaken(tt.stored, tt.read); got != tt.want {
			t.Errorf("%s: SummaryTaken(%q, %q) = %q, want %q", tt.name, tt.stored, tt.read, got, tt.want)
		}
	}
}

// TestExportedSummaryCarriedBack: an event's export reads back as a text
// that leaves its stored summary as it is, whatever the export writes
// after it, and, changed in the file, gives the new summary alone.
func TestExportedSummaryCarriedBack(t *testing.T) {
	plain := model.Event{ID: "a", Title: "A", Date: model.MustParseDate("2017"), Summary: "First.\n\nSecond, with a\nline break."}
	rated := plain
	rated.ID, rated.Status, rated.Actors, rated.Tags = "b", model.Denied, []string{"NSO Group"}, []string{"ss7", "cash"}
	rated.Links = []model.Link{{Rel: model.Disputes, Event: "a"}}
	rated.Quotes = []model.Quote{{Text: "One.\n\nTwo.", Speaker: "Omri"}, {Text: "Three.", Speaker: "Gary"}, {Text: "Unattributed words."}}
	out, _ := export(t, model.Timeline{Events: []model.Event{plain, rated}})
	var rec modeltest.FieldRecorder
	if err := Read(strings.NewReader(out), &rec, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	if len(rec.Timeline.Events) != 2 {
		t.Fatalf("%d events read back", len(rec.Timeline.Events))
	}
	for i, e := range []model.Event{plain, rated} {
		read := rec.Timeline.Events[i].Summary
		if !rec.Present[i].Has(model.FieldSummary) {
			t.Errorf("%s: summary not carried", e.ID)
		}
		if got := SummaryTaken(e.Summary, read); got != e.Summary {
			t.Errorf("%s: read back as %q, taken as %q, want %q kept", e.ID, read, got, e.Summary)
		}
		changed := strings.Replace(read, "First.", "Changed.", 1)
		if got, want := SummaryTaken(e.Summary, changed), strings.Replace(e.Summary, "First.", "Changed.", 1); got != want {
			t.Errorf("%s: changed to %q, taken as %q, want %q", e.ID, changed, got, want)
		}
	}
}
