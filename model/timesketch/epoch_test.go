package timesketch

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestTimestampUnit checks that a timestamp that dates a record is read
// in the unit its size says, as Timesketch reads it, in JSONL and CSV,
// and that every record read in a unit other than microseconds is
// counted.
func TestTimestampUnit(t *testing.T) {
	tests := []struct {
		name string
		ts   string
		want string
		loss model.Loss
	}{
		{"seconds", "1658689261", "2022-07-24T19:01:01Z", TimestampSeconds},
		{"milliseconds", "1658689261123", "2022-07-24T19:01:01.123Z", TimestampMillis},
		{"microseconds", "1658689261123456", "2022-07-24T19:01:01.123456Z", model.Loss{}},
		{"nanoseconds", "1658689261123456789", "2022-07-24T19:01:01.123456789Z", TimestampNanos},
		{"seconds, the largest", "100000000000", "5138-11-16T09:46:40Z", TimestampSeconds},
		{"milliseconds, the smallest", "100000000001", "1973-03-03T09:46:40.001Z", TimestampMillis},
		{"microseconds, the smallest", "100000000000001", "1973-03-03T09:46:40.000001Z", model.Loss{}},
		{"nanoseconds, the smallest", "100000000000000001", "1973-03-03T09:46:40.000000001Z", TimestampNanos},
		{"seconds before 1970", "-86400", "1969-12-31T00:00:00Z", TimestampSeconds},
		{"microseconds before 1970", "-631152000000000", "1950-01-01T00:00:00Z", model.Loss{}},
	}
	for _, tt := range tests {
		for _, doc := range []string{
			`{"message":"m","timestamp":` + tt.ts + `,"timestamp_desc":"d"}` + "\n",
			"message,datetime,timestamp,timestamp_desc\nm,," + tt.ts + ",d\n",
		} {
			t.Run(tt.name, func(t *testing.T) {
				tl, losses := mustRead(t, doc)
				if len(tl.Events) != 1 {
					t.Fatalf("read %d events, want 1", len(tl.Events))
				}
				wantDate(t, tl.Events[0], tt.want, model.PrecisionSecond)
				var want []string
				if tt.loss != (model.Loss{}) {
					want = []string{"1 " + tt.loss.One}
				}
				if got := losses.Lines(); !slices.Equal(got, want) {
					t.Errorf("losses %q, want %q", got, want)
				}
			})
		}
	}

	// Counted once per record, in the import's message.
	doc := "message,datetime,timestamp,timestamp_desc\na,,1658689261,d\nb,,1658689262,d\nc,,1658689261123,d\nd,,1658689261123456,d\n"
	_, losses := mustRead(t, doc)
	want := []string{"2 " + TimestampSeconds.Many, "1 " + TimestampMillis.One}
	if got := losses.Lines(); !slices.Equal(got, want) {
		t.Errorf("losses %q, want %q", got, want)
	}
}

// TestTimestampBesideDatetime checks that a timestamp in another unit
// that agrees with the datetime says nothing more, and is not kept.
func TestTimestampBesideDatetime(t *testing.T) {
	for _, ts := range []string{"1658689261", "1658689261000", "1658689261000000", "1658689261000000000"} {
		tl, losses := mustRead(t, `{"message":"m","datetime":"2022-07-24T19:01:01Z","timestamp":`+ts+`,"timestamp_desc":"d"}`)
		if e := tl.Events[0]; e.Summary != "timestamp_desc: d" {
			t.Errorf("timestamp %s: summary %q", ts, e.Summary)
		}
		if !losses.Empty() {
			t.Errorf("timestamp %s: losses %s: the datetime dated the record", ts, losses)
		}
	}
	tl, _ := mustRead(t, `{"message":"m","datetime":"2022-07-24T19:01:01Z","timestamp":1658689262,"timestamp_desc":"d"}`)
	if e := tl.Events[0]; e.Summary != "timestamp: 1658689262\ntimestamp_desc: d" {
		t.Errorf("a timestamp that disagrees: summary %q", e.Summary)
	}
}

// TestDatetimeMicros checks that epoch microseconds in the datetime are
// read, as Timesketch's importer reads them, and counted.
func TestDatetimeMicros(t *testing.T) {
	for _, doc := range []string{
		"message,datetime,timestamp_desc\nm,1502723045000042,d\n",
		`{"message":"m","datetime":"1502723045000042","timestamp_desc":"d"}`,
		`{"message":"m","datetime":1502723045000042,"timestamp_desc":"d"}`,
	} {
		tl, losses := mustRead(t, doc)
		wantDate(t, tl.Events[0], "2017-08-14T15:04:05.000042Z", model.PrecisionSecond)
		if got, want := losses.String(), "1 "+DatetimeMicros.One; got != want {
			t.Errorf("%s: losses %q, want %q", doc, got, want)
		}
	}
	// A smaller number is not microseconds to Timesketch: saying where a
	// number belongs is more use than "not ISO 8601".
	_, _, err := read(t, "message,datetime,timestamp_desc\nm,1502723045,d\n")
	want := `2: datetime "1502723045": ` + smallEpoch
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestBlankDateCells checks that a datetime or timestamp of blank space
// is empty, and the other decides.
func TestBlankDateCells(t *testing.T) {
	for _, doc := range []string{
		"message,datetime,timestamp,timestamp_desc\nm,  ,1502723045000000,d\n",
		"message,datetime,timestamp,timestamp_desc\nm,2017-08-14T15:04:05Z,\t ,d\n",
		`{"message":"m","datetime":" ","timestamp":1502723045000000,"timestamp_desc":"d"}`,
		`{"message":"m","datetime":"2017-08-14T15:04:05Z","timestamp":"  ","timestamp_desc":"d"}`,
	} {
		tl, _, err := read(t, doc)
		if err != nil {
			t.Errorf("%s: %v", doc, err)
			continue
		}
		wantDate(t, tl.Events[0], "2017-08-14T15:04:05Z", model.PrecisionSecond)
		if s := tl.Events[0].Summary; s != "timestamp_desc: d" {
			t.Errorf("%s: summary %q", doc, s)
		}
	}
	_, _, err := read(t, "message,datetime,timestamp,timestamp_desc\nm, , ,d\n")
	if err == nil || !strings.Contains(err.Error(), "datetime: missing") || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("both blank: error %v, want datetime: missing alone", err)
	}
}

// TestDatetimeNoTime checks that 0000-00-00, which Plaso's dynamic CSV
// writes for an event without a time, is read as an empty datetime and
// counted: the event is undated, or dated by its timestamp.
func TestDatetimeNoTime(t *testing.T) {
	for _, tc := range []struct{ doc, date string }{
		{"datetime,timestamp_desc,message\n0000-00-00T00:00:00.000000+00:00,Not a time,m\n", ""},
		{`{"message":"m","datetime":"0000-00-00T00:00:00+00:00","timestamp_desc":"d"}`, ""},
		{`{"message":"m","datetime":"0000-00-00","timestamp":1502723045000000,"timestamp_desc":"d"}`, "2017-08-14T15:04:05Z"},
	} {
		tl, losses, err := read(t, tc.doc)
		if err != nil {
			t.Errorf("%s: %v", tc.doc, err)
			continue
		}
		if got := tl.Events[0].Date.String(); got != tc.date {
			t.Errorf("%s: date %q, want %q", tc.doc, got, tc.date)
		}
		if got, want := losses.String(), "1 "+DatetimeNoTime.One; got != want {
			t.Errorf("%s: losses %q, want %q", tc.doc, got, want)
		}
	}
	// Only a whole 0000-00-00 is Plaso's mark: a year 0 is refused.
	if _, _, err := read(t, "datetime,timestamp_desc,message\n0000-00-01T00:00:00Z,d,m\n"); err == nil {
		t.Error("0000-00-01 read")
	}
}

// TestCSVCellCRLFCounted: a line break written CR LF inside a quoted cell
// is read as LF, as CSV readers read it, and counted.
func TestCSVCellCRLFCounted(t *testing.T) {
	tl, losses := mustRead(t, "message,datetime,timestamp_desc\r\n\"two\r\nlines\",2017-08-14T15:04:05Z,d\r\n")
	if tl.Events[0].Title != "two\nlines" || losses.Count(model.CRLFRead) != 1 {
		t.Errorf("title %q, losses %s", tl.Events[0].Title, losses)
	}
}

// TestTimestampZeroUndated: a record whose only time is timestamp 0,
// which Plaso writes for an event without a time, is undated, not dated
// 1970-01-01 as a timestamp read in seconds, and counted; so is one whose
// datetime is that instant beside it, as Timesketch exports such an
// event. Its id is the one it was made under when it was dated 1970.
// Another timestamp of 1970, or 1970 given in datetime alone, is a time.
func TestTimestampZeroUndated(t *testing.T) {
	const head = "message,datetime,timestamp,timestamp_desc\n"
	for _, tc := range []struct {
		name, doc, date string
		zero, noTime    int // records counted as TimestampZero, DatetimeNoTime
	}{
		{"JSONL, timestamp alone", `{"message":"m","timestamp":0,"timestamp_desc":"d"}`, "", 1, 0},
		{"JSONL, datetime null", `{"message":"m","datetime":null,"timestamp":0,"timestamp_desc":"d"}`, "", 1, 0},
		{"CSV, timestamp alone", head + "m,,0,d\n", "", 1, 0},
		{"CSV, datetime of blank space", head + "m, ,0,d\n", "", 1, 0},
		{"Timesketch's export: the epoch in both", `{"message":"m","datetime":"1970-01-01T00:00:00+00:00","timestamp":0,"timestamp_desc":"d"}`, "", 1, 0},
		{"CSV, the epoch in both, with microseconds", head + "m,1970-01-01T00:00:00.000000+00:00,0,d\n", "", 1, 0},
		{"the epoch in another offset", `{"message":"m","datetime":"1970-01-01T01:00:00+01:00","timestamp":0,"timestamp_desc":"d"}`, "", 1, 0},
		{"Plaso's dynamic CSV: 0000-00-00 and 0", head + "m,0000-00-00T00:00:00+00:00,0,d\n", "", 1, 1},
		{"the epoch in datetime alone is a time", `{"message":"m","datetime":"1970-01-01T00:00:00+00:00","timestamp_desc":"d"}`, "1970-01-01T00:00:00+00:00", 0, 0},
		{"another datetime beside 0 is a time", `{"message":"m","datetime":"2017-08-14T15:04:05Z","timestamp":0,"timestamp_desc":"d"}`, "2017-08-14T15:04:05Z", 0, 0},
		{"a second after 1970 is a time", `{"message":"m","timestamp":1,"timestamp_desc":"d"}`, "1970-01-01T00:00:01Z", 0, 0},
		{"a day of 1970 beside 0 is a time", `{"message":"m","datetime":"1970-01-01","timestamp":0,"timestamp_desc":"d"}`, "1970-01-01", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, losses := mustRead(t, tc.doc)
			e := tl.Events[0]
			if got := e.Date.String(); got != tc.date {
				t.Errorf("date %q, want %q", got, tc.date)
			}
			if losses.Count(TimestampZero) != tc.zero || losses.Count(DatetimeNoTime) != tc.noTime || tc.zero > 0 && losses.Count(TimestampSeconds) != 0 {
				t.Errorf("losses %q, want %d of %q and %d of %q", losses.String(), tc.zero, TimestampZero.One, tc.noTime, DatetimeNoTime.One)
			}
			if tc.zero == 0 {
				return
			}
			// The id it had dated 1970: the same record imported again
			// updates the event, undating it, rather than adding it again.
			if want := makeID("1970-01-01T00:00:00+00:00", "d", "m").id; e.ID != want {
				t.Errorf("id %s, want %s", e.ID, want)
			}
		})
	}
	// Plaso's json_line, read with ReadMicros, is left to package plaso,
	// which undates and counts such events its own way.
	tl, losses, err := modeltest.ReadFormat(ReadMicros, `{"message":"m","timestamp":0,"timestamp_desc":"d"}`)
	if err != nil || tl.Events[0].Date.String() != "1970-01-01T00:00:00Z" || losses.Count(TimestampZero) != 0 {
		t.Errorf("ReadMicros: %v, date %q, losses %q", err, tl.Events[0].Date, losses)
	}
}

// TestTimestampDisagreesCounted: a timestamp that names another instant
// than the datetime is counted; one that is the datetime's instant told
// more finely (microseconds within its second) is not.
func TestTimestampDisagreesCounted(t *testing.T) {
	tests := []struct {
		name, record string
		want         int
	}{
		{"another instant", `{"message":"m","datetime":"2021-03-04T05:06:07+00:00","timestamp":1000000000000000,"timestamp_desc":"x"}`, 1},
		{"finer, within the second", `{"message":"m","datetime":"2017-08-14T15:04:05+00:00","timestamp":1502723045123456,"timestamp_desc":"x"}`, 0},
		{"the same instant", `{"message":"m","datetime":"2017-08-14T15:04:05+00:00","timestamp":1502723045000000,"timestamp_desc":"x"}`, 0},
		{"a second later", `{"message":"m","datetime":"2017-08-14T15:04:05+00:00","timestamp":1502723046000000,"timestamp_desc":"x"}`, 1},
	}
	for _, tt := range tests {
		_, lost := mustRead(t, tt.record+"\n")
		if got := lost.Count(TimestampDisagrees); got != tt.want {
			t.Errorf("%s: counted %d, want %d", tt.name, got, tt.want)
		}
	}
}
