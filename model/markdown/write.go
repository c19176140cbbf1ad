package markdown

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model"
)

// Options tune what Write puts in the chronology.
type Options struct {
	// Notes keeps the investigator's notes. They are private: a draft
	// for a story leaves them out unless asked, and counts them as lost.
	Notes bool
	// Title returns the title of an event by id, so that a link names
	// an event that is not written above it (later in the timeline, or
	// left out of the export) by its title. Nil knows only the events
	// written above; an event it does not know is named by its id.
	Title func(id string) (string, bool)
	// Incoming returns the links other events make to an event, so that
	// an event says it is disputed by another as the event that disputes
	// it says it disputes it. Nil knows none: an event lists only its
	// own links.
	Incoming func(id string) ([]model.Incoming, error)
}

// Write is a Writer with no Options: a draft without notes.
func Write(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
	return Writer(Options{})(w, h, sources, events, losses)
}

// Writer returns a writer of the investigation as a Markdown chronology,
// streaming its events, that returns how many it wrote. Events are
// expected in timeline order, as a store gives them: a "##" section
// begins whenever the year of an event's earliest bound changes (its
// decade or century, when its start is known only to one), with a
// section for events whose start is open before the years and one for
// undated events after them. Each heading is written once: an event the
// order places after the events of a later section stays under the
// heading above it, and says so. A time given with an offset whose year
// in UTC, by which the order places it among times given without one, is
// not its clock's goes under the one of the two its neighbours are in,
// and its heading then gives its time in UTC (sectionFor). The sources
// the events cite are listed at the end; the others are counted in
// losses (which may be nil), as are the notes left out.
//
// A link to another event shows that event's title, from those written
// above (only the titles are kept, the first 65,536 of them when
// opts.Title can look the others up) or else from opts.Title.
func Writer(opts Options) func(io.Writer, model.Header, []model.Source, iter.Seq2[model.Event, error], *model.Losses) (int, error) {
	return func(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
		return writeMarkdown(w, h, sources, events, losses, opts)
	}
}

func writeMarkdown(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses, opts Options) (int, error) {
	if losses == nil {
		losses = new(model.Losses)
	}
	wr := &writer{
		w:      bufio.NewWriter(w),
		byID:   make(map[string]model.Source, len(sources)),
		cited:  map[string]bool{},
		titles: map[string]string{},
		opts:   opts,
		losses: losses,
	}
	for _, s := range sources {
		if _, dup := wr.byID[s.ID]; !dup {
			wr.byID[s.ID] = s
		}
	}
	wr.header(h)
	n := 0
	var current section
	// The chronology's order places events by their spans as their links
	// narrow them, so an event may come after the events of a later year.
	// A heading is written once: such an event stays under the heading it
	// follows, which says why, rather than open its section again.
	// So too an event of an earlier section not yet written (one of an
	// open end, placed by its span), which would open it below a later
	// one. Sections are told apart by their headings: two years a billion
	// years ago read alike, and are one.
	written := map[string]bool{}
	for e, err := range events {
		if err != nil {
			return n, err
		}
		var outOfOrder string
		above := false
		s, utc := sectionFor(e.Date, current, n > 0, written)
		if n == 0 || s.title() != current.title() {
			switch {
			case written[s.title()]:
				outOfOrder, above = s.title(), true
			case n > 0 && s.kind != openStart && s.before(current):
				outOfOrder = s.title()
			default:
				current = s
				written[s.title()] = true
				wr.printf("\n## %s\n", s.title())
			}
		}
		wr.event(&e, outOfOrder, above, utc)
		if holdsMarked(&e, opts.Notes) {
			losses.Add(LostMarked, 1)
		}
		n++
		if wr.err != nil {
			return n, wr.err
		}
	}
	if n == 0 {
		wr.printf("\n*No events.*\n")
	}
	wr.sources(sources, losses)
	if wr.err != nil {
		return n, wr.err
	}
	return n, wr.w.Flush()
}

// writer writes the document and remembers the first error.
type writer struct {
	w      *bufio.Writer
	err    error
	byID   map[string]model.Source
	cited  map[string]bool   // ids of the sources the events cite
	titles map[string]string // titles of the events written, by id, for links
	opts   Options
	losses *model.Losses
}

func (w *writer) printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

func (w *writer) header(h model.Header) {
	title := oneLine(h.Title)
	if title == "" {
		title = "Chronology"
	}
	w.printf("# %s\n", title)
	if strings.TrimSpace(h.Description) != "" {
		w.printf("\n")
		w.block("", "", h.Description)
	}
}

// event writes one event: a heading with its date and status, its title,
// summary and quotes, a list of its particulars, and its notes. section,
// when set, is the heading the event belongs under, which comes earlier
// (above: written above): the event is out of date order, and says so.
// utc says the event is under the year of its time in UTC, not the one
// its clock shows: the heading then gives that time too.
func (w *writer) event(e *model.Event, section string, above, utc bool) {
	heading := inline(e.Date.Label())
	if utc {
		heading += " (" + inline(e.Date.LabelIn(model.ZoneUTC)) + ")"
	}
	if e.DateText != "" {
		heading += " (“" + oneLine(e.DateText) + "”)"
	}
	heading += " · " + oneLine(e.Status.Word())
	w.printf("\n### %s\n", heading)
	switch {
	case section != "" && above:
		w.printf("\n*Out of date order: the chronology's order, set by the links between events and the span each date allows, places it here; its section, “%s”, is above.*\n", inline(section))
	case section != "":
		w.printf("\n*Out of date order: the chronology's order, set by the links between events and the span each date allows, places it here; it dates from %s, earlier than this section.*\n", inline(section))
	}
	if title := oneLine(e.Title); title != "" {
		w.printf("\n**%s**\n", title)
	}
	if strings.TrimSpace(e.Summary) != "" {
		w.printf("\n")
		w.block("", "", e.Summary)
	}
	for _, q := range e.Quotes {
		w.quote(q)
	}
	w.particulars(e)
	if !w.opts.Notes {
		w.losses.Add(LostNote, len(e.Notes))
	}
	for _, n := range e.Notes {
		if !w.opts.Notes {
			break
		}
		lead := "*Investigator's note:* "
		if !n.At.IsZero() {
			lead = "*Investigator's note, " + n.At.UTC().Format("2 Jan 2006 15:04") + " UTC:* "
		}
		w.printf("\n")
		w.block("", lead, n.Text)
	}
	if w.opts.Title == nil || len(w.titles) < keptTitles {
		w.titles[e.ID] = e.Title
	}
}

// keptTitles bounds the titles kept of the events written when the
// options can look a title up: a million events' titles took some 250
// MB, and a link to an event past the bound is looked up instead.
var keptTitles = 1 << 16

// quote writes a quote as a blockquote, verbatim, then who said it, where,
// its stance toward the claim, and its source.
func (w *writer) quote(q model.Quote) {
	w.printf("\n")
	w.block("> ", "", q.Text)
	var who []string
	for _, s := range []string{q.Speaker, q.Context} {
		if s := oneLine(s); s != "" {
			who = append(who, s)
		}
	}
	attribution := "— " + strings.Join(who, ", ")
	if len(who) == 0 {
		attribution = "— unattributed"
	}
	if q.Stance != "" {
		attribution += " (" + oneLine(string(q.Stance)) + ")"
	}
	if src := w.source(q.Source); src != "" {
		attribution += " · " + src
	}
	w.printf(">\n> %s\n", attribution)
}

// source names the source an event cites, and notes it as cited.
func (w *writer) source(id string) string {
	if id == "" {
		return ""
	}
	s, ok := w.byID[id]
	if !ok {
		return "source " + code(id)
	}
	w.cited[id] = true
	return sourceName(s)
}

// particulars writes an event's date source, actors, tags, media, links
// (its own, then those others make to it, turned around) and id as a
// list.
func (w *writer) particulars(e *model.Event) {
	var items []string
	if src := w.source(e.DateSource); src != "" {
		items = append(items, "Date source: "+src)
	}
	if len(e.Actors) > 0 {
		actors := make([]string, len(e.Actors))
		for i, a := range e.Actors {
			actors[i] = oneLine(a)
		}
		items = append(items, "Actors: "+strings.Join(actors, " · "))
	}
	if len(e.Tags) > 0 {
		chips := make([]string, len(e.Tags))
		for i, t := range e.Tags {
			chips[i] = code("#" + t) // in code, so that no renderer takes it for a heading
		}
		items = append(items, "Tags: "+strings.Join(chips, " "))
	}
	for _, m := range e.Media {
		items = append(items, medium(m))
	}
	var incoming []model.Incoming
	if w.opts.Incoming != nil {
		var err error
		if incoming, err = w.opts.Incoming(e.ID); err != nil && w.err == nil {
			w.err = err
		}
	}
	for _, l := range model.Relations(e, incoming) {
		item := capitalize(oneLine(l.Rel.Phrase())) + ": "
		if title, ok := w.title(l.Event); ok {
			item += "“" + oneLine(title) + "”"
		} else {
			item += code(l.Event)
		}
		items = append(items, item)
	}
	items = append(items, "Id: "+code(e.ID))
	w.printf("\n")
	for _, item := range items {
		w.printf("- %s\n", item)
	}
}

// title returns the title of the event with an id, from those written
// above or else from the options.
func (w *writer) title(id string) (string, bool) {
	if t, ok := w.titles[id]; ok {
		return t, true
	}
	if w.opts.Title != nil {
		return w.opts.Title(id)
	}
	return "", false
}

// sources lists the sources the events cited, in the order given.
func (w *writer) sources(sources []model.Source, losses *model.Losses) {
	listed := false
	for _, s := range sources {
		if !w.cited[s.ID] {
			losses.Add(LostUncitedSource, 1)
			continue
		}
		if !listed {
			w.printf("\n## Sources\n\n")
			listed = true
		}
		w.printf("- %s\n", citation(s))
	}
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
