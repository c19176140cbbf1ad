package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// deepTimeDoc is a cosmological timeline beside an investigation's years:
// deep time, an era, a year's significant digits, the years around 0 and
// 2017.
const deepTimeDoc = `{"chrono": 1, "events": [
  {"id": "gw170817", "date": "2017-08-17", "title": "Two neutron stars are heard merging"},
  {"id": "wheel", "date": "-3499", "title": "A wheeled vehicle is drawn"},
  {"id": "homo-sapiens", "date": "Y-314999", "title": "Homo sapiens appears"},
  {"id": "paleozoic", "date": "Y-538799999/Y-251901999", "title": "Paleozoic era"},
  {"id": "big-bang", "date": "Y-13799999999", "title": "The Big Bang"},
  {"id": "big-bang-estimate", "date": "Y-138E8S3", "title": "The Big Bang, to three digits"},
  {"id": "recombination", "date": "Y-13799629999", "title": "The dark ages"},
  {"id": "solar-system", "date": "Y-4599999999~", "title": "The Solar System forms"},
  {"id": "far-future", "date": "Y100000000000", "title": "As far as chrono goes"}
]}`

// testDeepTime: years of deep time keep their order in the store's index,
// and every view, window, period and count of them agrees with the model.
func testDeepTime(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("deep.json", []byte(deepTimeDoc)))
	want := []string{
		"big-bang-estimate", "big-bang", "recombination", "solar-system", "paleozoic",
		"homo-sapiens", "wheel", "gw170817", "far-future",
	}
	if got := IDs(AllEvents(t, st)); !slices.Equal(got, want) {
		t.Errorf("timeline order:\n got %q\nwant %q", got, want)
	}
	events := ReadEvents(t, []byte(deepTimeDoc))
	s.checkViews(t, st, events)
	// The first event at or after 4.6 billion years ago is the Solar
	// System's.
	w, err := st.Window(model.Query{}, model.PositionAt(model.MustParseDate("Y-4600000000").Earliest()), false, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Rows) != 1 || w.Rows[0].Pos.EventID() != "solar-system" {
		t.Errorf("the window at 4.6 billion years ago starts with %+v, want solar-system", w.Rows)
	}
	s.check(t, st)
}
