package main

import (
	"fmt"
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

// TestImportAlikeRecordsKeepTheirEvents: records sharing their datetime,
// timestamp_desc and message were numbered in the file's order, and a
// re-import of the file in another order gave each the id of another,
// what was added in chrono (a note) going with the id to another
// record's attributes. A re-import now tells them apart by their other
// attributes; the two alike in everything change nothing either.
func TestImportAlikeRecordsKeepTheirEvents(t *testing.T) {
	alikeRecordsKeepTheirEvents(t, func(t *testing.T) (string, []string) { return newDB(t), nil })
}

// alikeRecordsKeepTheirEvents is TestImportAlikeRecordsKeepTheirEvents
// in a store newStore makes: its --db, and the arguments before the
// command.
func alikeRecordsKeepTheirEvents(t *testing.T, newStore func(t *testing.T) (string, []string)) {
	for _, tt := range []struct {
		name string
		rows []string // a's, b's and b's again
		head string
	}{
		{"export.jsonl", []string{
			`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/a.txt"}`,
			`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/b.txt"}`,
			`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/b.txt"}`,
		}, ""},
		{"export.csv", []string{
			"File opened,2021-06-01T12:00:00+00:00,Last Access,/home/a.txt",
			"File opened,2021-06-01T12:00:00+00:00,Last Access,/home/b.txt",
			"File opened,2021-06-01T12:00:00+00:00,Last Access,/home/b.txt",
		}, "message,datetime,timestamp_desc,filename\n"},
		{"psort.jsonl", []string{
			`{"__container_type__": "event", "__type__": "AttributeContainer", "filename": "/home/a.txt", "message": "File opened", "parser": "filestat", "timestamp": 1622548800000000, "timestamp_desc": "Last Access Time"}`,
			`{"__container_type__": "event", "__type__": "AttributeContainer", "filename": "/home/b.txt", "message": "File opened", "parser": "filestat", "timestamp": 1622548800000000, "timestamp_desc": "Last Access Time"}`,
			`{"__container_type__": "event", "__type__": "AttributeContainer", "filename": "/home/b.txt", "message": "File opened", "parser": "filestat", "timestamp": 1622548800000000, "timestamp_desc": "Last Access Time"}`,
		}, ""},
		{"l2t.csv", []string{
			"06/01/2021,12:00:00,UTC,.A..,FILE,OS Last Access Time,Last Access Time,-,host,File opened,File opened,2,/home/a.txt,11,-,filestat,-",
			"06/01/2021,12:00:00,UTC,.A..,FILE,OS Last Access Time,Last Access Time,-,host,File opened,File opened,2,/home/b.txt,12,-,filestat,-",
			"06/01/2021,12:00:00,UTC,.A..,FILE,OS Last Access Time,Last Access Time,-,host,File opened,File opened,2,/home/b.txt,12,-,filestat,-",
		}, "date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, tt.name)
			write := func(order ...int) {
				doc := tt.head
				for _, i := range order {
					doc += tt.rows[i] + "\n"
				}
				if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write(0, 1, 2)
			db, before := newStore(t)
			run := func(args ...string) result {
				return chrono(t, db, "", append(before[:len(before):len(before)], args...)...)
			}
			if r := run("import", file); r.code != 0 || !strings.Contains(r.stdout, "(3 new, 0 updated)") {
				t.Fatalf("import: %+v", r)
			}
			ids := map[string]string{} // filename → id of the first event with it
			r := run("list", "--json")
			for line := range strings.Lines(r.stdout) {
				for _, f := range []string{"a.txt", "b.txt"} {
					if strings.Contains(line, f) && ids[f] == "" {
						_, rest, _ := strings.Cut(line, `"id":"`)
						ids[f], _, _ = strings.Cut(rest, `"`)
					}
				}
			}
			if ids["a.txt"] == "" {
				t.Fatalf("list: %+v", r)
			}
			if r := run("note", ids["a.txt"], "the dropper"); r.code != 0 {
				t.Fatalf("note: %+v", r)
			}
			write(2, 1, 0)
			if r := run("import", file); r.code != 0 || !strings.Contains(r.stdout, "(0 new, 0 updated, 3 unchanged)") {
				t.Errorf("the records in another order: %+v", r)
			}
			if r := run("show", ids["a.txt"]); !strings.Contains(r.stdout, "/home/a.txt") || !strings.Contains(r.stdout, "the dropper") {
				t.Errorf("%s after the re-import: %+v", ids["a.txt"], r)
			}
		})
	}
}

// TestImportAlikeGroupGrowsOrShrinks: a re-import whose file holds
// another number of records alike than the store tells them apart by
// their attributes too. A store holding one record took no "-2" to say
// so, and the records of a file that had grown to two were numbered in
// its order: the new record, first, took the stored event, note and
// all, and the stored record became a new event.
func TestImportAlikeGroupGrowsOrShrinks(t *testing.T) {
	alikeGroupGrowsOrShrinks(t, func(t *testing.T) (string, []string) { return newDB(t), nil })
}

// alikeGroupGrowsOrShrinks is TestImportAlikeGroupGrowsOrShrinks in a
// store newStore makes: its --db, and the arguments before the command.
func alikeGroupGrowsOrShrinks(t *testing.T, newStore func(t *testing.T) (string, []string)) {
	formats := []struct {
		name string
		rows []string // a's, b's
		head string
	}{
		{"export.jsonl", []string{
			`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/a.txt"}`,
			`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/b.txt"}`,
		}, ""},
		{"export.csv", []string{
			"File opened,2021-06-01T12:00:00+00:00,Last Access,/home/a.txt",
			"File opened,2021-06-01T12:00:00+00:00,Last Access,/home/b.txt",
		}, "message,datetime,timestamp_desc,filename\n"},
		{"psort.jsonl", []string{
			`{"__container_type__": "event", "__type__": "AttributeContainer", "filename": "/home/a.txt", "message": "File opened", "parser": "filestat", "timestamp": 1622548800000000, "timestamp_desc": "Last Access Time"}`,
			`{"__container_type__": "event", "__type__": "AttributeContainer", "filename": "/home/b.txt", "message": "File opened", "parser": "filestat", "timestamp": 1622548800000000, "timestamp_desc": "Last Access Time"}`,
		}, ""},
		{"l2t.csv", []string{
			"06/01/2021,12:00:00,UTC,.A..,FILE,OS Last Access Time,Last Access Time,-,host,File opened,File opened,2,/home/a.txt,11,-,filestat,-",
			"06/01/2021,12:00:00,UTC,.A..,FILE,OS Last Access Time,Last Access Time,-,host,File opened,File opened,2,/home/b.txt,12,-,filestat,-",
		}, "date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n"},
	}
	cases := []struct {
		name          string
		first, second []int // the rows (a's is 0, b's 1) of each import
		edit          bool  // a's event edited in chrono between them
		counts        string
	}{
		{"grows, the new record first", []int{0}, []int{1, 0}, false, "(1 new, 0 updated, 1 unchanged)"},
		{"grows, a's event edited in chrono", []int{0}, []int{1, 0}, true, "(1 new, 0 updated, 1 unchanged;"},
		{"shrinks to the record numbered second", []int{1, 0}, []int{0}, false, "(0 new, 0 updated, 1 unchanged)"},
		{"shrinks to the record numbered first", []int{0, 1}, []int{0}, false, "(0 new, 0 updated, 1 unchanged)"},
		{"a record alike in everything, twice", []int{0, 0}, []int{0, 0}, false, "(0 new, 0 updated, 2 unchanged)"},
		{"a record alike in everything comes again", []int{0}, []int{0, 0}, false, "(1 new, 0 updated, 1 unchanged)"},
	}
	for _, f := range formats {
		for _, tt := range cases {
			t.Run(f.name+"/"+tt.name, func(t *testing.T) {
				dir := t.TempDir()
				file := filepath.Join(dir, f.name)
				write := func(rows []int) {
					doc := f.head
					for _, i := range rows {
						doc += f.rows[i] + "\n"
					}
					if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				db, before := newStore(t)
				run := func(args ...string) result {
					return chrono(t, db, "", append(before[:len(before):len(before)], args...)...)
				}
				write(tt.first)
				if r := run("import", file); r.code != 0 {
					t.Fatalf("import: %+v", r)
				}
				a := "" // the id of a's event
				r := run("list", "--json")
				for line := range strings.Lines(r.stdout) {
					if strings.Contains(line, "a.txt") && a == "" {
						_, rest, _ := strings.Cut(line, `"id":"`)
						a, _, _ = strings.Cut(rest, `"`)
					}
				}
				if a == "" {
					t.Fatalf("list: %+v", r)
				}
				if r := run("note", a, "the dropper"); r.code != 0 {
					t.Fatalf("note: %+v", r)
				}
				want := "/home/a.txt"
				if tt.edit {
					editor := filepath.Join(dir, "editor")
					if err := os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's|/home/a.txt|/home/a.txt (checked)|' \"$1\"\n"), 0o755); err != nil {
						t.Fatal(err)
					}
					t.Setenv("VISUAL", "")
					t.Setenv("EDITOR", editor)
					if r := run("edit", a); r.code != 0 {
						t.Fatalf("edit: %+v", r)
					}
					want = "/home/a.txt (checked)"
				}
				write(tt.second)
				if r := run("import", file); r.code != 0 || !strings.Contains(r.stdout, tt.counts) {
					t.Errorf("the second import: %+v, want %s", r, tt.counts)
				}
				r = run("show", a)
				if !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "the dropper") {
					t.Errorf("%s after the re-import: %+v", a, r)
				}
				if tt.first[0] == 0 && strings.Contains(r.stdout, "/home/b.txt") {
					t.Errorf("%s holds b's attributes: %+v", a, r)
				}
			})
		}
	}
}

// TestImportAlikeRecordEditedInChrono: of records alike, one whose
// summary was edited in chrono holds what the file does not, and a
// re-import in another order gave it the id of another record, its
// attributes, the other's note and all, and then refused the import,
// advising --prefer file, which would have kept the swap. A record is
// known by what the last import left of it too.
func TestImportAlikeRecordEditedInChrono(t *testing.T) {
	alikeRecordEditedInChrono(t, func(t *testing.T) (string, []string) { return newDB(t), nil })
}

// alikeRecordEditedInChrono is TestImportAlikeRecordEditedInChrono in a
// store newStore makes: its --db, and the arguments before the command.
func alikeRecordEditedInChrono(t *testing.T, newStore func(t *testing.T) (string, []string)) {
	db, before := newStore(t)
	run := func(args ...string) result {
		return chrono(t, db, "", append(before[:len(before):len(before)], args...)...)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "export.jsonl")
	rows := []string{
		`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/a.txt"}`,
		`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/b.txt"}`,
	}
	write := func(order ...int) {
		doc := ""
		for _, i := range order {
			doc += rows[i] + "\n"
		}
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(0, 1)
	if r := run("import", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	const a, b = "ts-b0cb3c6c738b", "ts-b0cb3c6c738b-2"
	if r := run("note", a, "the dropper"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	editor := filepath.Join(dir, "editor")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's|/home/b.txt|/home/b.txt (checked)|' \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	if r := run("edit", b); r.code != 0 {
		t.Fatalf("edit: %+v", r)
	}
	write(1, 0)
	if r := run("import", file); r.code != 0 || !strings.Contains(r.stdout, "(0 new, 0 updated, 2 unchanged;") {
		t.Errorf("the records in another order: %+v", r)
	}
	if r := run("show", a); !strings.Contains(r.stdout, "/home/a.txt") || !strings.Contains(r.stdout, "the dropper") {
		t.Errorf("%s after the re-import: %+v", a, r)
	}
	if r := run("show", b); !strings.Contains(r.stdout, "/home/b.txt (checked)") {
		t.Errorf("%s after the re-import: %+v", b, r)
	}
}

// TestImportAlikeRecordTrashedKeepsOthers: of records alike, one moved to
// the trash in chrono matched no stored event on a re-import in another
// order, took the first number left, another record's, and gave that
// record's event, note and all, its own attributes; the rest followed
// one along, the last taken for the trashed one. The trashed record goes
// back to the id in the trash, and the others keep their events.
func TestImportAlikeRecordTrashedKeepsOthers(t *testing.T) {
	alikeRecordTrashedKeepsOthers(t, func(t *testing.T) (string, []string) { return newDB(t), nil })
}

// alikeRecordTrashedKeepsOthers is TestImportAlikeRecordTrashedKeepsOthers
// in a store newStore makes: its --db, and the arguments before the
// command.
func alikeRecordTrashedKeepsOthers(t *testing.T, newStore func(t *testing.T) (string, []string)) {
	// The second record trashed, the store held no "-2" to say that its
	// records alike were numbered: they were numbered in the file's order.
	for _, trashed := range []int{2, 1} {
		t.Run(fmt.Sprint("record ", trashed+1), func(t *testing.T) {
			alikeTrashedKeepsOthers(t, newStore, trashed)
		})
	}
}

// alikeTrashedKeepsOthers is alikeRecordTrashedKeepsOthers with record
// trashed (from 0) of three moved to the trash.
func alikeTrashedKeepsOthers(t *testing.T, newStore func(t *testing.T) (string, []string), trashed int) {
	db, before := newStore(t)
	run := func(args ...string) result {
		return chrono(t, db, "", append(before[:len(before):len(before)], args...)...)
	}
	file := filepath.Join(t.TempDir(), "export.jsonl")
	rows := []string{
		`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/a.txt"}`,
		`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/b.txt"}`,
		`{"message":"File opened","datetime":"2021-06-01T12:00:00+00:00","timestamp_desc":"Last Access","filename":"/home/c.txt"}`,
	}
	write := func(order ...int) {
		doc := ""
		for _, i := range order {
			doc += rows[i] + "\n"
		}
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(0, 1, 2)
	if r := run("import", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	ids := []string{"ts-b0cb3c6c738b", "ts-b0cb3c6c738b-2", "ts-b0cb3c6c738b-3"}
	if r := run("note", ids[0], "the dropper"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	if r := run("rm", ids[trashed]); r.code != 0 {
		t.Fatalf("rm: %+v", r)
	}
	write(2, 0, 1)
	if r := run("import", "--skip-trashed", file); r.code != 0 || !strings.Contains(r.stdout, "(0 new, 0 updated") {
		t.Errorf("the records in another order: %+v", r)
	}
	for i, id := range ids {
		if r := run("show", id); i != trashed && !strings.Contains(r.stdout, fmt.Sprintf("/home/%c.txt", 'a'+i)) {
			t.Errorf("%s after the re-import: %+v", id, r)
		}
	}
	if r := run("show", ids[0]); !strings.Contains(r.stdout, "the dropper") {
		t.Errorf("%s after the re-import: %+v", ids[0], r)
	}
}
