package native

import (
	"bytes"
	"encoding/binary"
	"slices"
	"time"
	"unicode/utf8"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// decodeFast decodes an event object without reflection, which took
// most of an import's decoding. It walks the value's bytes, refusing
// what JSON's grammar refuses but for invalid UTF-8, which the caller
// has checked. It fills e and returns the fields the object has as
// members, and false when it meets anything but a value as the format
// asks (an unknown member, a number where a string belongs, a bad date,
// a fault in the JSON): the value is then checked and decoded strictly,
// which words its problems, as is every value that is not read here.
func decodeFast(v []byte, e *model.Event) (model.FieldSet, bool) {
	return new(fastReader).decode(v, e)
}

// decode is decodeFast with f's lists to gather into, which a worker
// keeps from one event to the next.
func (f *fastReader) decode(v []byte, e *model.Event) (model.FieldSet, bool) {
	f.b, f.i, f.controls, f.text = v, 0, true, ""
	return f.event(e)
}

// decodeAs is decode, with the event's strings cut from one copy of v
// when shared is set: one allocation an event rather than one a string,
// some twenty. What keeps one of those strings keeps the event's whole
// text, so only a sink that says it keeps clones is sent them
// (model.SharesText).
func (f *fastReader) decodeAs(v []byte, e *model.Event, shared bool) (model.FieldSet, bool) {
	if !shared {
		return f.decode(v, e)
	}
	f.b, f.i, f.controls, f.text = v, 0, true, string(v)
	present, ok := f.event(e)
	f.text = "" // the reader is kept for the next event
	return present, ok
}

// event reads an event object as decodeFast says. It refuses a member
// twice itself, and a control character in a string when f.controls
// says to: what JSON's grammar refuses but for UTF-8, so that
// DecodeStored needs only check that before it.
func (f *fastReader) event(e *model.Event) (model.FieldSet, bool) {
	var present model.FieldSet
	hadID, hadPart := false, false
	ok := f.object(func(name []byte) bool {
		if string(name) == "date_text_of" {
			// Part of the date text's field, not one of its own.
			if hadPart {
				return false
			}
			hadPart = true
			return f.str((*string)(&e.DateTextOf))
		}
		m, known := eventMembers[string(name)]
		switch {
		case !known:
			return false
		case m.field == 0 && hadID, present&m.field != 0:
			return false // a member twice: the strict decoder refuses it
		}
		hadID = hadID || m.field == 0
		present |= m.field
		return m.read(f, e)
	})
	f.space()
	return present, ok && f.i == len(f.b)
}

// eventMembers are the members of an event's object: the field each is
// (none for the id) and how its value is read.
var eventMembers = map[string]struct {
	field model.FieldSet
	read  func(*fastReader, *model.Event) bool
}{
	"id":          {0, func(f *fastReader, e *model.Event) bool { return f.str(&e.ID) }},
	"date":        {model.FieldDate, func(f *fastReader, e *model.Event) bool { return f.date(&e.Date) }},
	"date_text":   {model.FieldDateText, func(f *fastReader, e *model.Event) bool { return f.str(&e.DateText) }},
	"date_source": {model.FieldDateSource, func(f *fastReader, e *model.Event) bool { return f.str(&e.DateSource) }},
	"title":       {model.FieldTitle, func(f *fastReader, e *model.Event) bool { return f.str(&e.Title) }},
	"summary":     {model.FieldSummary, func(f *fastReader, e *model.Event) bool { return f.str(&e.Summary) }},
	"status":      {model.FieldStatus, func(f *fastReader, e *model.Event) bool { return f.str((*string)(&e.Status)) }},
	"actors":      {model.FieldActors, func(f *fastReader, e *model.Event) bool { return f.strs(&e.Actors) }},
	"tags":        {model.FieldTags, func(f *fastReader, e *model.Event) bool { return f.strs(&e.Tags) }},
	"quotes":      {model.FieldQuotes, func(f *fastReader, e *model.Event) bool { return array(f, &e.Quotes, f.quote, &f.quotes) }},
	"links":       {model.FieldLinks, func(f *fastReader, e *model.Event) bool { return array(f, &e.Links, f.link, &f.links) }},
	"notes":       {model.FieldNotes, func(f *fastReader, e *model.Event) bool { return array(f, &e.Notes, f.note, &f.notes) }},
	"media":       {model.FieldMedia, func(f *fastReader, e *model.Event) bool { return array(f, &e.Media, f.medium, &f.media) }},
}

// spaces is a word of eight spaces.
const spaces = ones * ' '

// fastReader walks a JSON value, as decodeFast says.
type fastReader struct {
	b []byte
	i int
	// controls: refuse a string with a control character in it, which
	// an import's reader has refused already.
	controls bool
	// text, when set, is b as a string, which the strings read are cut
	// from (decodeShared).
	text string
	// A list's elements are gathered in these, then copied out at its
	// length: one allocation a list rather than one an element (an
	// element read through a pointer lives on the heap) and one a growth.
	strings []string
	quotes  []model.Quote
	links   []model.Link
	notes   []model.Note
	media   []model.Medium
}

func (f *fastReader) space() {
	if f.i < len(f.b) && f.b[f.i] > ' ' {
		return // most tokens follow another, or one space
	}
	// An indented document's lines begin with runs of spaces: passed
	// eight bytes at a time.
	for f.i+8 <= len(f.b) && binary.LittleEndian.Uint64(f.b[f.i:]) == spaces {
		f.i += 8
	}
	for f.i < len(f.b) {
		switch f.b[f.i] {
		case ' ', '\t', '\n', '\r':
			f.i++
		default:
			return
		}
	}
}

// peek returns the next byte that is not space, or 0 at the end.
func (f *fastReader) peek() byte {
	f.space()
	if f.i < len(f.b) {
		return f.b[f.i]
	}
	return 0
}

// null consumes a null, if that is what comes next.
func (f *fastReader) null() bool {
	if f.peek() == 'n' && bytes.HasPrefix(f.b[f.i:], []byte("null")) {
		f.i += len("null")
		return true
	}
	return false
}

// object calls member for each member of the object that comes next,
// its name unescaped; member reads the value. A name with an escape in
// it is left to the strict decoder.
func (f *fastReader) object(member func(name []byte) bool) bool {
	if f.peek() != '{' {
		return false
	}
	f.i++
	if f.peek() == '}' {
		f.i++
		return true
	}
	for {
		if f.peek() != '"' {
			return false
		}
		start, end := f.plain()
		if end >= len(f.b) || f.b[end] != '"' {
			return false
		}
		f.i = end + 1
		if f.peek() != ':' {
			return false
		}
		f.i++
		if !member(f.b[start:end]) {
			return false
		}
		switch f.peek() {
		case ',':
			f.i++
		case '}':
			f.i++
			return true
		default:
			return false
		}
	}
}

// array reads an array (or null) into *dst, each element with elem,
// gathering them in *gather; an empty array is an empty slice, as the
// strict decoder makes it.
func array[T any](f *fastReader, dst *[]T, elem func(*T) bool, gather *[]T) bool {
	if f.null() {
		*dst = nil
		return true
	}
	if f.peek() != '[' {
		return false
	}
	f.i++
	if f.peek() == ']' {
		f.i++
		*dst = []T{}
		return true
	}
	items := (*gather)[:0]
	defer func() {
		clear(items) // what they hold is the event's, not the reader's
		*gather = items[:0]
	}()
	for {
		var zero T
		items = append(items, zero)
		if !f.null() && !elem(&items[len(items)-1]) {
			return false
		}
		switch f.peek() {
		case ',':
			f.i++
		case ']':
			f.i++
			*dst = slices.Clone(items)
			return true
		default:
			return false
		}
	}
}

func (f *fastReader) strs(dst *[]string) bool { return array(f, dst, f.str, &f.strings) }

// plain scans the string that begins at f.i, up to its closing quote or
// its first escape: where its text begins, and where the scan stopped.
func (f *fastReader) plain() (start, end int) {
	start = f.i + 1
	end = start
	// Eight bytes at a time up to the word that may hold the end.
	for end+8 <= len(f.b) {
		w := binary.LittleEndian.Uint64(f.b[end:])
		stop := hasZero(w^(ones*'"')) | hasZero(w^(ones*'\\'))
		if f.controls {
			stop |= (w - ones*' ') &^ w & highs // a byte below ' '
		}
		if stop != 0 {
			break
		}
		end += 8
	}
	if f.controls {
		// The string then ends at the control character, and str
		// leaves it to jsontext, which refuses it.
		for end < len(f.b) && f.b[end] != '"' && f.b[end] != '\\' && f.b[end] >= ' ' {
			end++
		}
		return start, end
	}
	for end < len(f.b) && f.b[end] != '"' && f.b[end] != '\\' {
		end++
	}
	return start, end
}

// str reads a string (or null, the empty string) into *dst.
func (f *fastReader) str(dst *string) bool {
	if f.null() {
		*dst = ""
		return true
	}
	if f.peek() != '"' {
		return false
	}
	start, end := f.plain()
	if end < len(f.b) && f.b[end] == '"' {
		if f.text != "" {
			*dst = f.text[start:end]
		} else {
			*dst = string(f.b[start:end])
		}
		f.i = end + 1
		return true
	}
	return f.escaped(dst, start, end)
}

// escaped reads a string with escapes in it, from start, the first
// escape at end: jsontext unquotes it, as the strict decoder would, and
// refuses what it would refuse (a lone surrogate).
func (f *fastReader) escaped(dst *string, start, end int) bool {
	for end < len(f.b) && f.b[end] != '"' {
		if f.b[end] == '\\' {
			end++ // the escaped byte is not the end
		}
		end++
	}
	if end >= len(f.b) {
		return false
	}
	text, err := jsontext.AppendUnquote(nil, f.b[start-1:end+1])
	if err != nil {
		return false
	}
	*dst = string(text)
	f.i = end + 1
	return true
}

// date reads an EDTF date (or null, undated); a bad one is left to the
// strict decoder, which reports it and goes on.
func (f *fastReader) date(dst *model.Date) bool {
	var s string
	if f.null() {
		*dst = model.Date{}
		return true
	}
	if !f.str(&s) {
		return false
	}
	d, err := model.ParseDate(s)
	*dst = d
	return err == nil
}

// strMembers reads an object of string members, each into the place
// place gives its name (nil: not a member the format has).
func (f *fastReader) strMembers(place func(name []byte) *string) bool {
	var seen [8]*string // an object has at most 7 of them, each once
	n := 0
	return f.object(func(name []byte) bool {
		dst := place(name)
		if dst == nil || slices.Contains(seen[:n], dst) || n == len(seen) {
			return false
		}
		seen[n], n = dst, n+1
		return f.str(dst)
	})
}

func (f *fastReader) quote(q *model.Quote) bool {
	return f.strMembers(func(name []byte) *string {
		switch string(name) {
		case "text":
			return &q.Text
		case "speaker":
			return &q.Speaker
		case "source":
			return &q.Source
		case "context":
			return &q.Context
		case "stance":
			return (*string)(&q.Stance)
		}
		return nil
	})
}

func (f *fastReader) medium(m *model.Medium) bool {
	return f.strMembers(func(name []byte) *string { return m.Field(string(name)) })
}

func (f *fastReader) link(l *model.Link) bool {
	return f.strMembers(func(name []byte) *string {
		switch string(name) {
		case "rel":
			return (*string)(&l.Rel)
		case "event":
			return &l.Event
		}
		return nil
	})
}

func (f *fastReader) note(n *model.Note) bool {
	var seen [5]bool // text, author, at, edited_by, edited: each once
	once := func(i int) bool {
		was := seen[i]
		seen[i] = true
		return !was
	}
	return f.object(func(name []byte) bool {
		switch string(name) {
		case "text":
			return once(0) && f.str(&n.Text)
		case "author":
			return once(1) && f.str(&n.Author)
		case "at":
			return once(2) && f.time(&n.At)
		case "edited_by":
			return once(3) && f.str(&n.EditedBy)
		case "edited":
			return once(4) && f.time(&n.Edited)
		}
		return false
	})
}

// time reads a time, or null for none.
func (f *fastReader) time(t *time.Time) bool {
	// A time is rare enough to leave to the decoder that knows its
	// format; only its value is decoded.
	start := f.i
	if !f.null() {
		var s string
		if !f.str(&s) {
			return false
		}
	}
	return json.Unmarshal(f.b[start:f.i], t) == nil
}

// DecodeList decodes a JSON list of one of an event's list members
// (into is a *[]string, *[]model.Quote, *[]model.Link, *[]model.Note or
// *[]model.Medium)
// whose syntax, UTF-8 and members' uniqueness have been checked, without
// reflection, as Read decodes an event's. It returns false and leaves
// *into as it was when the list holds anything but what the format asks
// for, or into is of another type: the caller then decodes it strictly,
// and words what is wrong.
func DecodeList(v []byte, into any) bool {
	switch into := into.(type) {
	case *[]string:
		return listOf(v, into, (*fastReader).str)
	case *[]model.Quote:
		return listOf(v, into, (*fastReader).quote)
	case *[]model.Link:
		return listOf(v, into, (*fastReader).link)
	case *[]model.Note:
		return listOf(v, into, (*fastReader).note)
	case *[]model.Medium:
		return listOf(v, into, (*fastReader).medium)
	}
	return false
}

// DecodeListShared is DecodeList with the strings of the list cut from
// one copy of v rather than each allocated: for a sink that keeps none
// of an event's strings past the call, or keeps clones (model.SharesText).
func DecodeListShared(v []byte, into any) bool {
	text := string(v)
	switch into := into.(type) {
	case *[]string:
		return listIn(v, text, into, (*fastReader).str)
	case *[]model.Quote:
		return listIn(v, text, into, (*fastReader).quote)
	case *[]model.Link:
		return listIn(v, text, into, (*fastReader).link)
	case *[]model.Note:
		return listIn(v, text, into, (*fastReader).note)
	case *[]model.Medium:
		return listIn(v, text, into, (*fastReader).medium)
	}
	return false
}

// ListReader decodes lists of an event's list members one after another,
// keeping what it gathers their elements in from one list to the next:
// one allocation a list. A ListReader is for one goroutine.
type ListReader struct{ f fastReader }

// DecodeAt decodes the list that begins at b[at:] as DecodeList does,
// checking its syntax as it goes, control characters in strings
// included, and returns where the list ends. It does not check UTF-8,
// nor that anything but space follows. When text is set (b as a string)
// the list's strings are cut from it, as DecodeListShared cuts them.
// A reader that had to check a list before decoding it walked it twice.
func (r *ListReader) DecodeAt(b []byte, at int, text string, into any) (end int, ok bool) {
	f := &r.f
	f.b, f.i, f.controls, f.text = b, at, true, text
	// array leaves *into as it was unless it reads the whole list.
	switch into := into.(type) {
	case *[]string:
		ok = array(f, into, f.str, &f.strings)
	case *[]model.Quote:
		ok = array(f, into, f.quote, &f.quotes)
	case *[]model.Link:
		ok = array(f, into, f.link, &f.links)
	case *[]model.Note:
		ok = array(f, into, f.note, &f.notes)
	case *[]model.Medium:
		ok = array(f, into, f.medium, &f.media)
	}
	end = f.i
	f.b, f.text = nil, "" // what they hold is the caller's
	return end, ok
}

func listOf[T any](v []byte, into *[]T, elem func(*fastReader, *T) bool) bool {
	return listIn(v, "", into, elem)
}

// listIn is listOf, the strings cut from text when it is set: v's bytes
// as a string.
func listIn[T any](v []byte, text string, into *[]T, elem func(*fastReader, *T) bool) bool {
	f := fastReader{b: v, text: text}
	var l, gather []T
	if !array(&f, &l, func(t *T) bool { return elem(&f, t) }, &gather) {
		return false
	}
	if f.space(); f.i != len(f.b) {
		return false
	}
	*into = l
	return true
}

// DecodeStored decodes an event's object as a store keeps it (json.Marshal
// of model.Event): by the walk when its UTF-8 is valid and the walk takes
// it, else by json.Unmarshal, whose error says what is wrong. A window of
// a hundred rows read from PostgreSQL took a millisecond more by
// reflection; checking the whole value with jsontext first, as the walk
// once needed, took a third of the decoding.
func DecodeStored(v []byte) (model.Event, error) {
	var e model.Event
	if utf8.Valid(v) {
		if _, ok := (&fastReader{b: v, controls: true}).event(&e); ok {
			return e, nil
		}
		e = model.Event{}
	}
	err := json.Unmarshal(v, &e)
	return e, err
}
