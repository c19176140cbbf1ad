package timesketch

import (
	"strings"
	"testing"
	"unsafe"

	"chrono/model"
)

// sharing collects what it is sent and says it takes events whose
// strings share their record's text.
type sharing struct{ model.Collect }

func (*sharing) SharesText() bool { return true }

// TestListsShareTheirTextOnlyWhenAsked: the strings of a chrono record
// and its lists are cut from one copy of its line for a sink that takes
// them so, and are strings of their own for any other, which may keep one
// without the rest.
func TestListsShareTheirTextOnlyWhenAsked(t *testing.T) {
	const text, speaker = "a quote long enough to be no tiny allocation", "a speaker of another length than the quote"
	line := `{"message":"A","datetime":"2017-08-01T00:00:00+00:00","timestamp":1501545600000000,"timestamp_desc":"Event date","chrono_id":"e1","date_edtf":"2017-08-01",` +
		`"quotes":[{"text":"` + text + `","speaker":"` + speaker + `"}]}` + "\n"
	// The distance between the two strings in the list: their distance
	// in memory when both are cut from one copy of it.
	apart := strings.Index(line, speaker) - strings.Index(line, text)
	idToText := strings.Index(line, text) - strings.Index(line, `"e1"`) - 1
	shares, collects := &sharing{}, &model.Collect{}
	tests := []struct {
		name   string
		sink   model.Sink
		events *[]model.Event
		shared bool
	}{
		{"a sink that shares", shares, &shares.Timeline.Events, true},
		{"a sink that does not say", collects, &collects.Timeline.Events, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Read(strings.NewReader(line), tt.sink, nil); err != nil {
				t.Fatal(err)
			}
			events := *tt.events
			if len(events) != 1 || len(events[0].Quotes) != 1 || events[0].Quotes[0].Text != text || events[0].Quotes[0].Speaker != speaker {
				t.Fatalf("read %+v", events)
			}
			q := events[0].Quotes[0]
			got := uintptr(unsafe.Pointer(unsafe.StringData(q.Speaker))) - uintptr(unsafe.Pointer(unsafe.StringData(q.Text)))
			if (got == uintptr(apart)) != tt.shared {
				t.Errorf("speaker %d bytes after the text in memory, %d in the record: shared %v, want %v", got, apart, !tt.shared, tt.shared)
			}
			// The record's own strings are cut from the same copy.
			got = uintptr(unsafe.Pointer(unsafe.StringData(q.Text))) - uintptr(unsafe.Pointer(unsafe.StringData(events[0].ID)))
			if (got == uintptr(idToText)) != tt.shared {
				t.Errorf("quote's text %d bytes after the id in memory, %d in the record: shared %v, want %v", got, idToText, !tt.shared, tt.shared)
			}
		})
	}
}
