package tui

import (
	"bytes"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// When the store changes under a browser (another session, a chrono
// command), the journal entries since the last change it took in say
// what changed, and each screen reads again only what those touched: a
// tag on an event years away changes nothing on screen. With fifty
// sessions on one server and a few changes a second, reading every
// window, count and pane again after each change was most of the work.

// changeSummary is what the journal entries after one a browser has
// taken in changed.
type changeSummary struct {
	// seq and hash are the newest entry's: what the browser has seen
	// once it takes the summary in.
	seq  uint64
	hash string
	// events are the ids of the events the entries touched.
	events map[string]bool
	// gone are those of them the newest entry touching each took off
	// the timeline (to the trash, or out of the store).
	gone map[string]bool
	// moved: an event was added, deleted, restored, or changed where the
	// order places it (its date, title or links), so positions, counts
	// and the ruler may all differ.
	moved bool
	// header and sources: the investigation's title or description, or
	// a source or snapshot, changed.
	header, sources bool
	// whole: what changed cannot be told (the entry seen is gone, an
	// import, too many events), and everything is read again.
	whole bool
}

// all reports whether everything is to be read again: a nil change is
// one the browser was told of without the journal (the store is back).
func (c *changeSummary) all() bool { return c == nil || c.whole }

// touches reports whether the change touched any of ids.
func (c *changeSummary) touches(ids ...string) bool {
	if c.all() {
		return true
	}
	for _, id := range ids {
		if c.events[id] {
			return true
		}
	}
	return false
}

// changesMsg brings what changed since an entry.
type changesMsg struct {
	change *changeSummary
	err    error
}

// changesSince reads the journal entries after the one numbered seq
// with hash (0: none seen yet) and sums up what they changed, the store
// being at version or later.
func changesSince(s model.Store, seq uint64, hash, version string) tea.Cmd {
	return func() tea.Msg {
		c, err := readSummary(s, seq, hash, version)
		return changesMsg{change: c, err: err}
	}
}

// summaries shares one read of the journal among the browsers of a
// process told of a change together.
var summaries joinedReads[summaryAsk, *changeSummary]

// summaryAsk is a question: the store (by location), the entry seen,
// and the version heard. A read begun by a browser that heard version
// sees every change up to it, so another browser that heard the same
// may take its answer.
type summaryAsk struct {
	location, hash, version string
	seq                     uint64
}

// readSummary is summarize, or the answer of the same question under
// way. A store that names no location, or a version not known, is read
// alone.
func readSummary(s model.Store, seq uint64, hash, version string) (*changeSummary, error) {
	loc := s.Location()
	if loc == "" || version == "" {
		return summarize(s, seq, hash)
	}
	return summaries.read(summaryAsk{location: loc, hash: hash, version: version, seq: seq}, func() (*changeSummary, error) {
		return summarize(s, seq, hash)
	})
}

func summarize(s model.Store, seq uint64, hash string) (*changeSummary, error) {
	c := &changeSummary{events: map[string]bool{}, gone: map[string]bool{}}
	newest, newestHash, complete, err := entriesSince(s, seq, hash, func(e *model.Entry) bool {
		if seq == 0 || e.Touched > 0 || e.Op == model.OpImport {
			return false // nothing seen before it, or too big to list
		}
		c.header = c.header || e.Header != nil
		c.sources = c.sources || len(e.Sources) > 0 || len(e.Snapshots) > 0
		for _, ch := range e.Events {
			if !c.events[ch.ID] && ch.From != ch.To && ch.To != model.OnTimeline {
				c.gone[ch.ID] = true // the entries come newest first
			}
			c.events[ch.ID] = true
			c.moved = c.moved || moves(ch)
		}
		return len(c.events) <= mostChanged
	})
	if err != nil {
		return nil, err
	}
	c.seq, c.hash = newest, newestHash
	if !complete || seq == 0 {
		return wholly(c), nil
	}
	return c, nil
}

// wholly is a change that has everything read again, from which the
// browser still takes the newest entry as seen.
func wholly(c *changeSummary) *changeSummary {
	return &changeSummary{seq: c.seq, hash: c.hash, whole: true}
}

// moves reports whether a change to an event may move events in the
// order, or change which are on the timeline.
func moves(ch model.EventChange) bool {
	if ch.Before == nil || ch.After == nil || ch.From != ch.To {
		return true
	}
	return !bytes.Equal(model.OrderKey(ch.Before), model.OrderKey(ch.After)) ||
		!slices.Equal(ch.Before.Links, ch.After.Links)
}
