package listing

import (
	"io"
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

// wrapped writes text wrapped to the width, each line indented; the text's
// own line breaks are kept and its tabs laid out as spaces.
func (p *printer) wrapped(indent, text string) {
	text = strings.ReplaceAll(text, "\t", "    ")
	for _, l := range strings.Split(wrap(text, p.width-len(indent)), "\n") {
		p.line(indent, l)
	}
}
