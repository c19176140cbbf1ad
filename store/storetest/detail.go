package storetest

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// testDetail checks, for every event, the sources it cites, its links in
// both directions and the titles of the linked events, against what the
// imported files say.
func testDetail(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := FixtureEvents(t)
	titles := map[string]string{}
	incoming := map[string][]model.Incoming{}
	for _, e := range events {
		titles[e.ID] = e.Title
		for _, l := range e.Links {
			incoming[l.Event] = append(incoming[l.Event], model.Incoming{From: e.ID, Rel: l.Rel})
		}
	}
	sources := map[string]bool{}
	stored, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range stored {
		sources[src.ID] = true
	}

	for _, e := range events {
		d, err := st.Detail(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Event, e) {
			t.Errorf("%s: Detail.Event = %+v\nwant %+v", e.ID, d.Event, e)
		}

		var cited []string
		for _, id := range append([]string{e.DateSource}, quoteSources(e)...) {
			if sources[id] {
				cited = append(cited, id)
			}
		}
		if got, want := slices.Sorted(maps.Keys(d.Sources)), slices.Compact(slices.Sorted(slices.Values(cited))); !slices.Equal(got, want) {
			t.Errorf("%s: Detail.Sources = %q, want %q", e.ID, got, want)
		}
		for id, src := range d.Sources {
			if src.ID != id {
				t.Errorf("%s: Detail.Sources[%q] is source %q", e.ID, id, src.ID)
			}
		}

		in := slices.Clone(incoming[e.ID])
		slices.SortFunc(in, func(a, b model.Incoming) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Rel, b.Rel)) })
		if want := model.Relations(&e, in); !slices.Equal(d.Related, want) {
			t.Errorf("%s: Detail.Related = %+v, want %+v", e.ID, d.Related, want)
		}
		for _, r := range d.Related {
			if d.Titles[r.Event] != titles[r.Event] {
				t.Errorf("%s: Detail.Titles[%s] = %q, want %q", e.ID, r.Event, d.Titles[r.Event], titles[r.Event])
			}
		}
	}

	// The call and the denial link to each other (disputed-by, disputes):
	// that shows once. The tip follows the call; the statement and the
	// rumour support it.
	d, err := st.Detail("nso-mobileum-call")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Relation{
		{Rel: model.DisputedBy, Event: "nso-denial"},
		{Rel: model.Precedes, Event: "fbi-tip"},
		{Rel: model.SupportedBy, Event: "tye-statement"},
		{Rel: model.SupportedBy, Event: "undated-rumour"},
	}
	if !slices.Equal(d.Related, want) {
		t.Errorf("nso-mobileum-call: Related = %+v, want %+v", d.Related, want)
	}
	if len(d.Trashed) != 0 {
		t.Errorf("nso-mobileum-call: Trashed = %v with nothing in the trash", d.Trashed)
	}

	// A linked event in the trash is named by the detail itself: its
	// title, where the link would otherwise lead to nothing.
	if _, err := st.Write(model.OpDelete, "", func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{"nso-denial"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if d, err = st.Detail("nso-mobileum-call"); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Titles["nso-denial"]; ok {
		t.Errorf("nso-mobileum-call: Titles names nso-denial, which is in the trash")
	}
	if got, want := d.Trashed, map[string]string{"nso-denial": titles["nso-denial"]}; !maps.Equal(got, want) {
		t.Errorf("nso-mobileum-call: Trashed = %q, want %q", got, want)
	}
}

func quoteSources(e model.Event) []string {
	var out []string
	for _, q := range e.Quotes {
		out = append(out, q.Source)
	}
	return out
}

// testDetailInOneRead checks what a Detail holds beside the event as of
// the store's state: the event's latest changes as the journal gives
// them, the snapshots of its sources as Snapshots lists them, and the
// store's version.
func testDetailInOneRead(t *testing.T, s *suite) {
	st := s.seeded(t)
	taken := time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)
	for _, text := range []string{"bags of cash", "plain"} {
		snap := model.Snapshot{Source: "wapo", MediaType: model.MediaText, Taken: taken, Origin: "stdin"}
		if _, err := st.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error {
			return tx.PutSnapshot(&snap, strings.NewReader(text), nil)
		}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range model.DetailHistory + 2 { // more changes than a Detail holds
		if _, err := st.Write(model.OpEdit, "retitled", func(tx model.Tx) error {
			e, err := tx.Event("fbi-tip")
			if err != nil {
				return err
			}
			e.Title = fmt.Sprintf("The tip, take %d", i)
			return tx.PutEvent(e)
		}); err != nil {
			t.Fatal(err)
		}
	}
	version, err := st.Version()
	if err != nil {
		t.Fatal(err)
	}
	snapped := 0
	for _, e := range FixtureEvents(t) {
		d, err := st.Detail(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		history, err := st.Journal(model.JournalQuery{Event: e.ID, Limit: model.DetailHistory})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.History, history) {
			t.Errorf("%s: Detail.History = %+v\nJournal gives %+v", e.ID, d.History, history)
		}
		want := map[string][]model.Snapshot{}
		for id := range d.Sources {
			listed, err := st.Snapshots(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(listed) > 0 {
				want[id] = listed
			}
		}
		if !reflect.DeepEqual(d.Snapshots, want) {
			t.Errorf("%s: Detail.Snapshots = %+v\nSnapshots gives %+v", e.ID, d.Snapshots, want)
		}
		snapped += len(d.Snapshots["wapo"])
		if d.Version != version {
			t.Errorf("%s: Detail.Version = %q, Version %q", e.ID, d.Version, version)
		}
	}
	if d, err := st.Detail("fbi-tip"); err != nil || len(d.History) != model.DetailHistory || d.History[0].Phrase != "retitled" {
		t.Errorf("fbi-tip: Detail.History = %+v, %v; want its %d latest changes", d.History, err, model.DetailHistory)
	}
	if snapped == 0 {
		t.Error("no event's Detail holds the snapshots of the source they were kept for")
	}
}
