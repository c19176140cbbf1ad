package pgtest

import (
	"os"
	"strconv"
	"testing"
)

// BenchEvents is the size of the benchmarks' investigation on the test
// cluster: 1,000,000 events unless CHRONO_BENCH_EVENTS names another.
func BenchEvents(tb testing.TB) int {
	tb.Helper()
	if v := os.Getenv("CHRONO_BENCH_EVENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			tb.Fatalf("CHRONO_BENCH_EVENTS=%q: not a number of events", v)
		}
		return n
	}
	return 1_000_000
}
