package tui

import (
	"math"
	"strings"

	"chrono/model"
)

// ruler is the density line under the header: how many events of the view
// fall in each period of the investigation's span, as a sparkline between
// the span's first and last month, with the selected event's span marked.
// An event that may fall in several months counts in each of them for
// its share (a year's event a twelfth in each month), never whole where
// its span starts.
type ruler struct {
	periods []model.Period // the view's months with events, in order
	// span is the whole investigation's months when the view is filtered,
	// so that a filtered view reads in its place and not stretched over
	// the width; nil when the view is the whole.
	span []model.Period
	// laid is what the ruler worked out from the periods for the width
	// it was last drawn in, as it is drawn on every frame and the
	// periods change only with the view (setPeriods): going over every
	// period three times was a quarter of a served frame's View.
	laid *rulerLaid
	// edges is what bounds found, once known.
	edges *rulerEdges
}

// rulerEdges is the first and last months of the span with events.
type rulerEdges struct {
	lo, hi int64
	found  bool
}

// rulerLaid is the ruler's buckets for a width, and their weights.
type rulerLaid struct {
	room   int
	b      bucketing
	ok     bool
	counts []float64
	peak   float64
}

// setPeriods puts a view's periods on the ruler.
func (r *ruler) setPeriods(periods, span []model.Period) {
	r.periods, r.span, r.laid, r.edges = periods, span, nil, nil
}

// laidIn returns the buckets of room cells and their weights, worked out
// again only when the width or the periods changed.
func (r *ruler) laidIn(room int) *rulerLaid {
	if r.laid != nil && r.laid.room == room {
		return r.laid
	}
	l := &rulerLaid{room: room}
	if l.b, l.ok = r.buckets(room); l.ok {
		l.counts = r.weights(l.b)
		for _, n := range l.counts {
			l.peak = max(l.peak, n)
		}
	}
	r.laid = l
	return l
}

// sparks are the eight heights of a bar; an empty period is a dot, so the
// span reads on a monochrome terminal too.
var sparks = []rune("▁▂▃▄▅▆▇█")

// bucketing says how a span of months maps onto columns.
type bucketing struct {
	first  int64 // the first month of the span, as year*12+month-1
	months int   // months per column: 1, 12, or a multiple of 12
	cols   int
}

func monthIndex(year int64, month int) int64 { return year*12 + int64(month-1) }

// buckets chooses months when the span fits the width, else years, else
// runs of years.
func (r *ruler) buckets(w int) (bucketing, bool) {
	lo, hi, found := r.bounds()
	if !found || w <= 0 {
		return bucketing{}, false
	}
	if span := hi - lo + 1; span <= int64(w) {
		return bucketing{first: lo, months: 1, cols: int(span)}, true
	}
	firstYear, lastYear := floorDiv(lo, 12), floorDiv(hi, 12)
	years := lastYear - firstYear + 1
	per := (years + int64(w) - 1) / int64(w)
	return bucketing{first: firstYear * 12, months: int(per * 12), cols: int((years + per - 1) / per)}, true
}

// bounds returns the first and last months of the span with events: the
// first an event starts in, the last one may fall in.
func (r *ruler) bounds() (lo, hi int64, found bool) {
	if e := r.edges; e != nil {
		return e.lo, e.hi, e.found
	}
	lo, hi, found = r.edgesOf()
	r.edges = &rulerEdges{lo, hi, found}
	return lo, hi, found
}

// edgesOf works out bounds from the periods.
func (r *ruler) edgesOf() (lo, hi int64, found bool) {
	periods := r.periods
	if r.span != nil {
		periods = r.span
	}
	for _, p := range periods {
		if p.Open || p.Undated || p.Count == 0 {
			continue
		}
		m := monthIndex(p.Year, p.Month)
		if !found || m < lo {
			lo = m
		}
		if last := m + int64(max(p.Months, 1)) - 1; !found || last > hi {
			hi = last
		}
		found = true
	}
	return lo, hi, found
}

// nothingToDraw says why a ruler has no span: events open at their
// start ("until 2021") are dated, though none has a month to begin it.
func (r *ruler) nothingToDraw() string {
	for _, p := range r.periods {
		if p.Open && p.Count > 0 {
			return "no event in view has a known start to place on the ruler"
		}
	}
	return "no dated events in view"
}

// monthLabel names a month index: the year alone at a year's edge (its
// first month for the start of a span, its last for the end), else the
// month, so that a span starting in August 2017 reads "Aug 2017".
func monthLabel(m int64, end bool) string {
	y := floorDiv(m, 12)
	month := int(m-y*12) + 1
	if (!end && month == 1) || (end && month == 12) {
		return model.YearLabel(y)
	}
	return model.MonthLabel(y, month)
}

// marked returns the first and last buckets of the selected event's
// span as its row shows it (model.Date.SpanShown), or -1, -1 when it has
// none on the ruler (undated, or open at both ends).
func (r *ruler) marked(b bucketing, selected model.Span) (from, to int) {
	earliest, latest := selected.Earliest, selected.Latest
	if earliest == model.BeginningOfTime && latest == model.EndOfTime {
		return -1, -1
	}
	bucket := func(i model.Instant, open int) int {
		if i.IsUnbounded() {
			return open
		}
		y, m, _ := i.Civil()
		return int(floorDiv(monthIndex(y, m)-b.first, int64(b.months)))
	}
	from, to = bucket(earliest, 0), bucket(latest, b.cols-1)
	if to < 0 || from >= b.cols {
		return -1, -1
	}
	return max(from, 0), min(to, b.cols-1)
}

// weights returns how many events fall in each bucket: an event that
// may fall in several months adds its share to each, one over the number
// of months. The cost is constant per period, whatever its span.
func (r *ruler) weights(b bucketing) []float64 {
	out := make([]float64, b.cols)
	// whole[i] is added to every bucket from i on: a span's full
	// buckets take their share as a run, not one by one.
	whole := make([]float64, b.cols+1)
	per := int64(b.months)
	for _, p := range r.periods {
		if p.Open || p.Undated || p.Count == 0 {
			continue
		}
		months := int64(max(p.Months, 1))
		first := monthIndex(p.Year, p.Month) - b.first
		last := first + months - 1
		share := float64(p.Count) / float64(months)
		// Clip to the buckets on the ruler.
		first, last = max(first, 0), min(last, int64(b.cols)*per-1)
		if first > last {
			continue
		}
		bf, bl := first/per, last/per
		if bf == bl {
			out[bf] += share * float64(last-first+1)
			continue
		}
		out[bf] += share * float64((bf+1)*per-first)
		out[bl] += share * float64(last-bl*per+1)
		if bf+1 < bl {
			whole[bf+1] += share * float64(per)
			whole[bl] -= share * float64(per)
		}
	}
	run := 0.0
	for i := range out {
		run += whole[i]
		out[i] += run
		if out[i] < 1e-9 {
			out[i] = 0 // what is left of a run's rounding, not an event
		}
	}
	return out
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// view renders the ruler in w cells, marking the months of the selected
// event's span as its row shows it (the whole of time: no marker). The periods are stretched over the width,
// so that the ruler is a linear picture of the span: a month (or run of
// years) may take several cells, all of the same height.
func (r *ruler) view(st *Styles, w int, selected model.Span) string {
	if w <= 0 {
		return ""
	}
	lo, hi, found := r.bounds()
	if !found {
		return st.fit(st.Muted.Render(r.nothingToDraw()), w)
	}
	left, right := monthLabel(lo, false), monthLabel(hi, true)
	if floorDiv(lo, 12) == floorDiv(hi, 12) && left != right {
		// Within one year the year alone at one end would read as the
		// whole year ("2019 … Jan 2019"): both ends name their month.
		y := floorDiv(lo, 12)
		left, right = model.MonthLabel(y, int(lo-y*12)+1), model.MonthLabel(y, int(hi-y*12)+1)
	}
	room := w - st.width(left) - st.width(right) - 2
	if room < 4 {
		// A narrow ruler keeps the years rather than no labels.
		left, right = model.YearLabel(floorDiv(lo, 12)), model.YearLabel(floorDiv(hi, 12))
		room = w - st.width(left) - st.width(right) - 2
	}
	if room < 4 {
		left, right, room = "", "", w
	}
	l := r.laidIn(room)
	if !l.ok {
		return ""
	}
	b, counts, peak := l.b, l.counts, l.peak
	from, to := r.marked(b, selected)
	// Cells of one style are painted as one run.
	var bar, run strings.Builder
	var ink *Ink
	for c := range room {
		i := c * b.cols / room // the bucket under this cell
		n := counts[i]
		glyph := "·"
		if n > 0 {
			glyph = string(sparks[min(len(sparks)-1, int(math.Ceil(n*float64(len(sparks))/peak))-1)])
		}
		next := &st.Muted
		switch {
		case i >= from && i <= to && from >= 0:
			next = &st.RulerMarker
		case n > 0:
			next = &st.Ruler
		}
		if next != ink && run.Len() > 0 {
			bar.WriteString(ink.Render(run.String()))
			run.Reset()
		}
		ink = next
		run.WriteString(glyph)
	}
	if run.Len() > 0 {
		bar.WriteString(ink.Render(run.String()))
	}
	if left == "" {
		return st.fit(bar.String(), w)
	}
	return st.fit(st.Muted.Render(left)+" "+bar.String()+" "+st.Muted.Render(right), w)
}
