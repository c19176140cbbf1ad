package main

import (
	"os"
	"runtime/debug"
)

// While the browser runs, the collector lets the heap grow to half as
// much again as what is live (browserGC, unless GOGC sets another), not
// twice, and works harder still as the runtime's memory nears
// browserMemory (a soft limit, unless GOMEMLIMIT sets another). At a
// million events, the work the browser does in the background when it
// opens (the ↯ sets) took its own memory to 240 MiB without them, and
// to 66 MiB with them; what stays live after is some 36 MiB. A larger
// investigation that needs more than the limit gets it: the collector
// then spends at most half the CPU keeping to it.
const (
	browserGC     = 50
	browserMemory = 64 << 20
)

// limitMemory sets the browser's collector.
func limitMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(browserGC)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(browserMemory)
	}
}
