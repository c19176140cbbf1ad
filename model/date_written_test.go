package model

import "testing"

func TestOverlapsShown(t *testing.T) {
	for _, c := range []struct {
		date, during string
		want         bool
	}{
		{"2017-08-14T20:30:00-04:00", "2017-08-14", true},
		{"2017-08-14T20:30:00-04:00", "2017-08-15", false},
		{"2017-08-15T01:00:00+05:00", "2017-08-14", false},
		{"2017-08-15T01:00:00+05:00", "2017-08-15", true},
		{"2017-08-15T00:00:00", "2017-08-15", true},
		{"2017-08-14T23:59:59Z", "2017-08-14", true},
		// A date to select by that gives an offset selects by the instant.
		{"2017-08-14T20:30:00-04:00", "2017-08-15T00:00:00Z/2017-08-15T01:00:00Z", true},
		{"2017-08-14T20:30:00-04:00", "2017-08-14T20:00:00Z/2017-08-14T21:00:00Z", false},
		{"2017-08-14T20:30:00-04:00", "2017-08-14T20:00:00-04:00/2017-08-14T21:00:00-04:00", true},
		// An interval's ends each keep their own clock.
		{"2017-08-10T22:00:00-05:00/2017-08-14T23:00:00-05:00", "2017-08-15", false},
		{"2017-08-10T22:00:00-05:00/2017-08-14T23:00:00-05:00", "2017-08-10", true},
		{"../2017-08-14T22:00:00-05:00", "2017-08-15", false},
		{"2017-08-14T22:00:00-05:00/..", "2017-08-14", true},
		{"", "2017-08-14", false},
	} {
		var d Date
		if c.date != "" {
			d = MustParseDate(c.date)
		}
		during := MustParseDate(c.during)
		if got := d.OverlapsShown(during, ZoneWritten); got != c.want {
			t.Errorf("%q overlaps %q as written: %v, want %v", c.date, c.during, got, c.want)
		}
		if d.IsZero() {
			continue
		}
		// What the instants alone say never contradicts the date.
		switch OverlapOfInstants(d.Earliest(), d.Latest(), during) {
		case OverlapNo:
			if c.want {
				t.Errorf("%q during %q: the instants say no", c.date, c.during)
			}
		case OverlapYes:
			if !c.want {
				t.Errorf("%q during %q: the instants say yes", c.date, c.during)
			}
		}
	}
}

// TestOverlapOfInstantsDecidesFarFromTheEnds: an event a day or more
// from either end of a day to select by is decided without its date.
func TestOverlapOfInstantsDecidesFarFromTheEnds(t *testing.T) {
	during := MustParseDate("2017-08-14")
	for _, c := range []struct {
		date string
		want Overlap
	}{
		{"2017-08-12T12:00:00+05:00", OverlapNo},
		{"2017-08-17T12:00:00-05:00", OverlapNo},
		{"2017-08", OverlapYes},
		{"2017-08-14T12:00:00-04:00", OverlapDepends},
	} {
		d := MustParseDate(c.date)
		if got := OverlapOfInstants(d.Earliest(), d.Latest(), during); got != c.want {
			t.Errorf("%q during 2017-08-14: %v, want %v", c.date, got, c.want)
		}
	}
}

// TestOverlapsShownInAZone: shown in UTC (--tz utc, Z), a time is on the
// day it is in UTC; a time without an offset stays as written.
func TestOverlapsShownInAZone(t *testing.T) {
	for _, c := range []struct {
		date, during string
		want         bool
	}{
		{"2017-08-14T20:30:00-04:00", "2017-08-15", true},
		{"2017-08-14T20:30:00-04:00", "2017-08-14", false},
		{"2017-08-15T01:00:00+05:00", "2017-08-14", true},
		{"2017-08-15T00:30:00", "2017-08-15", true},
		{"2017-08-14T20:30:00-04:00", "2017-08-14T20:00:00-04:00/2017-08-14T21:00:00-04:00", true},
	} {
		if got := MustParseDate(c.date).OverlapsShown(MustParseDate(c.during), ZoneUTC); got != c.want {
			t.Errorf("%q overlaps %q shown in UTC: %v, want %v", c.date, c.during, got, c.want)
		}
	}
}

func TestInUTCOf(t *testing.T) {
	for _, c := range []struct {
		d, o string
		want bool
	}{
		{"2021-03-04T08:15:30.000000+00:00", "2021-03-04T10:15:30+02:00", true},
		{"2021-03-04T08:15:30Z", "2021-03-04T08:15:30", true}, // a local time exported as UTC
		{"2021-03-04T08:15:30.5Z", "2021-03-04T10:15:30+02:00", false},
		{"2021-03-04T08:15:31Z", "2021-03-04T10:15:30+02:00", false},
		{"2021-03-04T10:15:30+02:00", "2021-03-04T08:15:30Z", false}, // not in UTC
		{"2021-03-04", "2021-03-04", false},
	} {
		if got := MustParseDate(c.d).InUTCOf(MustParseDate(c.o)); got != c.want {
			t.Errorf("%s in UTC of %s: %v, want %v", c.d, c.o, got, c.want)
		}
	}
}

// TestEndsShownFrom: going to a date lands on the rows shown on or after
// it, by their clock as written where it gives no offset; and no event
// placed before PositionShownFrom is shown so late.
func TestEndsShownFrom(t *testing.T) {
	for _, c := range []struct {
		date, from string
		want       bool
	}{
		{"2017-08-14T20:30:00-04:00", "2017-08-15", false},
		{"2017-08-14T20:30:00-04:00", "2017-08-14", true},
		{"2017-08-15T01:00:00+10:00", "2017-08-15", true},
		{"2017-08-14T20:30:00-04:00", "2017-08-15T00:00:00Z", true},
		{"2017-08-14T22:00:00", "2017-08-15", false},
		{"2017-08", "2017-08-15", true},
		{"../2017-08-14", "2017-08-15", false},
		{"2017-08-14/..", "2030", true},
		{"-0043-03-15", "2017", false},
	} {
		d, from := MustParseDate(c.date), MustParseDate(c.from)
		if got := d.EndsShownFrom(from, ZoneWritten); got != c.want {
			t.Errorf("%q ends from %q as written: %v, want %v", c.date, c.from, got, c.want)
		}
		// A store's filter by date finds the same events.
		if got := d.OverlapsShown(from.Onward(), ZoneWritten); got != c.want {
			t.Errorf("%q overlaps %q: %v, want %v", c.date, from.Onward(), got, c.want)
		}
		if c.want && PositionAt(d.Latest()).Compare(PositionShownFrom(from)) < 0 {
			t.Errorf("%q is shown from %q but placed before where it is looked for", c.date, c.from)
		}
	}
}
