package main

import (
	"io"
	"strings"

	"chrono/model"
)

// readText reads the text of a quote or a note given as - from r: as a
// file saved on Windows holds it, without its byte order mark and with
// its line ends as LF, and without the line end after its last line.
// Neither is part of what a source says, and kept they would make a quote
// typed right differ from its source's text.
func readText(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(model.SkipByteOrderMark(r), model.MaxTextBytes+1))
	if err != nil {
		return "", err
	}
	return strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n"), nil
}
