package model

import (
	"slices"
	"strings"
	"testing"
)

// Cosmological timelines reach 13.8 billion years back: such years parse,
// read as people read them, and keep their place among other dates.
func TestDeepTimeDates(t *testing.T) {
	for _, c := range []struct {
		edtf, label string
		lo, hi      int64 // the first and last year the date can mean
	}{
		{"Y-13800000000", "13.8 billion years ago", -13_800_000_000, -13_800_000_000},
		{"Y-13799999999", "13.8 billion years ago", -13_799_999_999, -13_799_999_999}, // TimelineJS's -13800000000
		{"Y-138E8", "13.8 billion years ago", -13_800_000_000, -13_800_000_000},
		{"Y-64999999~", "c. 65 million years ago", -64_999_999, -64_999_999},
		{"Y-2500000", "2.5 million years ago", -2_500_000, -2_500_000},
		{"Y-538799999/Y-251901999", "538.8 – 251.902 million years ago", -538_799_999, -251_901_999},
		{"Y-538799999~/Y-251901999", "c. 538.8 million years ago – 251.902 million years ago", -538_799_999, -251_901_999},
		{"Y-4599999999/Y-64999999", "4.6 billion years ago – 65 million years ago", -4_599_999_999, -64_999_999},
		{"Y-1000000000", "1 billion years ago", -1_000_000_000, -1_000_000_000},
		{"Y-13812345678", "13.812345679 billion years ago", -13_812_345_678, -13_812_345_678},
		{"Y-13800000001", "13.800000002 billion years ago", -13_800_000_001, -13_800_000_001},
		{"Y-13799629999", "13.79963 billion years ago", -13_799_629_999, -13_799_629_999},
		{"Y-251901999", "251.902 million years ago", -251_901_999, -251_901_999},
		{"Y-251902500", "251.902501 million years ago", -251_902_500, -251_902_500},
		{"Y-1000001", "1.000002 million years ago", -1_000_001, -1_000_001},
		{"Y-999999", "1,000,000 BCE", -999_999, -999_999},
		{"Y-9999", "10,000 BCE", -9999, -9999},
		{"Y12345", "12,345 CE", 12345, 12345},
		{"Y100000000000", "100,000,000,000 CE", 100_000_000_000, 100_000_000_000},
		{"Y-100000000000", "100 billion years ago", -100_000_000_000, -100_000_000_000},
		{"Y-138E8S3", "13.8 billion years ago (to 3 significant digits)", -13_899_999_999, -13_800_000_000},
		{"Y3388E2S3", "338,800 CE (to 3 significant digits)", 338_000, 338_999},
		{"1950S2", "1950 (to 2 significant digits)", 1900, 1999},
		{"-1950S2", "1951 BCE (to 2 significant digits)", -1999, -1900},
	} {
		if c.edtf == "Y-9999" {
			if _, err := ParseDate(c.edtf); err == nil {
				t.Errorf("ParseDate(%q) succeeded; a four-digit year is written plainly", c.edtf)
			}
			c.edtf = "-9999"
		}
		d, err := ParseDate(c.edtf)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.edtf, err)
			continue
		}
		if got := d.String(); got != c.edtf {
			t.Errorf("ParseDate(%q).String() = %q", c.edtf, got)
		}
		if got := d.Label(); got != c.label {
			t.Errorf("ParseDate(%q).Label() = %q, want %q", c.edtf, got, c.label)
		}
		if got := d.Earliest(); got != civilInstant(c.lo, 1, 1, 0, 0, 0) {
			y, _, _ := got.Civil()
			t.Errorf("ParseDate(%q).Earliest() is in year %d, want %d", c.edtf, y, c.lo)
		}
		if got := d.Latest(); got != justBefore(civilInstant(c.hi+1, 1, 1, 0, 0, 0)) {
			y, _, _ := got.Civil()
			t.Errorf("ParseDate(%q).Latest() is in year %d, want %d", c.edtf, y, c.hi)
		}
		if y, _, _ := d.Earliest().Civil(); y != c.lo {
			t.Errorf("ParseDate(%q).Earliest().Civil() year = %d, want %d", c.edtf, y, c.lo)
		}
	}
}

// Deep time sorts before history, in the order of the years, and by the
// order keys the stores index events with.
func TestDeepTimeOrder(t *testing.T) {
	want := []string{
		"../2021",
		"Y-100000000000",
		"Y-138E8S3",
		"Y-13800000000",
		"Y-13799999999",
		"Y-4600000000",
		"Y-64999999~",
		"Y-10000",
		"-9999",
		"-0043-03-15",
		"2017-08-14",
		"Y12345",
		"Y100000000000",
		"",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, func(a, b string) int { return MustParseDate(a).Compare(MustParseDate(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("Compare order:\n got %q\nwant %q", got, want)
	}
	key := func(s string) []byte { return OrderKey(&Event{ID: "e", Date: MustParseDate(s)}) }
	byEvents := slices.Clone(want)
	slices.SortStableFunc(byEvents, func(a, b string) int {
		ea, eb := Event{ID: "e", Date: MustParseDate(a)}, Event{ID: "e", Date: MustParseDate(b)}
		return CompareEvents(&ea, &eb)
	})
	got = slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, func(a, b string) int { return slices.Compare(key(a), key(b)) })
	if !slices.Equal(got, byEvents) {
		t.Errorf("OrderKey order:\n got %q\nwant %q", got, byEvents)
	}
	for _, s := range want[1 : len(want)-1] {
		d := MustParseDate(s)
		lo, hi, dated := OrderKeyBounds(OrderKey(&Event{ID: "e", Date: d}))
		if !dated || lo != d.Earliest() || hi != d.Latest() || lo.IsUnbounded() || hi.IsUnbounded() {
			t.Errorf("%s: order key bounds %v %v %v", s, lo, hi, dated)
		}
	}
}

// TestDeepTimeLabelsReadBack: every year of deep time reads as years
// ago, not some as years BCE, and ReadDate takes the label back to the
// year, but for the years a round figure names both of (13.8 billion
// years ago is -13,799,999,999 and -13,800,000,000).
func TestDeepTimeLabelsReadBack(t *testing.T) {
	for _, y := range []int64{-1_000_002, -1_000_001, -65_000_001, -251_902_500, -13_800_000_002, -13_800_000_001, -13_799_999_998, -99_999_999_999} {
		label := YearLabel(y)
		if !strings.HasSuffix(label, " years ago") {
			t.Errorf("YearLabel(%d) = %q, want years ago", y, label)
			continue
		}
		d, err := ReadDate(label)
		if err != nil {
			t.Errorf("ReadDate(%q): %v", label, err)
			continue
		}
		if got, _, _ := d.Earliest().Civil(); got != y {
			t.Errorf("ReadDate(YearLabel(%d) = %q) is year %d", y, label, got)
		}
	}
}

// People type deep time as chrono shows it.
func TestReadDeepTime(t *testing.T) {
	for _, c := range []struct{ in, edtf string }{
		{"13.8 billion years ago", "Y-13799999999"},
		{"c. 65 million years ago", "Y-64999999~"},
		{"2.5 million years ago", "Y-2499999"},
		{"251.902 million years ago", "Y-251901999"},
		{"538.8 – 251.902 million years ago", "Y-538799999/Y-251901999"},
		{"c. 538.8 million years ago – 251.902 million years ago", "Y-538799999~/Y-251901999"},
		{"10,000 BCE", "-9999"},
		{"12,345 BCE", "Y-12344"},
		{"12,345", "Y12345"},
		{"12,345 CE", "Y12345"},
		{"13,812,345,679 BCE", "Y-13812345678"},
		{"Y-138E8", "Y-138E8"},
	} {
		d, err := ReadDate(c.in)
		if err != nil || d.String() != c.edtf {
			t.Errorf("ReadDate(%q) = %q, %v; want %q", c.in, d.String(), err, c.edtf)
		}
	}
	for _, c := range []string{"200 billion years ago", "1.23456789012 billion years ago", "13.8 trillion years ago", "1,2345 BCE"} {
		if d, err := ReadDate(c); err == nil {
			t.Errorf("ReadDate(%q) = %q, want an error", c, d.String())
		}
	}
}
