package listing

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// printer writes indented, wrapped lines and remembers the first error.
type printer struct {
	w     io.Writer
	width int
	err   error
}

func (p *printer) line(indent, s string) {
	if s == "" {
		indent = "" // no trailing spaces on a blank line
	}
	if p.err == nil {
		_, p.err = io.WriteString(p.w, indent+s+"\n")
	}
}

func (p *printer) blank() { p.line("", "") }

// field writes "  name     value", the value wrapped under itself.
func (p *printer) field(name, value string) {
	const nameWidth = 10
	lines := strings.Split(wrap(value, p.width-nameWidth-2), "\n")
	for i, l := range lines {
		label := ""
		if i == 0 {
			label = name
		}
		p.line("  "+label+strings.Repeat(" ", nameWidth-len(label)), l)
	}
}

// numbered writes text wrapped under indent, its first line with the
// item's number in the indent's place: "1. ".
func (p *printer) numbered(n int, indent, text string) {
	text = strings.ReplaceAll(text, "\t", "    ")
	for i, l := range strings.Split(wrap(text, p.width-len(indent)), "\n") {
		if i == 0 {
			p.line(fmt.Sprintf("%-*s", len(indent), strconv.Itoa(n)+"."), l)
			continue
		}
		p.line(indent, l)
	}
}

// numberIndent is the indent of a list of n numbered items: room for the
// largest number, its point and a space.
func numberIndent(n int) string { return strings.Repeat(" ", len(strconv.Itoa(n))+2) }

// wrapped writes text wrapped to the width, each line indented; the text's
// own line breaks are kept and its tabs laid out as spaces.
func (p *printer) wrapped(indent, text string) {
	text = strings.ReplaceAll(text, "\t", "    ")
	for _, l := range strings.Split(wrap(text, p.width-len(indent)), "\n") {
		p.line(indent, l)
	}
}
