package model

import (
	"strconv"
	"strings"
	"testing"
)

// TestSnapshotStatesOutOfStep: a snapshot is in step when the store
// lists it as kept exactly when the last journal entry to name it left
// it kept; snapshots the journal never named are not judged.
func TestSnapshotStatesOutOfStep(t *testing.T) {
	st := SnapshotStates{}
	st.add(2, SnapshotRef{Source: "wapo", N: 1})
	st.add(3, SnapshotRef{Source: "wapo", N: 2})
	st.add(5, SnapshotRef{Source: "wapo", N: 3})
	st.add(6, SnapshotRef{Source: "wapo", N: 3, Withdrawn: true}) // an undone attach
	st.add(4, SnapshotRef{Source: "nyt", N: 1})
	listed := func(ns ...int) []Snapshot {
		var out []Snapshot
		for _, n := range ns {
			out = append(out, Snapshot{Source: "wapo", N: n})
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		listed []Snapshot
		want   []string // "N: the start of its problem"
	}{
		{"as the journal left them", listed(1, 2), nil},
		{"one the journal never named", listed(1, 2, 4), nil},
		{"the latest gone", listed(1), []string{"2: journal entry #3 left it kept"}},
		{"one withdrawn brought back", listed(1, 2, 3), []string{"3: journal entry #6 withdrew it"}},
		{"all gone", nil, []string{"1: journal entry #2 left it kept", "2: journal entry #3 left it kept"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := st.OutOfStep("wapo", tt.listed)
			if len(got) != len(tt.want) {
				t.Fatalf("%d out of step, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, o := range got {
				if s := strconv.Itoa(o.N) + ": " + o.Problem; !strings.HasPrefix(s, tt.want[i]) {
					t.Errorf("%q, want it to begin %q", s, tt.want[i])
				}
			}
		})
	}
}
