package main

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident memory of a process that ended, in MiB.
func peakRSS(ps *os.ProcessState) float64 {
	if u, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(u.Maxrss) / 1024 // Linux counts it in KiB
	}
	return 0
}
