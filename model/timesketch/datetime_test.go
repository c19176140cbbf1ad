package timesketch

import (
	"math"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

func TestParseDatetime(t *testing.T) {
	tests := []struct{ in, want, msg string }{
		{in: "2017-08-14", want: "2017-08-14"},
		{in: "2017-08", want: "2017-08"},
		{in: "2017", want: "2017"},
		{in: "2017-08-14T15:04:05+00:00", want: "2017-08-14T15:04:05+00:00"},
		{in: "2017-08-14T15:04:05Z", want: "2017-08-14T15:04:05Z"},
		{in: "2017-08-14t15:04:05z", want: "2017-08-14T15:04:05Z"},
		{in: "2017-08-14 15:04:05", want: "2017-08-14T15:04:05"},
		{in: "2017-08-14T15:04:05.123456789-04:00", want: "2017-08-14T15:04:05.123456789-04:00"},
		{in: "2017-08-14T15:04:05,5+0530", want: "2017-08-14T15:04:05.5+05:30"},
		{in: "2017-08-14T15:04:05-03", want: "2017-08-14T15:04:05-03"},
		{in: "2017-08-14T15:04:05-00:00", want: "2017-08-14T15:04:05Z"},
		{in: " 2017-08-14 ", want: "2017-08-14"},
		// As other tools write them.
		{in: "2021-03-04T10:15:30 UTC", want: "2021-03-04T10:15:30Z"},
		{in: "2021-03-04 10:15:30 gmt", want: "2021-03-04T10:15:30Z"},
		{in: "2021-03-04T10:15:30UTC", want: "2021-03-04T10:15:30Z"},
		{in: "20210304T101530Z", want: "2021-03-04T10:15:30Z"},
		{in: "20210304T101530.25+0200", want: "2021-03-04T10:15:30.25+02:00"},
		{in: "Thu, 04 Mar 2021 10:15:30 GMT", want: "2021-03-04T10:15:30Z"},
		{in: "Thu, 04 Mar 2021 10:15:30 +0530", want: "2021-03-04T10:15:30+05:30"},
		{in: "Thu, 4 Mar 2021 10:15:30 -0000", want: "2021-03-04T10:15:30Z"},
		{in: "2017-13-01", msg: "month 13 out of range"},
		{in: "2017-02-29", msg: "day 29 out of range for Feb 2017"},
		{in: "2017-08-14T24:00:00Z", msg: "hour 24 out of range"},
		{in: "2017-08-14T15:04:05.1234567890Z", msg: "at most nine digits after the seconds' decimal point"},
		{in: "2017-08-14T15:04:05+15:00", msg: "an offset from UTC is at most ±14:00"},
		{in: "2017-08-14T15:04:05+1", msg: "an offset from UTC is written Z, ±hh:mm, ±hhmm or ±hh"},
		{in: "2017-08-14T15:04.5", msg: notISO},
		{in: "Thu, 04 Mar 2021 10:15:30 EST", msg: notISO}, // a zone's name other than UTC's
		{in: "2017-08T15:04:05", msg: notISO},
		{in: "14/08/2017", msg: notISO},
		{in: "2017-08~", msg: notISO},
		{in: "2017/2018", msg: notISO},
		{in: "", msg: notISO},
	}
	for _, tt := range tests {
		d, msg, noSeconds := parseDatetime(tt.in)
		if msg != tt.msg || d.String() != tt.want || noSeconds {
			t.Errorf("parseDatetime(%q) = %q, %q, %v; want %q, %q", tt.in, d, msg, noSeconds, tt.want, tt.msg)
		}
	}
	// A time to the minute is read at second 00, and said to be.
	for _, in := range []string{"2017-08-14T15:04", "2017-08-14 15:04Z", "2017-08-14T15:04 UTC"} {
		d, msg, noSeconds := parseDatetime(in)
		if want := "2017-08-14T15:04:00"; !strings.HasPrefix(d.String(), want) || msg != "" || !noSeconds {
			t.Errorf("parseDatetime(%q) = %q, %q, %v; want %s…, no seconds", in, d, msg, noSeconds, want)
		}
	}
}

func TestDateFromMicros(t *testing.T) {
	tests := []struct {
		us   int64
		want string
	}{
		{0, "1970-01-01T00:00:00Z"},
		{1502723045000000, "2017-08-14T15:04:05Z"},
		{1502723045000042, "2017-08-14T15:04:05.000042Z"},
		{-1, "1969-12-31T23:59:59.999999Z"},
		{-62135596800000000, "0001-01-01T00:00:00Z"},
		{-62135596800000001, "0000-12-31T23:59:59.999999Z"},
		{math.MaxInt64, "Y294247-01-10T04:00:54.775807Z"},
		{math.MinInt64, "Y-290308-12-21T19:59:05.224192Z"},
	}
	for _, tt := range tests {
		d := dateFromMicros(tt.us)
		if d.String() != tt.want {
			t.Errorf("dateFromMicros(%d) = %q, want %q", tt.us, d, tt.want)
		}
		if !sameMicros(d.Earliest(), tt.us) {
			t.Errorf("dateFromMicros(%d) starts at %v, not at the timestamp", tt.us, d.Earliest())
		}
	}
}

func TestEarliest(t *testing.T) {
	tests := []struct {
		date, datetime string
		us             int64
		why            model.Loss
	}{
		{date: "2017-08", datetime: "2017-08-01T00:00:00+00:00", us: 1501545600000000},
		{date: "2017-08-14T15:04:05+02:00", datetime: "2017-08-14T15:04:05+02:00", us: 1502715845000000},
		{date: "2017-08-14T15:04:05", datetime: "2017-08-14T15:04:05+00:00", us: 1502723045000000},
		{date: "2017-08-14T15:04:05.5Z", datetime: "2017-08-14T15:04:05.500000+00:00", us: 1502723045500000},
		{date: "2017-08-14T15:04:05.000000001Z", datetime: "2017-08-14T15:04:05.000000001+00:00", us: 1502723045000000},
		{date: "2001-24", datetime: "2001-12-01T00:00:00+00:00", us: 1007164800000000},
		{date: "2017-08/2021", datetime: "2017-08-01T00:00:00+00:00", us: 1501545600000000},
		{date: "2017-08-14T15:04:05-05:00/2018", datetime: "2017-08-14T15:04:05-05:00", us: 1502741045000000},
		{date: "0001-01-01", datetime: "0001-01-01T00:00:00+00:00", us: -62135596800000000},
		{date: "9999-12-31T23:59:59Z", datetime: "9999-12-31T23:59:59+00:00", us: 253402300799000000},
		{date: "../2021", why: OpenStart},
		{date: "/2021", why: OpenStart},
		{date: "0000", why: OutOfRange},
		{date: "-0043-03-15", why: OutOfRange},
		{date: "Y10000", why: OutOfRange},
		{date: "Y-13799999999", why: OutOfRange},
		{date: "Y-138E8S3", why: OutOfRange},
		{date: "Y-100000000000", why: OutOfRange},
		{date: "Y100000000000", why: OutOfRange},
		{date: "Y-64999999/2017", why: OutOfRange},
		{date: "0001-01-01T00:30:00+01:00", datetime: "0001-01-01T00:30:00+01:00", us: -62135598600000000},
	}
	for _, tt := range tests {
		dt, us, why, ok := earliest(model.MustParseDate(tt.date))
		if dt != tt.datetime || us != tt.us || why != tt.why || ok != (tt.datetime != "") {
			t.Errorf("earliest(%s) = %q, %d, %q, %v; want %q, %d, %q", tt.date, dt, us, why.One, ok, tt.datetime, tt.us, tt.why.One)
		}
		if ok {
			// What is written must read back as the same instant.
			back, msg, _ := parseDatetime(dt)
			if msg != "" || back.Earliest() != model.MustParseDate(tt.date).Earliest() || !sameMicros(back.Earliest(), us) {
				t.Errorf("earliest(%s) = %q reads back as %q %s", tt.date, dt, back, msg)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2017-08", "Event date (month precision)"},
		{"2017-08-14T15:04:05Z", "Event date (second precision)"},
		{"2021~", "Event date (approximate, year precision)"},
		{"2021?", "Event date (uncertain, year precision)"},
		{"2021%", "Event date (approximate, uncertain, year precision)"},
		{"2017-08/2021", "Event date (interval, year precision)"},
		{"2017-08-14/2017-08-20~", "Event date (interval, approximate, day precision)"},
		{"2017-08/..", "Event date (interval, month precision)"},
		{"19XX", "Event date (century precision)"},
		{"2001-21", "Event date (season precision)"},
	}
	for _, tt := range tests {
		if got := describe(model.MustParseDate(tt.date)); got != tt.want {
			t.Errorf("describe(%s) = %q, want %q", tt.date, got, tt.want)
		}
		if !described(tt.want) {
			t.Errorf("described(%q) = false", tt.want)
		}
	}
	for _, desc := range []string{"Last Login", "Event date", "Event date (fortnight precision)", "Event date (day precision) "} {
		if described(desc) {
			t.Errorf("described(%q) = true", desc)
		}
	}
}

// TestStaleDescDropped: a record of chrono's whose date_edtf was changed
// in the file (made approximate) reads without the timestamp_desc chrono
// wrote for the date it had, which the summary kept, and every export
// after then wrote for the new date.
func TestStaleDescDropped(t *testing.T) {
	doc := `{"message": "Khashoggi killed", "datetime": "2018-10-02T00:00:00Z", "timestamp": 1538438400000000, "timestamp_desc": "Event date (day precision)", "chrono_id": "k", "date_edtf": "2018-10-02~"}` + "\n"
	tl, _, err := read(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	if e := tl.Events[0]; e.Date.String() != "2018-10-02~" || strings.Contains(e.Summary, "timestamp_desc") {
		t.Errorf("date %s, summary %q", e.Date, e.Summary)
	}
}

// TestParseTimestamp: a whole number is read however it is written, a
// float's included (as Python writes one); a fraction, a number out of
// range and anything else each say what is wrong.
func TestParseTimestamp(t *testing.T) {
	const syntax = "want whole microseconds"
	for _, tc := range []struct {
		in   string
		n    int64
		want string // the start of why; "" for none
	}{
		{"1502723045000000", 1502723045000000, ""},
		{" 1502723045000000 ", 1502723045000000, ""},
		{"-1502723045", -1502723045, ""},
		{"1502723045000000.0", 1502723045000000, ""},
		{"1502723045000000.000", 1502723045000000, ""},
		{"1.502723045e15", 1502723045000000, ""},
		{"1.502723045E+15", 1502723045000000, ""},
		{"1502723045123456789.0", 1502723045123456789, ""}, // beyond a float64's integers: exact
		{"-1.5e9", -1500000000, ""},
		{"1500000000.5", 0, "a timestamp is a whole number"},
		{"15e-1", 0, "a timestamp is a whole number"},
		{"99999999999999999999999", 0, "beyond any time"},
		{"9.3e18", 0, "beyond any time"},
		{"1e999999999", 0, syntax},
		{"0x10", 0, syntax},
		{"1/2", 0, syntax},
		{"+15", 15, ""},
		{"1_000", 0, syntax},
		{"abc", 0, syntax},
		{".5", 0, syntax},
		{"1e", 0, syntax},
		{"1" + strings.Repeat("0", 15) + "." + strings.Repeat("0", 60), 0, "beyond any time"},
	} {
		n, why := parseTimestamp(tc.in)
		if n != tc.n || !strings.HasPrefix(why, tc.want) || (tc.want == "") != (why == "") {
			t.Errorf("parseTimestamp(%q) = %d, %q; want %d, %q…", tc.in, n, why, tc.n, tc.want)
		}
	}
}

// TestParseDatetimeZoneNameNotTheHosts: a zone's name other than UTC's is
// refused wherever chrono runs, not read as the offset the host's zone
// gives it.
func TestParseDatetimeZoneNameNotTheHosts(t *testing.T) {
	local := time.Local
	time.Local = time.FixedZone("EST", -5*60*60)
	defer func() { time.Local = local }()
	for _, in := range []string{"Thu, 04 Mar 2021 10:15:30 EST", "Thu, 4 Mar 2021 10:15:30 EST"} {
		if d, msg, _ := parseDatetime(in); msg != notISO {
			t.Errorf("parseDatetime(%q) = %q, %q; want %q", in, d, msg, notISO)
		}
	}
}
