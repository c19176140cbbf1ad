package model

import "testing"

// TestReadDuring: a time of day typed to the minute selects the whole
// minute; anything else reads as ReadDate reads it.
func TestReadDuring(t *testing.T) {
	// Each is labelled as typed: a minute, not two times a minute apart.
	tests := []struct{ typed, want, label string }{
		{"14 Aug 2007 20:30 UTC", "2007-08-14T20:30:00Z/2007-08-14T20:30:59Z", "14 Aug 2007 20:30 UTC"},
		{"14 Aug 2007 9:05", "2007-08-14T09:05:00/2007-08-14T09:05:59", "14 Aug 2007 09:05"},
		{"14 Aug 2007 20:30:00 UTC", "2007-08-14T20:30:00Z", "14 Aug 2007 20:30:00 UTC"},
		{"2007-08-14T01:00:00+01:00", "2007-08-14T01:00:00+01:00", "14 Aug 2007 01:00:00 +01:00"}, // its offset is no clock
		{"2007-08-14T05:30:00+05:30", "2007-08-14T05:30:00+05:30", "14 Aug 2007 05:30:00 +05:30"},
		{"2007-08-14T20:30:00Z", "2007-08-14T20:30:00Z", "14 Aug 2007 20:30:00 UTC"},
		{"14 Aug 2007", "2007-08-14", "14 Aug 2007"},
		{"Aug 2007", "2007-08", "Aug 2007"},
		{"2007-08-14T20:30:00Z/2007-08-14T20:31:59Z", "2007-08-14T20:30:00Z/2007-08-14T20:31:59Z", "14 Aug 2007 20:30:00 UTC – 14 Aug 2007 20:31:59 UTC"},
	}
	for _, tt := range tests {
		d, err := ReadDuring(tt.typed)
		if err != nil || d.String() != tt.want || d.Label() != tt.label {
			t.Errorf("ReadDuring(%q) = %s, %v, labelled %q; want %s, %q", tt.typed, d, err, d.Label(), tt.want, tt.label)
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
	if d.Label() != "13.8 billion years ago" {
		t.Errorf("the range selected is labelled %q, as if two dates", d.Label())
	}
	for _, y := range []string{"Y-13800000000", "Y-13799999999"} {
		at := MustParseDate(y)
		if at.Label() != "13.8 billion years ago" || !d.Overlaps(at) {
			t.Errorf("%s (labelled %s) is not selected by %s", y, at.Label(), d)
		}
	}
}
