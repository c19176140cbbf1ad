package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestASnapshotRecordTheChainDoesNotVouchFor: the browser weighs the
// journal's record of a snapshot by the chain, as verify does. A
// snapshot replaced together with the entry that kept it agrees with
// that entry's record; the pane called it sound and marked its quotes
// "not found" against the forgery, advising nothing, while only a status
// line, gone at the next key, said the chain broke.
func TestASnapshotRecordTheChainDoesNotVouchFor(t *testing.T) {
	sn := model.Snapshot{Source: "post", N: 1, SHA256: "aa", TextSHA256: "bb"}
	k := model.SnapshotKey{Source: "post", N: 1}
	for _, tt := range []struct {
		name  string
		chain *model.ChainReport
		want  string
	}{
		{"no walk yet", nil, ""},
		{"a chain that holds", &model.ChainReport{}, ""},
		{"broken after the record", &model.ChainReport{Break: &model.ChainBreak{Seq: 5, Fault: model.ChainContent}}, ""},
		{"broken at the record", &model.ChainReport{Break: &model.ChainBreak{Seq: 3, Fault: model.ChainContent}}, "journal entry #3 recorded its hashes when it was kept, but the journal's chain breaks at entry #3 (content)"},
		{"the next entry's link broken", &model.ChainReport{Break: &model.ChainBreak{Seq: 4, Fault: model.ChainLink}}, "the journal's chain breaks at entry #4 (link)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j := &journaledSnapshots{kept: map[model.SnapshotKey]model.SnapshotRecord{k: {Seq: 3, Ref: sn.Ref()}}, states: model.SnapshotStates{}}
			if tt.chain != nil {
				j.setChain(*tt.chain)
			}
			got := j.unrecorded(nil, sn)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("unrecorded = %q, want %q", got, tt.want)
			}
			if broken := tt.chain != nil && tt.chain.Break != nil; j.chainBroken() != broken {
				t.Errorf("chainBroken = %v, want %v", j.chainBroken(), broken)
			}
		})
	}
}
