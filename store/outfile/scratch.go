package outfile

import "os"

// Scratch creates a temporary file in the system's temporary directory,
// named as os.CreateTemp names it from pattern, for a copy a command
// reads back (standard input, which reads once): removed by
// RemoveScratch, or by RemovePending when a signal ends the process
// first, so that a stopped command leaves no copy behind.
func Scratch(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	track(f.Name())
	return f, nil
}

// RemoveScratch closes and removes a file Scratch made.
func RemoveScratch(f *os.File) {
	f.Close()
	os.Remove(f.Name())
	forget(f.Name())
}
