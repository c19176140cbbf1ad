package tui

import "chrono/model"

// Going to a date, or to the next or previous year, lands where the rows
// show it: on the first row shown on or after its start, by the clock
// each row shows (as written, or in the zone Z chose), as a filter by
// date reads a day. The rows are in the order of their instants, so a
// time written with an offset may be shown on a day other than its
// neighbours': it is read past, or landed on, by what its row shows.

// landing is a window read where a date's rows begin.
type landing struct {
	w        model.Window
	standing map[string]standing
	at       model.Position // the first row shown on or after the date
	found    bool
}

// shownFromScan is how many rows firstShownFrom reads at a time.
const shownFromScan = 64

// landShownFrom reads the window at the first event of the view the
// rows show, in zone, at or after the start of from: n rows on each side
// of it. found is false when there is none.
func landShownFrom(s model.Store, q model.Query, zone model.Zone, from model.Date, n int) (landing, error) {
	start := model.PositionShownFrom(from)
	w, st, err := rowsAt(s, q, model.PageAt{At: start, Before: n, After: n})
	if err != nil {
		return landing{}, err
	}
	// Most often the first row from where to look is the one: the
	// window read is the one to land in.
	if r, ok := firstFrom(w, start); ok && shownFrom(r, zone, from) {
		return landing{w: w, standing: st, at: r.Pos, found: true}, nil
	}
	at, found, err := firstShownFrom(s, q, zone, from)
	if err != nil || !found {
		return landing{}, err
	}
	w, st, err = rowsAt(s, q, model.PageAt{At: at, Before: n, After: n})
	return landing{w: w, standing: st, at: at, found: true}, err
}

// firstShownFrom finds the position of the first event of the view the
// rows show, in zone, at or after the start of from. It reads on from
// where such an event may first be, past those shown earlier: a time
// written with an offset may be shown up to 14 hours from its instant.
func firstShownFrom(s model.Store, q model.Query, zone model.Zone, from model.Date) (model.Position, bool, error) {
	at := model.PositionShownFrom(from)
	if onward := from.Onward(); q.During.IsZero() && !onward.IsZero() {
		// The store's filter by date reads past them, the date alone
		// of each read: a day of a dense log is thousands of rows. It
		// reads an event's own date, not where its links place it, so
		// what it finds is checked as any row is.
		q.During, q.Zone = onward, zone
	}
	for {
		p, err := s.Page(q, model.PageAt{At: at, After: shownFromScan, Uncounted: true})
		if err != nil {
			return model.Position{}, false, err
		}
		for _, r := range p.Rows {
			if shownFrom(r, zone, from) {
				return r.Pos, true, nil
			}
		}
		if p.AtEnd || len(p.Rows) == 0 {
			return model.Position{}, false, nil
		}
		at = p.Rows[len(p.Rows)-1].Pos.After()
	}
}

// shownFrom reports whether the rows show r at or after the start of
// from. An undated event is on or after no date, as a filter by date
// selects none. An event its links place before its own date ends (one
// said to precede an event dated before it) is where they place it:
// going to a date lands on it only when that place is on or after the
// date, as the rows around it are, so that a jump never lands among the
// rows of an earlier date.
func shownFrom(r model.Row, zone model.Zone, from model.Date) bool {
	d := r.Event.Date
	if d.IsZero() || !d.EndsShownFrom(from, zone) {
		return false
	}
	if span, placed := r.Pos.Placed(); placed && span.Latest.Compare(d.Latest()) < 0 {
		return span.Latest.Compare(from.Earliest()) >= 0
	}
	return true
}

// shownYear is the year the rows show r in, in zone: that of the latest
// instant it is placed by (yearOf), on the clock its row shows when that
// is its date's own end. An event with no end date has none.
//
// An event its links place at the very end of a year while its date
// ends later (2017/2022 before an event of 2019, or April 1991 said to
// precede an event of 1990) is in the year they place it in, as
// shownFrom has it: ] from it lands on the next year's first row, and [
// from there comes back to it.
func shownYear(r model.Row, zone model.Zone) (int64, bool) {
	year, ok := yearOf(r.Pos)
	if !ok {
		return 0, false
	}
	span, _ := r.Pos.Placed()
	if d := r.Event.Date; !d.IsZero() && d.Latest() == span.Latest {
		year, _, _ = d.LatestShown(zone).Civil()
	}
	return year, true
}

// lastBeforeShown finds the last event of the view before the first the
// rows show, in zone, in year or after; with no year (dated, is false),
// the last before the events with no end date. found is false when there
// is none.
func lastBeforeShown(s model.Store, q model.Query, zone model.Zone, year int64, dated bool) (model.Row, bool, error) {
	at := model.PositionAt(model.EndOfTime)
	if dated {
		from := model.YearDate(year)
		start := model.PositionShownFrom(from)
		// Most often the first row from where to look is the year's
		// first: one read says what is before it.
		p, err := s.Page(q, model.PageAt{At: start, Before: 1, After: 1, Uncounted: true})
		if err != nil {
			return model.Row{}, false, err
		}
		if i := firstIndexFrom(p.Rows, start); i < len(p.Rows) && shownFrom(p.Rows[i], zone, from) {
			if i == 0 {
				return model.Row{}, false, nil
			}
			return p.Rows[i-1], true, nil
		}
		first, found, err := firstShownFrom(s, q, zone, from)
		if err != nil {
			return model.Row{}, false, err
		}
		if found {
			at = first
		}
	}
	p, err := s.Page(q, model.PageAt{At: at, Before: 1, Uncounted: true})
	if err != nil || len(p.Rows) == 0 {
		return model.Row{}, false, err
	}
	return p.Rows[0], true, nil
}

// firstIndexFrom is the index of the first of rows at or after at, or
// len(rows).
func firstIndexFrom(rows []model.Row, at model.Position) int {
	for i, r := range rows {
		if r.Pos.Compare(at) >= 0 {
			return i
		}
	}
	return len(rows)
}
