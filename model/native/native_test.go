package native

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

func readAll(t *testing.T, doc string) (model.Timeline, error) {
	t.Helper()
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	err := Read(strings.NewReader(doc), chk)
	if err == nil {
		err = chk.Done()
	}
	return c.Timeline, err
}

func events(es []model.Event) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func TestReadExample(t *testing.T) {
	doc, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := readAll(t, string(doc))
	if err != nil {
		t.Fatalf("the example does not read: %v", err)
	}
	if len(tl.Events) < 12 || len(tl.Sources) < 1 || tl.Title == "" {
		t.Fatalf("example read as %d events, %d sources, title %q", len(tl.Events), len(tl.Sources), tl.Title)
	}
	call := tl.Events[0]
	if call.ID != "nso-mobileum-call" || call.Date.String() != "2017-08" || call.Status != model.Denied {
		t.Errorf("first event = %s %s %s", call.ID, call.Date, call.Status)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	doc, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := readAll(t, string(doc))
	if err != nil {
		t.Fatal(err)
	}
	written, edited := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 5, 11, 30, 0, 0, time.UTC)
	want.Events[0].Notes = []model.Note{
		{Text: "check the call logs"},
		{Text: "ask Tye", Author: "bo", At: written},
		{Text: "ask Tye and Lieu", Author: "bo", At: written, Edited: edited, EditedBy: "cy"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, want.Header, want.Sources, events(want.Events)); err != nil {
		t.Fatal(err)
	}
	// Only the note edited says it was: the others are written as they
	// were before chrono kept edits.
	for _, member := range []string{`"edited": "2026-12-05T11:30:00Z"`, `"edited_by": "cy"`} {
		if n := strings.Count(buf.String(), strings.SplitAfter(member, ":")[0]); n != 1 || !strings.Contains(buf.String(), member) {
			t.Errorf("%s: its member is written %d times, want once:\n%s", member, n, buf.String())
		}
	}
	got, err := readAll(t, buf.String())
	if err != nil {
		t.Fatalf("export does not read back: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the timeline")
	}
	if strings.HasSuffix(buf.String(), "\n\n") {
		t.Errorf("output ends with a blank line")
	}
}

func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{
			"bad date with its place",
			`{"chrono":1,"events":[{"id":"a","title":"A"},{"id":"fbi-tip","date":"2017-13","title":"T"}]}`,
			[]string{`1:46: event "fbi-tip" (#2): date "2017-13": month 13 out of range`},
		},
		{
			// A key twice is its value's problem: the values after it
			// are still read, and their problems listed.
			"a key twice in a source or an event, and the problems after it",
			"{\"chrono\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"x\", \"title\": \"y\", \"url\": 3}],\n" +
				"\"events\": [{\"id\": \"a\", \"date\": \"2017-13\", \"title\": \"x\", \"quotes\": [{\"text\": \"q\", \"text\": \"r\"}]},\n" +
				"{\"id\": \"b\", \"date\": \"2018\", \"title\": \"y\", \"title\": \"z\"},\n" +
				"{\"id\": \"c\", \"date\": \"nope\", \"title\": \"w\"}]}",
			[]string{
				`1:27: source "s" (#1): url: want a string, found a number`,
				`1:53: source "s" (#1): key "title" appears twice in the same object: keep one`,
				`2:12: event "a" (#1): date "2017-13": month 13 out of range`,
				`2:82: event "a" (#1): key "text" appears twice in the same object: keep one`,
				`3:43: event "b" (#2): key "title" appears twice in the same object: keep one`,
				`4:1: event "c" (#3): date "nope": a year needs four digits (or Y and more digits)`,
			},
		},
		{
			"a key twice in a line of JSON Lines, and the lines after it",
			"{\"id\": \"a\", \"date\": \"2017-13\", \"title\": \"x\"}\n" +
				"{\"id\": \"b\", \"date\": \"2018\", \"title\": \"y\", \"title\": \"z\"}\n" +
				"{\"id\": \"c\", \"date\": \"nope\", \"title\": \"w\"}\n",
			[]string{
				`1:1: event "a" (#1): date "2017-13": month 13 out of range`,
				`2:43: event "b" (#2): key "title" appears twice in the same object: keep one`,
				`3:1: event "c" (#3): date "nope": a year needs four digits (or Y and more digits)`,
			},
		},
		{
			"every problem of an event",
			`{"chrono":1,"events":[{"id":"x","date":"2017-13","title":"","status":"rumour"}]}`,
			[]string{
				`1:23: event "x" (#1): date "2017-13": month 13 out of range`,
				`1:23: event "x" (#1): title: missing`,
				`1:23: event "x" (#1): status "rumour": not one of confirmed, reported, alleged, disputed, denied`,
			},
		},
		{
			"unknown field in an event",
			`{"chrono":1,"events":[{"id":"x","dat":"2017","title":"T"}]}`,
			[]string{`1:23: event "x" (#1): unknown field "dat" (did you mean "date"?)`},
		},
		{
			"unknown field in a quote",
			`{"chrono":1,"events":[{"id":"x","title":"T","quotes":[{"text":"q"},{"text":"r","spekaer":"M"}]}]}`,
			[]string{`1:23: event "x" (#1): quote #2: unknown field "spekaer" (did you mean "speaker"?)`},
		},
		{
			"unknown top-level field",
			"{\"chrono\":1,\n \"evnets\":[],\"events\":[]}",
			[]string{`2:2: unknown field "evnets" (did you mean "events"?)`},
		},
		{
			"a note's time not in RFC 3339",
			`{"chrono":1,"events":[{"id":"x","title":"T","notes":[{"text":"n","at":"2021-01-01"}]},{"id":"y","title":"T","notes":[{"text":"m","at":5}]}]}`,
			[]string{
				`1:23: event "x" (#1): note #1: at: want an RFC 3339 time with its offset, such as "2021-01-01T09:30:00Z", found a string that is not one`,
				`1:87: event "y" (#2): note #1: at: want an RFC 3339 time with its offset, such as "2021-01-01T09:30:00Z", found a number`,
			},
		},
		{
			"wrong type",
			`{"chrono":1,"events":[{"id":"x","title":"T","tags":"a"}]}`,
			[]string{`1:23: event "x" (#1): tags: want an array, found a string`},
		},
		{
			"a title of the wrong kind is one problem, not also a missing title",
			`{"chrono":1,"events":[{"id":"x","title":42}]}`,
			[]string{`1:23: event "x" (#1): title: want a string, found a number`},
		},
		{
			"an id of the wrong kind is one problem",
			`{"chrono":1,"events":[{"id":5,"title":"T"}]}`,
			[]string{`1:23: event #1: id: want a string, found a number`},
		},
		{
			"every fault after an unknown field, and nothing that is there taken for missing",
			`{"chrono":1,"events":[{"id":"x","sumary":"S","actors":7,"title":"T","date":"2017-13"}]}`,
			[]string{
				`1:23: event "x" (#1): unknown field "sumary" (did you mean "summary"?)`,
				`1:23: event "x" (#1): actors: want an array, found a number`,
				`1:23: event "x" (#1): date "2017-13": month 13 out of range`,
			},
		},
		{
			"a quote's text of the wrong kind is one problem",
			`{"chrono":1,"events":[{"id":"x","title":"T","quotes":[{"text":42}]}]}`,
			[]string{`1:23: event "x" (#1): quote #1: text: want a string, found a number`},
		},
		{
			"two members of the wrong kind, each said once",
			`{"chrono":1,"events":[{"id":"x","title":true,"tags":"a"}]}`,
			[]string{
				`1:23: event "x" (#1): title: want a string, found a boolean`,
				`1:23: event "x" (#1): tags: want an array, found a string`,
			},
		},
		{
			"a source's id of the wrong kind is one problem",
			`{"chrono":1,"sources":[{"id":5,"title":"T"}],"events":[]}`,
			[]string{`1:24: source #1: id: want a string, found a number`},
		},
		{
			"date not a string",
			`{"chrono":1,"events":[{"id":"x","title":"T","date":2017}]}`,
			[]string{`1:23: event "x" (#1): date: want an EDTF date string such as "2017-08", found a number`},
		},
		{
			"duplicate ids",
			`{"chrono":1,"events":[{"id":"x","title":"T"},{"id":"x","title":"U"}]}`,
			[]string{`1:46: event "x" (#2): id "x": already used by event #1`},
		},
		{
			"unknown references",
			`{"chrono":1,"sources":[{"id":"wapo"}],"events":[{"id":"x","title":"T","date_text":"last year","date_source":"nyt","quotes":[{"text":"q","source":"wapo"},{"text":"r","source":"ft"}],"links":[{"rel":"disputes","event":"y"}]}]}`,
			[]string{
				`1:49: event "x" (#1): date_source "nyt": no such source`,
				`1:49: event "x" (#1): quote #2: source "ft": no such source`,
				`1:49: event "x" (#1): link #1: event "y": no such event`,
			},
		},
		{
			"forward references resolve",
			`{"chrono":1,"events":[{"id":"x","title":"T","quotes":[{"text":"q","source":"wapo"}],"links":[{"rel":"disputes","event":"y"}]},{"id":"y","title":"U"}],"sources":[{"id":"wapo"}]}`,
			nil,
		},
		{
			"newer version",
			`{"chrono":2,"events":[]}`,
			[]string{`1:11: written by a newer chrono (format version 2; this chrono reads version 1): upgrade chrono to read it`},
		},
		{
			"missing events",
			`{"chrono":1}`,
			[]string{`1:1: "events" missing: a chrono document lists its events, even if none: "events": []`},
		},
		{
			"events null",
			`{"chrono":1,"events":null}`,
			[]string{`1:13: "events" is null: a chrono document lists its events, even if none: "events": []`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.doc)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			got := strings.Split(err.Error(), "\n")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadSyntaxErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"bad token", "{\"chrono\": 1,\n  \"events\": [x]}", "2:14: invalid JSON"},
		{"duplicate key", "{\"chrono\": 1, \"events\": [], \"events\": []}", `1:29: key "events" appears twice in the same object: keep one`},
		{"duplicate key in an event", "{\"chrono\": 1, \"events\": [{\"id\": \"a\", \"title\": \"x\", \"title\": \"y\"}]}", `key "title" appears twice in the same object`},
		{"trailing data", "{\"chrono\": 1, \"events\": []} {}", "1:29: unexpected data after the end of the document"},
		// The fault that stops the reading is said, not the key twice before it.
		{"a key twice, then a fault", "{\"chrono\": 1, \"events\": [{\"id\": \"a\", \"title\": \"x\", \"title\": \"y\", \"summary\": \"\xff\"}]}", "1:78: invalid JSON: invalid UTF-8"},
		{"cut short", "{\"chrono\": 1, \"events\": [{\"id\"", "the document ends too early"},
		{"invalid utf-8", "{\"chrono\": 1, \"title\": \"\xff\", \"events\": []}", "invalid UTF-8"},
		{"not an object", "1", "1:1: a chrono document is a JSON object"},
		{"an array", "[1, 2]", "1:1: a chrono document is a JSON object, not an array: put the events in one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			var p model.Problem
			if !errors.As(err, &p) || p.Line == 0 && p.Byte == 0 {
				t.Errorf("error %v carries no position", err)
			}
		})
	}
}

func TestInFile(t *testing.T) {
	_, err := readAll(t, `{"chrono":1,"events":[{"id":"fbi-tip","date":"2017-13","title":"T"}]}`)
	got := model.InFile("tips.json", err).Error()
	if want := `tips.json:1:23: event "fbi-tip" (#1): date "2017-13": month 13 out of range`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = readAll(t, "{\n  \"chrono\": 1,\n  \"events\": [,]}")
	if got := model.InFile("tips.json", err).Error(); !strings.HasPrefix(got, "tips.json:3:14: ") {
		t.Errorf("got %q, want tips.json:3:14: ...", got)
	}
}

// FuzzRead's seed corpus, the example investigation among it, is in
// testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, doc string) {
		var c model.Collect
		chk := model.NewChecker(&c, nil)
		if err := Read(strings.NewReader(doc), chk); err != nil {
			return
		}
		if chk.Done() != nil {
			return
		}
		// Whatever reads cleanly must write and read back to the same.
		var buf bytes.Buffer
		if err := Write(&buf, c.Timeline.Header, c.Timeline.Sources, events(c.Timeline.Events)); err != nil {
			t.Fatalf("write: %v", err)
		}
		var back model.Collect
		chk = model.NewChecker(&back, nil)
		if err := Read(&buf, chk); err != nil {
			t.Fatalf("read back: %v", err)
		}
		if err := chk.Done(); err != nil {
			t.Fatalf("read back: %v", err)
		}
		if !reflect.DeepEqual(normalise(back.Timeline), normalise(c.Timeline)) {
			t.Fatalf("round trip changed the timeline")
		}
	})
}

// normalise treats empty and nil slices alike, as JSON does.
func normalise(t model.Timeline) model.Timeline {
	if len(t.Sources) == 0 {
		t.Sources = nil
	}
	if len(t.Events) == 0 {
		t.Events = nil
	}
	events := slices.Clone(t.Events)
	for i := range events {
		e := &events[i]
		e.Actors, e.Tags = nilIfEmpty(e.Actors), nilIfEmpty(e.Tags)
		e.Quotes, e.Links, e.Notes = nilIfEmpty(e.Quotes), nilIfEmpty(e.Links), nilIfEmpty(e.Notes)
	}
	t.Events = events
	return t
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestDetect(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"chrono": 1, "events": []}`, true},
		{"  \n{\"title\": \"x\", \"sources\": [{\"id\": \"a\"}], \"chrono\": 1", true},
		{`{"title": "x", "chrono"`, true}, // cut off after the name
		{`{"events": [{"start_date": {"year": 2017}}]}`, false},
		{`{"message": "x", "datetime": "2017-08-14"}`, false},
		{`[1, 2]`, false},
		{`id,date,title`, false},
		{``, false},
		{`{"title": "a long title cut off`, false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

// TestValueTooLong: an event, a source or a member of the document longer
// than model.MaxRecordBytes stops the read, at the line and column it
// began, having read no more than the limit and the decoder's read-ahead
// of it: however large the value, it is never held whole.
func TestValueTooLong(t *testing.T) {
	tests := []struct {
		name, before string
		line, column int
	}{
		{"event", `{"chrono": 1, "events": [{"id": "a", "date": "2020", "title": "t"},` + "\n  " + `{"id": "b", "date": "2020", "title": "`, 2, 3},
		{"source", `{"chrono": 1, "sources": [{"id": "a", "publisher": "p"},` + "\n  " + `{"id": "b", "publisher": "`, 2, 3},
		{"member", `{"chrono": 1,` + "\n " + `"description": "`, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &counted{r: io.MultiReader(strings.NewReader(tt.before), xs{})}
			err := Read(doc, model.NewChecker(nil, nil))
			var p model.Problem
			if !errors.As(err, &p) || p.Line != tt.line || p.Column != tt.column || !errors.Is(err, model.ErrRecordTooLarge) {
				t.Errorf("got %v, want a problem at %d:%d saying the value is too long", err, tt.line, tt.column)
			}
			if max := int64(len(tt.before) + model.MaxRecordBytes + 2<<20); doc.n > max {
				t.Errorf("read %d bytes before refusing the value, more than the limit and its slack (%d)", doc.n, max)
			}
		})
	}
}

// counted counts the bytes read through it.
type counted struct {
	r io.Reader
	n int64
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// xs is an endless reader of x.
type xs struct{}

func (xs) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}
