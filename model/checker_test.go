package model

import (
	"reflect"
	"testing"
)

// TestCheckerSaysAFaultOnce: a field the reader has said is wrong is not
// also said missing by the value's own check, for that value alone.
func TestCheckerSaysAFaultOnce(t *testing.T) {
	var c Collect
	chk := NewChecker(&c, nil)
	chk.NextFile("one.json")
	chk.Report(Problem{Part: SourcePart, N: 1, Msg: "id: want a string, found a number"})
	chk.Source(Source{}, 1)
	chk.Event(Event{ID: "b"}, 2) // no title, and nothing said of it
	chk.Report(Problem{Part: EventPart, N: 1, Msg: "title: want a string, found a number"})
	chk.Event(Event{ID: "a"}, 1)
	got := messages(chk.problems)
	want := []string{"id: want a string, found a number", "title: missing", "title: want a string, found a number"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("first file:\n got %q\nwant %q", got, want)
	}

	// The same number in the next file is another event.
	chk.NextFile("two.json")
	chk.Event(Event{ID: "c"}, 1)
	if got, want := messages(chk.problems), []string{"title: missing"}; !reflect.DeepEqual(got, want) {
		t.Errorf("second file:\n got %q\nwant %q", got, want)
	}
}

func messages(ps Problems) []string {
	var out []string
	for _, p := range ps.List {
		out = append(out, p.Msg)
	}
	return out
}
