package timesketch

import (
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"chrono/model"
)

// Records alike: a file's records that share their datetime,
// timestamp_desc and message are numbered in the file's order ("ts-…",
// "ts-…-2"), which a first import has nothing else to go by. Numbered so
// in an earlier import, a second import would give each the id of
// another when the file's order changed, and what was added to one in
// chrono (tags, notes) to another record. So the records of an id are
// told apart by what they hold once the store holds a "ts-…-2" of it, or
// when the file brings more than one of them together (records alike
// share their time, and the readers hold back the records of one time,
// a run, Name): each takes the stored event of its id that holds the
// same attributes (its summary, or the one its last import left when it
// was edited in chrono since), and only one the store holds none alike
// of takes an id of the group in the trash (it is most likely the record
// moved there), else the first number left, so that a record added
// before the stored one, its time's second, takes "-2" and not the
// stored event. Records alike in everything are one as much as the
// other: the re-import updates none of them. Records alike apart in the
// file (one not sorted by time) whose store holds one of them alone are
// numbered in the file's order still: telling each record apart from a
// stored event before it is sent would read the store once a record.

// Alike is what a reader knows of the ids it numbered in an earlier
// import; its zero value asks the store the first time. The readers of
// formats whose ids are made as Timesketch's are (Plaso's l2tcsv) keep
// one too.
type Alike struct {
	asked  bool
	keys   map[uint64]bool // the made ids the store holds a "-2" of
	groups map[string]*alikeGroup
	reader model.StoredEventReader
	// imported, when the store can say, tells what the last import left
	// of an event edited in chrono since: a record is its own still.
	imported model.ImportedEventReader
	// trash, when the store can say, tells the ids in its trash.
	trash model.TrashKnown
}

// alikeGroup is what the store holds of the records of one made id,
// read once: the records alike may number thousands (a log's records of
// one second), and each looking through the stored ones for its own made
// a re-import's time grow as their square.
type alikeGroup struct {
	byAttributes map[string][]string // the stored ids not taken yet, by attributes, in number order
	taken        map[string]bool     // the ids the file's records took
	low          int                 // no number below it is free
	// trashed are the group's ids in the trash, in number order: a
	// record alike to none of the stored events is most likely one moved
	// there, and takes one of those before another record's id.
	trashed []string
}

// Numbered reports whether the store sink imports into holds the made id
// of key numbered as a second record alike, asking the store the first
// time which it holds: one walk of its made ids, however many records
// the file has.
func (a *Alike) Numbered(sink model.Sink, key uint64) bool {
	a.ask(sink)
	return a.keys[key]
}

// Reads reports whether the store sink imports into can say what it
// holds, so that records alike can be told apart by their attributes.
func (a *Alike) Reads(sink model.Sink) bool {
	a.ask(sink)
	return a.reader != nil
}

// ask learns, the first time, what the store can say and which made ids
// it holds numbered "-2".
func (a *Alike) ask(sink model.Sink) {
	if a.asked {
		return
	}
	a.asked = true
	a.groups = map[string]*alikeGroup{}
	l, ok := sink.(model.StoredIDLister)
	r, ok2 := sink.(model.StoredEventReader)
	if !ok || !ok2 {
		return
	}
	ids, err := l.StoredIDs(madePrefix, "-2")
	if err != nil {
		return // the store's error is the import's to say
	}
	a.reader = r
	a.imported, _ = sink.(model.ImportedEventReader)
	a.trash, _ = sink.(model.TrashKnown)
	a.keys = make(map[uint64]bool, len(ids))
	for _, id := range ids {
		if key, ok := madeKey(id); ok {
			a.keys[key] = true
		}
	}
}

// madePrefix begins every made id.
const madePrefix = "ts-"

// madeKey is the key of a made id numbered "-2": its 48 bits.
func madeKey(id string) (uint64, bool) {
	digits, ok := strings.CutPrefix(id, madePrefix)
	if !ok || len(digits) != 12+len("-2") {
		return 0, false
	}
	var b [6]byte
	if _, err := hex.Decode(b[:], []byte(digits[:12])); err != nil {
		return 0, false
	}
	return uint64(b[0])<<40 | uint64(b[1])<<32 | uint64(b[2])<<24 | uint64(b[3])<<16 | uint64(b[4])<<8 | uint64(b[5]), true
}

// Named is a record whose id is made, held back with the others of its
// time to be given its id (Name).
type Named struct {
	Key   uint64 // the key of its made id
	Made  string // its made id, unnumbered
	Event *model.Event
}

// Name gives the records of a run, records of one time in file order,
// their ids: number(i) numbers the ith in the file's order, as a reader
// does, and is called in that order for each record whose made id the
// store holds no "-2" of. The records alike in the run, or numbered in
// the store, or told apart earlier in the file, are told apart by their
// attributes when the store can say what it holds: each first claims
// the stored event holding what it holds, then those that claimed none
// take what is left, so that a record the store holds keeps its id
// whatever comes before it in the file (records alike share their time,
// and a file sorted by time holds them together).
func (a *Alike) Name(sink model.Sink, run []Named, number func(i int) string) {
	together := alikeIn(run)
	reads := a.Reads(sink)
	var left []int // the records that claimed no stored event
	for i, r := range run {
		numbered := a.Numbered(sink, r.Key)
		if !numbered {
			r.Event.ID = number(i)
		}
		if !reads || !numbered && !together(r.Key) && !a.Told(r.Made) {
			continue
		}
		if id, ok := a.Claim(r.Made, r.Event); ok {
			r.Event.ID = id
		} else {
			left = append(left, i)
		}
	}
	for _, i := range left {
		run[i].Event.ID = a.Next(run[i].Made)
	}
}

// alikeIn returns whether a run holds more than one record of a key.
// Most runs are of a record or a few: they are looked through rather
// than counted in a map made for each.
func alikeIn(run []Named) func(key uint64) bool {
	if len(run) <= 16 {
		return func(key uint64) bool {
			n := 0
			for _, r := range run {
				if r.Key == key {
					n++
				}
			}
			return n > 1
		}
	}
	count := make(map[uint64]int, len(run))
	for _, r := range run {
		count[r.Key]++
	}
	return func(key uint64) bool { return count[key] > 1 }
}

// Claim returns the id of the stored event of made that holds what e
// holds, when no record of the file took it yet. A reader that knows
// the records alike coming (those of one time, together in a file
// sorted by time) lets each claim its own before any takes what is left
// (Next): one that holds what no stored event holds, first in the file,
// took the id of the stored event a record after it holds.
func (a *Alike) Claim(made string, e *model.Event) (string, bool) {
	g := a.group(made)
	key := attributes(e.Summary)
	for ids := g.byAttributes[key]; len(ids) > 0; ids = ids[1:] {
		// An id taken already went to a record alike to none before.
		if id := ids[0]; !g.taken[id] {
			g.byAttributes[key] = ids[1:]
			g.taken[id] = true
			return id, true
		}
	}
	return "", false
}

// Next returns the id of a record alike that claimed none: one of the
// group's in the trash (it is most likely the record moved there), else
// the first number no record of the file took.
func (a *Alike) Next(made string) string {
	g := a.group(made)
	for len(g.trashed) > 0 {
		id := g.trashed[0]
		g.trashed = g.trashed[1:]
		if !g.taken[id] {
			g.taken[id] = true
			return id
		}
	}
	for ; ; g.low++ {
		if id := numbered(made, g.low); !g.taken[id] {
			g.taken[id] = true
			return id
		}
	}
}

// group is what the store holds of made, read the first time.
func (a *Alike) group(made string) *alikeGroup {
	g := a.groups[made]
	if g == nil {
		g = a.readGroup(made)
		a.groups[made] = g
	}
	return g
}

// Told reports whether the records of made were told apart by their
// attributes before in this file: those after them must be too, or one
// would be given an id another took.
func (a *Alike) Told(made string) bool { return a.groups[made] != nil }

// readGroup reads the stored events of made, numbered from 1 up to the
// first number the store holds neither among its events nor in its
// trash past 1, each known by what it holds and, edited in chrono since,
// by what its last import left.
func (a *Alike) readGroup(made string) *alikeGroup {
	g := &alikeGroup{byAttributes: map[string][]string{}, taken: map[string]bool{}, low: 1}
	for n := 1; ; n++ {
		id := numbered(made, n)
		stored, err := a.reader.StoredEvent(id)
		if errors.Is(err, model.ErrNotFound) && a.trash != nil && a.trash.InTrash(id) {
			g.trashed = append(g.trashed, id)
			continue
		}
		if err != nil && n > 1 {
			return g // past the stored ones, or the store's error, which its import says
		}
		if err != nil {
			continue
		}
		key := attributes(stored.Summary)
		g.byAttributes[key] = append(g.byAttributes[key], id)
		if a.imported == nil {
			continue
		}
		// Edited in chrono, the event is still the record its last
		// import brought.
		if base, ok, err := a.imported.ImportedEvent(id); err == nil && ok {
			if was := attributes(base.Summary); was != key {
				g.byAttributes[was] = append(g.byAttributes[was], id)
			}
		}
	}
}

// numbered is made numbered n: the first record alike keeps it as it is.
func numbered(made string, n int) string {
	if n == 1 {
		return made
	}
	return made + "-" + strconv.Itoa(n)
}

// attributes is what a summary says of its record, leaving out the
// lines of keys beginning "__" that readers of formats derived from
// Timesketch's (Plaso's container markers) drop after the id is made.
func attributes(summary string) string {
	if !strings.Contains(summary, "__") {
		return summary
	}
	var b strings.Builder
	for line := range strings.Lines(summary) {
		if !strings.HasPrefix(line, "__") {
			b.WriteString(line)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
