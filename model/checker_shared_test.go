package model

import (
	"strings"
	"testing"
	"unsafe"
)

// TestCheckerKeepsClonesOfReferences: a link to an event not read yet
// is kept to be resolved at the end, as clones of the ids, not as the
// strings sent, which may share the text of the whole record
// (SharesText) and would keep it alive to the end of the import.
func TestCheckerKeepsClonesOfReferences(t *testing.T) {
	record := strings.Repeat("x", 1000) + "e1" + "e2" + strings.Repeat("y", 1000)
	from, to := record[1000:1002], record[1002:1004]
	var c Collect
	chk := NewChecker(&c, nil)
	chk.NextFile("a.json")
	chk.Event(Event{ID: from, Title: "A", Links: []Link{{Rel: Follows, Event: to}}}, 1)
	if len(chk.pending) != 1 {
		t.Fatalf("pending %+v, want the link to e2", chk.pending)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(record)))
	for _, kept := range []string{chk.pending[0].from, chk.pending[0].id} {
		at := uintptr(unsafe.Pointer(unsafe.StringData(kept)))
		if at >= start && at < start+uintptr(len(record)) {
			t.Errorf("%q kept as the record's text, not a clone", kept)
		}
	}
	chk.Event(Event{ID: "e2", Title: "B"}, 2)
	if err := chk.Done(); err != nil {
		t.Fatal(err)
	}
}
