package main

import (
	"fmt"
	"io"
	"strings"

	"chrono/model"
)

// readText reads the text of a quote or a note given as - from r: as a
// file saved on Windows holds it, without its byte order mark and with
// its line ends as LF, and without the line end after its last line.
// Neither is part of what a source says, and kept they would make a quote
// typed right differ from its source's text.
//
// A text longer than a quote or note may hold is refused here, saying so
// of standard input: read on to the end, a document piped in by mistake
// would only be counted to be refused. A text that is not UTF-8 is a
// usage error, as it is given on the command line, named (TEXT, --text)
// and placed by its byte as read.
func readText(r io.Reader, name string) (string, error) {
	// Twice the cap: line ends given as CRLF shrink a text that holds them.
	const most = 2 * model.MaxTextBytes
	b, err := io.ReadAll(io.LimitReader(model.SkipByteOrderMark(r), most+1))
	if err != nil {
		return "", err
	}
	text := strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if len(text) > model.MaxTextBytes || len(b) > most {
		size := model.Thousands(int64(len(text))) + " bytes"
		if len(b) > most {
			size = "more than " + model.Thousands(most) + " bytes"
		}
		return "", fmt.Errorf("standard input holds %s; a quote or note holds at most %s bytes: is it the file you meant?", size, model.Thousands(model.MaxTextBytes))
	}
	if m := model.TextNotUTF8(name+" from standard input", string(b)); m != "" {
		return "", usagef("%s", m)
	}
	return text, nil
}
