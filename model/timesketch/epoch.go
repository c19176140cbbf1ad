package timesketch

import (
	"fmt"
	"strconv"
	"time"

	"chrono/model"
)

// unit is the unit of a number of units since 1970-01-01T00:00:00Z, as
// the nanoseconds in one.
type unit int64

const (
	seconds unit = 1e9
	millis  unit = 1e6
	micros  unit = 1e3
	nanos   unit = 1
)

// timestampUnit infers the unit of a timestamp from its size, as
// Timesketch's importer does: above 10^17 nanoseconds, above 10^14
// microseconds, above 10^11 milliseconds, else seconds. A microsecond
// and a second since 1970 both fit an int64, and only the size tells
// which a file meant: seconds end at 10^11 (the year 5138), and
// microseconds start at 10^14 (1973-03-03). chrono applies the rule to
// the size of the number, so that it reads a date before 1970 as it
// reads the same distance after; Timesketch reads every negative number
// as seconds.
func timestampUnit(n int64) unit {
	switch size := magnitude(n); {
	case size > 1e17:
		return nanos
	case size > 1e14:
		return micros
	case size > 1e11:
		return millis
	}
	return seconds
}

// magnitude returns the size of n, for math.MinInt64 too.
func magnitude(n int64) uint64 {
	if n < 0 {
		return -uint64(n)
	}
	return uint64(n)
}

// inferred is what reading a timestamp in u counts; zero for
// microseconds, the unit Timesketch documents.
func (u unit) inferred() model.Loss {
	switch u {
	case seconds:
		return TimestampSeconds
	case millis:
		return TimestampMillis
	case nanos:
		return TimestampNanos
	}
	return model.Loss{}
}

// perSecond is how many units make a second, and digits how many
// decimals a fraction of a second takes in them.
func (u unit) perSecond() (per int64, digits int) {
	switch u {
	case millis:
		return 1e3, 3
	case micros:
		return 1e6, 6
	case nanos:
		return 1e9, 9
	}
	return 1, 0
}

// split returns the whole seconds of n units and the units left over,
// which are never negative.
func (u unit) split(n int64) (sec, frac int64) {
	per, _ := u.perSecond()
	sec, frac = n/per, n%per
	if frac < 0 {
		sec, frac = sec-1, frac+per
	}
	return sec, frac
}

// dateFromEpoch returns the second in UTC that n units since 1970 fall
// in, with the units as a fraction when there are any.
func dateFromEpoch(n int64, u unit) model.Date {
	sec, frac := u.split(n)
	t := time.Unix(sec, 0).UTC()
	y, mo, day := t.Date()
	h, mi, se := t.Clock()
	// Written by hand, not with fmt: Plaso's json_line dates every event
	// this way, and fmt made it five allocations instead of one.
	b := make([]byte, 0, 40)
	switch {
	case y >= 0 && y <= 9999:
		b = appendDigits(b, y, 4)
	case y < 0 && y > -10000:
		b = appendDigits(append(b, '-'), -y, 4)
	default:
		b = fmt.Appendf(b, "Y%d", y) // EDTF's form for years of more than four digits
	}
	b = appendDigits(append(b, '-'), int(mo), 2)
	b = appendDigits(append(b, '-'), day, 2)
	b = appendDigits(append(b, 'T'), h, 2)
	b = appendDigits(append(b, ':'), mi, 2)
	b = appendDigits(append(b, ':'), se, 2)
	if frac != 0 {
		_, digits := u.perSecond()
		b = appendDigits(append(b, '.'), int(frac), digits)
	}
	b = append(b, 'Z')
	d, err := model.ParseDate(string(b))
	if err != nil {
		// Every int64 of nanoseconds to seconds is a date chrono can
		// hold; reaching here is a bug, and the caller reports the
		// number as unusable.
		return model.Date{}
	}
	return d
}

// dateFromMicros is dateFromEpoch in microseconds.
func dateFromMicros(us int64) model.Date { return dateFromEpoch(us, micros) }

// sameInstant reports whether n units since 1970 is instant i cut to
// the unit, as a writer of both would have written it.
func sameInstant(i model.Instant, n int64, u unit) bool {
	sec, nsec := i.Unix()
	nsec2, frac := u.split(n)
	return sec == nsec2 && int64(nsec)/int64(u) == frac
}

// sameMicros reports whether timestamp us is instant i cut to the
// microsecond.
func sameMicros(i model.Instant, us int64) bool { return sameInstant(i, us, micros) }

// epochDatetime reads a datetime written as a number, as Timesketch's
// importer does: epoch microseconds when its size is above 10^15. ok is
// false when s is not a number of more than four digits (four are a
// year); msg says what is wrong with one that is.
func epochDatetime(s string) (d model.Date, msg string, ok bool) {
	digits := s
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) <= 4 || !allDigits(digits) {
		return model.Date{}, "", false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return model.Date{}, "a number too large for a date", true
	}
	if magnitude(n) <= 1e15 {
		return model.Date{}, smallEpoch, true
	}
	return dateFromEpoch(n, micros), "", true
}

// smallEpoch is what a datetime that is a number too small to be epoch
// microseconds gets told.
const smallEpoch = "a number in datetime is read as epoch microseconds only above 10^15 (after 2001-09-09); put seconds or milliseconds in the timestamp column instead"
