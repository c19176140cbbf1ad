package storetest

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// testReplaceSaysWhatItUndid: an import with Replace takes the file's
// version of each event whatever was changed in chrono since the last
// import, a tag taken off included; it does so in the open, counting
// the events and fields whose changes in chrono it undid, marking them
// in a dry run's list, and naming them in its journal entry by event
// and field. Events changed only by imports are not counted.
func testReplaceSaysWhatItUndid(t *testing.T, s *suite) {
	const id = "nso-mobileum-call"
	example := ExampleDoc(t)
	eachWay(t, func(t *testing.T, bulk bool) {
		st := s.empty(t)
		Import(t, st, NativeInput("timeline.example.json", example))
		file := StoredEvent(t, st, id)
		if _, err := Retitle(st, id, "The investigator's title"); err != nil {
			t.Fatal(err)
		}
		if _, err := Retag(st, []string{id}, []string{"mine"}, []string{"ss7"}); err != nil {
			t.Fatal(err)
		}
		in := NativeInput("timeline.example.json", example)
		opts := model.ImportOptions{Replace: true, Bulk: bulk}

		dry := opts
		dry.DryRun = true
		res, err := st.Import([]model.Input{in}, dry)
		if err != nil {
			t.Fatal(err)
		}
		if r := res[0]; r.Updated != 1 || r.UndidEdits != 1 || r.UndidFields != 2 {
			t.Errorf("dry run %+v: want one update, undoing chrono's changes to 2 fields of 1 event", r)
		}
		var undid []string
		for _, u := range res[0].Updates {
			for _, c := range u.Changes {
				if c.Undid {
					undid = append(undid, u.ID+" "+c.Field)
				}
			}
		}
		if want := []string{id + " title", id + " tags"}; !slices.Equal(undid, want) {
			t.Errorf("the dry run marks %q as undoing chrono's changes, want %q", undid, want)
		}

		res, err = st.Import([]model.Input{in}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if r := res[0]; r.Updated != 1 || r.UndidEdits != 1 || r.UndidFields != 2 {
			t.Errorf("result %+v: want one update, undoing chrono's changes to 2 fields of 1 event", r)
		}
		// The file wins: its title, and the tag taken off in chrono
		// back; the tag added in chrono stays.
		got := StoredEvent(t, st, id)
		if got.Title != file.Title || !hasTag(got.Tags, "ss7") || !hasTag(got.Tags, "mine") {
			t.Errorf("title %q, tags %q: want the file's title, #ss7 back and #mine kept", got.Title, got.Tags)
		}
		entry := lastEntry(t, st)
		if !strings.Contains(entry.Phrase, "undid chrono's changes to 2 fields of 1 event") {
			t.Errorf("entry phrase %q does not say what the replace undid", entry.Phrase)
		}
		entries, err := st.Journal(model.JournalQuery{Event: id, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Seq != entry.Seq || len(entries[0].Events) != 1 ||
			!slices.Equal(entries[0].Events[0].Undid, []string{"title", "tags"}) {
			t.Errorf("the entry's change of %s: %+v; want it to name title and tags as undone", id, entries)
		}
		s.check(t, st)

		// Again: nothing changed in chrono since, so nothing undone.
		res, err = st.Import([]model.Input{in}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if r := res[0]; r.UndidEdits != 0 || r.UndidFields != 0 {
			t.Errorf("the same file again: %+v, want nothing undone", r)
		}
	})
}
