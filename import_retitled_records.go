package main

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/plaso"
	"chrono/model/termtext"
)

// A Timesketch or Plaso record without a chrono_id gets an id made from
// its time, its timestamp_desc and its message: a message corrected in
// the file makes a new event, beside the stored one the file no longer
// has. The import warns of such a record as of a retitled slide
// (import_retitled.go), but cannot read a file of a million records
// again to find it: it watches the records as the import reads them,
// and looks in the store after.

// maxStoredMade is the most events under made Timesketch and Plaso ids
// a store may hold for an import to look for retitled records among
// them: a hash of each is held through the import, 9 bytes each.
const maxStoredMade = 1 << 21

// maxNewMade is the most new records with made ids an import looks at:
// each is held until the import ends, and its time looked up in the
// store after. Past it the file is a new timeline, not one read again
// with corrections, and the import looks no further.
const maxNewMade = 4096

// madePrefix begins every id made for a Timesketch or Plaso record: "ts-"
// and 12 hexadecimal digits.
const madePrefix = "ts-"

// madeWatch finds, as an import reads its Timesketch and Plaso files,
// the records whose made id is new to the store while the store holds,
// under another made id, an event of the same time and other attributes
// (its summary) that no file of the import brings. It holds a hash of
// each made id stored before the import, and the new records (up to
// maxNewMade), so that a dump read again costs a lookup a record, and
// one read of the store after, over the span of the new records' dates.
type madeWatch struct {
	seed    maphash.Seed
	stored  []uint64 // the made ids stored before the import, hashed, sorted
	brought []bool   // in step with stored: a file of the import has it
	files   []*madeFile
	news    int  // new records held, all files together
	full    bool // more than maxNewMade: the records past them are not held
}

// madeFile is what the watch finds in one file.
type madeFile struct {
	name   string
	noID   bool // l2tcsv: no chrono_id can be given a record
	reread bool // it brings a stored made id: a file imported before
	news   []model.Event
	at     []model.Place // in step with news: where each record begins
	// alike is where the records begin whose stored made ids are
	// numbered (ts-…-2) or have one numbered after them: when one of
	// their kind is retitled, those after it take the ids before.
	alike map[string]model.Place
}

// watchMade returns a watch over the Timesketch and Plaso files among
// inputs, their reads wrapped to feed it; nil when there is nothing to
// watch for: no such file, no event stored under a made id, or too many
// (a store that cannot be read is not this check's to report).
func watchMade(s model.Store, inputs []importInput) *madeWatch {
	if !slices.ContainsFunc(inputs, func(in importInput) bool { return madeIDs(in.format) }) {
		return nil
	}
	if n, err := s.Count(model.Query{}); err != nil || n == 0 {
		return nil
	}
	w := &madeWatch{seed: maphash.MakeSeed()}
	// A prefix a digit, so that no more than a sixteenth of the ids is
	// held as text at a time.
	for _, digit := range "0123456789abcdef" {
		ids, err := s.IDs(madePrefix+string(digit), maxStoredMade-len(w.stored)+1)
		if err != nil {
			return nil
		}
		for _, id := range ids {
			w.stored = append(w.stored, maphash.String(w.seed, id))
		}
		if len(w.stored) > maxStoredMade {
			return nil
		}
	}
	if len(w.stored) == 0 {
		return nil
	}
	slices.Sort(w.stored)
	w.brought = make([]bool, len(w.stored))
	for i := range inputs {
		if !madeIDs(inputs[i].format) {
			continue
		}
		f := &madeFile{name: inputs[i].Name, noID: inputs[i].variant == plaso.L2TCSV}
		w.files = append(w.files, f)
		read := inputs[i].Read
		inputs[i].Read = func(sink model.Sink) error {
			if full, ok := sink.(watchedSink); ok {
				sink = &madeSink{watchedSink: full, w: w, f: f}
			}
			return read(sink)
		}
	}
	return w
}

// madeIDs reports whether a format's records may have made ids of
// madePrefix.
func madeIDs(format string) bool { return format == "timesketch" || format == "plaso" }

// watchedSink is what a madeSink passes on: all a Timesketch or Plaso
// reader asks of the sink it is given (a model.Checker).
type watchedSink interface {
	model.Sink
	model.Reporter
	model.FieldSink
	model.Locator
	model.SourceLocator
	model.StoredEvents
	model.StoredEventReader
	model.ImportedEventReader
	model.TrashKnown
	model.StoredIDLister
}

// madeSink passes a file's read on, showing the watch each record whose
// id its reader made, with its place.
type madeSink struct {
	watchedSink
	w     *madeWatch
	f     *madeFile
	atN   int // the event placed last, at at
	at    model.Place
	madeN int // the event whose id was made, told last
}

// EventAt implements model.Locator.
func (m *madeSink) EventAt(n int, at model.Place) {
	m.atN, m.at = n, at
	m.watchedSink.EventAt(n, at)
}

// MadeID implements model.MadeIDs.
func (m *madeSink) MadeID(n int) { m.madeN = n }

// Event implements model.Sink.
func (m *madeSink) Event(e model.Event, n int) error {
	m.see(&e, n)
	return m.watchedSink.Event(e, n)
}

// EventFields implements model.FieldSink.
func (m *madeSink) EventFields(e model.Event, n int, present model.FieldSet) error {
	m.see(&e, n)
	return m.watchedSink.EventFields(e, n, present)
}

// see shows the watch the nth event, when its id was made.
func (m *madeSink) see(e *model.Event, n int) {
	w := m.w
	if m.madeN != n || n == 0 {
		return
	}
	if i, ok := slices.BinarySearch(w.stored, maphash.String(w.seed, e.ID)); ok {
		w.brought[i] = true
		m.f.reread = true
		if _, k := numberedMade(e.ID); k > 1 || w.has(e.ID+"-2") {
			if m.f.alike == nil {
				m.f.alike = map[string]model.Place{}
			}
			m.f.alike[e.ID] = m.place(n)
		}
		return
	}
	if e.Date.IsZero() || w.full {
		return // nothing undated is retitled (model.Retitled)
	}
	if w.news == maxNewMade {
		// The first records held are enough to tell a file whose
		// every message changed (retitled); the stored ids the
		// rest brings are still noted above.
		w.full = true
		return
	}
	w.news++
	at := m.place(n)
	// Only what model.Retitled compares, and the warning says.
	m.f.news = append(m.f.news, model.Event{ID: e.ID, Title: e.Title, Date: e.Date, Summary: e.Summary})
	m.f.at = append(m.f.at, at)
}

// place is where the nth event's record begins, when told.
func (m *madeSink) place(n int) model.Place {
	if m.atN == n {
		return m.at
	}
	return model.Place{}
}

// has reports whether the store held the made id before the import.
func (w *madeWatch) has(id string) bool {
	_, ok := slices.BinarySearch(w.stored, maphash.String(w.seed, id))
	return ok
}

// numberedMade splits a made id into the id of the first of records
// alike and the record's number among them (1 for the first); n is 0
// for an id not made so.
func numberedMade(id string) (first string, n int) {
	const length = len(madePrefix) + 12
	if len(id) < length || id[:len(madePrefix)] != madePrefix {
		return id, 0
	}
	if len(id) == length {
		return id, 1
	}
	if id[length] != '-' {
		return id, 0
	}
	n, err := strconv.Atoi(id[length+1:])
	if err != nil || n < 2 {
		return id, 0
	}
	return id[:length], n
}

// numberedID is the id of the nth of records alike whose first is first.
func numberedID(first string, n int) string {
	if n == 1 {
		return first
	}
	return first + "-" + strconv.Itoa(n)
}

// shifted finds, when r's stored event was the nth of records alike
// (numbered in the file's order) and the file still brings those before
// it, which of them r was, and the records alike after r that each took
// the id of the one before: ids are given by place, so the changed
// record's old event went to another record, with what was changed on it
// in chrono.
func (f *madeFile) shifted(r *retitled) {
	first, n := numberedMade(r.stored)
	if n < 2 || r.at.Line == 0 {
		return
	}
	before := 1
	var after []shift
	for i := 1; i < n; i++ {
		at, ok := f.alike[numberedID(first, i)]
		if !ok || at.Line == 0 {
			return // not all in this file, or not placed: say nothing more
		}
		if at.Line < r.at.Line {
			before++
		} else {
			after = append(after, shift{at: at, now: numberedID(first, i)})
		}
	}
	r.was = numberedID(first, before)
	for i := range after {
		after[i].was = numberedID(first, before+i+1)
	}
	r.shifts = after
}

// shift is a record alike that took the id of the one before it.
type shift struct {
	at       model.Place
	now, was string
}

// retitled finds, after the import, the new records held of each file
// that are by model.Retitled a stored event under a made id that no
// file of the import brings. Of a file read before (one that brings a
// stored made id), while every new record was held, each such record is
// warned of (records). Any other file is said of once (files), and only
// when most of its records are such, or any once more than maxNewMade
// records were new: a new file is likely one imported before, every
// message of it changed, now beside its old events; but among its
// records and another file's, a few that share their time and every
// other attribute are no sign of a message corrected.
func (w *madeWatch) retitled(s model.Store) (records []retitled, files []retitledFile) {
	if w == nil {
		return nil, nil
	}
	claimed := map[string]bool{}
	base := importedOnce(s)
	for _, f := range w.files {
		if len(f.news) == 0 {
			continue
		}
		found, err := w.retitledIn(s, base, f, claimed)
		if err != nil {
			return records, files // a warning's look, not the import's: it stands
		}
		for i := range found {
			r := &found[i]
			r.file, r.at, r.record, r.noID = f.name, f.at[r.i], true, f.noID
		}
		switch {
		case f.reread && !w.full:
			for _, r := range found {
				f.shifted(&r)
				records = append(records, r)
			}
		case len(found) > 0 && (f.reread || len(found) >= 2 && 2*len(found) > len(f.news)):
			files = append(files, retitledFile{first: found[0], n: len(found), looked: len(f.news), full: w.full})
		}
	}
	return records, files
}

// retitledIn is retitledAmong of every new record held of f, among the
// stored events gone.
func (w *madeWatch) retitledIn(s model.Store, base func(string) (*model.Event, error), f *madeFile, claimed map[string]bool) ([]retitled, error) {
	news := make([]int, len(f.news))
	for i := range news {
		news[i] = i
	}
	return retitledAmong(s, base, f.news, news, w.gone, claimed)
}

// gone reports whether id is a made id stored before the import that no
// file of it brings.
func (w *madeWatch) gone(id string) bool {
	i, ok := slices.BinarySearch(w.stored, maphash.String(w.seed, id))
	return ok && !w.brought[i]
}

// retitledFile is a file most of whose records may be stored events of
// other messages: one imported before, whose messages all changed (a
// newer Plaso writes them otherwise), or one past the records the import
// looks at one by one.
type retitledFile struct {
	first  retitled // the first such record
	n      int      // how many of the records looked at are
	looked int      // how many new records were looked at
	full   bool     // the file had more new records than that
}

// warnRetitledFiles says of each file most of whose records may be
// stored events of other messages what the import made of them, and how
// to take it back.
func (o *importOptions) warnRetitledFiles(found []retitledFile) {
	for _, f := range found {
		r := f.first
		place := r.at.Problem(model.Problem{File: termtext.Line(r.file)}).Error()
		stored := r.stored
		if stored == "" {
			stored = strings.Join(r.among, " or ")
		}
		of := fmt.Sprintf("%d new records", f.looked)
		if f.full {
			of = fmt.Sprintf("%d new records looked at (the import's first %d, all files together)", f.looked, maxNewMade)
		}
		then := "; chrono undo takes the import back"
		if o.dryRun {
			then = ""
		}
		fmt.Fprintf(o.stderr, "warning: %s%d of %s %s new events beside stored events of the same times and other attributes that no file of the import has (the record %q, %s, beside %s): if this file was imported before and its messages changed since (a newer tool writes them otherwise), these are the same records twice%s\n",
			place, f.n, of, o.tense("became", "would become"), termtext.Line(model.Shorten(r.headline, maxWarnedMessage)), r.made, stored, then)
	}
}

// maxWarnedMessage is how much of a record's message a warning quotes:
// Plaso's run to hundreds of characters.
const maxWarnedMessage = 80

// warnRetitledRecord says of a retitled record, at place, what the
// import made of it, and how to have the stored event take the new
// message instead, or to keep the new event alone.
func (o *importOptions) warnRetitledRecord(place string, r retitled) {
	said := fmt.Sprintf("%sthe record %q %s a new event, %s, while %s, which the file does not have, has its time and its other attributes",
		place, termtext.Line(model.Shorten(r.headline, maxWarnedMessage)), o.tense("became", "would become"), r.made, r.stored)
	if len(r.shifts) > 0 && !r.noID {
		o.warnShifted(said, r)
		return
	}
	switch {
	case r.noID:
		fmt.Fprintf(o.stderr, "warning: %s. If its desc was changed, chrono rm %s leaves the new event alone (l2tcsv has no place for the chrono_id that would update %s instead)\n", said, r.stored, r.stored)
	case o.dryRun:
		fmt.Fprintf(o.stderr, "warning: %s. If its message was changed, give that record the chrono_id %q before importing, which updates %s; or, to keep the new event alone, chrono rm %s\n", said, r.stored, r.stored, r.stored)
	default:
		fmt.Fprintf(o.stderr, "warning: %s. If its message was changed: chrono rm %s, give that record the chrono_id %q, and import the file again, which updates %s; or, to keep the new event alone, chrono rm %s\n", said, r.made, r.stored, r.stored, r.stored)
	}
}

// warnShifted warns of a retitled record among records alike: its stored
// event, of a number the file no longer reaches, is not the one it was,
// and giving it that id would keep the records after it on the events of
// those before. Each is named with the id that keeps it its event.
func (o *importOptions) warnShifted(said string, r retitled) {
	var took, give []string
	for _, s := range r.shifts {
		took = append(took, fmt.Sprintf("the record at line %d %s", s.at.Line, s.now))
		give = append(give, fmt.Sprintf("the record at line %d %q", s.at.Line, s.was))
	}
	fmt.Fprintf(o.stderr, "warning: %s. Those were records alike, numbered in the file's order, and this record was %s: with its message changed, each record alike after it %s the id of the one before, with what was changed on that event in chrono (%s). ",
		said, r.was, o.tense("took", "would take"), strings.Join(took, ", "))
	if o.dryRun {
		fmt.Fprintf(o.stderr, "To keep each record its event, give this record the chrono_id %q and %s before importing; or, to keep the new event alone, chrono rm %s\n", r.was, strings.Join(give, " and "), r.stored)
		return
	}
	fmt.Fprintf(o.stderr, "To keep each record its event: chrono rm %s, give this record the chrono_id %q and %s, and import the file again; or, to keep the new event alone, chrono rm %s\n", r.made, r.was, strings.Join(give, " and "), r.stored)
}
