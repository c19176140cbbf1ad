package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportPlaso imports psort's json_line and l2tcsv outputs as found,
// saying what was detected and what was not carried, and exports them to
// Timesketch with every date.
func TestImportPlaso(t *testing.T) {
	l2t := "date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n" +
		"06/27/2012,18:17:01,Europe/Amsterdam,M...,FILE,Log,Content Modification Time,-,ubuntu,-,session closed,2,syslog.1,-,Malware,syslog,-\n" +
		"00/00/0000,00:00:00,UTC,....,REG,Registry Key,Not a time,-,-,-,no time,2,SYSTEM,-,-,winreg,-\n"
	tests := []struct {
		name, doc, want string
	}{
		{"events.l2t.csv", l2t, "imported 2 events (2 new, 0 updated) from FILE (detected Plaso l2tcsv; 1 l2tcsv row dated 00/00/0000 imported undated)"},
		{"events.jsonl", `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "syslog:line", "message": "session closed", "parser": "syslog", "tag": {"__type__": "EventTag", "comment": "see report", "labels": ["Malware"]}, "timestamp": 1340821021000000, "timestamp_desc": "Content Modification Time"}` + "\n",
			"imported 1 event (1 new, 0 updated) from FILE (detected Plaso json_line; 1 Plaso event tag comment or other member left out)"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		db := filepath.Join(dir, "chrono.db")
		file := filepath.Join(dir, tt.name)
		if err := os.WriteFile(file, []byte(tt.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := chrono(t, db, "", "new", db); r.code != 0 {
			t.Fatal(r.stderr)
		}
		r := chrono(t, db, "", "import", file)
		if want := strings.ReplaceAll(tt.want, "FILE", file); r.code != 0 || !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("%s: exit %d, %q %q; want %q", tt.name, r.code, r.stdout, r.stderr, want)
		}
		r = chrono(t, db, "", "export", "--format", "timesketch")
		if r.code != 0 || !strings.Contains(r.stdout, `"datetime":"2012-06-27T`) || !strings.Contains(r.stdout, `"tag":["Malware"]`) {
			t.Errorf("%s: export: exit %d, %q %q", tt.name, r.code, r.stdout, r.stderr)
		}
		// What the time is, from l2tcsv's type as from json_line's
		// timestamp_desc: it had become "Event date (second precision)".
		if !strings.Contains(r.stdout, `"timestamp_desc":"Content Modification Time"`) {
			t.Errorf("%s: the export lost what the time is: %q", tt.name, r.stdout)
		}
	}
}

// TestImportPlasoKeepsEarlierIDs: a json_line file an earlier chrono
// imported, whose ids it made from the timestamps as written, updates
// those events when imported again, rather than adding them again under
// ids made from their instants.
func TestImportPlasoKeepsEarlierIDs(t *testing.T) {
	dir := t.TempDir()
	db := newDB(t)
	// The event as that chrono stored it: ts- and a hash of
	// "1340821021000000", "Content Modification Time" and the message.
	earlier := filepath.Join(dir, "earlier.jsonl")
	if err := os.WriteFile(earlier, []byte(`{"id":"ts-3599f11477f0","date":"2012-06-27T18:17:01Z","title":"session closed","summary":"data_type: syslog:line"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", earlier); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	file := filepath.Join(dir, "events.json_line")
	doc := `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "syslog:line", "message": "session closed", "timestamp": 1340821021000000, "timestamp_desc": "Content Modification Time"}` + "\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "(0 new, 1 updated)") {
		t.Errorf("import: %+v, want the stored event updated", r)
	}
}

// TestImportPlasoKeepsEarlierIDsWithARecordBefore: a record added at the
// start of a json_line file an earlier chrono imported is the one new
// event; the records after it keep the ids that chrono made, imported
// once and again.
func TestImportPlasoKeepsEarlierIDsWithARecordBefore(t *testing.T) {
	dir := t.TempDir()
	db := newDB(t)
	// The events as that chrono stored them, ids made of the timestamps
	// as written.
	earlier := filepath.Join(dir, "earlier.jsonl")
	if err := os.WriteFile(earlier, []byte(`{"id":"ts-2f7ea74e9c9f","date":"2012-06-27T18:17:01Z","title":"first"}`+"\n"+
		`{"id":"ts-82d6916f4063","date":"2012-06-27T18:17:02Z","title":"second"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", earlier); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	file := filepath.Join(dir, "events.json_line")
	doc := `{"__container_type__": "event", "__type__": "AttributeContainer", "message": "earlier, found by a new parser", "parser": "mft", "timestamp": 1340821020000000, "timestamp_desc": "Creation Time"}
{"__container_type__": "event", "__type__": "AttributeContainer", "message": "first", "parser": "filestat", "timestamp": 1340821021000000, "timestamp_desc": "Content Modification Time"}
{"__container_type__": "event", "__type__": "AttributeContainer", "message": "second", "parser": "filestat", "timestamp": 1340821022000000, "timestamp_desc": "Content Modification Time"}
`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(1 new, 2 updated)", "(0 new, 0 updated, 3 unchanged)"} {
		if r := chrono(t, db, "", "import", file); r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("import: %+v, want %s", r, want)
		}
	}
}
