package native

import (
	"strings"
	"testing"

	"chrono/model"
)

// fieldRecorder is a model.FieldSink that keeps the fields of each event.
type fieldRecorder struct {
	model.Collect
	present map[string]model.FieldSet
}

func (r *fieldRecorder) EventFields(e model.Event, n int, present model.FieldSet) error {
	r.present[e.ID] = present
	return r.Event(e, n)
}

func TestReadSaysWhichFieldsEachRecordHas(t *testing.T) {
	doc := `{"chrono": 1, "events": [
	  {"id": "title-only", "date": "2017-08", "title": "Corrected title"},
	  {"id": "clears", "title": "T", "status": "", "links": [], "quotes": null, "summary": null},
	  {"title": "T", "notes": [{"text": "n"}], "id": "id-last", "date_text": "last year", "date_source": "s", "actors": ["A"], "tags": ["t"]}
	]}`
	rec := &fieldRecorder{present: map[string]model.FieldSet{}}
	if err := Read(strings.NewReader(doc), rec); err != nil {
		t.Fatal(err)
	}
	want := map[string]model.FieldSet{
		"title-only": model.FieldDate | model.FieldTitle,
		"clears":     model.FieldTitle | model.FieldStatus | model.FieldLinks | model.FieldQuotes | model.FieldSummary,
		"id-last":    model.FieldTitle | model.FieldNotes | model.FieldDateText | model.FieldDateSource | model.FieldActors | model.FieldTags,
	}
	for id, w := range want {
		if got := rec.present[id]; got != w {
			t.Errorf("%s: fields %s, want %s", id, got, w)
		}
	}
}

func TestReadThroughACheckerKeepsTheFields(t *testing.T) {
	rec := &fieldRecorder{present: map[string]model.FieldSet{}}
	chk := model.NewChecker(rec, nil)
	if err := Read(strings.NewReader(`{"chrono": 1, "events": [{"id": "a", "title": "A", "status": "alleged"}]}`), chk); err != nil {
		t.Fatal(err)
	}
	if err := chk.Done(); err != nil {
		t.Fatal(err)
	}
	if got := rec.present["a"]; got != model.FieldTitle|model.FieldStatus {
		t.Errorf("fields %s, want title,status", got)
	}
}

// TestFieldsOfScansAsTheDecoderReads holds the scan of an event's member
// names to what decoding the object finds, on objects whose nested
// values, strings and escapes could mislead a scan.
func TestFieldsOfScansAsTheDecoderReads(t *testing.T) {
	for _, v := range []string{
		`{}`,
		`{"id": "a", "title": "T"}`,
		` { "id" : "a" , "summary" : null , "links" : [ ] } `,
		`{"id": "a", "quotes": [{"text": "x", "title": "not a field of the event"}], "tags": ["date"]}`,
		`{"id": "a", "notes": [{"text": "\"title\": {", "date": ["}", "]"]}], "status": "disputed"}`,
		`{"id": "a", "summary": "a \\ \"quoted\", \"actors\": [", "actors": ["B"]}`,
		`{"id": "a", "t\u0069tle": "escaped name", "date": "2017"}`,
		`{"id": "a", "links": [[{"date": 1}], {"title": [null, {"x": {}}]}], "date_text": "x"}`,
		`{"id": "é€😀", "titlé": "not a field", "date_source": "s"}`,
	} {
		if got, want := fieldsOf([]byte(v)), decodedFieldsOf([]byte(v)); got != want {
			t.Errorf("fieldsOf(%s) = %v, want %v", v, got.Names(), want.Names())
		}
	}
}
