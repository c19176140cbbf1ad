package model

import (
	"strings"
	"testing"

	"chrono/model/wordwrap"
)

func TestReadDate(t *testing.T) {
	for _, c := range []struct{ in, edtf, label string }{
		{"2017-08/2021", "2017-08/2021", "Aug 2017 – 2021"},
		{"Aug 2017", "2017-08", "Aug 2017"},
		{"August 2017", "2017-08", "Aug 2017"},
		{"august 2017", "2017-08", "Aug 2017"},
		{"14 Aug 2017", "2017-08-14", "14 Aug 2017"},
		{"Aug 14, 2017", "2017-08-14", "14 Aug 2017"},
		{"14th August 2017", "2017-08-14", "14 Aug 2017"},
		// A year after 9999 with its era, or grouped as chrono shows it.
		{"Aug 20,177 CE", "Y20177-08", "Aug 20,177 CE"},
		{"Aug 20177 CE", "Y20177-08", "Aug 20,177 CE"},
		{"10000 BCE", "-9999", "10,000 BCE"},
		// A fraction of a second is no year.
		{"14 Aug 2017 15:04:05.123456 UTC", "2017-08-14T15:04:05.123456Z", "14 Aug 2017 15:04:05.123456 UTC"},
		{"2 Oct 2018 – 2021", "2018-10-02/2021", "2 Oct 2018 – 2021"},
		{"2 Oct 2018 - 2021", "2018-10-02/2021", "2 Oct 2018 – 2021"},
		{"2018 to 2021", "2018/2021", "2018 – 2021"},
		{"2017-2019", "2017/2019", "2017 – 2019"}, // not month 20
		{" 2017-2019 ", "2017/2019", "2017 – 2019"},
		{"14 – 20 Aug 2017", "2017-08-14/2017-08-20", "14 Aug – 20 Aug 2017"},
		{"Aug – Sep 2017", "2017-08/2017-09", "Aug – Sep 2017"},
		// A span of years with its end cut to two digits.
		{"1990–95", "1990/1995", "1990 – 1995"},
		{"2017 – 18", "2017/2018", "2017 – 2018"},
		{"1998–02", "1998/2002", "1998 – 2002"},
		{"c. 1990–95", "1990~/1995~", "c. 1990 – c. 1995"},
		{"c. 2021", "2021~", "c. 2021"},
		{"2021?", "2021?", "2021?"},
		{"c. 2021?", "2021%", "c. 2021?"},
		// A label with EDTF's qualifier after it, as the label reads
		// with its own words.
		{"1990s~", "199X~", "c. 1990s"},
		{"Aug 2017~", "2017-08~", "c. Aug 2017"},
		{"1990s%", "199X%", "c. 1990s?"},
		{"Spring 2001~", "2001-21~", "c. Spring 2001"},
		{"until 2021", "../2021", "until 2021"},
		{"since Aug 2017", "2017-08/..", "since Aug 2017"},
		{"? – 2021", "/2021", "? – 2021"},
		{"Aug 2017 – ?", "2017-08/", "Aug 2017 – ?"},
		{"? - 14 Aug 2017", "/2017-08-14", "? – 14 Aug 2017"},
		{"Summer 1943", "1943-22", "Summer 1943"},
		{"fall 1943", "1943-23", "Autumn 1943"},
		{"1990s", "199X", "1990s"},
		{"990s CE", "099X", "990s CE"},
		{"c. 90s AD?", "009X%", "c. 90s CE?"},
		{"10s CE – 2017", "001X/2017", "10s CE – 2017"},
		{"44 BCE", "-0043", "44 BCE"},
		// The end's era is the start's, when the start says none.
		{"2020–2011 BCE", "-2019/-2010", "2020 BCE – 2011 BCE"},
		{"c. 2020 – 2011 BC", "-2019~/-2010", "c. 2020 BCE – 2011 BCE"},
		{"c. 2020–2011 BC?", "-2019%/-2010%", "c. 2020 BCE? – c. 2011 BCE?"},
		{"c. 2017–2019", "2017~/2019~", "c. 2017 – c. 2019"},
		{"c. 2017–c. 2019?", "2017~/2019%", "c. 2017 – c. 2019?"},
		{"2017–?", "2017/", "2017 – ?"},
		{"20 – 11 BCE", "-0019/-0010", "20 BCE – 11 BCE"},
		{"14 – 20 Aug 44 BCE", "-0043-08-14/-0043-08-20", "14 Aug – 20 Aug 44 BCE"},
		{"1 BCE – 1 CE", "0000/0001", "1 BCE – 1 CE"},
		{"2023 (month unknown)", "2023-XX", "2023 (month unknown)"},
		{"Aug 2017 (day unknown)", "2017-08-XX", "Aug 2017 (day unknown)"},
		{"2023 (month and day unknown)", "2023-XX-XX", "2023 (month and day unknown)"},
		{"2023 (day unknown)", "2023-XX-XX", "2023 (month and day unknown)"}, // as labelled before
		{"4 Mar 2020 15:04", "2020-03-04T15:04:00", "4 Mar 2020 15:04:00"},
		{"14 Aug 2017 20:30:00 (local time there)", "2017-08-14T20:30:00", "14 Aug 2017 20:30:00"}, // as the detail pane labels it
		{"4 Mar 2020 15:04:05 UTC", "2020-03-04T15:04:05Z", "4 Mar 2020 15:04:05 UTC"},
		{"4 Mar 2020 15:04:05 +02:00", "2020-03-04T15:04:05+02:00", "4 Mar 2020 15:04:05 +02:00"},
		{"4 Mar 2020 15:04 -05:30", "2020-03-04T15:04:00-05:30", "4 Mar 2020 15:04:00 -05:30"},
		{"4 Mar 2020 15:04:05 +02", "2020-03-04T15:04:05+02", "4 Mar 2020 15:04:05 +02"},
		{"  Aug   2017 ", "2017-08", "Aug 2017"},
		{"1950 (to 2 significant digits)", "1950S2", "1950 (to 2 significant digits)"},
		{"c. 44 BC (to 1 significant digit)?", "-0043S1%", "c. 44 BCE (to 1 significant digit)?"},
		{"1950 (to 2 significant digits) – 2017", "1950S2/2017", "1950 (to 2 significant digits) – 2017"},
		{"", "", "undated"},
	} {
		d, err := ReadDate(c.in)
		if err != nil {
			t.Errorf("ReadDate(%q): %v", c.in, err)
			continue
		}
		if d.String() != c.edtf || d.Label() != c.label {
			t.Errorf("ReadDate(%q) = %q (%s), want %q (%s)", c.in, d.String(), d.Label(), c.edtf, c.label)
		}
	}
}

// "before" and "after" a date, said of one event, leave that date out:
// the event is at some time up to the end of the period before it, or
// from the start of the one after it, whose other end is not known. They
// do not say an interval running on from before or ongoing, as "until"
// and "since" do, which keep their date in.
func TestReadDateBeforeAfter(t *testing.T) {
	for _, c := range []struct{ in, edtf, label string }{
		{"before 2018", "/2017", "? – 2017"},
		{"Before  2018", "/2017", "? – 2017"},
		{"after 2018", "2019/", "2019 – ?"},
		{"before Aug 2017", "/2017-07", "? – Jul 2017"},
		{"after Aug 2017", "2017-09/", "Sep 2017 – ?"},
		{"after Dec 2017", "2018-01/", "Jan 2018 – ?"},
		{"before Jan 2018", "/2017-12", "? – Dec 2017"},
		{"before 14 Aug 2017", "/2017-08-13", "? – 13 Aug 2017"},
		{"after 14 Aug 2017", "2017-08-15/", "15 Aug 2017 – ?"},
		{"before Aug 14, 2017", "/2017-08-13", "? – 13 Aug 2017"},
		{"after 31 Dec 2017", "2018-01-01/", "1 Jan 2018 – ?"},
		{"before 1 Jan 2018", "/2017-12-31", "? – 31 Dec 2017"},
		{"before 1 Mar 2020", "/2020-02-29", "? – 29 Feb 2020"},
		{"after 28 Feb 2019", "2019-03-01/", "1 Mar 2019 – ?"},
		{"before Spring 1943", "/1942-24", "? – Winter 1942"},
		{"after Winter 1943", "1944-21/", "Spring 1944 – ?"},
		{"after Summer 1943", "1943-23/", "Autumn 1943 – ?"},
		{"before the 1990s", "", ""}, // not a date chrono reads
		{"before 1990s", "/198X", "? – 1980s"},
		{"after 1990s", "200X/", "2000s – ?"},
		{"before c. 2018", "/2017~", "? – c. 2017"},
		{"after 2018?", "2019?/", "2019? – ?"},
		{"before 44 BCE", "/-0044", "? – 45 BCE"},
		{"after 1 BCE", "0001/", "1 CE – ?"},
		{"before 4 Mar 2020 00:00:00 UTC", "/2020-03-03T23:59:59Z", "? – 3 Mar 2020 23:59:59 UTC"},
		{"after 31 Dec 2019 23:59:59 +02:00", "2020-01-01T00:00:00+02:00/", "1 Jan 2020 00:00:00 +02:00 – ?"},
		{"before 2017-08", "/2017-07", "? – Jul 2017"},
		{"after 2017-08-14", "2017-08-15/", "15 Aug 2017 – ?"},
		// "until" and "since" keep their date.
		{"until 2018", "../2018", "until 2018"},
		{"since 2018", "2018/..", "since 2018"},
		{"until 14 Aug 2017", "../2017-08-14", "until 14 Aug 2017"},
		{"since Aug 2017", "2017-08/..", "since Aug 2017"},
	} {
		d, err := ReadDate(c.in)
		if c.edtf == "" {
			if err == nil {
				t.Errorf("ReadDate(%q) = %q, want an error", c.in, d.String())
			}
			continue
		}
		if err != nil {
			t.Errorf("ReadDate(%q): %v", c.in, err)
			continue
		}
		if d.String() != c.edtf || d.Label() != c.label {
			t.Errorf("ReadDate(%q) = %q (%s), want %q (%s)", c.in, d.String(), d.Label(), c.edtf, c.label)
		}
	}
}

// An event before 2018 lies in no part of 2018 and is placed before it;
// one after 2018, in no part of 2018 either.
func TestReadDateBeforeAfterSpan(t *testing.T) {
	y2018 := MustParseDate("2018")
	for _, in := range []string{"before 2018", "after 2018", "before Jan 2018", "after Dec 2018", "before 1 Jan 2018", "after 31 Dec 2018"} {
		d, err := ReadDate(in)
		if err != nil {
			t.Errorf("ReadDate(%q): %v", in, err)
			continue
		}
		if d.Overlaps(y2018) {
			t.Errorf("ReadDate(%q) = %s overlaps 2018", in, d)
		}
	}
	before, _ := ReadDate("before 2018")
	if got, want := before.Latest(), MustParseDate("2017").Latest(); got != want {
		t.Errorf("before 2018: latest %v, want the end of 2017 %v", got, want)
	}
	after, _ := ReadDate("after 2018")
	if got, want := after.Earliest(), MustParseDate("2019").Earliest(); got != want {
		t.Errorf("after 2018: earliest %v, want the start of 2019 %v", got, want)
	}
}

// What has no date just before or after it is refused, saying how to
// write the date instead.
func TestReadDateBeforeAfterRefused(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"before 1950 (to 2 significant digits)", `date "before 1950 (to 2 significant digits)": chrono cannot tell what is just before a year given to its significant digits: write ? – and the latest date the event can have, or until 1950 (to 2 significant digits) if it can be in it`},
		{"after 2023 (month unknown)", `date "after 2023 (month unknown)": chrono cannot tell what is just after a month or day not specified: write the earliest date the event can have and – ?, or since 2023 (month unknown) if it can be in it`},
		{"after 2020-03-04T10:00:00.5Z", `date "after 2020-03-04T10:00:00.5Z": chrono cannot tell what is just after a fraction of a second: write the earliest date the event can have and – ?, or since 4 Mar 2020 10:00:00.5 UTC if it can be in it`},
	} {
		_, err := ReadDate(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ReadDate(%q): %v, want %s", c.in, err, c.want)
		}
	}
}

// Every label chrono shows reads back as the same date.
func TestReadDateReadsLabels(t *testing.T) {
	for _, edtf := range []string{"2017", "2017-08", "2017-08-14", "2017-08/2021", "2018-10-02/2021", "2021~", "2021?", "../2021", "2017-08/..", "1943-22", "199X", "-0043", "2023-XX", "2017-08-XX", "2017-08-14/2017-08-20",
		"2020-03-04T10:00:00", "2020-03-04T10:00:00Z", "2020-03-04T10:00:00+02:00", "2020-03-04T10:00:00-05:30", "2020-03-04T10:00:00+02", "2021-06-01T00:00:00+01:00",
		"-0043-03-15T10:00:00", "-0043-03-15T10:00:00Z", "-0043-03-15T10:00:00+02:00",
		"Y-13799999999", "Y-64999999~", "-9999", "Y-12344", "Y12345", "Y-13812345678", "Y-64999999/2017",
		"Y-538799999/Y-251901999", "Y-538799999~/Y-251901999", "Y-4599999999/Y-64999999",
		"0001", "0001-08", "0099-08-14", "0999?", "0050~", "-0001/0001", "0999/1001",
		"099X", "009X", "001X", "099X?", "009X~", "001X%", "099X/1001", "0000/001X",
		"-0043-08-14/-0043-08-20", "-0043-08/-0043-09", "-2019/-2010",
		"1950S2", "-1950S3", "1950S2?", "1950S2~", "-0043S1", "Y12345S2", "Y-64999999S2", "0950S1", "1950S2/2017",
		// An end that is a span of years: the interval splits at its
		// spaced dash, not at the one inside the span.
		"20XX/21XX", "-201X/-200X", "-20XX/-0043", "09XX/1001", "199X/20XX", "1950/20XX", "20XX~/21XX?", "09XX%/10XX",
		"-201X~/2017", "2017-08/21XX", "-0043/01XX", "Y-64999999/-19XX",
		// An end that runs from BCE into CE.
		"00XX/01XX", "-0043/00XX", "000X/2017", "-0099/000X?"} {
		want := MustParseDate(edtf)
		got, err := ReadDate(want.Label())
		if err != nil || got != want {
			t.Errorf("ReadDate(%q) = %q, %v; want %q", want.Label(), got, err, edtf)
		}
	}
}

// A few labels read back as another date of the same span: a year's
// unspecified digits that leave a span of years ("900–999 CE" for 09XX)
// read as that interval, and an interval whose ends are one date
// ("14 Aug 2017" for 2017-08-14/2017-08-14) as the date. Either sorts
// and overlaps as the date it was.
func TestReadDateReadsLabelsAsTheSpan(t *testing.T) {
	for _, c := range []struct{ edtf, read string }{
		{"19XX", "1900/1999"},
		{"09XX", "0900/0999"},
		{"01XX", "0100/0199"},
		{"00XX", "0000/0099"},
		{"000X", "0000/0009"},
		{"-201X", "-2019/-2010"},
		{"-20XX", "-2099/-2000"},
		{"-001X", "-0019/-0010"},
		{"-01XX", "-0199/-0100"},
		// What qualifies the span qualifies both its ends.
		{"-201X~", "-2019~/-2010~"},
		{"19XX?", "1900?/1999?"},
		{"09XX%", "0900%/0999%"},
		{"20XX~", "2000~/2099~"},
		{"-01XX%", "-0199%/-0100%"},
		{"00XX~", "0000~/0099~"},
		{"00XX?", "0000?/0099?"},
		{"000X%", "0000%/0009%"},
		{"2017-08-14/2017-08-14", "2017-08-14"},
		{"2017/2017", "2017"},
	} {
		want := MustParseDate(c.edtf)
		got, err := ReadDate(want.Label())
		if err != nil || got.String() != c.read || got.Earliest() != want.Earliest() || got.Latest() != want.Latest() {
			t.Errorf("ReadDate(%q) = %q, %v; want %q, the span of %s", want.Label(), got, err, c.read, c.edtf)
		}
	}
}

func TestReadDateRefuses(t *testing.T) {
	for _, c := range []struct{ in, err string }{
		{"2017-13", `date "2017-13": month 13 out of range`},
		{"Smarch 2017", `date "Smarch 2017": `},
		{"32 Aug 2017", `date "32 Aug 2017": `},
		{"Aug", `date "Aug": `},
		{"2021 – 2017", `date "2021 – 2017": `},
		{"2021-2017", `date "2021-2017": `}, // as typed, not as rewritten
		{"..2021", `date "..2021": an open start is written ../2021`},
		{"2017-08..", `date "2017-08..": an open end is written 2017-08/..`},
		{"0 CE", `date "0 CE": `},
		{"2017–2019 – 2021", `date "2017–2019 – 2021": `}, // no one year's span
		{"900–999 – 1001", `date "900–999 – 1001": `},     // three digits without an era
		{"990s", `date "990s": `},                         // three digits are too often no year
		{"0s CE", `date "0s CE": `},                       // year 0 is 1 BCE
		// Five digits with no era and no grouping are more often a
		// year mistyped than one after 9999.
		{"Aug 20177", `date "Aug 20177": 20177 has five digits: if it is a year after 9999, write it as chrono shows it (20,177 CE) or in EDTF (Y20177); otherwise correct it`},
		{"14 Aug 20177", `date "14 Aug 20177": 20177 has five digits`},
		{"before Aug 20177", `date "before Aug 20177": 20177 has five digits`},
		{"Aug 2017 – 20177", `date "Aug 2017 – 20177": 20177 has five digits`},
		{"1950 (to 5 significant digits)", `date "1950 (to 5 significant digits)": 5 significant digits is more than the year has`},
		{"Aug 1950 (to 2 significant digits)", `date "Aug 1950 (to 2 significant digits)": `},
		{"1950s (to 2 significant digits)", `date "1950s (to 2 significant digits)": `},
		{"1950 (to 0 significant digits)", `date "1950 (to 0 significant digits)": `},
		{"14/08/2017", `date "14/08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"14 Aug 2017 15:04 +0200", `date "14 Aug 2017 15:04 +0200": an offset from UTC is written ±hh or ±hh:mm`},
		// Dates as written elsewhere, with how chrono writes them.
		{"1990-95", `date "1990-95": for the years 1990 to 1995, write 1990–1995 or 1990/1995`},
		{"1995–95", `date "1995–95": the interval ends before it starts`},
		{"2017–13", `date "2017–13": the interval ends before it starts`}, // not 2113
		{"[2017,2019]", `date "[2017,2019]": an EDTF set of dates is not one date: write the span they lie in as an interval (2017/2019), or add an event for each`},
		{"{2017,2018}", `date "{2017,2018}": an EDTF set of dates is not one date: write the span they lie in as an interval (2017/2018)`},
		{"~2017", `date "~2017": EDTF puts the ~ after the date: write 2017~ (or c. 2017)`},
		{"2017-08-14 15:04", `date "2017-08-14 15:04": a time of day goes after a T, to the second: write 2017-08-14T15:04:00`},
		{"2017-08-14 15:04:05Z", `date "2017-08-14 15:04:05Z": a time of day goes after a T, to the second: write 2017-08-14T15:04:05Z`},
		{"2017-08-14 20:30 -04:00", `date "2017-08-14 20:30 -04:00": a time of day goes after a T, to the second: write 2017-08-14T20:30:00-04:00`},
		{"2017-08-14 20:30 UTC", `date "2017-08-14 20:30 UTC": a time of day goes after a T, to the second: write 2017-08-14T20:30:00Z`},
		{"2017-08-14T20:30-04:00", `date "2017-08-14T20:30-04:00": a time of day is written to the second: write 2017-08-14T20:30:00-04:00`},
		{"2017-08-14T20:30", `date "2017-08-14T20:30": a time of day is written to the second: write 2017-08-14T20:30:00`},
	} {
		_, err := ReadDate(c.in)
		// As shown: an example's no-break spaces are written as spaces.
		if err == nil || !strings.HasPrefix(wordwrap.Plain(err.Error()), c.err) {
			t.Errorf("ReadDate(%q) = %v, want an error starting %q", c.in, err, c.err)
		}
	}
}

func TestProposeDate(t *testing.T) {
	for _, c := range []struct {
		text, published, want string
	}{
		{"last year", "2022-02-01", "2021"},
		{"Last year", "2022", "2021"},
		{"this year", "2022-02-01", "2022"},
		{"earlier this year", "2022-06-15", "2022-01/2022-06-15"},
		{"next year", "2022-02-01", "2023"},
		{"three years ago", "2022-02-01", "2019"},
		{"5 years ago", "2022-02-01", "2017"},
		{"last month", "2022-01-10", "2021-12"},
		{"this month", "2022-02", "2022-02"},
		{"yesterday", "2022-03-01", "2022-02-28"},
		{"last week", "2022-02-01", "2022-01-19/2022-01-31"},
		{"August 2017", "2022-02-01", "2017-08"},
		{"“August 2017”", "2022-02-01", "2017-08"},
		// Counting back across year 0 (1 BCE), and past four digits.
		{"last year", "0000-06", "-0001"},
		{"three years ago", "0002", "-0001"},
		{"last month", "0000-01-15", "-0001-12"},
		{"yesterday", "0000-01-01", "-0001-12-31"},
		{"last year", "-0043-03-15", "-0044"},
		{"next year", "9999", "Y10000"},
		// A proposal is no surer than the publication date it counts from.
		{"last year", "2022?", "2021?"},
		{"last year", "2022~", "2021~"},
		{"last month", "2022-01%", "2021-12%"},
		{"last week", "2022-02-01?", "2022-01-19?/2022-01-31?"},
		{"earlier this year", "2022-06-15~", "2022-01~/2022-06-15~"},
		// Seasons: the last one over, this year's, the next to begin.
		{"last summer", "2022-02-01", "2021-22"},
		{"last summer", "2022-08-15", "2021-22"}, // this one not over yet
		{"last summer", "2022-10", "2022-22"},
		{"this summer", "2022-02", "2022-22"},
		{"next summer", "2022-07", "2023-22"},
		{"last fall", "2022-02", "2021-23"},
		{"this past spring", "2022-07", "2022-21"},
		{"last winter", "2022-02-01", "2020-24"}, // Dec 2020 to Feb 2021: this one not over
		{"this winter", "2022-01-10", "2021-24"},
		{"this winter", "2022-10", "2022-24"},
		{"last summer", "2022-02?", "2021-22?"},
		// Months by name.
		{"last March", "2022-02-01", "2021-03"},
		{"last March", "2022-06", "2022-03"},
		{"this March", "2022-06", "2022-03"},
		{"next March", "2022-03", "2023-03"},
		{"last Sept.", "2022-02", "2021-09"},
		{"last December", "0000-06", "-0001-12"},
		{"two months ago", "2022-01-10", "2021-11"},
		// Days: 1 Feb 2022 was a Tuesday.
		{"3 days ago", "2022-03-01", "2022-02-26"},
		{"two weeks ago", "2022-02-01", "2022-01-12/2022-01-24"},
		{"on Monday", "2022-02-01", "2022-01-31"},
		{"Tuesday", "2022-02-01", "2022-02-01"},
		{"last Tuesday", "2022-02-01", "2022-01-25"},
		{"next Friday", "2022-02-01", "2022-02-04"},
		{"on Sat", "2022-02-01", "2022-01-29"},
		{"last Thurs.", "2022-02-01", "2022-01-27"},
		{"last weekend", "2022-02-01", "2022-01-29/2022-01-30"},
		{"last weekend", "2022-01-30", "2022-01-22/2022-01-23"}, // a Sunday: the weekend before
	} {
		d, ok := ProposeDate(c.text, MustParseDate(c.published))
		if !ok || d.String() != c.want {
			t.Errorf("ProposeDate(%q, %s) = %q, %v; want %q", c.text, c.published, d.String(), ok, c.want)
		}
	}
	for _, c := range []struct{ text, published string }{
		{"last month", "2022"},          // no month to count from
		{"yesterday", "2022-02"},        // no day
		{"last year", ""},               // no publication date
		{"last year", "2021/2022"},      // an interval is not a point to count from
		{"last year", "20XX"},           // some year of 2000–2099: not one to count from
		{"this year", "201X"},           // some year of the 2010s
		{"last year", "1950S2"},         // some year of 1900–1999
		{"in the spring", "2022-02-01"}, // the one to come, or the one before?
		{"in March", "2022-06-01"},
		{"last summer", "2022"},  // over, or to come?
		{"on Monday", "2022-02"}, // no day
		{"last blursday", "2022-02-01"},
		{"a days ago", "2022-02-01"},
		{"three days earlier", "2022-02-01"}, // than what? Another event, most often
		{"two weeks before", "2022-02-01"},
		{"last month of the year", "2022-02-01"},
	} {
		if d, ok := ProposeDate(c.text, MustParseDate(c.published)); ok {
			t.Errorf("ProposeDate(%q, %q) = %q; want no proposal", c.text, c.published, d)
		}
	}
}

// FuzzReadDate: whatever is typed, ReadDate answers without panicking,
// and a date it reads is one chrono can write as EDTF and read back.
func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"Aug 20177", "Aug 2017", "14 – 20 Aug 2017", "c. 2021?", "until 2021", "? – 2021", "Aug 2017 – ?", "4 Mar 2020 15:04 UTC", "1990s", "44 BCE", "2017-08/2021", "Aug 14, 2017", "13.8 billion years ago", "c. 65 million years ago", "10,000 BCE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ReadDate(%q) = %q, which reads back as %q, %v", s, d.String(), back, err)
		}
	})
}

// TestReadDateQualifierAfterAnInterval: EDTF's qualifier after a label
// of an interval would be its end's, which "c." puts on its start: such
// a date is not read, rather than read wrong.
func TestReadDateQualifierAfterAnInterval(t *testing.T) {
	for _, s := range []string{"2017 – 2021~", "2017 - 2019~", "Aug 2017 – 2021%", "until 2021~", "2020–2011 BCE~"} {
		if d, err := ReadDate(s); err == nil {
			t.Errorf("%q read as %s, want it refused", s, d)
		}
	}
}
