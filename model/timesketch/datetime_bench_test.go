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
