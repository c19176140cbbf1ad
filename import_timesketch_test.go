package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportTimesketchTimestampZero: a Timesketch record whose only time
// is timestamp 0 (Plaso's event without a time, as Timesketch exports
// it) is imported undated, not dated 1970-01-01, and the report counts
// it; the same file again leaves it as it is.
func TestImportTimesketchTimestampZero(t *testing.T) {
	file := filepath.Join(t.TempDir(), "export.jsonl")
	doc := `{"message":"no time","datetime":"1970-01-01T00:00:00+00:00","timestamp":0,"timestamp_desc":"Creation Time","filename":"/etc/x"}` + "\n" +
		`{"message":"a time","timestamp":1502723045000000,"timestamp_desc":"Creation Time"}` + "\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	const said = "1 record at timestamp 0 (Plaso's mark of no time) read as undated"
	if r := chrono(t, db, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "(2 new, 0 updated)") || !strings.Contains(r.stdout, said) {
		t.Fatalf("import: %+v\nwant %s", r, said)
	}
	r := chrono(t, db, "", "list", "--json")
	if r.code != 0 || strings.Contains(r.stdout, "1970") || !strings.Contains(r.stdout, `"title":"no time"`) || strings.Count(r.stdout, `"date"`) != 1 {
		t.Errorf("list: %+v, want the record at timestamp 0 undated", r)
	}
	if r := chrono(t, db, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "(0 new, 0 updated, 2 unchanged)") {
		t.Errorf("the same file again: %+v", r)
	}
}

// TestImportTimesketchPythonListTags: a tag cell as pandas writes a list
// (Timesketch's CSV export) is read as its tags, and counted; before, the
// import stopped at it.
func TestImportTimesketchPythonListTags(t *testing.T) {
	file := filepath.Join(t.TempDir(), "export.csv")
	doc := "message,datetime,timestamp_desc,tag\n" +
		`Login,2021-06-01T12:00:00+00:00,Event Recorded,"['suspicious', ""it's bad""]"` + "\n" +
		"Logout,2021-06-01T12:05:00+00:00,Event Recorded,[]\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	const said = "1 tag value written as a Python list read as its tags"
	if r := chrono(t, db, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, said) {
		t.Fatalf("import: %+v\nwant %s", r, said)
	}
	r := chrono(t, db, "", "list", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"tags":["suspicious","it's bad"]`) || strings.Count(r.stdout, `"tags"`) != 1 {
		t.Errorf("list: %+v", r)
	}
}

// TestImportEmptyJSONLinesExport: an export of no events as JSON Lines
// is an empty file, which imports as no events; another empty file is
// still refused, no format being told from it.
func TestImportEmptyJSONLinesExport(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	dir := t.TempDir()
	exported := filepath.Join(dir, "none.jsonl")
	mustChrono(t, db, "export", "--format", "timesketch", "--status", "confirmed", "-o", exported)
	r := chrono(t, db, "", "import", exported)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 0 events") {
		t.Errorf("import of an export of no events: %+v", r)
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", empty); r.code == 0 || !strings.Contains(r.stderr, "the file is empty") {
		t.Errorf("import of an empty .json file: %+v", r)
	}
}

// TestTimesketchGivenBackLeavesTheEvent: a record imported, then given
// back as Timesketch gives it (its time in UTC with microseconds, its
// keys in another order, its own keys added), updated the event: the
// time's offset was lost, and the summary's lines rewritten.
func TestTimesketchGivenBackLeavesTheEvent(t *testing.T) {
	dir := t.TempDir()
	db := newDB(t)
	first := filepath.Join(dir, "first.jsonl")
	back := filepath.Join(dir, "back.jsonl")
	os.WriteFile(first, []byte(`{"message":"File created","datetime":"2021-03-04T10:15:30+02:00","timestamp_desc":"Creation Time","filename":"/tmp/a","hostname":"ws1"}`+"\n"), 0o644)
	os.WriteFile(back, []byte(`{"hostname":"ws1","_id":"abc","__ts_timeline_id":3,"label":[],"filename":"/tmp/a","timestamp_desc":"Creation Time","message":"File created","datetime":"2021-03-04T08:15:30.000000+00:00"}`+"\n"), 0o644)
	mustChrono(t, db, "import", first)
	if r := mustChrono(t, db, "import", back); !strings.Contains(r.stdout, "(0 new, 0 updated, 1 unchanged)") {
		t.Errorf("the record given back: %q", r.stdout)
	}
	if out := mustChrono(t, db, "list").stdout; !strings.Contains(out, "4 Mar 2021 10:15:30 +02:00") {
		t.Errorf("the time's offset: %q", out)
	}
	// A record that says another instant still updates it.
	os.WriteFile(back, []byte(`{"message":"File created","datetime":"2021-03-04T10:15:30+02:00","timestamp_desc":"Creation Time","filename":"/tmp/b","hostname":"ws1"}`+"\n"), 0o644)
	if r := mustChrono(t, db, "import", back); !strings.Contains(r.stdout, "(0 new, 1 updated)") {
		t.Errorf("a record changed: %q", r.stdout)
	}
}
