package main

import (
	"errors"
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
// terminal acts on: a C0 control but tab and the line ends, DEL, or a C1
// control (U+0080–U+009F, two bytes in UTF-8, which may be split between
// writes: a write's last 0xC2 is held for the next). What comes before
// it is written; the rest fails.
type noControls struct {
	w    io.Writer
	held bool // a 0xC2 ended the last write, not written yet
	err  error
}

func (n *noControls) Write(p []byte) (int, error) {
	if n.err != nil {
		return 0, n.err
	}
	q := p
	if n.held {
		q = append([]byte{0xC2}, p...)
		n.held = false
	}
	for i, b := range q {
		c1 := i > 0 && q[i-1] == 0xC2 && b >= 0x80 && b <= 0x9F
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F || c1 {
			end := i
			if c1 {
				end = i - 1 // the 0xC2 before it goes with it
			}
			_, err := n.w.Write(q[:end])
			if err == nil {
				err = errControlOverSSH
			}
			n.err = err
			return 0, err
		}
	}
	if len(q) > 0 && q[len(q)-1] == 0xC2 {
		q, n.held = q[:len(q)-1], true // valid UTF-8 goes on in the next write
	}
	if _, err := n.w.Write(q); err != nil {
		n.err = err
		return 0, err
	}
	return len(p), nil
}
