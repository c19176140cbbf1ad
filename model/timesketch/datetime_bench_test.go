package timesketch

import "testing"

// BenchmarkDateFromMicros dates a timestamp, as every record of Plaso's
// json_line (which has no datetime) is dated.
func BenchmarkDateFromMicros(b *testing.B) {
	us := int64(1340821021123456)
	for b.Loop() {
		us += 7_919_113
		if dateFromMicros(us).IsZero() {
			b.Fatal("no date")
		}
	}
}

// BenchmarkIDTime writes a timestamp's instant as a made-up id hashes
// it, as for every record of Plaso's json_line.
func BenchmarkIDTime(b *testing.B) {
	us := int64(1340821021123456)
	for b.Loop() {
		us += 7_919_113
		if idTime(dateFromMicros(us), "") == "" {
			b.Fatal("no time")
		}
	}
}
