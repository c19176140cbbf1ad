package formats

import (
	"bufio"
	"bytes"
	"strings"

	"chrono/model"
)

// markdownMiss says that head, the first bytes of a file, look like
// Markdown (a "# " heading first, a "## " heading after it, as chrono's
// own export writes), which chrono writes as a draft for a story but
// does not read back; "" for anything else.
func markdownMiss(head []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(model.TrimByteOrderMark(head)))
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			continue
		case first && !strings.HasPrefix(line, "# "):
			return ""
		case !first && strings.HasPrefix(line, "## "):
			return "it looks like Markdown, which chrono writes (export --format markdown, a draft for a story) but does not read back: import the investigation's chrono JSON (export --format json), or its events as chrono CSV"
		}
		first = false
	}
	return ""
}
