package main

import (
	"fmt"
	"io"
	"strings"

	"chrono/model/quotecheck"
)

// writeClosest writes the closest passage to a quote not found and the
// difference from it, as the browser's sources pane and chrono show say
// them, each line indented and the passage and difference two spaces
// further.
func writeClosest(w io.Writer, indent string, f quotecheck.Found) {
	for _, l := range f.Closest() {
		in := indent
		if l.Indented {
			in += "  "
		}
		for _, s := range strings.Split(l.Text, "\n") {
			if s == "" {
				fmt.Fprintln(w) // no trailing spaces on a blank line
				continue
			}
			fmt.Fprintf(w, "%s%s\n", in, s)
		}
	}
}
