//go:build !linux

package main

import (
	"io"
	"os"
)

// readOnce returns f: only Linux is told that an input's pages will not
// be read again (inputpages_linux.go).
func readOnce(f *os.File) io.Reader { return f }
