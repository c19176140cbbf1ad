package main

import "strings"

// csvPlace follows the CSV a served export writes, byte by byte, so that
// the control it stops at is named by its event's id and its column, as
// the local export names a cell it cannot write. It reads CSV as
// encoding/csv writes it: a cell is quoted or not, a quote inside a
// quoted cell doubled, a line feed ending a record outside quotes.
type csvPlace struct {
	record int // records ended so far; 0 while the header is read
	field  int // cells of the record ended so far
	quoted bool
	// quote is a quote seen inside a quoted cell: doubled, it is one of
	// the cell's quotes; before a comma or a line feed, the cell's end.
	quote  bool
	start  bool // nothing of the cell read yet
	cell   strings.Builder
	header []string
	idCol  int    // the header's "id" (chrono CSV) or "chrono_id" (Timesketch CSV); -1 for none
	id     string // the id of record idOf, once its cell has ended
	idOf   int
}

func newCSVPlace() *csvPlace { return &csvPlace{idCol: -1, start: true} }

// feed reads the bytes written.
func (c *csvPlace) feed(p []byte) {
	for _, b := range p {
		c.byte(b)
	}
}

func (c *csvPlace) byte(b byte) {
	if c.quoted {
		if !c.quote {
			if b == '"' {
				c.quote = true
			} else {
				c.keep(b)
			}
			return
		}
		c.quote = false
		if b == '"' {
			c.keep(b)
			return
		}
		c.quoted = false // the cell ended: b is what follows it
	}
	switch b {
	case '"':
		if c.start {
			c.quoted, c.start = true, false
			return
		}
		c.keep(b)
	case ',':
		c.endCell()
	case '\n':
		c.endCell()
		c.record++
		c.field = 0
	case '\r':
		// The line's end, with the line feed that follows.
	default:
		c.keep(b)
	}
}

// keep adds b to the cell when the cell is one to remember: the
// header's, or the id's.
func (c *csvPlace) keep(b byte) {
	if c.record == 0 || c.field == c.idCol {
		c.cell.WriteByte(b)
	}
	c.start = false
}

func (c *csvPlace) endCell() {
	switch {
	case c.record == 0:
		name := c.cell.String()
		if c.idCol < 0 && (name == "id" || name == "chrono_id") {
			c.idCol = len(c.header)
		}
		c.header = append(c.header, name)
	case c.field == c.idCol:
		c.id, c.idOf = c.cell.String(), c.record
	}
	c.cell.Reset()
	c.field++
	c.quoted, c.quote, c.start = false, false, true
}

// column names the cell being read by its header, when there is one.
func (c *csvPlace) column() string {
	if c.record == 0 || c.field >= len(c.header) {
		return ""
	}
	return c.header[c.field]
}

// idOfRecord is record's id, when its cell has been read.
func (c *csvPlace) idOfRecord(record int) string {
	if c.idOf != record {
		return ""
	}
	return c.id
}

// done reports whether reading ahead from a control in record has
// reached what it needs: the end of the record's id, or of the record.
func (c *csvPlace) done(record int) bool {
	return c.record != record || c.field > c.idCol
}
