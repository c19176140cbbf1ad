package journalform

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

func TestHash(t *testing.T) {
	prev := bytes.Repeat([]byte{7}, HashSize)
	body := []byte(`{"seq":3}`)
	seq := binary.BigEndian.AppendUint64(nil, 3)
	sum := func(parts ...[]byte) []byte {
		h := sha256.Sum256(bytes.Join(parts, nil))
		return h[:]
	}
	for _, c := range []struct {
		name string
		seq  uint64
		form model.ChainForm
		want []byte
	}{
		{"records: number, form byte, link, body", 3, model.FormRecords, sum(seq, []byte{2}, prev, body)},
		{"JSON: number, link, body", 3, model.FormJSON, sum(seq, prev, body)},
		{"another number, another hash", 4, model.FormJSON, sum(binary.BigEndian.AppendUint64(nil, 4), prev, body)},
	} {
		got, err := Hash(c.seq, c.form, prev, body)
		if err != nil || !bytes.Equal(got, c.want) {
			t.Errorf("%s: %x, %v; want %x", c.name, got, err, c.want)
		}
	}
	if _, err := Hash(3, 9, prev, body); !errors.Is(err, model.ErrDamaged) {
		t.Errorf("an unknown form: %v, want ErrDamaged", err)
	}
}

// entries are entries of each kind a journal holds.
func entries(t testing.TB) []model.Entry {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	before := model.Event{ID: "a", Title: "Before", Tags: []string{"x"}}
	after := model.Event{ID: "a", Title: "After \x1b[31m", Tags: []string{"x", "y"}}
	tag := model.Entry{Seq: 2, At: at, Author: "ana", Op: model.OpTag, Phrase: "tagged #y on 1 event",
		Events: []model.EventChange{{ID: "a", Before: &before, After: &after, From: model.OnTimeline, To: model.OnTimeline}}}
	title := model.Entry{Seq: 3, At: at, Author: "bo", Op: model.OpTitle, Phrase: "titled",
		Header: &model.HeaderChange{After: model.Header{Title: "Bags of cash"}}, Reverts: 1}
	// Enough added events that their records are compressed.
	imp := model.Entry{Seq: 1, At: at, Author: "ana", Op: model.OpImport, Phrase: "imported",
		Sources: []model.SourceChange{{ID: "wapo", After: &model.Source{ID: "wapo", Title: "The Washington Post"}}}}
	for i := range 5000 {
		imp.Events = append(imp.Events, model.EventChange{ID: fmt.Sprintf("event-%04d", i), To: model.OnTimeline})
	}
	imp.Events = append(imp.Events, model.EventChange{ID: "a", Before: &before, After: &after, From: model.OnTimeline, To: model.OnTimeline})
	// Added with the fingerprint of what was stored, and updated with it.
	imp.Events = append(imp.Events, model.EventChange{ID: "written", To: model.OnTimeline, Written: "0123456789abcdef"},
		model.EventChange{ID: "b", Before: &before, From: model.OnTimeline, To: model.OnTimeline, Written: "fedcba9876543210"})
	return []model.Entry{imp, tag, title}
}

// withoutWritten is e as Events reads it: each change's Written left out.
func withoutWritten(e model.Entry) model.Entry {
	e.Events = slices.Clone(e.Events)
	for i := range e.Events {
		e.Events[i].Written = ""
	}
	return e
}

// bodies returns e in each form.
// recordParts is e written as records and split again.
func recordParts(t testing.TB, e *model.Entry) Parts {
	t.Helper()
	body, err := Records(e)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Split(e.Seq, model.FormRecords, body)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func bodies(t testing.TB, e model.Entry) map[model.ChainForm][]byte {
	t.Helper()
	rec, err := Records(&e)
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(&e)
	if err != nil {
		t.Fatal(err)
	}
	return map[model.ChainForm][]byte{model.FormRecords: rec, model.FormJSON: j}
}

func asJSON(t testing.TB, v any) string {
	t.Helper()
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

// TestDecodeEachForm: an entry reads back as it was from either form,
// whole, its first events alone, or one event's change alone.
func TestDecodeEachForm(t *testing.T) {
	for _, e := range entries(t) {
		for form, body := range bodies(t, e) {
			name := fmt.Sprintf("entry #%d in form %d", e.Seq, form)
			e := withoutWritten(e) // the store's check's alone (EachEvent)
			got, err := Decode(e.Seq, form, body)
			if err != nil || asJSON(t, got) != asJSON(t, e) {
				t.Errorf("%s: %v\n got %.300s\nwant %.300s", name, err, asJSON(t, got), asJSON(t, e))
				continue
			}
			p, err := Split(e.Seq, form, body)
			if err != nil || p.N() != len(e.Events) {
				t.Fatalf("%s: split %v, %d events", name, err, p.N())
			}
			head, err := p.Head()
			if err != nil || head.Phrase != e.Phrase || head.Events != nil {
				t.Errorf("%s: head %+v, %v", name, head, err)
			}
			known, err := SplitKnown(e.Seq, form, body, len(e.Events))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []Parts{p, known} {
				all := head
				if err := p.Events(&all, ""); err != nil || asJSON(t, all) != asJSON(t, e) {
					t.Errorf("%s: all its events: %v", name, err)
				}
				if len(e.Events) < 2 {
					continue
				}
				some := head
				if err := p.SomeEvents(&some, 1); err != nil || len(some.Events) != 1 || some.Events[0].ID != e.Events[0].ID || some.Touched != len(e.Events) {
					t.Errorf("%s: the first event alone: %v, %+v touched %d", name, err, some.Events, some.Touched)
				}
				one := head
				if err := p.Events(&one, "a"); err != nil || len(one.Events) != 1 || one.Events[0].After.Title != "After \x1b[31m" || one.Touched != len(e.Events) {
					t.Errorf("%s: event a alone: %v, %+v touched %d", name, err, one.Events, one.Touched)
				}
			}
			if form == model.FormJSON {
				wrong, _ := SplitKnown(e.Seq, form, body, len(e.Events)+1)
				if err := wrong.Events(&model.Entry{}, ""); !errors.Is(err, model.ErrDamaged) {
					t.Errorf("%s: read as holding one event more: %v, want ErrDamaged", name, err)
				}
			}
		}
	}
}

// TestDamagedBodies: a body cut anywhere, or in an unknown form, is an
// error that says which entry and is model.ErrDamaged; never a panic.
func TestDamagedBodies(t *testing.T) {
	e := entries(t)[1]
	for form, body := range bodies(t, e) {
		for n := range len(body) {
			_, err := Decode(e.Seq, form, body[:n])
			if !errors.Is(err, model.ErrDamaged) || !strings.Contains(fmt.Sprint(err), "journal entry #2") {
				t.Fatalf("form %d cut to %d bytes: %v, want ErrDamaged naming entry #2", form, n, err)
			}
		}
	}
	rec := bodies(t, e)[model.FormRecords]
	p, err := Split(2, model.FormRecords, rec)
	if err != nil {
		t.Fatal(err)
	}
	unknownKind := bytes.Clone(rec)
	unknownKind[len(rec)-len(p.events)] = 'z'
	for _, c := range []struct {
		name string
		body []byte
	}{
		{"a byte after the last event", append(bytes.Clone(rec), 'c')},
		{"an unknown compression flag", append([]byte{5}, rec[1:]...)},
		{"a record of an unknown kind", unknownKind},
	} {
		if _, err := Decode(2, model.FormRecords, c.body); !errors.Is(err, model.ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", c.name, err)
		}
	}
	if _, err := Decode(2, 1, rec); !errors.Is(err, model.ErrDamaged) {
		t.Errorf("form 1: %v, want ErrDamaged", err)
	}
}

// chain returns entries stored in alternating forms, chained.
func chain(t testing.TB) []model.StoredEntry {
	var out []model.StoredEntry
	prev := ZeroHash
	for i, e := range entries(t) {
		e.Seq = uint64(i + 1)
		form := model.FormRecords
		if i%2 == 1 {
			form = model.FormJSON
		}
		body := bodies(t, e)[form]
		hash, err := Hash(e.Seq, form, prev, body)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, model.StoredEntry{Seq: e.Seq, Form: form, Body: body, Hash: hash, Prev: prev})
		prev = hash
	}
	return out
}

func TestWalk(t *testing.T) {
	intact := chain(t)
	for _, c := range []struct {
		name  string
		alter func(es []model.StoredEntry) []model.StoredEntry
		seq   uint64
		fault model.ChainFault
	}{
		{"intact", func(es []model.StoredEntry) []model.StoredEntry { return es }, 0, ""},
		{"a body altered", func(es []model.StoredEntry) []model.StoredEntry {
			es[1].Body = bytes.Replace(es[1].Body, []byte("ana"), []byte("eve"), 1)
			return es
		}, 2, model.ChainContent},
		{"a body altered and hashed again", func(es []model.StoredEntry) []model.StoredEntry {
			es[1].Body = bytes.Replace(es[1].Body, []byte("ana"), []byte("eve"), 1)
			es[1].Hash, _ = Hash(2, es[1].Form, es[1].Prev, es[1].Body)
			return es
		}, 3, model.ChainLink},
		{"moved under another form", func(es []model.StoredEntry) []model.StoredEntry {
			es[0].Form = model.FormJSON
			return es
		}, 1, model.ChainContent},
		{"an entry removed", func(es []model.StoredEntry) []model.StoredEntry { return append(es[:1], es[2:]...) }, 2, model.ChainMissing},
		{"the first removed", func(es []model.StoredEntry) []model.StoredEntry { return es[1:] }, 1, model.ChainMissing},
		{"an unknown form", func(es []model.StoredEntry) []model.StoredEntry {
			es[2].Form = 9
			return es
		}, 3, model.ChainUnreadable},
		{"a short hash", func(es []model.StoredEntry) []model.StoredEntry {
			es[0].Hash = es[0].Hash[:8]
			return es
		}, 1, model.ChainUnreadable},
	} {
		es := c.alter(chain(t))
		var w Walk
		for _, e := range es {
			if !w.Next(e) {
				break
			}
		}
		r := w.Report()
		switch {
		case c.fault == "" && (!r.OK() || r.Entries != 3 || r.Head.Hash != hex.EncodeToString(intact[2].Hash)):
			t.Errorf("%s: %+v", c.name, r)
		case c.fault != "" && (r.OK() || r.Break.Seq != c.seq || r.Break.Fault != c.fault):
			t.Errorf("%s: %+v, want a %s break at #%d", c.name, r, c.fault, c.seq)
		}
		n, err := Copy(seq(es), func(model.StoredEntry, *model.Entry) error { return nil })
		if c.fault == "" && (err != nil || n != 3) || c.fault != "" && (!errors.Is(err, model.ErrDamaged) || n != r.Entries) {
			t.Errorf("%s: Copy put %d, %v", c.name, n, err)
		}
	}
}

// TestNextLettingGo: a walk that lets go of each entry's pages as it
// hashes them finds what Next finds, and is told after each piece of
// every bytes of a body and after the last.
func TestNextLettingGo(t *testing.T) {
	altered := chain(t)
	altered[0].Body = bytes.Clone(altered[0].Body)
	altered[0].Body[len(altered[0].Body)/2] ^= 1
	for name, es := range map[string][]model.StoredEntry{"intact": chain(t), "a body altered": altered} {
		var w, by Walk
		calls, want := 0, 0
		for _, e := range es {
			ok := w.Next(e)
			if by.NextLettingGo(e, 1000, func() { calls++ }) != ok {
				t.Fatalf("%s: entry #%d held %v with Next, not with NextLettingGo", name, e.Seq, ok)
			}
			want += (len(e.Body) + 999) / 1000
			if !ok {
				break
			}
		}
		if r, got := w.Report(), by.Report(); asJSON(t, r) != asJSON(t, got) || calls != want {
			t.Errorf("%s: %+v after %d calls, want %+v after %d", name, got, calls, r, want)
		}
	}
}

func seq(es []model.StoredEntry) iter.Seq2[model.StoredEntry, error] {
	return func(yield func(model.StoredEntry, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// FuzzDecode: no body, in either form, makes reading it panic, and one
// that reads back whole reads back alike through its parts.
func FuzzDecode(f *testing.F) {
	for _, e := range entries(f)[1:] {
		for form, body := range bodies(f, e) {
			f.Add(byte(form), body)
		}
	}
	f.Fuzz(func(t *testing.T, form byte, body []byte) {
		e, err := Decode(5, model.ChainForm(form), body)
		if err != nil {
			if !errors.Is(err, model.ErrDamaged) {
				t.Fatalf("an error that is not ErrDamaged: %v", err)
			}
			return
		}
		p, err := Split(5, model.ChainForm(form), body)
		if err != nil {
			t.Fatalf("decoded whole, but not split: %v", err)
		}
		some, _ := p.Head()
		if err := p.SomeEvents(&some, 1); err != nil {
			t.Fatalf("decoded whole, but not its first event: %v", err)
		}
		if len(e.Events) > 0 && (len(some.Events) != 1 || some.Events[0].ID != e.Events[0].ID) {
			t.Fatalf("its first event %+v, whole %+v", some.Events, e.Events[0])
		}
	})
}

// TestWalkAllocatesNothingAnEntry: every write walks the whole journal,
// so the walk allocates what it needs once, not at each entry (it made
// a digest, a sum and the head's hash in hex for each).
func TestWalkAllocatesNothingAnEntry(t *testing.T) {
	const n = 100
	es := make([]model.StoredEntry, n)
	prev := ZeroHash
	for i := range es {
		seq := uint64(i + 1)
		body := []byte(fmt.Sprintf(`{"seq":%d}`, seq))
		hash, err := Hash(seq, model.FormJSON, prev, body)
		if err != nil {
			t.Fatal(err)
		}
		es[i] = model.StoredEntry{Seq: seq, Form: model.FormJSON, Body: body, Hash: hash, Prev: prev}
		prev = hash
	}
	var r model.ChainReport
	allocs := testing.AllocsPerRun(10, func() {
		var w Walk
		for _, e := range es {
			w.Next(e)
		}
		r = w.Report()
	})
	if !r.OK() || r.Entries != n {
		t.Fatalf("the walk: %+v", r)
	}
	if allocs > 5 {
		t.Errorf("a walk of %d entries made %v allocations; want a few, not some for each entry", n, allocs)
	}
}

// TestEachEvent: EachEvent gives the events Events reads, in order, and
// for an entry damaged after its first events gives none of them.
func TestEachEvent(t *testing.T) {
	for _, e := range entries(t) {
		for form, body := range bodies(t, e) {
			p, err := Split(e.Seq, form, body)
			if err != nil {
				t.Fatal(err)
			}
			var got []model.EventChange
			err = p.EachEvent(func(c *model.EventChange) error { got = append(got, *c); return nil })
			if err != nil || asJSON(t, got) != asJSON(t, e.Events) {
				t.Errorf("entry #%d in form %d: %v\n got %.300s\nwant %.300s", e.Seq, form, err, asJSON(t, got), asJSON(t, e.Events))
			}
		}
	}
	e := entries(t)[1]
	rec := append(bodies(t, e)[model.FormRecords], 'c') // a byte after the last event
	p, err := Split(e.Seq, model.FormRecords, rec)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	if err := p.EachEvent(func(*model.EventChange) error { calls++; return nil }); !errors.Is(err, model.ErrDamaged) || calls != 0 {
		t.Errorf("a byte after the last event: %v after %d events, want ErrDamaged and none", err, calls)
	}
}

// TestEventsKeepAMovedVersionOnce: an event moved to the trash and not
// changed is read back with one version for before and after, as the
// write held it; a redo of an undone import reads a million of them.
// An event changed keeps both.
func TestEventsKeepAMovedVersionOnce(t *testing.T) {
	moved := &model.Event{ID: "a", Title: "A", Tags: []string{"x"}}
	before, after := &model.Event{ID: "b", Title: "B"}, &model.Event{ID: "b", Title: "B, retitled"}
	e := model.Entry{Seq: 4, Op: model.OpUndo, Phrase: "undid #3", Events: []model.EventChange{
		{ID: "a", From: model.OnTimeline, To: model.InTrash, Before: moved, After: moved},
		{ID: "b", From: model.OnTimeline, To: model.OnTimeline, Before: before, After: after},
	}}
	p := recordParts(t, &e)
	var got model.Entry
	if err := p.Events(&got, ""); err != nil || len(got.Events) != 2 {
		t.Fatalf("%d events, %v", len(got.Events), err)
	}
	if a := got.Events[0]; a.After != a.Before || a.Before.Title != "A" {
		t.Errorf("the moved event: before %p %+v, after %p", a.Before, a.Before, a.After)
	}
	if b := got.Events[1]; b.After == b.Before || b.After.Title != "B, retitled" {
		t.Errorf("the edited event: before %+v, after %+v", b.Before, b.After)
	}
}

// TestEachEventReadsTheRecordsAPieceAtATime: an entry's events are
// read back as their records are uncompressed, a record at a time: what
// EachEvent holds while it calls fn is a record and the buffers that
// read it, not the records whole. A redo of an undone import of 200,000
// events reads 382 MB of them, of a million, gigabytes.
func TestEachEventReadsTheRecordsAPieceAtATime(t *testing.T) {
	const events, size = 1000, 8 << 10
	e := undoEntry(events, size)
	p := recordParts(t, &e)
	e.Events = nil
	if !p.compressed {
		t.Fatal("the records are not compressed")
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(p.events)))
	if err != nil {
		t.Fatal(err)
	}
	uncompressed := uint64(len(raw))
	raw = nil
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var held uint64
	calls := 0
	err = p.EachEvent(func(c *model.EventChange) error {
		if calls++; calls%100 == 1 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			held = max(held, ms.HeapAlloc-min(base, ms.HeapAlloc))
		}
		return nil
	})
	if err != nil || calls != events+1 {
		t.Fatalf("%d events, %v", calls, err)
	}
	// A record is some 16 KB here (its version before and after), the
	// buffers that read it some 100 KB: 1 MiB is a sixteenth of the
	// records, which were held whole.
	if held > 1<<20 {
		t.Errorf("reading %d bytes of records held %d bytes, want no more than %d", uncompressed, held, 1<<20)
	}
}

// TestEachEventDamagedAsEvents: for records cut, changed or followed by
// more, or fewer or more of them than the head says, EachEvent gives the
// error Events gives, and calls fn with none, though it reads them as
// they are uncompressed where Events uncompresses them whole first.
func TestEachEventDamagedAsEvents(t *testing.T) {
	for _, e := range []model.Entry{entries(t)[0], entries(t)[1], undoEntry(3, 40), undoEntry(300, 60)} {
		body := bodies(t, e)[model.FormRecords]
		whole, err := Split(e.Seq, model.FormRecords, body)
		if err != nil {
			t.Fatal(err)
		}
		start := len(body) - len(whole.events)
		var damaged []Parts
		// Every byte of a short entry, a few hundred places of a long one.
		step := max(1, len(whole.events)/300)
		for n := start; n < len(body); n += step {
			if p, err := Split(e.Seq, model.FormRecords, body[:n]); err == nil {
				damaged = append(damaged, p)
			}
			changed := bytes.Clone(body)
			changed[n] ^= 0x5a
			if p, err := Split(e.Seq, model.FormRecords, changed); err == nil {
				damaged = append(damaged, p)
			}
		}
		if p, err := Split(e.Seq, model.FormRecords, append(bytes.Clone(body), 'c')); err == nil {
			damaged = append(damaged, p)
		}
		fewer, more := whole, whole
		fewer.n--
		more.n++
		damaged = append(damaged, fewer, more)
		for i, p := range damaged {
			var read model.Entry
			want := p.Events(&read, "")
			calls := 0
			got := p.EachEvent(func(*model.EventChange) error { calls++; return nil })
			if fmt.Sprint(got) != fmt.Sprint(want) || got != nil && calls != 0 {
				t.Fatalf("entry #%d, damaged body %d (%d of %d bytes): EachEvent gave %v after %d events, Events %v",
					e.Seq, i, len(p.events), len(whole.events), got, calls, want)
			}
		}
	}
}
