package timelinejs

import (
	"strings"
	"testing"

	"chrono/model"
)

// placed keeps where the reader says each event begins.
type placed struct {
	model.Collect
	at []model.Place
}

func (p *placed) EventAt(_ int, at model.Place) { p.at = append(p.at, at) }

// TestSlidesArePlaced: each slide's event is placed at its opening brace,
// so that what is found of it after it is read (an import meeting a
// change made in chrono as well) says where it is.
func TestSlidesArePlaced(t *testing.T) {
	doc := "{\"events\": [\n  {\"start_date\": {\"year\": 2017}, \"text\": {\"headline\": \"One\"}},\n  {\"start_date\": {\"year\": 2018}, \"text\": {\"headline\": \"Two\"}}\n]}\n"
	var p placed
	if err := Read(strings.NewReader(doc), &p, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	want := []model.Place{{Line: 2, Column: 3}, {Line: 3, Column: 3}}
	if len(p.at) != len(want) || p.at[0] != want[0] || p.at[1] != want[1] {
		t.Errorf("slides placed at %+v, want %+v", p.at, want)
	}
}
