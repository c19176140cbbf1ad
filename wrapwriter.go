package main

import (
	"bytes"
	"io"
)

// wrapWriter passes what is written to it on to w a line at a time,
// each wrapped to width (wrapped): a report written in pieces is wrapped
// as the lines it makes.
type wrapWriter struct {
	w     io.Writer
	width int
	hang  int    // wrappedHanging's
	held  []byte // the line begun and not yet ended
}

// Write holds p until its line ends, and writes the lines it ends.
func (ww *wrapWriter) Write(p []byte) (int, error) {
	ww.held = append(ww.held, p...)
	i := bytes.LastIndexByte(ww.held, '\n')
	if i < 0 {
		return len(p), nil
	}
	_, err := io.WriteString(ww.w, wrappedHanging(string(ww.held[:i]), ww.width, ww.hang)+"\n")
	ww.held = append(ww.held[:0], ww.held[i+1:]...)
	return len(p), err
}

// Flush writes a line begun and not ended.
func (ww *wrapWriter) Flush() error {
	if len(ww.held) == 0 {
		return nil
	}
	_, err := io.WriteString(ww.w, wrappedHanging(string(ww.held), ww.width, ww.hang))
	ww.held = ww.held[:0]
	return err
}

// out is where what chrono says goes on stdout: wrapped to the
// terminal's width when stdout is a terminal (wrapWriter), and as it is
// written otherwise. done writes what is left.
func (c *cli) out() (w io.Writer, done func() error) { return c.outHanging(0) }

// outHanging is out, a line without an indent going on under hang
// columns (wrappedHanging).
func (c *cli) outHanging(hang int) (w io.Writer, done func() error) {
	if c.outWidth <= 0 {
		return c.stdout, func() error { return nil }
	}
	ww := &wrapWriter{w: c.stdout, width: c.outWidth, hang: hang}
	return ww, ww.Flush
}
