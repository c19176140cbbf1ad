package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/verbatim"
	"chrono/model/wordwrap"
)

// sourceViewMsg brings a source view made ready at a quote, or why
// there is none.
type sourceViewMsg struct {
	view *sourceView
	err  error
}

// openQuoteInSource finds a quote in the latest snapshot of its source
// (or the passage closest to it) and its text's line starts, all away
// from Update, and brings the view ready to show. The source's index
// kept by the browser spares reading the text again while it is still
// the latest.
func openQuoteInSource(s model.Store, st *Styles, q model.Quote, kept quoteIndexes) tea.Cmd {
	return func() tea.Msg {
		v, err := quoteInSource(s, st, q, kept)
		return sourceViewMsg{view: v, err: err}
	}
}

func quoteInSource(s model.Store, st *Styles, q model.Quote, kept quoteIndexes) (*sourceView, error) {
	if q.Source == "" {
		return nil, errors.New("the quote names no source to show it in")
	}
	si, _, err := indexOf(s, kept, q.Source)
	if err != nil {
		return nil, err
	}
	if si == nil {
		return nil, fmt.Errorf("source %q has no snapshot to show the quote in: %s keeps one", q.Source, wordwrap.Keep("chrono source attach "+q.Source+" FILE"))
	}
	if si.unreadable != "" {
		return nil, fmt.Errorf("source %q, snapshot %d cannot be read: %s", q.Source, si.latest.N, si.unreadable)
	}
	r := si.check(q.Text)
	title := fmt.Sprintf("%s · snapshot %d of %d · %s", q.Source, si.latest.N, si.count, r.State)
	switch {
	case si.damaged != "":
		// The pane marks its quotes so; the view of the text must too,
		// or the altered words read as the source's.
		title = fmt.Sprintf("✗ %s · snapshot %d is damaged: %s (%s says more); what it shows cannot be trusted · %s", q.Source, si.latest.N, si.damaged, wordwrap.Keep("chrono verify"), r.State)
	case si.outOfStep != "":
		title = fmt.Sprintf("✗ %s · its snapshots are not those the journal left: %s (%s says more); what snapshot %d shows cannot be trusted · %s", q.Source, si.outOfStep, wordwrap.Keep("chrono verify"), si.latest.N, r.State)
	}
	span, parts := r.Span, r.Parts
	shown := "quote"
	switch {
	case r.State == verbatim.Normalised:
		title += " (" + r.Rules.String() + ")"
	case r.State == verbatim.NotFound && len(r.Diff) > 0:
		// The passage itself is the one marked in the text below.
		title += "; " + quotecheck.DiffHead + " " + verbatim.DiffString(r.Diff)
		span, parts, shown = r.Closest, nil, "closest passage"
	case r.State == verbatim.NotFound:
		shown = "" // no word of it is in the text: nothing to show
	}
	v := newSourceView(st, title, si.text, span, parts)
	v.shown = shown
	v.lines = lineStarts(si.text)
	return v, nil
}
