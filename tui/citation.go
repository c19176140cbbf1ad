package tui

import (
	"net/url"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// citation is a quote as it should be pasted into a draft: the verbatim
// words, who said them, and where they were published.
//
//	“…” — Tim Miller, in his account to the Justice Department. The
//	Washington Post, Craig Timberg, 1 Feb 2022.
func citation(q model.Quote, src model.Source, known bool) string {
	var b strings.Builder
	b.WriteString("“" + line(q.Text) + "”")
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
	if u, ok := webURL(src.URL); ok {
		b.WriteString(" " + u)
	}
	return b.String()
}

// webURL accepts only an http or https URL made of printable ASCII: what
// reaches the opener or the clipboard cannot smuggle in a command, an
// escape sequence or a lookalike host.
func webURL(s string) (string, bool) {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r > '~' }) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return s, true
}

// copyQuote puts the selected quote and its citation on the clipboard.
func (b *browser) copyQuote() tea.Cmd {
	q, ok := b.detail.quote()
	if !ok {
		return say("this event has no quote to copy")
	}
	src, known := b.detail.d.Sources[q.Source]
	return tea.Batch(tea.SetClipboard(citation(q, src, known)), say("copied the quote with its citation"))
}

// openSource opens the selected quote's source in the browser, or says
// why it cannot.
func (b *browser) openSource() tea.Cmd {
	q, ok := b.detail.quote()
	if !ok {
		return say("this event has no quote, so no source to open")
	}
	src, known := b.detail.d.Sources[q.Source]
	name := q.Source
	if known && src.Publisher != "" {
		name = src.Publisher
	}
	switch {
	case !known:
		return say("the source " + line(q.Source) + " is not loaded yet")
	case src.URL == "":
		return say("no URL for the source " + line(name))
	}
	u, ok := webURL(src.URL)
	if !ok {
		return fail(errUnsafeURL(src.URL))
	}
	return openURL(u)
}

type errUnsafeURL string

func (e errUnsafeURL) Error() string {
	return "will not open " + line(string(e)) + ": only http and https URLs are opened"
}
