package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/store"
)

// storeFile is the one file of the import that is a chrono store (a
// backup), "" when none is; a store file is imported alone.
func (o *importOptions) storeFile() (string, error) {
	var found string
	for _, name := range o.files {
		if name != "-" && store.IsStoreFile(name) {
			found = name
		}
	}
	if found != "" && len(o.files) > 1 {
		return "", usagef("%s is a chrono store file: import it alone, not with other files", termtext.Line(found))
	}
	return found, nil
}

// importStore brings the chrono store file path (a backup) into the
// store. Into an empty store it is a restore: everything, the journal
// (its chain verified first) and the trash included, in one transaction.
// Into one that holds anything it is an import like any other, merging
// its events and sources, and it says what it did not carry.
func (o *importOptions) importStore(path string) (err error) {
	name := termtext.Line(path)
	if o.isTheStore(path) {
		return fmt.Errorf("%s is the store this import writes to: there is nothing to bring in; import another store's backup (chrono backup -o FILE writes one)", name)
	}
	from, err := store.Open(path, store.Options{ReadOnly: true, NoCreate: true})
	if err != nil {
		return fmt.Errorf("nothing imported, the store is unchanged: %s: %w", name, err)
	}
	defer from.Close()
	fromHead, err := chainOf(from)
	if err != nil {
		return fmt.Errorf("nothing imported, the store is unchanged: %s: %w", name, err)
	}
	if made, absent := o.absentStoreFile(); absent && !o.dryRun {
		// Restored under a name of its own and given the path once whole,
		// as a first import is: stopped or killed, no store is left there,
		// empty or half restored.
		// What was restored is said once the store has its path: that
		// may yet fail (another made a store there meanwhile).
		var said bytes.Buffer
		err := o.intoNew(made, func(s model.Store) error {
			defer s.Close()
			restored, err := o.restore(s, from, path, fromHead, &said)
			if err == nil && !restored {
				err = fmt.Errorf("nothing imported: %s: a new store took no restore", name)
			}
			return err
		})
		if err == nil {
			_, err = o.stdout.Write(said.Bytes())
		}
		return err
	}
	open := o.openCreating
	if o.dryRun {
		open = func() (model.Store, error) { return o.openStore(false) }
	}
	s, err := open()
	if err != nil {
		return err
	}
	defer s.Close()
	defer func() { o.importEnded(s, err) }()
	defer o.clearOnSignal()()
	if restored, err := o.restore(s, from, path, fromHead, o.stdout); restored || err != nil {
		return err
	}
	in := importInput{lost: &model.Losses{}, detected: "a chrono store; merged, as the store holds an investigation already: its journal, trash and snapshots were not carried (to restore the backup whole, import it where no store is yet: a new path, or a new --investigation)"}
	in.Name, in.Size = path, -1
	in.Read = func(sink model.Sink) error { return sendStore(from, sink, in.lost) }
	storeOpts, err := o.storeOptions()
	if err != nil {
		return err
	}
	before, _ := journalHead(s) // unread, a change is still told by its seq
	results, err := s.Import([]model.Input{in.Input}, storeOpts)
	checkDamaged(o.stderr, s, err)
	switch {
	case err != nil && o.dryRun:
		return fmt.Errorf("the import would stop at these problems, importing nothing:\n%w", importAdvice(err))
	case err != nil:
		return fmt.Errorf("nothing imported, the store is unchanged:\n%w", importAdvice(err))
	}
	o.report([]importInput{in}, results)
	if !o.dryRun {
		o.warnIfWrittenAfterBreak(s, before)
	}
	return nil
}

// restore restores the backup from, read from path, into s when s takes
// it (empty, and not a dry run), and reports it on w; restored is false
// when it does not, for the backup to be merged.
func (o *importOptions) restore(s model.Store, from model.Store, path string, fromHead model.ChainHead, w io.Writer) (restored bool, err error) {
	r, ok := s.(model.Restorer)
	if !ok || o.dryRun {
		return false, nil
	}
	n, err := r.Restore(from)
	if err == nil {
		o.reportRestore(w, s, path, n, fromHead)
		return true, nil
	}
	checkDamaged(o.stderr, s, err)
	if !errors.Is(err, model.ErrNotEmpty) {
		return false, fmt.Errorf("nothing imported, the store is unchanged: %s: %w", termtext.Line(path), err)
	}
	return false, nil
}

// isTheStore reports whether the file at path is the store chrono would
// import into: opening it twice would wait for itself.
func (o *importOptions) isTheStore(path string) bool {
	db, _, err := o.storePath()
	if err != nil || store.IsAddress(db) {
		return false
	}
	a, err := os.Stat(path)
	if err != nil {
		return false
	}
	b, err := os.Stat(db)
	return err == nil && os.SameFile(a, b)
}

// chainOf verifies a store's journal and returns its head; a chain that
// breaks is an error: a backup whose history was altered is not restored.
func chainOf(s model.Store) (model.ChainHead, error) {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return model.ChainHead{}, nil
	}
	r, err := v.VerifyJournal()
	if err != nil {
		return r.Head, err
	}
	if !r.OK() {
		return r.Head, fmt.Errorf("its journal's chain breaks at entry #%d: %s (%w)", r.Break.Seq, r.Break.What, model.ErrDamaged)
	}
	return r.Head, nil
}

// sendStore reads a store's investigation into a sink, as a file's
// reader would: its header, sources, then events, without their links to
// events in its trash, which is not carried (counted in lost).
func sendStore(from model.Reader, sink model.Sink, lost *model.Losses) error {
	h, err := from.Header()
	if err != nil {
		return err
	}
	if err := sink.Header(h); err != nil {
		return err
	}
	srcs, err := from.Sources()
	if err != nil {
		return err
	}
	for i, src := range srcs {
		if err := sink.Source(src, i); err != nil {
			return err
		}
	}
	trash, err := from.Trash()
	if err != nil {
		return err
	}
	i := 0
	for e, err := range model.WithoutTrashedLinks(from.Events(model.Query{}), trash, lost) {
		if err != nil {
			return err
		}
		if err := model.SendEvent(sink, e, i, model.AllFields); err != nil {
			return err
		}
		i++
	}
	return nil
}

// reportRestore says what a restore carried, and the journal's chain
// head now, beside the backup's should they differ.
func (o *importOptions) reportRestore(w io.Writer, s model.Store, path string, n model.Restored, fromHead model.ChainHead) {
	fmt.Fprintf(w, "restored %s, %s, %s, %d in the trash and a journal of %s from %s (a chrono store)\n",
		events(n.Events), plural(n.Sources, "source"), plural(n.Snapshots, "snapshot"), n.Trashed, entries(n.Entries), termtext.Line(path))
	head, err := chainOf(s)
	switch {
	case err != nil:
		fmt.Fprintf(o.stderr, "chrono: the restored journal does not verify: %v\n", err)
	case n.Entries == 0:
	case head == fromHead:
		fmt.Fprintf(w, "journal chain head %s, as in the backup\n", head.Short())
	default:
		fmt.Fprintf(w, "journal chain head %s (the backup's was %s: its entries were written anew)\n", head.Short(), fromHead.Short())
	}
	// A snapshot taken away from the backup, or brought back, outside
	// chrono is restored as found; its hashes cannot show it, and the
	// journal restored with it does.
	_, states, err := model.ReadSnapshotJournal(s)
	var gone []snapshotCheck
	if err == nil {
		gone, err = outOfStep(s, states)
	}
	if err != nil {
		fmt.Fprintf(o.stderr, "chrono: the restored snapshots could not be checked against the journal: %v\n", err)
	}
	for _, c := range gone {
		fmt.Fprintf(o.stderr, "warning: source %s, snapshot %d: %s; restored as found (chrono verify names it)\n", termtext.Line(c.Source), c.Snapshot, termtext.Line(c.Problem))
	}
}
