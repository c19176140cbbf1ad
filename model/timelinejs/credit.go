package timelinejs

import (
	"html"
	"strings"

	"chrono/model"
)

// Class names that mark the parts of a credit chrono wrote, so that they
// read back into their fields. The source's id rides on the <cite> as
// data-source, and its publication date on <time datetime="EDTF">.
const (
	contextClass = "chrono-context"
	authorClass  = "chrono-author"
)

// credit is what a media credit says about a quote and its source.
type credit struct {
	speaker, context  string
	author, publisher string
	published         model.Date
	sourceID          string
	structured        bool // marked up by chrono
}

// writeCredit writes a quote's speaker and context and its source's
// author, publisher and publication date as a TimelineJS credit, readers
// first: "Gary Miller, to the Post, Craig Timberg, The Washington Post,
// 1 Feb 2022", with the markup described in the package documentation.
func writeCredit(q model.Quote, src model.Source) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(inline(oneLine(q.Speaker)))
	if c := oneLine(q.Context); c != "" {
		add(`<span class="` + contextClass + `">` + escapeText(c) + `</span>`)
	}
	if a := oneLine(src.Author); a != "" {
		add(`<span class="` + authorClass + `">` + escapeText(a) + `</span>`)
	}
	cite := `<cite data-source="` + html.EscapeString(src.ID) + `">` + escapeText(oneLine(src.Publisher)) + `</cite>`
	if src.Publisher != "" {
		add(cite)
	}
	if !src.Published.IsZero() {
		add(`<time datetime="` + html.EscapeString(src.Published.String()) + `">` + escapeText(src.Published.Label()) + `</time>`)
	}
	out := strings.Join(parts, ", ")
	if src.Publisher == "" {
		// An empty cite still carries the id; a separator would show alone.
		out += cite
	}
	return out
}

// readCredit reads a TimelineJS credit. One chrono wrote gives back each
// part; any other is the speaker, as plain text.
func readCredit(s string) (c credit, embeds int) {
	toks := tokenize(s)
	for _, t := range toks {
		if t.kind == startToken && (t.name == "cite" && t.attrs["data-source"] != "" ||
			t.name == "span" && (t.attrs["class"] == contextClass || t.attrs["class"] == authorClass)) {
			c.structured = true
			break
		}
	}
	if !c.structured {
		text, n := htmlToText(s)
		c.speaker = oneLine(text)
		return c, n
	}
	var speaker, context, author, publisher, discard strings.Builder
	target := &speaker
	depth := 0 // of spans inside a marked span
	for _, t := range toks {
		switch {
		case t.kind == textToken:
			target.WriteString(t.text)
		case t.kind == startToken && t.name == "span" && target == &speaker:
			switch t.attrs["class"] {
			case contextClass:
				target, depth = &context, 0
			case authorClass:
				target, depth = &author, 0
			}
		case t.kind == startToken && t.name == "span":
			depth++
		case t.kind == endToken && t.name == "span" && target != &speaker && target != &publisher:
			if depth == 0 {
				target = &speaker
			} else {
				depth--
			}
		case t.kind == startToken && t.name == "cite" && target == &speaker:
			target = &publisher
			c.sourceID = t.attrs["data-source"]
		case t.kind == endToken && t.name == "cite" && target == &publisher:
			target = &speaker
		case t.kind == startToken && t.name == "time" && target == &speaker:
			// The words inside are the date for readers; the attribute has
			// it exactly. Without a valid one, the words stay in the text.
			d, err := model.ParseDate(strings.TrimSpace(t.attrs["datetime"]))
			if err == nil && !d.IsZero() && !d.IsInterval() {
				c.published = d
				target = &discard
			}
		case t.kind == endToken && t.name == "time" && target == &discard:
			target = &speaker
		case t.kind == startToken && embedElements[t.name]:
			embeds++
		}
	}
	c.speaker = strings.Trim(oneLine(speaker.String()), ", ")
	c.context = oneLine(context.String())
	c.author = oneLine(author.String())
	c.publisher = oneLine(publisher.String())
	return c, embeds
}
