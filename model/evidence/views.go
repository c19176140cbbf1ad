package evidence

import (
	"fmt"
	"html/template"
	"strings"

	"chrono/model"
	"chrono/model/verbatim"
)

// sourceView is a source as the pages show it.
type sourceView struct {
	Anchor    string
	Source    model.Source
	Snapshots []snapshotView
	// OutOfStep are its snapshots whose state in the store is not the
	// one the journal last left.
	OutOfStep []model.SnapshotOutOfStep
}

// snapshotView is a snapshot as the pages show it, with its files.
type snapshotView struct {
	model.Snapshot
	// Latest: quotes are checked against a source's latest snapshot.
	Latest bool
	// OK: its bytes and text match the hashes kept with them and those
	// the journal recorded; if not, Problem says how they differ.
	OK      bool
	Problem string
	// Original, Text and Page are its files, relative to the export.
	Original, Text, Page string
}

// eventView is an event as the chronology shows it.
type eventView struct {
	Anchor string
	Event  model.Event
	Date   string
	Quotes []quoteView
	Links  []linkView
}

// quoteView is a quote with what checking it found.
type quoteView struct {
	N     int
	Quote model.Quote
	// Attribution is who said it, where, and its stance.
	Attribution  string
	SourceAnchor string
	State, Sign  string
	Rules        string
	Snapshot     int
	// Untrusted: checked against a snapshot that does not hold up.
	Untrusted bool
	// Href is the quote (or its closest passage) in the snapshot's page.
	Href    string
	Closest string
	Diff    []diffWord
}

// diffWord is a stretch of a word diff: Kind is "same", "removed" (in
// the quote only) or "added" (in the source only).
type diffWord struct {
	Space bool
	Kind  string
	Text  string
}

// linkView is a link to another event.
type linkView struct {
	Rel, Event, Href string
}

// newEventView makes the view of e, whose first quote is number n.
func newEventView(e model.Event, k, n int, checks []quoteCheck, sources map[string]string, events map[string]int) eventView {
	v := eventView{Anchor: fmt.Sprintf("e-%d", k), Event: e, Date: "undated"}
	if !e.Date.IsZero() {
		v.Date = e.Date.String()
	}
	for i, q := range e.Quotes {
		c := checks[n-1+i]
		qv := quoteView{N: n + i, Quote: q, SourceAnchor: sources[q.Source], State: c.state, Sign: sign(c.state),
			Rules: strings.Join(c.rules, ", "), Snapshot: c.snapshot, Closest: c.closest, Untrusted: c.untrusted}
		if c.page != "" && len(c.parts) > 0 {
			qv.Href = fmt.Sprintf("%s#q%d", c.page, n+i)
		}
		for _, d := range c.diff {
			kind := "same"
			switch d.Op {
			case verbatim.Removed:
				kind = "removed"
			case verbatim.Added:
				kind = "added"
			}
			qv.Diff = append(qv.Diff, diffWord{Space: d.Space, Kind: kind, Text: d.Text})
		}
		var who []string
		for _, s := range []string{q.Speaker, q.Context} {
			if s != "" {
				who = append(who, s)
			}
		}
		qv.Attribution = strings.Join(who, ", ")
		if q.Stance != "" {
			qv.Attribution = strings.TrimSpace(qv.Attribution + " (" + string(q.Stance) + ")")
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, l := range e.Links {
		lv := linkView{Rel: string(l.Rel), Event: l.Event}
		if k, ok := events[l.Event]; ok {
			lv.Href = fmt.Sprintf("#e-%d", k)
		}
		v.Links = append(v.Links, lv)
	}
	return v
}

// textPage is a snapshot's text as a page.
type textPage struct {
	Source       model.Source
	SourceAnchor string
	Snapshot     snapshotView
	// Quotes are those checked against this snapshot (the source's
	// latest), each marked in the text.
	Quotes   []pageQuote
	Segments []segment
	// Outline is the style that outlines the quote the page is opened
	// at, whole.
	Outline template.CSS
}

// pageQuote is a quote checked against a snapshot, in the list atop its
// page.
type pageQuote struct {
	N         int
	Text      string
	State     string
	Untrusted bool
	// Marked: the page marks it, or its closest passage, under an
	// anchor to link to; a quote with no word in the text has none.
	Marked bool
}

// Sign is the quote's state's mark.
func (q pageQuote) Sign() string { return sign(q.State) }
