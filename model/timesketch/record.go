package timesketch

import (
	"chrono/model"
	"chrono/model/native"

	"github.com/go-json-experiment/json/jsontext"
)

// record is one Timesketch event as read: its keys and values in the
// order of the file.
type record struct {
	line int  // where the record starts, from 1
	csv  bool // the values are CSV cells: an empty cell is no value
	// micros: the timestamp is microseconds whatever its size, as Plaso
	// writes it, rather than in the unit its size says.
	micros bool
	// shared: the record's strings may be cut from one copy of its line
	// (or of each list, when the conversion decodes them), the sink
	// taking them so (model.SharesText).
	shared bool
	keys   []string
	vals   []value
	// lists are chrono's list-valued keys that plainObject decoded as it
	// checked them (value.decoded).
	lists lists
}

// lists holds the decoded values of chrono's list-valued keys.
type lists struct {
	actors  []string
	quotes  []model.Quote
	links   []model.Link
	notes   []model.Note
	media   []model.Medium
	sources []model.Source
}

// of returns the list for key, as a pointer to it, or nil when key is
// not one of chrono's lists.
func (l *lists) of(key string) any {
	switch key {
	case keyActors:
		return &l.actors
	case keyQuotes:
		return &l.quotes
	case keyLinks:
		return &l.links
	case keyNotes:
		return &l.notes
	case keyMedia:
		return &l.media
	case keySources:
		return &l.sources
	}
	return nil
}

// decoded puts the list decoded for key into into (a pointer to a list
// of key's type), and reports whether it could.
func (l *lists) decoded(key string, into any) bool {
	switch from := l.of(key).(type) {
	case *[]string:
		return put(into, *from)
	case *[]model.Quote:
		return put(into, *from)
	case *[]model.Link:
		return put(into, *from)
	case *[]model.Note:
		return put(into, *from)
	case *[]model.Medium:
		return put(into, *from)
	case *[]model.Source:
		return put(into, *from)
	}
	return false
}

func put[T any](into any, l []T) bool {
	p, ok := into.(*[]T)
	if ok {
		*p = l
	}
	return ok
}

// value is one value of a record.
type value struct {
	// text is the string, or the JSON text of a value that is not a
	// string (JSONL only).
	text string
	json bool
	// decoded: the value is one of chrono's lists, which record.lists
	// holds decoded.
	decoded bool
	// raw is the JSON text of a value that is not a string (JSONL only),
	// as the decoder checked it, in the line: valid while the record is
	// converted. chrono's list-valued keys, long in chrono's own records,
	// are decoded from it, and get their text only in a record that is
	// not chrono's (see record.listText).
	raw []byte
}

// bytes returns the JSON text of v, or its text.
func (v value) bytes() []byte {
	if v.raw != nil {
		return v.raw
	}
	return []byte(v.text)
}

// listKey reports whether key is one of chrono's list-valued keys.
func listKey(key string) bool {
	switch key {
	case keyActors, keyQuotes, keySources, keyLinks, keyNotes, keyMedia:
		return true
	}
	return false
}

// listText gives the values of chrono's list-valued keys their text, for
// a record that is not chrono's: there they are ordinary attributes.
func (r *record) listText() {
	for i, v := range r.vals {
		if v.raw != nil && v.text == "" {
			r.vals[i].text = string(v.raw)
		}
	}
}

// get returns the value of key; ok is false when the record has none.
func (r *record) get(key string) (v value, ok bool) {
	for i, k := range r.keys {
		if k == key {
			v = r.vals[i]
			return v, !r.csv || v.text != ""
		}
	}
	return value{}, false
}

// kindName names the kind of a JSON value's text for messages, as the
// native reader names them.
func kindName(text string) string { return native.KindName(jsontext.Value(text).Kind()) }
