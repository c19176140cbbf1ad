package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"chrono/model/termtext"
)

// openInputFile opens a file a command reads, saying what is wrong with
// the path and what to do, where the system's own error says "open x: no
// such file or directory" and, for a directory, only fails at the first
// read. A named pipe or a device is opened as any file.
func openInputFile(name string) (*os.File, error) {
	if name == "" {
		// Said as it is, the message would start with a bare colon.
		return nil, errors.New(`"": an empty file name (an unset shell variable?): give the path of a file, or - to read stdin`)
	}
	shown := termtext.Line(name)
	f, err := os.Open(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file: check the name, or give - to read stdin", shown)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: you may not read it: check its permissions (ls -l), or copy it somewhere you can read it", shown)
	case err != nil:
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory: name a file in it", shown)
	}
	return f, nil
}
