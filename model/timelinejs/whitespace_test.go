package timelinejs

import (
	"testing"

	"chrono/model"
)

// TestWriteCountsCollapsedWhiteSpace: TimelineJS text is HTML, in which a
// tab, a run of spaces, spaces at the ends of a line and a carriage
// return show as, and read back as, one space or nothing. Text that
// changes so is counted on export, since a title or a quote read back
// from the file differs from the one in chrono; text that reads back as
// it is is not.
func TestWriteCountsCollapsedWhiteSpace(t *testing.T) {
	src := model.Source{ID: "s", URL: "https://example.com/a", Publisher: "P"}
	tests := []struct {
		name   string
		event  model.Event
		source *model.Source // instead of src
		counts int
	}{
		{"plain", model.Event{Title: "NSO offers cash", Summary: "One line.\nAnother.\n\nA paragraph.",
			Quotes: []model.Quote{{Text: "bags of cash,\nhe said", Speaker: "Omri Lavie", Source: "s"}}}, nil, 0},
		{"tab in the title", model.Event{Title: "a\tb"}, nil, 1},
		{"spaces around the title", model.Event{Title: " a "}, nil, 1},
		{"two spaces in the date text", model.Event{Title: "t", DateText: "August  2017"}, nil, 1},
		{"CR LF in the summary", model.Event{Title: "t", Summary: "a\r\nb"}, nil, 1},
		{"tab in the summary", model.Event{Title: "t", Summary: "a\tb"}, nil, 1},
		{"space at a line's end in the summary", model.Event{Title: "t", Summary: "a \nb"}, nil, 1},
		{"tab in the quote", model.Event{Title: "t", Quotes: []model.Quote{{Text: "then left;\tok", Source: "s"}}}, nil, 1},
		{"two spaces in the speaker", model.Event{Title: "t", Quotes: []model.Quote{{Text: "q", Speaker: "Omri  Lavie", Source: "s"}}}, nil, 1},
		{"tab in the source's author", model.Event{Title: "t", Quotes: []model.Quote{{Text: "q", Source: "s"}}},
			&model.Source{ID: "s", URL: "https://example.com/a", Author: "a\tb", Title: "T\nU"}, 2},
		{"all of them", model.Event{Title: "a\tb", DateText: " x", Summary: "a\tb",
			Quotes: []model.Quote{{Text: "q\t", Speaker: "s ", Context: "c\tc", Source: "s"}}}, nil, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.event
			e.ID, e.Date = "e", mustDate(t, "2017")
			s := src
			if tt.source != nil {
				s = *tt.source
			}
			_, losses := export(t, model.Timeline{Sources: []model.Source{s}, Events: []model.Event{e}})
			if got := losses.Count(LossWhiteSpace); got != tt.counts {
				t.Errorf("counted %d texts whose white space HTML collapses, want %d (%s)", got, tt.counts, losses)
			}
		})
	}
}
