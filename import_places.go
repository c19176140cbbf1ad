package main

import (
	"errors"
	"io"

	"chrono/model"
	"chrono/model/native"
)

// placeProblems moves the problems of the chrono JSON inputs that the
// reader placed at an event's opening brace to the member each names, in
// an import that failed: the file is read again for it.
func placeProblems(inputs []importInput, err error) {
	var ps *model.Problems
	if !errors.As(err, &ps) {
		return
	}
	for _, in := range inputs {
		if doc := in.reread(); doc != nil {
			// On an error the problems stay where the reader put them.
			_ = native.PlaceInDocument(doc, in.Name, ps.List)
		}
	}
}

// reread is the bytes of a chrono JSON input to read again: its file, or
// the copy kept of standard input; nil for other formats.
func (in importInput) reread() io.ReaderAt {
	switch {
	case in.snaps == nil:
		return nil
	case in.file != nil:
		return in.file
	case in.snaps.spool != nil:
		return in.snaps.spool
	}
	return nil
}
