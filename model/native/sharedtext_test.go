package native

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

// TestEventsShareTheirTextOnlyWhenAsked: an event's strings are cut from
// one copy of its record for a sink that takes them so, and are strings
// of their own for any other, which may keep one without the rest.
func TestEventsShareTheirTextOnlyWhenAsked(t *testing.T) {
	const title, summary = "a title long enough to be no tiny allocation", "a summary of another length than the title's"
	doc := `{"chrono":1,"events":[{"id":"e1","title":"` + title + `","summary":"` + summary + `"}]}`
	// The distance between the two texts in the record: their distance
	// in memory when both are cut from one copy of it.
	apart := strings.Index(doc, summary) - strings.Index(doc, title)
	tests := []struct {
		name   string
		sink   interface{ model.Sink }
		shared bool
	}{
		{"a sink that shares", &sharing{}, true},
		{"a sink that does not say", &model.Collect{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Read(strings.NewReader(doc), tt.sink); err != nil {
				t.Fatal(err)
			}
			var events []model.Event
			switch s := tt.sink.(type) {
			case *sharing:
				events = s.Timeline.Events
			case *model.Collect:
				events = s.Timeline.Events
			}
			if len(events) != 1 || events[0].Title != title || events[0].Summary != summary {
				t.Fatalf("read %+v", events)
			}
			e := events[0]
			got := uintptr(unsafe.Pointer(unsafe.StringData(e.Summary))) - uintptr(unsafe.Pointer(unsafe.StringData(e.Title)))
			if (got == uintptr(apart)) != tt.shared {
				t.Errorf("summary %d bytes after the title in memory, %d in the record: shared %v, want %v", got, apart, !tt.shared, tt.shared)
			}
		})
	}
}
