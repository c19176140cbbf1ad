package tui

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"sync"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/stored"
	"chrono/model/verbatim"
)

// quoteMark is what checking one quote against the latest snapshot of
// its source found. It keeps the quote's words and source, so that a mark
// never shows beside another quote (one moved, or edited meanwhile).
type quoteMark struct {
	text, source string
	quotecheck.Found
}

// of reports whether the mark is of quote q.
func (m quoteMark) of(q model.Quote) bool { return m.text == q.Text && m.source == q.Source }

// sourceIndex is a source's latest snapshot made ready for checking
// quotes, built once and used while that snapshot is still the source's
// latest: an attach or a withdrawal changes the latest, and the next
// check builds it again.
type sourceIndex struct {
	latest model.Snapshot
	count  int    // the snapshots the source has
	text   string // the latest's text
	// damaged says how the latest's bytes or text differ from the hashes
	// kept with them ("" when they match).
	damaged string
	// unreadable says why the latest's text cannot be read, when it
	// cannot: the store is damaged. The index then checks nothing.
	unreadable string
	// outOfStep says how the source's snapshots differ from those the
	// journal left: the latest checked against may not be the latest.
	outOfStep string
	// chainBroken: the journal's chain was known broken when the index
	// was built, so the journal's record of the latest was weighed.
	chainBroken bool
	// mu guards x: an Index builds its normalised text the first time a
	// quote is not verbatim, and two commands may check at once.
	mu sync.Mutex
	x  *verbatim.Index
}

// check checks a quote against the index.
func (si *sourceIndex) check(q string) verbatim.Result {
	si.mu.Lock()
	defer si.mu.Unlock()
	return si.x.Check(q)
}

// quoteIndexes are the sources' indexes kept by the browser, by source
// id. A command gets a copy, and brings back the indexes it built.
type quoteIndexes map[string]*sourceIndex

// keptIndexes bounds the sources whose indexes the browser keeps: each
// holds its snapshot's text.
const keptIndexes = 16

// merge keeps the indexes built by a command, within keptIndexes.
func (k quoteIndexes) merge(built quoteIndexes) {
	for id := range k {
		if len(k)+len(built) <= keptIndexes {
			break
		}
		if _, ok := built[id]; !ok {
			delete(k, id)
		}
	}
	maps.Copy(k, built)
}

// snapshotsOf lists a source's snapshots, its error saying which.
func snapshotsOf(s model.Store, source string) ([]model.Snapshot, error) {
	snaps, err := s.Snapshots(source)
	if err != nil {
		return nil, fmt.Errorf("source %q: reading its snapshots: %w", source, err)
	}
	return snaps, nil
}

// indexOf returns the index of source's latest snapshot: the one kept
// when it is of that snapshot, else one built from its text. nil when
// the source has no snapshot.
func indexOf(s model.Store, kept quoteIndexes, source string) (si *sourceIndex, built bool, err error) {
	snaps, err := snapshotsOf(s, source)
	if err != nil {
		return nil, false, err
	}
	return indexOfListed(s, kept, source, snaps, true)
}

// indexOfListed is indexOf for a source whose snapshots are known (a
// Detail holds them): its text is read only when no index kept holds,
// and only if build is set (else errUnindexed).
func indexOfListed(s model.Store, kept quoteIndexes, source string, snaps []model.Snapshot, build bool) (si *sourceIndex, built bool, err error) {
	if len(snaps) == 0 {
		return nil, false, nil
	}
	latest, count := snaps[len(snaps)-1], len(snaps)
	if si := kept[source]; si != nil && si.latest.N == latest.N && si.latest.SHA256 == latest.SHA256 && si.count == count &&
		si.chainBroken == chainBroken(s, latest) {
		return si, false, nil
	}
	if !build {
		return nil, false, errUnindexed
	}
	text, err := model.ReadSnapshotText(s, source, latest.N)
	if stored.IsDamage(err) {
		// The quotes say it, and the rest of the event shows; not kept,
		// so that a store restored meanwhile is read again.
		return &sourceIndex{latest: latest, count: count, unreadable: errors.Unwrap(err).Error()}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	broken := chainBroken(s, latest) // before the check: a walk ending meanwhile builds it again
	damaged, err := damage(s, latest, text)
	if err != nil {
		return nil, false, fmt.Errorf("source %q, snapshot %d: %w", source, latest.N, err)
	}
	si = &sourceIndex{latest: latest, count: count, text: text, damaged: damaged, chainBroken: broken, x: latest.QuoteIndex(text)}
	if damaged == "" && latest.SHA256 != "" { // a hash kept: a store that journals its snapshots
		si.outOfStep = journaledOf(s).outOfStep(s, source, snaps)
	}
	return si, true, nil
}

// chainBroken reports whether the walk of the journal's chain found it
// broken, for a snapshot the journal records (a hash kept with it).
func chainBroken(s model.Store, sn model.Snapshot) bool {
	return sn.SHA256 != "" && journaledOf(s).chainBroken()
}

// damage says how a snapshot's text and original bytes differ from the
// hashes kept with them, or those from the journal's record of them, ""
// when they match: checked once, as its index is built, so that a quote
// is never shown verbatim in altered bytes.
func damage(s model.Store, sn model.Snapshot, text string) (string, error) {
	if mismatch, _ := sn.TextMismatch(strings.NewReader(text)); mismatch != "" { // a reader of a string fails not
		return mismatch, nil
	}
	if sn.SHA256 == "" {
		return "", nil // no hash kept to check against
	}
	rc, err := s.SnapshotOriginal(sn.Source, sn.N)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	if mismatch, err := sn.CopyOriginal(io.Discard, rc); mismatch != "" || err != nil {
		return mismatch, err
	}
	return journaledOf(s).unrecorded(s, sn), nil
}

// errUnindexed is checkQuotes told not to build an index that it needs.
var errUnindexed = errors.New("a quote's source has a snapshot not indexed yet")

// markQuote checks q against si (nil when its source has no snapshot).
func markQuote(q model.Quote, si *sourceIndex) quoteMark {
	m := quoteMark{text: q.Text, source: q.Source}
	switch {
	case q.Source == "":
		m.State = quotecheck.NoSource
		return m
	case si == nil:
		m.State = quotecheck.NoSnapshot
		return m
	}
	if si.unreadable != "" {
		m.State, m.Snapshot, m.Damaged = quotecheck.Unreadable, si.latest.N, si.unreadable
		return m
	}
	m.Found = quotecheck.Of(si.check(q.Text), si.text, si.latest.N)
	m.Damaged, m.OutOfStep = si.damaged, si.outOfStep
	return m
}

// checkQuotes checks the quotes of an event read whole, each against
// the latest snapshot of its source as the Detail lists them, with the
// indexes kept where they still hold; it brings back the indexes it
// built. It runs in the command that loads the sources pane. Unless
// build is set, an index it would have to build (reading a snapshot's
// whole text) is errUnindexed instead.
func checkQuotes(s model.Store, kept quoteIndexes, d model.Detail, build bool) ([]quoteMark, quoteIndexes, error) {
	quotes := d.Event.Quotes
	if len(quotes) == 0 {
		return nil, nil, nil
	}
	built := quoteIndexes{}
	of := map[string]*sourceIndex{}
	marks := make([]quoteMark, len(quotes))
	for i, q := range quotes {
		si, seen := of[q.Source]
		if !seen && q.Source != "" {
			var fresh bool
			var err error
			si, fresh, err = indexOfListed(s, kept, q.Source, d.Snapshots[q.Source], build)
			if err != nil {
				return nil, nil, err
			}
			of[q.Source] = si
			if fresh {
				built[q.Source] = si
			}
		}
		marks[i] = markQuote(q, si)
	}
	return marks, built, nil
}
