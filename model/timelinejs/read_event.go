package timelinejs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/termtext"

	"github.com/go-json-experiment/json/jsontext"
)

// maxTitle is how long a title made from a slide's content may be.
const maxTitle = 80

// pending is a slide converted into an event whose id is yet to be
// given: a slide without a valid unique_id waits, with every slide after
// it, until the unique_ids of the slides after it are known (see
// slideArray), so that an id made for it never takes one of theirs.
type pending struct {
	n  int
	at model.Place // where the slide begins
	e  model.Event // without its id
	// id is the slide's unique_id, taken already, when kept; otherwise
	// the id to claim for it, which a clash numbers ("-2").
	id      string
	kept    bool
	given   string // the unique_id, trimmed: "" for a slide without one
	present model.FieldSet
	// problems are placed already: a held slide's place may have left
	// the positionReader's window by the time it is sent.
	problems []model.Problem
	source   *model.Source // a new source it quotes, sent before it
	sourceN  int
	notSlide bool // a value that is no slide: problems is all there is
}

// notASlide is the nth value of a slide array, at offset at, which is
// no slide: its problem is reported in its turn.
func (rd *reader) notASlide(v jsontext.Value, at int64, n int) *pending {
	p := rd.pos.position(at).Problem(model.Problem{Part: model.EventPart, N: n, Msg: "a slide is an object, found " + native.KindName(v.Kind())})
	return &pending{n: n, notSlide: true, problems: []model.Problem{p}}
}

// convert converts the nth slide into an event, all but its id, taking
// its unique_id now when it is kept. The sources it quotes are numbered
// here, in the order of the file, and sent with it.
func (rd *reader) convert(s *slide, n int) *pending {
	// The status and actors are carried when the text says them.
	p := &pending{n: n, at: rd.pos.position(s.at), present: Carries &^ (model.FieldStatus | model.FieldActors)}
	rd.idOf(s, p)
	e := &p.e
	e.Date, e.DateText, e.DateTextOf = rd.slideDate(s)
	f := s.fields
	e.Summary = s.text
	if f.hasStatus {
		e.Status = f.status
		p.present |= model.FieldStatus
	}
	if f.hasActors {
		e.Actors = f.actors
		p.present |= model.FieldActors
	}
	if s.group != "" {
		switch tag, changed := tagOf(s.group); {
		case tag == "":
			rd.losses.Add(LossGroupDropped, 1)
		default:
			e.Tags = []string{tag}
			if changed {
				rd.losses.AddShown(LossGroupChanged, 1, model.Became(s.group, tag))
			}
		}
	}
	for _, t := range f.tags {
		if !e.HasTag(t) {
			e.Tags = append(e.Tags, t)
		}
	}
	var newSource *model.Source
	p.present &^= model.FieldMedia // a slide without a medium keeps the stored ones
	if s.media != nil {
		q, m, fresh := rd.media(s, s.media)
		if q != nil {
			e.Quotes = []model.Quote{*q}
		}
		if m != nil {
			e.Media = []model.Medium{*m}
			p.present |= model.FieldMedia
		}
		newSource = fresh
	}
	e.Title = s.headline
	if e.Title == "" {
		p.present &^= model.FieldTitle // made up: no reason to change a stored title
		e.Title = madeTitle(*e)
		rd.losses.Add(LossNoHeadline, 1)
	}
	for _, pr := range s.sortedProblems() {
		p.problems = append(p.problems, rd.pos.position(pr.at).Problem(model.Problem{Part: model.EventPart, N: n, Msg: pr.msg, Err: pr.err}))
	}
	if len(p.problems) == 0 && newSource != nil {
		rd.sources[newSource.URL] = *newSource
		rd.nSources++
		p.source, p.sourceN = newSource, rd.nSources
	}
	return p
}

// send gives a converted slide its id and sends it, after the new source
// it quotes; a slide with a problem is reported instead.
func (rd *reader) send(p *pending) error {
	if p.notSlide {
		return rd.reportPlaced(p.problems)
	}
	id := p.id
	if p.kept {
		delete(rd.ahead, id)
	} else {
		id = rd.eventIDs.claimPassing(p.id, func(passed string) {
			if a, ok := rd.ahead[passed]; ok {
				rd.checkAhead(p, passed, a)
			}
		})
		rd.made[id] = madeFor{n: p.n, at: p.at, given: p.given}
	}
	if k, ok := rd.sink.(model.StoredEvents); ok && p.given == "" && k.EventStored(id) {
		// The same file read again, or another whose slide has the same
		// headline: nothing tells them apart but a unique_id, so the
		// update is said.
		rd.losses.Add(LossHeadlineIDStored, 1)
	}
	if len(p.problems) > 0 {
		for i := range p.problems {
			p.problems[i].ID = id
		}
		return rd.reportPlaced(p.problems)
	}
	p.e.ID = id
	if m, ok := rd.sink.(MadeIDs); ok && !p.kept {
		// Only of a slide sent: its event is the next. A unique_id not
		// kept counts: another slide's as well, its numbering shifts as
		// a headline's does.
		m.MadeID(p.n)
	}
	if g, ok := rd.sink.(GivenIDs); ok && !p.kept && p.given != "" {
		g.GivenID(p.n, p.given)
	}
	if p.source != nil {
		if l, ok := rd.sink.(model.SourceLocator); ok {
			l.SourceAt(p.sourceN, p.at) // the slide whose media it is
		}
		if err := rd.sink.Source(*p.source, p.sourceN); err != nil {
			return err
		}
	}
	if l, ok := rd.sink.(model.Locator); ok {
		// What is found of the event after (an id used twice, a change
		// made in chrono as well) is placed at its slide.
		l.EventAt(p.n, p.at)
	}
	return model.SendEvent(rd.sink, p.e, p.n, p.present)
}

// aheadSlide is a slide held back whose unique_id is taken: which, where
// and its headline.
type aheadSlide struct {
	n     int
	at    model.Place
	title string
}

// checkAhead: the id made for p passes over id, a's unique_id, which
// the slide of a later place took. When the store holds p's event under
// id (its title, date and text), made so by an import that read the
// slides in order, a would update that event and p become a new one,
// carrying what chrono holds of one slide onto the other: a problem,
// which says what ids to give. The file check before the import says the
// same of a file it reads (import_shifted.go); this is said of every
// file, stdin's and those too large to read twice included.
func (rd *reader) checkAhead(p *pending, id string, a aheadSlide) {
	k, ok := rd.sink.(model.StoredEventReader)
	if !ok {
		return // no store to compare with
	}
	stored, err := k.StoredEvent(id)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return
	case err == nil && (stored.Title != p.e.Title || stored.Date.String() != p.e.Date.String() || stored.Summary != p.e.Summary):
		return // not this slide: a's, or another's
	}
	which := "has no unique_id"
	if p.given != "" {
		which = fmt.Sprintf("has a unique_id, %q, that cannot be an id", termtext.Line(p.given))
	}
	p.problems = append(p.problems, p.at.Problem(model.Problem{Part: model.EventPart, N: p.n, Msg: fmt.Sprintf(
		"the slide %q %s, and the stored %s, which is this slide, is now the unique_id of the slide %q at %s, which would update it: give this slide \"unique_id\": %q, and that one an id of its own",
		termtext.Line(p.e.Title), which, id, termtext.Line(a.title), placeText(a.at), id)}))
}

// reportPlaced hands problems, placed already, to the sink.
func (rd *reader) reportPlaced(ps []model.Problem) error {
	for _, p := range ps {
		if err := model.Report(rd.sink, p); err != nil {
			return err
		}
	}
	return nil
}

// MadeIDs is a sink told which slides have no unique_id, whose ids are
// made from their headlines or places: the nth slide's, just before it
// is sent (before its source, if it quotes a new one). A slide with a
// problem, which is not sent, is not told of.
type MadeIDs = model.MadeIDs

// GivenIDs is a sink told the unique_id a slide gave but could not keep
// (not an id, or another slide's too), just after MadeIDs is told of it:
// advice on which ids to give can then tell a slide that has its id
// already from one that has none.
type GivenIDs interface{ GivenID(n int, given string) }

// madeFor is the slide an id was made for: which, where, and the
// unique_id it could not keep, if any.
type madeFor struct {
	n     int
	at    model.Place
	given string
}

// why says why a slide's id was made.
func (m madeFor) why() string {
	if m.given == "" {
		return "which has no unique_id"
	}
	return fmt.Sprintf("whose unique_id %q could not be its id", m.given)
}

// idOf settles the id of slide s, converted into p: its unique_id when
// that is a valid chrono id not taken yet, which it takes now, so that
// no id made for a slide before it, still held, takes it; else the id to
// claim when it is sent, a slug of the unique_id or of the headline, or
// "slide-N", numbered as TimelineJS numbers clashes (see the package
// documentation). A valid unique_id that an id made for a slide sent
// already has taken is a problem: neither can have it.
func (rd *reader) idOf(s *slide, p *pending) {
	given := strings.TrimSpace(s.uniqueID)
	p.given = given
	if given != "" && model.CheckID(given) == "" {
		switch made, ok := rd.made[given]; {
		case !rd.eventIDs.taken(given):
			p.id, p.kept = rd.eventIDs.take(given), true
			rd.ahead[given] = aheadSlide{n: p.n, at: p.at, title: s.headline}
			return
		case ok:
			p.id, p.kept = given, true // not sent: its problem says why
			s.problems = append(s.problems, problem{at: s.uniqueAt, err: model.ErrDuplicateID, msg: fmt.Sprintf(
				"unique_id %q: already the id made for %s at %s, %s, read too far before this slide to wait for it: give that slide a unique_id of its own",
				given, model.EventPlace("", made.n), placeText(made.at), made.why())})
			return
		}
		// Another slide's unique_id too: this one is numbered after it.
		p.id = given
		rd.losses.Add(LossIDChanged, 1)
		return
	}
	id := slugify(given)
	if id == "" {
		id = slugify(s.headline)
	}
	if id == "" {
		id = "slide-" + strconv.Itoa(p.n)
	}
	p.id = id
	if given != "" {
		rd.losses.Add(LossIDChanged, 1)
	}
}

// placeText writes a place as a problem's place is written: "LINE:COL",
// or "byte N".
func placeText(pl model.Place) string {
	if pl.Line == 0 {
		return "byte " + strconv.FormatInt(pl.Byte, 10)
	}
	return strconv.Itoa(pl.Line) + ":" + strconv.Itoa(pl.Column)
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
		cut := l[:termtext.RuneOffset(l, maxTitle)]
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		return cut + "…"
	}
	return ""
}
