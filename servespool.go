package main

import (
	"fmt"
	"io"
	"os"
)

// spooled runs a command served over SSH with its output written to a
// file on the server's disk first, and only then sent to the client:
// the command holds the store while it runs, and a client that reads
// slowly, or stops reading (its terminal paused, its pipe full), would
// otherwise hold it as long as it does, and every session's writes and
// every local chrono command would wait for it. The file has no name
// once made (on Unix), so nothing is left behind by a crash.
func spooled(stdout, stderr io.Writer, run func(stdout io.Writer) int) int {
	f, err := os.CreateTemp("", "chrono-ssh-output-*")
	if err != nil {
		fmt.Fprintf(stderr, "chrono: nothing was run: the server has no room for the command's output (%v)\n", err)
		return 1
	}
	named := os.Remove(f.Name()) != nil // Windows keeps an open file's name
	defer func() {
		f.Close()
		if named {
			os.Remove(f.Name())
		}
	}()
	code := run(f)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		fmt.Fprintf(stderr, "chrono: the command's output could not be read back on the server: %v\n", err)
		return 1
	}
	if _, err := io.Copy(stdout, f); err != nil {
		return 1 // the client went away: there is no one to tell
	}
	return code
}
