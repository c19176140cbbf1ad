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

// revertMemory is the heap an undo, a redo or a revert aims to stay
// within, as an import does (importMemory): the revert of a large import
// makes garbage as fast as the import did (each event's record encoded,
// compressed and sorted), and without a limit the heap doubled past
// what was live before each collection: at 200,000 events, a peak of
// 0.5 GiB of which a third was live.
const revertMemory = 192 << 20

// limitRevertMemory sets the revert's soft memory limit, unless
// GOMEMLIMIT sets another, and returns what puts the one before back.
func limitRevertMemory() (restore func()) { return limitHeap(revertMemory) }

// verifyMemory is the heap verify --journal aims to stay within, as an
// import does (importMemory): it decodes the version of each event that
// the undo of an import and its redo record, each garbage once hashed,
// and holds little more than its sorter's buffers (under 100 MiB live
// at a million events). Without a limit the heap doubled past that
// before each collection: at a million events imported, undone and
// redone, a peak RSS of 316 MiB, against 266 MiB with it, in as long.
const verifyMemory = 192 << 20

// limitVerifyMemory sets verify --journal's soft memory limit, as
// limitRevertMemory.
func limitVerifyMemory() (restore func()) { return limitHeap(verifyMemory) }

// limitHeap sets the soft memory limit to n bytes, unless GOMEMLIMIT
// sets another, and returns what puts the one before back.
func limitHeap(n int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	before := debug.SetMemoryLimit(n)
	return func() { debug.SetMemoryLimit(before) }
}

// serverGCPercent is the collector's GOGC while chrono serve runs,
// unless GOGC sets another. Fifty sessions browsing keep some 45 MiB
// live and allocate about 3.5 GB a minute between them; at Go's default
// (100) the collector ran some 75 times a minute, each time for 10–30
// ms with one of two cores, and the keys pressed then were the slowest
// the server answered (20–28 ms, against 20). At 400 it runs a quarter
// as often, for a heap of some 225 MiB (BENCHMARKS.md, "chrono serve:
// collecting a quarter as often").
const serverGCPercent = 400

// serverMemory is the server's soft memory limit, unless GOMEMLIMIT
// sets another: a server whose sessions keep more live collects more
// often as its heap nears it, rather than growing to five times what
// is live.
const serverMemory = 1 << 30

// collectForServing sets the server's collector.
func collectForServing() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serverMemory)
	}
}
