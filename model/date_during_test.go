package model

import "testing"

// TestReadDuring: a time of day typed to the minute selects the whole
// minute; anything else reads as ReadDate reads it.
func TestReadDuring(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"14 Aug 2007 20:30 UTC", "2007-08-14T20:30:00Z/2007-08-14T20:30:59Z"},
		{"14 Aug 2007 9:05", "2007-08-14T09:05:00/2007-08-14T09:05:59"},
		{"14 Aug 2007 20:30:00 UTC", "2007-08-14T20:30:00Z"},
		{"2007-08-14T20:30:00Z", "2007-08-14T20:30:00Z"},
		{"14 Aug 2007", "2007-08-14"},
		{"Aug 2007", "2007-08"},
	}
	for _, tt := range tests {
		d, err := ReadDuring(tt.typed)
		if err != nil || d.String() != tt.want {
			t.Errorf("ReadDuring(%q) = %s, %v; want %s", tt.typed, d, err, tt.want)
		}
	}
	minute, _ := ReadDuring("14 Aug 2007 20:30 UTC")
	if at := MustParseDate("2007-08-14T20:30:34Z"); !minute.Overlaps(at) {
		t.Errorf("%s does not take in %s", minute, at)
	}
}
