package main

import (
	"strings"
	"testing"
)

// TestTextFromAWindowsFile: a quote or a note read from a file saved on
// Windows is stored without the byte order mark and the CRs, as typed.
func TestTextFromAWindowsFile(t *testing.T) {
	db := exampleDB(t)
	in := "\uFEFFWe drop bags of cash\r\nat the door\r\n"
	if r := chrono(t, db, in, "quote", "add", "fbi-tip", "--text", "-", "--source", "wapo"); r.code != 0 {
		t.Fatalf("quote add: %+v", r)
	}
	if r := chrono(t, db, in, "note", "fbi-tip", "-"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	r := chrono(t, db, "", "list", "--json")
	line := ""
	for l := range strings.Lines(r.stdout) {
		if strings.Contains(l, `"id":"fbi-tip"`) {
			line = l
		}
	}
	if strings.Contains(line, "\\ufeff") || strings.Contains(line, "\uFEFF") || strings.Contains(line, `\r`) {
		t.Errorf("fbi-tip keeps the BOM or a CR: %s", line)
	}
	if n := strings.Count(line, `We drop bags of cash\nat the door"`); n != 2 {
		t.Errorf("fbi-tip holds the text as typed %d times, want 2 (quote and note): %s", n, line)
	}
}
