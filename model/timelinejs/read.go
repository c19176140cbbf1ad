package timelinejs

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"chrono/model"
	"chrono/model/native"

	"github.com/go-json-experiment/json/jsontext"
)

// Read decodes a TimelineJS document from r (after a UTF-8 byte order
// mark, which Windows editors write) and sends the investigation to
// sink: the title slide as the Header (at most once), then each source
// and event with its position n, from 1, in the order of the file. A
// source is sent before the first event that quotes it. Slides whose ids
// are made, and those after them, are sent at the end of their array,
// when no unique_id they could take is still unread (see Ids in the
// package documentation).
//
// A value it cannot convert (a month of 13, a slide without start_date) is
// reported with model.Report, with its place and its "LINE:COL", and the
// read goes on, so that every problem of a file is found in one pass; a
// slide with a problem is not sent. A syntax error that leaves the rest
// unreadable is returned as a model.Problem with its position. What has no
// chrono equivalent (eras, backgrounds, unknown members) is counted in
// losses, never dropped silently.
func Read(r io.Reader, sink model.Sink, losses *model.Losses) error {
	if losses == nil {
		losses = &model.Losses{}
	}
	limit := model.NewRecordLimit(model.SkipByteOrderMark(r))
	pr := newPositionReader(limit)
	rd := &reader{dec: jsontext.NewDecoder(pr), pos: pr, limit: limit, sink: sink, losses: losses, sources: map[string]model.Source{}, made: map[string]madeFor{}, ahead: map[string]aheadSlide{}}
	if k, ok := sink.(model.StoredSources); ok {
		rd.stored = k
		// A made-up id must not name a known source of another URL.
		rd.sourceIDs.elsewhere = k.SourceTaken
	}
	return rd.document()
}

type reader struct {
	// stored is the sink's stored sources, when it knows them.
	stored model.StoredSources
	dec    *jsontext.Decoder
	pos    *positionReader
	limit  *model.RecordLimit // started at each slide and each member of the document
	sink   model.Sink
	losses *model.Losses

	eventIDs idSet
	// made is the slides whose ids were made, by id: a unique_id one of
	// them took, which cannot be its slide's, is said to be theirs.
	made map[string]madeFor
	// ahead is the unique_ids that slides held back took, by id, until
	// they are sent: an id made for a slide before them steps aside.
	ahead     map[string]aheadSlide
	sourceIDs idSet
	sources   map[string]model.Source // by URL
	nSources  int
}

// offset returns where the next value starts: past the white space,
// commas and colons the decoder has not consumed yet.
func (rd *reader) offset() int64 {
	rd.dec.PeekKind()
	return skipSeparators(rd.dec.UnreadBuffer(), 0) + rd.dec.InputOffset()
}

// titleSlide is the part of a TimelineJS document that holds the
// investigation's title and description.
const titleSlide model.Part = "title slide"

// report hands p, placed at an offset, to the sink; a non-nil error stops
// the read.
func (rd *reader) report(at int64, p model.Problem) error {
	return model.Report(rd.sink, rd.pos.position(at).Problem(p))
}

// syntax turns a decoder error into a problem at its position.
func (rd *reader) syntax(err error) error {
	var se *jsontext.SyntacticError
	switch {
	case errors.Is(err, model.ErrRecordTooLarge):
		return rd.pos.position(rd.limit.Started()).Problem(model.Problem{Msg: model.ValueTooLarge, Err: model.ErrRecordTooLarge})
	case errors.As(err, &se):
		return rd.pos.position(se.ByteOffset).Problem(model.Problem{Msg: describeSyntax(se.Err)})
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return rd.pos.position(rd.pos.end()).Problem(model.Problem{Msg: "the document ends too early (is the file cut short?)"})
	}
	return err
}

func describeSyntax(err error) string {
	switch {
	case errors.Is(err, jsontext.ErrDuplicateName):
		return "a key appears twice in the same object: keep one"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the document ends too early (is the file cut short?)"
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "jsontext: ")
}

func (rd *reader) document() error {
	start := rd.offset()
	tok, err := rd.dec.ReadToken()
	if err != nil {
		return rd.syntax(err)
	}
	if tok.Kind() != '{' {
		return rd.pos.position(start).Problem(model.Problem{Msg: `a TimelineJS document is a JSON object: {"title": {...}, "events": [...]}`})
	}
	sawEvents := false
	for rd.dec.PeekKind() != '}' {
		at := rd.offset()
		rd.limit.Start(at)
		tok, err := rd.dec.ReadToken()
		if err != nil {
			return rd.syntax(err)
		}
		switch name := tok.String(); name {
		case "events":
			sawEvents = true
			err = rd.events()
		case "timeline":
			// TimelineJS2's shape; its own problems are reported in it.
			var found bool
			found, err = rd.timeline2()
			sawEvents = sawEvents || found || err == nil
		case "title":
			err = rd.title()
		case "eras":
			err = rd.eras(at)
		case "scale":
			err = rd.scale()
		default:
			err = rd.unknown()
		}
		if err != nil {
			return err
		}
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	if at := rd.offset(); rd.dec.PeekKind() != 0 {
		return rd.pos.position(at).Problem(model.Problem{Msg: "unexpected data after the end of the document"})
	} else if _, err := rd.dec.ReadToken(); err != nil && err != io.EOF {
		return rd.syntax(err)
	}
	if !sawEvents {
		return rd.report(start, model.Problem{Msg: `"events" missing: a TimelineJS document lists its slides in "events": [...]`})
	}
	return nil
}

// unknown reads a member TimelineJS does not have, counting it when it
// carries something.
func (rd *reader) unknown() error {
	v, _, err := rd.value()
	if err == nil && carries(v) {
		rd.losses.Add(LossUnknownMember, 1)
	}
	return err
}

func (rd *reader) skip() error {
	if err := rd.dec.SkipValue(); err != nil {
		return rd.syntax(err)
	}
	return nil
}

// value reads the next value whole, with the offset where it starts.
func (rd *reader) value() (jsontext.Value, int64, error) {
	at := rd.offset()
	rd.limit.Start(at)
	v, err := rd.dec.ReadValue()
	if err != nil {
		return nil, at, rd.syntax(err)
	}
	return v, at, nil
}

// events reads the slides one at a time, so that a file of any length is
// read in little memory: those held back for their ids are bounded
// (heldBudget).
func (rd *reader) events() error {
	return rd.slideArray("events", "TimelineJS needs at least one slide with a start_date", func(v jsontext.Value, at int64) *slide {
		return rd.parseSlide(v, at, false)
	})
}

// heldBudget bounds the slides held back until the end of their array
// (see slideArray): their bytes in the file, and heldCost for each. A
// timeline people write by hand holds far less; past it, the slides held
// are sent, and a later unique_id that one of their made ids took is
// refused.
var heldBudget int64 = 16 << 20

// heldCost is what holding a slide takes beside its bytes: its event,
// its places and its share of the list.
const heldCost = 512

// slideArray reads the array of slides in member name (TimelineJS3's
// "events", TimelineJS2's "date"), one slide at a time, each parsed by
// parse and sent; an empty array is a problem, said with need.
//
// A slide's valid unique_id is its id wherever the slide is, and an id
// made for a slide without one must not take a later slide's: from the
// first slide whose id is to be made, the slides are converted and held
// back, in order, each unique_id taken as it is read, and sent with
// their ids at the end of the array. A file whose slides all have their
// unique_ids, as chrono writes them, is sent a slide at a time.
func (rd *reader) slideArray(name, need string, parse func(v jsontext.Value, at int64) *slide) error {
	at := rd.offset()
	if k := rd.dec.PeekKind(); k != '[' {
		if err := rd.report(at, model.Problem{Msg: fmt.Sprintf("%q: want an array of slides, found %s", name, native.KindName(k))}); err != nil {
			return err
		}
		return rd.skip()
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	var held []*pending
	var cost int64
	flush := func() error {
		for i, p := range held {
			held[i] = nil // let it go once sent
			if err := rd.send(p); err != nil {
				return err
			}
		}
		held, cost = held[:0], 0
		return nil
	}
	n := 0
	for rd.dec.PeekKind() != ']' {
		v, vat, err := rd.value()
		if err != nil {
			// What was read before is sent, as it would have been.
			return cmp.Or(flush(), err)
		}
		n++
		var p *pending
		if v.Kind() != '{' {
			p = rd.notASlide(v, vat, n)
		} else {
			p = rd.convert(parse(v, vat), n)
		}
		if len(held) == 0 && (p.kept || p.notSlide) {
			err = rd.send(p)
		} else {
			held = append(held, p)
			if cost += int64(len(v)) + heldCost; cost > heldBudget {
				err = flush()
			}
		}
		if err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	if n == 0 {
		return rd.report(at, model.Problem{Msg: fmt.Sprintf("%q is empty: %s", name, need)})
	}
	return nil
}

// title reads the title slide: its headline and text are the
// investigation's title and description.
func (rd *reader) title() error {
	v, at, err := rd.value()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return rd.report(at, model.Problem{Part: titleSlide, Msg: "want an object, a slide without a date, found " + native.KindName(v.Kind())})
	}
	s := rd.parseSlide(v, at, true)
	for _, p := range s.sortedProblems() {
		if err := rd.report(p.at, model.Problem{Part: titleSlide, Msg: p.msg}); err != nil {
			return err
		}
	}
	if len(s.problems) > 0 {
		return nil
	}
	return rd.sink.Header(model.Header{Title: oneLine(s.headline), Description: s.text})
}

// eras are spans TimelineJS shades behind the slides; chrono has none.
func (rd *reader) eras(at int64) error {
	switch rd.dec.PeekKind() {
	case 'n':
		return rd.skip()
	case '[':
	default:
		if err := rd.report(rd.offset(), model.Problem{Msg: `"eras": want an array, found ` + native.KindName(rd.dec.PeekKind())}); err != nil {
			return err
		}
		return rd.skip()
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	for rd.dec.PeekKind() != ']' {
		if err := rd.skip(); err != nil {
			return err
		}
		rd.losses.Add(LossEra, 1)
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	return nil
}

// scale is "human" (the default) or "cosmological", which makes
// TimelineJS show years only.
func (rd *reader) scale() error {
	v, at, err := rd.value()
	if err != nil {
		return err
	}
	s, ok := stringOf(v)
	switch {
	case !ok:
		return rd.report(at, model.Problem{Msg: `"scale": want "human" or "cosmological", found ` + native.KindName(v.Kind())})
	case s == "" || s == "human":
	case s == "cosmological":
		rd.losses.Add(LossScale, 1)
	default:
		return rd.report(at, model.Problem{Msg: fmt.Sprintf(`"scale" %q: TimelineJS knows "human" and "cosmological"`, s)})
	}
	return nil
}
