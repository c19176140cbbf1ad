package bolt

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestCheckFindsAnEventAlteredInPlace: an event's stored bytes changed in
// the file, their length kept, leave every page, value and index sound;
// the check finds them against what the latest journal entry that
// touched the event left (its version, or an import's fingerprint of
// it), or, once chrono wrote the event again, against what the next
// entry found; it names the event and the entry, and says where to see
// the version the journal holds. Events as chrono wrote them check
// clean, whichever way the import went.
func TestCheckFindsAnEventAlteredInPlace(t *testing.T) {
	const (
		edited    = "apple-sues-nso"
		trashed   = "khashoggi-killed"
		imported  = "lieu-interview"
		reimport  = "fbi-tip"
		reSummary = "By Miller's account, he reported"
	)
	// setup imports the fixture (#1), edits an event (#2), moves one to
	// the trash (#3) and imports the example again with one event's
	// summary changed (#4).
	setup := func(t *testing.T, s *Store, bulk bool) {
		doc := storetest.ExampleDoc(t)
		inputs := []model.Input{storetest.NativeInput("timeline.example.json", doc), storetest.NativeInput("extra.json", []byte(storetest.ExtraDoc))}
		if _, err := s.Import(inputs, model.ImportOptions{Bulk: bulk}); err != nil {
			t.Fatal(err)
		}
		e := storedEvent(t, s, edited)
		after := e
		after.Summary = "Apple files suit against NSO Group in California."
		if _, _, err := (model.SaveEvent{Base: &e, Event: after}).Apply(s); err != nil {
			t.Fatal(err)
		}
		if _, _, err := (model.Trash{Events: []string{trashed}}).Apply(s); err != nil {
			t.Fatal(err)
		}
		changed := bytes.Replace(doc, []byte(reSummary), []byte("By Miller's account, he reports"), 1)
		if bytes.Equal(changed, doc) {
			t.Fatalf("%q is not in the example", reSummary)
		}
		if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", changed)}, model.ImportOptions{Bulk: bulk, SkipTrashed: true}); err != nil {
			t.Fatal(err)
		}
	}
	// inPlace changes the first old in the value at key to new, of the
	// same length.
	inPlace := func(t *testing.T, bk interface {
		Get([]byte) []byte
		Put([]byte, []byte) error
	}, key []byte, old, new string) error {
		v := bk.Get(key)
		if len(old) != len(new) || !bytes.Contains(v, []byte(old)) {
			t.Fatalf("%q is not in the value, or %q is not as long", old, new)
		}
		return bk.Put(key, bytes.Replace(bytes.Clone(v), []byte(old), []byte(new), 1))
	}
	for _, c := range []struct {
		name   string
		change func(t *testing.T, b buckets) error
		then   func(t *testing.T, s *Store) // a write after the change
		event  string
		want   string // in the mismatch; "" for none
	}{
		{"untouched", func(*testing.T, buckets) error { return nil }, nil, "", ""},
		{"an edited event's summary, a letter changed", func(t *testing.T, b buckets) error {
			return inPlace(t, b.events, b.ids.Get([]byte(edited)), "files suit", "filed suit")
		}, nil, edited, "its stored bytes are not the version journal entry #2 left: they were changed outside chrono; chrono log apple-sues-nso shows the version the journal holds"},
		{"a trashed event's title, a letter changed", func(t *testing.T, b buckets) error {
			return inPlace(t, b.trash, []byte(trashed), "killed", "kilted")
		}, nil, trashed, "its stored bytes are not the version journal entry #3 left"},
		{"a trashed event taken out of the trash", func(t *testing.T, b buckets) error {
			return b.trash.Delete([]byte(trashed))
		}, nil, trashed, "journal entry #3 left the event in the trash, the store lacks it: it was removed outside chrono"},
		{"an imported event's summary, a letter changed", func(t *testing.T, b buckets) error {
			return inPlace(t, b.events, b.ids.Get([]byte(imported)), "interview", "interviex")
		}, nil, imported, "its stored bytes are not the version journal entry #1 left: they were changed outside chrono; chrono log lieu-interview shows the version the journal holds"},
		{"an event a second import updated, a letter changed", func(t *testing.T, b buckets) error {
			return inPlace(t, b.events, b.ids.Get([]byte(reimport)), "reports", "reporte")
		}, nil, reimport, "its stored bytes are not the version journal entry #4 left"},
		{"an imported event changed, then edited in chrono", func(t *testing.T, b buckets) error {
			return inPlace(t, b.events, b.ids.Get([]byte(imported)), "interview", "interviex")
		}, func(t *testing.T, s *Store) {
			e := storedEvent(t, s, imported)
			after := e
			after.Tags = append(after.Tags, "checked")
			if _, _, err := (model.SaveEvent{Base: &e, Event: after}).Apply(s); err != nil {
				t.Fatal(err)
			}
		}, imported, "journal entry #5 found the event otherwise than entry #1 left it: it was changed outside chrono between them; chrono log lieu-interview shows both versions"},
	} {
		for _, bulk := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, bulk %v", c.name, bulk), func(t *testing.T) {
				s := newEmptyStore(t)
				setup(t, s, bulk)
				if r, err := s.Check(); err != nil || !r.OK() {
					t.Fatalf("the store as chrono wrote it: %+v, %v", r.Mismatches, err)
				}
				s = damageRaw(t, s, func(b buckets) error { return c.change(t, b) })
				if c.then != nil {
					c.then(t, s)
				}
				r, err := s.Check()
				if err != nil {
					t.Fatal(err)
				}
				if c.want == "" {
					if !r.OK() {
						t.Errorf("found %+v, want nothing", r.Mismatches)
					}
					return
				}
				found := false
				for _, m := range r.Mismatches {
					if m.Where == "events" && m.Event == c.event && m.Altered && strings.Contains(m.What, c.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("found %+v\nwant an alteration of event %q saying %q", r.Mismatches, c.event, c.want)
				}
			})
		}
	}
}
