// Package listing writes events as plain text for a terminal: one line per
// event for `chrono list`, and the whole event with its quotes and sources
// for `chrono show`. Every field passes through termtext, because it came
// from an imported file.
package listing

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/termtext"
)

// flushEvery bounds how many lines are aligned together, so that a listing
// of any length streams.
const flushEvery = 256

// minTitle is the fewest columns a title is shortened to to keep the
// tags; narrower, the line is cut instead, tags first: the title says
// more.
const minTitle = 24

// Lines writes one aligned line per event: date label, status, id, title
// and #tags.
type Lines struct {
	// Width, when not zero, is the width of the terminal the lines go to:
	// a line wider is fitted to it, its title shortened with an ellipsis
	// first. Zero (a pipe, a file) keeps every line whole.
	Width int
	// Zone is where times written with an offset are shown.
	Zone model.Zone
	// Problem, when set, says whether an event has a chronology problem
	// (what model.Contradictions finds): its status is followed by
	// ProblemSign.
	Problem func(*model.Event) bool
	w       io.Writer
	rows    []row
}

// row is one event's line before alignment.
type row struct {
	cells        [3]string // date, status, id: aligned in columns
	title, chips string
}

// ProblemSign marks an event with a chronology problem: something its
// dates, links or sources say that cannot all be true with the rest. The
// browser's rows have it too.
const ProblemSign = "↯"

// NewLines returns a Lines writing to w. Call Flush at the end.
func NewLines(w io.Writer) *Lines { return &Lines{w: w} }

// Write writes the line of one event.
func (l *Lines) Write(e *model.Event) error {
	status := string(e.Status)
	if status == "" {
		status = "-"
	}
	if l.Problem != nil && l.Problem(e) {
		status += " " + ProblemSign
	}
	r := row{cells: [3]string{e.Date.LabelIn(l.Zone), status, e.ID}, title: termtext.Line(e.Title)}
	if len(e.Tags) > 0 {
		r.chips = "  " + Tags(e.Tags)
	}
	l.rows = append(l.rows, r)
	if len(l.rows) == flushEvery {
		return l.Flush()
	}
	return nil
}

// Flush writes out the lines still buffered for alignment.
func (l *Lines) Flush() error {
	var widths [3]int
	for _, r := range l.rows {
		for i, c := range r.cells {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range l.rows {
		var prefix strings.Builder
		for i, c := range r.cells {
			prefix.WriteString(c)
			prefix.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
		}
		b.WriteString(l.fit(prefix.String(), r.title, r.chips))
		b.WriteByte('\n')
	}
	l.rows = l.rows[:0]
	_, err := io.WriteString(l.w, b.String())
	return err
}

// fit makes a line of its parts no wider than l.Width: the title gives
// way first, down to minTitle columns; past that the line is cut, which
// drops the tags before the rest of the title.
func (l *Lines) fit(prefix, title, chips string) string {
	line := prefix + title + chips
	if l.Width <= 0 || ansi.StringWidth(line) <= l.Width {
		return line
	}
	if room := l.Width - ansi.StringWidth(prefix) - ansi.StringWidth(chips); room >= min(minTitle, ansi.StringWidth(title)) {
		return prefix + ansi.Truncate(title, room, "…") + chips
	}
	return ansi.Truncate(line, l.Width, "…")
}

// Tags formats tags as "#a #b", safe for a terminal.
func Tags(tags []string) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = model.Hashtag(termtext.Line(t))
	}
	return strings.Join(parts, " ")
}

// Show writes a whole event, wrapped to width columns, its times in
// zone and, when that changes them, as written too, and under its facts
// the problems of the chronology that concern it (model.ContradictionsOf):
// which link or source contradicts which dates. Under each quote it says
// what checking it against its source's latest snapshot found: checks
// has one for each quote, or is nil to say nothing.
func Show(w io.Writer, d model.Detail, problems []model.Contradiction, checks []quotecheck.Found, width int, zone model.Zone) error {
	width = max(width, 40)
	e := &d.Event
	p := &printer{w: w, width: width}
	p.line("", termtext.Line(e.Title))
	p.field("id", e.ID)
	date := e.Date.LabelIn(zone)
	if written := e.Date.LabelIn(model.ZoneWritten); written != date {
		date += "  (written " + written + ")"
	}
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
	for _, c := range problems {
		p.field("problem", ProblemSign+" "+termtext.Line(c.What))
	}
	if e.Summary != "" {
		p.blank()
		p.wrapped("", termtext.Text(e.Summary))
	}
	if len(e.Quotes) > 0 {
		p.blank()
		p.line("", "Quotes")
		// Numbered as quote rm N and quote add --at N count them.
		text := numberIndent(len(e.Quotes))
		under := text + "  "
		for i, q := range e.Quotes {
			if i > 0 {
				p.blank()
			}
			p.numbered(i+1, text, model.Quoted(termtext.Text(q.Text)))
			p.wrapped(under, Attribution(q))
			if src, ok := d.Sources[q.Source]; ok {
				p.wrapped(under, model.Citation(src, termtext.Line))
				if src.URL != "" {
					p.line(under, termtext.Line(src.URL))
				}
				if src.Archive != "" {
					p.line(under, "archived "+termtext.Line(src.Archive))
				}
			} else if q.Source != "" {
				p.line(under, "source "+q.Source)
			}
			if i < len(checks) && checks[i].State != 0 {
				for _, l := range checks[i].Lines() {
					if l.Indented {
						p.wrapped(under+"  ", l.Text)
					} else {
						p.wrapped(under, l.Text)
					}
				}
			}
		}
	}
	if len(e.Media) > 0 {
		p.blank()
		p.line("", "Media")
		// A caption says what a medium shows, in no one's words: text,
		// not a quote.
		for i, m := range e.Media {
			if i > 0 {
				p.blank()
			}
			for _, t := range []string{m.Title, m.Caption} {
				if !model.Blank(t) {
					p.wrapped("  ", termtext.Text(t))
				}
			}
			if !model.Blank(m.Credit) {
				p.wrapped("  ", "credit: "+termtext.Line(m.Credit))
			}
			// A search finds an event by it: shown, as the fields a
			// search looks in are.
			if !model.Blank(m.Alt) {
				p.wrapped("  ", "alt: "+termtext.Text(m.Alt))
			}
			if m.URL != "" {
				p.line("  ", termtext.Line(m.URL))
			}
		}
	}
	if len(d.Related) > 0 {
		p.blank()
		p.line("", "Links")
		for _, r := range d.Related {
			title, ok := d.Titles[r.Event]
			if t, trashed := d.Trashed[r.Event]; !ok && trashed {
				title = t + " (in the trash)"
			} else if !ok {
				title = "(not in this store)"
			}
			p.wrapped("  ", fmt.Sprintf("%s %s: %s", r.Rel.Phrase(), r.Event, termtext.Line(title)))
		}
	}
	if len(e.Notes) > 0 {
		p.blank()
		p.line("", "Notes")
		// Numbered as note --edit N and --delete N count them.
		head := numberIndent(len(e.Notes))
		for i, n := range e.Notes {
			if i > 0 {
				p.blank()
			}
			// When and who head the note on a line of their own, so that
			// every line of its text stands indented under them.
			var by []string
			if !n.At.IsZero() {
				by = append(by, zone.Instant(n.At).Format(noteTime))
			}
			if n.Author != "" {
				by = append(by, termtext.Line(n.Author))
			}
			heading := strings.Join(by, " — ")
			if edited := NoteEdited(n, func(t time.Time) string { return zone.Instant(t).Format(noteTime) }); edited != "" && heading != "" {
				heading += " (" + edited + ")"
			} else if edited != "" {
				heading = edited
			}
			if heading == "" {
				p.numbered(i+1, head, termtext.Text(n.Text))
				continue
			}
			p.numbered(i+1, head, heading)
			p.wrapped(head+"  ", termtext.Text(n.Text))
		}
	}
	return p.err
}

// noteTime is how chrono show writes when a note was written and edited,
// in the zone it says (Zone.Instant).
const noteTime = "2 Jan 2006 15:04 MST"

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

// ShowSides writes the accounts of an event's claim, what asserts it
// and then what denies or disputes it, each quote with who said it and
// the source that dates it: the text of the browser's side-by-side view.
// It weighs nothing. Times are in zone, the event's own also as
// written when that changes them, as Show has them.
func ShowSides(w io.Writer, s model.Sides, width int, zone model.Zone) error {
	width = max(width, 40)
	e := &s.Event
	p := &printer{w: w, width: width}
	p.line("", termtext.Line(e.Title))
	p.field("id", e.ID)
	date := e.Date.LabelIn(zone)
	if written := e.Date.LabelIn(model.ZoneWritten); written != date {
		date += "  (written " + written + ")"
	}
	p.field("date", date)
	p.field("status", e.Status.Word())
	if s.Aside > 0 {
		what := "quotes take"
		if s.Aside == 1 {
			what = "quote takes"
		}
		p.field("aside", fmt.Sprintf("%d %s no side", s.Aside, what))
	}
	side := func(head, none string, accounts []model.Account) {
		p.blank()
		p.line("", fmt.Sprintf("%s (%d)", head, len(accounts)))
		if len(accounts) == 0 {
			p.wrapped("  ", none)
		}
		quote := func(indent string, q model.Quote) {
			p.wrapped(indent, model.Quoted(termtext.Text(q.Text)))
			p.wrapped(indent+"  ", Attribution(q))
			switch src, ok := s.Sources[q.Source]; {
			case ok:
				p.wrapped(indent+"  ", SourceName(src))
			case q.Source != "":
				p.line(indent+"  ", "source "+q.Source+" (not in the store)")
			default:
				p.line(indent+"  ", "no source given")
			}
		}
		for i, a := range accounts {
			if i > 0 {
				p.blank()
			}
			if a.Rel == "" {
				quote("  ", a.Quotes[0])
				continue
			}
			title := termtext.Line(a.Event.Title)
			if a.Missing {
				p.wrapped("  ", fmt.Sprintf("%s %s: %s (not in the store)", a.Rel.Phrase(), a.Event.ID, title))
				continue
			}
			p.wrapped("  ", fmt.Sprintf("%s %s: %s", a.Rel.Phrase(), a.Event.ID, title))
			p.line("    ", a.Event.Date.LabelIn(zone)+" · "+a.Event.Status.Word())
			for _, q := range a.Quotes {
				quote("    ", q)
			}
		}
	}
	side("Asserts it", "Nothing: no quote of the event asserts it, and no event supports it.", s.For)
	side("Denies or disputes it", "Nothing: no quote of the event denies it, and no event disputes it.", s.Against)
	return p.err
}
