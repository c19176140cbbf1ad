// Package listing writes events as plain text for a terminal: one line per
// event for `chrono list`, and the whole event with its quotes and sources
// for `chrono show`. Every field passes through termtext, because it came
// from an imported file.
package listing

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"chrono/model"
	"chrono/model/termtext"
)

// flushEvery bounds how many lines are aligned together, so that a listing
// of any length streams.
const flushEvery = 256

// Lines writes one aligned line per event: date label, status, id, title
// and #tags.
type Lines struct {
	tw *tabwriter.Writer
	n  int
}

// NewLines returns a Lines writing to w. Call Flush at the end.
func NewLines(w io.Writer) *Lines {
	return &Lines{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

// Write writes the line of one event.
func (l *Lines) Write(e *model.Event) error {
	status := string(e.Status)
	if status == "" {
		status = "-"
	}
	var b strings.Builder
	b.WriteString(e.Date.Label())
	b.WriteByte('\t')
	b.WriteString(status)
	b.WriteByte('\t')
	b.WriteString(e.ID)
	b.WriteByte('\t')
	b.WriteString(termtext.Line(e.Title))
	if len(e.Tags) > 0 {
		b.WriteString("  ")
		b.WriteString(Tags(e.Tags))
	}
	b.WriteByte('\n')
	if _, err := io.WriteString(l.tw, b.String()); err != nil {
		return err
	}
	if l.n++; l.n%flushEvery == 0 {
		return l.tw.Flush()
	}
	return nil
}

// Flush writes out the lines still buffered for alignment.
func (l *Lines) Flush() error { return l.tw.Flush() }

// Tags formats tags as "#a #b", safe for a terminal.
func Tags(tags []string) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = "#" + termtext.Line(t)
	}
	return strings.Join(parts, " ")
}

// Show writes a whole event, wrapped to width columns.
func Show(w io.Writer, d model.Detail, width int) error {
	width = max(width, 40)
	e := &d.Event
	p := &printer{w: w, width: width}
	p.line("", termtext.Line(e.Title))
	p.field("id", e.ID)
	date := e.Date.Label()
	if !e.Date.IsZero() {
		date += "  (EDTF " + e.Date.String() + ")"
	}
	p.field("date", date)
	if e.DateText != "" {
		text := "“" + termtext.Line(e.DateText) + "”"
		if src, ok := d.Sources[e.DateSource]; ok {
			text += " in " + SourceName(src)
		}
		p.field("as said", text)
	}
	p.field("status", e.Status.Word())
	if len(e.Actors) > 0 {
		actors := make([]string, len(e.Actors))
		for i, a := range e.Actors {
			actors[i] = termtext.Line(a)
		}
		p.field("actors", strings.Join(actors, " · "))
	}
	if len(e.Tags) > 0 {
		p.field("tags", Tags(e.Tags))
	}
	if e.Summary != "" {
		p.blank()
		p.wrapped("", termtext.Text(e.Summary))
	}
	if len(e.Quotes) > 0 {
		p.blank()
		p.line("", "Quotes")
		for i, q := range e.Quotes {
			if i > 0 {
				p.blank()
			}
			p.wrapped("  ", "“"+termtext.Text(q.Text)+"”")
			p.wrapped("    ", Attribution(q))
			if src, ok := d.Sources[q.Source]; ok {
				p.wrapped("    ", model.Citation(src, termtext.Line))
				if src.URL != "" {
					p.line("    ", termtext.Line(src.URL))
				}
			} else if q.Source != "" {
				p.line("    ", "source "+q.Source)
			}
		}
	}
	if len(d.Related) > 0 {
		p.blank()
		p.line("", "Links")
		for _, r := range d.Related {
			title, ok := d.Titles[r.Event]
			if !ok {
				title = "(not in this store)"
			}
			p.wrapped("  ", fmt.Sprintf("%s %s: %s", r.Rel.Phrase(), r.Event, termtext.Line(title)))
		}
	}
	if len(e.Notes) > 0 {
		p.blank()
		p.line("", "Notes")
		for i, n := range e.Notes {
			if i > 0 {
				p.blank()
			}
			// When and who head the note on a line of their own, so that
			// every line of its text stands indented under them.
			var by []string
			if !n.At.IsZero() {
				by = append(by, n.At.Format("2 Jan 2006 15:04"))
			}
			if n.Author != "" {
				by = append(by, termtext.Line(n.Author))
			}
			indent := "  "
			if len(by) > 0 {
				p.line(indent, strings.Join(by, " — "))
				indent = "    "
			}
			p.wrapped(indent, termtext.Text(n.Text))
		}
	}
	return p.err
}

// Attribution says who said a quote, where, and its stance:
// "— Gary Miller, Miller to The Washington Post (asserts)".
func Attribution(q model.Quote) string {
	var parts []string
	if q.Speaker != "" {
		parts = append(parts, termtext.Line(q.Speaker))
	}
	if q.Context != "" {
		parts = append(parts, termtext.Line(q.Context))
	}
	s := "— " + strings.Join(parts, ", ")
	if len(parts) == 0 {
		s = "— unattributed"
	}
	if q.Stance != "" {
		s += " (" + string(q.Stance) + ")"
	}
	return s
}

// SourceName names a source briefly: its publisher and publication date.
func SourceName(s model.Source) string {
	name := termtext.Line(s.Publisher)
	if name == "" {
		name = termtext.Line(s.Title)
	}
	if name == "" {
		name = s.ID
	}
	if !s.Published.IsZero() {
		name += ", " + s.Published.Label()
	}
	return name
}
