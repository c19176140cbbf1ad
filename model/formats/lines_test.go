package formats

import (
	"strings"
	"testing"
)

// TestDetectChronoJSONLines: what `chrono list --json` prints is read
// back as chrono JSON, and said to be its JSON Lines.
func TestDetectChronoJSONLines(t *testing.T) {
	head := `{"id":"a","date":"2017-08","title":"A","tags":["x"]}` + "\n" + `{"id":"b","title":"B"}` + "\n"
	f, _, err := Detect(strings.NewReader(head))
	if err != nil || f.Name != "json" || f.Title != "chrono JSON Lines" {
		t.Errorf("detected %q %q, %v; want json, chrono JSON Lines", f.Name, f.Title, err)
	}
}

// TestDetectSaysWhatIsMissing: chrono JSON without its version is not
// called a format chrono does not read.
func TestDetectSaysWhatIsMissing(t *testing.T) {
	_, _, err := Detect(strings.NewReader(`{"title": "x", "events": [{"id": "a", "title": "A"}]}`))
	if err == nil || !strings.Contains(err.Error(), `"chrono": 1 missing`) || strings.Contains(err.Error(), "not a format") {
		t.Errorf("error %v, want it to say \"chrono\": 1 is missing", err)
	}
}

// TestDetectSaysWhySheetIsNotRead: a spreadsheet chrono nearly reads is
// told what to do, not to name a --format that would not read it either.
func TestDetectSaysWhySheetIsNotRead(t *testing.T) {
	tests := []struct{ name, head, want string }{
		{"chrono CSV with semicolons", "\ufeffid;date;title\r\nev1;2019-03-04;Meeting\r\n",
			"not a format chrono reads: its header row is separated by semicolons: save the sheet as comma-separated CSV, and import that (chrono CSV)"},
		{"Timesketch CSV with semicolons", "message;datetime;timestamp_desc\r\nm;2019-03-04T10:00:00Z;d\r\n",
			"not a format chrono reads: its header row is separated by semicolons: save the sheet as comma-separated CSV, and import that (Timesketch CSV)"},
		{"TimelineJS spreadsheet template", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n2017,8,,,,,,,,NSO call,,,,,,,,\r\n",
			"not a format chrono reads: a sheet of TimelineJS's spreadsheet template, which chrono does not read (it reads TimelineJS's JSON): copy its rows into chrono CSV (id,date,title,summary,... with the date in EDTF, such as 2017-08-14) and import that"},
		{"Timesketch CSV retyped in capitals", "Message,Datetime,Timestamp_desc\r\nm,2019-03-04T10:00:00Z,d\r\n",
			"not a format chrono reads: its header names Timesketch's columns in capitals or with spaces: a Timesketch CSV names them message, datetime and timestamp_desc, in lower case; rename them (--format timesketch says which)"},
		{"a sheet of its own columns", "Date,Event,Description\r\n2017-08,Call,On a call\r\n",
			"not a format chrono reads: a sheet whose header row (Date,Event,Description) names the columns of neither chrono CSV (it needs id and title; date, summary, status, actors, tags and more may follow) nor Timesketch CSV (message, datetime, timestamp_desc): rename its columns to chrono CSV's, and import that"},
		{"Excel's separator line", "sep=,\r\nid,date,title\r\nev1,2019-03-04,Meeting\r\n",
			`not a format chrono reads: its first line, "sep=,", is a hint only Excel reads: delete that line, and import the rest`},
		{"Excel's separator line of a sheet of semicolons", "sep=;\r\nid;date;title\r\nev1;2019-03-04;Meeting\r\n",
			`not a format chrono reads: its first line, "sep=;", is a hint only Excel reads, of a sheet not separated by commas: save the sheet as comma-separated CSV, and import that`},
		{"chrono CSV with tabs", "id\tdate\ttitle\nev1\t2019-03-04\tMeeting\n",
			"not a format chrono reads: its header row is separated by tabs: save the sheet as comma-separated CSV, and import that (chrono CSV)"},
		{"Timesketch CSV with tabs", "message\tdatetime\ttimestamp_desc\r\nm\t2019-03-04T10:00:00Z\td\r\n",
			"not a format chrono reads: its header row is separated by tabs: save the sheet as comma-separated CSV, and import that (Timesketch CSV)"},
		{"a sheet of its own columns, with tabs", "Date\tEvent\tSource\n03/04/2017\tTender\tWeb\n",
			"not a format chrono reads: a sheet separated by tabs whose header row (Date Event Source) names the columns of neither chrono CSV (it needs id and title; date, summary, status, actors, tags and more may follow) nor Timesketch CSV: rename its columns to chrono CSV's, save it as comma-separated CSV, and import that"},
		{"psort's json output", `{"event_0": {"__container_type__": "event", "message": "boot", "timestamp": 86400000000, "timestamp_desc": "Creation Time"},` + "\n" + `"event_1": {"message": "x"}}`,
			"not a format chrono reads: psort's json output (-o json: one object of event_0, event_1, …), where chrono reads its json_line (an event a line): write that instead (psort -o json_line -w FILE.jsonl STORAGE), or turn this file into it with jq -c '.[]' FILE > FILE.jsonl, and import that"},
		{"an array of Timesketch records", "[\n{\"message\": \"boot\", \"datetime\": \"2021-01-01T00:00:00Z\", \"timestamp_desc\": \"Creation Time\"},\n{\"message\": \"halt\"}]\n",
			"not a format chrono reads: a JSON array of Timesketch records, where chrono reads Timesketch JSONL (a record a line): turn it into that with jq -c '.[]' FILE > FILE.jsonl, and import that"},
		{"a letter with a comma", "Dear Sir, this is a letter.\nIt goes on, and on, and on.\n",
			"not a format chrono reads (json, timelinejs, plaso, timesketch, csv); if it is one of them, say which with --format"},
		{"a sheet of its own columns, with semicolons", "\ufeffDate;Event;Source\r\n03/04/2017;Tender;Web\r\n",
			"not a format chrono reads: a sheet separated by semicolons whose header row (Date;Event;Source) names the columns of neither chrono CSV (it needs id and title; date, summary, status, actors, tags and more may follow) nor Timesketch CSV: rename its columns to chrono CSV's, save it as comma-separated CSV, and import that"},
		{"Markdown, as chrono exports it", "# Bags of cash\n\nA whistleblower's claim.\n\n## 2017\n\n### Aug 2017 · confirmed\n",
			"not a format chrono reads: it looks like Markdown, which chrono writes (export --format markdown, a draft for a story) but does not read back: import the investigation's chrono JSON (export --format json), or its events as chrono CSV"},
		{"a heading and prose", "# Notes\nSome text, and more.\n",
			"not a format chrono reads (json, timelinejs, plaso, timesketch, csv); if it is one of them, say which with --format"},
		{"anything else", "a;b\n1\n",
			"not a format chrono reads (json, timelinejs, plaso, timesketch, csv); if it is one of them, say which with --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Detect(strings.NewReader(tt.head))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestDetectEmpty: a file of nothing but white space, with or without a
// byte order mark, is said to be empty.
func TestDetectEmpty(t *testing.T) {
	for _, head := range []string{"", "\n  \n", "\ufeff", "\ufeff\r\n\t"} {
		if _, _, err := Detect(strings.NewReader(head)); err == nil || err.Error() != "the file is empty" {
			t.Errorf("%q: %v, want the file is empty", head, err)
		}
	}
}
