package timelinejs

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model"
)

// slideText writes what a TimelineJS slide's text shows of an event: its
// summary, then for readers what TimelineJS has no field for (status,
// actors, the quotes that could not be media, further tags and links),
// all escaped so that no text turns into markup.
func slideText(e model.Event, folded []model.Quote, sources map[string]model.Source) string {
	var b strings.Builder
	b.WriteString(paragraphs(e.Summary))
	if e.Status != "" {
		b.WriteString(fieldParagraph(classStatus, "Status", e.Status.Word()))
	}
	if len(e.Actors) > 0 {
		b.WriteString(fieldParagraph(classActors, "Actors", oneLine(strings.Join(e.Actors, ", "))))
	}
	for _, q := range folded {
		b.WriteString(blockquote(q, sources[q.Source]))
	}
	if len(e.Tags) > 1 {
		b.WriteString(fieldParagraph(classTags, "Tags", strings.Join(e.Tags[1:], ", ")))
	}
	if len(e.Links) > 0 {
		lines := make([]string, len(e.Links))
		for i, l := range e.Links {
			lines[i] = escapeText(capitalize(l.Rel.Phrase()) + " " + l.Event)
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
	}
	return b.String()
}

// blockquote writes a quote with everything known of who said it and
// where: "— Gary Miller, to the Post, The Washington Post, 1 Feb 2022".
func blockquote(q model.Quote, src model.Source) string {
	var who []string
	for _, s := range []string{q.Speaker, q.Context, src.Author, src.Publisher} {
		if s = oneLine(s); s != "" {
			who = append(who, s)
		}
	}
	if t := oneLine(src.Title); t != "" {
		who = append(who, "“"+t+"”")
	}
	if !src.Published.IsZero() {
		who = append(who, src.Published.Label())
	}
	if u := oneLine(src.URL); u != "" {
		who = append(who, u)
	}
	// Quotation marks keep the quote a quote once read back as plain text.
	out := "<blockquote>" + paragraphs(model.Quoted(strings.TrimSpace(q.Text)))
	if len(who) == 0 {
		// Said, as the Markdown draft says it: the line also marks the
		// quote as the export's, for a re-import (SummaryTaken).
		who = []string{"unattributed"}
	}
	return out + "<p>— " + escapeText(strings.Join(who, ", ")) + "</p></blockquote>"
}

func capitalize(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
