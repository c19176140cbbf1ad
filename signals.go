package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"chrono/store/outfile"
)

// clearOnSignal makes SIGINT, SIGTERM and SIGHUP, until the returned stop
// is called, remove what the command has half written (an export's or a
// backup's file, a large import's working directory) and end chrono with
// 128 and the signal's number, as a shell reports it: a killed export
// leaves nothing behind, as a failed one does not.
func (c *cli) clearOnSignal() (stop func()) {
	sigs := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		select {
		case sig := <-sigs:
			outfile.RemovePending()
			fmt.Fprintf(c.stderr, "\nchrono: %v: stopped; nothing half-written is left\n", sig)
			code := 128 + 1
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
