package bolt

import (
	"slices"
	"testing"

	"chrono/model"
)

// TestAppendCited: each source an event cites is listed once, in the
// order it first appears, the date's source first; quotes with no source
// cite none.
func TestAppendCited(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    model.Event
		want []string
	}{
		{"none", model.Event{Quotes: []model.Quote{{Text: "a"}}}, nil},
		{"the date's source first", model.Event{DateSource: "wapo", Quotes: []model.Quote{{Text: "a", Source: "nyt"}}}, []string{"wapo", "nyt"}},
		{"each once", model.Event{DateSource: "wapo", Quotes: []model.Quote{{Text: "a", Source: "nyt"}, {Text: "b", Source: "wapo"}, {Text: "c"}, {Text: "d", Source: "nyt"}, {Text: "e", Source: "ft"}}}, []string{"wapo", "nyt", "ft"}},
		{"more than the array holds", model.Event{Quotes: []model.Quote{{Text: "a", Source: "s1"}, {Text: "a", Source: "s2"}, {Text: "a", Source: "s3"}, {Text: "a", Source: "s4"}, {Text: "a", Source: "s5"}, {Text: "a", Source: "s6"}, {Text: "a", Source: "s7"}, {Text: "a", Source: "s8"}, {Text: "a", Source: "s9"}, {Text: "a", Source: "s1"}}}, []string{"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf [8]string
			if got := model.AppendCited(buf[:0], &tc.e); !slices.Equal(got, tc.want) {
				t.Errorf("appendCited = %q, want %q", got, tc.want)
			}
			var got []string
			_ = counters(&tc.e, model.OrderKey(&tc.e), func(c counter) error {
				if c.kind == counterCited {
					got = append(got, c.name)
				}
				return nil
			})
			if !slices.Equal(got, tc.want) {
				t.Errorf("counters cite %q, want %q", got, tc.want)
			}
		})
	}
}
