package model

import "testing"

// TestUnvouch: a record made by an entry the chain does not vouch for,
// at or after a break, or just before a broken link (the entry a
// recomputed hash hides), is marked; one before the break, or any while
// the chain holds, is not.
func TestUnvouch(t *testing.T) {
	for _, tt := range []struct {
		name  string
		chain ChainReport
		want  map[uint64]bool // entry → marked
	}{
		{"holds", ChainReport{}, map[uint64]bool{2: false, 3: false, 4: false}},
		{"content", ChainReport{Break: &ChainBreak{Seq: 3, Fault: ChainContent}}, map[uint64]bool{2: false, 3: true, 4: true}},
		{"link", ChainReport{Break: &ChainBreak{Seq: 3, Fault: ChainLink}}, map[uint64]bool{1: false, 2: true, 3: true, 4: true}},
		{"link at the first", ChainReport{Break: &ChainBreak{Seq: 1, Fault: ChainLink}}, map[uint64]bool{1: true}},
		{"missing", ChainReport{Break: &ChainBreak{Seq: 3, Fault: ChainMissing}}, map[uint64]bool{2: false, 3: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			kept := map[SnapshotKey]SnapshotRecord{}
			for seq := range tt.want {
				kept[SnapshotKey{"wapo", int(seq)}] = SnapshotRecord{Seq: seq}
			}
			Unvouch(kept, tt.chain)
			for seq, want := range tt.want {
				j := kept[SnapshotKey{"wapo", int(seq)}]
				if got := j.Unvouched != nil; got != want {
					t.Errorf("entry #%d: marked %v, want %v", seq, got, want)
				}
				sn := Snapshot{Source: "wapo", N: int(seq)}
				if p := UnrecordedBy(sn, kept); (p != "") != want {
					t.Errorf("entry #%d: UnrecordedBy %q", seq, p)
				}
			}
		})
	}
}
