package tui

import (
	"time"

	"chrono/model"
)

// zoom is how much time one cell of the time axis holds.
type zoom int

// wideZooms is how many zooms are wider than decades, for deep time (the
// cosmology TimelineJS shows, 13.8 billion years ago): a cell of ten
// years, a hundred, and so on to a billion, a label each ten cells.
const wideZooms = 9

// The zooms, widest first: then a cell is a year, a month, a day, an hour
// or five minutes, and a label marks each decade, year, month, day or
// hour.
const (
	zoomDecades zoom = wideZooms + iota
	zoomYears
	zoomMonths
	zoomDays
	zoomHours
	zoomCount
)

var zoomNames = [...]string{
	"10 billion years", "billions of years", "100 million years", "10 million years", "millions of years",
	"100,000 years", "10,000 years", "millennia", "centuries",
	"decades", "years", "months", "days", "hours",
}

func (z zoom) String() string { return zoomNames[z] }

// cellYears is the years in a cell of a zoom wider than decades: ten for
// the widest but one below decades, up to a billion for the widest.
func (z zoom) cellYears() int64 {
	n := int64(1)
	for range wideZooms - int(z) {
		n *= 10
	}
	return n
}

// fixedCell is the seconds in a cell of the zooms whose cells are all
// alike; the decades' years and the years' months are counted on the
// calendar.
var fixedCell = [...]int64{zoomMonths: 86400, zoomDays: 3600, zoomHours: 300}

// cellOf is where an instant falls on the axis at a zoom, in cells from
// the zoom's origin (year 0, month 0 of year 0, or the Unix epoch), with
// the fraction of its cell. It is meaningless for the unbounded instants.
func (z zoom) cellOf(i model.Instant) float64 {
	sec, nsec := i.Unix()
	switch {
	case z <= zoomYears:
		y, m, _ := i.Civil()
		if z <= zoomDecades {
			m = 1
		}
		from := model.StartOfMonth(y, m)
		var to model.Instant
		switch {
		case z <= zoomDecades:
			to = model.StartOfMonth(y+1, 1)
		case m == 12:
			to = model.StartOfMonth(y+1, 1)
		default:
			to = model.StartOfMonth(y, m+1)
		}
		f, _ := from.Unix()
		t, _ := to.Unix()
		frac := (float64(sec-f) + float64(nsec)/1e9) / float64(t-f)
		if z < zoomDecades {
			n := z.cellYears()
			return float64(floorDiv(y, n)) + (float64(floorMod(y, n))+frac)/float64(n)
		}
		if z == zoomDecades {
			return float64(y) + frac
		}
		return float64(monthIndex(y, m)) + frac
	}
	per := fixedCell[z]
	return float64(floorDiv(sec, per)) + (float64(sec-floorDiv(sec, per)*per)+float64(nsec)/1e9)/float64(per)
}

// zoneNote says in what zone the scale's days and hours are: UTC,
// whatever zone the dates beside it are shown in (a time written without
// an offset is drawn at its clock time, as if it were UTC, as the
// chronology orders it). At the wider zooms a day's difference is
// within a cell.
func (z zoom) zoneNote() string {
	if z >= zoomDays {
		return " (UTC)"
	}
	return ""
}

// cellTime is the UTC time a cell of the fixed zooms starts at.
func (z zoom) cellTime(c int64) time.Time { return time.Unix(c*fixedCell[z], 0).UTC() }

// tick returns the label of the cell c when a major division of the
// zoom begins there (a decade, a year, a month, a day, an hour), so that
// the scale reads where the axis is.
func (z zoom) tick(c int64) (string, bool) {
	switch {
	case z < zoomDecades:
		return wideYearLabel(c * z.cellYears()), floorMod(c, 10) == 0
	}
	switch z {
	case zoomDecades:
		return yearLabel(c), floorMod(c, 10) == 0
	case zoomYears:
		return yearLabel(floorDiv(c, 12)), floorMod(c, 12) == 0
	case zoomMonths:
		t := z.cellTime(c)
		return t.Format("Jan ") + yearLabel(int64(t.Year())), t.Day() == 1
	case zoomDays:
		t := z.cellTime(c)
		return t.Format("2 Jan ") + yearLabel(int64(t.Year())), t.Hour() == 0
	}
	t := z.cellTime(c)
	if t.Hour() == 0 {
		return t.Format("2 Jan ") + yearLabel(int64(t.Year())) + t.Format(" 15:04"), t.Minute() == 0
	}
	return t.Format("15:04"), t.Minute() == 0
}

// brief is tick's label of cell c without the year a midnight's names,
// where that has no room.
func (z zoom) brief(c int64) string {
	label, _ := z.tick(c)
	if t := z.cellTime(c); z == zoomHours && t.Hour() == 0 {
		return t.Format("2 Jan 15:04")
	}
	return label
}

// dated is the label of cell c with its day and year, where tick's may
// have neither (an hour's): the scale's first label, so that an axis in
// hours says which day it is on.
func (z zoom) dated(c int64) string {
	label, _ := z.tick(c)
	if z != zoomHours {
		return label
	}
	t := z.cellTime(c)
	return t.Format("2 Jan ") + yearLabel(int64(t.Year())) + t.Format(" 15:04")
}

// yearLabel names an astronomical year as the dates do: 0 is 1 BCE, and
// a long year has its digits grouped. The time package's own layout would
// write -0043 for 44 BCE.
func yearLabel(y int64) string { return model.YearLabel(y) }

// wideYearLabel names the round year a cell of the wide zooms starts at
// as a round number of years BCE or years ago, which lies in the same
// cell: a cell of ten years and more holds both ends of the year apart
// that astronomical numbering makes (-1000 is 1001 BCE, and the cell from
// it holds 1000 BCE; -13,800,000,100 is 13,800,000,101 BCE, and the cell
// holds 13.8000001 billion years ago, as the dates name it).
func wideYearLabel(y int64) string {
	if y <= 0 {
		return model.YearLabel(y + 1)
	}
	return model.YearLabel(y)
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }
