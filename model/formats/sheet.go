package formats

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/csvfmt"
)

// sheetMiss says what keeps head, the first bytes of a file, from being
// a spreadsheet chrono reads when its first line is the header of one
// chrono nearly reads: the same columns separated by semicolons (as
// spreadsheets set to a language with decimal commas save CSV) or by
// tabs (a spreadsheet's "Text (Tab delimited)", a TSV file), or the
// columns of TimelineJS's spreadsheet template, which --format timelinejs
// (TimelineJS's JSON) would not read either, or Timesketch's columns
// retyped in capitals. It returns "" for anything else.
func sheetMiss(head []byte) string {
	br := bufio.NewReader(bytes.NewReader(model.TrimByteOrderMark(head)))
	line, _, _ := br.ReadLine()
	line = bytes.Clone(line)
	second, _, _ := br.ReadLine()
	if bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(line)), []byte("sep=")) {
		return csvfmt.ExcelSeparatorLine(string(line))
	}
	for _, sep := range []struct {
		r    rune
		name string
	}{{';', "semicolons"}, {'\t', "tabs"}} {
		cells := readHeader(line, sep.r)
		if len(cells) <= 1 || len(readHeader(line, ',')) != 1 {
			continue
		}
		joined := []byte(strings.Join(cells, ","))
		if f, ok := detect(joined); ok {
			return "its header row is separated by " + sep.name + ": save the sheet as comma-separated CSV, and import that (" + f.Title + ")"
		}
		if tabular(cells, readHeader(second, sep.r)) {
			return "a sheet separated by " + sep.name + " whose header row (" + model.Shorten(string(line), 60) +
				") names the columns of neither chrono CSV (it needs id and title; date, summary, status, actors, tags and more may follow) nor Timesketch CSV: rename its columns to chrono CSV's, save it as comma-separated CSV, and import that"
		}
	}
	cells := readHeader(line, ',')
	for i, c := range cells {
		cells[i] = strings.ToLower(strings.TrimSpace(c))
	}
	if slices.Contains(cells, "message") && slices.Contains(cells, "timestamp_desc") &&
		(slices.Contains(cells, "datetime") || slices.Contains(cells, "timestamp")) {
		return "its header names Timesketch's columns in capitals or with spaces: a Timesketch CSV names them message, datetime and timestamp_desc, in lower case; rename them (--format timesketch says which)"
	}
	if slices.Contains(cells, "year") && slices.Contains(cells, "headline") && slices.Contains(cells, "display date") {
		return "a sheet of TimelineJS's spreadsheet template, which chrono does not read (it reads TimelineJS's JSON): copy its rows into chrono CSV (id,date,title,summary,... with the date in EDTF, such as 2017-08-14) and import that"
	}
	if tabular(cells, readHeader(second, ',')) {
		// A sheet of someone's own columns ("Date,Event,Description").
		return "a sheet whose header row (" + model.Shorten(strings.Join(readHeader(line, ','), ","), 60) +
			") names the columns of neither chrono CSV (it needs id and title; date, summary, status, actors, tags and more may follow) nor Timesketch CSV (message, datetime, timestamp_desc): rename its columns to chrono CSV's, and import that"
	}
	return ""
}

// readHeader splits a header line into its cells at sep, or returns nil
// when it is not CSV.
func readHeader(line []byte, sep rune) []string {
	cr := csv.NewReader(bytes.NewReader(line))
	cr.Comma = sep
	cr.LazyQuotes = true
	cells, err := cr.Read()
	if err != nil {
		return nil
	}
	return cells
}

// tabular reports whether a first row of cells and the row after it
// read as a sheet's header and row: several short names, and as many
// cells below, rather than a letter's first sentence with a comma in it.
func tabular(header, row []string) bool {
	if len(header) < 2 || len(row) != len(header) {
		return false
	}
	for _, c := range header {
		if c = strings.TrimSpace(c); c == "" || len([]rune(c)) > 40 || strings.ContainsAny(c, "<>{}") {
			return false
		}
	}
	return true
}
