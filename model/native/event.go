package native

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"chrono/model"
)

// WriteEvent writes one event, whole (its quotes, links and notes), as an
// indented JSON object of the native format: the text an investigator
// edits by hand and ReadEvent reads back.
func WriteEvent(w io.Writer, e model.Event) error {
	enc := jsontext.NewEncoder(w, jsontext.Multiline(true), jsontext.WithIndent("  "))
	return json.MarshalEncode(enc, e)
}

// ReadEvent reads one event written as WriteEvent writes it, as strictly
// as Read reads a document: an unknown field, a bad date, a missing title
// are problems, all of them reported at once as model.Problems with their
// lines. Lines that start with // are comments and are left out, so that
// an editor's text can carry the problems of the last try at its top.
func ReadEvent(text []byte) (model.Event, error) {
	body := StripComments(text)
	if len(bytes.TrimSpace(body)) == 0 {
		return model.Event{}, errEmptyEvent
	}
	if p, ok := afterTheEvent(body); ok {
		return model.Event{}, p
	}
	// The event goes into a document on its first line, so that the
	// problems' lines are the lines of the text.
	doc := append([]byte(eventDocStart), body...)
	doc = append(doc, "\n]}"...)
	sink := &eventSink{}
	err := Read(bytes.NewReader(doc), sink)
	switch {
	case err != nil:
		var p model.Problem
		if errors.As(err, &p) && p.Line == 1 && p.Column > len(eventDocStart) {
			// A fault in the text's first line, placed in the document.
			p.Column -= len(eventDocStart)
			return model.Event{}, p
		}
		return model.Event{}, err
	case len(sink.events) != 1:
		sink.problems.Add(model.Problem{Msg: "write one event: a single JSON object {\"id\": ..., \"title\": ...}"})
	default:
		// As an import checks each event: every fault, the reader's and
		// the event's own, but none twice for one field.
		e := sink.events[0]
		said := map[string]bool{}
		for _, p := range sink.problems.List {
			said[memberNamed(p.Msg)] = true
		}
		for _, msg := range e.Check() {
			if !said[memberNamed(msg)] {
				sink.problems.Add(model.Problem{Part: model.EventPart, ID: e.ID, N: 1, Msg: msg})
			}
		}
	}
	if sink.problems.Len() > 0 {
		placeAtMembers(body, len(eventDocStart), &sink.problems)
	}
	if err := sink.problems.Err(); err != nil {
		return model.Event{}, err
	}
	return sink.events[0], nil
}

// afterTheEvent is the problem of a text that goes on after the event's
// object: read inside a document, it would be said to come after an
// array's element, which the text has none of.
func afterTheEvent(body []byte) (model.Problem, bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(body))
	if _, err := dec.ReadValue(); err != nil {
		return model.Problem{}, false // the document's reading says what
	}
	end := int(dec.InputOffset())
	rest := bytes.TrimLeft(body[end:], " \t\r\n")
	if len(rest) == 0 {
		return model.Problem{}, false
	}
	at := advance(model.Place{Line: 1, Column: 1}, body[:len(body)-len(rest)])
	return at.Problem(model.Problem{Msg: "unexpected data after the event's object: write one event, a single JSON object {\"id\": ..., \"title\": ...}, and nothing after it"}), true
}

// eventDocStart is what ReadEvent puts before an event to read it as a
// document, on the event's first line.
const eventDocStart = `{"chrono":1,"events":[`

// errEmptyEvent is what an editor's text with nothing left in it is: the
// edit given up, not a problem.
var errEmptyEvent = errors.New("nothing to read: the text is empty")

// IsEmptyEvent reports whether ReadEvent found nothing but comments.
func IsEmptyEvent(err error) bool { return errors.Is(err, errEmptyEvent) }

// StripComments blanks the lines of text that start with //, keeping the
// line breaks so that lines keep their numbers. JSON strings cannot span
// lines, so no such line is inside one.
func StripComments(text []byte) []byte {
	lines := bytes.Split(text, []byte("\n"))
	for i, l := range lines {
		if bytes.HasPrefix(bytes.TrimLeft(l, " \t"), []byte("//")) {
			lines[i] = nil
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

// WithProblems puts the problems of err at the top of text as a block of
// // comments, in place of the block of the last try, as `kubectl edit`
// does: the investigator sees what to fix, and ReadEvent skips them.
func WithProblems(text []byte, err error) []byte {
	var b bytes.Buffer
	b.WriteString("// chrono could not read this event; fix it and save, or empty the file to give up:\n")
	for _, l := range strings.Split(err.Error(), "\n") {
		b.WriteString("//   " + l + "\n")
	}
	b.Write(withoutTopComments(text))
	return b.Bytes()
}

// withoutTopComments is text without the block of // lines it starts
// with.
func withoutTopComments(text []byte) []byte {
	for len(text) > 0 {
		line, rest, _ := bytes.Cut(text, []byte("\n"))
		if !bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("//")) {
			break
		}
		text = rest
	}
	return text
}

// Reopen is the text to open in the editor again when check (a read of
// the event) finds problems in edited: edited without the block of
// problems its last try had on top, under a block of those check finds,
// each placed at its line as it stands in the text returned (the block
// moves the text down by as many lines as it has). Without problems, it
// is edited without the block.
func Reopen(edited []byte, check func(text []byte) error) []byte {
	body := withoutTopComments(edited)
	err := check(body)
	if err == nil {
		return body
	}
	// Read again below as many blank lines as the block will have, the
	// problems are placed as they will stand; their number of lines does
	// not change with their places.
	top := strings.Count(err.Error(), "\n") + 2
	if again := check(append(bytes.Repeat([]byte("\n"), top), body...)); again != nil && strings.Count(again.Error(), "\n")+2 == top {
		err = again
	}
	return WithProblems(body, err)
}

// eventSink collects the events and problems of a read.
type eventSink struct {
	events   []model.Event
	problems model.Problems
}

func (s *eventSink) Header(model.Header) error        { return nil }
func (s *eventSink) Source(model.Source, int) error   { return nil }
func (s *eventSink) Event(e model.Event, _ int) error { s.events = append(s.events, e); return nil }
func (s *eventSink) Report(p model.Problem)           { s.problems.Add(p) }
