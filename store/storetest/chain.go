package storetest

import (
	"testing"
	"time"

	"chrono/model"
)

// testEveryWriteExtendsTheChain: the journal is a hash chain that holds
// after every kind of write (imports, bulk or not, edits, tags, notes,
// sources, the header, deleting, restoring, purging, undoing and
// reverting), each entry linking to the one before it and its hash being
// the chain's new head.
func testEveryWriteExtendsTheChain(t *testing.T, s *suite) {
	st := s.empty(t)
	v, ok := st.(model.JournalVerifier)
	if !ok {
		t.Fatalf("%T is not a model.JournalVerifier: its journal cannot be verified", st)
	}
	head := model.ChainHead{}
	assertHolds := func(t *testing.T, what string, wantSeq uint64) {
		t.Helper()
		r, err := v.VerifyJournal()
		if err != nil {
			t.Fatalf("after %s: VerifyJournal: %v", what, err)
		}
		if !r.OK() {
			t.Fatalf("after %s: the chain breaks: %+v", what, *r.Break)
		}
		last := lastEntry(t, st)
		if last.Seq != wantSeq || r.Head.Seq != wantSeq || r.Entries != wantSeq {
			t.Fatalf("after %s: newest entry #%d, head #%d of %d entries; want #%d", what, last.Seq, r.Head.Seq, r.Entries, wantSeq)
		}
		if len(last.Hash) != 64 || last.Hash != r.Head.Hash {
			t.Errorf("after %s: entry #%d has hash %q, the chain's head is %q", what, last.Seq, last.Hash, r.Head.Hash)
		}
		wantPrev := head.Hash
		if wantPrev == "" {
			wantPrev = zeroHash
		}
		if last.Prev != wantPrev {
			t.Errorf("after %s: entry #%d links to %q; the head before it was %q", what, last.Seq, last.Prev, wantPrev)
		}
		got, err := st.Entry(last.Seq)
		if err != nil {
			t.Fatal(err)
		}
		if got.Hash != last.Hash || got.Prev != last.Prev {
			t.Errorf("after %s: Entry(%d) has hash %q and link %q, Journal gives %q and %q", what, last.Seq, got.Hash, got.Prev, last.Hash, last.Prev)
		}
		head = r.Head
	}
	r, err := v.VerifyJournal()
	if err != nil || !r.OK() || r.Entries != 0 || r.Head != (model.ChainHead{}) {
		t.Fatalf("an empty journal: %+v, %v; want no entries and an empty head", r, err)
	}

	seq := uint64(0)
	step := func(what string, write func() (model.Entry, error)) {
		t.Helper()
		e, err := write()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		seq++
		if e.Seq != 0 && (e.Seq != seq || e.Hash == "" || e.Hash != lastEntry(t, st).Hash) {
			t.Errorf("%s returned entry #%d with hash %q; want #%d as stored", what, e.Seq, e.Hash, seq)
		}
		assertHolds(t, what, seq)
	}
	imp := func(opts model.ImportOptions, inputs ...model.Input) func() (model.Entry, error) {
		return func() (model.Entry, error) {
			_, err := st.Import(inputs, opts)
			return model.Entry{}, err
		}
	}
	write := func(op model.Op, fn func(tx model.Tx) error) func() (model.Entry, error) {
		return func() (model.Entry, error) { return st.Write(op, string(op), fn) }
	}
	step("an import", imp(model.ImportOptions{}, NativeInput("timeline.example.json", ExampleDoc(t))))
	step("a bulk import", imp(model.ImportOptions{Bulk: true}, NativeInput("extra.json", []byte(ExtraDoc))))
	step("a tag", write(model.OpTag, func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"checked"}, nil))
		return err
	}))
	step("a note", write(model.OpNote, func(tx model.Tx) error {
		_, err := model.AddNoteTo(tx, "fbi-tip", model.Note{Text: "called back", At: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
		return err
	}))
	step("a source", write(model.OpSource, func(tx model.Tx) error {
		_, err := model.AddSource(tx, model.Source{ID: "chain-source", Title: "A source"})
		return err
	}))
	step("the header", write(model.OpTitle, func(tx model.Tx) error {
		return model.SetHeader(tx, model.Header{Title: "Chained"})
	}))
	step("a delete", write(model.OpDelete, func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{"mid-august", "undated-aside"})
		return err
	}))
	step("a restore", write(model.OpRestore, func(tx model.Tx) error {
		return model.RestoreEvents(tx, []string{"mid-august"})
	}))
	step("an undo", func() (model.Entry, error) { return model.Undo(st) })
	step("a purge", write(model.OpPurge, func(tx model.Tx) error {
		_, err := model.PurgeEvents(tx, []string{"undated-aside"})
		return err
	}))
	step("a revert", func() (model.Entry, error) {
		e, err := st.Entry(3)
		if err != nil {
			return e, err
		}
		return model.Revert(st, e)
	})
	step("an import that updates", imp(model.ImportOptions{}, NativeInput("new.json", []byte(NewEvents))))
	s.check(t, st)
}

// zeroHash is the link of a chain's first entry.
const zeroHash = "0000000000000000000000000000000000000000000000000000000000000000"
