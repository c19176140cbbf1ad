package storetest

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// lastEntry returns the newest journal entry, or a zero one.
func lastEntry(t testing.TB, st model.Reader) model.Entry {
	t.Helper()
	entries, err := st.Journal(model.JournalQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		return model.Entry{}
	}
	return entries[0]
}

// allEntries returns every entry by Entry, oldest first.
func allEntries(t testing.TB, st model.Reader) []model.Entry {
	t.Helper()
	var out []model.Entry
	for seq := uint64(1); seq <= lastEntry(t, st).Seq; seq++ {
		e, err := st.Entry(seq)
		if err != nil {
			t.Fatalf("Entry(%d): %v", seq, err)
		}
		out = append(out, e)
	}
	return out
}

// testWriteIsAllOrNothing: a Write whose fn fails keeps nothing of what it
// wrote, its journal included; one that changes nothing records nothing.
func testWriteIsAllOrNothing(t *testing.T, s *suite) {
	st := s.seeded(t)
	before := s.snapshot(t, st)
	failed := errors.New("made to fail")
	entry, err := st.Write(model.OpEdit, "fails half way", func(tx model.Tx) error {
		e, err := tx.Event("fbi-tip")
		if err != nil {
			return err
		}
		e.Title = "rewritten"
		if err := tx.PutEvent(e); err != nil {
			return err
		}
		if err := tx.TrashEvent("nso-denial"); err != nil {
			return err
		}
		if err := tx.SetHeader(model.Header{Title: "another"}); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) || entry.Seq != 0 {
		t.Errorf("Write = %+v, %v; want fn's error", entry, err)
	}
	s.assertUnchanged(t, st, before)

	// Changed and changed back: nothing to record.
	entry, err = st.Write(model.OpEdit, "changes nothing", func(tx model.Tx) error {
		e, err := tx.Event("fbi-tip")
		if err != nil {
			return err
		}
		was := e
		e.Title = "for a moment"
		if err := tx.PutEvent(e); err != nil {
			return err
		}
		return tx.PutEvent(was)
	})
	if err != nil || entry.Seq != 0 {
		t.Errorf("a Write that changes nothing = %+v, %v; want Seq 0", entry, err)
	}
	s.assertUnchanged(t, st, before)
}

// testWriteRecordsOneEntry: a Write is one entry, with each event's
// versions and places before and after, by the store's author.
func testWriteRecordsOneEntry(t *testing.T, s *suite) {
	st := s.seeded(t)
	prev := lastEntry(t, st)
	tip := StoredEvent(t, st, "fbi-tip")
	denial := StoredEvent(t, st, "nso-denial")
	added := model.Event{ID: "new-lead", Title: "A new lead", Date: model.MustParseDate("2022-03")}
	entry, err := st.Write(model.OpEdit, "three changes", func(tx model.Tx) error {
		e, err := tx.Event("fbi-tip")
		if err != nil {
			return err
		}
		e.Title = "first"
		if err := tx.PutEvent(e); err != nil {
			return err
		}
		e.Title = "second" // the entry keeps the first before, the last after
		if err := tx.PutEvent(e); err != nil {
			return err
		}
		if err := tx.PutEvent(added); err != nil {
			return err
		}
		return tx.TrashEvent("nso-denial")
	})
	if err != nil {
		t.Fatal(err)
	}
	if entry.Seq != prev.Seq+1 || entry.Op != model.OpEdit || entry.Phrase != "three changes" || entry.At.IsZero() {
		t.Errorf("entry #%d %s %q at %v; want #%d edit %q at a time", entry.Seq, entry.Op, entry.Phrase, entry.At, prev.Seq+1, "three changes")
	}
	if entry.Author != st.Author() || st.Author() == "" {
		t.Errorf("entry by %q, store's author %q; want the store's, not empty", entry.Author, st.Author())
	}
	renamed := tip
	renamed.Title = "second"
	want := []model.EventChange{
		{ID: "fbi-tip", Before: &tip, After: &renamed, From: model.OnTimeline, To: model.OnTimeline},
		{ID: "new-lead", After: &added, From: model.Absent, To: model.OnTimeline},
		{ID: "nso-denial", Before: &denial, After: &denial, From: model.OnTimeline, To: model.InTrash},
	}
	checkChanges(t, entry.Events, want)
	stored, err := st.Entry(entry.Seq)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored, entry) {
		t.Errorf("Entry(%d) =\n%+v\nWrite returned\n%+v", entry.Seq, stored, entry)
	}
	if got := lastEntry(t, st); got.Seq != entry.Seq {
		t.Errorf("newest entry #%d, want #%d", got.Seq, entry.Seq)
	}
	if _, err := st.Entry(entry.Seq + 1); err == nil {
		t.Errorf("Entry(%d) past the end: no error", entry.Seq+1)
	}
	s.check(t, st)
}

// checkChanges compares an entry's events with the wanted ones, by id.
func checkChanges(t *testing.T, got, want []model.EventChange) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("entry touched %d events, want %d: %+v", len(got), len(want), got)
	}
	for _, w := range want {
		i := slices.IndexFunc(got, func(c model.EventChange) bool { return c.ID == w.ID })
		if i < 0 {
			t.Errorf("entry does not touch %s", w.ID)
			continue
		}
		g := got[i]
		if g.From != w.From || g.To != w.To {
			t.Errorf("%s: from %q to %q, want from %q to %q", w.ID, g.From, g.To, w.From, w.To)
		}
		for _, v := range []struct {
			what      string
			got, want *model.Event
		}{{"before", g.Before, w.Before}, {"after", g.After, w.After}} {
			switch {
			case (v.got == nil) != (v.want == nil):
				t.Errorf("%s %s: %+v, want %+v", w.ID, v.what, v.got, v.want)
			case v.got != nil && !SameEvent(*v.got, *v.want):
				t.Errorf("%s %s:\n%+v\nwant\n%+v", w.ID, v.what, *v.got, *v.want)
			}
		}
	}
}

// testJournalQueries: Journal answers as JournalQuery.Matches says, newest
// first, for an event, since a time, after an entry, and a page at a
// time.
func testJournalQueries(t *testing.T, s *suite) {
	st := s.seeded(t)
	for i, id := range []string{"fbi-tip", "nso-denial", "fbi-tip", "apple-sues-nso", "fbi-tip"} {
		if _, err := Retag(st, []string{id}, []string{"round-" + string(rune('a'+i))}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Retag(st, []string{"fbi-tip", "nso-denial"}, []string{"both"}, nil); err != nil {
		t.Fatal(err)
	}
	all := allEntries(t, st)
	mid := all[len(all)/2].At
	queries := []model.JournalQuery{
		{},
		{Limit: 3},
		{Event: "fbi-tip"},
		{Event: "fbi-tip", Limit: 2},
		{MostEvents: 1},
		{Event: "nso-denial"},
		{Event: "no-such-event"},
		{Before: all[len(all)-2].Seq},
		{Before: all[len(all)-2].Seq, Limit: 2},
		{Event: "fbi-tip", Before: all[len(all)-1].Seq, Limit: 1},
		{Before: 1},
		{After: all[1].Seq},
		{After: all[1].Seq, Limit: 1, MostEvents: 1},
		{Event: "fbi-tip", After: all[0].Seq},
		{After: all[len(all)-1].Seq},
		{Before: all[len(all)-1].Seq, After: all[len(all)-3].Seq},
		{Since: mid},
		{Since: time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, q := range queries {
		var want []model.Entry
		for _, e := range slices.Backward(all) {
			if q.Matches(&e) && (q.Limit == 0 || len(want) < q.Limit) {
				want = append(want, q.Trim(e))
			}
		}
		got, err := st.Journal(q)
		if err != nil {
			t.Fatalf("Journal(%+v): %v", q, err)
		}
		if !reflect.DeepEqual(seqs(got), seqs(want)) {
			t.Errorf("Journal(%+v) = %v, want %v", q, seqs(got), seqs(want))
		}
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("Journal(%+v): entry #%d differs from Entry's:\n%+v\n%+v", q, got[i].Seq, got[i], want[i])
			}
		}
	}

	// Paging from the newest to the oldest meets each entry once.
	var paged []uint64
	q := model.JournalQuery{Limit: 2}
	for {
		page, err := st.Journal(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, seqs(page)...)
		q.Before = page[len(page)-1].Seq
	}
	want := seqs(all)
	slices.Reverse(want)
	if !slices.Equal(paged, want) {
		t.Errorf("paging by 2: %v, want %v", paged, want)
	}
}

func seqs(entries []model.Entry) []uint64 {
	out := make([]uint64, len(entries))
	for i, e := range entries {
		out[i] = e.Seq
	}
	return out
}

// citingCounts counts, for each source, the events that cite it.
func citingCounts(events []model.Event) map[string]int {
	out := map[string]int{}
	for _, e := range events {
		cited := map[string]bool{}
		if e.DateSource != "" {
			cited[e.DateSource] = true
		}
		for _, q := range e.Quotes {
			if q.Source != "" {
				cited[q.Source] = true
			}
		}
		for src := range cited {
			out[src]++
		}
	}
	return out
}

// checkCiting compares Tx.Citing for every source with a recount.
func checkCiting(t *testing.T, st model.Store, events []model.Event) {
	t.Helper()
	sources, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	want := citingCounts(events)
	_, err = st.Write(model.OpEdit, "reads only", func(tx model.Tx) error {
		for _, src := range sources {
			n, err := tx.Citing(src.ID)
			if err != nil {
				return err
			}
			if n != want[src.ID] {
				t.Errorf("Citing(%s) = %d, want %d", src.ID, n, want[src.ID])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testTrashRestorePurge: events moved to the trash leave every view,
// count and facet; restored, they are back as they were; purged, gone
// for good, with their id free again.
func testTrashRestorePurge(t *testing.T, s *suite) {
	st := s.seeded(t)
	original := FixtureEvents(t)
	checkCiting(t, st, original)
	trashed := []string{"fbi-tip", "nso-denial", "undated-rumour"}
	trash := func(ids []string) model.Entry {
		t.Helper()
		entry, err := st.Write(model.OpDelete, "deleted", func(tx model.Tx) error {
			for _, id := range ids {
				if err := tx.TrashEvent(id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return entry
	}
	first := trash(trashed[:2])
	second := trash(trashed[2:])
	rest := slices.DeleteFunc(slices.Clone(original), func(e model.Event) bool { return slices.Contains(trashed, e.ID) })
	t.Run("in the trash", func(t *testing.T) { s.checkViews(t, st, rest) })
	checkCiting(t, st, rest)
	for _, id := range trashed {
		if _, err := st.Event(id); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("Event(%s) in the trash: %v, want ErrNotFound", id, err)
		}
	}
	in, err := st.Trash()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tr := range in {
		ids = append(ids, tr.Event.ID)
		if tr.Author != st.Author() {
			t.Errorf("%s deleted by %q, want %q", tr.Event.ID, tr.Author, st.Author())
		}
		at := first.At
		if tr.Event.ID == "undated-rumour" {
			at = second.At
		}
		if !tr.At.Equal(at) {
			t.Errorf("%s deleted at %v, want its entry's time %v", tr.Event.ID, tr.At, at)
		}
	}
	if ids[0] != "undated-rumour" || !slices.Equal(slices.Sorted(slices.Values(ids)), slices.Sorted(slices.Values(trashed))) {
		t.Errorf("Trash = %q; want %q, the last deleted first", ids, trashed)
	}

	// A Tx sees the trash: HasEvent, Trashed, and PutEvent refuses the id.
	_, err = st.Write(model.OpEdit, "looks at the trash", func(tx model.Tx) error {
		if has, err := tx.HasEvent("fbi-tip"); err != nil || !has {
			t.Errorf("HasEvent of a trashed event = %v, %v; want true", has, err)
		}
		if has, err := tx.HasEvent("nowhere"); err != nil || has {
			t.Errorf("HasEvent(nowhere) = %v, %v; want false", has, err)
		}
		if tr, err := tx.Trashed("fbi-tip"); err != nil || tr.Event.ID != "fbi-tip" {
			t.Errorf("Trashed(fbi-tip) = %+v, %v", tr, err)
		}
		if _, err := tx.Trashed("apple-sues-nso"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("Trashed of an event on the timeline: %v, want ErrNotFound", err)
		}
		if err := tx.PutEvent(model.Event{ID: "fbi-tip", Title: "again"}); err == nil || !strings.Contains(err.Error(), "fbi-tip") {
			t.Errorf("PutEvent of a trashed id: %v, want an error naming it", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	restored, err := st.Write(model.OpRestore, "restored", func(tx model.Tx) error {
		return model.RestoreEvents(tx, trashed)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range restored.Events {
		if c.From != model.InTrash || c.To != model.OnTimeline || c.Before == nil || c.After == nil || !SameEvent(*c.Before, *c.After) {
			t.Errorf("restore of %s: %+v", c.ID, c)
		}
	}
	t.Run("restored", func(t *testing.T) { s.checkViews(t, st, original) })
	checkCiting(t, st, original)
	if in, err := st.Trash(); err != nil || len(in) != 0 {
		t.Errorf("Trash after the restore = %+v, %v; want none", in, err)
	}

	trash(trashed[:1])
	purged, err := st.Write(model.OpPurge, "emptied the trash", func(tx model.Tx) error {
		if err := tx.PurgeEvent("fbi-tip"); err != nil {
			return err
		}
		if err := tx.PurgeEvent("apple-sues-nso"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("PurgeEvent of an event on the timeline: %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(purged.Events) != 1 || purged.Events[0].From != model.InTrash || purged.Events[0].To != model.Absent || purged.Events[0].After != nil {
		t.Errorf("purge entry: %+v", purged.Events)
	}
	rest = slices.DeleteFunc(slices.Clone(original), func(e model.Event) bool { return e.ID == "fbi-tip" })
	t.Run("purged", func(t *testing.T) { s.checkViews(t, st, rest) })
	checkCiting(t, st, rest)
	_, err = st.Write(model.OpEdit, "reads only", func(tx model.Tx) error {
		if has, err := tx.HasEvent("fbi-tip"); err != nil || has {
			t.Errorf("HasEvent of a purged event = %v, %v; want false", has, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Every entry about the event is still in its history.
	history, err := st.Journal(model.JournalQuery{Event: "fbi-tip"})
	if err != nil {
		t.Fatal(err)
	}
	var ops []model.Op
	for _, e := range history {
		ops = append(ops, e.Op)
	}
	if len(ops) < 4 || !slices.Equal(ops[:4], []model.Op{model.OpPurge, model.OpDelete, model.OpRestore, model.OpDelete}) {
		t.Errorf("history of fbi-tip: %v; want purge, delete, restore, delete and its import", ops)
	}
}

// testSourcesAndHeaderAreJournaled: sources and the header written in a
// Write are in its entry, before and after.
func testSourcesAndHeaderAreJournaled(t *testing.T, s *suite) {
	st := s.seeded(t)
	header, err := st.Header()
	if err != nil {
		t.Fatal(err)
	}
	src := model.Source{ID: "new-source", Title: "A new source"}
	entry, err := st.Write(model.OpSource, "sources and title", func(tx model.Tx) error {
		if err := tx.PutSource(src); err != nil {
			return err
		}
		if err := tx.DeleteSource("no-such-source"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("DeleteSource of no source: %v, want ErrNotFound", err)
		}
		if got, err := tx.Source("new-source"); err != nil || got.Title != src.Title {
			t.Errorf("Source in the same Write = %+v, %v", got, err)
		}
		return tx.SetHeader(model.Header{Title: "Renamed", Description: header.Description})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(entry.Sources) != 1 || entry.Sources[0].Before != nil || entry.Sources[0].After == nil || entry.Sources[0].After.Title != src.Title {
		t.Errorf("sources in the entry: %+v", entry.Sources)
	}
	if entry.Header == nil || entry.Header.Before != header || entry.Header.After.Title != "Renamed" {
		t.Errorf("header in the entry: %+v", entry.Header)
	}
	if h, err := st.Header(); err != nil || h.Title != "Renamed" {
		t.Errorf("Header = %+v, %v", h, err)
	}
	entry, err = st.Write(model.OpSource, "source removed", func(tx model.Tx) error { return tx.DeleteSource("new-source") })
	if err != nil {
		t.Fatal(err)
	}
	if len(entry.Sources) != 1 || entry.Sources[0].After != nil || entry.Sources[0].Before == nil {
		t.Errorf("sources in the entry: %+v", entry.Sources)
	}
}

// testImportIsOneEntry: an import is one entry: the events it added by id
// alone, those it updated with their versions before; a dry run or an
// import that changes nothing records nothing.
func testImportIsOneEntry(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	first := lastEntry(t, st)
	if first.Seq != 1 || first.Op != model.OpImport || first.Phrase != "imported timeline.example.json: 13 new, 0 updated" || first.Author != st.Author() {
		t.Errorf("the first import's entry: #%d %s %q by %q", first.Seq, first.Op, first.Phrase, first.Author)
	}
	if len(first.Events) != 13 || first.Header == nil || len(first.Sources) == 0 {
		t.Errorf("the first import's entry has %d events, header %+v, %d sources; want 13, the header, the sources", len(first.Events), first.Header, len(first.Sources))
	}
	for _, c := range first.Events {
		if c.Before != nil || c.After != nil || c.From != model.Absent || c.To != model.OnTimeline {
			t.Errorf("an event the import added: %+v; want its id and its place alone", c)
		}
	}

	before := s.snapshot(t, st)
	if _, err := st.Import([]model.Input{NativeInput("new.json", []byte(NewEvents))}, model.ImportOptions{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	s.assertUnchanged(t, st, before)

	old := StoredEvent(t, st, "nso-denial")
	Import(t, st, NativeInput("new.json", []byte(NewEvents)))
	entry := lastEntry(t, st)
	if entry.Seq != first.Seq+1 || entry.Phrase != "imported new.json: 2 new, 1 updated" {
		t.Errorf("the second import's entry: #%d %q", entry.Seq, entry.Phrase)
	}
	want := []model.EventChange{{ID: "nso-denial", Before: &old, From: model.OnTimeline, To: model.OnTimeline}}
	for _, e := range ReadEvents(t, []byte(NewEvents)) {
		if e.ID != "nso-denial" {
			want = append(want, model.EventChange{ID: e.ID, To: model.OnTimeline})
		}
	}
	checkChanges(t, entry.Events, want)
	for _, c := range want {
		history, err := st.Journal(model.JournalQuery{Event: c.ID, Limit: 1})
		if err != nil || len(history) != 1 || history[0].Seq != entry.Seq {
			t.Errorf("Journal{Event: %s} = %v, %v; want the import's entry #%d", c.ID, seqs(history), err, entry.Seq)
		}
	}
	s.check(t, st)
}

// testTwoStoresOnOneFile: what one store wrote is in the journal of the
// next store opened on the same investigation, as two processes taking
// turns, each attributed to its author.
func testTwoStoresOnOneFile(t *testing.T, s *suite) {
	if s.h.Reopen == nil {
		t.Skip("the harness cannot reopen a store")
	}
	st := s.seeded(t)
	author := st.Author()
	if _, err := Retag(st, []string{"fbi-tip"}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}
	mine := lastEntry(t, st)
	other := s.h.Reopen(t, st, "someone-else")
	if got := lastEntry(t, other); !reflect.DeepEqual(got, mine) {
		t.Errorf("the other store's newest entry:\n%+v\nwant the first's\n%+v", got, mine)
	}
	theirs, err := other.Write(model.OpTag, "theirs", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"theirs"}, nil))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if theirs.Author != "someone-else" || theirs.Seq != mine.Seq+1 {
		t.Errorf("the other store's entry: #%d by %q; want #%d by someone-else", theirs.Seq, theirs.Author, mine.Seq+1)
	}
	again := s.h.Reopen(t, other, author)
	history, err := again.Journal(model.JournalQuery{Event: "fbi-tip", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 2 || history[0].Author != "someone-else" || history[1].Author != author || history[0].Seq != theirs.Seq {
		t.Errorf("the history of fbi-tip, read back: %+v", history)
	}
	if tags := StoredEvent(t, again, "fbi-tip").Tags; !slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
		t.Errorf("tags %q; want both stores'", tags)
	}
}

// testImportRefusesTrashedIDs: an import that brings an event whose id is
// in the trash is refused whole, in one transaction and in bulk, so that
// no event is ever on the timeline and in the trash at once.
func testImportRefusesTrashedIDs(t *testing.T, s *suite) {
	for _, bulk := range []bool{false, true} {
		st := s.empty(t)
		Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
		for _, id := range []string{"fbi-tip", "nso-denial"} {
			if _, err := st.Write(model.OpDelete, "deleted", func(tx model.Tx) error { return tx.TrashEvent(id) }); err != nil {
				t.Fatal(err)
			}
		}
		before, _ := st.Count(model.Query{})
		_, err := st.Import([]model.Input{NativeInput("timeline.example.json", ExampleDoc(t))}, model.ImportOptions{Bulk: bulk})
		// Each trashed id is named, at its place in the file.
		var ps *model.Problems
		if !errors.As(err, &ps) || ps.Len() != 2 {
			t.Fatalf("bulk %v: import of trashed ids: %v, want a problem for each", bulk, err)
		}
		for i, id := range []string{"fbi-tip", "nso-denial"} {
			p := ps.List[i]
			if p.ID != id || p.Line == 0 || !strings.Contains(p.Msg, "in the trash: to keep it deleted, import with --skip-trashed (or take it out of the file); to have the file update it, restore it first (chrono restore "+id+")") {
				t.Errorf("bulk %v: problem %d: %+v", bulk, i+1, p)
			}
		}
		if after, _ := st.Count(model.Query{}); after != before {
			t.Errorf("bulk %v: the refused import changed the count from %d to %d", bulk, before, after)
		}
		if trash, _ := st.Trash(); len(trash) != 2 {
			t.Errorf("bulk %v: the trash holds %d events, want 2", bulk, len(trash))
		}
		// Told to skip them, the import updates the rest and leaves the
		// trash as it was.
		doc := bytes.Replace(ExampleDoc(t), []byte(`"title": "Apple sues NSO Group"`), []byte(`"title": "Apple sues NSO Group in California"`), 1)
		res, err := st.Import([]model.Input{NativeInput("timeline.example.json", doc)}, model.ImportOptions{Bulk: bulk, SkipTrashed: true})
		if err != nil || len(res) != 1 || res[0].InTrash != 2 || res[0].Updated != 1 {
			t.Fatalf("bulk %v: import skipping the trashed: %+v, %v", bulk, res, err)
		}
		if after, _ := st.Count(model.Query{}); after != before {
			t.Errorf("bulk %v: the import skipping the trashed changed the count from %d to %d", bulk, before, after)
		}
		trash, _ := st.Trash()
		if len(trash) != 2 {
			t.Errorf("bulk %v: after skipping, the trash holds %d events, want 2", bulk, len(trash))
		}
		for _, tr := range trash {
			if _, err := st.Event(tr.Event.ID); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("bulk %v: %s is on the timeline and in the trash: %v", bulk, tr.Event.ID, err)
			}
		}
	}
}
