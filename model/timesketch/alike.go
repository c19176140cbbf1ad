package timesketch

import (
	"encoding/hex"
	"strconv"
	"strings"

	"chrono/model"
)

// Records alike: a file's records that share their datetime,
// timestamp_desc and message are numbered in the file's order ("ts-…",
// "ts-…-2"), which a first import has nothing else to go by. Numbered so
// in an earlier import, a second import would give each the id of
// another when the file's order changed, and what was added to one in
// chrono (tags, notes) to another record. So once the store holds a
// "ts-…-2", the records of that id are told apart by what they hold: each
// takes the stored event of its id that holds the same attributes (its
// summary), and only one the store holds none alike of takes the first
// number left. Records alike in everything are one as much as the other:
// the re-import updates none of them.

// Alike is what a reader knows of the ids it numbered in an earlier
// import; its zero value asks the store the first time. The readers of
// formats whose ids are made as Timesketch's are (Plaso's l2tcsv) keep
// one too.
type Alike struct {
	asked  bool
	keys   map[uint64]bool // the made ids the store holds a "-2" of
	taken  map[string]bool // the ids the file's records alike took
	reader model.StoredEventReader
}

// Numbered reports whether the store sink imports into holds the made id
// of key numbered as a second record alike, asking the store the first
// time which it holds: one walk of its made ids, however many records
// the file has.
func (a *Alike) Numbered(sink model.Sink, key uint64) bool {
	if !a.asked {
		a.asked = true
		l, ok := sink.(model.StoredIDLister)
		r, ok2 := sink.(model.StoredEventReader)
		if !ok || !ok2 {
			return false
		}
		ids, err := l.StoredIDs(madePrefix, "-2")
		if err != nil || len(ids) == 0 {
			return false // the store's error is the import's to say
		}
		a.reader = r
		a.keys, a.taken = make(map[uint64]bool, len(ids)), map[string]bool{}
		for _, id := range ids {
			if key, ok := madeKey(id); ok {
				a.keys[key] = true
			}
		}
	}
	return a.keys[key]
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

// Match returns the id of a record alike others numbered in an earlier
// import, made is its id unnumbered: that of the stored event holding
// what e holds, else the first number no record of the file took. Ask
// it only of a key Numbered.
func (a *Alike) Match(made string, e *model.Event) string {
	free := ""
	for n := 1; ; n++ {
		id := made
		if n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		if a.taken[id] {
			continue
		}
		// The first id no record took is free, stored or not: past the
		// stored ones, the next number is the one a new record takes.
		if free == "" {
			free = id
		}
		stored, err := a.reader.StoredEvent(id)
		if err != nil && n > 1 {
			break // past the stored ones, or the store's error, which its import says
		}
		if err == nil && sameAttributes(stored.Summary, e.Summary) {
			free = id
			break
		}
	}
	a.taken[free] = true
	return free
}

// sameAttributes reports whether two summaries say the same of their
// records, leaving out the lines of keys beginning "__" that readers of
// formats derived from Timesketch's (Plaso's container markers) drop
// after the id is made.
func sameAttributes(stored, read string) bool {
	return attributes(stored) == attributes(read)
}

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
