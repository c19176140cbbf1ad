package csvfmt

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"chrono/model"
)

// bom is the UTF-8 byte order mark spreadsheets put before "CSV UTF-8".
const bom = "\uFEFF"

// Read decodes chrono CSV from r record by record, so that memory does not
// grow with the file, and sends each row's new sources and then its event
// to sink, numbered from 1. CSV has no header for the investigation, so
// sink.Header is not called.
//
// A row it cannot convert (a bad date, bad JSON, a cell that is not UTF-8)
// is reported with model.Report, with the line where the row starts, and
// the read goes on, so that every problem is found in one pass. What makes
// the rest unreadable (a missing id or title column, broken quoting) is
// returned. Cells of unknown columns are counted in losses, which may be
// nil.
func Read(r io.Reader, sink model.Sink, losses *model.Losses) error {
	if losses == nil {
		losses = new(model.Losses)
	}
	crlf := &model.CRLFCells{R: r}
	defer func() {
		if crlf.N > 0 {
			losses.Add(model.CRLFRead, crlf.N)
		}
	}()
	limit := model.NewRecordLimit(crlf)
	br := bufio.NewReader(limit)
	skipped := int64(0)
	if head, err := br.Peek(len(bom)); err == nil && string(head) == bom {
		_, _ = br.Discard(len(bom))
		skipped = int64(len(bom))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // a row of the wrong width is a problem of that row, not the end
	cr.ReuseRecord = true
	header, err := cr.Read()
	switch {
	case err == io.EOF:
		return model.Problem{Msg: "the file is empty: chrono CSV begins with a header row, " + HeaderRow}
	case err != nil:
		return syntaxProblem(err)
	}
	l, err := parseHeader(header)
	if err != nil {
		return err
	}
	rd := &reader{sink: sink, losses: losses, layout: l, sources: sourceSet{}}
	line := 1 // where the last row began, for a row too long to read
	for n := 0; ; {
		limit.Start(skipped + cr.InputOffset())
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, model.ErrRecordTooLarge) {
			return model.Problem{Line: line + 1, Msg: model.RowTooLarge, Err: model.ErrRecordTooLarge}
		}
		if err != nil {
			return syntaxProblem(err)
		}
		if blank(rec) {
			continue // spreadsheets export empty rows below the data
		}
		line, _ = cr.FieldPos(0)
		n++
		if err := rd.row(rec, line, n); err != nil {
			return err
		}
	}
}

// syntaxProblem turns a CSV syntax error into a problem at its line.
func syntaxProblem(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return model.Problem{Line: pe.Line, Msg: `a " inside a cell that does not begin with one: put the cell in quotes and double the quotes inside ("")`}
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine:
		return model.Problem{Line: pe.Line, Msg: fmt.Sprintf(`a quoted cell of the row that starts on line %d is not closed right: a " inside a quoted cell must be doubled (""), and the cell must end with "`, pe.StartLine)}
	case errors.Is(pe.Err, csv.ErrQuote):
		return model.Problem{Line: pe.Line, Msg: `a quoted cell is not closed right: a " inside a quoted cell must be doubled (""), and the cell must end with "`}
	}
	return model.Problem{Line: pe.Line, Msg: "invalid CSV: " + pe.Err.Error()}
}

func blank(rec []string) bool {
	for _, cell := range rec {
		if cell != "" {
			return false
		}
	}
	return true
}

// reader converts rows into events.
type reader struct {
	sink     model.Sink
	losses   *model.Losses
	layout   layout
	sources  sourceSet
	nSources int
}

// row converts one record, which starts on line, into the event numbered n.
func (rd *reader) row(rec []string, line, n int) error {
	var e model.Event
	var msgs []string
	// cell returns a column's cell and whether it is valid UTF-8.
	cell := func(c column) (string, bool) {
		i := rd.layout.index[c]
		if i < 0 || i >= len(rec) {
			return "", true
		}
		if !utf8.ValidString(rec[i]) {
			msgs = append(msgs, fmt.Sprintf("%s: not valid UTF-8: save the file as UTF-8 (in a spreadsheet, as CSV UTF-8)", columnNames[c]))
			return rec[i], false // kept for text, so that no other problem is made up
		}
		return rec[i], true
	}
	text := func(c column) string {
		s, _ := cell(c)
		s, _ = dropCRBeforeLF(unguard(s))
		return s
	}
	e.ID = text(colID)
	if len(rec) != rd.layout.width {
		msg := fmt.Sprintf("the row has %d cells and the header %d: a cell is missing, or a comma inside a cell is not quoted", len(rec), rd.layout.width)
		return rd.report(line, n, e.ID, msg)
	}
	if s, ok := cell(colDate); ok {
		var msg string
		if e.Date, msg = parseDate(s); msg != "" {
			msgs = append(msgs, msg)
		}
	}
	e.Title = text(colTitle)
	e.Summary = text(colSummary)
	e.Status = readStatus(text(colStatus))
	e.Actors = splitList(text(colActors))
	e.Tags = splitList(text(colTags))
	e.DateText = text(colDateText)
	e.DateSource = text(colDateSource)
	if s, ok := cell(colQuotes); ok {
		if msg := decodeList(unguard(s), "quote", &e.Quotes); msg != "" {
			msgs = append(msgs, "quotes_json: "+msg)
		}
	}
	if s, ok := cell(colSources); ok {
		var sources []model.Source
		if msg := decodeList(unguard(s), "source", &sources); msg != "" {
			msgs = append(msgs, "sources_json: "+msg)
		}
		for _, src := range sources {
			isNew, msg := rd.sources.add(src, line)
			if msg != "" {
				msgs = append(msgs, "sources_json: "+msg)
			}
			if !isNew {
				continue
			}
			rd.nSources++
			if l, ok := rd.sink.(model.SourceLocator); ok {
				l.SourceAt(rd.nSources, model.Place{Line: line}) // the row that declares it
			}
			if err := rd.sink.Source(src, rd.nSources); err != nil {
				return err
			}
		}
	}
	for _, u := range rd.layout.unknown {
		if rec[u.index] != "" {
			rd.losses.Add(u.loss, 1)
		}
	}
	for _, msg := range msgs {
		if err := rd.report(line, n, e.ID, msg); err != nil {
			return err
		}
	}
	if l, ok := rd.sink.(model.Locator); ok {
		l.EventAt(n, model.Place{Line: line}) // a duplicate id says its row's line
	}
	return model.SendEvent(rd.sink, e, n, rd.layout.fields())
}

func (rd *reader) report(line, n int, id, msg string) error {
	return model.Report(rd.sink, model.Problem{Line: line, Part: model.EventPart, ID: id, N: n, Msg: msg})
}
