package timesketch

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestReadSaysWhichFieldsARecordCarries: a record chrono wrote carries
// every field in its own keys; any other only what Timesketch has, so
// that re-importing a sketch never clears a status or a link.
func TestReadSaysWhichFieldsARecordCarries(t *testing.T) {
	jsonl := `{"message": "Login", "datetime": "2017-08-14T15:04:05+00:00", "timestamp_desc": "Event", "status": "200"}
{"message": "T", "datetime": "2017-08-01T00:00:00+00:00", "timestamp_desc": "Event date (month precision)", "chrono_id": "e", "date_edtf": "2017-08"}
`
	var rec modeltest.FieldRecorder
	if err := Read(strings.NewReader(jsonl), &rec, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	want := []model.FieldSet{foreignCarries, model.AllFields}
	if len(rec.Present) != 2 || rec.Present[0] != want[0] || rec.Present[1] != want[1] {
		t.Errorf("fields %v, want %v", rec.Present, want)
	}
}
