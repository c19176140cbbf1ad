package bolt

import (
	"bytes"
	"encoding/binary"

	"chrono/model"
	"chrono/model/stored"

	"github.com/go-json-experiment/json"
)

// editSide is what an import needs to keep the changes made in chrono
// since the last import (model.MergeEdited): the version that import
// left, found from the event's history, and the conflicts met.
type editSide struct {
	merge model.EditMerge
	place func() model.Place     // where the event being merged is in its file
	heads map[uint64]model.Entry // the heads of entries read, by seq
	// changes are the changes of the entries read, by seq, then by
	// event id (entryChange).
	changes     map[uint64]map[string]*model.EventChange
	changesHeld int // the changes in changes, all entries together
}

// mergeStored merges e, record n of its file, into old, the stored
// version.
func (is *importSink) mergeStored(old, e model.Event, n int, present model.FieldSet) (model.Update, error) {
	base, err := is.editedBase(e.ID)
	if err != nil {
		return model.Update{}, err
	}
	return is.merge.Merge(old, e, present, base, n, is.at(), &is.result), nil
}

// mergeSource merges s, a source the import reads, into old, the stored
// value of the source of its id (nil for none), as EditMerge.Source
// does, and counts it in the import's result.
func (is *importSink) mergeSource(old []byte, s *model.Source) error {
	if old == nil {
		return nil
	}
	stored, err := decodeSource(s.ID, old)
	if err != nil {
		return err
	}
	m := is.merge.Source(stored, *s)
	is.result.CountSource(s.ID, m)
	*s = m.Source
	return nil
}

// editedBase returns the version of the stored event id that the last
// import left, when a change other than an import has touched the event
// since (model.ImportBase), or what the file said at that import where
// it kept chrono's values; nil otherwise. Most events' newest history
// key is an import's that took the file's every field, which its value
// or the entry's head tells without reading further. Otherwise the
// entries' heads are walked, and at most two changes read: from a kept
// change's history value, or from its entry, read once an import. A
// replace reads it too: it tells which of chrono's changes the file's
// version undoes (model.ReplaceUndid).
func (is *importSink) editedBase(id string) (*model.Event, error) {
	prefix := append([]byte(id), keySep)
	type hit struct {
		seq uint64
		v   []byte
	}
	var hits []hit // newest first
	after := append(bytes.Clone(prefix), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	if done, err := is.lastImported(prefix, after); done || err != nil {
		return nil, err
	}
	c := is.b.history.Cursor()
	var v []byte
	k, _ := c.Seek(after)
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; k != nil && hasPrefix(k, prefix); k, v = c.Prev() {
		if len(k) != len(prefix)+8 {
			continue // a longer id's key, past its separator
		}
		h := hit{binary.BigEndian.Uint64(k[len(prefix):]), v}
		if len(hits) == 0 && !kept(v) {
			if bytes.Equal(v, historyAdded) {
				return nil, nil
			}
			if head, err := is.head(h.seq); err != nil || head.Op == model.OpImport {
				return nil, err
			}
		}
		hits = append(hits, h)
	}
	entries := make([]model.Entry, len(hits))
	for i, h := range hits {
		var err error
		if entries[i], err = is.head(h.seq); err != nil {
			return nil, err
		}
	}
	imported := func(i int) (*model.Event, error) {
		// Only a kept change's history value holds what the file said:
		// any other import took the file's every field.
		if !kept(hits[i].v) {
			return nil, nil
		}
		c, err := keptChange(id, hits[i].seq, hits[i].v)
		if err != nil || c == nil {
			return nil, err
		}
		return c.Imported, nil
	}
	return model.ImportBaseFrom(entries, imported, func(i int) (*model.EventChange, error) {
		h := hits[i]
		switch {
		case bytes.Equal(h.v, historyAdded):
			return &model.EventChange{ID: id, To: model.OnTimeline}, nil
		case kept(h.v):
			return keptChange(id, h.seq, h.v)
		}
		return is.entryChange(h.seq, id)
	})
}

// lastImported reports whether the newest change in an event's history
// (its keys begin with prefix, and come before after) is one an import
// made, which editedBase then answers at once, reading the history by
// pread (pread.go): on a re-import every record's history is looked at,
// all over the file, and a fault costs tens of µs where a pread costs a
// few. Anything else is left to editedBase's walk through bbolt.
func (is *importSink) lastImported(prefix, after []byte) (bool, error) {
	if is.b.trees == nil {
		return false, nil
	}
	k, v, err := is.b.trees.atOrBefore(uint64(is.b.history.Root()), after)
	if err != nil || !hasPrefix(k, prefix) || len(k) != len(after) || bytes.Equal(k, after) || kept(v) {
		return false, nil
	}
	if bytes.Equal(v, historyAdded) {
		return true, nil
	}
	head, err := is.head(binary.BigEndian.Uint64(k[len(prefix):]))
	return err != nil || head.Op == model.OpImport, err
}

// keptChange reads the change of event id that the history value v of
// entry seq keeps (historyKept).
func keptChange(id string, seq uint64, v []byte) (*model.EventChange, error) {
	var c model.EventChange
	if err := json.Unmarshal(v[1:], &c); err != nil {
		return nil, stored.Unreadablef("the history of event %q at journal entry #%d: %v", id, seq, err)
	}
	return &c, nil
}

// entriesKept bounds the entries whose changes an import keeps: enough
// for the few changes made to many events at once (a tag put on every
// marked event, an import undone and redone) that come between imports.
// changesKept bounds the changes they hold in all, each with one or two
// versions of its event, so that the import's memory stays flat: an
// entry of more is read for each event asked about, slowly but in
// little memory.
const (
	entriesKept = 16
	changesKept = 20_000
)

// entryChange returns the change of event id in journal entry seq, or
// nil. An entry's changes are read whole, once an import: one that
// touched many events would otherwise be read again for each of them.
func (is *importSink) entryChange(seq uint64, id string) (*model.EventChange, error) {
	changes, ok := is.changes[seq]
	if !ok {
		v, err := is.entry(seq)
		if err != nil {
			return nil, err
		}
		e, p, err := heads.head(seq, v)
		if err != nil {
			return nil, err
		}
		if p.N() > changesKept {
			if err := asCorruption(p.Events(&e, id)); err != nil || len(e.Events) == 0 {
				return nil, err
			}
			return &e.Events[0], nil
		}
		if err := asCorruption(p.Events(&e, "")); err != nil {
			return nil, err
		}
		changes = make(map[string]*model.EventChange, len(e.Events))
		for i := range e.Events {
			if _, ok := changes[e.Events[i].ID]; !ok {
				changes[e.Events[i].ID] = &e.Events[i]
			}
		}
		if is.changes == nil || len(is.changes) >= entriesKept || is.changesHeld+len(changes) > changesKept {
			is.changes, is.changesHeld = map[uint64]map[string]*model.EventChange{}, 0
		}
		is.changes[seq] = changes
		is.changesHeld += len(changes)
	}
	return changes[id], nil
}

// kept reports whether a history value holds a kept change (historyKept).
func kept(v []byte) bool { return len(v) > 0 && v[0] == historyKept }

// head returns the head of journal entry seq (its Seq, Op and Reverts
// are what an import asks), once per entry.
func (is *importSink) head(seq uint64) (model.Entry, error) {
	if e, ok := is.heads[seq]; ok {
		return e, nil
	}
	v, err := is.entry(seq)
	if err != nil {
		return model.Entry{}, err
	}
	e, _, err := heads.head(seq, v)
	if err != nil {
		return model.Entry{}, err
	}
	if is.heads == nil {
		is.heads = map[uint64]model.Entry{}
	}
	e = model.Entry{Seq: e.Seq, Op: e.Op, Reverts: e.Reverts}
	is.heads[seq] = e
	return e, nil
}

// entry returns the stored journal entry seq, which an event's history
// names.
func (is *importSink) entry(seq uint64) ([]byte, error) {
	v := is.b.journal.Get(seqKey(seq))
	if v == nil {
		return nil, stored.Unreadablef("journal entry #%d: the history of an event names it, the journal has not", seq)
	}
	return v, nil
}
