package timelinejs

import (
	"cmp"
	"slices"

	"chrono/model"
	"chrono/model/native"

	"github.com/go-json-experiment/json/jsontext"
)

// problem is something wrong with a slide, at an offset of the input,
// with its cause when callers may tell it apart (model.Problem's Err).
type problem struct {
	at  int64
	msg string
	err error
}

// slide is what chrono takes from a TimelineJS slide, its text already
// turned from HTML into plain text, with where each part was found.
type slide struct {
	at                int64
	start, end, media *member
	headline, text    string
	fields            textFields // what text held of the event's other fields (markedFields)
	display           string     // the slide's display_date, as text
	group, uniqueID   string
	groupAt, uniqueAt int64
	problems          []problem
}

func (s *slide) problem(at int64, msg string) {
	s.problems = append(s.problems, problem{at: at, msg: msg})
}

// sortedProblems returns the slide's problems in the order of the file.
func (s *slide) sortedProblems() []problem {
	slices.SortStableFunc(s.problems, func(a, b problem) int { return cmp.Compare(a.at, b.at) })
	return s.problems
}

// parseSlide reads a slide's members. On the title slide, only the text
// counts; everything else is counted as not imported.
func (rd *reader) parseSlide(v jsontext.Value, at int64, title bool) *slide {
	s := &slide{at: at}
	unused := func(l model.Loss, v jsontext.Value) {
		if !carries(v) {
			return // an empty member loses nothing
		}
		if title {
			l = LossTitleField
		}
		rd.losses.Add(l, 1)
	}
	for _, m := range members(v, at) {
		if m.value.Kind() == 'n' {
			continue // null is absent, to TimelineJS as to chrono
		}
		switch m.name {
		case "start_date", "end_date", "media":
			if title {
				unused(LossTitleField, m.value)
				continue
			}
			mm := m
			switch m.name {
			case "start_date":
				s.start = &mm
			case "end_date":
				s.end = &mm
			default:
				s.media = &mm
			}
		case "text":
			rd.slideText(s, m)
		case "display_date":
			str, ok := stringOf(m.value)
			switch {
			case !ok:
				s.problem(m.at, "display_date: want a string, found "+native.KindName(m.value.Kind()))
			case title && str != "":
				unused(LossTitleField, m.value)
			default:
				s.display = oneLine(rd.text(str))
			}
		case "group":
			str, ok := stringOf(m.value)
			switch {
			case !ok:
				s.problem(m.at, "group: want a string, found "+native.KindName(m.value.Kind()))
			case title && str != "":
				unused(LossTitleField, m.value)
			default:
				s.group, s.groupAt = oneLine(rd.text(str)), m.at
			}
		case "unique_id":
			str, ok := stringOf(m.value)
			switch {
			case !ok:
				s.problem(m.at, "unique_id: want a string, found "+native.KindName(m.value.Kind()))
			case title && str != "":
				unused(LossTitleField, m.value)
			default:
				s.uniqueID, s.uniqueAt = str, m.at
			}
		case "background":
			unused(LossBackground, m.value)
		case "autolink":
			if m.value.Kind() != 't' {
				// true is TimelineJS's default, which a slide written
				// without it gets again: only false is lost.
				unused(LossAutolink, m.value)
			}
		default:
			unused(LossUnknownMember, m.value)
		}
	}
	return s
}

// slideText reads a slide's text: its headline and its text, both HTML.
func (rd *reader) slideText(s *slide, m member) {
	if m.value.Kind() != '{' {
		s.problem(m.at, `text: want an object such as {"headline": "...", "text": "..."}, found `+native.KindName(m.value.Kind()))
		return
	}
	for _, f := range members(m.value, m.at) {
		str, ok := stringOf(f.value)
		switch {
		case f.name != "headline" && f.name != "text":
			if carries(f.value) {
				rd.losses.Add(LossUnknownMember, 1)
			}
		case !ok:
			s.problem(f.at, "text: "+f.name+": want a string, found "+native.KindName(f.value.Kind()))
		case f.name == "headline":
			s.headline = oneLine(rd.text(str))
		default:
			rest, fields, unread := markedFields(str)
			s.fields = fields
			rd.losses.Add(LossFieldUnread, unread)
			s.text = rd.text(rest)
		}
	}
}

// text turns HTML into plain text, counting what it drops.
func (rd *reader) text(s string) string {
	t, embeds := htmlToText(s)
	rd.losses.Add(LossHTMLEmbed, embeds)
	return t
}
