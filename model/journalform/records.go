package journalform

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"slices"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// An entry in FormRecords is stored as JSON, in two parts:
//
//	[compressed 1 byte: 0 or 1] [uvarint event count]
//	[uvarint head length] [head: the entry without its events, as JSON]
//	[events: one record per event the entry touched, in order,
//	 flate-compressed when the compressed byte is 1]
//
// An event record is 'c', a uvarint length and the model.EventChange as
// JSON; or 'a', a uvarint length and an id, for an event an import added
// (from absent to the timeline, with no copy: the store holds it); or
// 'w', a uvarint length, the model.WrittenSize bytes of the added event's
// fingerprint (model.EventChange.Written) and its id.
//
// JSON because an entry is written once and read seldom, holds whole
// events and sources in the form exports and model already define, and
// gains fields as model does without a codec version; entries are small
// beside the events they describe. The records keep a million-event
// import's entry small (an id each, compressed) and quick to read back,
// and let an import write its entry as it goes rather than hold it.

// Kinds of event record.
const (
	recordChange  = 'c'
	recordAdded   = 'a'
	recordWritten = 'w'
)

// compressFrom is the size of an entry's events from which they are
// compressed: below it, flate's setup costs more than it saves.
const compressFrom = 32 << 10

// AddedByImport reports whether c is an event an import added: from
// absent to the timeline, with no copy. Its record is its id alone.
func AddedByImport(c *model.EventChange) bool {
	return c.Before == nil && c.After == nil && c.From == model.Absent && c.To == model.OnTimeline
}

// Log is the events of an entry in FormRecords as they are written,
// compressed once they grow large, so that an import of a million events
// keeps only a few megabytes of them in memory.
type Log struct {
	n   int
	buf bytes.Buffer // the records; once compressing, compressed
	zw  *flate.Writer
	rec []byte
	// out, when set (SpillTo), takes the records once they are
	// compressed, in place of buf; spilled counts what it took.
	out     io.Writer
	spilled int64
}

// SpillTo has the log write its records to w once it compresses them,
// rather than hold them: the log of a revert of a million events is
// hundreds of megabytes compressed. Call it before the first record;
// the body is then Head followed by what w was given (Spilled bytes).
func (l *Log) SpillTo(w io.Writer) { l.out = w }

// Spilled is how many bytes of records the log has written to its
// SpillTo writer.
func (l *Log) Spilled() int64 { return l.spilled }

// counted is the SpillTo writer, counting.
type counted struct{ l *Log }

func (c counted) Write(p []byte) (int, error) {
	n, err := c.l.out.Write(p)
	c.l.spilled += int64(n)
	return n, err
}

// Len is how many events the log holds.
func (l *Log) Len() int { return l.n }

func (l *Log) write(p []byte) error {
	l.n++
	if l.zw == nil && l.buf.Len()+len(p) > compressFrom {
		raw := bytes.Clone(l.buf.Bytes())
		l.buf.Reset()
		var to io.Writer = &l.buf
		if l.out != nil {
			to = counted{l}
		}
		zw, err := flate.NewWriter(to, flate.BestSpeed)
		if err != nil {
			return err
		}
		l.zw = zw
		if _, err := zw.Write(raw); err != nil {
			return err
		}
	}
	if l.zw != nil {
		_, err := l.zw.Write(p)
		return err
	}
	l.buf.Write(p)
	return nil
}

// Added records an event an import added.
func (l *Log) Added(id string) error {
	l.rec = appendString(append(l.rec[:0], recordAdded), id)
	return l.write(l.rec)
}

// AddedWritten records an event an import added, with the fingerprint
// of what it stored (model.EventChange.Written), as raw bytes.
func (l *Log) AddedWritten(id string, written [model.WrittenSize]byte) error {
	l.rec = append(l.rec[:0], recordWritten)
	l.rec = binary.AppendUvarint(l.rec, uint64(model.WrittenSize+len(id)))
	l.rec = append(append(l.rec, written[:]...), id...)
	return l.write(l.rec)
}

// Change records what happened to an event, with its versions.
func (l *Log) Change(c *model.EventChange) error {
	j, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("event %q: %w", c.ID, err)
	}
	l.rec = appendString(append(l.rec[:0], recordChange), string(j))
	return l.write(l.rec)
}

// Put records c: by its id alone when an import added it.
func (l *Log) Put(c *model.EventChange) error {
	if AddedByImport(c) {
		if w, ok := writtenBytes(c.Written); ok {
			return l.AddedWritten(c.ID, w)
		}
		return l.Added(c.ID)
	}
	return l.Change(c)
}

// Body returns the FormRecords body of an entry whose events are the
// log's: e's own Events, Touched, Hash and Prev are not written. The log
// is spent.
func (l *Log) Body(e *model.Entry) ([]byte, error) { return l.BodyAfter(e, 0) }

// BodyAfter is Body after room bytes left for the caller to fill in (a
// store's chain fields), in the one slice: the records of a
// million-event entry are hundreds of megabytes, copied once, and let
// go of by the log.
func (l *Log) BodyAfter(e *model.Entry, room int) ([]byte, error) {
	if l.out != nil {
		return nil, fmt.Errorf("journal entry #%d: its records were spilled: read them back after Head", e.Seq)
	}
	v, err := l.head(e, room, true)
	if err != nil {
		return nil, err
	}
	v = append(v, l.buf.Bytes()...)
	l.buf = bytes.Buffer{}
	return v, nil
}

// Head is the start of the FormRecords body of a log given SpillTo,
// after room bytes left for the caller: the body is the head followed by
// the Spilled bytes the SpillTo writer took, which it has all been given
// when Head returns. The log is spent.
func (l *Log) Head(e *model.Entry, room int) ([]byte, error) {
	if l.out == nil {
		return nil, fmt.Errorf("journal entry #%d: its records are held: take them with BodyAfter", e.Seq)
	}
	v, err := l.head(e, room, false)
	if err != nil {
		return nil, err
	}
	if l.buf.Len() > 0 { // too few to be compressed: the writer takes them as they are
		if _, err := (counted{l}).Write(l.buf.Bytes()); err != nil {
			return nil, err
		}
		l.buf = bytes.Buffer{}
	}
	return v, nil
}

// head finishes the records (compressed, their writer closed) and
// returns room bytes and the body's head, with room after it for the
// records held, when held says they follow.
func (l *Log) head(e *model.Entry, room int, held bool) ([]byte, error) {
	compressed := byte(0)
	if l.zw != nil {
		if err := l.zw.Close(); err != nil {
			return nil, err
		}
		compressed = 1
	}
	more := 0
	if held {
		more = l.buf.Len() // once closed: the last compressed bytes are in
	}
	head := *e
	head.Events, head.Touched, head.Hash, head.Prev = nil, 0, "", ""
	j, err := json.Marshal(&head)
	if err != nil {
		return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	v := make([]byte, room, room+1+2*binary.MaxVarintLen64+len(j)+more)
	v = append(v, compressed)
	v = binary.AppendUvarint(v, uint64(l.n))
	return appendString(v, string(j)), nil
}

// Records returns the FormRecords body of e, events and all.
func Records(e *model.Entry) ([]byte, error) {
	var l Log
	for i := range e.Events {
		if err := l.Put(&e.Events[i]); err != nil {
			return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
		}
	}
	return l.Body(e)
}

// writtenBytes is a fingerprint in hex as the raw bytes a 'w' record
// holds, and whether it is one.
func writtenBytes(written string) (w [model.WrittenSize]byte, ok bool) {
	if len(written) != 2*model.WrittenSize {
		return w, false
	}
	_, err := hex.Decode(w[:], []byte(written))
	return w, err == nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Parts is a stored entry split into its head and its events, still
// encoded, so that a reader decodes no more of them than it needs. They
// are slices of its body.
type Parts struct {
	seq          uint64
	head, events []byte
	n            int
	compressed   bool
	// An entry in FormJSON is one value: decoded whole by Split, or
	// only once its events are asked for when its head is known
	// (SplitKnown).
	whole *model.Entry
	json  []byte
	// letGo, when set, is called each time letGoEvery bytes of the
	// stored records have been read (LetGo).
	letGo      func()
	letGoEvery int
}

// LetGo returns p reading its records with fn called each time every
// bytes of them have been read, and once at their end: a store that
// maps its file lets go of the pages read, where the records of a
// revert of a million events are hundreds of megabytes.
func (p Parts) LetGo(every int, fn func()) Parts {
	p.letGo, p.letGoEvery = fn, every
	return p
}

// lettingGo is the reader of stored records that LetGo asks for.
type lettingGo struct {
	b     []byte
	every int
	since int
	fn    func()
}

func (l *lettingGo) Read(p []byte) (int, error) {
	if len(l.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, l.b[:min(len(l.b), l.every-l.since)])
	l.b = l.b[n:]
	if l.since += n; l.since >= l.every || len(l.b) == 0 {
		l.fn()
		l.since = 0
	}
	return n, nil
}

// storedRecords reads the stored records, letting go as LetGo asks.
func (p Parts) storedRecords() io.Reader {
	if p.letGo == nil || p.letGoEvery <= 0 {
		return bytes.NewReader(p.events)
	}
	return &lettingGo{b: p.events, every: p.letGoEvery, fn: p.letGo}
}

// SplitKnown is Split of an entry whose head was decoded before and
// which touched n events: an entry in FormJSON is then decoded only if
// its events are asked for.
func SplitKnown(seq uint64, form model.ChainForm, body []byte, n int) (Parts, error) {
	if form == model.FormJSON {
		return Parts{seq: seq, n: n, json: body}, nil
	}
	return Split(seq, form, body)
}

// decoded returns p with an entry in FormJSON decoded whole.
func (p Parts) decoded() (Parts, error) {
	if p.json == nil {
		return p, nil
	}
	e, err := decodeJSON(p.seq, p.json)
	if err != nil {
		return p, err
	}
	if len(e.Events) != p.n {
		return p, damagef(p.seq, "it holds %d events where its head was read with %d", len(e.Events), p.n)
	}
	p.whole, p.json = &e, nil
	return p, nil
}

// Split splits an entry stored in form. An entry in FormJSON, one JSON
// value, is decoded whole.
func Split(seq uint64, form model.ChainForm, body []byte) (Parts, error) {
	switch form {
	case model.FormRecords:
	case model.FormJSON:
		e, err := decodeJSON(seq, body)
		if err != nil {
			return Parts{}, err
		}
		return Parts{seq: seq, n: len(e.Events), whole: &e}, nil
	default:
		return Parts{}, damagef(seq, "its form (%d) is not one this chrono knows", form)
	}
	if len(body) < 1 || body[0] > 1 {
		return Parts{}, damagef(seq, "unknown format")
	}
	p := Parts{seq: seq, compressed: body[0] == 1}
	rest := body[1:]
	n, w := binary.Uvarint(rest)
	if w <= 0 || n > uint64(len(rest)) {
		return Parts{}, damagef(seq, "cut short")
	}
	rest = rest[w:]
	size, w := binary.Uvarint(rest)
	if w <= 0 || size > uint64(len(rest)-w) {
		return Parts{}, damagef(seq, "cut short")
	}
	rest = rest[w:]
	p.n, p.head, p.events = int(n), rest[:size], rest[size:]
	return p, nil
}

// decodeJSON reads an entry stored in FormJSON.
func decodeJSON(seq uint64, body []byte) (model.Entry, error) {
	var e model.Entry
	if err := json.Unmarshal(body, &e); err != nil {
		return e, damagef(seq, "its stored value is not readable JSON (%v)", err)
	}
	e.Seq = seq
	return e, nil
}

// N is how many events the entry touched.
func (p Parts) N() int { return p.n }

// EventBytes is how many bytes at the end of the entry's body hold its
// events apart from its head: none for an entry in FormJSON, which is
// one value.
func (p Parts) EventBytes() int { return len(p.events) }

// Head reads the entry without its events.
func (p Parts) Head() (model.Entry, error) {
	p, err := p.decoded()
	if err != nil {
		return model.Entry{}, err
	}
	if p.whole != nil {
		e := *p.whole
		e.Events, e.Touched = nil, 0
		return e, nil
	}
	var e model.Entry
	if err := json.Unmarshal(p.head, &e); err != nil {
		return e, damagef(p.seq, "%s", err)
	}
	e.Seq = p.seq
	return e, nil
}

// SomeEvents reads the first most of the entry's events into e.Events
// (all when most is 0 or more than there are), and says in e.Touched how
// many there are when it leaves some out: the first page of chrono log
// reads a few ids of a million-event import, not all of them.
func (p Parts) SomeEvents(e *model.Entry, most int) error {
	if most <= 0 || most >= p.n {
		return p.Events(e, "")
	}
	p, err := p.decoded()
	if err != nil {
		return err
	}
	if p.whole != nil {
		e.Events, e.Touched = slices.Clone(p.whole.Events[:most]), p.n
		return nil
	}
	events := p.events
	if p.compressed {
		// Records are read from the start of the stream; flate gives
		// back no more than is asked of it, a buffer at a time.
		r := flate.NewReader(bytes.NewReader(events))
		var got []byte
		buf := make([]byte, 4<<10)
		for {
			if k, ok := recordsIn(got, most); ok {
				events = got[:k]
				break
			}
			m, err := r.Read(buf)
			got = append(got, buf[:m]...)
			if err == io.EOF {
				events = got
				break
			}
			if err != nil {
				return damagef(p.seq, "its events cannot be uncompressed (%v)", err)
			}
		}
	} else if k, ok := recordsIn(events, most); ok {
		events = events[:k]
	}
	some := Parts{seq: p.seq, events: events, n: most}
	if err := some.Events(e, ""); err != nil {
		return err
	}
	e.Touched = p.n
	return nil
}

// recordsIn returns the length of the first n event records in b, and
// whether b holds that many whole.
func recordsIn(b []byte, n int) (int, bool) {
	at := 0
	for range n {
		if at >= len(b) {
			return 0, false
		}
		size, w := binary.Uvarint(b[at+1:])
		if w <= 0 || uint64(len(b)-at-1-w) < size {
			return 0, false
		}
		at += 1 + w + int(size)
	}
	return at, true
}

// Events reads the entry's events into e.Events; only the changes of one
// event when only is set (with e.Touched the number of all), so that an
// event's history does not build a record for each of the million events
// an import added with it. It leaves out each change's Written, which is
// the store's check's (EachEvent): an event's history, read from its
// history key without the entry's records, reads as its entry does.
func (p Parts) Events(e *model.Entry, only string) error {
	if err := p.eventsWritten(e, only); err != nil {
		return err
	}
	for i := range e.Events {
		e.Events[i].Written = ""
	}
	return nil
}

// eventsWritten is Events, each change's Written kept.
func (p Parts) eventsWritten(e *model.Entry, only string) error {
	p, err := p.decoded()
	if err != nil {
		return err
	}
	if p.whole != nil {
		if only == "" {
			e.Events = slices.Clone(p.whole.Events)
			return nil
		}
		for _, c := range p.whole.Events {
			if c.ID == only {
				e.Events = append(e.Events, c)
			}
		}
		if len(e.Events) < p.n {
			e.Touched = p.n
		}
		return nil
	}
	all, err := p.records()
	if err != nil {
		return err
	}
	if only == "" {
		e.Events = make([]model.EventChange, 0, p.n)
	}
	err = p.eachRecord(all, only, func(c *model.EventChange) error {
		e.Events = append(e.Events, *c)
		return nil
	})
	if err != nil {
		return err
	}
	if only != "" {
		e.Events = slices.DeleteFunc(e.Events, func(c model.EventChange) bool { return c.ID != only })
		if len(e.Events) < p.n {
			e.Touched = p.n
		}
	}
	return nil
}

// EachEvent calls fn with each of the entry's events, in order, keeping
// none: the store's check reads the million an import added without a
// record of each in memory. It reads the records twice as they are
// uncompressed, a record at a time (eachStreamed), where it held them
// whole: once to find that every record reads, so that for an entry
// Events cannot read it calls fn with none, then for fn.
func (p Parts) EachEvent(fn func(c *model.EventChange) error) error {
	p, err := p.decoded()
	if err != nil {
		return err
	}
	if p.whole != nil {
		for i := range p.whole.Events {
			if err := fn(&p.whole.Events[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := p.eachStreamed(nil); err != nil {
		return err
	}
	return p.eachStreamed(fn)
}

// eachStreamed reads the entry's records as they are uncompressed and
// calls fn, when set, with each change, valid only during the call. An
// entry that cannot be read gives the error Events gives for it: the
// records are read to their end, so that records that do not uncompress,
// or fewer bytes than events, are said before a record that does not
// read, as when the records were uncompressed whole before any was read.
func (p Parts) eachStreamed(fn func(c *model.EventChange) error) error {
	r := p.recordReader()
	var bad error
	read := 0
	for ; read < p.n; read++ {
		kind, body, err := r.next()
		if err != nil {
			bad = damagef(p.seq, "cut short")
			break
		}
		c, _, err := record(p.seq, kind, body, "")
		if err != nil {
			bad = err
			break
		}
		if fn == nil {
			continue
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	if read == p.n {
		if end, _ := r.atEnd(); !end {
			bad = damagef(p.seq, "bytes after the last event")
		}
	}
	r.drain()
	switch {
	case r.in.err != nil:
		return damagef(p.seq, "%s", r.in.err)
	case int64(p.n) > r.in.n:
		return damagef(p.seq, "more events than bytes")
	}
	return bad
}

// record decodes one event record of kind; skip says it adds an event
// other than only (when set). The body is a part of the entry's records
// held whole (a string: the ids it gives are parts of it) or one record
// read as they are uncompressed (bytes, decoded without a copy of them
// made first).
func record[B string | []byte](seq uint64, kind byte, body B, only string) (c model.EventChange, skip bool, err error) {
	switch kind {
	case recordAdded:
		if only != "" && string(body) != only {
			return c, true, nil
		}
		c = model.EventChange{ID: string(body), To: model.OnTimeline}
	case recordWritten:
		if len(body) < model.WrittenSize {
			return c, false, damagef(seq, "an added event's record is cut short")
		}
		id := body[model.WrittenSize:]
		if only != "" && string(id) != only {
			return c, true, nil
		}
		c = model.EventChange{ID: string(id), To: model.OnTimeline, Written: hex.EncodeToString([]byte(body[:model.WrittenSize]))}
	case recordChange:
		if err := json.Unmarshal([]byte(body), &c); err != nil {
			return c, false, damagef(seq, "%s", err)
		}
		if c.From != c.To && c.Before != nil && c.After != nil && model.SameEvent(c.Before, c.After) {
			// Moved and not changed: one version, as the write that
			// recorded it held it, not two for each of the events
			// of an undone import that a redo reads.
			c.After = c.Before
		}
	default:
		return c, false, damagef(seq, "event record of kind %q", kind)
	}
	return c, false, nil
}

// records returns the entry's event records, uncompressed, as one
// string: the ids an import added are each a part of it, a million of
// them one allocation, not a million. The bytes uncompressed are not
// kept beside it: an undo's records at a million events are gigabytes.
func (p Parts) records() (string, error) {
	events := p.events
	if p.compressed {
		var err error
		if events, err = io.ReadAll(flate.NewReader(bytes.NewReader(events))); err != nil {
			return "", damagef(p.seq, "%s", err)
		}
	}
	if p.n > len(events) {
		return "", damagef(p.seq, "more events than bytes")
	}
	return string(events), nil
}

// eachRecord calls fn with each of the p.n event records in all, those
// that add an event other than only (when set) left out; the change is
// valid only during the call.
func (p Parts) eachRecord(all, only string, fn func(c *model.EventChange) error) error {
	at := 0
	for range p.n {
		if at >= len(all) {
			return damagef(p.seq, "cut short")
		}
		kind := all[at]
		size, w := binary.Uvarint([]byte(all[at+1 : min(at+1+binary.MaxVarintLen64, len(all))]))
		if w <= 0 || size > uint64(len(all)-at-1-w) {
			return damagef(p.seq, "cut short")
		}
		body := all[at+1+w : at+1+w+int(size)]
		at += 1 + w + int(size)
		c, skip, err := record(p.seq, kind, body, only)
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	if at != len(all) {
		return damagef(p.seq, "bytes after the last event")
	}
	return nil
}
