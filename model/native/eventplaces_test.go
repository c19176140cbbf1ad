package native

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestReadEventPlacesProblemsAtTheirMembers: the problems of an event
// edited by hand are each placed on the line of the member they are
// about, in the lines of the text as the editor shows it (comments
// included), and every one is said, the event's own checks as well.
func TestReadEventPlacesProblemsAtTheirMembers(t *testing.T) {
	text := `// chrono could not read this event; fix it and save:
//   1:23: event "a" (#1): an earlier try
{
  "id": "a",
  "date": "2018-13-02",
  "titel": "Renamed",
  "status": "bogus",
  "quotes": [{"text": "q", "source": "s", "stance": "x"}]
}
`
	_, err := ReadEvent([]byte(text))
	if err == nil {
		t.Fatal("read without a problem")
	}
	want := []string{
		`6:3: event "a" (#1): unknown field "titel"`,
		`5:3: event "a" (#1): date "2018-13-02": month 13 out of range`,
		`3:1: event "a" (#1): title: missing`,
		`7:3: event "a" (#1): status "bogus": not one of`,
		`8:14: event "a" (#1): quote #1: stance "x": not one of`, // at the quote
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d:\n%s", len(got), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d: %q, want it to begin %q", i+1, got[i], w)
		}
	}
	// On the first line, where the reader saw the event after a prefix.
	_, err = ReadEvent([]byte(`{"id": "a", "title": "T", "status": "bogus"}`))
	if err == nil || !strings.HasPrefix(err.Error(), `1:27: event "a" (#1): status "bogus"`) {
		t.Errorf("one line: %v", err)
	}
	_, err = ReadEvent([]byte(`{"id":"x",,"title":"y"}`))
	if err == nil || !strings.HasPrefix(err.Error(), "1:11: invalid JSON") {
		t.Errorf("a syntax error on the first line: %v", err)
	}
}

// TestMemberPlacesOfALongArray: each item of an array is placed without
// reading the event again from its start, so an event of many tags with
// a problem is placed in a moment, and at the same places as lineCol.
func TestMemberPlacesOfALongArray(t *testing.T) {
	const n = 100_000
	body := []byte(`{"id":"a","title":"Ä","tags":[` + strings.Repeat(`"é",`, n) + "\n  \"b\"]}")
	start := time.Now()
	places := memberPlaces(body)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("placing %d items took %v", n, took)
	}
	text := string(body)
	for key, want := range map[string][2]int{
		"title":                lineCol(body, strings.Index(text, `"title"`)),
		"tags/0":               lineCol(body, strings.Index(text, `"é"`)),
		fmt.Sprint("tags/", n): lineCol(body, strings.LastIndex(text, `"b"`)),
	} {
		if got := places[key]; got != want {
			t.Errorf("%s at %v, want %v", key, got, want)
		}
	}
}
