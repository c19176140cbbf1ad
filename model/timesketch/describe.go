package timesketch

import (
	"strings"

	"chrono/model"
)

// describe returns the timestamp_desc chrono writes for a date, saying
// how much the datetime beside it can be trusted: "Event date (month
// precision)", "Event date (interval, approximate, year precision)".
// Reading drops a timestamp_desc equal to it, since it says nothing the
// date does not.
func describe(d model.Date) string {
	approximate, uncertain := false, false
	qualify := func(end model.Date, ok bool) {
		if ok {
			q := end.Qualifier()
			approximate = approximate || q == model.Approximate || q == model.UncertainApproximate
			uncertain = uncertain || q == model.Uncertain || q == model.UncertainApproximate
		}
	}
	qualify(d.Start())
	qualify(d.End())
	// Built in one piece: reading calls it for every record.
	var b strings.Builder
	b.Grow(64)
	b.WriteString("Event date (")
	if d.IsInterval() {
		b.WriteString("interval, ")
	}
	if approximate {
		b.WriteString("approximate, ")
	}
	if uncertain {
		b.WriteString("uncertain, ")
	}
	b.WriteString(d.Precision().String())
	b.WriteString(" precision)")
	return b.String()
}

// descOf is the timestamp_desc written for e: the one its summary keeps
// from the record it was read from ("timestamp_desc: Last Login", as
// Read puts a timestamp_desc that says more than describe), so that
// Timesketch → chrono → Timesketch keeps what the time is; or, of a row
// of Plaso's l2tcsv, its type, which is what psort's other outputs call
// timestamp_desc; else describe's.
func descOf(e model.Event) string {
	if desc, ok := summaryLine(e.Summary, keyDesc); ok {
		return desc
	}
	if _, l2t := summaryLine(e.Summary, "MACB"); l2t {
		if desc, ok := summaryLine(e.Summary, "type"); ok {
			return desc
		}
	}
	return describe(e.Date)
}

// summaryLine finds the value of the line key makes in a summary, as
// AppendAttribute writes it. An l2tcsv row's summary has a MACB line,
// which no other reader writes.
func summaryLine(summary, key string) (string, bool) {
	for line := range strings.Lines(summary) {
		if v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), key+": "); ok && strings.TrimSpace(v) != "" {
			return v, true
		}
	}
	return "", false
}

// described reports whether desc is one describe writes, for some date:
// "Event date (interval, approximate, year precision)".
func described(desc string) bool {
	rest, ok := strings.CutPrefix(desc, "Event date (")
	if !ok {
		return false
	}
	if rest, ok = strings.CutSuffix(rest, " precision)"); !ok {
		return false
	}
	for _, flag := range []string{"interval, ", "approximate, ", "uncertain, "} {
		rest = strings.TrimPrefix(rest, flag)
	}
	for p := model.PrecisionCentury; p <= model.PrecisionSecond; p++ {
		if rest == p.String() {
			return true
		}
	}
	return false
}
