package main

import (
	"testing"

	"chrono/store"
)

// TestUndoWalksTheChainOnceInDatabase is TestUndoWalksTheChainOnce on
// an investigation in PostgreSQL, where other writers may come between
// the walk and the change.
func TestUndoWalksTheChainOnceInDatabase(t *testing.T) {
	addr, name := pgDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}} {
		if r := chrono(t, addr, "", append([]string{"--investigation", name}, args...)...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	s, err := store.Open(addr, store.Options{NoCreate: true, Author: "test", Investigation: name})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	testUndoWalksOnce(t, s)
}
