package timesketch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"

	"github.com/charmbracelet/x/exp/golden"
)

// TestReadFixtures reads each hand-written file under testdata and
// compares what comes out (problems, losses, and the investigation as
// native JSON) with testdata/TestReadFixtures/FILE.golden.
func TestReadFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 6 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tl, losses, err := read(t, string(doc))
			var b strings.Builder
			if err != nil {
				b.WriteString("problems:\n" + err.Error() + "\n")
			}
			if !losses.Empty() {
				b.WriteString("losses: " + losses.String() + "\n")
			}
			if err == nil {
				if werr := native.Write(&b, tl.Header, tl.Sources, events(tl.Events)); werr != nil {
					t.Fatal(werr)
				}
			}
			golden.RequireEqual(t, b.String())
		})
	}
}

// TestRead checks each rule of the import on a small input.
func TestRead(t *testing.T) {
	const head = "message,datetime,timestamp,timestamp_desc,tag\n"
	tests := []struct {
		name, doc string
		check     func(t *testing.T, e model.Event, losses *model.Losses)
	}{
		{"date only is a day", `{"message":"m","datetime":"2017-08-14","timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017-08-14", model.PrecisionDay)
			}},
		{"full timestamp is a second, with its offset", `{"message":"m","datetime":"2017-08-14T15:04:05+00:00","timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017-08-14T15:04:05+00:00", model.PrecisionSecond)
			}},
		{"fractional seconds kept", `{"message":"m","datetime":"2017-08-14T15:04:05.120-04:00","timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017-08-14T15:04:05.120-04:00", model.PrecisionSecond)
			}},
		{"timestamp only", `{"message":"m","timestamp":1502723045000000,"timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017-08-14T15:04:05Z", model.PrecisionSecond)
			}},
		{"timestamp only, in CSV, with microseconds", head + "m,,1502723045000042,d,\n",
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017-08-14T15:04:05.000042Z", model.PrecisionSecond)
			}},
		{"timestamp before 1970", `{"message":"m","timestamp":-631152000000001,"timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "1949-12-31T23:59:59.999999Z", model.PrecisionSecond)
			}},
		{"tag as a JSON list", `{"message":"m","datetime":"2017","timestamp_desc":"d","tag":["a","b"]}`,
			func(t *testing.T, e model.Event, _ *model.Losses) { wantTags(t, e, "a", "b") }},
		{"tag as a comma string", `{"message":"m","datetime":"2017","timestamp_desc":"d","tag":"a, b,,c"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) { wantTags(t, e, "a", "b", "c") }},
		{"tag as - for none", head + "m,2017,,d,-\n",
			func(t *testing.T, e model.Event, _ *model.Losses) { wantTags(t, e) }},
		{"tag as a JSON list in a CSV cell", head + `m,2017,,d,"[""a"",""b, c""]"` + "\n",
			func(t *testing.T, e model.Event, l *model.Losses) {
				wantTags(t, e, "a", "b- c")
				if l.Count(TagCleaned) != 1 {
					t.Errorf("cleaned %d tags, want 1", l.Count(TagCleaned))
				}
			}},
		{"tag as a Python list in a CSV cell, as pandas writes it", head + `m,2017,,d,"['a', ""it's"", 'b, c']"` + "\n",
			func(t *testing.T, e model.Event, l *model.Losses) {
				wantTags(t, e, "a", "it's", "b- c")
				if l.Count(TagPythonList) != 1 || l.Count(TagCleaned) != 1 {
					t.Errorf("losses %s, want 1 Python list and 1 cleaned", l.String())
				}
			}},
		{"tag as a Python list in a JSONL string", `{"message":"m","datetime":"2017","timestamp_desc":"d","tag":"['a', 'b']"}`,
			func(t *testing.T, e model.Event, l *model.Losses) {
				wantTags(t, e, "a", "b")
				if l.Count(TagPythonList) != 1 {
					t.Errorf("losses %s, want 1 Python list", l.String())
				}
			}},
		{"bad tags cleaned and counted", `{"message":"m","datetime":"2017","timestamp_desc":"d","tag":["#x"," y","x","","z"]}`,
			func(t *testing.T, e model.Event, l *model.Losses) {
				wantTags(t, e, "x", "y", "z")
				if l.Count(TagCleaned) != 2 || l.Count(TagDropped) != 2 {
					t.Errorf("losses %s, want 2 cleaned and 2 dropped", l.String())
				}
			}},
		{"attributes in order, verbatim", `{"message":"m","zeta":"z","datetime":"2017","n":1.50,"timestamp_desc":"File created","o":{"k": [1, 2]},"nil":null,"alpha":"line\nbreak"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				want := "zeta: z\nn: 1.50\ntimestamp_desc: File created\no: {\"k\": [1, 2]}\nnil: null\nalpha: line\nbreak"
				if e.Summary != want {
					t.Errorf("summary %q, want %q", e.Summary, want)
				}
			}},
		{"CSV cells with quotes, commas and line breaks", head[:len(head)-1] + ",note\n\"say \"\"hi\"\", then\nleave\",2017,,d,,\"a, b\"\n",
			func(t *testing.T, e model.Event, _ *model.Losses) {
				if e.Title != "say \"hi\", then\nleave" || e.Summary != "timestamp_desc: d\nnote: a, b" {
					t.Errorf("title %q, summary %q", e.Title, e.Summary)
				}
			}},
		{"our own description is not repeated", `{"message":"m","datetime":"2017-08","timestamp_desc":"Event date (month precision)"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				if e.Summary != "" {
					t.Errorf("summary %q, want none", e.Summary)
				}
			}},
		{"a timestamp that says more than the datetime is kept", `{"message":"m","datetime":"2017-08-14T15:04:05Z","timestamp":1502723045000042,"timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				if e.Summary != "timestamp: 1502723045000042\ntimestamp_desc: d" {
					t.Errorf("summary %q", e.Summary)
				}
			}},
		{"a timestamp equal to the datetime goes", `{"message":"m","datetime":"2017-08-14T15:04:05Z","timestamp":1502723045000000,"timestamp_desc":"d"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				if e.Summary != "timestamp_desc: d" {
					t.Errorf("summary %q", e.Summary)
				}
			}},
		{"our keys without chrono_id are attributes", `{"message":"m","datetime":"2017","timestamp_desc":"d","status":"200","date_edtf":"2016"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2017", model.PrecisionYear)
				if e.Status != "" || e.Summary != "timestamp_desc: d\nstatus: 200\ndate_edtf: 2016" {
					t.Errorf("status %q, summary %q", e.Status, e.Summary)
				}
			}},
		{"our keys with chrono_id are fields", `{"message":"m","datetime":"2016-01-01T00:00:00+00:00","timestamp_desc":"Event date (approximate, year precision)","chrono_id":"x","date_edtf":"2016~","status":"alleged","summary":"s","actors":["A"],"extra":"e"}`,
			func(t *testing.T, e model.Event, _ *model.Losses) {
				wantDate(t, e, "2016~", model.PrecisionYear)
				if e.ID != "x" || e.Status != model.Alleged || e.Summary != "s\n\nextra: e" || !slices.Equal(e.Actors, []string{"A"}) {
					t.Errorf("got %+v", e)
				}
			}},
		{"a byte order mark and blank lines first", "\uFEFF\n\n" + head + "m,2017,,d,\n",
			func(t *testing.T, e model.Event, _ *model.Losses) { wantDate(t, e, "2017", model.PrecisionYear) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, losses := mustRead(t, tt.doc)
			if len(tl.Events) != 1 {
				t.Fatalf("read %d events, want 1", len(tl.Events))
			}
			tt.check(t, tl.Events[0], losses)
		})
	}
}

func wantDate(t *testing.T, e model.Event, date string, p model.Precision) {
	t.Helper()
	if e.Date.String() != date || e.Date.Precision() != p {
		t.Errorf("date %q (%s precision), want %q (%s precision)", e.Date, e.Date.Precision(), date, p)
	}
}

func wantTags(t *testing.T, e model.Event, tags ...string) {
	t.Helper()
	if !slices.Equal(e.Tags, tags) {
		t.Errorf("tags %q, want %q", e.Tags, tags)
	}
}

// TestReadProblems checks that each problem is reported with the line of
// its record, and that one pass finds them all.
func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"bad datetime", "{\"message\":\"ok\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n\n{\"message\":\"m\",\"datetime\":\"2017-13-01\",\"timestamp_desc\":\"d\"}\n",
			[]string{`3: datetime "2017-13-01": month 13 out of range`}},
		{"no datetime, CSV", "message,datetime,timestamp_desc\nok,2017,d\nm,,d\n",
			[]string{`3: datetime: missing: chrono needs each event's time, in ISO 8601 (2017-08-14T15:04:05+00:00) or as a timestamp in microseconds (Timesketch itself would drop this record without a word)`}},
		{"no datetime member, JSONL", `{"message":"m","timestamp_desc":"d"}`,
			[]string{`1: datetime: missing: chrono needs each event's time, in ISO 8601 (2017-08-14T15:04:05+00:00) or as a timestamp in microseconds (Timesketch itself would drop this record without a word)`}},
		{"line of a record that starts on an earlier line", "message,datetime,timestamp_desc\n\"two\nlines\",2017-02-30,d\nm,2017-13,d\n",
			[]string{`2: datetime "2017-02-30": day 30 out of range for Feb 2017`, `4: datetime "2017-13": month 13 out of range`}},
		{"ragged row", "message,datetime,timestamp_desc\nm,2017\n",
			[]string{`2: the row has 2 cells but the header names 3 columns: quote any cell with a comma in it`}},
		{"bare quote", "message,datetime,timestamp_desc\nm \"x\",2017,d\n",
			[]string{`2:3: invalid CSV: a " in a cell that is not quoted: quote the cell and double the " inside it ("say ""hi""")`}},
		{"duplicate key", `{"message":"m","message":"n","datetime":"2017","timestamp_desc":"d"}`,
			[]string{`1:16: a key appears twice in the same object`}},
		{"duplicate key in an object within", `{"message":"m","datetime":"2017","timestamp_desc":"d","tag":{"labels":["a"],"labels":["b"]}}`,
			[]string{`1:77: a key appears twice in the same object`}},
		{"duplicate key among many", `{"message":"m","k0":"v","k1":"v","k2":"v","k3":"v","k4":"v","k5":"v","k6":"v","k7":"v","k8":"v","k9":"v","k10":"v","k11":"v","k12":"v","k13":"v","k14":"v","k15":"v","k16":"v","k17":"v","k18":"v","k19":"v","k20":"v","k21":"v","k22":"v","k23":"v","k24":"v","k25":"v","k26":"v","k27":"v","k28":"v","k29":"v","k30":"v","k31":"v","k32":"v","k33":"v","k34":"v","k35":"v","k36":"v","k37":"v","k38":"v","k39":"v","k40":"v","k41":"v","k42":"v","k43":"v","k44":"v","k45":"v","k46":"v","k47":"v","k48":"v","k49":"v","k50":"v","k51":"v","k52":"v","k53":"v","k54":"v","k55":"v","k56":"v","k57":"v","k58":"v","k59":"v","k60":"v","k61":"v","k62":"v","k63":"v","k64":"v","k65":"v","k66":"v","k67":"v","k68":"v","k69":"v","datetime":"2017","k3":"w","timestamp_desc":"d"}`,
			[]string{`1:724: a key appears twice in the same object`}},
		{"everything wrong with a record", `{"message":" ","datetime":"yesterday","timestamp":"soon"}`,
			[]string{
				`1: message: empty: every Timesketch record needs one; it is the event's title`,
				`1: timestamp_desc: missing: every Timesketch record says what its time is, such as "Event date"`,
				`1: timestamp "soon": want whole microseconds since 1970-01-01T00:00:00Z, like 1502723045000000`,
				`1: datetime "yesterday": not an ISO 8601 date and time: write it as 2017-08-14 or 2017-08-14T15:04:05+00:00`,
			}},
		{"datetime edited after export", `{"message":"m","datetime":"2017-09-01T00:00:00+00:00","timestamp":1501545600000000,"timestamp_desc":"d","chrono_id":"x","date_edtf":"2017-08"}`,
			[]string{`1: datetime "2017-09-01T00:00:00+00:00" disagrees with date_edtf "2017-08", which starts at 2017-08-01T00:00:00+00:00: correct one of them, or empty the datetime`}},
		{"source that differs", "{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\",\"chrono_id\":\"a\",\"sources\":[{\"id\":\"s\",\"title\":\"One\"}]}\n" +
			"{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\",\"chrono_id\":\"b\",\"sources\":[{\"id\":\"s\",\"title\":\"Two\"}]}\n",
			[]string{`2: sources: source "s" differs from the one on line 1: a source must read the same on every row that cites it`}},
		{"bad source date", `{"message":"m","datetime":"2017","timestamp_desc":"d","chrono_id":"a","sources":[{"id":"s","published":"2022-13"}]}`,
			[]string{`1: sources: source #1: published: "2022-13": month 13 out of range`}},
		{"message not a string", `{"message":42,"datetime":"2017","timestamp_desc":"d"}`,
			[]string{`1: message: want a string, found a number: write it in quotes, "message": "42"`}},
		{"timestamp_desc not a string", `{"message":"m","datetime":"2017","timestamp_desc":["d"]}`,
			[]string{`1: timestamp_desc: want a string, found an array: Timesketch reads text there`}},
		{"datetime neither a string nor a number", `{"message":"m","datetime":true,"timestamp_desc":"d"}`,
			[]string{`1: datetime: want a string, found a boolean`}},
		{"header without timestamp_desc", "message,datetime\nm,2017\n",
			[]string{`1: the header row has no timestamp_desc column: a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc`}},
		{"header retyped in capitals", "Message,Datetime,timestamp_desc\nm,2017,d\n",
			[]string{`1: the header row has no message or datetime column: a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc in lower case, without spaces: rename "Message" as message, "Datetime" as datetime`}},
		{"an id used twice, at its line", "{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\",\"chrono_id\":\"a\"}\n\n" +
			"{\"message\":\"n\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\",\"chrono_id\":\"a\"}\n",
			[]string{`3: event "a" (#2): id "a": already used by event #1`}},
		{"no message at all", "{\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n",
			[]string{`1: message: missing: every Timesketch record needs one; it is the event's title`}},
		{"header separated by semicolons", "message;datetime;timestamp_desc\r\nm;2017;d\r\n",
			[]string{`1: the header row is separated by semicolons: save the sheet as comma-separated CSV (a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc)`}},
		{"header separated by tabs", "message\tdatetime\ttimestamp_desc\r\nm\t2017\td\r\n",
			[]string{`1: the header row is separated by tabs: save the sheet as comma-separated CSV (a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := read(t, tt.doc)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestReadInFile checks the form the command line prints: FILE:LINE: msg.
func TestReadInFile(t *testing.T) {
	_, _, err := read(t, "message,datetime,timestamp_desc\nm,2017-13-01,d\n")
	got := model.InFile("case.csv", err).Error()
	if want := `case.csv:2: datetime "2017-13-01": month 13 out of range`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestReadStopsWithoutReporter checks that a sink that does not collect
// problems gets the first one as the error of Read.
func TestReadStopsWithoutReporter(t *testing.T) {
	var c model.Collect
	err := Read(strings.NewReader("message,datetime,timestamp_desc\nm,,d\nn,2017,d\n"), &c, nil)
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 2 {
		t.Fatalf("error %v, want the problem of line 2", err)
	}
	if len(c.Timeline.Events) != 0 {
		t.Errorf("read on past the problem: %d events", len(c.Timeline.Events))
	}
}

// TestReadEmpty checks that a blank file is a file of no records, as a
// JSONL export of no events is.
func TestReadEmpty(t *testing.T) {
	for _, doc := range []string{"", "\uFEFF", " \n\t\r\n"} {
		tl, _ := mustRead(t, doc)
		if len(tl.Events) != 0 || len(tl.Sources) != 0 {
			t.Errorf("%q read as %+v", doc, tl)
		}
	}
}

// TestMadeUpIDs checks that records without chrono_id get ids that do not
// change from one import to the next, and that repeats are numbered.
func TestMadeUpIDs(t *testing.T) {
	doc := "{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n" +
		"{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n" +
		"{\"message\":\"m\",\"datetime\":\"2018\",\"timestamp_desc\":\"d\"}\n" +
		"{\"message\":\"m\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n"
	first, _ := mustRead(t, doc)
	again, _ := mustRead(t, doc)
	var ids []string
	for i, e := range first.Events {
		ids = append(ids, e.ID)
		if again.Events[i].ID != e.ID {
			t.Errorf("event %d: id %q, then %q", i+1, e.ID, again.Events[i].ID)
		}
	}
	base := ids[0]
	if len(base) != len("ts-")+12 || !strings.HasPrefix(base, "ts-") {
		t.Fatalf("id %q, want ts- and 12 hex digits", base)
	}
	if ids[1] != base+"-2" || ids[3] != base+"-3" || ids[2] == base || strings.HasPrefix(ids[2], base) {
		t.Errorf("ids %q", ids)
	}
}

// TestReadArrayOfRecords: records gathered into a JSON array were read
// as a CSV whose header had a stray quote; the problem says to write a
// record a line.
func TestReadArrayOfRecords(t *testing.T) {
	doc := "[{\"message\": \"boot\", \"datetime\": \"2021-01-01T00:00:00Z\", \"timestamp_desc\": \"Creation Time\"}]\n"
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	err := Read(strings.NewReader(doc), chk, nil)
	if err == nil {
		err = chk.Done()
	}
	if err == nil || !strings.Contains(err.Error(), "1:1: a JSON array of Timesketch records") || !strings.Contains(err.Error(), "jq -c '.[]'") {
		t.Errorf("Read of an array: %v", err)
	}
}
