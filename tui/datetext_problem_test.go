package tui

import (
	"path/filepath"
	"testing"

	"chrono/model"
	"chrono/store"
)

// TestADateItsDateTextContradictsIsAProblemWithoutSources: an event
// dated at another time than its date text names is a chronology
// problem, as chrono check --chronology says, in an investigation whose
// sources give no publication date too: the browser's problems left it
// out, looking for none where no source was published.
func TestADateItsDateTextContradictsIsAProblemWithoutSources(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, e := range []model.Event{
		{ID: "said", Title: "Said so", Date: model.MustParseDate("2018"), DateText: "August 2017"},
		{ID: "sound", Title: "Sound", Date: model.MustParseDate("2017-08-14"), DateText: "August 2017"},
	} {
		if _, _, err := (model.SaveEvent{Event: e}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	a := <-trackerOf(s).ask(s, nil)
	if a.err != nil {
		t.Fatal(a.err)
	}
	if !a.problems.has("said") || a.problems.has("sound") {
		t.Errorf("problems %v, want said alone", a.problems)
	}
}
