package csvfmt

import (
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
)

// column is one of the columns chrono CSV knows.
type column int

const (
	colID column = iota
	colDate
	colTitle
	colSummary
	colStatus
	colActors
	colTags
	colDateText
	colDateSource
	colQuotes
	colSources
	numColumns
)

// columnNames are the header's names, in the order Write writes them.
var columnNames = [numColumns]string{"id", "date", "title", "summary", "status", "actors", "tags", "date_text", "date_source", "quotes_json", "sources_json"}

// HeaderRow is the header row Write writes: the column names in order.
const HeaderRow = "id,date,title,summary,status,actors,tags,date_text,date_source,quotes_json,sources_json"

// layout says where each column is in a file's rows.
type layout struct {
	index   [numColumns]int // -1 when absent
	unknown []unknownColumn
	width   int // cells in the header row
}

// unknownColumn is a header cell that names no column chrono knows.
type unknownColumn struct {
	index int
	loss  model.Loss
}

// Carries is the event fields chrono CSV has columns for. The rest (links,
// notes, media) an update keeps as stored.
const Carries = model.FieldDate | model.FieldTitle | model.FieldSummary | model.FieldStatus |
	model.FieldActors | model.FieldTags | model.FieldDateText | model.FieldDateSource | model.FieldQuotes

// columnFields are the event fields the columns hold; id and sources_json
// hold none.
var columnFields = [numColumns]model.FieldSet{
	colDate: model.FieldDate, colTitle: model.FieldTitle, colSummary: model.FieldSummary,
	colStatus: model.FieldStatus, colActors: model.FieldActors, colTags: model.FieldTags, colQuotes: model.FieldQuotes,
	colDateText: model.FieldDateText, colDateSource: model.FieldDateSource,
}

// fields returns the event fields the file's columns hold: a sheet
// without a status column leaves the stored statuses as they are.
func (l *layout) fields() model.FieldSet {
	var s model.FieldSet
	for c, i := range l.index {
		if i >= 0 {
			s |= columnFields[c]
		}
	}
	return s
}

// headerName normalises a header cell: spreadsheet users retype headers
// with spaces and capitals, which change nothing.
func headerName(cell string) string { return strings.ToLower(strings.TrimSpace(cell)) }

// knownColumn returns the column a header cell names.
func knownColumn(cell string) (column, bool) {
	name := headerName(cell)
	for c, n := range columnNames {
		if n == name {
			return column(c), true
		}
	}
	return 0, false
}

// parseHeader maps the header row's cells to columns. A missing id or
// title column, or a known column given twice, is an error: no row could
// be read right.
func parseHeader(header []string) (layout, error) {
	l := layout{width: len(header)}
	if len(header) >= 1 && len(header) <= 2 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(header[0])), "sep=") {
		return l, model.Problem{Line: 1, Msg: ExcelSeparatorLine(strings.Join(header, ","))}
	}
	for c := range l.index {
		l.index[c] = -1
	}
	for i, cell := range header {
		c, ok := knownColumn(cell)
		if !ok {
			l.unknown = append(l.unknown, unknownColumn{index: i, loss: UnknownColumn(strings.TrimSpace(cell))})
			continue
		}
		if first := l.index[c]; first >= 0 {
			return l, model.Problem{Line: 1, Msg: fmt.Sprintf("column %q appears twice (columns %d and %d): keep one", columnNames[c], first+1, i+1)}
		}
		l.index[c] = i
	}
	for _, c := range []column{colID, colTitle} {
		if l.index[c] >= 0 {
			continue
		}
		msg := fmt.Sprintf("column %q missing: chrono CSV needs at least id and title columns; its header is %s", columnNames[c], HeaderRow)
		if len(header) == 1 && strings.Contains(header[0], ";") {
			msg = "the header row is separated by semicolons: save the sheet as comma-separated CSV (" + HeaderRow + ")"
		} else if len(header) == 1 && strings.Contains(header[0], "\t") {
			msg = "the header row is separated by tabs: save the sheet as comma-separated CSV (" + HeaderRow + ")"
		}
		return l, model.Problem{Line: 1, Msg: msg}
	}
	return l, nil
}

// ExcelSeparatorLine is what is said of a file whose first line is
// Excel's "sep=," (which Excel writes, and reads, before a header row
// that no other program expects there): line, as read.
func ExcelSeparatorLine(line string) string {
	line = strings.TrimSpace(line)
	if line == "sep=," {
		return `its first line, "sep=,", is a hint only Excel reads: delete that line, and import the rest`
	}
	return "its first line, " + strconv.Quote(model.Shorten(line, 20)) + ", is a hint only Excel reads, of a sheet not separated by commas: save the sheet as comma-separated CSV, and import that"
}
