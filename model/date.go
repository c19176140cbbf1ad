package model

// Date is a date in the Extended Date/Time Format (EDTF, ISO 8601-2),
// levels 0 and 1: a year, season, month or day, optionally with a time of
// day; qualified as uncertain (?), approximate (~) or both (%); with
// unspecified digits (201X, 2017-XX); or an interval between two such dates
// whose ends may be open (..) or unknown (empty). Of level 2 it has the
// years of deep time: exponential years (Y-138E8, 13.8 billion years
// before year 0) and a year's significant digits (1950S2: a year from 1900
// to 1999, estimated as 1950).
//
// The zero Date is "undated": an event whose date is not known yet. It sorts
// after every dated event and overlaps nothing.
//
// A Date is a comparable value; Parse and String round-trip.
type Date struct {
	start point // the date, or the start of an interval
	end   point // the end of an interval
	form  form
	// For intervals: how each end is given.
	startEnd, endEnd bound
}

type form uint8

const (
	formUndated form = iota
	formSingle
	formInterval
)

// bound says how one end of an interval is given.
type bound uint8

const (
	boundKnown   bound = iota // a date
	boundOpen                 // ".." : the interval runs on without end
	boundUnknown              // "": the end exists but is not known
)

// Qualifier is EDTF's level 1 qualification of a date as a whole.
type Qualifier uint8

// Qualifiers.
const (
	Certain              Qualifier = iota
	Uncertain                      // "?": possibly this date
	Approximate                    // "~": about this date
	UncertainApproximate           // "%": possibly about this date
)

// Precision is how finely a date is known.
type Precision uint8

// Precisions, coarsest first. PrecisionNone is for undated events.
const (
	PrecisionNone Precision = iota
	PrecisionCentury
	PrecisionDecade
	PrecisionYear
	PrecisionSeason
	PrecisionMonth
	PrecisionDay
	PrecisionSecond
)

var precisionNames = [...]string{"none", "century", "decade", "year", "season", "month", "day", "second"}

func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "unknown"
}

// zone says how a time of day gives its offset from UTC.
type zone uint8

const (
	zoneLocal  zone = iota // no offset: local time where it happened, taken as UTC for ordering
	zoneUTC                // "Z"
	zoneHours              // "+05": offset in whole hours
	zoneOffset             // "+05:30"
)

// point is one EDTF date (not an interval).
type point struct {
	year   int64 // astronomical numbering: 0 is 1 BCE, -1 is 2 BCE
	month  uint8 // 0: absent; 1–12; 21–24: spring, summer, autumn, winter
	day    uint8 // 0: absent
	hour   uint8
	minute uint8
	second uint8
	nanos  uint32
	frac   uint8 // digits written after the decimal point of the seconds
	// Unspecified digits: the number of trailing year digits written X (1 or
	// 2), and whether the month or day is written XX.
	yearX            uint8
	monthX, dayX     bool
	hasTime          bool
	zone             zone
	offset           int16 // minutes east of UTC
	qualifier        Qualifier
	wideYear         bool  // written with EDTF's Y prefix
	exp              uint8 // the exponent of a year written Y-138E8; 0 when written whole
	sig              uint8 // the significant digits of a year written 1950S2; 0 when all are
	hasMonth, hasDay bool  // the month (or season) or the day is present, even if unspecified
}

// IsZero reports whether d is undated.
func (d Date) IsZero() bool { return d.form == formUndated }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return d.form == formInterval }

// Qualifier returns the qualification of a single date; for an interval,
// that of its start, or of its end when the start is not a date.
func (d Date) Qualifier() Qualifier {
	switch {
	case d.form == formSingle || (d.form == formInterval && d.startEnd == boundKnown):
		return d.start.qualifier
	case d.form == formInterval && d.endEnd == boundKnown:
		return d.end.qualifier
	}
	return Certain
}

// Precision returns how finely d is known: for an interval, the coarser of
// its known ends.
func (d Date) Precision() Precision {
	switch d.form {
	case formSingle:
		return d.start.precision()
	case formInterval:
		p := PrecisionSecond
		if d.startEnd == boundKnown {
			p = min(p, d.start.precision())
		}
		if d.endEnd == boundKnown {
			p = min(p, d.end.precision())
		}
		return p
	}
	return PrecisionNone
}

// Start returns the first end of an interval as a single Date, or d itself
// when d is not an interval. ok is false when the start is open or unknown.
func (d Date) Start() (start Date, ok bool) {
	switch d.form {
	case formSingle:
		return d, true
	case formInterval:
		if d.startEnd == boundKnown {
			return Date{start: d.start, form: formSingle}, true
		}
	}
	return Date{}, false
}

// End returns the last end of an interval as a single Date, or d itself
// when d is not an interval. ok is false when the end is open or unknown.
func (d Date) End() (end Date, ok bool) {
	switch d.form {
	case formSingle:
		return d, true
	case formInterval:
		if d.endEnd == boundKnown {
			return Date{start: d.end, form: formSingle}, true
		}
	}
	return Date{}, false
}

// UnknownStart reports whether d is an interval whose start is not known
// ("/2019"), rather than open ("../2019") or given.
func (d Date) UnknownStart() bool { return d.form == formInterval && d.startEnd == boundUnknown }

// UnknownEnd reports whether d is an interval whose end is not known
// ("2018/"), rather than open ("2018/..") or given.
func (d Date) UnknownEnd() bool { return d.form == formInterval && d.endEnd == boundUnknown }

// Parts returns the calendar fields of a single date, or of the start of an
// interval: the year (astronomical: 0 is 1 BCE), then month, day, hour,
// minute, second and nanosecond, each 0 when the date is not that precise.
// A season is reported as its month number (21–24). Unspecified digits are
// reported as the earliest value they allow.
func (d Date) Parts() (year int64, month, day, hour, minute, second, nanos int) {
	p := d.start
	if d.form == formInterval && d.startEnd != boundKnown {
		p = d.end
	}
	year, _ = p.yearRange()
	if p.hasMonth && !p.monthX {
		month = int(p.month)
	}
	if p.hasDay && !p.dayX {
		day = int(p.day)
	}
	if p.hasTime {
		hour, minute, second, nanos = int(p.hour), int(p.minute), int(p.second), int(p.nanos)
	}
	return
}

// HasOffset reports whether a single date's time of day gives its offset
// from UTC (Z or ±hh:mm); a time without one is local time, which chrono
// orders as if it were UTC.
func (d Date) HasOffset() bool { return d.start.hasTime && d.start.zone != zoneLocal }

// Earliest returns the first instant d can mean: the start of its first
// possible day, or of its start for an interval. An open or unknown start
// is BeginningOfTime. Undated is EndOfTime, so it sorts last.
func (d Date) Earliest() Instant {
	switch d.form {
	case formSingle:
		return d.start.earliest()
	case formInterval:
		if d.startEnd != boundKnown {
			return BeginningOfTime
		}
		return d.start.earliest()
	}
	return EndOfTime
}

// Latest returns the last instant d can mean (inclusive): 2017-08 ends at
// 2017-08-31T23:59:59.999999999Z. An open or unknown end is EndOfTime, and
// so is undated.
func (d Date) Latest() Instant {
	switch d.form {
	case formSingle:
		return d.start.latest()
	case formInterval:
		if d.endEnd != boundKnown {
			return EndOfTime
		}
		return d.end.latest()
	}
	return EndOfTime
}

// Overlaps reports whether d and o share any instant. It never invents a
// day: 2017 overlaps 2017-08-14, and 2017-08 overlaps 2017. Undated dates
// overlap nothing.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return d.Earliest().Compare(o.Latest()) <= 0 && o.Earliest().Compare(d.Latest()) <= 0
}

// Compare orders dates on the timeline: by earliest bound, then by latest
// bound. Undated sorts after every date.
func (d Date) Compare(o Date) int {
	if c := d.Earliest().Compare(o.Earliest()); c != 0 {
		return c
	}
	return d.Latest().Compare(o.Latest())
}

func (p point) precision() Precision {
	if p.sig > 0 {
		switch lo, hi := p.yearRange(); {
		case hi-lo >= 99:
			return PrecisionCentury
		case hi > lo:
			return PrecisionDecade
		}
		return PrecisionYear
	}
	switch {
	case p.yearX == 2:
		return PrecisionCentury
	case p.yearX == 1:
		return PrecisionDecade
	case !p.hasMonth || p.monthX:
		return PrecisionYear
	case p.month > 12:
		return PrecisionSeason
	case !p.hasDay || p.dayX:
		return PrecisionMonth
	case !p.hasTime:
		return PrecisionDay
	}
	return PrecisionSecond
}

// yearRange returns the first and last year p can mean.
func (p point) yearRange() (lo, hi int64) {
	y := p.year
	if p.sig > 0 {
		// 1950S2 is 1900 to 1999: the digits after the significant ones
		// can be anything; -1950S2 is -1999 to -1900.
		mag := y
		if y < 0 {
			mag = -y
		}
		unit := int64(1)
		for n := decimalDigits(mag); n > int(p.sig); n-- {
			unit *= 10
		}
		first := mag - mag%unit
		if y < 0 {
			return -(first + unit - 1), -first
		}
		return first, first + unit - 1
	}
	if p.yearX == 0 {
		return y, y
	}
	span := int64(10)
	if p.yearX == 2 {
		span = 100
	}
	if y < 0 {
		// -201X is the years -2019 to -2010.
		return y - (span - 1), y
	}
	return y, y + span - 1
}

// decimalDigits counts the digits of n ≥ 0.
func decimalDigits(n int64) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// seasons maps EDTF season codes 21–24 to the months they span: spring,
// summer, autumn and winter in the northern hemisphere's meteorological
// seasons (winter runs from December into the next year).
var seasons = [4][2]int{{3, 5}, {6, 8}, {9, 11}, {12, 14}}

func (p point) earliest() Instant {
	lo, _ := p.yearRange()
	switch {
	case !p.hasMonth || p.monthX:
		return civilInstant(lo, 1, 1, 0, 0, 0)
	case p.month > 12:
		return civilInstant(lo, seasons[p.month-21][0], 1, 0, 0, 0)
	case !p.hasDay || p.dayX:
		return civilInstant(lo, int(p.month), 1, 0, 0, 0)
	case !p.hasTime:
		return civilInstant(lo, int(p.month), int(p.day), 0, 0, 0)
	}
	i := civilInstant(lo, int(p.month), int(p.day), int(p.hour), int(p.minute), int(p.second))
	i.sec -= int64(p.offset) * 60
	i.nsec = int32(p.nanos)
	return i
}

func (p point) latest() Instant {
	_, hi := p.yearRange()
	var next Instant // the first instant after p
	switch {
	case !p.hasMonth || p.monthX:
		next = civilInstant(hi+1, 1, 1, 0, 0, 0)
	case p.month > 12:
		last := seasons[p.month-21][1]
		next = civilInstant(hi+int64(last/12), last%12+1, 1, 0, 0, 0)
	case !p.hasDay || p.dayX:
		next = civilInstant(hi, int(p.month)+1, 1, 0, 0, 0) // month 13 normalises to January
	case !p.hasTime:
		next = civilInstant(hi, int(p.month), int(p.day)+1, 0, 0, 0)
	default:
		next = p.earliest()
		step := int64(1_000_000_000)
		for range p.frac {
			step /= 10
		}
		ns := int64(next.nsec) + step
		next.sec += ns / 1_000_000_000
		next.nsec = int32(ns % 1_000_000_000)
	}
	return justBefore(next)
}
