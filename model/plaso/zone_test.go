package plaso

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestL2TCSVZoneAbbreviations: psort run with --output_time_zone writes
// the zone's abbreviation then (CEST, EDT), or an offset for a zone
// without one (+03); each is read as the offset it denotes, and an IANA
// name is read as before.
func TestL2TCSVZoneAbbreviations(t *testing.T) {
	tests := []struct {
		date, time, tz  string
		want            string // the date as RFC 3339, with the offset read
		problem         string
		repeat, assumed int
	}{
		{date: "08/14/2017", time: "15:04:05", tz: "CEST", want: "2017-08-14T15:04:05+02:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "WET", want: "2020-01-15T08:00:00Z"},
		{date: "07/15/2020", time: "08:00:00", tz: "WEST", want: "2020-07-15T08:00:00+01:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "BST", want: "2020-07-15T08:00:00+01:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "EEST", want: "2020-07-15T08:00:00+03:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "GMT", want: "2020-07-15T08:00:00Z"},
		{date: "07/15/2020", time: "08:00:00", tz: "Z", want: "2020-07-15T08:00:00Z"},
		{date: "07/15/2020", time: "08:00:00", tz: "EDT", want: "2020-07-15T08:00:00-04:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "MDT", want: "2020-07-15T08:00:00-06:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "PDT", want: "2020-07-15T08:00:00-07:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "AKDT", want: "2020-07-15T08:00:00-08:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "AKST", want: "2020-01-15T08:00:00-09:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "HST", want: "2020-01-15T08:00:00-10:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "JST", want: "2020-01-15T08:00:00+09:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "KST", want: "2020-01-15T08:00:00+09:00"},
		// North Korea wrote KST for +08:30 from 15 August 2015 to 4 May
		// 2018, Arabia AST for +03:00 and Baghdad ADT for +04:00: read
		// as +09:00, the Atlantic's -04:00 and -03:00, and counted.
		{date: "01/15/2016", time: "08:00:00", tz: "KST", want: "2016-01-15T08:00:00+09:00", assumed: 1},
		{date: "05/04/2018", time: "08:00:00", tz: "KST", want: "2018-05-04T08:00:00+09:00", assumed: 1},
		{date: "08/14/2015", time: "08:00:00", tz: "KST", want: "2015-08-14T08:00:00+09:00"},
		{date: "01/15/2016", time: "08:00:00", tz: "AST", want: "2016-01-15T08:00:00-04:00", assumed: 1},
		{date: "07/15/2006", time: "08:00:00", tz: "ADT", want: "2006-07-15T08:00:00-03:00", assumed: 1},
		{date: "07/15/2016", time: "08:00:00", tz: "ADT", want: "2016-07-15T08:00:00-03:00"},
		// The days are the zone's own: 05:00 KST on 15 August 2015 is in
		// them, 08:00 on 5 May 2018 is not.
		{date: "08/15/2015", time: "05:00:00", tz: "KST", want: "2015-08-15T05:00:00+09:00", assumed: 1},
		{date: "05/05/2018", time: "08:00:00", tz: "KST", want: "2018-05-05T08:00:00+09:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "AEST", want: "2020-07-15T08:00:00+10:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "AEDT", want: "2020-01-15T08:00:00+11:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "ACST", want: "2020-07-15T08:00:00+09:30"},
		{date: "01/15/2020", time: "08:00:00", tz: "ACDT", want: "2020-01-15T08:00:00+10:30"},
		{date: "01/15/2020", time: "08:00:00", tz: "AWST", want: "2020-01-15T08:00:00+08:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "NZST", want: "2020-07-15T08:00:00+12:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "NZDT", want: "2020-01-15T08:00:00+13:00"},
		// An abbreviation names the state of the clock, so a row in the
		// hour a clock change repeats is exact: 02:30 CET on 25 October
		// 2020 is the second 02:30 in Amsterdam, and CEST the first.
		{date: "10/25/2020", time: "02:30:00", tz: "CEST", want: "2020-10-25T02:30:00+02:00"},
		// IANA names come first: CET is the zone, with summer time, read
		// as before (its repeated hour at the first, counted).
		{date: "01/15/2020", time: "08:00:00", tz: "CET", want: "2020-01-15T08:00:00+01:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "CET", want: "2020-07-15T08:00:00+02:00"},
		{date: "10/25/2020", time: "02:30:00", tz: "CET", want: "2020-10-25T02:30:00+02:00", repeat: 1},
		{date: "01/15/2020", time: "08:00:00", tz: "EST", want: "2020-01-15T08:00:00-05:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "EST5EDT", want: "2020-07-15T08:00:00-04:00"},
		// MSK is Moscow's standard time: +04:00 from 2011 to 2014, and
		// in the hour turned back in 2008 the second 02:30 (the first was
		// MSD); in 2014 both 01:30s were MSK.
		{date: "07/15/2020", time: "08:00:00", tz: "MSK", want: "2020-07-15T08:00:00+03:00"},
		{date: "01/15/2013", time: "08:00:00", tz: "MSK", want: "2013-01-15T08:00:00+04:00"},
		{date: "10/26/2008", time: "02:30:00", tz: "MSK", want: "2008-10-26T02:30:00+03:00"},
		{date: "10/26/2014", time: "01:30:00", tz: "MSK", want: "2014-10-26T01:30:00+04:00", repeat: 1},
		{date: "03/27/2011", time: "02:30:00", tz: "MSK", problem: "a time the clock skipped"},
		// CST, CDT and PST are read as North American, and counted.
		{date: "01/15/2020", time: "08:00:00", tz: "CST", want: "2020-01-15T08:00:00-06:00", assumed: 1},
		{date: "07/15/2020", time: "08:00:00", tz: "CDT", want: "2020-07-15T08:00:00-05:00", assumed: 1},
		{date: "01/15/2020", time: "08:00:00", tz: "PST", want: "2020-01-15T08:00:00-08:00", assumed: 1},
		// Abbreviations and the zone database's names without a place
		// in lower case, as a file made by hand may write them.
		{date: "08/14/2017", time: "15:04:05", tz: "cest", want: "2017-08-14T15:04:05+02:00"},
		{date: "10/25/2020", time: "02:30:00", tz: "Cest", want: "2020-10-25T02:30:00+02:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "est", want: "2020-01-15T08:00:00-05:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "cst", want: "2020-01-15T08:00:00-06:00", assumed: 1},
		{date: "01/15/2016", time: "08:00:00", tz: "kst", want: "2016-01-15T08:00:00+09:00", assumed: 1},
		{date: "01/15/2020", time: "08:00:00", tz: "ChST", want: "2020-01-15T08:00:00+10:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "CHST", want: "2020-01-15T08:00:00+10:00"},
		{date: "01/15/2020", time: "08:00:00", tz: "ist", problem: `timezone "ist": an abbreviation more than one zone writes`},
		// pytz's offsets for zones without an abbreviation.
		{date: "07/15/2020", time: "08:00:00", tz: "+03", want: "2020-07-15T08:00:00+03:00"},
		{date: "07/15/2020", time: "08:00:00", tz: "-0330", want: "2020-07-15T08:00:00-03:30"},
		{date: "07/15/2020", time: "08:00:00", tz: "+05:30", want: "2020-07-15T08:00:00+05:30"},
		{date: "07/15/2020", time: "08:00:00", tz: "+0545", want: "2020-07-15T08:00:00+05:45"},
		{date: "07/15/2020", time: "08:00:00", tz: "+15", problem: `timezone "+15": not a zone chrono knows`},
		{date: "07/15/2020", time: "08:00:00", tz: "+0360", problem: `timezone "+0360": not a zone chrono knows`},
		{date: "07/15/2020", time: "08:00:00", tz: "+3", problem: `timezone "+3": not a zone chrono knows`},
		{date: "07/15/2020", time: "08:00:00", tz: "XYZT", problem: `timezone "XYZT": not a zone chrono knows: write UTC, a name from the IANA database such as Europe/Amsterdam, an abbreviation such as CEST, or an offset such as +05:30`},
		{date: "07/15/2020", time: "08:00:00", tz: "IST", problem: `2: timezone "IST": an abbreviation more than one zone writes: India (+05:30, Asia/Kolkata), Israel (+02:00, Asia/Jerusalem) or Ireland in summer (+01:00, Europe/Dublin); re-run psort with --output_time_zone UTC, or write the zone's IANA name in the timezone column`},
	}
	for _, tt := range tests {
		events, problems, lost := read(t, l2tHeader+l2tRow(tt.date, tt.time, tt.tz, "-"))
		if tt.problem != "" {
			if !strings.Contains(problems, tt.problem) || len(events) != 0 {
				t.Errorf("%s %s %s: problems %q, %d events; want a problem with %q", tt.date, tt.time, tt.tz, problems, len(events), tt.problem)
			}
			continue
		}
		if problems != "" || len(events) != 1 {
			t.Errorf("%s %s %s: problems %q, %d events", tt.date, tt.time, tt.tz, problems, len(events))
			continue
		}
		want, err := model.ParseDate(tt.want)
		if err != nil {
			t.Fatal(err)
		}
		at, err := time.Parse(time.RFC3339, tt.want)
		if err != nil {
			t.Fatal(err)
		}
		got := events[0].Date
		if got.String() != want.String() || !got.Earliest().Time().Equal(at) {
			t.Errorf("%s %s %s: %s (%s), want %s", tt.date, tt.time, tt.tz, got, got.Earliest().Time(), tt.want)
		}
		assumed := lost.Count(AssumedNorthAmerican) + lost.Count(AssumedAtlantic) + lost.Count(AssumedSouthKorean)
		if lost.Count(RepeatedHour) != tt.repeat || assumed != tt.assumed {
			t.Errorf("%s %s %s: losses %q, want %d repeated, %d read in an assumed zone", tt.date, tt.time, tt.tz, lost.String(), tt.repeat, tt.assumed)
		}
		if !strings.Contains(events[0].Summary, "timezone: "+tt.tz) {
			t.Errorf("%s %s %s: summary %q: the zone as written is kept", tt.date, tt.time, tt.tz, events[0].Summary)
		}
	}
}

// TestL2TCSVCESTRow is the row of the report: 15:04:05 CEST is 13:04:05
// UTC.
func TestL2TCSVCESTRow(t *testing.T) {
	doc := l2tHeader + "08/14/2017,15:04:05,CEST,M...,FILE,x,mtime,-,-,s,abbr zone,2,-,-,-,-,-\n"
	events, problems, lost := read(t, doc)
	if problems != "" || len(events) != 1 {
		t.Fatalf("problems %q, %d events", problems, len(events))
	}
	if got := events[0].Date.Earliest().Time(); !got.Equal(time.Date(2017, 8, 14, 13, 4, 5, 0, time.UTC)) {
		t.Errorf("at %s, want 2017-08-14 13:04:05 UTC", got)
	}
	if got := events[0].Date.String(); got != "2017-08-14T15:04:05+02:00" {
		t.Errorf("dated %s, want 2017-08-14T15:04:05+02:00: the offset as written", got)
	}
	if !lost.Empty() {
		t.Errorf("losses %q, want none", lost.String())
	}
}

// TestL2TCSVAmbiguousZoneRefusedAtItsLine: a row in IST is reported at
// its own line, saying what it could be and what to do, and the rows
// around it are no problem.
func TestL2TCSVAmbiguousZoneRefusedAtItsLine(t *testing.T) {
	doc := l2tHeader + l2tRow("07/15/2020", "08:00:00", "UTC", "-") + l2tRow("07/15/2020", "08:00:00", "IST", "-") + l2tRow("07/15/2020", "09:00:00", "UTC", "-")
	_, problems, _ := read(t, doc)
	if strings.Count(problems, `timezone "`) != 1 || strings.Contains(problems, "4: ") {
		t.Errorf("problems %q, want one, of line 3", problems)
	}
	for _, want := range []string{`3: timezone "IST": an abbreviation more than one zone writes`, "India (+05:30, Asia/Kolkata)", "--output_time_zone UTC"} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems %q, want %q", problems, want)
		}
	}
}

// TestAbbreviationsAreNotZoneNames: an IANA name is read as its zone
// first, so an abbreviation that is one too would never be read from the
// table, which would then say something untrue. And each offset reads.
func TestAbbreviationsAreNotZoneNames(t *testing.T) {
	for name, a := range abbreviations {
		if _, err := time.LoadLocation(name); err == nil {
			t.Errorf("%s is an IANA zone name", name)
		}
		switch {
		case a.places != "":
		case a.zone != "":
			if _, err := time.LoadLocation(a.zone); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		default:
			if _, ok := parseOffset(a.offset); !ok {
				t.Errorf("%s: offset %q does not read", name, a.offset)
			}
		}
		if a.since != "" {
			since, err1 := time.Parse(time.DateOnly, a.since)
			until, err2 := time.Parse(time.DateOnly, a.until)
			if err1 != nil || err2 != nil || !since.Before(until) || a.assumed == nil {
				t.Errorf("%s: the days others wrote it, %q to %q, do not read, or count nothing", name, a.since, a.until)
			}
		}
	}
}
