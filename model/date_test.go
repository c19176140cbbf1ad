package model

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// utc parses an RFC 3339 time, allowing a negative (astronomical) year,
// which time.Parse does not.
func utc(s string) Instant {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	if neg {
		t = time.Date(-t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	return Instant{sec: t.Unix(), nsec: int32(t.Nanosecond())}
}

func TestParseDateValid(t *testing.T) {
	tests := []struct {
		in        string
		label     string
		earliest  string // RFC 3339, "" for BeginningOfTime
		latest    string // RFC 3339, "" for EndOfTime
		precision Precision
	}{
		{"2017", "2017", "2017-01-01T00:00:00Z", "2017-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08", "Aug 2017", "2017-08-01T00:00:00Z", "2017-08-31T23:59:59.999999999Z", PrecisionMonth},
		{"2017-08-14", "14 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-14T23:59:59.999999999Z", PrecisionDay},
		{"2017-08-14T15:04:05Z", "14 Aug 2017 15:04:05 UTC", "2017-08-14T15:04:05Z", "2017-08-14T15:04:05.999999999Z", PrecisionSecond},
		{"2017-08-14T15:04:05", "14 Aug 2017 15:04:05", "2017-08-14T15:04:05Z", "2017-08-14T15:04:05.999999999Z", PrecisionSecond},
		{"2017-08-14T15:04:05+02:00", "14 Aug 2017 15:04:05 +02:00", "2017-08-14T13:04:05Z", "2017-08-14T13:04:05.999999999Z", PrecisionSecond},
		{"2017-08-14T15:04:05-04", "14 Aug 2017 15:04:05 -04", "2017-08-14T19:04:05Z", "2017-08-14T19:04:05.999999999Z", PrecisionSecond},
		{"2017-08-14T15:04:05.25Z", "14 Aug 2017 15:04:05.25 UTC", "2017-08-14T15:04:05.25Z", "2017-08-14T15:04:05.259999999Z", PrecisionSecond},
		{"2021~", "c. 2021", "2021-01-01T00:00:00Z", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2021?", "2021?", "2021-01-01T00:00:00Z", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2021%", "c. 2021?", "2021-01-01T00:00:00Z", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08-14~", "c. 14 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-14T23:59:59.999999999Z", PrecisionDay},
		{"201X", "2010s", "2010-01-01T00:00:00Z", "2019-12-31T23:59:59.999999999Z", PrecisionDecade},
		{"20XX", "2000–2099", "2000-01-01T00:00:00Z", "2099-12-31T23:59:59.999999999Z", PrecisionCentury},
		// Unspecified digits whose years run from BCE into CE say both
		// eras, with the unspaced dash of every span of years: spaced,
		// it would read as an interval ("c. 1 BCE – 99 CE" sure of its
		// end), and could not be one end of an interval.
		{"00XX", "1 BCE–99 CE", "0000-01-01T00:00:00Z", "0099-12-31T23:59:59.999999999Z", PrecisionCentury},
		{"000X", "1 BCE–9 CE", "0000-01-01T00:00:00Z", "0009-12-31T23:59:59.999999999Z", PrecisionDecade},
		{"00XX~", "c. 1 BCE–99 CE", "0000-01-01T00:00:00Z", "0099-12-31T23:59:59.999999999Z", PrecisionCentury},
		{"00XX/01XX", "1 BCE–99 CE – 100–199 CE", "0000-01-01T00:00:00Z", "0199-12-31T23:59:59.999999999Z", PrecisionCentury},
		{"-001X", "20–11 BCE", "-0019-01-01T00:00:00Z", "-0010-12-31T23:59:59.999999999Z", PrecisionDecade},
		// A decade of years of fewer than four digits says its era, as
		// such a year does: "990s" is no decade ReadDate takes back.
		{"099X", "990s CE", "0990-01-01T00:00:00Z", "0999-12-31T23:59:59.999999999Z", PrecisionDecade},
		{"001X", "10s CE", "0010-01-01T00:00:00Z", "0019-12-31T23:59:59.999999999Z", PrecisionDecade},
		// And so does its century, as 0900/0999 does ("900 CE – 999 CE").
		{"09XX", "900–999 CE", "0900-01-01T00:00:00Z", "0999-12-31T23:59:59.999999999Z", PrecisionCentury},
		{"01XX", "100–199 CE", "0100-01-01T00:00:00Z", "0199-12-31T23:59:59.999999999Z", PrecisionCentury},
		{"2017-XX", "2017 (month unknown)", "2017-01-01T00:00:00Z", "2017-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-XX-XX", "2017 (month and day unknown)", "2017-01-01T00:00:00Z", "2017-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08-XX", "Aug 2017 (day unknown)", "2017-08-01T00:00:00Z", "2017-08-31T23:59:59.999999999Z", PrecisionMonth},
		{"2001-21", "Spring 2001", "2001-03-01T00:00:00Z", "2001-05-31T23:59:59.999999999Z", PrecisionSeason},
		{"2001-24", "Winter 2001", "2001-12-01T00:00:00Z", "2002-02-28T23:59:59.999999999Z", PrecisionSeason},
		{"2016-02", "Feb 2016", "2016-02-01T00:00:00Z", "2016-02-29T23:59:59.999999999Z", PrecisionMonth},
		{"2000-02-29", "29 Feb 2000", "2000-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z", PrecisionDay},
		{"2017-08/2021", "Aug 2017 – 2021", "2017-08-01T00:00:00Z", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08/2017-09", "Aug – Sep 2017", "2017-08-01T00:00:00Z", "2017-09-30T23:59:59.999999999Z", PrecisionMonth},
		{"2021/2022-02-01", "2021 – 1 Feb 2022", "2021-01-01T00:00:00Z", "2022-02-01T23:59:59.999999999Z", PrecisionYear},
		{"2017-08-14/2017-08-20", "14 Aug – 20 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-20T23:59:59.999999999Z", PrecisionDay},
		// An interval whose ends are the same date is labelled as that
		// date, and still written as it was.
		{"2017-08-14/2017-08-14", "14 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-14T23:59:59.999999999Z", PrecisionDay},
		{"2017-08/2017-08", "Aug 2017", "2017-08-01T00:00:00Z", "2017-08-31T23:59:59.999999999Z", PrecisionMonth},
		{"2017/2017", "2017", "2017-01-01T00:00:00Z", "2017-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08-14~/2017-08-14~", "c. 14 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-14T23:59:59.999999999Z", PrecisionDay},
		{"2017-08-14T15:04:05Z/2017-08-14T15:04:05Z", "14 Aug 2017 15:04:05 UTC", "2017-08-14T15:04:05Z", "2017-08-14T15:04:05.999999999Z", PrecisionSecond},
		// Ends that differ in how sure they are, or in how they are
		// written, say so, and so do ends with unspecified digits, which
		// may be two dates.
		{"201X/201X", "2010s – 2010s", "2010-01-01T00:00:00Z", "2019-12-31T23:59:59.999999999Z", PrecisionDecade},
		{"2017-08-XX/2017-08-XX", "Aug 2017 (day unknown) – Aug 2017 (day unknown)", "2017-08-01T00:00:00Z", "2017-08-31T23:59:59.999999999Z", PrecisionMonth},
		{"2017-08-14?/2017-08-14", "14 Aug 2017? – 14 Aug 2017", "2017-08-14T00:00:00Z", "2017-08-14T23:59:59.999999999Z", PrecisionDay},
		{"2017-08-14T15:04:05Z/2017-08-14T17:04:05+02:00", "14 Aug 2017 15:04:05 UTC – 14 Aug 2017 17:04:05 +02:00", "2017-08-14T15:04:05Z", "2017-08-14T15:04:05.999999999Z", PrecisionSecond},
		{"../2021", "until 2021", "", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"/2021", "? – 2021", "", "2021-12-31T23:59:59.999999999Z", PrecisionYear},
		{"2017-08/..", "since Aug 2017", "2017-08-01T00:00:00Z", "", PrecisionMonth},
		{"2017-08/", "Aug 2017 – ?", "2017-08-01T00:00:00Z", "", PrecisionMonth},
		{"2004-06~/2006-06?", "c. Jun 2004 – Jun 2006?", "2004-06-01T00:00:00Z", "2006-06-30T23:59:59.999999999Z", PrecisionMonth},
		{"-0043-03-15", "15 Mar 44 BCE", "-0043-03-15T00:00:00Z", "-0043-03-15T23:59:59.999999999Z", PrecisionDay},
		{"0000", "1 BCE", "0000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999999Z", PrecisionYear},
		// A year of fewer than four digits says its era, so that "Aug 1"
		// does not read as the first of August, nor "999" as a number.
		{"0001-08", "Aug 1 CE", "0001-08-01T00:00:00Z", "0001-08-31T23:59:59.999999999Z", PrecisionMonth},
		{"0999", "999 CE", "0999-01-01T00:00:00Z", "0999-12-31T23:59:59.999999999Z", PrecisionYear},
		{"-0001/0001", "2 BCE – 1 CE", "-0001-01-01T00:00:00Z", "0001-12-31T23:59:59.999999999Z", PrecisionYear},
		{"Y170000002", "170,000,002 CE", "", "", PrecisionYear},
		{"Y-170000002", "170.000003 million years ago", "", "", PrecisionYear},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got := d.String(); got != tt.in {
				t.Errorf("String() = %q, want %q", got, tt.in)
			}
			if got := d.Label(); got != tt.label {
				t.Errorf("Label() = %q, want %q", got, tt.label)
			}
			if got := d.Precision(); got != tt.precision {
				t.Errorf("Precision() = %v, want %v", got, tt.precision)
			}
			if tt.in[0] == 'Y' {
				return // beyond time.Time's RFC 3339 range; bounds checked below
			}
			wantLo, wantHi := BeginningOfTime, EndOfTime
			if tt.earliest != "" {
				wantLo = utc(tt.earliest)
			}
			if tt.latest != "" {
				wantHi = utc(tt.latest)
			}
			if got := d.Earliest(); got != wantLo {
				t.Errorf("Earliest() = %v, want %v", got.Time(), wantLo.Time())
			}
			if got := d.Latest(); got != wantHi {
				t.Errorf("Latest() = %v, want %v", got.Time(), wantHi.Time())
			}
		})
	}
}

func TestParseDateWideYearBounds(t *testing.T) {
	d := MustParseDate("Y170000002")
	lo, hi := d.Earliest(), d.Latest()
	if !lo.Before(hi) {
		t.Fatalf("Earliest %v not before Latest %v", lo, hi)
	}
	if far := MustParseDate("9999"); !far.Latest().Before(lo) {
		t.Errorf("year 9999 should end before Y170000002 starts")
	}
	if past := MustParseDate("Y-170000002"); !past.Latest().Before(MustParseDate("-9999").Earliest()) {
		t.Errorf("Y-170000002 should end before -9999 starts")
	}
}

func TestParseDateInvalid(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"2017-13", `date "2017-13": month 13 out of range`},
		{"2017-00", `date "2017-00": month 0 out of range`},
		{"2017-02-29", `date "2017-02-29": day 29 out of range for Feb 2017`},
		{"2017-04-31", `date "2017-04-31": day 31 out of range for Apr 2017`},
		{"1900-02-29", `date "1900-02-29": day 29 out of range for Feb 1900`},
		{"2017-8", `date "2017-8": the month needs two digits (01–12) or XX`},
		{"17", `date "17": a year needs four digits (or Y and more digits)`},
		{"20170", `date "20170": a year of more than four digits needs the Y prefix, like Y12345`},
		{"Y2017", `date "Y2017": the Y prefix is for years of more than four digits; write the year plainly`},
		{"Y", `date "Y": Y must be followed by the year's digits`},
		{"Y01234567", `date "Y01234567": a Y-prefixed year has no leading zeros`},
		{"Y123456789012", `date "Y123456789012": year beyond ±100000000000 (100 billion) is not supported`},
		{"Y-1E12", `date "Y-1E12": year beyond ±100000000000 (100 billion) is not supported`},
		{"Y1E99", `date "Y1E99": year beyond ±100000000000 (100 billion) is not supported`},
		{"Y1E3", `date "Y1E3": the Y prefix is for years of more than four digits; write the year plainly`},
		{"Y-138E", `date "Y-138E": E must be followed by the exponent, like Y-138E8`},
		{"Y-138E08", `date "Y-138E08": E must be followed by the exponent, like Y-138E8`},
		{"Y-138E0", `date "Y-138E0": E must be followed by the exponent, like Y-138E8`},
		{"1950S", `date "1950S": S must be followed by the number of significant digits, like 1950S2`},
		{"1950S0", `date "1950S0": S must be followed by the number of significant digits, like 1950S2`},
		{"1950S5", `date "1950S5": 5 significant digits is more than the year has`},
		{"195XS2", `date "195XS2": a year with X digits cannot have significant digits`},
		{"1950S2-08", `date "1950S2-08": a year with significant digits cannot have a month`},
		{"2XXX", `date "2XXX": at most the last two digits of a year can be X`},
		{"2X17", `date "2X17": a year needs four digits (or Y and more digits)`},
		{"201X-08", `date "201X-08": a year with X digits cannot have a month`},
		{"2017-X8", `date "2017-X8": the month needs two digits (01–12) or XX`},
		{"2017-XX-14", `date "2017-XX-14": a day needs a known month (use XX for both)`},
		{"2001-21-03", `date "2001-21-03": a season cannot have a day`},
		{"2017-08T10:00:00", `date "2017-08T10:00:00": a time of day needs a full date before the T`},
		{"2017-08-14T25:00:00", `date "2017-08-14T25:00:00": hour 25 out of range`},
		{"2017-08-14T10:60:00", `date "2017-08-14T10:60:00": minute 60 out of range`},
		{"2017-08-14T10:00:60", `date "2017-08-14T10:00:60": second 60 (a leap second) is not one chrono can hold: write :59 and say the leap second in the date text or a note`},
		{"2017-08-14T10:00:61", `date "2017-08-14T10:00:61": second 61 out of range`},
		{"2017-08-14T10:00", `date "2017-08-14T10:00": a time of day is written hh:mm:ss`},
		{"2017-08-14T10:00:00.", `date "2017-08-14T10:00:00.": a decimal point needs digits after it`},
		{"2017-08-14T10:00:00.1234567890", `date "2017-08-14T10:00:00.1234567890": at most nine digits after the seconds' decimal point`},
		{"2017-08-14T10:00:00+15:00", `date "2017-08-14T10:00:00+15:00": an offset from UTC is at most ±14:00`},
		{"2017-08-14T10:00:00-00:00", `date "2017-08-14T10:00:00-00:00": an offset of zero is written Z or +00:00`},
		{"2017-08-14T10:00:00+5", `date "2017-08-14T10:00:00+5": an offset from UTC is written ±hh or ±hh:mm`},
		{"2017-08-14T10:00:00+0200", `date "2017-08-14T10:00:00+0200": an offset from UTC is written ±hh or ±hh:mm`},
		{"2017-08-14T10:00:00-05:3", `date "2017-08-14T10:00:00-05:3": an offset from UTC is written ±hh or ±hh:mm`},
		{"2017-08-14T10:00:00Z?", `date "2017-08-14T10:00:00Z?": a date with a time of day cannot be qualified`},
		{"2017??", `date "2017??": unexpected "?" at position 6`},
		{"2017 ", `date "2017 ": unexpected " " at position 5`},
		{"-0000", `date "-0000": a negative year cannot be zero`},
		{"..", `date "..": an open end needs an interval, like ../2021`},
		{"/", `date "/": an interval needs at least one date`},
		{"../..", `date "../..": an interval needs at least one date`},
		{"2017/2018/2019", `date "2017/2018/2019": an interval has one '/'`},
		{"2021/2017", `date "2021/2017": the interval ends before it starts`},
		{"2017-13/2021", `date "2017-13/2021": start: month 13 out of range`},
		{"2017/2021-13", `date "2017/2021-13": end: month 13 out of range`},
		{"last year", `date "last year": a year needs four digits (or Y and more digits)`},
		// Dates written with slashes, day or month first, as people
		// write them: '/' is EDTF's interval separator, but an interval
		// is not what is meant.
		{"14/08/2017", `date "14/08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"08/14/2017", `date "08/14/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"8/14/2017", `date "8/14/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"04/08/2017", `date "04/08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-04 (4 Aug 2017) if it is day first, 2017-04-08 (8 Apr 2017) if month first`},
		{"4/4/2017", `date "4/4/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-04-04`},
		{"2017/08/14", `date "2017/08/14": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"08/2017", `date "08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08`},
		{"2017/8", `date "2017/8": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08`},
		{"29/02/2017", `date "29/02/2017": chrono reads dates as EDTF (ISO 8601), year first, like 2017-08-14; 29/02 is no day of 2017`},
		{"31/31/2017", `date "31/31/2017": chrono reads dates as EDTF (ISO 8601), year first, like 2017-08-14; 31/31 is no day of 2017`},
		{"1/2/3/2017", `date "1/2/3/2017": chrono reads dates as EDTF (ISO 8601), year first, like 2017-08-14`},
		// Not that shape: a span of years written short, or two years.
		{"2017/18", `date "2017/18": end: a year needs four digits (or Y and more digits)`},
		// Dots and dashes, as other places write dates by hand: EDTF
		// puts no one or two digits before a year of four.
		{"14.08.2017", `date "14.08.2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"14-08-2017", `date "14-08-2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"8.14.2017", `date "8.14.2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"04.08.2017", `date "04.08.2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-04 (4 Aug 2017) if it is day first, 2017-04-08 (8 Apr 2017) if month first`},
		{"08.2017", `date "08.2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08`},
		{"8-2017", `date "8-2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08`},
		{"2017.08.14", `date "2017.08.14": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14`},
		{"29.02.2017", `date "29.02.2017": chrono reads dates as EDTF (ISO 8601), year first, like 2017-08-14; 29.02 is no day of 2017`},
		// Year first with dashes is EDTF's own shape: its messages say
		// what is wrong.
		{"2017-8-14", `date "2017-8-14": the month needs two digits (01–12) or XX`},
		{"2017-12-32", `date "2017-12-32": day 32 out of range for Dec 2017`},
		{"2017-18", `date "2017-18": month 18 out of range`},
		// A year of two digits: its century is the writer's to say.
		{"14/08/17", `date "14/08/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-14 if it is 2017`},
		{"14.08.17", `date "14.08.17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-14 if it is 2017`},
		{"14-08-85", `date "14-08-85": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 1985-08-14 if it is 1985`},
		{"8/14/17", `date "8/14/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-14 if it is 2017`},
		{"04/08/17", `date "04/08/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-04 (4 Aug 2017) if it is 2017 and day first, 2017-04-08 (8 Apr 2017) if month first`},
		{"31/31/17", `date "31/31/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits, like 2017-08-14; 31/31 is no day of a year ending in 17`},
		// Dashes write the year first as often as last.
		{"17-08-14", `date "17-08-14": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-14 (14 Aug 2017) if the year is first, 2014-08-17 (17 Aug 2014) if it is 2014 and day first`},
		{"04-08-17", `date "04-08-17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2004-08-17 (17 Aug 2004) if the year is first, 2017-08-04 (4 Aug 2017) if it is 2017 and day first, 2017-04-08 (8 Apr 2017) if month first`},
		{"17/08/14", `date "17/08/14": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2014-08-17 if it is 2014`},
		// A month and a year written short, as cards and forms do.
		{"08/17", `date "08/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08 if it is Aug 2017`},
		{"12-99", `date "12-99": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 1999-12 if it is Dec 1999`},
		{"17/08", `date "17/08": start: a year needs four digits (or Y and more digits)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) succeeded, want error %q", tt.in, tt.msg)
			}
			var de *DateError
			if !errors.As(err, &de) {
				t.Errorf("error is %T, want *DateError", err)
			}
			if err.Error() != tt.msg {
				t.Errorf("error = %q, want %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestUndated(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" || d.Label() != "undated" {
		t.Errorf("zero Date: IsZero %v String %q Label %q", d.IsZero(), d.String(), d.Label())
	}
	u, err := ParseDate("")
	if err != nil || u != d {
		t.Errorf(`ParseDate("") = %v, %v; want the zero Date`, u, err)
	}
	if d.Overlaps(MustParseDate("2017")) || MustParseDate("2017").Overlaps(d) {
		t.Error("undated overlaps a date")
	}
	if MustParseDate("Y170000002").Compare(d) >= 0 {
		t.Error("undated does not sort after the furthest date")
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2017", "2017-08", true},
		{"2017-08", "2017", true},
		{"2017", "2017-08-14T15:04:05Z", true},
		{"2017-08", "2017-09", false},
		{"2017-08/2021", "2019", true},
		{"2017-08/2021", "2022", false},
		{"../2021", "1900", true},
		{"2017-08/..", "3000", true},
		{"2017-08/..", "2017-07", false},
		{"2017-12-31T23:59:59Z", "2018", false},
		{"2017-12-31T23:30:00-01:00", "2018", true}, // 00:30 UTC on 1 Jan 2018
		{"2001-24", "2002-02", true},
		{"201X", "2019-12-31", true},
		{"201X", "2020", false},
		{"2021~", "2021-06", true},
	}
	for _, tt := range tests {
		a, b := MustParseDate(tt.a), MustParseDate(tt.b)
		if got := a.Overlaps(b); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Overlaps(a); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestDateCompareOrder(t *testing.T) {
	// Timeline order: earliest bound, then latest bound; undated last.
	want := []string{
		"../2021",
		"-0043-03-15",
		"2017",
		"2017-08",
		"2017-08/2021",
		"2017-08/..",
		"2017-08-14",
		"2017-08-14T15:04:05Z",
		"2021",
		"2021/2022-02-01",
		"2022-02-01",
		"",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, func(a, b string) int { return MustParseDate(a).Compare(MustParseDate(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

// An interval whose ends are one date sorts where that date does: its
// label says the date alone, so it must not stand elsewhere.
func TestDateCompareIntervalOfOneDate(t *testing.T) {
	for _, c := range []struct{ interval, single string }{
		{"2017-08-14/2017-08-14", "2017-08-14"},
		{"2017-08/2017-08", "2017-08"},
		{"2017/2017", "2017"},
		{"201X/201X", "201X"},
	} {
		i, d := MustParseDate(c.interval), MustParseDate(c.single)
		if i.Compare(d) != 0 || i.Precision() != d.Precision() {
			t.Errorf("%s against %s: Compare %d, precision %v and %v; want the same place", c.interval, c.single, i.Compare(d), i.Precision(), d.Precision())
		}
	}
}

func TestDateParts(t *testing.T) {
	y, mo, d, h, mi, s, ns := MustParseDate("2017-08-14T15:04:05.5Z").Parts()
	if y != 2017 || mo != 8 || d != 14 || h != 15 || mi != 4 || s != 5 || ns != 500_000_000 {
		t.Errorf("Parts = %d %d %d %d %d %d %d", y, mo, d, h, mi, s, ns)
	}
	y, mo, d, _, _, _, _ = MustParseDate("2017-08").Parts()
	if y != 2017 || mo != 8 || d != 0 {
		t.Errorf("Parts(2017-08) = %d %d %d, want no invented day", y, mo, d)
	}
	y, mo, _, _, _, _, _ = MustParseDate("../2021-03").Parts()
	if y != 2021 || mo != 3 {
		t.Errorf("Parts(../2021-03) = %d %d, want the known end", y, mo)
	}
}

// FuzzParseDate's seed corpus is in testdata/fuzz/FuzzParseDate.
func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		canon := d.String()
		d2, err := ParseDate(canon)
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", canon, s, err)
		}
		if d2 != d {
			t.Fatalf("round trip of %q through %q changed the date", s, canon)
		}
		if canon != s {
			t.Fatalf("%q parsed but is not canonical (%q)", s, canon)
		}
		if !d.IsZero() && d.Latest().Before(d.Earliest()) {
			t.Fatalf("%q: latest before earliest", s)
		}
		_ = d.Label()
	})
}

func TestInstantCivil(t *testing.T) {
	for _, s := range []string{"2017-08-14", "2000-02-29", "1970-01-01", "1969-12-31", "-0043-03-15", "0000-01-01", "2400-12-31"} {
		d := MustParseDate(s)
		y, m, day, _, _, _, _ := d.Parts()
		for _, i := range []Instant{d.Earliest(), d.Latest()} {
			gy, gm, gd := i.Civil()
			if gy != y || gm != m || gd != day {
				t.Errorf("%s: Civil() = %d-%d-%d", s, gy, gm, gd)
			}
		}
	}
	if got := StartOfMonth(2017, 8); got != MustParseDate("2017-08").Earliest() {
		t.Errorf("StartOfMonth(2017, 8) = %v", got.Time())
	}
}

func TestMonthLabel(t *testing.T) {
	for _, c := range []struct {
		y     int64
		month int
		want  string
	}{{2017, 8, "Aug 2017"}, {-43, 3, "Mar 44 BCE"}, {2021, 0, "2021"}} {
		if got := MonthLabel(c.y, c.month); got != c.want {
			t.Errorf("MonthLabel(%d, %d) = %q, want %q", c.y, c.month, got, c.want)
		}
	}
}
