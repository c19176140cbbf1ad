package timelinejs

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"chrono/model"
)

// maxTitle is how long a title made from a slide's content may be.
const maxTitle = 80

// sendSlide converts the nth slide into an event and sends it, after the
// new sources it quotes; a slide with a problem is reported instead.
func (rd *reader) sendSlide(s *slide, n int) error {
	var e model.Event
	e.ID = rd.eventID(s, n)
	e.Date, e.DateText = rd.slideDate(s)
	e.Summary = s.text
	if s.group != "" {
		switch tag, changed := tagOf(s.group); {
		case tag == "":
			rd.losses.Add(LossGroupDropped, 1)
		default:
			e.Tags = []string{tag}
			if changed {
				rd.losses.Add(LossGroupChanged, 1)
			}
		}
	}
	var newSource *model.Source
	if s.media != nil {
		var q *model.Quote
		q, newSource = rd.media(s, s.media)
		if q != nil {
			e.Quotes = []model.Quote{*q}
		}
	}
	e.Title = s.headline
	present := Carries
	if s.added {
		present &^= model.FieldSummary // more than the summary
	}
	if e.Title == "" {
		present &^= model.FieldTitle // made up: no reason to change a stored title
		e.Title = madeTitle(e)
		rd.losses.Add(LossNoHeadline, 1)
	}
	if len(s.problems) > 0 {
		for _, p := range s.sortedProblems() {
			if err := rd.report(p.at, model.Problem{Part: model.EventPart, ID: e.ID, N: n, Msg: p.msg}); err != nil {
				return err
			}
		}
		return nil
	}
	if newSource != nil {
		rd.sources[newSource.URL] = *newSource
		rd.nSources++
		if l, ok := rd.sink.(model.SourceLocator); ok {
			l.SourceAt(rd.nSources, rd.pos.position(s.at)) // the slide whose media it is
		}
		if err := rd.sink.Source(*newSource, rd.nSources); err != nil {
			return err
		}
	}
	if l, ok := rd.sink.(model.Locator); ok {
		// What is found of the event after (an id used twice, a change
		// made in chrono as well) is placed at its slide.
		l.EventAt(n, rd.pos.position(s.at))
	}
	return model.SendEvent(rd.sink, e, n, present)
}

// MadeIDs is a sink told which slides have no unique_id, whose ids are
// made from their headlines or places: the nth slide's, before it is
// sent.
type MadeIDs interface{ MadeID(n int) }

// eventID makes the nth slide's id: its unique_id when that is a valid
// chrono id, else a slug of it or of the headline, else "slide-N"; made
// unique as TimelineJS makes it (see the package documentation).
func (rd *reader) eventID(s *slide, n int) string {
	given := strings.TrimSpace(s.uniqueID)
	id := given
	if given == "" || model.CheckID(given) != "" {
		id = slugify(given)
	}
	if id == "" {
		id = slugify(s.headline)
	}
	if id == "" {
		id = "slide-" + strconv.Itoa(n)
	}
	id = rd.eventIDs.claim(id)
	if given != "" && id != given {
		rd.losses.Add(LossIDChanged, 1)
	}
	if m, ok := rd.sink.(MadeIDs); ok && given == "" {
		m.MadeID(n)
	}
	if k, ok := rd.sink.(model.StoredEvents); ok && given == "" && k.EventStored(id) {
		// The same file read again, or another whose slide has the same
		// headline: nothing tells them apart but a unique_id, so the
		// update is said.
		rd.losses.Add(LossHeadlineIDStored, 1)
	}
	return id
}

// madeTitle gives an event without a headline a title from the start of
// its summary or quote, or its date, since chrono needs one.
func madeTitle(e model.Event) string {
	for _, s := range []string{e.Summary, quoteText(e)} {
		if line := firstLine(s); line != "" {
			return line
		}
	}
	if e.Date.IsZero() {
		return "Untitled"
	}
	return "Untitled, " + e.Date.Label()
}

func quoteText(e model.Event) string {
	if len(e.Quotes) == 0 {
		return ""
	}
	return e.Quotes[0].Text
}

// firstLine returns the first line of text with words in it, cut short at
// a word with "…" when it is long.
func firstLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		l = oneLine(l)
		if l == "" {
			continue
		}
		if utf8.RuneCountInString(l) <= maxTitle {
			return l
		}
		cut := l[:runeOffset(l, maxTitle)]
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		return cut + "…"
	}
	return ""
}

// runeOffset returns the byte offset of the nth rune of s.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
