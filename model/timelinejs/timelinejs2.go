package timelinejs

import (
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/native"

	"github.com/go-json-experiment/json/jsontext"
)

// TimelineJS2, the older version, kept a whole timeline under one member:
//
//	{"timeline": {"headline": "...", "text": "...", "type": "default",
//	  "date": [{"startDate": "2011,12,10", "endDate": "2011,12,11",
//	            "headline": "...", "text": "...", "tag": "...",
//	            "asset": {"media": "...", "credit": "...", "caption": "..."}}],
//	  "era": [...]}}
//
// Its slides map onto TimelineJS3's: startDate and endDate are the dates,
// tag the group, and asset the media, whose "media" is the URL. A date is
// "YEAR,MONTH,DAY,HOUR,MINUTE,SECOND,MILLISECOND", as many parts as it
// has; as TimelineJS2 reads them, an empty or zero part is absent. Its
// parts then read as TimelineJS3's fields do: "2012,5,6,13,45" is
// 2012-05-06T13:45:00, a time without seconds read at second 00.

// timeline2 reads the TimelineJS2 "timeline" object: the title slide's
// headline and text, the slides in "date" and the eras in "era". It
// reports whether it found slides.
func (rd *reader) timeline2() (bool, error) {
	at := rd.offset()
	if k := rd.dec.PeekKind(); k != '{' {
		err := rd.report(at, model.Problem{Msg: `"timeline": want TimelineJS2's object {"headline": "...", "date": [...]}, found ` + native.KindName(k)})
		if err != nil {
			return false, err
		}
		return false, rd.skip()
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return false, rd.syntax(err)
	}
	var title slide
	sawDate := false
	for rd.dec.PeekKind() != '}' {
		mat := rd.offset()
		rd.limit.Start(mat)
		tok, err := rd.dec.ReadToken()
		if err != nil {
			return false, rd.syntax(err)
		}
		switch name := tok.String(); name {
		case "date":
			sawDate = true
			err = rd.slides2()
		case "era":
			err = rd.eras(mat)
		case "headline", "text":
			var v jsontext.Value
			var vat int64
			if v, vat, err = rd.value(); err != nil {
				return false, err
			}
			str, ok := stringOf(v)
			switch {
			case !ok:
				title.problem(vat, name+": want a string, found "+native.KindName(v.Kind()))
			case name == "headline":
				title.headline = oneLine(rd.text(str))
			default:
				title.text = rd.text(str)
			}
		case "type":
			err = rd.skip() // "default", TimelineJS2's only kind of timeline
		case "startDate", "endDate", "asset", "tag", "classname":
			var v jsontext.Value
			if v, _, err = rd.value(); err == nil && carries(v) {
				rd.losses.Add(LossTitleField, 1)
			}
		default:
			err = rd.unknown()
		}
		if err != nil {
			return false, err
		}
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return false, rd.syntax(err)
	}
	for _, p := range title.sortedProblems() {
		if err := rd.report(p.at, model.Problem{Part: titleSlide, Msg: p.msg}); err != nil {
			return false, err
		}
	}
	if len(title.problems) == 0 && (title.headline != "" || title.text != "") {
		if err := rd.sink.Header(model.Header{Title: title.headline, Description: title.text}); err != nil {
			return false, err
		}
	}
	if !sawDate {
		return false, rd.report(at, model.Problem{Msg: `"date" missing: a TimelineJS2 timeline lists its slides in "timeline": {"date": [...]}`})
	}
	return true, nil
}

// slides2 reads TimelineJS2's "date" array of slides, one at a time.
func (rd *reader) slides2() error {
	return rd.slideArray("date", "a timeline needs at least one slide with a startDate", rd.parseSlide2)
}

// parseSlide2 reads a TimelineJS2 slide into the slide TimelineJS3's
// members make.
func (rd *reader) parseSlide2(v jsontext.Value, at int64) *slide {
	s := &slide{at: at}
	for _, m := range members(v, at) {
		if m.value.Kind() == 'n' {
			continue
		}
		mm := m
		switch m.name {
		case "startDate":
			s.start = &mm
		case "endDate":
			s.end = &mm
		case "asset":
			s.media = &mm
		case "headline", "text", "tag":
			str, ok := stringOf(m.value)
			switch {
			case !ok:
				s.problem(m.at, m.name+": want a string, found "+native.KindName(m.value.Kind()))
			case m.name == "headline":
				s.headline = oneLine(rd.text(str))
			case m.name == "text":
				s.text = rd.text(str)
			default:
				s.group, s.groupAt = oneLine(rd.text(str)), m.at
			}
		default:
			if carries(m.value) {
				rd.losses.Add(LossUnknownMember, 1)
			}
		}
	}
	return s
}

// readDate2 reads a TimelineJS2 date: "2011,12,10", a year as a string
// or a number. An empty endDate is no end.
func (rd *reader) readDate2(s *slide, m *member) (string, bool) {
	var parts [len(dateParts)]datePart
	switch m.value.Kind() {
	case '0':
		n, set, msg := wholeNumber(m.value)
		if msg != "" {
			s.problem(m.at, m.name+": "+msg)
			return "", false
		}
		parts[0] = datePart{v: n, set: set, at: m.at}
	case '"':
		str, _ := stringOf(m.value)
		if strings.TrimSpace(str) == "" && m.name == "endDate" {
			return "", false
		}
		fields := strings.Split(str, ",")
		if len(fields) > len(dateParts) {
			s.problem(m.at, fmt.Sprintf("%s: %q has more than %d parts", m.name, str, len(dateParts)))
			return "", false
		}
		for i, f := range fields {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			n, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				s.problem(m.at, fmt.Sprintf(`%s: %q: chrono reads TimelineJS2 dates as "YYYY,MM,DD" (with optional ",hh,mm,ss"), or a year`, m.name, str))
				return "", false
			}
			if n == 0 && i > 0 && (i <= 3 || !parts[3].set) {
				// TimelineJS2 takes a zero month, day or hour for an
				// absent one; a zero minute or second is that minute,
				// but of no hour ("2012,5,6,0,0"), none.
				continue
			}
			parts[i] = datePart{v: n, set: true, at: m.at}
		}
	default:
		s.problem(m.at, fmt.Sprintf(`%s: want a string such as "2011,12,10", found %s`, m.name, native.KindName(m.value.Kind())))
		return "", false
	}
	return rd.edtf(s, m.name, m.at, parts)
}
