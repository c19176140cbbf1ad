package storetest

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"chrono/model"
)

// longTitle is a title as long as a line may be, of varied words, so
// that no store can compress it into its index.
func longTitle(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	words := []string{"the", "ministry", "said", "offshore", "payment", "denied", "déjà", "调查", "contract", "on", "a"}
	b := []byte("A headline as long as a line: ")
	for len(b) < n {
		b = append(append(b, words[r.IntN(len(words))]...), ' ')
	}
	return string(b[:n])
}

// testLongTitles: events whose titles are as long as a line may be
// (model.MaxLineBytes) are stored, in one transaction and in bulk, and
// kept in the chronology's order, including two whose titles agree in
// their first kilobytes, and a linked pair; tagging one moves it in the
// tags' index.
func testLongTitles(t *testing.T, s *suite) {
	long := longTitle(1, model.MaxLineBytes)
	same := long[:4000] + longTitle(2, 4000)
	doc, err := json.Marshal(map[string]any{"chrono": 1, "events": []any{
		map[string]any{"id": "long", "date": "2017-08", "title": long, "tags": []string{"key"}},
		map[string]any{"id": "also-long", "date": "2017-08", "title": same},
		map[string]any{"id": "short", "date": "2017-08", "title": "A short one"},
		map[string]any{"id": "later", "date": "2017", "title": longTitle(3, 10000),
			"links": []any{map[string]any{"rel": "precedes", "event": "earlier"}}},
		map[string]any{"id": "earlier", "date": "2017", "title": longTitle(4, 20000)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	events := ReadEvents(t, doc)
	var want []string
	for _, p := range model.Order(events).Events {
		want = append(want, p.Event.ID)
	}
	for _, bulk := range []bool{false, true} {
		st := s.empty(t)
		if _, err := st.Import([]model.Input{NativeInput("long.json", doc)}, model.ImportOptions{Bulk: bulk}); err != nil {
			t.Fatalf("bulk %v: %v", bulk, err)
		}
		if got := IDs(AllEvents(t, st)); !slices.Equal(got, want) {
			t.Errorf("bulk %v: timeline order\n got %q\nwant %q", bulk, got, want)
		}
		if got := StoredEvent(t, st, "long"); got.Title != long {
			t.Errorf("bulk %v: the long title came back as %d bytes", bulk, len(got.Title))
		}
		if _, err := Retag(st, []string{"long", "also-long"}, []string{"checked"}, nil); err != nil {
			t.Fatalf("bulk %v: tagging: %v", bulk, err)
		}
		s.checkViews(t, st, AllEvents(t, st))
		s.check(t, st)
	}
}

// testActorsAsLongAsStoresKey: an actor's name as long as the model
// allows (model.MaxActorBytes), of varied words, is stored and counted
// by every store; one longer is refused by the import, which changes
// nothing.
func testActorsAsLongAsStoresKey(t *testing.T, s *suite) {
	st := s.empty(t)
	name := longTitle(5, model.MaxActorBytes)
	doc := func(actor string) []byte {
		d, err := json.Marshal(map[string]any{"chrono": 1, "events": []any{
			map[string]any{"id": "named", "date": "2017-08", "title": "Named", "actors": []string{actor}},
		}})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	Import(t, st, NativeInput("actor.json", doc(name)))
	if got := StoredEvent(t, st, "named").Actors; !slices.Equal(got, []string{name}) {
		t.Errorf("actors stored: %d names", len(got))
	}
	s.checkViews(t, st, AllEvents(t, st))
	if _, err := st.Import([]model.Input{NativeInput("longer.json", doc(name+"x"))}, model.ImportOptions{}); err == nil {
		t.Error("an actor past model.MaxActorBytes was imported")
	}
	if got := StoredEvent(t, st, "named").Actors; !slices.Equal(got, []string{name}) {
		t.Error("the refused import changed the event")
	}
	s.check(t, st)
}
