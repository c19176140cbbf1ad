package main

import (
	"os"
	"runtime/debug"
)

// browserMemory is the soft limit on the Go runtime's memory while the
// browser runs, unless GOMEMLIMIT sets another: as the heap nears it the
// collector works harder, rather than letting the heap grow to twice
// what is live. At a million events, the work the browser does in the
// background when it opens (the ↯ sets) took its own memory to 240 MiB
// without it; what stays live after is some 36 MiB. A larger
// investigation that needs more than the limit gets it: the collector
// then spends at most half the CPU keeping to it. (Halving GOGC as well
// kept the peak lower still, but cost the movement keys a quarter of
// their time. 48 MiB rather than 64 took the peak from 103 to 98 MiB
// and cost the keys nothing measurable: a key allocates 170 to 340 KB.)
const browserMemory = 48 << 20

// limitMemory sets the browser's soft memory limit.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(browserMemory)
	}
}
