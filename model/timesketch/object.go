package timesketch

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"chrono/model/native"

	"github.com/go-json-experiment/json/jsontext"
)

// parser reads JSONL lines into records. It keeps its buffers from line
// to line, so each goroutine that reads lines has its own.
type parser struct {
	micros  bool // see record.micros
	shared  bool // see record.shared
	dec     *jsontext.Decoder
	rec     record
	unquote []byte
	memo    *sourceMemo
	lists   native.ListReader
	// text is the line plainObject reads as a string, when the record's
	// strings are cut from it (shared), or "".
	text string
}

func newParser(micros bool) *parser {
	return &parser{micros: micros, dec: jsontext.NewDecoder(new(bytes.Buffer)), memo: newSourceMemo()}
}

// line converts the JSON object on one line, the line numbered n.
func (p *parser) line(text []byte, n int, out *result) {
	p.rec = record{line: n, micros: p.micros, shared: p.shared, keys: p.rec.keys[:0], vals: p.rec.vals[:0]}
	if !p.plainObject(text) {
		p.rec.keys, p.rec.vals, p.rec.lists, p.text = p.rec.keys[:0], p.rec.vals[:0], lists{}, ""
		if col, msg := p.object(text); msg != "" {
			*out = result{line: n, syntax: msg, col: col}
			clear(p.rec.vals)
			return
		}
	}
	convert(&p.rec, p.memo, out)
	clear(p.rec.vals) // so that a long value does not outlive its line
	p.rec.lists, p.text = lists{}, ""
}

// object reads the members of a one-line JSON object into p.rec. A
// problem comes back with its column.
func (p *parser) object(text []byte) (col int, msg string) {
	dec, rec := p.dec, &p.rec
	// From a bytes.Buffer, the decoder reads the line in place, and the
	// values it returns are in the line.
	dec.Reset(bytes.NewBuffer(text))
	syntax := func(err error) (int, string) {
		off := int(dec.InputOffset())
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			off = int(se.ByteOffset)
			err = se.Err
		}
		off = min(max(off, 0), len(text))
		col := utf8.RuneCount(text[:off]) + 1
		switch {
		case errors.Is(err, jsontext.ErrDuplicateName):
			return col, "a key appears twice in the same object"
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return col, "the line ends inside a JSON value (is the object split over several lines? JSONL has one per line)"
		}
		return col, "invalid JSON: " + strings.TrimPrefix(err.Error(), "jsontext: ")
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return syntax(err)
	}
	if tok.Kind() != '{' {
		return 1, `a Timesketch JSONL line is one JSON object: {"message": ..., "datetime": ..., "timestamp_desc": ...}`
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return syntax(err)
		}
		name := key(tok.String()) // before the next call voids the token
		v, err := dec.ReadValue()
		if err != nil {
			return syntax(err)
		}
		var val value
		switch end := int(dec.InputOffset()); {
		case v.Kind() == '"':
			p.unquote, _ = jsontext.AppendUnquote(p.unquote[:0], v) // the decoder has checked it
			val = value{text: string(p.unquote)}
		case listKey(name):
			val = value{json: true, raw: text[end-len(v) : end]} // text when needed: see record.listText
		default:
			val = value{text: string(v), json: true, raw: text[end-len(v) : end]}
		}
		rec.keys = append(rec.keys, name)
		rec.vals = append(rec.vals, val)
	}
	if _, err := dec.ReadToken(); err != nil {
		return syntax(err)
	}
	end := int(dec.InputOffset())
	end = len(text) - len(bytes.TrimLeft(text[end:], " \t\r\n"))
	switch _, err := dec.ReadToken(); {
	case err == nil:
		return utf8.RuneCount(text[:end]) + 1, "more than one JSON value on the line: JSONL has one object per line"
	case !errors.Is(err, io.EOF):
		return syntax(err)
	}
	return 0, ""
}

// key returns a key as a string of its own: the constant of one of the
// keys both writers write, so that reading one allocates nothing.
func key(name string) string {
	// A switch, not a look along columns: comparing each key with every
	// column took a twentieth of reading a record.
	switch name {
	case keyMessage:
		return keyMessage
	case keyDatetime:
		return keyDatetime
	case keyTimestamp:
		return keyTimestamp
	case keyDesc:
		return keyDesc
	case keyTag:
		return keyTag
	case keyID:
		return keyID
	case keyEDTF:
		return keyEDTF
	case keyDateText:
		return keyDateText
	case keyDateSource:
		return keyDateSource
	case keyStatus:
		return keyStatus
	case keySummary:
		return keySummary
	case keyActors:
		return keyActors
	case keyQuotes:
		return keyQuotes
	case keySources:
		return keySources
	case keyLinks:
		return keyLinks
	case keyNotes:
		return keyNotes
	case keyMedia:
		return keyMedia
	}
	return strings.Clone(name)
}
