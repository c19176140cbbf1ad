package model

import "testing"

// TestReadDuring: a time of day typed to the minute selects the whole
// minute; anything else reads as ReadDate reads it.
func TestReadDuring(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"14 Aug 2007 20:30 UTC", "2007-08-14T20:30:00Z/2007-08-14T20:30:59Z"},
		{"14 Aug 2007 9:05", "2007-08-14T09:05:00/2007-08-14T09:05:59"},
		{"14 Aug 2007 20:30:00 UTC", "2007-08-14T20:30:00Z"},
		{"2007-08-14T01:00:00+01:00", "2007-08-14T01:00:00+01:00"}, // its offset is no clock
		{"2007-08-14T05:30:00+05:30", "2007-08-14T05:30:00+05:30"},
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

// TestReadDuringDeepTime: chrono's label of deep time selects the years it
// labels, the year of that number BCE and that of that magnitude, so that
// an event dated as TimelineJS or EDTF writes 13.8 billion years ago
// (Y-13800000000) is found by its label.
func TestReadDuringDeepTime(t *testing.T) {
	d, err := ReadDuring("13.8 billion years ago")
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []string{"Y-13800000000", "Y-13799999999"} {
		at := MustParseDate(y)
		if at.Label() != "13.8 billion years ago" || !d.Overlaps(at) {
			t.Errorf("%s (labelled %s) is not selected by %s", y, at.Label(), d)
		}
	}
}
