package invisible

import "testing"

// TestNamedAreMarked: after a Latin letter, where nothing joins, every
// character with a name is marked, and every character marked has a name
// (but U+2065, unassigned among the invisible operators).
func TestNamedAreMarked(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		_, named := Name(r)
		if marked := Marked(r, 'a'); marked != named && r != 0x2065 {
			t.Errorf("U+%04X: named %v, marked after a letter %v", r, named, marked)
		}
	}
}

func TestJoinersKeptWhereTheyJoin(t *testing.T) {
	tests := []struct {
		r, prev rune
		marked  bool
	}{
		{0x200D, 0x1F469, false}, // 👩‍
		{0x200C, 0x0645, false},  // Persian
		{0x200D, 'a', true},
		{0x200D, -1, true},
		{0xE0067, 0x1F3F4, false}, // a subdivision flag
		{0xE0062, 0xE0067, false},
		{0xE0067, 'a', true},
		{0x200B, 0x1F469, true}, // not a joiner
	}
	for _, tt := range tests {
		if got := Marked(tt.r, tt.prev); got != tt.marked {
			t.Errorf("Marked(U+%04X after U+%04X) = %v, want %v", tt.r, tt.prev, got, tt.marked)
		}
	}
}
