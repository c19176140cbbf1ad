package plaso

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
	"chrono/model/timesketch"
)

// read reads doc with a Checker and returns the events, the problems and
// the losses.
func read(t *testing.T, doc string) ([]model.Event, string, *model.Losses) {
	t.Helper()
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	var lost model.Losses
	if err := Read(strings.NewReader(doc), chk, &lost); err != nil {
		return nil, err.Error(), &lost
	}
	problems := ""
	if err := chk.Done(); err != nil {
		problems = err.Error()
	}
	return c.Timeline.Events, problems, &lost
}

const l2tHeader = "date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n"

func l2tRow(date, tm, tz, notes string) string {
	return date + "," + tm + "," + tz + ",M...,FILE,Log,Content Modification Time,-,host,-,something happened,2,f.log,-," + notes + ",syslog,-\n"
}

func TestL2TCSVDates(t *testing.T) {
	tests := []struct {
		date, time, tz string
		want           string // the date as EDTF, or "" when undated
		problem        string
		noDate, repeat int
	}{
		{date: "06/27/2012", time: "18:17:01", tz: "UTC", want: "2012-06-27T18:17:01Z"},
		{date: "01/15/2020", time: "08:00:00", tz: "Europe/Amsterdam", want: "2020-01-15T08:00:00+01:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "Europe/Amsterdam", want: "2020-07-15T08:00:00+02:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "America/New_York", want: "2020-07-15T08:00:00-04:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "Asia/Kolkata", want: "2020-07-15T08:00:00+05:30"},
		{date: "00/00/0000", time: "00:00:00", tz: "UTC", noDate: 1},
		// 02:30 on 25 October 2020 happened twice in Amsterdam: first at
		// +02:00, an hour later at +01:00.
		{date: "10/25/2020", time: "02:30:00", tz: "Europe/Amsterdam", want: "2020-10-25T02:30:00+02:00", repeat: 1},
		{date: "03/29/2020", time: "02:30:00", tz: "Europe/Amsterdam", problem: "a time the clock skipped"},
		{date: "02/30/2020", time: "08:00:00", tz: "UTC", problem: `date "02/30/2020": no such day`},
		{date: "2020-02-03", time: "08:00:00", tz: "UTC", problem: "want MM/DD/YYYY"},
		{date: "02/03/2020", time: "8:00", tz: "UTC", problem: "want HH:MM:SS"},
		{date: "02/03/2020", time: "25:00:00", tz: "UTC", problem: "no such time of day"},
		{date: "02/03/2020", time: "08:00:00", tz: "Mars/Olympus", problem: `timezone "Mars/Olympus": not a zone chrono knows`},
		{date: "02/03/2020", time: "08:00:00", tz: "Local", problem: `timezone "Local": not a zone name`},
		{date: "02/03/2020", time: "08:00:00", tz: "-", problem: "timezone: missing"},
	}
	for _, tt := range tests {
		events, problems, lost := read(t, l2tHeader+l2tRow(tt.date, tt.time, tt.tz, "-"))
		switch {
		case tt.problem != "":
			if !strings.Contains(problems, tt.problem) || len(events) != 0 {
				t.Errorf("%s %s %s: problems %q, %d events; want a problem with %q", tt.date, tt.time, tt.tz, problems, len(events), tt.problem)
			}
			continue
		case problems != "" || len(events) != 1:
			t.Errorf("%s %s %s: problems %q, %d events", tt.date, tt.time, tt.tz, problems, len(events))
			continue
		}
		got := ""
		if !events[0].Date.IsZero() {
			got = events[0].Date.String()
		}
		want := tt.want
		if want != "" {
			d, err := model.ParseDate(want)
			if err != nil {
				t.Fatal(err)
			}
			want = d.String()
		}
		if got != want || lost.Count(NoDate) != tt.noDate || lost.Count(RepeatedHour) != tt.repeat {
			t.Errorf("%s %s %s: %q, losses %q; want %q", tt.date, tt.time, tt.tz, got, lost.String(), want)
		}
		zone := strings.Contains(events[0].Summary, "timezone: "+tt.tz)
		if zone != (tt.tz != "UTC") {
			t.Errorf("%s %s %s: summary %q: the zone name is kept unless UTC", tt.date, tt.time, tt.tz, events[0].Summary)
		}
	}
}

func TestL2TCSVNotATimeIsUndated(t *testing.T) {
	row := strings.Replace(l2tRow("01/01/1970", "00:00:00", "UTC", "-"), "Content Modification Time", "Not a time", 1)
	events, problems, lost := read(t, l2tHeader+row)
	if problems != "" || len(events) != 1 || !events[0].Date.IsZero() || lost.Count(NotATime) != 1 {
		t.Errorf("problems %q, events %+v, losses %q: want one undated event, counted", problems, events, lost.String())
	}
}

func TestL2TCSVNotes(t *testing.T) {
	tests := []struct {
		notes string
		tags  []string
		line  string // the summary line the notes make, when not tags
	}{
		{notes: "Malware Printed", tags: []string{"Malware", "Printed"}},
		{notes: "Malware", tags: []string{"Malware"}},
		{notes: "a a b", tags: []string{"a", "b"}},
		{notes: "-"},
		{notes: "seen in report; ask Anna", line: "notes: seen in report; ask Anna"},
	}
	for _, tt := range tests {
		events, problems, lost := read(t, l2tHeader+l2tRow("06/27/2012", "18:17:01", "UTC", tt.notes))
		if problems != "" || len(events) != 1 {
			t.Fatalf("notes %q: problems %q", tt.notes, problems)
		}
		// Several words read as a tag each are said: they may be words
		// someone wrote ("TODO ask Bob").
		want := 0
		if len(strings.Fields(tt.notes)) > 1 && len(tt.tags) > 0 {
			want = 1
		}
		if got := lost.Count(NotesLabels); got != want {
			t.Errorf("notes %q: %d counted read as labels, want %d", tt.notes, got, want)
		}
		e := events[0]
		if strings.Join(e.Tags, "|") != strings.Join(tt.tags, "|") {
			t.Errorf("notes %q: tags %q, want %q", tt.notes, e.Tags, tt.tags)
		}
		if tt.line != "" && !strings.Contains(e.Summary, tt.line) {
			t.Errorf("notes %q: summary %q has no line %q", tt.notes, e.Summary, tt.line)
		}
	}
}

func TestL2TCSVProblems(t *testing.T) {
	tests := []struct{ doc, want string }{
		{l2tHeader + "06/27/2012,18:17:01,UTC\n", "2: the row has 3 cells, l2tcsv has 17"},
		{l2tHeader + "06/27/2012,18:17:01,UTC,M...,FILE,Log,type,-,host,-,-,2,f,-,-,syslog,-\n", "2: desc: missing"},
		{"date,time\n", "1: the header row is not l2tcsv's"},
		{l2tHeader + l2tRow("06/27/2012", "18:17:01", "UTC", "-") + l2tRow("13/27/2012", "18:17:01", "UTC", "-"), `3: date "13/27/2012": no such day`},
		{l2tHeader + l2tRow("06/12/2012", "18:17:01", "UTC", "-") + l2tRow("27/06/2012", "18:17:01", "UTC", "-"), `3: date "27/06/2012": no such day: l2tcsv writes the month first (MM/DD/YYYY), and 27 is no month; if the file was written day first, its other dates are misread too`},
	}
	for _, tt := range tests {
		_, problems, _ := read(t, tt.doc)
		if !strings.Contains(problems, tt.want) {
			t.Errorf("%q: problems %q, want %q", tt.doc, problems, tt.want)
		}
	}
}

// TestL2TCSVRepeatsGetTheirOwnIDs: psort writes the same row twice for
// two events alike in all it shows; both are kept, and reading the file
// again gives the same ids.
func TestL2TCSVRepeatsGetTheirOwnIDs(t *testing.T) {
	doc := l2tHeader + strings.Repeat(l2tRow("06/27/2012", "18:17:01", "UTC", "-"), 2)
	a, problems, _ := read(t, doc)
	b, _, _ := read(t, doc)
	if problems != "" || len(a) != 2 || a[0].ID == a[1].ID || a[0].ID != b[0].ID || a[1].ID != b[1].ID {
		t.Errorf("problems %q; ids %v then %v", problems, ids(a), ids(b))
	}
}

func ids(events []model.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// TestJSONLineEventTagCommentCounted: what an event tag holds besides its
// labels is counted as not carried; an event at timestamp 0 is undated,
// and counted, whatever its type.
func TestJSONLineEventTagCommentCounted(t *testing.T) {
	doc, err := os.ReadFile("testdata/plaso.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	extra := `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "x", "message": "m", "parser": "p", "tag": {"__type__": "EventTag", "comment": "from the report", "labels": ["a"]}, "timestamp": 0, "timestamp_desc": "Not a time"}` + "\n"
	events, problems, lost := read(t, string(doc)+extra)
	if problems != "" || len(events) != 4 {
		t.Fatalf("problems %q, %d events", problems, len(events))
	}
	if lost.String() != `1 Plaso event tag comment or other member left out; 1 event of type "Not a time" imported undated` || !events[3].Date.IsZero() {
		t.Errorf("losses %q", lost.String())
	}
	// Timestamp 0 of another type is no time to Plaso either.
	notSet := `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "fs:stat", "date_time": {"__class_name__": "NotSet", "__type__": "DateTimeValues", "string": "Not set"}, "message": "notset", "parser": "filestat", "timestamp": 0, "timestamp_desc": "Creation Time"}` + "\n"
	events, problems, lost = read(t, string(doc)+extra+notSet)
	if problems != "" || len(events) != 5 || !events[4].Date.IsZero() ||
		lost.String() != `1 Plaso event tag comment or other member left out; 1 event of type "Not a time" imported undated; 1 event at timestamp 0 (Plaso's mark of no time) imported undated` {
		t.Errorf("timestamp 0 of type Creation Time: problems %q, %d events, losses %q", problems, len(events), lost.String())
	}
	for _, e := range events {
		if strings.Contains(e.Summary, "__container_type__: event") || strings.Contains(e.Summary, "__type__: AttributeContainer") {
			t.Errorf("Plaso's container markers are in the summary: %q", e.Summary)
		}
	}
}

// TestL2TCSVQuotesAreText: psort writes no quotes, so a value that starts
// with one (a Windows command line) is text, and the rows after it are
// read as rows; a row a spreadsheet saved again, quoted, reads the same.
func TestL2TCSVQuotesAreText(t *testing.T) {
	cmd := `"C:\Windows\system32\svchost.exe" -k netsvcs`
	row := "06/27/2012,18:17:01,UTC,M...,REG,Services,Content Modification Time,-,host,-," + cmd + ",2,SYSTEM,-,-,winreg,-\n"
	quoted := `06/27/2012,18:17:01,UTC,M...,REG,Services,Content Modification Time,-,host,-,"""C:\Windows\system32\svchost.exe"" -k netsvcs",2,SYSTEM,-,-,winreg,"a: 1, b: 2"` + "\n"
	events, problems, _ := read(t, l2tHeader+row+row+quoted)
	if problems != "" || len(events) != 3 {
		t.Fatalf("problems %q, %d events; want 3", problems, len(events))
	}
	for i, e := range events {
		if e.Title != cmd {
			t.Errorf("event %d: title %q, want %q", i+1, e.Title, cmd)
		}
	}
	if !strings.Contains(events[2].Summary, "extra: a: 1, b: 2") {
		t.Errorf("the quoted row's extra: %q", events[2].Summary)
	}
}

// TestJSONLineTimestampsAreMicroseconds: Plaso writes microseconds
// whatever the number's size, so an event of January 1970 stays there
// rather than being read in the unit a Timesketch file of that size
// would have.
func TestJSONLineTimestampsAreMicroseconds(t *testing.T) {
	doc := `{"data_type": "x", "message": "boot", "parser": "p", "timestamp": 86400000000, "timestamp_desc": "Creation Time"}` + "\n"
	events, problems, lost := read(t, doc)
	if problems != "" || len(events) != 1 {
		t.Fatalf("problems %q, %d events", problems, len(events))
	}
	if got := events[0].Date.String(); got != "1970-01-02T00:00:00Z" {
		t.Errorf("dated %s, want 1970-01-02T00:00:00Z", got)
	}
	if lost.String() != "" {
		t.Errorf("losses %q, want none", lost.String())
	}
}

// TestMadeIDsTold: every event of either output has a made id, which
// the reader tells its sink, with the line the event is on, before
// sending it; a row it cannot send is told of neither.
func TestMadeIDsTold(t *testing.T) {
	jsonLine := func(message string) string {
		return `{"__container_type__": "event", "__type__": "AttributeContainer", "message": "` + message + `", "timestamp": 1340821021000000, "timestamp_desc": "d"}` + "\n"
	}
	for _, tt := range []struct {
		name, doc string
		want      []string // title, line, made
	}{
		{"l2tcsv", l2tHeader + l2tRow("06/27/2012", "18:17:01", "UTC", "-") + "\n" + l2tRow("06/27/2012", "25:00:00", "UTC", "-") + l2tRow("06/27/2012", "18:17:02", "UTC", "-"),
			[]string{"something happened 2 true", "something happened 5 true"}},
		{"json_line", jsonLine("one") + `{"message": "bad"}` + "\n" + jsonLine("two"),
			[]string{"one 1 true", "two 3 true"}},
	} {
		var told modeltest.Told
		if err := Read(strings.NewReader(tt.doc), &told, nil); err != nil || len(told.Problems) == 0 {
			t.Fatalf("%s: %v, problems %v; want the bad row's alone", tt.name, err, told.Problems)
		}
		var got []string
		for i, e := range told.Timeline.Events {
			got = append(got, fmt.Sprintf("%s %d %v", e.Title, told.At[i].Line, told.Made[i]))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %q, want %q", tt.name, got, tt.want)
		}
	}
}

// storedSink is a Told whose store holds the events of ids.
type storedSink struct {
	modeltest.Told
	ids []string
}

// EventStored implements model.StoredEvents.
func (s *storedSink) EventStored(id string) bool { return slices.Contains(s.ids, id) }

// TestJSONLineKeepsIDsMadeAsWritten: a json_line file an earlier chrono
// imported, which made the ids from the timestamp as written, keeps
// those ids when the store holds them, as a Timesketch file does, rather
// than adding its events again under ids made from their instants.
func TestJSONLineKeepsIDsMadeAsWritten(t *testing.T) {
	doc := `{"__container_type__": "event", "__type__": "AttributeContainer", "message": "m", "timestamp": 1340821021000000, "timestamp_desc": "d"}` + "\n"
	_, legacy := timesketch.RecordID("1340821021000000", "d", "m")
	for _, tt := range []struct {
		stored []string
		want   string
	}{
		{[]string{legacy}, legacy},
		{nil, "ts-"}, // made from the instant: another
	} {
		sink := &storedSink{ids: tt.stored}
		if err := Read(strings.NewReader(doc), sink, nil); err != nil || len(sink.Timeline.Events) != 1 {
			t.Fatalf("read: %v, %+v", err, sink.Timeline)
		}
		if got := sink.Timeline.Events[0].ID; got == legacy != (tt.want == legacy) || !strings.HasPrefix(got, "ts-") {
			t.Errorf("stored %q: id %s, want %s", tt.stored, got, tt.want)
		}
	}
}

// TestL2TCSVQuotedLineBreaks: a cell a spreadsheet quoted with a line
// break in it goes on over the next line, its row read whole, the rows
// after it read as rows; written CR LF, the break is read as LF and
// counted. A quote left open is one problem, at the row's first line.
func TestL2TCSVQuotedLineBreaks(t *testing.T) {
	broken := func(eol string) string {
		return "06/27/2012,18:17:01,UTC,M...,FILE,Log,type,-,host,-,\"first line" + eol + "second line\",2,f.log,-,-,syslog,-" + eol
	}
	for _, eol := range []string{"\n", "\r\n"} {
		header := strings.ReplaceAll(l2tHeader, "\n", eol)
		events, problems, lost := read(t, header+broken(eol)+strings.ReplaceAll(l2tRow("06/28/2012", "18:17:01", "UTC", "-"), "\n", eol))
		if problems != "" || len(events) != 2 {
			t.Fatalf("%q: problems %q, %d events; want 2", eol, problems, len(events))
		}
		if events[0].Title != "first line\nsecond line" || events[1].Title != "something happened" {
			t.Errorf("%q: titles %q, %q", eol, events[0].Title, events[1].Title)
		}
		if got, want := lost.Count(model.CRLFRead), strings.Count(eol, "\r"); got != want {
			t.Errorf("%q: %d breaks counted as read CR LF, want %d", eol, got, want)
		}
	}
	open := "06/27/2012,18:17:01,UTC,M...,FILE,Log,type,-,host,-,\"never, closed,2,f.log,-,-,syslog,-\n"
	_, problems, _ := read(t, l2tHeader+open+l2tRow("06/28/2012", "18:17:01", "UTC", "-"))
	if !strings.HasPrefix(problems, "2: a cell quoted on this line is never closed") || strings.Count(problems, "\n") != 0 {
		t.Errorf("a quote left open: %q", problems)
	}
}

// TestL2TCSVQuotedCellPastTheLimit: a quoted cell still open when its row
// reaches the limit of a row is said so, not as never closed.
func TestL2TCSVQuotedCellPastTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a row of 64 MiB")
	}
	line := strings.Repeat("x", 1<<20) + "\n"
	open := "06/27/2012,18:17:01,UTC,M...,FILE,Log,type,-,host,-,\"" + strings.Repeat(line, model.MaxRecordBytes>>20+1)
	_, problems, _ := read(t, l2tHeader+open)
	if !strings.HasPrefix(problems, "2: a cell quoted on this line runs past the 64 MiB a row may have, unclosed") {
		t.Errorf("problems %.200q", problems)
	}
}

// TestJSONLineProblemsNamePsort: a json_line event without its message,
// timestamp_desc or timestamp is said in psort's terms, naming the key
// the line lacks, not in Timesketch's (a datetime json_line never has).
func TestJSONLineProblemsNamePsort(t *testing.T) {
	tests := []struct{ line, want string }{
		{`{"data_type": "x", "parser": "p", "timestamp": 86400000000, "timestamp_desc": "Creation Time"}`, "1: message: missing: psort's json_line gives every event one"},
		{`{"data_type": "x", "message": "", "parser": "p", "timestamp": 86400000000, "timestamp_desc": "Creation Time"}`, "1: message: empty: psort's json_line gives every event one"},
		{`{"data_type": "x", "message": "boot", "parser": "p", "timestamp": 86400000000}`, "1: timestamp_desc: missing: psort's json_line gives every event one"},
		{`{"data_type": "x", "message": "boot", "parser": "p", "timestamp_desc": "Creation Time"}`, "1: timestamp: missing: psort's json_line gives every event its time as a timestamp, in microseconds"},
	}
	for _, tt := range tests {
		events, problems, _ := read(t, tt.line+"\n")
		if !strings.Contains(problems, tt.want) || len(events) != 0 {
			t.Errorf("%s: problems %q, %d events; want a problem with %q", tt.line, problems, len(events), tt.want)
		}
		if strings.Contains(problems, "Timesketch") || strings.Contains(problems, "datetime") {
			t.Errorf("%s: problems %q speak of Timesketch's records in a psort file", tt.line, problems)
		}
	}
}

// TestPsortJSONOutputIsSaid: psort's json output, one object of
// event_0, event_1 and on, read as Plaso is refused at its first line,
// saying how to have json_line, not read as one event without a message.
func TestPsortJSONOutputIsSaid(t *testing.T) {
	doc := `{"event_0": {"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "x", "message": "boot", "parser": "p", "timestamp": 86400000000, "timestamp_desc": "Creation Time"}, "event_1": {"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "x", "message": "halt", "parser": "p", "timestamp": 86400000001, "timestamp_desc": "Creation Time"}}`
	events, problems, _ := read(t, doc)
	if len(events) != 0 || !strings.HasPrefix(problems, "1: psort's json output") || !strings.Contains(problems, "json_line") {
		t.Errorf("%d events, problems %q; want one problem at line 1 saying it is psort's json output, and how to have json_line", len(events), problems)
	}
	// json_line whose first key happens to begin event_ is still read.
	events, problems, _ = read(t, `{"event_0x": 1, "__container_type__": "event", "message": "boot", "parser": "p", "timestamp": 86400000000, "timestamp_desc": "Creation Time"}`+"\n")
	if problems != "" || len(events) != 1 {
		t.Errorf("json_line with a key event_0x: problems %q, %d events", problems, len(events))
	}
}

// TestL2TCSVShortSaysNoMore: short is a summary line only when it says
// more than desc, the title.
func TestL2TCSVShortSaysNoMore(t *testing.T) {
	for _, c := range []struct {
		short, desc string
		kept        bool
	}{
		{"/etc/passwd", "/etc/passwd", false},
		{"/etc/passwd", "/etc/passwd Type: file", false},
		{"[HKLM\\System] Sta...", "[HKLM\\System] Start: 2", false},
		{"/etc/pass", "/etc/passwd Type: file", true},
		{"Login by root", "/etc/passwd Type: file", true},
	} {
		row := "06/27/2012,18:17:01,UTC,M...,FILE,Log,Content Modification Time,-,host," + c.short + "," + c.desc + ",2,f.log,-,-,syslog,-\n"
		events, problems, _ := read(t, l2tHeader+row)
		if problems != "" || len(events) != 1 {
			t.Fatalf("%q: %v %q", c.short, events, problems)
		}
		if kept := strings.Contains(events[0].Summary, "short: "); kept != c.kept {
			t.Errorf("short %q beside desc %q: kept %v, want %v (summary %q)", c.short, c.desc, kept, c.kept, events[0].Summary)
		}
	}
}
