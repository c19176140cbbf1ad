package native

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"chrono/model"
)

func TestReadEvent(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the title read, or a piece of the error
		ok         bool
	}{
		{"plain", `{"id": "a", "date": "2017-08", "title": "A call"}`, "A call", true},
		{"comments stripped", "// chrono could not read this event\n//   bad\n{\"id\": \"a\", \"title\": \"A call\"}", "A call", true},
		{"indented comment", "{\"id\": \"a\",\n  // a note to self\n \"title\": \"A call\"}", "A call", true},
		{"slashes in a string", `{"id": "a", "title": "// not a comment"}`, "// not a comment", true},
		{"unknown field", `{"id": "a", "title": "A call", "titel": "x"}`, "titel", false},
		{"bad date", `{"id": "a", "title": "A call", "date": "2017-13"}`, "2017-13", false},
		{"missing title", `{"id": "a"}`, "title: missing", false},
		{"bad status", `{"id": "a", "title": "t", "status": "sure"}`, "status", false},
		{"syntax, with its line", "// a comment\n{\"id\": \"a\",\n \"title\": }", "3:11:", false},
		{"two events", `{"id": "a", "title": "t"}, {"id": "b", "title": "u"}`, "one event", false},
		{"text after the event", "// a comment\n{\"id\": \"a\",\n \"title\": \"t\"}\n  {{{ broken", "4:3: unexpected data after the event's object", false},
		{"not an object", `[]`, "", false},
		{"empty", "// only comments\n\n", "empty", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ReadEvent([]byte(tt.text))
			switch {
			case tt.ok && err != nil:
				t.Fatalf("error %v", err)
			case tt.ok && e.Title != tt.want:
				t.Errorf("title %q, want %q", e.Title, tt.want)
			case !tt.ok && err == nil:
				t.Errorf("read %+v, want an error", e)
			case !tt.ok && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestWriteEventReadsBack(t *testing.T) {
	d, _ := model.ParseDate("2017-08")
	e := model.Event{ID: "a", Date: d, Title: "A call", Status: model.Alleged,
		Quotes: []model.Quote{{Text: "We drop bags of cash", Source: "wapo", Stance: model.Asserts}},
		Links:  []model.Link{{Rel: model.DisputedBy, Event: "b"}},
		Notes:  []model.Note{{Text: "ask"}}}
	var b bytes.Buffer
	if err := WriteEvent(&b, e); err != nil {
		t.Fatal(err)
	}
	back, err := ReadEvent(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != e.Title || back.Date != e.Date || len(back.Quotes) != 1 || len(back.Links) != 1 || len(back.Notes) != 1 {
		t.Errorf("read back %+v", back)
	}
}

func TestWithProblemsReplacesTheLastBlock(t *testing.T) {
	text := []byte(`{"id": "a"}`)
	_, err := ReadEvent(text)
	once := WithProblems(text, err)
	twice := WithProblems(once, err)
	if !bytes.Equal(once, twice) {
		t.Errorf("the block of the last try stays:\n%s", twice)
	}
	if !strings.HasPrefix(string(once), "// chrono could not read") || !strings.Contains(string(once), "//   ") || !strings.HasSuffix(string(once), `{"id": "a"}`) {
		t.Errorf("WithProblems:\n%s", once)
	}
	// The same problems, placed on the lines the comments moved them to.
	unplaced := func(err error) string { return regexp.MustCompile(`(?m)^\d+:\d+: `).ReplaceAllString(err.Error(), "") }
	if _, err2 := ReadEvent(once); err2 == nil || unplaced(err2) != unplaced(err) || !strings.HasPrefix(err2.Error(), "3:1: ") {
		t.Errorf("the comments change the reading: %v, want %v at 3:1", err2, err)
	}
}

// TestReopenPlacesTheProblems: the problems put on top of a text to edit
// again name the lines they are on in that text, however many lines the
// block of the last try had.
func TestReopenPlacesTheProblems(t *testing.T) {
	text := []byte("// an older block\n// of three\n// lines\n{\n  \"id\": \"a\",\n  \"titel\": \"x\"\n}")
	check := func(b []byte) error { _, err := ReadEvent(b); return err }
	out := Reopen(text, check)
	lines := strings.Split(string(out), "\n")
	at := regexp.MustCompile(`(?m)^//   (\d+):(\d+): .*unknown field "titel"`).FindStringSubmatch(string(out))
	if at == nil {
		t.Fatalf("no placed problem for titel:\n%s", out)
	}
	n, _ := strconv.Atoi(at[1])
	if n < 1 || n > len(lines) || !strings.Contains(lines[n-1], `"titel"`) {
		t.Errorf("the problem names line %d, which is not the member's:\n%s", n, out)
	}
	if strings.Contains(string(out), "an older block") {
		t.Errorf("the last try's block stays:\n%s", out)
	}
}
