// Package stored is the binary form in which chrono's stores keep an
// event: decoded several times faster than its JSON, and laid out so that
// filters and search read its status, actors and text without decoding
// the rest.
package stored

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"chrono/model"
)

// Version is the newest codec version, the first byte of a stored event
// value. Version 2 added the notes' authors at the end; values of
// version 1 (stores from before it) are read as notes by no one known,
// and are rewritten in version 2 when the event next changes. Version 3
// adds, after them, when each note was last edited and by whom; it is
// written only for an event with an edited note, and the rest are
// written in version 2, byte for byte as before, which a chrono from
// before version 3 still reads. Version 4 adds, after those, the event's
// media; it is written only for an event with media (the rest as
// before), so that an event without them costs not a byte more. Version
// 5 adds, after the media, the part of the date its date text names
// (model.DateTextPart); it is written only for an event whose date text
// names a part, the rest as before. No version is '{', the first byte of
// an event's JSON.
const Version = 5

// versionMedia is the version of a value with media and date text of
// the whole date.
const versionMedia = 4

// versionEdits is the version of a value with an edited note and no
// media.
const versionEdits = 3

// versionAuthors is the version of a value whose notes no one edited.
const versionAuthors = 2

// An event value is laid out so that filters and search need not decode it:
//
//	[version 1 byte] [status 1 byte] [text length uvarint]
//	text:  title, summary, date_text, actors, tags, quotes (text, speaker,
//	       context), notes (text)
//	rest:  id, date (EDTF), date_source, quotes (source, stance), links
//	       (rel, event), notes (at), notes (author; from version 2),
//	       notes (edited, edited_by; from version 3), media (url,
//	       caption, credit, title, alt, thumbnail, link; from version
//	       4), date_text_of (in version 5)
//
// Strings are a uvarint length and the bytes; lists are a uvarint count
// and their items. The status byte is the index in model.Statuses plus 1
// (0: not assessed), so a status filter reads one byte; the text section
// holds every field search looks at, and nothing else.

func statusCode(s model.Status) byte {
	for i, v := range model.Statuses {
		if v == s {
			return byte(i + 1)
		}
	}
	return 0
}

func statusOf(c byte) model.Status {
	if c == 0 || int(c) > len(model.Statuses) {
		return ""
	}
	return model.Statuses[c-1]
}

// appendString appends s after its length.
func appendString[S ~string | ~[]byte](b []byte, s S) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

// ShapeMatches reports whether a stored event has no tags (when
// untagged is asked for) and has notes (when noted is), reading only its
// text section's counts. A damaged value matches nothing.
func ShapeMatches(v []byte, untagged, noted bool) bool {
	d := valueText(v)
	d.skip()              // title
	d.skip()              // summary
	d.skip()              // date_text
	for range d.count() { // actors
		d.skip()
	}
	tags := d.count()
	if d.err != nil || untagged && tags > 0 {
		return false
	}
	if !noted {
		return true
	}
	for range tags {
		d.skip()
	}
	for range 3 * d.count() { // quotes: text, speaker, context
		d.skip()
	}
	return d.count() > 0 && d.err == nil
}

// Encode appends the stored form of e to dst.
func Encode(dst []byte, e *model.Event) []byte {
	// The text section is written in place, after its length, which is
	// worked out first: building it apart and copying it cost as much as
	// the rest of an import's encoding.
	n := textLen(e)
	dst = slices.Grow(dst, n+len(e.ID)+64)
	version := byte(versionAuthors)
	switch {
	case e.DateTextOf != model.DateTextWhole:
		version = Version
	case len(e.Media) > 0:
		version = versionMedia
	case slices.ContainsFunc(e.Notes, edited):
		version = versionEdits
	}
	dst = append(dst, version, statusCode(e.Status))
	dst = binary.AppendUvarint(dst, uint64(n))
	dst = appendString(dst, e.Title)
	dst = appendString(dst, e.Summary)
	dst = appendString(dst, e.DateText)
	dst = appendStrings(dst, e.Actors)
	dst = appendStrings(dst, e.Tags)
	dst = binary.AppendUvarint(dst, uint64(len(e.Quotes)))
	for _, q := range e.Quotes {
		dst = appendString(dst, q.Text)
		dst = appendString(dst, q.Speaker)
		dst = appendString(dst, q.Context)
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Notes)))
	for _, n := range e.Notes {
		dst = appendString(dst, n.Text)
	}
	dst = appendString(dst, e.ID)
	// The date written where it goes, not made a string first: an
	// import encodes a million of them on its one serial goroutine.
	var date [64]byte
	dst = appendString(dst, e.Date.AppendEDTF(date[:0]))
	dst = appendString(dst, e.DateSource)
	for _, q := range e.Quotes {
		dst = appendString(dst, q.Source)
		dst = appendString(dst, string(q.Stance))
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Links)))
	for _, l := range e.Links {
		dst = appendString(dst, string(l.Rel))
		dst = appendString(dst, l.Event)
	}
	for _, n := range e.Notes {
		dst = appendTime(dst, n.At)
	}
	for _, n := range e.Notes {
		dst = appendString(dst, n.Author)
	}
	if version < versionEdits {
		return dst
	}
	for _, n := range e.Notes {
		dst = appendTime(dst, n.Edited)
		dst = appendString(dst, n.EditedBy)
	}
	if version < versionMedia {
		return dst
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Media)))
	for _, m := range e.Media {
		for _, s := range [...]string{m.URL, m.Caption, m.Credit, m.Title, m.Alt, m.Thumbnail, m.Link} {
			dst = appendString(dst, s)
		}
	}
	if version < Version {
		return dst
	}
	return appendString(dst, string(e.DateTextOf))
}

// edited reports whether a note says it was edited, which only versions
// 3 and on keep.
func edited(n model.Note) bool { return n.EditedBy != "" || !n.Edited.IsZero() }

// appendTime appends t as RFC 3339, or the empty string for the zero
// time.
func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return appendString(b, "")
	}
	return appendString(b, t.Format(time.RFC3339Nano))
}

// textLen is the length of an event's text section.
func textLen(e *model.Event) int {
	str := func(s string) int { return uvarintLen(len(s)) + len(s) }
	n := str(e.Title) + str(e.Summary) + str(e.DateText)
	for _, list := range [][]string{e.Actors, e.Tags} {
		n += uvarintLen(len(list))
		for _, s := range list {
			n += str(s)
		}
	}
	n += uvarintLen(len(e.Quotes))
	for _, q := range e.Quotes {
		n += str(q.Text) + str(q.Speaker) + str(q.Context)
	}
	n += uvarintLen(len(e.Notes))
	for _, note := range e.Notes {
		n += str(note.Text)
	}
	return n
}

func uvarintLen(v int) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// decoder reads a stored value; the first failure sticks, so callers check
// err once at the end. what names the part being read, for the error.
type decoder struct {
	b    []byte
	what string
	nth  int // when not 0, what is a format of the item's number
	err  error
	// text, when not empty, is the whole value as a string, whose
	// substrings string returns in place of copies; b is always a slice of
	// that value to its end, so ends-cap(b) is where b starts in it.
	text string
	ends int
}

// at names the part read next.
func (d *decoder) at(what string) *decoder {
	d.what, d.nth = what, 0
	return d
}

// atItem names the part read next by a format of its item's number
// (from 1), which is written only should the read fail: a window of
// events reads thousands of parts for every key.
func (d *decoder) atItem(format string, i int) *decoder {
	d.what, d.nth = format, i+1
	return d
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		what := d.what
		if d.nth != 0 {
			what = fmt.Sprintf(what, d.nth)
		}
		d.err = Unreadable(what + " " + fmt.Sprintf(format, args...))
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("is cut short")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a list length, refusing lengths the value cannot hold.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("claims %d with %d bytes left", n, len(d.b))
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	var s string
	if d.text != "" {
		at := d.ends - cap(d.b)
		s = d.text[at : at+n]
	} else {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

// time reads a time written by appendTime.
func (d *decoder) time() time.Time {
	s := d.string()
	if s == "" || d.err != nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.fail("%q is not a time", s)
	}
	return t
}

func (d *decoder) strings() []string {
	n := d.count()
	if n == 0 || d.err != nil {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.string()
	}
	return ss
}

// Decode reads a value written by Encode. Its error says which
// event (by the id the value holds, when that much can be read) and which
// field cannot be read; it is ErrUnreadable to errors.Is.
func Decode(v []byte) (model.Event, error) { return decodeValue(v, false) }

// DecodeWhole is Decode for an event that is kept whole, as a
// window's rows are: its strings share one copy of the value, one
// allocation where each string was one (some thirty an event). Not for
// events of which only a part is kept: an id kept alone would hold on to
// the whole value.
func DecodeWhole(v []byte) (model.Event, error) { return decodeValue(v, true) }

// decodeValue is Decode, its strings shared when whole says so.
func decodeValue(v []byte, whole bool) (model.Event, error) {
	var e model.Event
	if len(v) < 2 {
		return e, Unreadablef("an event's stored value is %d bytes", len(v))
	}
	version := v[0]
	if version < 1 || version > Version {
		return e, Unreadablef("an event's stored value has codec version %d (this chrono reads 1 to %d)", version, Version)
	}
	e.Status = statusOf(v[1])
	v = v[:len(v):len(v)] // its end is where cap measures from
	d := &decoder{b: v[2:]}
	if whole {
		d.text, d.ends = string(v), len(v)
	}
	textLen := d.at("its text section's length").count()
	if d.err != nil {
		return e, fmt.Errorf("an event: %w", d.err)
	}
	rest := d.b[textLen:]
	d.b = d.b[:textLen]
	e.Title = d.at("its title").string()
	e.Summary = d.at("its summary").string()
	e.DateText = d.at("its date_text").string()
	e.Actors = d.at("its actors").strings()
	e.Tags = d.at("its tags").strings()
	if n := d.at("its quotes").count(); n > 0 {
		e.Quotes = make([]model.Quote, n)
		for i := range e.Quotes {
			e.Quotes[i].Text = d.atItem("its quote %d's text", i).string()
			e.Quotes[i].Speaker = d.atItem("its quote %d's speaker", i).string()
			e.Quotes[i].Context = d.atItem("its quote %d's context", i).string()
		}
	}
	if n := d.at("its notes").count(); n > 0 {
		e.Notes = make([]model.Note, n)
		for i := range e.Notes {
			e.Notes[i].Text = d.atItem("its note %d's text", i).string()
		}
	}
	if len(d.b) != 0 {
		d.at("its text section").fail("has %d bytes to spare", len(d.b))
	}
	// The id comes first after the text section: read it even when the
	// text is damaged, to say which event is.
	textErr := d.err
	d.err = nil
	d.b = rest
	e.ID = d.at("its id").string()
	if d.err != nil {
		return e, fmt.Errorf("an event: %w", cmp.Or(textErr, d.err))
	}
	d.err = textErr
	date := d.at("its date").string()
	e.DateSource = d.at("its date_source").string()
	for i := range e.Quotes {
		e.Quotes[i].Source = d.atItem("its quote %d's source", i).string()
		e.Quotes[i].Stance = model.Stance(d.atItem("its quote %d's stance", i).string())
	}
	if n := d.at("its links").count(); n > 0 {
		e.Links = make([]model.Link, n)
		for i := range e.Links {
			e.Links[i].Rel = model.Rel(d.atItem("its link %d's rel", i).string())
			e.Links[i].Event = d.atItem("its link %d's event", i).string()
		}
	}
	for i := range e.Notes {
		e.Notes[i].At = d.atItem("its note %d's time", i).time()
	}
	if version >= 2 {
		for i := range e.Notes {
			e.Notes[i].Author = d.atItem("its note %d's author", i).string()
		}
	}
	if version >= versionEdits {
		for i := range e.Notes {
			e.Notes[i].Edited = d.atItem("its note %d's edit time", i).time()
			e.Notes[i].EditedBy = d.atItem("its note %d's editor", i).string()
		}
	}
	if version >= versionMedia {
		d.media(&e)
	}
	if version >= Version {
		e.DateTextOf = model.DateTextPart(d.at("its date_text_of").string())
	}
	if d.err == nil {
		var err error
		if e.Date, err = model.ParseDate(date); err != nil {
			d.at("its date").fail("%q is not a date (%v)", date, err)
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.at("its value").fail("has %d bytes after the end", len(d.b))
	}
	if d.err != nil {
		return e, fmt.Errorf("event %q: %w", e.ID, d.err)
	}
	return e, nil
}

// Current returns a stored value as Encode writes it now, so that
// comparing it with a new encoding tells a changed event from one stored
// by an older chrono. Values of versions 2 to 5 are as Encode writes
// them: a value of version 2 holds no edited note and no media, one of
// version 3 no media, one of version 4 no date text of a part, which is
// what Encode writes in those versions.
func Current(v []byte) ([]byte, error) {
	if len(v) > 0 && v[0] >= versionAuthors && v[0] <= Version {
		return v, nil
	}
	e, err := Decode(v)
	if err != nil {
		return nil, err
	}
	return Encode(nil, &e), nil
}

// StatusOf returns the status of a stored event without decoding it.
func StatusOf(v []byte) model.Status {
	if len(v) < 2 {
		return ""
	}
	return statusOf(v[1])
}

// valueText returns the text section of a stored event: the fields search
// reads, as a decoder positioned at the title.
func valueText(v []byte) decoder {
	if len(v) < 2 {
		return decoder{err: Unreadablef("an event's stored value is %d bytes", len(v))}
	}
	d := decoder{b: v[2:]}
	n := d.at("its text section's length").count()
	if d.err != nil {
		return d
	}
	d.b = d.b[:n]
	return d
}

// skip passes over one string.
func (d *decoder) skip() {
	n := d.count()
	if d.err == nil {
		d.b = d.b[n:]
	}
}

// ActorsOf returns the actors of a stored event, reading only as far
// as them.
func ActorsOf(v []byte) []string {
	d := valueText(v)
	d.skip() // title
	d.skip() // summary
	d.skip() // date_text
	return d.strings()
}

// DateOf returns the date of a stored event, reading only as far as it;
// a value it cannot read gives the zero date, which selects nothing.
func DateOf(v []byte) model.Date {
	if len(v) < 2 {
		return model.Date{}
	}
	d := decoder{b: v[2:]}
	d.skip() // the text section, after its length
	d.skip() // id
	date := d.string()
	if d.err != nil {
		return model.Date{}
	}
	parsed, err := model.ParseDate(date)
	if err != nil {
		return model.Date{}
	}
	return parsed
}

// media reads the media version 4 writes at the end of a value.
func (d *decoder) media(e *model.Event) {
	n := d.at("its media").count()
	if n == 0 || d.err != nil {
		return
	}
	e.Media = make([]model.Medium, n)
	for i := range e.Media {
		m := &e.Media[i]
		m.URL = d.atItem("its medium %d's url", i).string()
		m.Caption = d.atItem("its medium %d's caption", i).string()
		m.Credit = d.atItem("its medium %d's credit", i).string()
		m.Title = d.atItem("its medium %d's title", i).string()
		m.Alt = d.atItem("its medium %d's alt", i).string()
		m.Thumbnail = d.atItem("its medium %d's thumbnail", i).string()
		m.Link = d.atItem("its medium %d's link", i).string()
	}
}
