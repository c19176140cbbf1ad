package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestKeepAnnotations(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	sameInstant := at.In(time.FixedZone("CET", 3600))
	later := at.Add(time.Hour)
	tests := []struct {
		name             string
		imported, stored Event
		want             Event
	}{
		{"nothing stored",
			Event{Tags: []string{"a"}, Notes: []Note{{Text: "n", At: at}}},
			Event{},
			Event{Tags: []string{"a"}, Notes: []Note{{Text: "n", At: at}}}},
		{"stored tags are added after the file's",
			Event{Tags: []string{"a", "b"}},
			Event{Tags: []string{"flagged", "b"}},
			Event{Tags: []string{"a", "b", "flagged"}}},
		{"a stored tag the file has in another case is not added again",
			Event{Tags: []string{"Verify", "a"}},
			Event{Tags: []string{"verify", "b", "B"}},
			Event{Tags: []string{"Verify", "a", "b"}}},
		{"a file without tags keeps the stored ones",
			Event{},
			Event{Tags: []string{"flagged"}},
			Event{Tags: []string{"flagged"}}},
		{"stored notes come first",
			Event{Notes: []Note{{Text: "from the file"}}},
			Event{Notes: []Note{{Text: "mine", At: at}}},
			Event{Notes: []Note{{Text: "mine", At: at}, {Text: "from the file"}}}},
		{"an exported note is not doubled, whatever its zone",
			Event{Notes: []Note{{Text: "mine", At: sameInstant}}},
			Event{Notes: []Note{{Text: "mine", At: at}}},
			Event{Notes: []Note{{Text: "mine", At: at}}}},
		{"the same text at another time is another note",
			Event{Notes: []Note{{Text: "mine", At: later}}},
			Event{Notes: []Note{{Text: "mine", At: at}}},
			Event{Notes: []Note{{Text: "mine", At: at}, {Text: "mine", At: later}}}},
		{"the other fields are the file's",
			Event{ID: "e", Title: "new title", Status: Confirmed},
			Event{ID: "e", Title: "old title", Status: Disputed, Tags: []string{"t"}},
			Event{ID: "e", Title: "new title", Status: Confirmed, Tags: []string{"t"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored := tt.stored
			storedNotes := append([]Note(nil), stored.Notes...)
			e := tt.imported
			KeepAnnotations(&e, &stored)
			if !reflect.DeepEqual(e, tt.want) {
				t.Errorf("got %+v\nwant %+v", e, tt.want)
			}
			if !reflect.DeepEqual(stored.Notes, storedNotes) {
				t.Errorf("the stored event's notes changed: %+v", stored.Notes)
			}
		})
	}
}

func TestCheckEdit(t *testing.T) {
	valid := Event{ID: "fbi-tip", Title: "A tip"}
	withTag := func(e Event, tag string) Event { e.Tags = append(append([]string(nil), e.Tags...), tag); return e }
	withNote := func(e Event, text string) Event {
		e.Notes = append(append([]Note(nil), e.Notes...), Note{Text: text})
		return e
	}
	big := valid
	big.Summary = strings.Repeat("x", MaxTextBytes+1)
	tests := []struct {
		name      string
		old, edit Event
		want      string // in the error; "" for none
	}{
		{"a tag", valid, withTag(valid, "checked"), ""},
		{"a note", valid, withNote(valid, "call back"), ""},
		{"no change", valid, valid, ""},
		{"a note over the limit", valid, withNote(valid, strings.Repeat("x", MaxTextBytes+1)), `event "fbi-tip": note #1:`},
		{"a bad tag", valid, withTag(valid, "#ss7"), `event "fbi-tip": tag "#ss7"`},
		{"an event over a limit stays editable", big, withTag(big, "checked"), ""},
		{"but not with a new problem", big, withTag(big, "#ss7"), `tag "#ss7"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckEdit(&tt.old, &tt.edit)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && err == nil:
				t.Errorf("accepted; want an error with %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}
