package storetest

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/timelinejs"
)

// testImportTakesSlideTextFields: a TimelineJS export imported back
// changes nothing, an actor whose name holds a comma included; the same
// file with a status and actors changed in a slide's text, as one edits
// it in TimelineJS's sheet, changes them in the store. Before, those
// lines were read as summary and the change was lost without a word.
func testImportTakesSlideTextFields(t *testing.T, s *suite) {
	stored := `{"chrono":1,"events":[{"id":"call","date":"2017-08","title":"The call","summary":"On a call.",
		"status":"alleged","actors":["Lavie, Omri","Mobileum"],"tags":["ss7","cash"]}]}`
	eachWay(t, func(t *testing.T, bulk bool) {
		st := s.empty(t)
		Import(t, st, NativeInput("case.json", []byte(stored)))
		var doc bytes.Buffer
		if _, err := timelinejs.Write(&doc, model.Header{}, nil, st.Events(model.Query{}), &model.Losses{}); err != nil {
			t.Fatal(err)
		}
		in := func(doc string) model.Input {
			return model.Input{Name: "tl.json", Carries: timelinejs.Carries, Taken: timelinejs.Taken, Read: func(sink model.Sink) error {
				return timelinejs.Read(strings.NewReader(doc), sink, &model.Losses{})
			}}
		}
		opts := model.ImportOptions{Bulk: bulk}
		res, err := st.Import([]model.Input{in(doc.String())}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Updated != 0 {
			t.Errorf("the export imported back updated %d events", res[0].Updated)
		}
		edited := strings.Replace(doc.String(), "Status: alleged", "Status: confirmed", 1)
		edited = strings.Replace(edited, "Actors: Lavie, Omri, Mobileum", "Actors: Omri Lavie, Mobileum, Gary Miller", 1)
		if edited == doc.String() {
			t.Fatalf("the export has no status or actors line to edit:\n%s", doc.String())
		}
		if res, err = st.Import([]model.Input{in(edited)}, opts); err != nil {
			t.Fatal(err)
		}
		e := StoredEvent(t, st, "call")
		if res[0].Updated != 1 || e.Status != model.Confirmed || !slices.Equal(e.Actors, []string{"Omri Lavie", "Mobileum", "Gary Miller"}) {
			t.Errorf("updated %d, status %q, actors %q; want 1, confirmed and the slide's", res[0].Updated, e.Status, e.Actors)
		}
		if e.Summary != "On a call." || !slices.Equal(e.Tags, []string{"ss7", "cash"}) {
			t.Errorf("summary %q, tags %q; want them as stored", e.Summary, e.Tags)
		}
	})
}
