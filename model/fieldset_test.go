package model

import (
	"strings"
	"testing"
)

func TestFieldSetStringRoundTrips(t *testing.T) {
	tests := []struct {
		set  FieldSet
		text string
	}{
		{0, "none"},
		{AllFields, "all"},
		{FieldDate | FieldTitle, "date,title"},
		{FieldNotes | FieldDateSource, "date_source,notes"},
		{AllFields &^ FieldLinks, "date,date_text,date_source,title,summary,status,actors,tags,quotes,notes,media"},
	}
	for _, tt := range tests {
		if got := tt.set.String(); got != tt.text {
			t.Errorf("%#x.String() = %q, want %q", uint16(tt.set), got, tt.text)
		}
		back, err := ParseFieldSet(tt.text)
		if err != nil || back != tt.set {
			t.Errorf("ParseFieldSet(%q) = %v, %v; want %v", tt.text, back, err, tt.set)
		}
	}
	if got, err := ParseFieldSet(" title , links "); err != nil || got != FieldTitle|FieldLinks {
		t.Errorf("spaces: %v, %v", got, err)
	}
	if AllFields.Len() != len(fieldNames) {
		t.Errorf("AllFields has %d fields, the names %d", AllFields.Len(), len(fieldNames))
	}
}

func TestParseFieldSetSaysWhatIsWrong(t *testing.T) {
	_, err := ParseFieldSet("title,sumary")
	if err == nil || !strings.Contains(err.Error(), `"sumary"`) || !strings.Contains(err.Error(), "summary") {
		t.Errorf("error %v: want the bad name and the fields", err)
	}
	if _, ok := FieldByName("id"); ok {
		t.Error("the id is not a field an update can take or keep")
	}
}

// fieldRecorder is a FieldSink that keeps the fields it is told.
type fieldRecorder struct {
	Collect
	present []FieldSet
}

func (r *fieldRecorder) EventFields(e Event, n int, present FieldSet) error {
	r.present = append(r.present, present)
	return r.Event(e, n)
}

func TestCheckerForwardsTheFields(t *testing.T) {
	var rec fieldRecorder
	chk := NewChecker(&rec, nil)
	if err := SendEvent(chk, Event{ID: "a", Title: "A"}, 1, FieldTitle); err != nil {
		t.Fatal(err)
	}
	if err := chk.Event(Event{ID: "b", Title: "B"}, 2); err != nil {
		t.Fatal(err)
	}
	if err := SendEvent(chk, Event{ID: "c"}, 3, FieldStatus); err != nil { // no title: refused
		t.Fatal(err)
	}
	if len(rec.present) != 1 || rec.present[0] != FieldTitle {
		t.Errorf("fields forwarded: %v, want [title]", rec.present)
	}
	if len(rec.Timeline.Events) != 2 {
		t.Errorf("%d events forwarded, want 2 (one through Event)", len(rec.Timeline.Events))
	}
}

func TestUpdateFields(t *testing.T) {
	sheet := FieldTitle | FieldStatus | FieldSummary
	foreign := FieldDate | FieldTitle | FieldSummary | FieldTags
	tests := []struct {
		name             string
		present, carries FieldSet
		replace, whole   bool
		want             FieldSet
	}{
		{"chrono JSON, a member left out", AllFields &^ FieldQuotes, AllFields, false, true, AllFields &^ FieldQuotes},
		{"chrono JSON replaced: whole", AllFields &^ FieldQuotes, AllFields, true, true, AllFields},
		{"every field, said as zero", FieldTitle, 0, true, false, AllFields},
		{"a sheet's columns", FieldTitle | FieldStatus, sheet, false, false, FieldTitle | FieldStatus},
		{"a sheet replaced: its columns only", FieldTitle | FieldStatus, sheet, true, false, FieldTitle | FieldStatus},
		{"a record carrying more than its format", AllFields, sheet, true, false, sheet},
		{"a record another tool wrote, replaced: its fields only", foreign, AllFields, true, false, foreign},
	}
	for _, tt := range tests {
		if got := UpdateFields(tt.present, tt.carries, tt.replace, tt.whole); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
