package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestImportWarnsOfRetitledSlide: a headline corrected in a TimelineJS
// file whose slides have no unique_id makes a new event; the import says
// so at the slide's line and column, naming the stored event it looks
// like and what to do, once, and
// says nothing of a new slide that merely shares a date.
func TestImportWarnsOfRetitledSlide(t *testing.T) {
	dir := t.TempDir()
	slides := func(name string, headlines ...string) string {
		var parts []string
		for _, h := range headlines {
			parts = append(parts, `{"start_date": {"year": "2017", "month": "8"}, "text": {"headline": "`+h+`", "text": "<p>On a call, `+strings.Fields(h)[0]+`.</p>"}}`)
		}
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte("{\"events\": [\n  "+strings.Join(parts, ",\n  ")+"\n]}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", slides("first.json", "NSO offers cash")); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Fatalf("import: %+v", r)
	}
	// The headline corrected in chrono as in the file: the stored event
	// is the slide as the last import left it.
	if r := chrono(t, db, "", "import", slides("typo.json", "NSO offrs cash")); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	chrono(t, db, "", "edit", "nso-offrs-cash", "--set", "title=NSO offers cash!")
	if r := chrono(t, db, "", "import", "--dry-run", slides("fixed.json", "NSO offers cash", "NSO offers cash!")); !strings.Contains(r.stderr, `fixed.json:3:3: the slide "NSO offers cash!" would become a new event, nso-offers-cash-2, while nso-offrs-cash`) {
		t.Errorf("the headline corrected in chrono too: %+v", r)
	}
	chrono(t, db, "", "rm", "nso-offrs-cash")
	// A text added to in chrono: the stored event is the slide as the
	// last import left it.
	if r := chrono(t, db, "", "edit", "nso-offers-cash", "--set", "summary=On a call, NSO. Two witnesses."); r.code != 0 {
		t.Fatalf("edit: %+v", r)
	}
	renamed := slides("renamed.json", "Mobileum declines", "NSO offers bags of cash")
	want := `renamed.json:3:3: the slide "NSO offers bags of cash" would become a new event, nso-offers-bags-of-cash, while nso-offers-cash, which the file does not have, has its date and text. If its headline was changed, give that slide "unique_id": "nso-offers-cash" before importing`
	if r := chrono(t, db, "", "import", "--dry-run", renamed); !strings.Contains(r.stderr, want) {
		t.Errorf("dry run: %+v\nwant %s", r, want)
	}
	want = `renamed.json:3:3: the slide "NSO offers bags of cash" became a new event, nso-offers-bags-of-cash, while nso-offers-cash, which the file does not have, has its date and text. If its headline was changed: chrono rm nso-offers-bags-of-cash, give that slide "unique_id": "nso-offers-cash", and import the file again`
	if r := chrono(t, db, "", "import", renamed); r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("import: %+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "import", renamed); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Errorf("the same file again: %+v", r)
	}
	// Another event of the same month, with its own text, is new.
	if r := chrono(t, db, "", "import", slides("more.json", "NSO offers cash", "Mobileum declines")); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Errorf("a new slide beside: %+v", r)
	}
	// A slide with a unique_id is its own event, whatever its headline.
	own := filepath.Join(dir, "own.json")
	doc := `{"events": [{"unique_id": "colleague-id", "start_date": {"year": "2017", "month": "8"}, "text": {"headline": "Another word for it", "text": "<p>On a call, Mobileum.</p>"}}]}`
	if err := os.WriteFile(own, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", own); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Errorf("a slide with a unique_id: %+v", r)
	}
}

// TestImportSaysHeadlineMatchedAStoredEvent: a slide without a unique_id
// whose headline makes the id of a stored event is taken for it: the
// same file read again, or another file's slide of the same headline,
// which nothing else tells apart. The import says so, and what to do.
func TestImportSaysHeadlineMatchedAStoredEvent(t *testing.T) {
	dir := t.TempDir()
	file := func(name, doc string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	berlin := file("berlin.json", `{"events": [{"start_date": {"year": "2017", "month": "8"}, "text": {"headline": "Meeting", "text": "In Berlin."}}]}`)
	vienna := file("vienna.json", `{"events": [{"start_date": {"year": "2019", "month": "3"}, "text": {"headline": "Meeting", "text": "In Vienna."}}]}`)
	own := file("own.json", `{"events": [{"unique_id": "meeting", "start_date": {"year": "2019", "month": "3"}, "text": {"headline": "Meeting", "text": "In Vienna."}}]}`)
	const said = "1 slide without a unique_id matched to a stored event by the id made from its headline or its place in the file (give slides unique_ids to keep events apart)"
	db := newDB(t)
	if r := chrono(t, db, "", "import", berlin); r.code != 0 || strings.Contains(r.stdout, "unique_id") {
		t.Fatalf("import into a new store: %+v", r)
	}
	if r := chrono(t, db, "", "import", vienna); r.code != 0 || !strings.Contains(r.stdout, said) {
		t.Errorf("another file's slide of the same headline: %+v\nwant %s", r, said)
	}
	if r := chrono(t, db, "", "import", own); r.code != 0 || strings.Contains(r.stdout, "unique_id") {
		t.Errorf("a slide whose unique_id names the stored event: %+v", r)
	}
}

// TestImportWarnsOfRetitledRecord: a message corrected in a Timesketch
// or Plaso file whose records have no chrono_id makes a new event; the
// import says so at the record's line, naming the stored event of the
// same time and other attributes that the file no longer has, and what
// to do. It says nothing of a record that merely shares the time, or the
// time and attributes in a file never imported before, or of the same
// file again.
func TestImportWarnsOfRetitledRecord(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, lines ...string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	record := func(message, at, filename string) string {
		return `{"message":"` + message + `","datetime":"2021-06-01T12:00:` + at + `+00:00","timestamp_desc":"Event Recorded","data_type":"syslog:line","filename":"` + filename + `"}`
	}
	bob, alice, closed := record("User bob logged in", "00", "auth.log"), record("User alice logged in", "00", "other.log"), record("Session closed", "05", "auth.log")
	corrected := record("User bob logged in from 10.0.0.1", "00", "auth.log")
	db := newDB(t)
	if r := chrono(t, db, "", "import", file("v1.jsonl", bob, alice, closed)); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Fatalf("import: %+v", r)
	}
	v2 := file("v2.jsonl", alice, corrected, closed)
	old := idsByTitle(t, db)["User bob logged in"]
	want := `v2.jsonl:2: the record "User bob logged in from 10.0.0.1" would become a new event, ts-`
	advice := `, while ` + old + `, which the file does not have, has its time and its other attributes. If its message was changed, give that record the chrono_id "` + old + `" before importing, which updates ` + old + `; or, to keep the new event alone, chrono rm ` + old + "\n"
	if r := chrono(t, db, "", "import", "--dry-run", v2); !strings.Contains(r.stderr, want) || !strings.HasSuffix(r.stderr, advice) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("dry run: %+v\nwant %s…%s", r, want, advice)
	}
	// A text added to in chrono: the stored event is the record as the
	// last import left it.
	if r := chrono(t, db, "", "edit", old, "--set", "summary=Seen in the VPN log too"); r.code != 0 {
		t.Fatalf("edit: %+v", r)
	}
	if r := chrono(t, db, "", "import", "--dry-run", v2); !strings.Contains(r.stderr, want) || !strings.HasSuffix(r.stderr, advice) {
		t.Errorf("dry run, the stored event edited: %+v\nwant %s…%s", r, want, advice)
	}
	r := chrono(t, db, "", "import", v2)
	made := idsByTitle(t, db)["User bob logged in from 10.0.0.1"]
	want = `v2.jsonl:2: the record "User bob logged in from 10.0.0.1" became a new event, ` + made + `, while ` + old + `, which the file does not have, has its time and its other attributes. If its message was changed: chrono rm ` + made + `, give that record the chrono_id "` + old + `", and import the file again, which updates ` + old + `; or, to keep the new event alone, chrono rm ` + old + "\n"
	if r.code != 0 || !strings.HasSuffix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("import: %+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "import", v2); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Errorf("the same file again: %+v", r)
	}
	quiet := map[string]string{
		// Another record of the same second, of another file.
		"beside.jsonl": strings.Join([]string{alice, closed, record("User carol logged in", "00", "third.log")}, "\n"),
		// A file never imported before, whose record shares everything
		// but the message with one that file does not have.
		"new.jsonl": record("User bob logged out", "00", "auth.log"),
		// A record that names the stored event: its message corrected.
		"given.jsonl": strings.Join([]string{alice, strings.Replace(record("User bob logged in from 10.0.0.2", "00", "auth.log"), "}", `,"chrono_id":"`+old+`"}`, 1), closed}, "\n"),
	}
	for _, name := range []string{"beside.jsonl", "new.jsonl", "given.jsonl"} {
		if r := chrono(t, db, "", "import", "--dry-run", file(name, quiet[name])); r.code != 0 || beyondNew(r.stderr) != "" {
			t.Errorf("%s: %+v", name, r)
		}
	}
}

// TestImportWarnsOfRetitledRecordInEachFormat: the warning names the
// line a record begins on in Timesketch CSV and Plaso's json_line too,
// and in Plaso's l2tcsv, which has no place for a chrono_id, says so.
func TestImportWarnsOfRetitledRecordInEachFormat(t *testing.T) {
	dir := t.TempDir()
	const head = "message,datetime,timestamp_desc,filename\n"
	const l2tHead = "date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n"
	const l2tRow = "06/27/2012,18:17:01,UTC,M...,FILE,Log,Content Modification Time,-,ubuntu,-,%s,2,syslog.1,-,-,syslog,-\n"
	const jsonLine = `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "syslog:line", "message": "%s", "parser": "syslog", "timestamp": %d, "timestamp_desc": "Content Modification Time"}` + "\n"
	tests := []struct {
		name, before, after, want string
	}{
		{"export.csv",
			head + "\"two\nlines\",2021-06-01T11:00:00+00:00,Event Recorded,a.log\nLogin,2021-06-01T12:00:00+00:00,Event Recorded,a.log\n",
			head + "\"two\nlines\",2021-06-01T11:00:00+00:00,Event Recorded,a.log\nLogin of bob,2021-06-01T12:00:00+00:00,Event Recorded,a.log\n",
			`export.csv:4: the record "Login of bob" became a new event, `},
		{"events.l2t.csv",
			l2tHead + fmt.Sprintf(l2tRow, "other") + strings.Replace(fmt.Sprintf(l2tRow, "session closed"), ":01,", ":02,", 1),
			l2tHead + fmt.Sprintf(l2tRow, "other") + strings.Replace(fmt.Sprintf(l2tRow, "session closed for bob"), ":01,", ":02,", 1),
			`events.l2t.csv:3: the record "session closed for bob" became a new event, `},
		{"events.jsonl",
			fmt.Sprintf(jsonLine, "other", 1340821021000000) + fmt.Sprintf(jsonLine, "session closed", 1340821022000000),
			fmt.Sprintf(jsonLine, "other", 1340821021000000) + fmt.Sprintf(jsonLine, "session closed for bob", 1340821022000000),
			`events.jsonl:2: the record "session closed for bob" became a new event, `},
	}
	for _, tt := range tests {
		db := newDB(t)
		path := filepath.Join(dir, tt.name)
		for _, doc := range []string{tt.before, tt.after} {
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			r := chrono(t, db, "", "import", path)
			if r.code != 0 || doc == tt.before && beyondNew(r.stderr) != "" {
				t.Fatalf("%s: %+v", tt.name, r)
			}
			if doc == tt.after && !strings.Contains(r.stderr, tt.want) {
				t.Errorf("%s: %+v\nwant %s", tt.name, r, tt.want)
			}
			if l2t := strings.Contains(r.stderr, "l2tcsv has no place for the chrono_id"); doc == tt.after && l2t != strings.HasSuffix(tt.name, ".l2t.csv") {
				t.Errorf("%s: %+v: advice", tt.name, r)
			}
		}
	}
}

// idsByTitle is the ids of the events of db, by their titles.
func idsByTitle(t *testing.T, db string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for line := range strings.Lines(chrono(t, db, "", "list", "--json").stdout) {
		var e struct{ ID, Title string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("list --json: %v: %s", err, line)
		}
		ids[e.Title] = e.ID
	}
	return ids
}

// TestRetitledRecordsLookedForUpToABound: an import looks at no more
// than maxNewMade new records for a corrected message: a file with more
// is a new timeline, and holding them all would cost a dump's import.
func TestRetitledRecordsLookedForUpToABound(t *testing.T) {
	dir := t.TempDir()
	record := func(message string, minute int) string {
		return fmt.Sprintf(`{"message":%q,"datetime":"2021-06-01T12:%02d:00+00:00","timestamp_desc":"Event Recorded","filename":"auth.log"}`+"\n", message, minute)
	}
	for _, tt := range []struct {
		more int // new records besides the corrected one
		warn bool
	}{{maxNewMade - 1, true}, {maxNewMade, false}} {
		db := newDB(t)
		first := filepath.Join(dir, "first.jsonl")
		if err := os.WriteFile(first, []byte(record("kept", 0)+record("Login", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := chrono(t, db, "", "import", first); r.code != 0 {
			t.Fatalf("import: %+v", r)
		}
		var b strings.Builder
		b.WriteString(record("kept", 0) + record("Login of bob", 1))
		for i := range tt.more {
			b.WriteString(record(fmt.Sprint("new ", i), 2))
		}
		second := filepath.Join(dir, "second.jsonl")
		if err := os.WriteFile(second, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		r := chrono(t, db, "", "import", "--dry-run", second)
		if warned := strings.Contains(r.stderr, `second.jsonl:2: the record "Login of bob"`); r.code != 0 || warned != tt.warn {
			t.Errorf("%d more new records: %+v; want a warning: %v", tt.more, r, tt.warn)
		}
		// Past the bound, the records held are still looked at, and
		// said of once.
		whole := fmt.Sprintf(`second.jsonl:2: 1 of %d new records looked at (the import's first %d, all files together) would become new events beside stored events`, maxNewMade, maxNewMade)
		if said := strings.Contains(r.stderr, whole); said == tt.warn {
			t.Errorf("%d more new records: %+v; want the file said of: %v", tt.more, r, !tt.warn)
		}
	}
}

// TestImportWarnsOfRetitledRecordsAlike: two records of the same second
// and attributes, both with their messages changed, are each either
// stored event: the warning names both, rather than nothing.
func TestImportWarnsOfRetitledRecordsAlike(t *testing.T) {
	dir := t.TempDir()
	record := func(message string) string {
		return `{"message":"` + message + `","datetime":"2017-08-16T10:00:00+00:00","timestamp_desc":"Login"}` + "\n"
	}
	write := func(name, doc string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", write("v1.jsonl", record("Alice logged in")+record("Bob logged in")+record("Backup started"))); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	ids := idsByTitle(t, db)
	alice, bob := ids["Alice logged in"], ids["Bob logged in"]
	r := chrono(t, db, "", "import", "--dry-run", write("v2.jsonl", record("alice logged in")+record("bob logged in")+record("Backup started")))
	for _, want := range []string{`v2.jsonl:1: the record "alice logged in" would become a new event, `, `v2.jsonl:2: the record "bob logged in" would become a new event, `} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("%+v\nwant %s", r, want)
		}
	}
	if want := ", while " + alice + " and " + bob + ", which the file does not have, share its time and other attributes. If its message was changed, give it the chrono_id of the one it was before importing\n"; r.code != 0 || strings.Count(r.stderr, want) != 2 {
		t.Errorf("%+v\nwant twice %s", r, want)
	}
}

// TestImportWarnsOfRetitledNumberedRecord: of records alike, numbered
// in the file's order, the first's message changed makes the second take
// the first's id; the warning says so, and gives each record the id
// that keeps it its event, not the second's id to the changed record.
func TestImportWarnsOfRetitledNumberedRecord(t *testing.T) {
	dir := t.TempDir()
	db := newDB(t)
	record := func(message string) string {
		return `{"datetime":"2017-08-14T15:04:05+00:00","timestamp_desc":"d","message":"` + message + `"}` + "\n"
	}
	v1, v2 := filepath.Join(dir, "v1.jsonl"), filepath.Join(dir, "v2.jsonl")
	if err := os.WriteFile(v1, []byte(record("dup")+record("dup")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(v2, []byte(record("dup changed")+record("dup")), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", v1); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	first := strings.Fields(chrono(t, db, "", "list").stdout)
	id := first[slices.IndexFunc(first, func(s string) bool { return strings.HasPrefix(s, "ts-") })]
	r := chrono(t, db, "", "import", v2)
	for _, want := range []string{
		"this record was " + id + ":",
		"each record alike after it took the id of the one before, with what was changed on that event in chrono (the record at line 2 " + id + ")",
		`give this record the chrono_id "` + id + `" and the record at line 2 "` + id + `-2"`,
	} {
		if r.code != 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("import: %+v\nwant %q", r, want)
		}
	}
}

// TestImportWarnsOfAFileEveryMessageOfWhichChanged: a file imported
// before whose every message changed brings no stored id, and is read as
// a new file; its records beside stored events of the same times and
// attributes that the import does not bring are said of, once, with the
// way back.
func TestImportWarnsOfAFileEveryMessageOfWhichChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	record := func(message, second string) string {
		return `{"message":"` + message + `","datetime":"2017-08-16T10:00:` + second + `+00:00","timestamp_desc":"Access","filename":"a.log"}` + "\n"
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", write("v1.jsonl", record("file opened", "00")+record("file closed", "05"))); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	v2 := write("v2.jsonl", record("File opened", "00")+record("File closed", "05"))
	want := `v2.jsonl:1: 2 of 2 new records became new events beside stored events of the same times and other attributes that no file of the import has (the record "File opened", ts-`
	r := chrono(t, db, "", "import", v2)
	if r.code != 0 || !strings.Contains(r.stderr, want) || !strings.HasSuffix(r.stderr, "these are the same records twice; chrono undo takes the import back\n") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("%+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "undo"); r.code != 0 || len(idsByTitle(t, db)) != 2 {
		t.Errorf("undo: %+v, %v", r, idsByTitle(t, db))
	}
	// Another file's records, of other attributes, are nothing to say.
	if r := chrono(t, db, "", "import", write("other.jsonl", strings.ReplaceAll(record("Disk mounted", "00")+record("Disk unmounted", "05"), "a.log", "b.log"))); r.code != 0 || beyondNew(r.stderr) != "" {
		t.Errorf("another file: %+v", r)
	}
}

// TestSpanQueryHoldsEveryDate: the one read of the store for the dates
// of several new events selects every event stored with one of them,
// though a span whose ends give no offset selects by the clock as
// written, and a date between them with an offset is written later
// than its instant.
func TestSpanQueryHoldsEveryDate(t *testing.T) {
	var dates []model.Date
	for _, s := range []string{"2017-08-14T10:00:00", "2017-08-14T23:00:00+12:00", "2017-08-14T12:00:00"} {
		dates = append(dates, model.MustParseDate(s))
	}
	q := spanQuery(dates)
	for _, d := range dates {
		if e := (model.Event{ID: "x", Title: "X", Date: d}); !q.Matches(&e) {
			t.Errorf("the query during %s misses an event dated %s", q.During, d)
		}
	}
}
