package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/termtext"
)

// citation is a quote as it should be pasted into a draft: the verbatim
// words, who said them, and where they were published.
//
//	“…” — Tim Miller, in his account to the Justice Department. The
//	Washington Post, Craig Timberg, 1 Feb 2022.
func citation(q model.Quote, src model.Source, known bool, line func(string) string) string {
	var b strings.Builder
	b.WriteString(model.Quoted(line(q.Text)))
	var who []string
	for _, s := range []string{q.Speaker, q.Context} {
		if s != "" {
			who = append(who, line(s))
		}
	}
	if len(who) > 0 {
		b.WriteString(" — " + strings.Join(who, ", "))
	}
	b.WriteString(".")
	if !known {
		if q.Source != "" {
			b.WriteString(" Source: " + line(q.Source) + ".")
		}
		return b.String()
	}
	if where := model.CitationParts(src, line, asIs); len(where) > 0 {
		b.WriteString(" " + strings.Join(where, ", ") + ".")
	}
	if u, ok := model.WebURL(src.URL); ok {
		b.WriteString(" " + u)
	}
	return b.String()
}

// eventCitation is a linked event as it should be pasted into a draft:
// its title, its date and its id, by which chrono finds it again.
//
//	NSO denies doing business with Mobileum (2021 – 1 Feb 2022; event nso-denial)
func eventCitation(e model.Event, line func(string) string) string {
	return line(e.Title) + " (" + e.Date.Label() + "; event " + line(e.ID) + ")"
}

// marking makes text safe as line does and remembers whether that changed
// anything but line breaks: the copy then is not the stored text.
type marking struct{ marked bool }

func (m *marking) line(s string) string {
	if !m.marked && termtext.Text(s) != s {
		m.marked = true
	}
	return line(s)
}

// selectHint says what to select in the sources pane for y and o.
const selectHint = "select a quote or a link with j/k in the sources pane"

// What y and o say on an event with no quote or link.
const (
	nothingToCopy  = "this event has no quote or link to copy"
	noSourceToOpen = "this event has no quote, so no source to open"
)

// copySelected copies what the sources pane has selected: a quote with
// its citation, or a link's event's citation.
func (b *browser) copySelected() tea.Cmd {
	it, ok := b.detail.item()
	switch {
	case !ok:
		return say(nothingToCopy)
	case it.link >= 0:
		r, _ := b.detail.link()
		if _, known := b.detail.d.Titles[r.Event]; !known {
			return fail(fmt.Errorf("event %q is not in the store, so there is no citation to copy", r.Event))
		}
		return copyEvent(b.ctx.store, b.ctx.clip, r.Event)
	case it.quote < 0:
		return say("nothing to copy on a note · " + selectHint)
	}
	q, _ := b.detail.quote()
	src, known := b.detail.d.Sources[q.Source]
	var m marking
	text := citation(q, src, known, m.line)
	return copyText(b.ctx.clip, text, "the quote", m.marked)
}

// copyEvent reads the event id for its date and copies its citation.
func copyEvent(s model.Store, clip clipboard, id string) tea.Cmd {
	return func() tea.Msg {
		e, err := s.Event(id)
		if err != nil {
			return statusMsg{text: fmt.Sprintf("event %q: %v", id, err), err: true}
		}
		var m marking
		return copied(clip, eventCitation(e, m.line), "the citation of "+line(id), m.marked)
	}
}

// openSelected acts on what the sources pane has selected: it opens a
// quote's source in the browser, or follows a link to its event.
func (b *browser) openSelected() tea.Cmd {
	it, ok := b.detail.item()
	switch {
	case !ok:
		return say(noSourceToOpen)
	case it.link >= 0:
		return b.followLink()
	case it.quote < 0:
		return say("nothing to open on a note · " + selectHint)
	}
	return b.openSource()
}

// openSource opens the selected quote's source in the browser, or says
// why it cannot.
func (b *browser) openSource() tea.Cmd {
	q, ok := b.detail.quote()
	if !ok {
		return say(noSourceToOpen)
	}
	src, known := b.detail.d.Sources[q.Source]
	if !known {
		return say("the source " + line(q.Source) + " is not loaded yet")
	}
	return b.ctx.openSourceURL(src)
}

// openSourceURL opens src's URL in the browser, or says why it cannot.
func (c *shared) openSourceURL(src model.Source) tea.Cmd {
	name := src.ID
	if src.Publisher != "" {
		name = src.Publisher
	}
	if src.URL == "" {
		return say("no URL for the source " + line(name))
	}
	u, ok := model.WebURL(src.URL)
	if !ok {
		return fail(errUnsafeURL(src.URL))
	}
	return c.openURL(u)
}

type errUnsafeURL string

func (e errUnsafeURL) Error() string {
	if model.URLHides(string(e)) {
		return "will not open " + line(string(e)) + ": it holds spaces, control or invisible characters, which no address has; correct the source's URL (S, then e)"
	}
	return "will not open " + line(string(e)) + ": only http and https URLs are opened, their host in ASCII (xn-- for one with other letters)"
}
