package timesketch

import (
	"strings"
	"testing"

	"chrono/model"
)

// fieldRecorder is a model.FieldSink that keeps the fields of each event.
type fieldRecorder struct {
	model.Collect
	present []model.FieldSet
}

func (r *fieldRecorder) EventFields(e model.Event, n int, present model.FieldSet) error {
	r.present = append(r.present, present)
	return r.Event(e, n)
}

// TestReadSaysWhichFieldsARecordCarries: a record chrono wrote carries
// every field in its own keys; any other only what Timesketch has, so
// that re-importing a sketch never clears a status or a link.
func TestReadSaysWhichFieldsARecordCarries(t *testing.T) {
	jsonl := `{"message": "Login", "datetime": "2017-08-14T15:04:05+00:00", "timestamp_desc": "Event", "status": "200"}
{"message": "T", "datetime": "2017-08-01T00:00:00+00:00", "timestamp_desc": "Event date (month precision)", "chrono_id": "e", "date_edtf": "2017-08"}
`
	var rec fieldRecorder
	if err := Read(strings.NewReader(jsonl), &rec, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	want := []model.FieldSet{foreignCarries, model.AllFields}
	if len(rec.present) != 2 || rec.present[0] != want[0] || rec.present[1] != want[1] {
		t.Errorf("fields %v, want %v", rec.present, want)
	}
}
