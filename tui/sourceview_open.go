package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/verbatim"
)

// sourceViewMsg brings a source view made ready at a quote, or why
// there is none.
type sourceViewMsg struct {
	view *sourceView
	err  error
}

// openQuoteInSource reads the text of the latest snapshot of a quote's
// source, finds the quote in it (or the passage closest to it) and its
// line starts, all away from Update, and brings the view ready to show.
func openQuoteInSource(s model.Store, st *Styles, q model.Quote) tea.Cmd {
	return func() tea.Msg {
		v, err := quoteInSource(s, st, q)
		return sourceViewMsg{view: v, err: err}
	}
}

func quoteInSource(s model.Store, st *Styles, q model.Quote) (*sourceView, error) {
	if q.Source == "" {
		return nil, errors.New("the quote names no source to show it in")
	}
	snaps, err := s.Snapshots(q.Source)
	if err != nil {
		return nil, fmt.Errorf("source %q: %w", q.Source, err)
	}
	if len(snaps) == 0 {
		return nil, fmt.Errorf("source %q has no snapshot to show the quote in: chrono source attach %s FILE keeps one", q.Source, q.Source)
	}
	latest := snaps[len(snaps)-1]
	rc, err := s.SnapshotText(q.Source, latest.N)
	if err != nil {
		return nil, fmt.Errorf("source %q, snapshot %d: %w", q.Source, latest.N, err)
	}
	defer rc.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, rc); err != nil {
		return nil, fmt.Errorf("source %q, snapshot %d: %w", q.Source, latest.N, err)
	}
	text := b.String()
	r := verbatim.Check(q.Text, text)
	title := fmt.Sprintf("%s · snapshot %d of %d · %s", q.Source, latest.N, len(snaps), r.State)
	span, parts := r.Span, r.Parts
	switch {
	case r.State == verbatim.Normalised:
		title += " (" + r.Rules.String() + ")"
	case r.State == verbatim.NotFound && len(r.Diff) > 0:
		title += ", the closest passage: " + verbatim.DiffString(r.Diff)
		span, parts = r.Closest, nil
	}
	v := newSourceView(st, title, text, span, parts)
	v.lines = lineStarts(text)
	return v, nil
}
