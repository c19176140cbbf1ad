package storetest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"chrono/model"
)

// testReimportKeepsEdits: a re-import keeps what was changed in chrono
// since the last import where the file still says what it said then (a
// title corrected, a tag taken off), takes what only the file changed,
// and stops, changing nothing, at a field both changed, unless told
// which side wins. Each case runs as one transaction and as a bulk
// import.
func testReimportKeepsEdits(t *testing.T, s *suite) {
	const id = "nso-mobileum-call"
	example := ExampleDoc(t)
	// changed is the example with the event's title and summary changed
	// in the file.
	changed := func(t *testing.T, title string) model.Input {
		stored := ReadEvents(t, example)
		var old model.Event
		for _, e := range stored {
			if e.ID == id {
				old = e
			}
		}
		doc := bytes.Replace(example, []byte(jsonText(t, old.Summary)), []byte(`"A summary from the file"`), 1)
		if title != "" {
			doc = bytes.Replace(doc, []byte(jsonText(t, old.Title)), []byte(jsonText(t, title)), 1)
		}
		return NativeInput("changed.json", doc)
	}
	// edited is a store with the example imported, then the event's
	// title corrected and its #ss7 tag removed in chrono.
	edited := func(t *testing.T) model.Store {
		st := s.empty(t)
		Import(t, st, NativeInput("timeline.example.json", example))
		if _, err := Retitle(st, id, "The investigator's title"); err != nil {
			t.Fatal(err)
		}
		if _, err := Retag(st, []string{id}, nil, []string{"ss7"}); err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, bulk := range []bool{false, true} {
		suffix := ""
		if bulk {
			suffix = ", in bulk"
		}
		t.Run("the same file again"+suffix, func(t *testing.T) {
			st := edited(t)
			before := s.snapshot(t, st)
			res, err := st.Import([]model.Input{NativeInput("timeline.example.json", example)}, model.ImportOptions{Bulk: bulk})
			if err != nil {
				t.Fatal(err)
			}
			if r := res[0]; r.Updated != 0 || r.Unchanged != 13 || r.KeptEdits != 1 {
				t.Errorf("result %+v: want 13 unchanged, one event's edits kept", r)
			}
			s.assertUnchanged(t, st, before)
		})
		t.Run("a field only the file changed"+suffix, func(t *testing.T) {
			st := edited(t)
			res, err := st.Import([]model.Input{changed(t, "")}, model.ImportOptions{Bulk: bulk})
			if err != nil {
				t.Fatal(err)
			}
			got := StoredEvent(t, st, id)
			if got.Title != "The investigator's title" || got.Summary != "A summary from the file" || hasTag(got.Tags, "ss7") {
				t.Errorf("title %q, summary %q, tags %q: want chrono's title, the file's summary, #ss7 still removed", got.Title, got.Summary, got.Tags)
			}
			if r := res[0]; r.Updated != 1 || r.KeptEdits != 1 {
				t.Errorf("result %+v: want one update keeping one event's edits", r)
			}
			s.check(t, st)
		})
		t.Run("a field both changed"+suffix, func(t *testing.T) {
			st := edited(t)
			before := s.snapshot(t, st)
			in := changed(t, "The file's title")
			for _, dry := range []bool{true, false} {
				_, err := st.Import([]model.Input{in}, model.ImportOptions{Bulk: bulk, DryRun: dry})
				var ps *model.Problems
				if !errors.Is(err, model.ErrEditedBoth) || !errors.As(err, &ps) || len(ps.List) != 1 ||
					ps.List[0].ID != id || ps.List[0].File != "changed.json" || !strings.HasPrefix(ps.List[0].Msg, "title: ") {
					t.Fatalf("import (dry run %v): %v; want one conflict, on the title of %s in changed.json", dry, err, id)
				}
			}
			s.assertUnchanged(t, st, before)
			for _, side := range []model.Prefer{model.PreferChrono, model.PreferFile} {
				st := edited(t)
				res, err := st.Import([]model.Input{in}, model.ImportOptions{Bulk: bulk, Prefer: side})
				if err != nil {
					t.Fatal(err)
				}
				want := map[model.Prefer]string{model.PreferChrono: "The investigator's title", model.PreferFile: "The file's title"}[side]
				if got := StoredEvent(t, st, id); got.Title != want || got.Summary != "A summary from the file" {
					t.Errorf("with %s's side: title %q, summary %q", side, got.Title, got.Summary)
				}
				if res[0].Settled != 1 {
					t.Errorf("with %s's side: %+v, want one field settled", side, res[0])
				}
				s.check(t, st)
				// Settled once for this file: the same file again, told
				// nothing, keeps what was chosen.
				before := s.snapshot(t, st)
				if _, err := st.Import([]model.Input{in}, model.ImportOptions{Bulk: bulk}); err != nil {
					t.Fatalf("the same file after %s's side: %v", side, err)
				}
				s.assertUnchanged(t, st, before)
			}
		})
		t.Run("chrono's side when the event is otherwise unchanged"+suffix, func(t *testing.T) {
			st := edited(t)
			in := changedTitleOnly(t, example, id, "The file's title")
			if _, err := st.Import([]model.Input{in}, model.ImportOptions{Bulk: bulk, Prefer: model.PreferChrono}); err != nil {
				t.Fatal(err)
			}
			if got := StoredEvent(t, st, id); got.Title != "The investigator's title" {
				t.Errorf("title %q, want chrono's", got.Title)
			}
			before := s.snapshot(t, st)
			if _, err := st.Import([]model.Input{in}, model.ImportOptions{Bulk: bulk}); err != nil {
				t.Fatalf("the same file again: %v", err)
			}
			s.assertUnchanged(t, st, before)
		})
		t.Run("replace takes the file's"+suffix, func(t *testing.T) {
			st := edited(t)
			if _, err := st.Import([]model.Input{changed(t, "The file's title")}, model.ImportOptions{Bulk: bulk, Replace: true}); err != nil {
				t.Fatal(err)
			}
			if got := StoredEvent(t, st, id); got.Title != "The file's title" {
				t.Errorf("title %q after a replace", got.Title)
			}
		})
	}
	t.Run("undoing chrono's side brings the conflict back", func(t *testing.T) {
		st := edited(t)
		edit := lastEntry(t, st).Seq - 1 // the retitle, before the retag
		in := changedTitleOnly(t, example, id, "The file's title")
		if _, err := st.Import([]model.Input{in}, model.ImportOptions{Prefer: model.PreferChrono}); err != nil {
			t.Fatal(err)
		}
		kept := lastEntry(t, st)
		undo, err := model.Undo(st)
		if err != nil || undo.Seq == 0 || undo.Reverts != kept.Seq {
			t.Fatalf("undo of an import that only kept chrono's values: %+v, %v; want an entry reverting #%d", undo, err, kept.Seq)
		}
		if _, err := st.Import([]model.Input{in}, model.ImportOptions{DryRun: true}); !errors.Is(err, model.ErrEditedBoth) {
			t.Errorf("the same file after the undo: %v, want the conflict again", err)
		}
		if redo, err := model.Undo(st); err != nil || redo.Reverts != undo.Seq {
			t.Fatalf("redo: %+v, %v", redo, err)
		}
		if _, err := st.Import([]model.Input{in}, model.ImportOptions{DryRun: true}); err != nil {
			t.Errorf("the same file after the redo: %v, want chrono's side to hold", err)
		}
		// An import that changed nothing does not stand in the way of
		// reverting an earlier edit.
		e, err := st.Entry(edit)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := model.Revert(st, e); err != nil {
			t.Fatalf("revert of the edit before the import: %v", err)
		}
		if got := StoredEvent(t, st, id); got.Title == "The investigator's title" {
			t.Errorf("title %q after reverting its edit", got.Title)
		}
		s.check(t, st)
	})
	t.Run("a field another file does not carry keeps chrono's value", func(t *testing.T) {
		// A file with no place for the summary (a record that leaves it
		// out, as TimelineJS has none) updates the event between two
		// imports of the example: the summary corrected in chrono before
		// it still stands after the example again, with or without
		// another field of chrono's kept by the file in between.
		for _, retitled := range []bool{false, true} {
			st := s.empty(t)
			Import(t, st, NativeInput("timeline.example.json", example))
			old := StoredEvent(t, st, id)
			if _, err := st.Write(model.OpEdit, "corrected", func(tx model.Tx) error {
				e := old
				e.Summary = "The investigator's summary"
				if retitled {
					e.Title = "The investigator's title"
				}
				_, err := model.EditEvent(tx, old, e)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			Import(t, st, NativeInput("dated.json", []byte(`{"chrono": 1, "events": [{"id": "`+id+`", "date": "2017-09", "title": `+jsonText(t, old.Title)+`}]}`)))
			Import(t, st, NativeInput("timeline.example.json", example))
			got := StoredEvent(t, st, id)
			if got.Summary != "The investigator's summary" || retitled && got.Title != "The investigator's title" || got.Date != old.Date {
				t.Errorf("title also edited %v: summary %q, title %q, date %s; want chrono's summary and title, the example's date", retitled, got.Summary, got.Title, got.Date)
			}
			s.check(t, st)
		}
	})
	t.Run("an undone import counts as never made", func(t *testing.T) {
		st := edited(t)
		Import(t, st, changed(t, ""))
		if _, err := model.Revert(st, lastEntry(t, st)); err != nil {
			t.Fatal(err)
		}
		// The summary is the first import's again: the file's summary,
		// which the undone import brought, is taken anew.
		res, err := st.Import([]model.Input{changed(t, "")}, model.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := StoredEvent(t, st, id); got.Summary != "A summary from the file" || got.Title != "The investigator's title" || res[0].Updated != 1 {
			t.Errorf("summary %q, title %q, %+v", got.Summary, got.Title, res[0])
		}
	})
}

// changedTitleOnly is doc with the title of event id changed to title.
func changedTitleOnly(t *testing.T, doc []byte, id, title string) model.Input {
	t.Helper()
	for _, e := range ReadEvents(t, doc) {
		if e.ID == id {
			return NativeInput("retitled.json", bytes.Replace(doc, []byte(jsonText(t, e.Title)), []byte(jsonText(t, title)), 1))
		}
	}
	t.Fatalf("no event %q", id)
	return model.Input{}
}

// jsonText is s as a JSON string.
func jsonText(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// hasTag reports whether tags hold t.
func hasTag(tags []string, t string) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}
