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
	lines := bytes.Split(text, []byte("\n"))
	for len(lines) > 0 && bytes.HasPrefix(bytes.TrimLeft(lines[0], " \t"), []byte("//")) {
		lines = lines[1:]
	}
	var b bytes.Buffer
	b.WriteString("// chrono could not read this event; fix it and save, or empty the file to give up:\n")
	for _, l := range strings.Split(err.Error(), "\n") {
		b.WriteString("//   " + l + "\n")
	}
	b.Write(bytes.Join(lines, []byte("\n")))
	return b.Bytes()
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
