package csvfmt

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

func TestReadSaysWhichColumnsTheFileHas(t *testing.T) {
	tests := []struct {
		csv  string
		want model.FieldSet
	}{
		{HeaderRow + "\na,2017,T,S,alleged,A,t,,,,\n", Carries},
		{"id,title\na,T\n", model.FieldTitle},
		{"Title, ID ,status,reviewer\nT,a,,me\n", model.FieldTitle | model.FieldStatus},
	}
	for _, tt := range tests {
		var rec modeltest.FieldRecorder
		if err := Read(strings.NewReader(tt.csv), &rec, &model.Losses{}); err != nil {
			t.Fatalf("%q: %v", tt.csv, err)
		}
		if len(rec.Present) != 1 || rec.Present[0] != tt.want {
			t.Errorf("%q: fields %v, want %s", tt.csv, rec.Present, tt.want)
		}
	}
	if Carries.Has(model.FieldLinks) || Carries.Has(model.FieldNotes) {
		t.Errorf("chrono CSV has no columns for links or notes, but carries %s", Carries)
	}
}
