package native

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
)

// Years of deep time, in every EDTF form chrono keeps, leave as chrono
// JSON and come back the same.
func TestRoundTripDeepTime(t *testing.T) {
	dates := []string{"Y-13799999999", "Y-138E8", "Y-138E8S3", "Y-64999999~", "Y-538799999/Y-251901999", "1950S2", "Y100000000000"}
	var es []model.Event
	for i, d := range dates {
		es = append(es, model.Event{ID: "e" + string(rune('a'+i)), Title: "T", Date: model.MustParseDate(d)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, model.Header{}, nil, events(es)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"date": "Y-138E8S3"`) {
		t.Errorf("the date is not written as its EDTF:\n%s", buf.String())
	}
	got, err := readAll(t, buf.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for i, e := range got.Events {
		if e.Date != es[i].Date {
			t.Errorf("%s came back as %s", es[i].Date, e.Date)
		}
	}
}
