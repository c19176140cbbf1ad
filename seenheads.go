package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/store/outfile"

	"github.com/go-json-experiment/json"
)

// The journal's hash chain shows an entry altered, but not the newest
// entries cut off: an older copy of the store put in its place (a file
// restored, a sync gone wrong, someone undoing what they did) verifies,
// and with both of bbolt's meta pages intact nothing else tells. So chrono
// notes, for each store it opens, the newest entry it saw (its number and
// hash), in a file of this machine's, outside the store; a store whose
// journal no longer holds that entry is said to have lost changes, on
// every command and in the browser, until --accept-rollback takes it as
// it is. The note only vouches for what this machine saw.

// seenHead is the newest journal entry chrono saw in a store.
type seenHead struct {
	Seq  uint64    `json:"seq"`
	Hash string    `json:"hash"`
	Seen time.Time `json:"seen"`
}

// seenHeads is the file of the heads seen: each store's, by seenKey.
type seenHeads struct {
	Stores map[string]seenHead `json:"stores"`
}

// seenHeadsPath is the file of the heads seen, in chrono's state
// directory, or "" when there is no home to keep it in.
func seenHeadsPath() string {
	dir := stateDir()
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "heads.json")
}

// readSeenHeads reads the file at path; a missing one holds none.
func readSeenHeads(path string) (seenHeads, error) {
	heads := seenHeads{Stores: map[string]seenHead{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return heads, nil
	}
	if err == nil {
		err = json.Unmarshal(b, &heads)
	}
	if err != nil {
		return heads, fmt.Errorf("the journal heads this machine saw (%s) cannot be read, and are left as they are: %w", path, err)
	}
	if heads.Stores == nil {
		heads.Stores = map[string]seenHead{}
	}
	for key, h := range heads.Stores {
		if h.Seq == 0 || h.Hash == "" {
			delete(heads.Stores, key) // names no entry
		}
	}
	return heads, nil
}

// mostSeen is how many stores the file of heads keeps: those seen
// longest ago go first.
const mostSeen = 1000

// write replaces the file at path with heads, whole or not at all,
// keeping the mostSeen stores seen last.
func (h seenHeads) write(path string) error {
	if len(h.Stores) > mostSeen {
		keys := slices.SortedFunc(maps.Keys(h.Stores), func(a, b string) int {
			return h.Stores[b].Seen.Compare(h.Stores[a].Seen)
		})
		for _, key := range keys[mostSeen:] {
			delete(h.Stores, key)
		}
	}
	return writeState(path, h)
}

// seenKey names the store at path (an investigation, in a database) in
// the file of heads: a file by its absolute path, links followed, so
// that two names for one file are one store, and a copy elsewhere is
// another.
func seenKey(path, investigation string) string {
	if store.IsAddress(path) {
		if investigation == "" {
			investigation = store.DefaultInvestigation
		}
		return store.SafeLocation(path) + " " + investigation
	}
	if target, err := outfile.Resolve(path); err == nil {
		path = target
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return path
}

// journalHead returns the newest entry of s's journal; Seq 0 when it
// has none.
func journalHead(s model.Store) (model.ChainHead, error) {
	last, err := s.Journal(model.JournalQuery{Limit: 1, MostEvents: 1})
	if err != nil || len(last) == 0 {
		return model.ChainHead{}, err
	}
	return model.ChainHead{Seq: last[0].Seq, Hash: last[0].Hash}, nil
}

// holds reports whether s's journal holds the entry seen.
func holds(s model.Store, seen seenHead) (bool, error) {
	got, err := s.Journal(model.JournalQuery{After: seen.Seq - 1, Before: seen.Seq + 1, Limit: 1, MostEvents: 1})
	if err != nil {
		return false, err
	}
	return len(got) == 1 && got[0].Seq == seen.Seq && got[0].Hash == seen.Hash, nil
}

// headLost says how s's journal lost the entry seen, or "" when it
// holds it.
func headLost(s model.Store, seen seenHead) (string, error) {
	if ok, err := holds(s, seen); ok || err != nil {
		return "", err
	}
	head, err := journalHead(s)
	if err != nil {
		return "", err
	}
	hash := seen.Hash[:min(len(seen.Hash), model.ShortHashDigits)]
	when := seen.Seen.Local().Format("2 Jan 2006 15:04")
	if head.Seq < seen.Seq {
		return fmt.Sprintf("its journal ends at entry #%d, but this machine saw it at entry #%d (%s) on %s: the changes after #%d are gone (was an older copy put in its place?)", head.Seq, seen.Seq, hash, when, head.Seq), nil
	}
	return fmt.Sprintf("its journal's entry #%d is not the one this machine saw on %s (%s): the journal was rewritten from there or before (was another store put in its place?)", seen.Seq, when, hash), nil
}

// seenStore is a store a command opened: where, and whether this run
// made it, which leaves what was seen at that place before behind.
type seenStore struct {
	path, investigation string
	made                bool
}

// checkSeen compares s, opened at path, with the head this machine saw
// there, and returns what it lost, as a warning, or "" (or that the
// heads seen cannot be read). It notes the store, so that its head is
// noted once the command is done.
func (c *cli) checkSeen(s model.Store, path, investigation string, made bool) string {
	key := seenKey(path, investigation)
	if c.seen == nil {
		c.seen = map[string]seenStore{}
	}
	if was, ok := c.seen[key]; ok {
		made = made || was.made
	}
	c.seen[key] = seenStore{path: path, investigation: investigation, made: made}
	c.seenLost = ""
	file := seenHeadsPath()
	if file == "" || made {
		return ""
	}
	heads, err := readSeenHeads(file)
	if err != nil {
		return termtext.Line(err.Error())
	}
	seen, ok := heads.Stores[key]
	if !ok || c.rollbackWarning(s) != "" {
		return "" // a damaged meta page says it already, and why
	}
	if sup, ok := s.(model.Superseded); ok && sup.Superseded() {
		// Replaced since it was opened (by an import in another
		// process, whose new head was noted): the store read is older
		// than the one seen, not rolled back. The next command reads
		// the new one.
		return ""
	}
	lost, err := headLost(s, seen)
	if err != nil || lost == "" {
		return ""
	}
	where := store.SafeLocation(path)
	if store.IsAddress(path) && investigation != "" {
		// One database holds many: the note is the investigation's.
		where += " (investigation " + investigation + ")"
	}
	if c.acceptRollback {
		return termtext.Line(fmt.Sprintf("store %s: %s; taken as it is (--accept-rollback)", where, lost))
	}
	c.seenLost = termtext.Line(lost)
	if c.overSSH() {
		return termtext.Line(fmt.Sprintf("store %s: %s; the server's admin can restore it from a backup, or take it as it is with chrono --accept-rollback", where, lost))
	}
	return termtext.Line(fmt.Sprintf("store %s: %s; restore it from a backup (chrono log shows what it holds), or, if it was put there on purpose, give the next command --accept-rollback to take it as it is", where, lost))
}

// madeStore notes that the command made the store at path (chrono new,
// or an import into a new file, built under another name first): its
// head is noted when the command is done, in place of what was seen
// there before.
func (c *cli) madeStore(path, investigation string) {
	if c.seen == nil {
		c.seen = map[string]seenStore{}
	}
	c.seen[seenKey(path, investigation)] = seenStore{path: path, investigation: investigation, made: true}
}

// noteSeen notes, once the command is done, the newest journal entry of
// each store it opened, reading each again: what the command wrote is
// then seen too. A store whose journal lost the entry seen before keeps
// that note, so that the loss is said again, unless --accept-rollback
// was given or the command made the store. A store busy elsewhere, or
// gone, is left as it was noted.
func (c *cli) noteSeen() {
	file := seenHeadsPath()
	if len(c.seen) == 0 || file == "" {
		return
	}
	heads, err := readSeenHeads(file)
	if err != nil {
		return // said when the store was opened
	}
	changed := false
	for key, st := range c.seen {
		head, lost, err := readHead(st, heads.Stores[key])
		_, noted := heads.Stores[key]
		switch {
		case err != nil:
			continue
		case head.Seq == 0 && st.made && noted:
			// A new store with no changes yet: what was seen there
			// was another's.
			delete(heads.Stores, key)
			changed = true
			continue
		case head.Seq == 0, lost && !c.acceptRollback && !st.made:
			continue
		}
		if was, ok := heads.Stores[key]; ok && was.Seq == head.Seq && was.Hash == head.Hash {
			continue
		}
		heads.Stores[key] = seenHead{Seq: head.Seq, Hash: head.Hash, Seen: time.Now().UTC()}
		changed = true
	}
	if changed {
		_ = heads.write(file) // a note not kept is a loss not said, never a false one
	}
}

// readHead opens the store st names for reading, and returns its head
// and whether its journal lost the entry seen (when there is one).
func readHead(st seenStore, seen seenHead) (head model.ChainHead, lost bool, err error) {
	s, err := store.Open(st.path, store.Options{ReadOnly: true, NoCreate: true, Timeout: seenTimeout, Investigation: st.investigation})
	if err != nil {
		return head, false, err
	}
	defer s.Close()
	if head, err = journalHead(s); err != nil || seen.Seq == 0 {
		return head, false, err
	}
	ok, err := holds(s, seen)
	return head, !ok, err
}

// seenTimeout is how long noting a head waits for a store another
// process is writing: not worth holding up the end of a command for.
const seenTimeout = 200 * time.Millisecond

// sayOnce writes a warning on stderr, once a run.
func (c *cli) sayOnce(w string) {
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	if c.warned[w] {
		return
	}
	c.warned[w] = true
	fmt.Fprintf(c.stderr, "warning: %s\n", termtext.Line(w))
}
