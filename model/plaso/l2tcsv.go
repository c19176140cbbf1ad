package plaso

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/timesketch"
)

// The l2tcsv columns chrono reads into fields; the others are attributes.
const (
	colDate = iota
	colTime
	colTimezone
	colMACB
	colSource
	colSourcetype
	colType
	colUser
	colHost
	colShort
	colDesc
	colVersion
	colFilename
	colInode
	colNotes
	colFormat
	colExtra
)

// l2tcsv is the state of one l2tcsv read.
type l2tcsv struct {
	sink   model.Sink
	losses *model.Losses
	zones  zones
	ids    map[uint64]int // how often each made-up id was made
	alike  timesketch.Alike
	events int       // rows read: the position of the next event is events+1
	run    []heldRow // rows of one time held back (flushRun)
}

// readL2TCSV reads the header row, then one event per row, a row a line.
// psort quotes nothing (it turns commas in a value into spaces), so a row
// with 16 commas is split at them and a quote in it is text: a Windows
// command line "C:\...\svchost.exe" -k netsvcs is read as written. A row
// a spreadsheet saved again, with RFC 4180 quoting, is read as CSV, a
// quoted cell going on over the lines its line breaks make. A row that
// is not 17 cells, or not UTF-8, or whose date cannot be read, is
// reported with its line, and the next row is read.
func readL2TCSV(br *bufio.Reader, sink model.Sink, losses *model.Losses) error {
	model.SkipByteOrderMark(br) // a *bufio.Reader is read on in place
	rd := &l2tcsv{sink: sink, losses: losses, zones: zones{}, ids: map[uint64]int{}}
	sc := bufio.NewScanner(beforeWait{br, rd})
	sc.Buffer(make([]byte, 0, 64<<10), model.MaxRecordBytes)
	sc.Split(linesKeepingCR)
	header := true
	line := 0
	for sc.Scan() {
		line++
		at := line // where the row begins, which its problems name
		cr := strings.HasSuffix(sc.Text(), "\r")
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		cells, msg := splitRow(text)
		crlf := 0
		if open := quotedAfter(text, false); msg != "" && open {
			// The line broke inside a quoted cell: the row goes on to
			// the line that closes it, the break read as LF. It is split
			// once, there: a quote never closed would otherwise have
			// the rest of the file split again at each line.
			row := []byte(text)
			for open && len(row) < model.MaxRecordBytes && sc.Scan() {
				line++
				if cr {
					crlf++
				}
				cr = strings.HasSuffix(sc.Text(), "\r")
				next := strings.TrimSuffix(sc.Text(), "\r")
				row = append(append(row, '\n'), next...)
				open = quotedAfter(next, true)
			}
			cells, msg = splitRow(string(row))
			switch {
			case open && len(row) >= model.MaxRecordBytes:
				msg = fmt.Sprintf("a cell quoted on this line runs past the %d MiB a row may have, unclosed; %s", model.MaxRecordBytes>>20, quotingHint)
			case open:
				msg = "a cell quoted on this line is never closed: the rest of the file reads as inside it; " + quotingHint
			}
		}
		if header {
			if msg != "" || !isHeader(cells) {
				return model.Problem{Line: at, Msg: "the header row is not l2tcsv's: it names the 17 columns " + strings.Join(columns, ",")}
			}
			header = false
			continue
		}
		rd.events++ // a row that is reported still counts, so positions match the file
		if msg != "" {
			if err := rd.report(at, 0, msg); err != nil {
				return err
			}
			continue
		}
		if crlf > 0 {
			rd.losses.Add(model.CRLFRead, crlf)
		}
		if err := rd.row(at, cells); err != nil {
			return err
		}
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		if err := rd.flushRun(); err != nil {
			return err
		}
		return model.Problem{Line: line + 1, Msg: model.RowTooLarge, Err: model.ErrRecordTooLarge}
	} else if err != nil {
		return err
	}
	return rd.flushRun()
}

// beforeWait is the input of an l2tcsv read: before it waits for more,
// the rows held back reach the sink, so that a stream's rows reach it as
// they come.
type beforeWait struct {
	br *bufio.Reader
	rd *l2tcsv
}

func (w beforeWait) Read(p []byte) (int, error) {
	if w.br.Buffered() == 0 {
		if err := w.rd.flushRun(); err != nil {
			return 0, err
		}
	}
	return w.br.Read(p)
}

// splitRow splits a line into its cells: at its commas when it has
// l2tcsv's 16 and no cell is quoted as CSV quotes it, else as a line of
// CSV.
func splitRow(text string) ([]string, string) {
	if strings.Count(text, ",") == len(columns)-1 {
		cells := strings.Split(text, ",")
		if !slices.ContainsFunc(cells, csvQuoted) {
			return cells, ""
		}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cells, err := cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, fmt.Sprintf("invalid CSV at column %d: %v: %s", pe.Column, pe.Err, quotingHint)
	}
	if err != nil {
		return nil, "invalid CSV: " + err.Error()
	}
	return cells, ""
}

// quotingHint says how a row of l2tcsv is quoted, when it is.
const quotingHint = "psort quotes nothing; a spreadsheet quotes a cell whole and doubles the \" inside it"

// linesKeepingCR is bufio.ScanLines leaving a CR before the LF on the
// line, so that a line break inside a quoted cell can be told written
// CR LF, and counted when it is read as LF.
func linesKeepingCR(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// quotedAfter reports whether a line of CSV ends inside a quoted cell:
// one that begins with " and has not met the " that ends it (a "" inside
// being one " of its text). in says the line begins inside one.
func quotedAfter(text string, in bool) bool {
	cellStart := !in
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case in && c == '"' && i+1 < len(text) && text[i+1] == '"':
			i++
		case in && c == '"':
			in = false
		case !in && cellStart && c == '"':
			in = true
		}
		cellStart = !in && c == ','
	}
	return in
}

// csvQuoted reports whether a cell is in CSV's quoted form: "...", with
// every " inside doubled.
func csvQuoted(c string) bool {
	return len(c) >= 2 && c[0] == '"' && c[len(c)-1] == '"' && !strings.Contains(strings.ReplaceAll(c[1:len(c)-1], `""`, ""), `"`)
}

func (rd *l2tcsv) report(line, col int, msg string) error {
	if err := rd.flushRun(); err != nil {
		return err // the rows before it come first
	}
	return model.Report(rd.sink, model.Problem{Line: line, Column: col, Msg: msg})
}

// row converts one row and sends it, or reports what is wrong with it.
func (rd *l2tcsv) row(line int, cells []string) error {
	if len(cells) != len(columns) {
		return rd.report(line, 0, fmt.Sprintf("the row has %d cells, l2tcsv has 17: is a comma in a value not quoted?", len(cells)))
	}
	for i, c := range cells {
		if !utf8.ValidString(c) {
			return rd.report(line, 0, fmt.Sprintf("column %d (%s): not valid UTF-8 (save the file as UTF-8)", i+1, columns[i]))
		}
	}
	var e model.Event
	var problems []string
	date, msg := rd.date(cells[colDate], cells[colTime], cells[colTimezone])
	if strings.TrimSpace(cells[colType]) == notATime && !date.IsZero() {
		// Plaso's event without a time, written at the epoch.
		date = model.Date{}
		rd.losses.Add(NotATime, 1)
	}
	if msg != "" {
		problems = append(problems, msg)
	}
	e.Date = date
	e.Title = value(cells[colDesc])
	if e.Title == "" {
		e.Title = value(cells[colShort])
	}
	if strings.TrimSpace(e.Title) == "" {
		problems = append(problems, "desc: missing: every l2tcsv row says what happened; it is the event's title")
	}
	notes := value(cells[colNotes])
	if labels, ok := timesketch.PlasoLabels(notes); ok {
		e.Tags = labels
		if len(strings.Fields(notes)) > 1 {
			// psort's event tag, or words someone wrote ("TODO ask
			// Bob"): read as a tag each, and said.
			rd.losses.Add(NotesLabels, 1)
		}
		notes = ""
	}
	var summary strings.Builder
	for i, c := range cells {
		c = value(c)
		switch {
		case c == "", i == colDate, i == colTime, i == colDesc, i == colNotes:
			continue
		case i == colTimezone && strings.EqualFold(c, "UTC"):
			continue // the date's offset says it
		case i == colShort && saysNoMore(c, e.Title):
			continue
		case i == colVersion && c == "2":
			continue // the format's version, not the event's
		}
		timesketch.AppendAttribute(&summary, columns[i], c)
	}
	if notes != "" {
		timesketch.AppendAttribute(&summary, columns[colNotes], notes)
	}
	e.Summary = summary.String()
	for _, msg := range problems {
		if err := rd.report(line, 0, msg); err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		return nil
	}
	when := cells[colDate] + " " + cells[colTime] + " " + cells[colTimezone]
	key, id := timesketch.RecordID(when, cells[colType], e.Title)
	if len(rd.run) > 0 && (rd.run[0].when != when || len(rd.run) >= timesketch.MaxRun) {
		if err := rd.flushRun(); err != nil {
			return err
		}
	}
	rd.run = append(rd.run, heldRow{event: e, when: when, key: key, made: id, pos: rd.events, line: line})
	return nil
}

// heldRow is a row held back with the others of its time, so that rows
// alike are told apart knowing all of them (timesketch.Alike.Name).
type heldRow struct {
	event     model.Event
	when      string // the time its id is made of
	key       uint64 // of its made id
	made      string // its made id, unnumbered
	pos, line int
}

// flushRun names and sends the rows held back.
func (rd *l2tcsv) flushRun() error {
	run := rd.run
	if len(run) == 0 {
		return nil
	}
	rd.run = nil
	named := make([]timesketch.Named, len(run))
	for i := range run {
		named[i] = timesketch.Named{Key: run[i].key, Made: run[i].made, Event: &run[i].event}
	}
	rd.alike.Name(rd.sink, named, func(i int) string {
		r := &run[i]
		if rd.ids[r.key]++; rd.ids[r.key] > 1 {
			return r.made + "-" + strconv.Itoa(rd.ids[r.key])
		}
		return r.made
	})
	for i := range run {
		if err := rd.send(&run[i]); err != nil {
			return err
		}
	}
	clear(run)
	rd.run = run[:0]
	return nil
}

// send sends a named row.
func (rd *l2tcsv) send(r *heldRow) error {
	if m, ok := rd.sink.(model.MadeIDs); ok {
		m.MadeID(r.pos) // l2tcsv has no ids: every one is made
	}
	if l, ok := rd.sink.(model.Locator); ok {
		// What is found of the event after (an id used twice, a change
		// made in chrono as well) is placed at its row.
		l.EventAt(r.pos, model.Place{Line: r.line})
	}
	return model.SendEvent(rd.sink, r.event, r.pos, Carries)
}

// value is a cell's text; "-", psort's mark for none, is "".
func value(c string) string {
	if c = strings.TrimSpace(c); c == "-" {
		return ""
	}
	return c
}

// saysNoMore reports whether short, psort's shortened desc, is desc,
// its start cut with "...", or its first words ("/etc/passwd" of
// "/etc/passwd Type: file", as psort's short formats give).
func saysNoMore(short, desc string) bool {
	if cut, ok := strings.CutSuffix(short, "..."); ok {
		return strings.HasPrefix(desc, cut)
	}
	rest, ok := strings.CutPrefix(desc, short)
	return ok && (rest == "" || rest[0] == ' ')
}

// date reads a row's date (MM/DD/YYYY), time (HH:MM:SS) and timezone as
// a date at second precision with the zone's offset then. 00/00/0000 is
// no date, counted; a time that does not exist in the zone (skipped by a
// clock change) is a problem; one that occurs twice is read at the
// first, counted, unless the abbreviation written says which. A time in
// an abbreviation other zones write too is counted.
func (rd *l2tcsv) date(d, t, tz string) (model.Date, string) {
	d, t = strings.TrimSpace(d), strings.TrimSpace(t)
	if d == "00/00/0000" {
		rd.losses.Add(NoDate, 1)
		return model.Date{}, ""
	}
	month, day, year, ok := fields(d, '/', 2, 2, 4)
	if !ok {
		return model.Date{}, fmt.Sprintf("date %q: want MM/DD/YYYY, as l2tcsv writes it: 06/27/2012", d)
	}
	hour, minute, second, ok := fields(t, ':', 2, 2, 2)
	if !ok {
		return model.Date{}, fmt.Sprintf("time %q: want HH:MM:SS, as l2tcsv writes it: 18:17:01", t)
	}
	if hour > 23 || minute > 59 || second > 59 {
		return model.Date{}, fmt.Sprintf("time %q: no such time of day", t)
	}
	zn, msg := rd.zones.lookup(strings.TrimSpace(tz))
	if msg != "" {
		return model.Date{}, msg
	}
	at := time.Date(year, time.Month(month), day, hour, minute, second, 0, zn.loc)
	if at.Year() != year || int(at.Month()) != month || at.Day() != day {
		if month > 12 && day >= 1 && day <= 12 {
			// A file written day first, by hand or by a tool set to
			// another locale: its other dates, up to the 12th, read as
			// other days.
			return model.Date{}, fmt.Sprintf("date %q: no such day: l2tcsv writes the month first (MM/DD/YYYY), and %d is no month; if the file was written day first, its other dates are misread too: write it month first (psort does), then import again", d, month)
		}
		return model.Date{}, fmt.Sprintf("date %q: no such day", d)
	}
	if at.Hour() != hour || at.Minute() != minute || at.Second() != second {
		return model.Date{}, fmt.Sprintf("time %s %s in %s: a time the clock skipped that night (a daylight saving change); correct the row", d, t, zn.loc)
	}
	if first, second, repeated := occurrences(at); repeated {
		if zn.abbr != "" && abbrev(second) == zn.abbr && abbrev(first) != zn.abbr {
			// The abbreviation written is the clock's after the change
			// (MSK, not MSD): the second, and nothing was guessed.
			at = second
		} else {
			at = first
			rd.losses.Add(RepeatedHour, 1)
		}
	}
	if zn.assumed != nil && (zn.since.IsZero() || !at.Before(zn.since) && at.Before(zn.until)) {
		rd.losses.Add(*zn.assumed, 1)
	}
	date, err := model.ParseDate(at.Format("2006-01-02T15:04:05Z07:00"))
	if err != nil {
		return model.Date{}, fmt.Sprintf("date %s %s %s: %v", d, t, tz, err)
	}
	return date, ""
}

// occurrences returns the two instants, earlier first, that show the
// same wall clock as at in its zone when a clock change turned it back
// (repeated), else at twice.
func occurrences(at time.Time) (first, second time.Time, repeated bool) {
	_, off := at.Zone()
	for _, probe := range []time.Duration{-24 * time.Hour, 24 * time.Hour} {
		_, other := at.Add(probe).Zone()
		if other == off {
			continue
		}
		alt := at.Add(time.Duration(off-other) * time.Second)
		if alt.Format(time.DateTime) == at.Format(time.DateTime) {
			if alt.Before(at) {
				return alt, at, true
			}
			return at, alt, true
		}
	}
	return at, at, false
}

// abbrev is the abbreviation of at's zone then.
func abbrev(at time.Time) string {
	name, _ := at.Zone()
	return name
}

// fields reads three numbers of fixed widths separated by sep.
func fields(s string, sep byte, w1, w2, w3 int) (a, b, c int, ok bool) {
	if len(s) != w1+w2+w3+2 || s[w1] != sep || s[w1+1+w2] != sep {
		return 0, 0, 0, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := range len(t) {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	var ok1, ok2, ok3 bool
	a, ok1 = num(s[:w1])
	b, ok2 = num(s[w1+1 : w1+1+w2])
	c, ok3 = num(s[w1+1+w2+1:])
	return a, b, c, ok1 && ok2 && ok3
}
