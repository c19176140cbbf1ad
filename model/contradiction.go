package model

import (
	"fmt"
	"slices"
	"strings"
)

// Contradiction is something in an investigation that cannot all be
// true: dates and links, or dates and sources, that disagree. It names
// the events concerned; which of them is wrong is for the reader to find.
type Contradiction struct {
	Events []string // the events concerned, the one it is about first
	What   string
}

// Contradictions finds what in events and sources cannot all be true:
//   - an order the links state that the dates make impossible: A precedes
//     B, but A's earliest instant is after B's latest, by one link or a
//     chain of them (the link the order sets aside for it named too);
//   - a cycle of order: links that put events each before the next and
//     the last before the first;
//   - an event dated after the publication of the source its date text is
//     anchored to ("last year" in an article cannot be later than it);
//   - an event dated at another time than its date text names, read from
//     that publication ("last year" in an article of 2022 is not 2019);
//   - a quote from a source published before the event it is said to
//     describe (quotes with stance context, which may be background, are
//     not counted).
//
// Ch is Order(events), passed in when the caller has it; nil computes it.
func Contradictions(events []Event, sources []Source, ch *Chronology) []Contradiction {
	if ch == nil {
		o := Order(events)
		ch = &o
	}
	byID := make(map[string]*Event, len(events))
	for i := range events {
		byID[events[i].ID] = &events[i]
	}
	published := PublishedDates(sources)
	var out []Contradiction
	for _, c := range ch.Conflicts {
		a, b := byID[c.Before], byID[c.After]
		how := fmt.Sprintf("%s comes before %s through their links", quoteID(c.Before), quoteID(c.After))
		ids := []string{c.Before, c.After}
		chain := c.Link.From != "" && (c.Link.Before != c.Before || c.Link.After != c.After)
		switch {
		case chain:
			// A link of a chain: the reader is told which link, and
			// which two dates the chain through it contradicts.
			how = fmt.Sprintf("%s, which with the other links puts %s before %s", c.Link.Phrase(), quoteID(c.Before), quoteID(c.After))
			for _, id := range []string{c.Link.Before, c.Link.After} {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		case c.Link.From != "":
			how = c.Link.Phrase()
		}
		what := fmt.Sprintf("%s, but %s is dated %s and %s %s: %s's earliest instant is after %s's latest",
			how, quoteID(c.Before), dateWords(a.Date), quoteID(c.After), dateWords(b.Date), quoteID(c.Before), quoteID(c.After))
		switch {
		case c.Aside && chain:
			what += "; chrono orders the events by their dates, setting that link aside"
		case c.Aside:
			// Else the reader, seeing both in date order, would take the
			// link for lost or the order for wrong.
			what += "; chrono orders both by their dates, setting the link aside"
		}
		out = append(out, Contradiction{Events: ids, What: what})
	}
	for _, cy := range ch.Cycles {
		ids := make([]string, len(cy), len(cy)+1)
		for i, id := range cy {
			ids[i] = quoteID(id)
		}
		ids = append(ids, ids[0])
		out = append(out, Contradiction{
			Events: cy,
			What:   "a cycle of order, each before the next: " + strings.Join(ids, " before "),
		})
	}
	for i := range events {
		out = append(out, SourceContradictions(&events[i], published)...)
	}
	return out
}

// ContradictionsOf returns what Contradictions finds that concerns e,
// knowing only e's linked group and its sources: those of group (what
// LinkedGroup or DetailGroup returns) that name e, and what published
// (PublishedDates of the sources e cites, or of all) rules out in e.
// Ch is Order(group), passed in when the caller has it; nil computes it.
// A caller shows one event's problems so without reading the others.
func ContradictionsOf(e *Event, group []Event, ch *Chronology, published map[string]Date) []Contradiction {
	var out []Contradiction
	if len(group) > 1 {
		for _, c := range Contradictions(group, nil, ch) {
			if slices.Contains(c.Events, e.ID) {
				out = append(out, c)
			}
		}
	}
	return append(out, SourceContradictions(e, published)...)
}

// PublishedDates returns the publication date of each source that has
// one, by id: what SourceContradictions checks an event against.
func PublishedDates(sources []Source) map[string]Date {
	published := make(map[string]Date, len(sources))
	for _, s := range sources {
		if !s.Published.IsZero() {
			published[s.ID] = s.Published
		}
	}
	return published
}

// SourceContradictions returns what the sources' publication dates make
// impossible in one event, as Contradictions finds it: a date after the
// publication of the source its date text is anchored to, and quotes
// from sources published before the event. It needs no other event, so a
// caller can check events one at a time.
func SourceContradictions(e *Event, published map[string]Date) []Contradiction {
	if e.Date.IsZero() {
		return nil
	}
	var out []Contradiction
	p, anchored := published[e.DateSource]
	if anchored && p.SurelyBefore(e.Date) && !saysLater(e.DateText, p) {
		text := ""
		if e.DateText != "" {
			text = fmt.Sprintf(" (%q)", e.DateText)
		}
		out = append(out, Contradiction{
			Events: []string{e.ID},
			What: fmt.Sprintf("%s is dated %s, after the publication of source %s (%s) that its date text%s is anchored to",
				quoteID(e.ID), dateWords(e.Date), quoteID(e.DateSource), p, text),
		})
	} else if said, ok := ProposeDate(e.DateText, p); ok && (said.SurelyBefore(e.Date) || e.Date.SurelyBefore(said)) {
		// The words the date was read from name another time: "last
		// year" in an article of 2022 is not 2019.
		from := ""
		if anchored {
			from = fmt.Sprintf(", read from the publication of source %s (%s),", quoteID(e.DateSource), p)
		}
		out = append(out, Contradiction{
			Events: []string{e.ID},
			What: fmt.Sprintf("%s is dated %s, but its date text %q%s says %s",
				quoteID(e.ID), dateWords(e.Date), e.DateText, from, said),
		})
	}
	for j, q := range e.Quotes {
		p, ok := published[q.Source]
		if !ok || q.Stance == Context || !p.SurelyBefore(e.Date) {
			continue
		}
		out = append(out, Contradiction{
			Events: []string{e.ID},
			What: fmt.Sprintf("%s quotes source %s (quote #%d), published %s, before the event it is said to describe (dated %s)",
				quoteID(e.ID), quoteID(q.Source), j+1, p, dateWords(e.Date)),
		})
	}
	return out
}

// saysLater reports whether the words of a date text, read from the
// publication date, name a date after it ("next year", "tomorrow",
// "in March 2023"): a source may say what is to come.
func saysLater(text string, published Date) bool {
	d, ok := ProposeDate(text, published)
	return ok && published.SurelyBefore(d)
}

func dateWords(d Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}
