package timesketch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"chrono/model"
)

// csv reads a header row naming the columns, in any order, then one
// record per row (RFC 4180: a cell with commas, quotes or line breaks is
// quoted). A row that is malformed or has the wrong number of cells is
// reported with the line it starts on, and the next row is read. The
// first line is line blank+1.
func (rd *reader) csv(br *bufio.Reader, blank int) error {
	crlf := &model.CRLFCells{R: beforeWait{br, rd}}
	defer func() {
		if crlf.N > 0 {
			rd.losses.Add(model.CRLFRead, crlf.N)
		}
	}()
	limit := model.NewRecordLimit(crlf)
	cr := csv.NewReader(limit)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return rd.fatal(blank+pe.Line, "the header row: "+describeCSV(pe.Err))
		}
		return err
	}
	header = slices.Clone(header)
	if msg := checkHeader(header); msg != "" {
		return rd.fatal(blank+1, msg)
	}
	last := 1 // the line the last row began on, for a row too long to read
	for {
		limit.Start(cr.InputOffset())
		cells, err := cr.Read()
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, model.ErrRecordTooLarge):
			return model.Problem{Line: blank + last + 1, Msg: model.RowTooLarge, Err: model.ErrRecordTooLarge}
		case errors.Is(err, csv.ErrFieldCount):
			errors.As(err, &pe)
			rd.events++ // the row still counts, so positions match the file
			msg := fmt.Sprintf("the row has %d cells but the header names %d columns: quote any cell with a comma in it", len(cells), len(header))
			if err := rd.report(blank+pe.StartLine, 0, msg); err != nil {
				return err
			}
			continue
		case errors.As(err, &pe):
			rd.events++
			if err := rd.report(blank+pe.Line, pe.Column, describeCSV(pe.Err)); err != nil {
				return err
			}
			continue
		case err != nil:
			return err
		}
		line, _ := cr.FieldPos(0)
		last = line
		rec := &record{line: blank + line, csv: true, micros: rd.micros, keys: header, vals: make([]value, len(cells))}
		bad := -1 // the first column whose cell is not UTF-8 (its name may be "")
		for i, c := range cells {
			if !utf8.ValidString(c) && bad < 0 {
				bad = i
			}
			rec.vals[i] = value{text: c}
		}
		if bad >= 0 {
			if err := rd.report(rec.line, 0, fmt.Sprintf("column %d (%q): not valid UTF-8 (save the file as UTF-8)", bad+1, header[bad])); err != nil {
				return err
			}
			rd.events++ // the row still counts, so positions match the file
			continue
		}
		if err := rd.record(rec); err != nil {
			return err
		}
	}
}

// checkHeader says what is wrong with a header row, or "".
func checkHeader(header []string) string {
	seen := make(map[string]bool, len(header))
	for _, h := range header {
		if !utf8.ValidString(h) {
			return fmt.Sprintf("column %q: not valid UTF-8 (save the file as UTF-8)", h)
		}
		if seen[h] {
			return fmt.Sprintf("column %q appears twice in the header row", h)
		}
		seen[h] = true
	}
	var missing []string
	for _, want := range []string{keyMessage, keyDatetime, keyDesc} {
		if !seen[want] && !(want == keyDatetime && seen[keyTimestamp]) {
			missing = append(missing, want)
		}
	}
	// A spreadsheet set to a language that writes decimal commas saves
	// CSV with semicolons: the whole header is then one cell.
	if len(missing) > 0 && len(header) == 1 && strings.Contains(header[0], ";") {
		return "the header row is separated by semicolons: save the sheet as comma-separated CSV (a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc)"
	}
	if len(missing) > 0 && len(header) == 1 && strings.Contains(header[0], "\t") {
		return "the header row is separated by tabs: save the sheet as comma-separated CSV (a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc)"
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("the header row has no %s column: a Timesketch CSV starts with a header row naming message, datetime and timestamp_desc", strings.Join(missing, " or "))
		// Timesketch's names are exact: "Message" is another column, but
		// one retyped in a spreadsheet, to be named so.
		var near []string
		for _, h := range header {
			for _, want := range append(missing, keyTimestamp) {
				if h != want && strings.EqualFold(strings.TrimSpace(h), want) {
					near = append(near, fmt.Sprintf("%q as %s", h, want))
				}
			}
		}
		if len(near) > 0 {
			msg += " in lower case, without spaces: rename " + strings.Join(near, ", ")
		}
		return msg
	}
	return ""
}

// describeCSV says what is wrong with CSV syntax and how to fix it.
func describeCSV(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `invalid CSV: a " in a cell that is not quoted: quote the cell and double the " inside it ("say ""hi""")`
	case errors.Is(err, csv.ErrQuote):
		return `invalid CSV: a quoted cell is not closed, or its closing " is followed by more text: double any " inside a quoted cell`
	}
	return "invalid CSV: " + err.Error()
}

// beforeWait is the input of a CSV read: before it waits for more, the
// records held back reach the sink, so that a stream's records reach it
// as they come.
type beforeWait struct {
	br *bufio.Reader
	rd *reader
}

func (w beforeWait) Read(p []byte) (int, error) {
	if w.br.Buffered() == 0 {
		if err := w.rd.flushRun(); err != nil {
			return 0, err
		}
	}
	return w.br.Read(p)
}
