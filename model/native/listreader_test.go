package native

import (
	"reflect"
	"testing"

	"chrono/model"
)

// TestListReaderDecodesEachListOnItsOwn: a ListReader gathers every list
// in the same slices, and what it gives back for one list is unchanged by
// the lists it decodes after it, longer, shorter or refused.
func TestListReaderDecodesEachListOnItsOwn(t *testing.T) {
	var r ListReader
	decode := func(text string) ([]model.Quote, int, bool) {
		var qs []model.Quote
		end, ok := r.DecodeAt([]byte(text), 1, "", &qs)
		return qs, end, ok
	}
	first, end, ok := decode(` [{"text":"one"},{"text":"two","speaker":"B"}] and more`)
	if !ok || end != len(` [{"text":"one"},{"text":"two","speaker":"B"}]`) {
		t.Fatalf("the first list: ok %v, ends at %d", ok, end)
	}
	want := []model.Quote{{Text: "one"}, {Text: "two", Speaker: "B"}}
	for _, next := range []string{
		` [{"text":"three"},{"text":"four"},{"text":"five"}]`,
		` [{"text":"six"}]`,
		` [{"text":"seven"},{"text":"a`,
		` [{"text":"eight","text":"twice"}]`,
	} {
		decode(next)
		if !reflect.DeepEqual(first, want) {
			t.Fatalf("after %s, the first list is %+v, want %+v", next, first, want)
		}
	}
	// A refused list leaves what it was to be decoded into as it was.
	qs := []model.Quote{{Text: "kept"}}
	if _, ok := r.DecodeAt([]byte(` [{"text":"x"},{"txet":"y"}]`), 1, "", &qs); ok || len(qs) != 1 || qs[0].Text != "kept" {
		t.Errorf("a refused list: ok %v, left %+v", ok, qs)
	}
}
