package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// A CSV export carries text exactly as it came, control characters and
// all, and chrono does not print it to a terminal (forTerminal). Over SSH
// it cannot tell where the output goes: the client's terminal, often.
// So a served CSV export goes on only while its text holds no character
// a terminal acts on, and stops before the first one, saying what to do.

// errControlOverSSH stops a served CSV export at a control character.
var errControlOverSSH = errors.New("the CSV holds a control character from the investigation's text (an escape sequence, say), which chrono does not send to a terminal, and over SSH it cannot tell that yours will not get it: export as chrono JSON or Timesketch JSONL, which escape such characters, or have the CSV exported on the server with -o FILE")

// noControls passes writes on to w until one holds a character a
// terminal acts on: a C0 control but tab, a line feed and a carriage
// return before one (a lone carriage return draws what follows over its
// line), DEL, or a C1 control (U+0080–U+009F, two bytes in UTF-8). A
// write's last byte that decides only with the next (0xC2, a carriage
// return) is held for it. What comes before the control is written; the
// rest fails.
type noControls struct {
	w    io.Writer
	held byte // the last write's last byte, not written yet; 0 for none
	err  error
	// lines is how many line feeds went through: the control stopped
	// at is on the next line, which the error names.
	lines int
}

func (n *noControls) Write(p []byte) (int, error) {
	if n.err != nil {
		return 0, n.err
	}
	q := p
	if n.held != 0 {
		q = append([]byte{n.held}, p...)
		n.held = 0
	}
	for i, b := range q {
		c1 := i > 0 && q[i-1] == 0xC2 && b >= 0x80 && b <= 0x9F
		loneCR := b == '\r' && i+1 < len(q) && q[i+1] != '\n'
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || loneCR || b == 0x7F || c1 {
			end := i
			if c1 {
				end = i - 1 // the 0xC2 before it goes with it
			}
			_, err := n.w.Write(q[:end])
			if err == nil {
				err = n.stopped(q[:end])
			}
			n.err = err
			return 0, err
		}
	}
	if last := len(q) - 1; last >= 0 && (q[last] == 0xC2 || q[last] == '\r') {
		q, n.held = q[:last], q[last] // decided by the next write
	}
	if _, err := n.w.Write(q); err != nil {
		n.err = err
		return 0, err
	}
	n.lines += bytes.Count(q, []byte{'\n'})
	return len(p), nil
}

// stopped is the error at a control, after written went through: it
// names the line of the CSV the control is on, the header its first.
func (n *noControls) stopped(written []byte) error {
	n.lines += bytes.Count(written, []byte{'\n'})
	return fmt.Errorf("line %d of the CSV (the header is line 1): %w", n.lines+1, errControlOverSSH)
}

// Close fails on a carriage return left last, which no line feed
// followed; a 0xC2 left last is not UTF-8, and goes on as it is.
func (n *noControls) Close() error {
	held := n.held
	n.held = 0
	switch {
	case n.err != nil || held == 0:
		return n.err
	case held == '\r':
		n.err = n.stopped(nil)
		return n.err
	}
	_, n.err = n.w.Write([]byte{held})
	return n.err
}
