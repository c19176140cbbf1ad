package native

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

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
	done    chan struct{}
}

// events reads the "events" array.
func (rd *reader) events(at model.Place, name string) error {
	if rd.dec.PeekKind() != '[' {
		return rd.array(at, name, func(jsontext.Value, int, func() model.Place) error { return nil })
	}
	if _, err := rd.dec.ReadToken(); err != nil {
		return rd.syntax(err)
	}
	if err := rd.eventValues(func() bool { return rd.dec.PeekKind() != ']' }); err != nil {
		return err
	}
	return rd.endArray()
}

// eventValues reads events while more says there are more. The reading
// goroutine splits them into values (which checks the JSON's syntax),
// workers decode them on every core, and the reading goroutine hands them
// to the sink in file order, so that the sink sees what a sequential read
// would show it.
func (rd *reader) eventValues(more func() bool) error {
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
			present := model.AllFields
			if b.fields {
				present = b.present[i]
			}
			if err := rd.deliver(&b.events[i], b.first+i, b.places[i], b.problems[i], present); err != nil {
				return err
			}
		}
		return nil
	}
	_, fields := rd.sink.(model.FieldSink)
	cur := &batch{first: 1, fields: fields, done: make(chan struct{})}
	send := func() error {
		if len(cur.ends) == 0 {
			return nil
		}
		next := &batch{first: cur.first + len(cur.ends), fields: fields, done: make(chan struct{})}
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
	places := tracker{p: rd.pos, at: -1}
	for n := 1; more(); n++ {
		off := rd.offset()
		rd.startRecord(off)
		// Placed now, while the bytes before it are remembered: a
		// problem found when it is decoded says where it begins.
		at := places.place(off)
		v, err := rd.dec.ReadValue()
		if err != nil {
			return rd.syntax(err)
		}
		if v.Kind() != '{' {
			// Said now; the events before it reach the sink first.
			if err := send(); err != nil {
				return err
			}
			for _, b := range pending {
				if err := deliver(b); err != nil {
					return err
				}
			}
			pending = pending[:0]
			cur.first = n + 1
			p := at.Problem(model.Problem{Part: model.EventPart, N: n, Msg: fmt.Sprintf("an event is an object, found %s", KindName(v.Kind()))})
			if err := model.Report(rd.sink, p); err != nil {
				return err
			}
			continue
		}
		cur.add(v) // copied: the decoder reuses its buffer
		cur.places = append(cur.places, at)
		if len(cur.ends) == batchSize {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := send(); err != nil {
		return err
	}
	for _, b := range pending {
		if err := deliver(b); err != nil {
			return err
		}
	}
	return nil
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
		if present, ok := decodeFast(v, &b.events[i]); ok {
			if b.fields {
				b.present[i] = present
			}
			continue
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
