package native

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"chrono/model"
)

// TestReadLinesOfListJSON reads what `chrono list --json` prints, an
// event object a line, back into the same events.
func TestReadLinesOfListJSON(t *testing.T) {
	d, _ := model.ParseDate("2017-08")
	want := []model.Event{
		{ID: "a", Date: d, Title: "A call", Status: model.Alleged, Tags: []string{"x"}},
		{ID: "b", Title: "B", Links: []model.Link{{Rel: model.DisputedBy, Event: "a"}}},
	}
	var doc bytes.Buffer
	for _, e := range want {
		b, err := MarshalEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		doc.Write(append(b, '\n'))
	}
	if !DetectLines(doc.Bytes()) || Detect(doc.Bytes()) {
		t.Fatalf("JSON Lines of events not recognised as such")
	}
	tl, err := readAll(t, doc.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 2 || tl.Events[0].ID != "a" || tl.Events[1].Links[0].Event != "a" || tl.Events[0].Tags[0] != "x" {
		t.Errorf("read %+v", tl.Events)
	}
}

// TestReadLinesProblems: each problem of a line carries the line and
// column the event begins at, in file order; a source no line declares
// is a problem as it is in a document.
func TestReadLinesProblems(t *testing.T) {
	doc := `{"id": "a", "title": "A", "quotes": [{"text": "q", "source": "wapo"}]}
{"id": "b", "title": "B", "staus": "alleged"}
[1]
  {"id": "c", "date": "2017-13", "title": "C"}
`
	_, err := readAll(t, doc)
	if err == nil {
		t.Fatal("no problems")
	}
	want := []string{
		`1:1: event "a" (#1): quote #1: source "wapo": no such source`,
		`2:1: event "b" (#2): unknown field "staus" (did you mean "status"?)`,
		`3:1: event #3: an event is an object, found an array`,
		`4:3: event "c" (#4): date "2017-13": month 13 out of range`,
	}
	if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestDetectLines(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"id":"a","title":"A"}` + "\n", true},
		{`{"title":"A","id":"a","date":"2017"}` + "\n" + `{"id":"b"`, true},
		{`{"id":"a","title":"A very long title cut`, true},
		{`{"chrono": 1, "events": []}`, false},
		{`{"title": "x", "events": []}`, false},
		{`{"message": "x", "datetime": "2017-08-14", "timestamp_desc": "d"}`, false},
		{`{"title":"A"}`, false}, // no id: not enough to tell
		{`[{"id":"a"}]`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := DetectLines([]byte(tt.head)); got != tt.want {
			t.Errorf("DetectLines(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}
