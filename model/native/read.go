// Package native reads and writes chrono's own JSON format, the format of
// timeline.example.json:
//
//	{"chrono": 1, "title": "...", "description": "...",
//	 "sources": [{"id": "wapo", ...}],
//	 "events": [{"id": "nso-mobileum-call", "date": "2017-08", ...}]}
//
// Reading is strict, because a typo must not vanish silently: unknown
// fields, duplicate keys and invalid UTF-8 are errors. It is also
// streaming: events go to a model.Sink one by one, so a file of any size
// is read in constant memory.
package native

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Version is the version of the format this package reads and writes, the
// value of the document's "chrono" member.
const Version = 1

// Read decodes a native document from r and sends its parts to sink.
//
// A syntax error stops the read; it is returned as a model.Problem with
// its line and column. A value that is well-formed JSON but not a valid
// source or event (a bad date, an unknown field, a number where a string
// belongs) is reported to sink when sink is a model.Reporter, and the read
// goes on so that every problem is found in one pass; otherwise it stops
// the read.
//
// When sink is a model.FieldSink, each event goes to it with the fields
// its object has as members (an explicit "", [] or null among them), so
// that an update keeps the stored value of a field the record leaves out.
//
// Events are decoded on every core and reach sink in the order of the
// file, from the goroutine that called Read.
//
// Read also reads chrono JSON Lines (DetectLines), events an object a
// line as `chrono list --json` prints them, with no header and no
// sources: a quote's source must then be in the store already.
func Read(r io.Reader, sink model.Sink) error {
	br := bufio.NewReaderSize(r, headSize)
	model.SkipByteOrderMark(br)
	head, _ := br.Peek(headSize) // an error comes back to the read
	limit := model.NewRecordLimit(br)
	pr := newPositionReader(limit)
	rd := &reader{dec: jsontext.NewDecoder(pr, anyKeyTwice), pos: pr, limit: limit, sink: sink, values: newValueDecoder()}
	if DetectLines(head) {
		return rd.lines()
	}
	return rd.document()
}

// headSize is how much of the input Read looks at to tell a document
// from JSON Lines.
const headSize = 64 << 10

// lines reads JSON Lines of events to the end of the input.
func (rd *reader) lines() error {
	if err := rd.eventValues(decoderValues{rd, func() bool { return rd.dec.PeekKind() != 0 }}); err != nil {
		return err
	}
	if _, err := rd.dec.ReadToken(); err != io.EOF {
		return rd.syntax(err)
	}
	return nil
}

type reader struct {
	dec    *jsontext.Decoder
	pos    *positionReader
	limit  *model.RecordLimit // started at each event, each source and each member of the document
	sink   model.Sink
	values *valueDecoder // for the header and sources
	// shift is the input offset of the decoder's first byte, less what
	// it was given before the input (events).
	shift int64
	// names are the document's members so far.
	names []string
}

// syntax turns a decoder error into a problem at its position.
func (rd *reader) syntax(err error) error { return rd.syntaxAt(err, rd.shift) }

// syntaxAt turns an error into a problem at its position, a syntactic
// error's offset counted from shift.
func (rd *reader) syntaxAt(err error, shift int64) error {
	if errors.Is(err, model.ErrRecordTooLarge) {
		return rd.pos.position(rd.limit.Started()).Problem(model.Problem{Msg: model.ValueTooLarge, Err: model.ErrRecordTooLarge})
	}
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		return rd.pos.position(se.ByteOffset + shift).Problem(model.Problem{Msg: describeSyntax(se)})
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return rd.pos.position(rd.pos.offset).Problem(model.Problem{Msg: "the document ends too early (is the file cut short?)"})
	}
	return err
}

// describeSyntax says what is wrong with JSON text; a key given twice is
// named (the place says where its second time is).
func describeSyntax(se *jsontext.SyntacticError) string {
	err := se.Err
	switch {
	case errors.Is(err, jsontext.ErrDuplicateName):
		if key := se.JSONPointer.LastToken(); key != "" {
			return fmt.Sprintf("key %q appears twice in the same object: keep one", key)
		}
		return "a key appears twice in the same object: keep one"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the document ends too early (is the file cut short?)"
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "jsontext: ")
	return "invalid JSON: " + msg
}

// startRecord marks where a value that must fit in model.MaxRecordBytes
// begins.
func (rd *reader) startRecord(offset int64) {
	rd.limit.Start(offset)
	rd.pos.pin(offset)
}

// at returns the position of the next token.
func (rd *reader) at() model.Place { return rd.pos.position(rd.offset()) }

// offset returns the input offset of the next token: past the whitespace,
// commas and colons the decoder has not consumed yet.
func (rd *reader) offset() int64 {
	rd.dec.PeekKind()
	off := rd.dec.InputOffset() + rd.shift
	for _, c := range rd.dec.UnreadBuffer() {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':' {
			break
		}
		off++
	}
	return off
}

func (rd *reader) document() error {
	start := rd.at()
	tok, err := rd.dec.ReadToken()
	if err != nil {
		return rd.syntax(err)
	}
	if tok.Kind() == '[' {
		// Events gathered into an array, as jq -s or a script writes them.
		return start.Problem(model.Problem{Msg: `a chrono document is a JSON object, not an array: put the events in one ({"chrono": 1, "events": [...]}), or write them an event a line, as chrono list --json prints them (jq -c '.[]' FILE > FILE.jsonl)`})
	}
	if tok.Kind() != '{' {
		return start.Problem(model.Problem{Msg: `a chrono document is a JSON object: {"chrono": 1, "title": ..., "events": [...]}`})
	}
	var h model.Header
	sawEvents, sawVersion := false, false
	for rd.dec.PeekKind() != '}' {
		rd.startRecord(rd.offset())
		at := rd.at()
		tok, err := rd.dec.ReadToken()
		if err != nil {
			return rd.syntax(err)
		}
		name := tok.String()
		if slices.Contains(rd.names, name) {
			return at.Problem(model.Problem{Msg: fmt.Sprintf("key %q appears twice in the same object: keep one", name)})
		}
		rd.names = append(rd.names, name)
		switch name {
		case "chrono":
			sawVersion = true
			err = rd.version(rd.at())
		case "title":
			h.Title, err = rd.str(at, name)
		case "description":
			h.Description, err = rd.str(at, name)
		case "sources":
			err = rd.array(at, name, rd.source)
		case "events":
			sawEvents = true
			err = rd.events(at, name)
		case "snapshots":
			// Snapshots are not the sink's: the importer reads them
			// with ReadSnapshots.
			err = rd.skip()
		default:
			msg := fmt.Sprintf("unknown field %q (the fields are %s)", name, strings.Join(documentFields, ", "))
			if near := model.Suggest(name, documentFields); near != "" {
				msg = fmt.Sprintf("unknown field %q (did you mean %q?)", name, near)
			}
			if err = model.Report(rd.sink, at.Problem(model.Problem{Msg: msg})); err == nil {
				err = rd.skip()
			}
		}
		if err != nil {
			return err
		}
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	if at := rd.at(); rd.dec.PeekKind() != 0 {
		return at.Problem(model.Problem{Msg: "unexpected data after the end of the document"})
	} else if _, err := rd.dec.ReadToken(); err != nil && err != io.EOF {
		return rd.syntax(err)
	}
	if !sawVersion {
		if err := model.Report(rd.sink, start.Problem(model.Problem{Msg: missingVersion})); err != nil {
			return err
		}
	}
	if !sawEvents {
		if err := model.Report(rd.sink, start.Problem(model.Problem{Msg: `"events" missing: a chrono document lists its events, even if none: "events": []`})); err != nil {
			return err
		}
	}
	return rd.sink.Header(h)
}

func (rd *reader) skip() error {
	if err := rd.dec.SkipValue(); err != nil {
		return rd.syntax(err)
	}
	return nil
}

func (rd *reader) version(at model.Place) error {
	tok, err := rd.dec.ReadToken()
	if err != nil {
		return rd.syntax(err)
	}
	if tok.Kind() != '0' {
		return at.Problem(model.Problem{Msg: `"chrono" is the format version, a number: "chrono": 1`})
	}
	v, err := tok.Float()
	switch {
	case err != nil:
		return at.Problem(model.Problem{Msg: fmt.Sprintf("format version %v is not a number chrono can read", tok)})
	case v > Version:
		return at.Problem(model.Problem{Msg: fmt.Sprintf("written by a newer chrono (format version %v; this chrono reads version %d): upgrade chrono to read it", tok, Version)})
	case v != Version:
		return at.Problem(model.Problem{Msg: fmt.Sprintf("format version %v is not one chrono knows (it reads version %d)", tok, Version)})
	}
	return nil
}

func (rd *reader) str(at model.Place, name string) (string, error) {
	tok, err := rd.dec.ReadToken()
	if err != nil {
		return "", rd.syntax(err)
	}
	switch tok.Kind() {
	case '"':
		return tok.String(), nil
	case 'n':
		return "", nil
	}
	return "", model.Report(rd.sink, at.Problem(model.Problem{Msg: fmt.Sprintf("%q: want a string, found %s", name, KindName(tok.Kind()))}))
}

// array reads an array whose elements each go to element with their
// position from 1.
func (rd *reader) array(at model.Place, name string, element func(v jsontext.Value, n int, at func() model.Place) error) error {
	switch rd.dec.PeekKind() {
	case 'n':
		return rd.skip()
	case '[':
	default:
		if err := model.Report(rd.sink, at.Problem(model.Problem{Msg: fmt.Sprintf("%q: want an array, found %s", name, KindName(rd.dec.PeekKind()))})); err != nil {
			return err
		}
		return rd.skip()
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	for n := 1; rd.dec.PeekKind() != ']'; n++ {
		at := rd.offset()
		rd.startRecord(at)
		v, err := rd.dec.ReadValue()
		if err != nil {
			return rd.syntax(err)
		}
		// The position is worked out only for a problem: counting lines
		// for every value would cost more than decoding it.
		if err := element(v, n, func() model.Place { return rd.pos.position(at) }); err != nil {
			return err
		}
	}
	return rd.endArray()
}

func (rd *reader) endArray() error {
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	return nil
}

// deliver sends a decoded event to the sink, after its problems, with
// where it begins and the fields its record has.
func (rd *reader) deliver(e *model.Event, n int, at model.Place, problems []string, twice placedMsg, present model.FieldSet) error {
	for _, msg := range problems {
		if err := model.Report(rd.sink, at.Problem(model.Problem{Part: model.EventPart, ID: e.ID, N: n, Msg: msg})); err != nil {
			return err
		}
	}
	if twice.msg != "" {
		if err := model.Report(rd.sink, twice.at.Problem(model.Problem{Part: model.EventPart, ID: e.ID, N: n, Msg: twice.msg})); err != nil {
			return err
		}
	}
	if l, ok := rd.sink.(model.Locator); ok {
		l.EventAt(n, at)
	}
	return model.SendEvent(rd.sink, *e, n, present)
}

func (rd *reader) source(v jsontext.Value, n int, at func() model.Place) error {
	var s model.Source
	if v.Kind() != '{' {
		return model.Report(rd.sink, at().Problem(model.Problem{Part: model.SourcePart, N: n, Msg: fmt.Sprintf("a source is an object, found %s", KindName(v.Kind()))}))
	}
	problems := rd.values.decode(v, &s)
	for _, msg := range problems {
		if err := model.Report(rd.sink, at().Problem(model.Problem{Part: model.SourcePart, ID: s.ID, N: n, Msg: msg})); err != nil {
			return err
		}
	}
	if place, msg, ok := keyTwice(v, at()); ok {
		if err := model.Report(rd.sink, place.Problem(model.Problem{Part: model.SourcePart, ID: s.ID, N: n, Msg: msg})); err != nil {
			return err
		}
	}
	if l, ok := rd.sink.(model.SourceLocator); ok {
		l.SourceAt(n, at())
	}
	return rd.sink.Source(s, n)
}

// valueDecoder decodes sources and events, one goroutine's worth: it
// collects the problems of the value it is decoding.
type valueDecoder struct {
	fast            fastReader // the walk, for events it takes
	strict, lenient json.Options
	// dateProblems collects bad dates met while decoding one value; the
	// decoder goes on past them so that the rest of the value is checked.
	dateProblems []string
}

func newValueDecoder() *valueDecoder {
	vd := &valueDecoder{}
	// A key given twice is said by keyTwice before a value is decoded.
	vd.strict = json.JoinOptions(
		json.RejectUnknownMembers(true),
		json.WithUnmarshalers(json.UnmarshalFromFunc(vd.unmarshalDate)),
		anyKeyTwice,
	)
	vd.lenient = json.JoinOptions(json.WithUnmarshalers(json.UnmarshalFromFunc(vd.unmarshalDate)), anyKeyTwice)
	return vd
}

// decode unmarshals one source or event strictly and returns what is
// wrong with it. When the strict decode fails part way, a lenient one
// fills in what it can, so that the value's id and the rest of its
// problems are still known.
func (vd *valueDecoder) decode(v jsontext.Value, into any) []string {
	// Each decode starts from nothing: one that stopped part way (or
	// decodeFast, before it gave up) left what it had read.
	target := reflect.ValueOf(into).Elem()
	target.SetZero()
	vd.dateProblems = vd.dateProblems[:0]
	err := json.Unmarshal(v, into, vd.strict)
	if err == nil {
		return slices.Clone(vd.dateProblems)
	}
	problems := []string{describeSemantic(err)}
	for range maxMembers {
		vd.dateProblems = vd.dateProblems[:0]
		target.SetZero()
		err := json.Unmarshal(v, into, vd.lenient)
		if err == nil {
			return append(problems, vd.dateProblems...)
		}
		// A value of the wrong kind stops the decoder there. It is one
		// problem, said once; its member goes, and the rest is read
		// again, so that a later member is neither left out unsaid nor
		// taken for missing.
		if msg := describeSemantic(err); !slices.Contains(problems, msg) {
			problems = append(problems, msg)
		}
		var se *json.SemanticError
		if !errors.As(err, &se) {
			break
		}
		member, ok := firstToken(se.JSONPointer)
		if !ok {
			break
		}
		if v, ok = withoutMember(v, member); !ok {
			break
		}
	}
	return problems // the value is unusable; its id may still be set
}

// maxMembers bounds the decodes of one value with its faulty members
// taken out one at a time.
const maxMembers = 32

// firstToken is the member of the value a pointer starts with.
func firstToken(ptr jsontext.Pointer) (string, bool) {
	for tok := range ptr.Tokens() {
		return tok, true
	}
	return "", false
}

// withoutMember returns the object v without its member name.
func withoutMember(v jsontext.Value, name string) (jsontext.Value, bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(v))
	var out bytes.Buffer
	enc := jsontext.NewEncoder(&out)
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' || enc.WriteToken(jsontext.BeginObject) != nil {
		return nil, false
	}
	found := false
	for dec.PeekKind() == '"' {
		tok, err := dec.ReadToken()
		if err != nil {
			return nil, false
		}
		key := tok.String()
		val, err := dec.ReadValue()
		if err != nil {
			return nil, false
		}
		if key == name {
			found = true
			continue
		}
		if enc.WriteToken(jsontext.String(key)) != nil || enc.WriteValue(val) != nil {
			return nil, false
		}
	}
	if enc.WriteToken(jsontext.EndObject) != nil || !found {
		return nil, false
	}
	return bytes.TrimSpace(out.Bytes()), true
}

// unmarshalDate reads an EDTF date and, when it is not valid, notes the
// problem and leaves the date undated so that decoding goes on.
func (vd *valueDecoder) unmarshalDate(dec *jsontext.Decoder, d *model.Date) error {
	field := dec.StackPointer().LastToken()
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		*d = model.Date{}
		return nil
	case '"':
	default:
		vd.dateProblems = append(vd.dateProblems, fmt.Sprintf("%s: want an EDTF date string such as \"2017-08\", found %s", field, KindName(tok.Kind())))
		return nil
	}
	parsed, err := model.ParseDate(tok.String())
	if err != nil {
		var de *model.DateError
		if errors.As(err, &de) {
			msg := de.Msg
			if advice := model.DateAdvice(de.Text, "chrono JSON"); advice != "" {
				msg = advice
			}
			vd.dateProblems = append(vd.dateProblems, fmt.Sprintf("%s %q: %s", field, de.Text, msg))
		} else {
			vd.dateProblems = append(vd.dateProblems, fmt.Sprintf("%s: %v", field, err))
		}
		*d = model.Date{}
		return nil
	}
	*d = parsed
	return nil
}

// describeSemantic says what is wrong with a well-formed value, naming the
// field as a person would count it: `quote #1: unknown field "spekaer"`.
func describeSemantic(err error) string {
	var se *json.SemanticError
	if !errors.As(err, &se) {
		var syn *jsontext.SyntacticError
		if errors.As(err, &syn) {
			return describeSyntax(syn)
		}
		return err.Error()
	}
	ptr := se.JSONPointer
	if errors.Is(se.Err, json.ErrUnknownName) {
		msg := fmt.Sprintf("unknown field %q", ptr.LastToken())
		if near := model.Suggest(ptr.LastToken(), memberNames(se.GoType)); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return fieldPath(ptr.Parent(), msg)
	}
	if se.GoType == reflect.TypeFor[time.Time]() {
		// The struct a time decodes into says nothing to the person who
		// wrote it.
		found := "a string that is not one"
		if se.JSONKind != '"' && se.JSONKind != 0 {
			found = KindName(se.JSONKind)
		}
		return fieldPath(ptr, `want an RFC 3339 time with its offset, such as "2021-01-01T09:30:00Z", found `+found)
	}
	want := "a different type"
	if se.GoType != nil {
		want = goKind(se.GoType.Kind().String())
	}
	return fieldPath(ptr, fmt.Sprintf("want %s, found %s", want, KindName(se.JSONKind)))
}

// memberNames lists the JSON members of a struct type, for suggesting
// one in place of a misspelt field.
func memberNames(t reflect.Type) []string {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" {
			names = append(names, cmp.Or(name, f.Name))
		}
	}
	return names
}

// fieldPath prefixes msg with a JSON pointer written for people:
// /quotes/0/stance becomes "quote #1: stance".
func fieldPath(ptr jsontext.Pointer, msg string) string {
	var parts []string
	for tok := range ptr.Tokens() {
		if n, ok := index(tok); ok && len(parts) > 0 {
			parts[len(parts)-1] = fmt.Sprintf("%s #%d", itemName(parts[len(parts)-1]), n+1)
			continue
		}
		parts = append(parts, tok)
	}
	if len(parts) == 0 {
		return msg
	}
	return strings.Join(parts, ": ") + ": " + msg
}

func index(tok string) (int, bool) {
	if tok == "" {
		return 0, false
	}
	n := 0
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// KindName names a JSON value's kind for messages: "a string", "null".
func KindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "nothing"
}

func goKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "a boolean"
	}
	return "a number"
}
