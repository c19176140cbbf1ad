package csvfmt

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

func TestReadSaysWhichColumnsTheFileHas(t *testing.T) {
	tests := []struct {
		csv  string
		want model.FieldSet
	}{
		{HeaderRow + "\na,2017,T,S,alleged,A,t,,\n", Carries},
		{"id,title\na,T\n", model.FieldTitle},
		{"Title, ID ,status,reviewer\nT,a,,me\n", model.FieldTitle | model.FieldStatus},
	}
	for _, tt := range tests {
		var rec fieldRecorder
		if err := Read(strings.NewReader(tt.csv), &rec, &model.Losses{}); err != nil {
			t.Fatalf("%q: %v", tt.csv, err)
		}
		if len(rec.present) != 1 || rec.present[0] != tt.want {
			t.Errorf("%q: fields %v, want %s", tt.csv, rec.present, tt.want)
		}
	}
	if Carries.Has(model.FieldLinks) || Carries.Has(model.FieldDateText) || Carries.Has(model.FieldDateSource) || Carries.Has(model.FieldNotes) {
		t.Errorf("chrono CSV has no columns for links, date text, date source or notes, but carries %s", Carries)
	}
}
