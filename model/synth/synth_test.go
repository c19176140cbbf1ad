package synth

import (
	"bytes"
	"reflect"
	"testing"

	"chrono/model"
	"chrono/model/native"
)

// document writes n synthetic events as a native document.
func document(t testing.TB, seed uint64, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := native.Write(&buf, Header(n), Sources(seed), Events(seed, n)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameSeedSameInvestigation(t *testing.T) {
	a, b := document(t, DefaultSeed, 300), document(t, DefaultSeed, 300)
	if !bytes.Equal(a, b) {
		t.Error("two runs with the same seed differ")
	}
	if c := document(t, DefaultSeed+1, 300); bytes.Equal(a, c) {
		t.Error("another seed gives the same investigation")
	}
	// A longer run starts with the shorter one's events.
	var short, long []model.Event
	for e := range Events(DefaultSeed, 50) {
		short = append(short, e)
	}
	for e := range Events(DefaultSeed, 100) {
		long = append(long, e)
	}
	if !reflect.DeepEqual(short, long[:50]) {
		t.Error("the first events depend on how many are asked for")
	}
}

func TestGeneratedInvestigationIsValid(t *testing.T) {
	doc := document(t, DefaultSeed, 5000)
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	if err := native.Read(bytes.NewReader(doc), chk); err != nil {
		t.Fatal(err)
	}
	if err := chk.Done(); err != nil {
		t.Fatal(err)
	}
	precisions := map[model.Precision]int{}
	undated, intervals, qualified, quotes := 0, 0, 0, 0
	for _, e := range c.Timeline.Events {
		switch {
		case e.Date.IsZero():
			undated++
			continue
		case e.Date.IsInterval():
			intervals++
		}
		if e.Date.Qualifier() != model.Certain {
			qualified++
		}
		precisions[e.Date.Precision()]++
		if lo, hi := e.Date.Earliest().Time().Year(), e.Date.Latest().Time().Year(); lo < 1990 || hi > 2025 {
			t.Errorf("event %s: %s is outside 1990–2025", e.ID, e.Date)
		}
		if len(e.Quotes) < 1 || len(e.Quotes) > 3 {
			t.Errorf("event %s has %d quotes", e.ID, len(e.Quotes))
		}
		quotes += len(e.Quotes)
	}
	for _, p := range []model.Precision{model.PrecisionYear, model.PrecisionMonth, model.PrecisionDay, model.PrecisionSecond} {
		if precisions[p] == 0 {
			t.Errorf("no event at %s precision", p)
		}
	}
	if undated == 0 || intervals == 0 || qualified == 0 {
		t.Errorf("undated %d, intervals %d, qualified %d: want some of each", undated, intervals, qualified)
	}
	// Real notes run to about a kilobyte per event.
	if per := len(doc) / len(c.Timeline.Events); per < 900 || per > 1300 {
		t.Errorf("%d bytes per event, want about 1100", per)
	}
}
