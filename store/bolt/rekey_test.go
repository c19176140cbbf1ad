package bolt

import (
	"fmt"
	"slices"
	"testing"

	"chrono/model"
)

// TestRekey checks what moving an event from one key to another changes:
// its tags' entries (which hold the key) and the counts of the months its
// keys lead with, never its links' entries or the counts that do not
// depend on the key.
func TestRekey(t *testing.T) {
	event := func(id, date string) model.Event {
		return model.Event{
			ID:     id,
			Date:   model.MustParseDate(date),
			Title:  "A meeting",
			Tags:   []string{"cash", "ss7"},
			Actors: []string{"Ana", "Ana", "Ben"},
			Links:  []model.Link{{Event: "other", Rel: model.Rel("precedes")}},
		}
	}
	keyOf := func(id, date string) []byte {
		e := event(id, date)
		return model.OrderKey(&e)
	}
	tagEntry := func(put bool, tag string, key []byte) string {
		return fmt.Sprintf("%v %c %q", put, bucketTags.letter, tagKey(tag, key))
	}
	// Each tag's entry holds the key: both move.
	tagsMoved := func(from, to []byte) []string {
		return []string{
			tagEntry(false, "cash", from), tagEntry(true, "cash", to),
			tagEntry(false, "ss7", from), tagEntry(true, "ss7", to),
		}
	}
	tests := []struct {
		name        string
		date        string // the event's own date
		from, to    []byte
		wantEntries func(from, to []byte) []string
		wantCounts  func(from, to []byte) []string
	}{
		{
			name:        "to another month",
			date:        "2017-08",
			from:        keyOf("e1", "2017-08"),
			to:          keyOf("e1", "2018-02"),
			wantEntries: tagsMoved,
			wantCounts: func(from, to []byte) []string {
				return sortedCounts(
					fmt.Sprintf("%q -1", periodCountKey(periodOf(from))), fmt.Sprintf("%q 1", periodCountKey(periodOf(to))),
					fmt.Sprintf("%q -1", orderCountKey(orderPeriodOfKey(from))), fmt.Sprintf("%q 1", orderCountKey(orderPeriodOfKey(to))),
				)
			},
		},
		{
			name:        "within its month",
			date:        "2017-08-03",
			from:        keyOf("e1", "2017-08-03"),
			to:          keyOf("e1", "2017-08-20"),
			wantEntries: tagsMoved,
			wantCounts:  func(from, to []byte) []string { return nil },
		},
		{
			name:        "to the key it has",
			date:        "2017-08",
			from:        keyOf("e1", "2017-08"),
			to:          keyOf("e1", "2017-08"),
			wantEntries: func(from, to []byte) []string { return nil },
			wantCounts:  func(from, to []byte) []string { return nil },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := event("e1", tt.date)
			var entries, counts []string
			err := rekey(&e, tt.from, tt.to, func(bk bucket, key []byte, put bool) error {
				entries = append(entries, fmt.Sprintf("%v %c %q", put, bk.letter, key))
				return nil
			}, func(key []byte, delta int) error {
				counts = append(counts, fmt.Sprintf("%q %d", key, delta))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := tt.wantEntries(tt.from, tt.to)
			slices.Sort(want) // entries come in the order of their keys; the test's strings sort as they do here
			got := slices.Clone(entries)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("entries:\n got %q\nwant %q", entries, want)
			}
			if wantCounts := tt.wantCounts(tt.from, tt.to); !slices.Equal(counts, wantCounts) {
				t.Errorf("counts:\n got %q\nwant %q", counts, wantCounts)
			}
		})
	}
}

// periodOf is the month a key's event counts in.
func periodOf(key []byte) int64 {
	p, _ := model.PeriodSpanOfKey(key)
	return p
}

// sortedCounts sorts the test's count lines by their keys, as rekey
// calls count.
func sortedCounts(lines ...string) []string {
	slices.Sort(lines)
	return lines
}
