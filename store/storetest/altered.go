package storetest

import (
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// testAlteredEventsAreNamed: an event's stored bytes changed behind the
// store's back, their length kept, are found by the comparison of the
// events with the journal (verify --journal's, and check --store's
// where the store has a check of its own), which names the event and
// the entry whose version or fingerprint it no longer is: an import's
// fingerprint, or an edit's version. Events as chrono wrote them compare
// clean, every one covered, whichever way the import went.
func testAlteredEventsAreNamed(t *testing.T, s *suite) {
	if s.h.AlterEvent == nil {
		t.Skip("the harness cannot alter a stored event behind the store's back")
	}
	const (
		imported = "apple-sues-nso"
		edited   = "lieu-interview"
	)
	eachWay(t, func(t *testing.T, bulk bool) {
		for _, c := range []struct {
			name, id, old, new string
			entry              int // the entry the event is no longer as it left it
		}{
			{"as imported", imported, "Apple filed suit", "Apple filed suet", 1},
			{"as edited", edited, "Lieu said so", "Lieu saiD so", 2},
		} {
			t.Run(c.name, func(t *testing.T) {
				st := s.empty(t)
				if _, ok := st.(model.EventsVerifier); !ok {
					t.Fatalf("%T cannot compare its events with its journal", st)
				}
				if _, err := st.Import([]model.Input{NativeInput("timeline.example.json", ExampleDoc(t))}, model.ImportOptions{Bulk: bulk}); err != nil {
					t.Fatal(err)
				}
				e := StoredEvent(t, st, edited)
				after := e
				after.Summary = "In an interview with the Post, Lieu said so."
				if _, _, err := (model.SaveEvent{Base: &e, Event: after}).Apply(st); err != nil {
					t.Fatal(err)
				}
				verified := func(st model.Store) model.CheckReport {
					t.Helper()
					r, err := st.(model.EventsVerifier).VerifyEvents()
					if err != nil {
						t.Fatal(err)
					}
					return r
				}
				if r := verified(st); !r.OK() || r.NotCovered != 0 || r.Events != 13 {
					t.Fatalf("the events as chrono wrote them: %+v; want all 13 compared, none differing", r)
				}
				st = s.h.AlterEvent(t, st, c.id, c.old, c.new)
				want := fmt.Sprintf("its stored bytes are not the version journal entry #%d left", c.entry)
				named := func(who string, r model.CheckReport) {
					t.Helper()
					for _, m := range r.Mismatches {
						if m.Event == c.id && m.Altered && strings.Contains(m.What, want) {
							return
						}
					}
					t.Errorf("%s: %+v\nwant event %q named as altered: %q", who, r.Mismatches, c.id, want)
				}
				named("VerifyEvents", verified(st))
				if chk, ok := st.(model.StoreChecker); ok {
					r, err := chk.Check()
					if err != nil {
						t.Fatal(err)
					}
					named("Check", r)
				}
			})
		}
	})
}

// CheckWritten fails t unless every event s holds is what the journal
// left it as, each compared: every write and import keeps what the
// comparison needs, and no write of chrono's reads as an alteration.
func CheckWritten(t testing.TB, s model.EventsVerifier) {
	t.Helper()
	r, err := s.VerifyEvents()
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.NotCovered != 0 {
		t.Errorf("the events against the journal: %d not compared, %+v", r.NotCovered, r.Mismatches)
	}
}
