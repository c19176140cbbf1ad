package native

import (
	"reflect"
	"strings"
	"testing"
)

// TestReadWithoutVersion: a document that does not say it is chrono's
// format is a problem that says what is missing, not an import of its
// events.
func TestReadWithoutVersion(t *testing.T) {
	tl, err := readAll(t, `{"title": "x", "events": [{"id": "a", "title": "A"}]}`)
	if err == nil || !strings.Contains(err.Error(), `1:1: "chrono": 1 missing`) {
		t.Fatalf("error %v, read %d events; want \"chrono\": 1 missing", err, len(tl.Events))
	}
}

// TestNearMiss says what a file that is almost chrono JSON lacks.
func TestNearMiss(t *testing.T) {
	tests := []struct{ head, want string }{
		{`{"title": "x", "events": [{"id": "a", "title": "A"}]}`, `"chrono": 1 missing`},
		{`{"sources": [], "events": [`, `"chrono": 1 missing`},
		{`{"chrono": 1, "events": []}`, ""},
		{`{"message": "x"}`, ""},
		{`[1]`, ""},
	}
	for _, tt := range tests {
		if got := NearMiss([]byte(tt.head)); !strings.Contains(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("NearMiss(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestProblemsInFileOrderWithPlaces: every problem of an event carries
// the line and column where the event begins, and problems come out in
// the order of the file, a reference checked at the end among them.
func TestProblemsInFileOrderWithPlaces(t *testing.T) {
	doc := `{"chrono": 1,
 "events": [
  {"id": "a", "title": "A", "staus": "alleged", "quotes": [{"text": "t", "source": "nosuch"}]},
  {"id": "b", "title": "B", "date": "2017-13"},
  {"id": "a", "title": ""}
 ]}`
	_, err := readAll(t, doc)
	if err == nil {
		t.Fatal("no problems")
	}
	want := []string{
		`3:3: event "a" (#1): unknown field "staus" (did you mean "status"?)`,
		`3:3: event "a" (#1): quote #1: source "nosuch": no such source`,
		`4:3: event "b" (#2): date "2017-13": month 13 out of range`,
		`5:3: event "a" (#3): title: missing`,
		`5:3: event "a" (#3): id "a": already used by event #1`,
	}
	if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestSuggestsAField(t *testing.T) {
	_, err := readAll(t, `{"chrono": 1, "events": [{"id": "a", "title": "A", "quotes": [{"text": "t", "spekaer": "M"}]}], "soruces": []}`)
	if err == nil || !strings.Contains(err.Error(), `unknown field "spekaer" (did you mean "speaker"?)`) || !strings.Contains(err.Error(), `unknown field "soruces" (did you mean "sources"?)`) {
		t.Errorf("error %v, want suggestions", err)
	}
}
