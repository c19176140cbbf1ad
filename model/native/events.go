package native

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"unicode/utf8"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// batchSize is how many events a worker decodes at a time: enough to
// make handing them over cheap, few enough to keep memory flat.
const batchSize = 256

// batch is a run of consecutive events: their raw JSON going out to a
// worker, and the decoded events and their problems coming back.
type batch struct {
	first int // the position of the first value in the file, from 1
	// raw holds the values one after another, each ending at its ends;
	// its buffer comes from rawBuffers and goes back once decoded.
	raw      *[]byte
	ends     []int
	places   []model.Place // where each value begins
	events   []model.Event
	problems [][]string
	// present holds the fields each event's record has, when the sink
	// asks for them (fields is set).
	fields  bool
	present []model.FieldSet
	// shared: the events' strings are cut from one copy of each value,
	// the sink taking them so (model.SharesText).
	shared bool
	// broken is the index of the first value that is not JSON (-1:
	// none), which the events after it are not decoded past; syntax
	// says what is wrong with it, at its place.
	broken int
	syntax error
	// twice holds, for a value with a key given twice, where and what
	// (keyTwice); nil when none has.
	twice []placedMsg
	done  chan struct{}
}

func newBatch(first int, fields, shared bool) *batch {
	return &batch{first: first, fields: fields, shared: shared, broken: -1, done: make(chan struct{})}
}

// events reads the "events" array: a splitter finds its values, and the
// rest of the document goes on to a decoder that knows the members
// before it, so that one of them twice is still found.
func (rd *reader) events(at model.Place, name string) error {
	if rd.dec.PeekKind() == 'n' {
		// Required, as a missing "events" is: null is no list of them.
		if err := model.Report(rd.sink, at.Problem(model.Problem{Msg: `"events" is null: a chrono document lists its events, even if none: "events": []`})); err != nil {
			return err
		}
		return rd.skip()
	}
	if rd.dec.PeekKind() != '[' {
		return rd.array(at, name, func(jsontext.Value, int, func() model.Place) error { return nil })
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	if !splitEvents {
		if err := rd.eventValues(decoderValues{rd, func() bool { return rd.dec.PeekKind() != ']' }}); err != nil {
			return err
		}
		return rd.endArray()
	}
	sp := newSplitter(rd.pos, rd.dec.UnreadBuffer(), rd.dec.InputOffset()+rd.shift)
	if err := rd.eventValues(splitValues{sp, rd}); err != nil {
		return err
	}
	rest, restAt := sp.rest()
	var prefix []byte
	for i, name := range rd.names {
		prefix = append(prefix, "{,"[min(i, 1)])
		prefix, _ = jsontext.AppendQuote(prefix, name)
		prefix = append(prefix, ":null"...)
	}
	rd.dec = jsontext.NewDecoder(io.MultiReader(bytes.NewReader(prefix), bytes.NewReader(rest), rd.pos), anyKeyTwice)
	rd.shift = restAt - int64(len(prefix))
	for range 1 + 2*len(rd.names) {
		if _, err := rd.dec.ReadToken(); err != nil {
			return rd.syntax(err) // not met: the prefix is well formed
		}
	}
	return nil
}

// splitEvents is false only in tests, which read the events array with
// the decoder too, and compare.
var splitEvents = true

// A valueSource gives eventValues the values to decode, one at a time:
// next calls begin with the input offset of a value before reading it
// (begin returns its place), and returns the value, or false at the end,
// or an error as a problem at its place.
type valueSource interface {
	next(begin func(offset int64) model.Place) (v []byte, ok bool, err error)
}

// decoderValues are the values rd's decoder reads while more says there
// are more: the events of JSON Lines (and, in tests, of a document's
// events array, to compare with the splitter).
type decoderValues struct {
	rd   *reader
	more func() bool
}

func (d decoderValues) next(begin func(int64) model.Place) ([]byte, bool, error) {
	if !d.more() {
		return nil, false, nil
	}
	begin(d.rd.offset())
	v, err := d.rd.dec.ReadValue()
	if err != nil {
		return nil, false, d.rd.syntax(err)
	}
	return v, true, nil
}

// splitValues are the values a splitter finds, its errors placed by rd.
type splitValues struct {
	sp *splitter
	rd *reader
}

func (s splitValues) next(begin func(int64) model.Place) ([]byte, bool, error) {
	start, at := int64(-1), model.Place{}
	v, ok, err := s.sp.next(func(off int64) {
		start, at = off, begin(off)
	})
	if err == nil {
		return v, ok, nil
	}
	// A fault in the value begun is placed from its start, as the
	// workers place theirs: the splitter may have read far past it.
	var se *jsontext.SyntacticError
	if errors.As(err, &se) && start >= 0 && !errors.Is(err, model.ErrRecordTooLarge) {
		if b, ok := s.sp.between(start, se.ByteOffset); ok {
			if p := advance(at, b); p.Line > 0 {
				return nil, false, p.Problem(model.Problem{Msg: describeSyntax(se)})
			}
		}
	}
	return nil, false, s.rd.syntaxAt(err, 0)
}

// eventValues reads the events src gives. The reading goroutine splits
// them into values, workers check and decode them on every core, and the
// reading goroutine hands them to the sink in file order, so that the
// sink sees what a sequential read would show it: the events before a
// value that is not JSON, and then its error.
func (rd *reader) eventValues(src valueSource) error {
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *batch, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			vd := newValueDecoder()
			for b := range work {
				b.decode(vd)
			}
		})
	}
	defer wg.Wait()
	defer close(work)

	// Batches are delivered in the order they were sent; at most
	// 2×workers are in flight.
	var pending []*batch
	deliver := func(b *batch) error {
		<-b.done
		for i := range b.events {
			if i == b.broken {
				return b.syntax
			}
			present := model.AllFields
			if b.fields {
				present = b.present[i]
			}
			var twice placedMsg
			if b.twice != nil {
				twice = b.twice[i]
			}
			if err := rd.deliver(&b.events[i], b.first+i, b.places[i], b.problems[i], twice, present); err != nil {
				return err
			}
		}
		return nil
	}
	_, fields := rd.sink.(model.FieldSink)
	shared := model.SharesText(rd.sink)
	cur := newBatch(1, fields, shared)
	send := func() error {
		if len(cur.ends) == 0 {
			return nil
		}
		next := newBatch(cur.first+len(cur.ends), fields, shared)
		work <- cur // the worker owns it now
		pending = append(pending, cur)
		cur = next
		for len(pending) >= 2*workers {
			if err := deliver(pending[0]); err != nil {
				return err
			}
			pending = pending[1:]
		}
		return nil
	}
	// flush delivers every event read so far.
	flush := func() error {
		if err := send(); err != nil {
			return err
		}
		for _, b := range pending {
			if err := deliver(b); err != nil {
				return err
			}
		}
		pending = pending[:0]
		return nil
	}
	places := tracker{p: rd.pos, at: -1}
	var at model.Place
	begin := func(off int64) model.Place {
		rd.startRecord(off)
		// Placed now, while the bytes before it are remembered: a
		// problem found when it is decoded says where it begins.
		at = places.place(off)
		return at
	}
	for n := 1; ; n++ {
		v, ok, err := src.next(begin)
		if err != nil {
			// An error in a value before this one comes first.
			if ferr := flush(); ferr != nil {
				return ferr
			}
			return err
		}
		if !ok {
			break
		}
		if v[0] != '{' {
			// Said now; the events before it reach the sink first.
			if err := flush(); err != nil {
				return err
			}
			if err := checkValue(v, at); err != nil {
				return err
			}
			cur.first = n + 1
			p := at.Problem(model.Problem{Part: model.EventPart, N: n, Msg: fmt.Sprintf("an event is an object, found %s", KindName(jsontext.Value(v).Kind()))})
			if err := model.Report(rd.sink, p); err != nil {
				return err
			}
			continue
		}
		cur.add(v) // copied: the source reuses its buffer
		cur.places = append(cur.places, at)
		if len(cur.ends) == batchSize {
			if err := send(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// checkValue returns, as a problem at its place, what makes v, which
// begins at at, not JSON: its syntax, its UTF-8, a member twice.
func checkValue(v []byte, at model.Place, opts ...jsontext.Options) error {
	dec := jsontext.NewDecoder(bytes.NewReader(v), opts...)
	_, err := dec.ReadValue()
	if err == nil {
		if _, err = dec.ReadToken(); err == io.EOF {
			return nil
		}
	}
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		return advance(at, v[:min(int(se.ByteOffset), len(v))]).Problem(model.Problem{Msg: describeSyntax(se)})
	case err == nil: // a second value after the first; not met, v is one
		return at.Problem(model.Problem{Msg: "invalid JSON: more than one value"})
	}
	return at.Problem(model.Problem{Msg: "invalid JSON: " + err.Error()})
}

// rawBuffers holds the buffers of decoded batches for the next: the
// events' JSON passes through them without being allocated anew.
var rawBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBatch is the largest buffer kept for another batch.
const maxPooledBatch = 4 << 20

// add appends a value to the batch.
func (b *batch) add(v jsontext.Value) {
	if b.raw == nil {
		b.raw = rawBuffers.Get().(*[]byte)
		*b.raw = (*b.raw)[:0]
	}
	*b.raw = append(*b.raw, v...)
	b.ends = append(b.ends, len(*b.raw))
}

func (b *batch) decode(vd *valueDecoder) {
	n := len(b.ends)
	b.events = make([]model.Event, n)
	b.problems = make([][]string, n)
	if b.fields {
		b.present = make([]model.FieldSet, n)
	}
	start := 0
	for i, end := range b.ends {
		v := jsontext.Value((*b.raw)[start:end:end])
		start = end
		// Valid UTF-8 taken by the walk is JSON (decodeFast); anything
		// else is checked before it is decoded strictly.
		if utf8.Valid(v) {
			if present, ok := vd.fast.decodeAs(v, &b.events[i], b.shared); ok {
				if b.fields {
					b.present[i] = present
				}
				continue
			}
		}
		if err := checkValue(v, b.places[i]); err != nil {
			at, msg, ok := keyTwice(v, b.places[i])
			if !ok {
				b.broken, b.syntax = i, err
				break
			}
			if stop := checkValue(v, b.places[i], anyKeyTwice); stop != nil {
				// A fault past the key twice stops the reading: it is
				// the one said.
				b.broken, b.syntax = i, stop
				break
			}
			if b.twice == nil {
				b.twice = make([]placedMsg, n)
			}
			b.twice[i] = placedMsg{at, msg}
		}
		b.problems[i] = vd.decode(v, &b.events[i])
		if b.fields {
			b.present[i] = fieldsOf(v)
		}
	}
	// What was decoded holds copies, not the JSON. A buffer grown for
	// events near the record limit is left to the collector.
	if b.raw != nil && cap(*b.raw) <= maxPooledBatch {
		rawBuffers.Put(b.raw)
	}
	b.raw = nil
	close(b.done)
}

// fieldsOf returns the event fields an event's object has as members,
// whatever their values: a member set to "", [] or null is there, and
// clears the stored value on an update, while a member left out keeps
// it.
//
// The object has been read whole already, so its syntax is known good:
// the member names are found by scanning its bytes, which costs a
// fraction of decoding it again. A name with an escape in it is left
// to the decoder.
func fieldsOf(v jsontext.Value) model.FieldSet {
	var present model.FieldSet
	depth := 0
	name := false // the next string is a member name of the event
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '{', '[':
			depth++
			name = c == '{' && depth == 1
		case '}', ']':
			depth--
		case ',':
			name = depth == 1
		case '"':
			j, escaped := i+1, false
			for ; j < len(v) && v[j] != '"'; j++ {
				if v[j] == '\\' {
					escaped = true
					j++
				}
			}
			if name {
				if escaped {
					return decodedFieldsOf(v)
				}
				if f, ok := model.FieldByName(string(v[i+1 : min(j, len(v))])); ok {
					present |= f
				}
				name = false
			}
			i = j
		}
	}
	return present
}

// decodedFieldsOf is fieldsOf by decoding the object's members. A syntax
// error cannot occur here; were one to, the fields read so far are
// returned.
func decodedFieldsOf(v jsontext.Value) model.FieldSet {
	var present model.FieldSet
	dec := jsontext.NewDecoder(bytes.NewReader(v))
	if _, err := dec.ReadToken(); err != nil {
		return present
	}
	for dec.PeekKind() == '"' {
		name, err := dec.ReadToken()
		if err != nil {
			return present
		}
		if f, ok := model.FieldByName(name.String()); ok {
			present |= f
		}
		if err := dec.SkipValue(); err != nil {
			return present
		}
	}
	return present
}
