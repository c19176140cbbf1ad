package native

import (
	"bytes"
	"strings"
	"testing"
)

func TestMayHoldSnapshots(t *testing.T) {
	defer func(n int) { scanBuffer = n }(scanBuffer)
	scanBuffer = 16 // needles straddle reads
	tests := []struct {
		name string
		doc  string
		want bool
	}{
		{"no snapshots", `{"chrono": 1, "events": [{"id": "a", "title": "snapshots of the site"}]}`, false},
		{"the key", `{"chrono": 1, "events": [], "snapshots": []}`, true},
		{"the key at the end", strings.Repeat(" ", 100) + `"snapshots"`, true},
		{"the key at the start", `"snapshots": []`, true},
		{"the word, not the key", `{"title": "the snapshots", "x": "snapshot", "y": "pshots\"", "z": "p"}`, false},
		{"a letter of it escaped", `{"chrono": 1, "snap\u0073hots": []}`, true},
		{"in upper-case hex", `{"chrono": 1, "s\u006Eapshots": []}`, true},
		{"another escape", `{"chrono": 1, "title": "caf\u00e9 \n"}`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, size := range []int{16, 1 << 20} {
				scanBuffer = size
				got, err := MayHoldSnapshots(strings.NewReader(tt.doc))
				if err != nil || got != tt.want {
					t.Errorf("buffer %d: MayHoldSnapshots = %v, %v; want %v", size, got, err, tt.want)
				}
				if !tt.want {
					// What says no must agree with the reader.
					n := 0
					if err := ReadSnapshots(strings.NewReader(tt.doc), func(SnapshotDoc) error { n++; return nil }); err == nil && n > 0 {
						t.Errorf("ReadSnapshots found %d", n)
					}
				}
			}
		})
	}
}

// BenchmarkMayHoldSnapshots looks through a synthetic document without
// snapshots (20,000 events, 24 MB), as an import of it does before it
// starts.
func BenchmarkMayHoldSnapshots(b *testing.B) {
	doc := synthEvents(b)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if may, err := MayHoldSnapshots(bytes.NewReader(doc)); err != nil || may {
			b.Fatal(may, err)
		}
	}
}
