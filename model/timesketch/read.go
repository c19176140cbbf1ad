package timesketch

import (
	"bufio"
	"errors"
	"io"

	"chrono/model"
)

// maxRecord bounds one JSONL line, so that a file that is not JSONL (or a
// line that never ends) cannot take all memory.
const maxRecord = model.MaxRecordBytes

// Read decodes Timesketch JSONL or CSV from r: JSONL when the first byte
// that is not blank is '{', else CSV. It sends each source and event to
// sink in file order, from the calling goroutine, with its position from
// 1, and all it has read before it reads more, so memory does not grow
// with the file beyond a counter per distinct made-up id (to number
// repeats) and the sources seen (to send each once). JSONL records are
// converted on every core. It never sends a header: Timesketch has none.
//
// An empty (or blank) input has no records and is not an error. A record
// it cannot convert is reported to sink with its line
// (model.Report), and the read goes on so that every problem in the file
// is found in one pass; such a record is not sent. An error that makes the
// rest unreadable (no header row, a line longer than 64 MiB, a failing
// reader) is returned. What reading changes is counted in losses.
func Read(r io.Reader, sink model.Sink, losses *model.Losses) error {
	return readIn(r, sink, losses, false)
}

// ReadMicros is Read for files whose timestamps are always microseconds,
// whatever their size, as Plaso writes them: an event of 1970 stays in
// 1970 rather than being read in another unit.
func ReadMicros(r io.Reader, sink model.Sink, losses *model.Losses) error {
	return readIn(r, sink, losses, true)
}

func readIn(r io.Reader, sink model.Sink, losses *model.Losses, micros bool) error {
	if losses == nil {
		losses = new(model.Losses)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	blank, first, err := skipBlank(br)
	if errors.Is(err, io.EOF) {
		return nil // no records: what an export of no events is
	}
	if err != nil {
		return err
	}
	rd := &reader{sink: sink, losses: losses, sources: map[string]seenSource{}, ids: map[uint64]int{}, micros: micros, shared: model.SharesText(sink)}
	if first == '{' {
		err = rd.jsonl(br, blank)
	} else {
		if first == '[' {
			head, _ := br.Peek(br.Buffered())
			if miss := ArrayMiss(head); miss != "" {
				return rd.report(blank+1, 1, miss)
			}
		}
		err = rd.csv(br, blank)
	}
	// The records held back come before what ends the file, but not
	// after the sink refused one.
	if _, problem := errors.AsType[model.Problem](err); err == nil || problem {
		if ferr := rd.flushRun(); ferr != nil {
			return ferr
		}
	}
	return err
}

// reader is the state of one Read.
type reader struct {
	sink     model.Sink
	losses   *model.Losses
	events   int                   // records read: the position of the next event is events+1
	nsources int                   // sources sent
	sources  map[string]seenSource // every source sent, by id
	ids      map[uint64]int        // how often each made-up id was made
	idMode   int                   // which ids the file keeps to (settleIDs)
	looked   int                   // records looked up while unsettled
	alike    Alike                 // records alike numbered in an earlier import
	run      []result              // records of one time held back (commit)
	named    []Named               // the run's, to be named (name), kept for the next
	made     []madeID              // the run's made ids, kept for the next
	micros   bool                  // see record.micros
	shared   bool                  // see record.shared
}

// seenSource is a source as sent, and the line that defined it first.
type seenSource struct {
	src  model.Source
	line int
}

var bom = []byte("\uFEFF")

// skipBlank consumes a byte order mark and blank space up to the first
// byte of content, and returns how many lines it passed and that byte;
// io.EOF when there is none.
func skipBlank(br *bufio.Reader) (lines int, first byte, err error) {
	if b, _ := br.Peek(len(bom)); string(b) == string(bom) {
		br.Discard(len(bom))
	}
	for {
		c, err := br.ReadByte()
		switch {
		case err != nil:
			return 0, 0, err
		}
		switch c {
		case '\n':
			lines++
		case ' ', '\t', '\r':
		default:
			return lines, c, br.UnreadByte()
		}
	}
}

// report sends a problem of the file, not of one record, at a line and
// column (zero when not known), and says whether to go on.
func (rd *reader) report(line, col int, msg string) error {
	if err := rd.flushRun(); err != nil {
		return err // the records before it come first
	}
	return model.Report(rd.sink, model.Problem{Line: line, Column: col, Msg: msg})
}

// fatal returns a problem that stops the read.
func (rd *reader) fatal(line int, msg string) error {
	return model.Problem{Line: line, Msg: msg}
}
