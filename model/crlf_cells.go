package model

import (
	"bytes"
	"io"
)

// CRLFCells passes a CSV file through and counts the line breaks written
// CR LF inside quoted cells: a CSV reader (encoding/csv) reads them as LF,
// so the carriage return is not carried, and the import says so rather
// than drop it unseen.
type CRLFCells struct {
	R io.Reader
	// N is how many such line breaks have passed.
	N int

	quoted, cr bool // inside a quoted cell; the last byte was a CR
}

// Read implements io.Reader.
func (c *CRLFCells) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	chunk := p[:n]
	if bytes.IndexByte(chunk, '\r') < 0 {
		// Nearly every chunk: only whether it ends inside quotes matters,
		// and its first byte, after a CR that ended the last.
		if n > 0 && c.cr && c.quoted && chunk[0] == '\n' {
			c.N++
		}
		c.quoted = c.quoted != (bytes.Count(chunk, []byte{'"'})%2 == 1)
		c.cr = c.cr && n == 0
		return n, err
	}
	for _, b := range chunk {
		switch {
		case b == '"':
			c.quoted = !c.quoted // "" inside a cell turns it twice
		case b == '\n' && c.cr && c.quoted:
			c.N++
		}
		c.cr = b == '\r'
	}
	return n, err
}

// CRLFRead counts the CR LF line breaks read as LF inside cells.
var CRLFRead = Loss{One: "line break written CR LF inside a cell read as LF", Many: "line breaks written CR LF inside cells read as LF"}
