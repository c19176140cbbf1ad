package tui

import (
	"strings"

	"chrono/model"
)

// ruler is the density line under the header: how many events of the view
// fall in each period of the timeline's span, as a sparkline between the
// span's first and last year, with the selected event's period marked.
type ruler struct {
	periods []model.Period // the view's months with events, in order
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
	var lo, hi int64
	found := false
	for _, p := range r.periods {
		if p.Open || p.Undated || p.Count == 0 {
			continue
		}
		m := monthIndex(p.Year, p.Month)
		if !found || m < lo {
			lo = m
		}
		if !found || m > hi {
			hi = m
		}
		found = true
	}
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

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// view renders the ruler in w cells, marking the period of the selected
// event's key (nil: no marker). The periods are stretched over the width,
// so that the ruler is a linear picture of the span: a month (or run of
// years) may take several cells, all of the same height.
func (r *ruler) view(st *Styles, w int, selected model.Position) string {
	if w <= 0 {
		return ""
	}
	b, ok := r.buckets(w)
	if !ok {
		return st.fit(st.Muted.Render("no dated events in view"), w)
	}
	firstYear := floorDiv(b.first, 12)
	lastYear := floorDiv(b.first+int64(b.cols*b.months)-1, 12)
	left, right := model.YearLabel(firstYear), model.YearLabel(lastYear)
	room := w - st.width(left) - st.width(right) - 2
	if room < 4 {
		left, right, room = "", "", w
	}
	if b, ok = r.buckets(room); !ok {
		return ""
	}
	counts := make([]int, b.cols)
	peak := 0
	for _, p := range r.periods {
		if p.Open || p.Undated {
			continue
		}
		i := int((monthIndex(p.Year, p.Month) - b.first) / int64(b.months))
		if i >= 0 && i < len(counts) {
			counts[i] += p.Count
			peak = max(peak, counts[i])
		}
	}
	marker := -1
	if earliest, _, dated := selected.Bounds(); dated && earliest != model.BeginningOfTime {
		y, m, _ := earliest.Civil()
		marker = int((monthIndex(y, m) - b.first) / int64(b.months))
	}
	var bar strings.Builder
	for c := range room {
		i := c * b.cols / room // the bucket under this cell
		n := counts[i]
		glyph := "·"
		if n > 0 {
			glyph = string(sparks[min(len(sparks)-1, (n*len(sparks)-1)/peak)])
		}
		switch {
		case i == marker:
			bar.WriteString(st.RulerMarker.Render(glyph))
		case n > 0:
			bar.WriteString(st.Ruler.Render(glyph))
		default:
			bar.WriteString(st.Muted.Render(glyph))
		}
	}
	if left == "" {
		return st.fit(bar.String(), w)
	}
	return st.fit(st.Muted.Render(left)+" "+bar.String()+" "+st.Muted.Render(right), w)
}
