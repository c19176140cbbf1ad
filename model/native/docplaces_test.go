package native

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// TestPlaceInDocument: a problem of an event's content, which the reader
// places at the event's opening brace, is moved to the member it names,
// in documents as people and programs write them.
func TestPlaceInDocument(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // the problems' places and messages, as listed
	}{
		{"indented", "{\"chrono\": 1,\n \"events\": [\n  {\n    \"id\": \"a\",\n    \"title\": \"A\",\n    \"staus\": \"alleged\",\n    \"date\": \"2018-13\"\n  }\n ]\n}\n",
			[]string{`f:6:5: event "a" (#1): unknown field "staus" (did you mean "status"?)`, `f:7:5: event "a" (#1): date "2018-13": month 13 out of range`}},
		{"one line", `{"chrono":1,"events":[{"id":"e","title":"ÉÉ","date":"2018-13"}]}`,
			[]string{`f:1:46: event "e" (#1): date "2018-13": month 13 out of range`}},
		{"after a byte order mark", "\ufeff{\"chrono\":1,\"events\":[\n{\"id\":\"a\",\"title\":\"A\",\n \"date\":\"2018-13\"}]}",
			[]string{`f:3:2: event "a" (#1): date "2018-13": month 13 out of range`}},
		// A date as people write it, and a source's words for one, say
		// what to write instead of the parser's words.
		{"dates in words", `{"chrono":1,"events":[{"id":"a","title":"A","date":"Aug 2017"},{"id":"b","title":"B","date":"last year"}]}`,
			[]string{`f:1:45: event "a" (#1): date "Aug 2017": chrono JSON dates are EDTF: write it 2017-08`,
				`f:1:86: event "b" (#2): date "last year": a source's words, not a date: give them as date_text, with date_source naming the source whose publication date anchors them`}},
		// A problem of an item is at the item: each quote's source, each
		// link's event, at its own place, not all at the array.
		{"items", "{\"chrono\":1,\"events\":[\n{\"id\":\"a\",\"title\":\"A\",\"quotes\":[\n  {\"text\":\"x\",\"source\":\"s1\"},\n  {\"text\":\"y\",\"source\":\"s2\"}],\n \"links\": [{\"rel\":\"follows\",\"event\":\"a\"}, {\"rel\":\"follows\",\"event\":\"zz\"}]}]}",
			[]string{`f:3:3: event "a" (#1): quote #1: source "s1": no such source`, `f:4:3: event "a" (#1): quote #2: source "s2": no such source`,
				`f:5:12: event "a" (#1): link #1: links the event to itself`, `f:5:43: event "a" (#1): link #2: event "zz": no such event`}},
		{"second event", "{\"chrono\":1,\"events\":[\n{\"id\":\"a\",\"title\":\"A\"},\n{\"id\":\"b\",\n\"title\":\"B\",\n\"status\":\"rumour\"}]}",
			[]string{`f:5:1: event "b" (#2): status "rumour": not one of confirmed, reported, alleged, disputed, denied`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := model.NewChecker(nil, nil)
			ch.NextFile("f")
			err := Read(strings.NewReader(tt.doc), ch)
			if err == nil {
				err = ch.Done()
			}
			var ps *model.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("read: %v, want problems", err)
			}
			for i := range ps.List {
				ps.List[i].File = "f" // as an import names them
			}
			if err := PlaceInDocument(bytes.NewReader([]byte(tt.doc)), "f", ps.List); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps.List {
				got = append(got, p.Error())
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("placed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// FuzzPlaceInDocument: any bytes and any place are read without a panic,
// and a problem moved is moved to a member's name, the quotation mark
// that opens it.
func FuzzPlaceInDocument(f *testing.F) {
	f.Add([]byte("{\"events\":[\n {\"id\":\"a\",\n  \"date\":\"x\"}]}"), 2, 2, "date: bad")
	f.Add([]byte("\ufeff{\"a\":1}"), 1, 1, `unknown field "a"`)
	f.Add([]byte("{\"é\":\n\"x\"}"), 1, 1, `unknown field "é"`)
	f.Fuzz(func(t *testing.T, doc []byte, line, col int, msg string) {
		ps := []model.Problem{{File: "f", Part: model.EventPart, N: 1, Line: line, Column: col, Msg: msg}}
		if line > 1000 || line < 0 || col < 0 {
			return // a place past the document only reads it to the end
		}
		if err := PlaceInDocument(bytes.NewReader(doc), "f", ps); err != nil {
			t.Fatal(err)
		}
		p := ps[0]
		if p.Line == line && p.Column == col {
			return
		}
		offsets, _ := byteOffsets(bytes.NewReader(doc), map[[2]int]bool{{p.Line, p.Column}: true})
		off, ok := offsets[[2]int{p.Line, p.Column}]
		if !ok || doc[off] != '"' {
			t.Errorf("moved from %d:%d to %d:%d, not a member's name in %q", line, col, p.Line, p.Column, doc)
		}
	})
}
