package main

import (
	"bytes"
	"chrono/store/outfile"
	"errors"
	"fmt"
	"io"
	"os"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/readable"
	"chrono/model/termtext"

	"github.com/go-json-experiment/json/jsontext"
)

// snapshotInput is where an import reads a chrono JSON input's snapshots
// from: the file again, or the copy of stdin kept while it was imported.
type snapshotInput struct {
	name  string
	path  string
	spool *os.File // stdin's copy, removed when the import ends
	// asRead are the snapshots check found with the text chrono reads
	// from their bytes: kept without reading it again.
	asRead map[snapshotKey]bool
}

// check reads every snapshot of the input and checks its bytes
// against its hash and sizes, and that its text can be read from them,
// before anything is imported, and returns how many there are.
func (si *snapshotInput) check() (int, error) {
	if may, err := si.mayHold(); err != nil || !may {
		return 0, err
	}
	n := 0
	si.asRead = map[snapshotKey]bool{}
	err := si.each(func(d native.SnapshotDoc) error {
		n++
		if err := d.Check(); err != nil {
			return err
		}
		ours, err := textOf(d)
		if err == nil && textAsRead(d, ours) {
			si.asRead[snapshotKey{d.Source, d.N}] = true
		}
		return err
	})
	var syntax *jsontext.SyntacticError
	if errors.As(err, &syntax) {
		// The import reads the whole document and says where it
		// breaks, better than this pass can.
		return 0, nil
	}
	return n, err
}

func (si *snapshotInput) each(fn func(native.SnapshotDoc) error) error {
	var r io.Reader
	if si.spool != nil {
		if _, err := si.spool.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r = si.spool
	} else {
		f, err := os.Open(si.path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if err := native.ReadSnapshots(r, fn); err != nil {
		return fmt.Errorf("%s: %w", termtext.Line(si.name), err)
	}
	return nil
}

// mayHold reports whether the input file can have snapshots at all.
func (si *snapshotInput) mayHold() (bool, error) {
	f, err := os.Open(si.path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return native.MayHoldSnapshots(f)
}

func (si *snapshotInput) close() {
	if si.spool != nil {
		outfile.RemoveScratch(si.spool)
	}
}

// restoreSnapshots keeps the inputs' snapshots in s as one change, each
// under its number, with its bytes checked again as they are stored; one
// the store holds already, with the same hash, is left as it is. The
// text quotes are checked against is read anew from each original, as
// an attach reads it, never taken from the file, which anyone may have
// written: those whose text in the file differs are counted in reread.
func restoreSnapshots(s model.Store, inputs []*snapshotInput, have map[snapshotKey]string) (kept, reread int, err error) {
	// What the store holds is read before the write (here, unless the
	// look before the import read it): a read inside it could wait on
	// the write's own transaction.
	if have == nil {
		var err error
		if have, err = heldSnapshots(s); err != nil {
			return 0, 0, err
		}
	}
	_, err = s.Write(model.OpSnapshot, "imported snapshots", func(tx model.Tx) error {
		for _, si := range inputs {
			err := si.each(func(d native.SnapshotDoc) error {
				if err := d.Check(); err != nil {
					return err
				}
				if have[snapshotKey{d.Source, d.N}] == d.SHA256 {
					return nil
				}
				snap := d.Snapshot()
				ours := d.Text // read as check found it: its own
				if !si.asRead[snapshotKey{d.Source, d.N}] {
					var err error
					if ours, err = textOf(d); err != nil {
						return err
					}
					if !textAsRead(d, ours) {
						reread++
					}
				}
				if d.MediaType == model.MediaText || d.MediaType == model.MediaMarkdown {
					ours = nil // its own text
				}
				var text io.Reader
				if ours != nil {
					text = bytes.NewReader(ours)
				}
				if err := tx.PutSnapshot(&snap, bytes.NewReader(d.Original), text); err != nil {
					return fmt.Errorf("%s: snapshot %d of source %q: %w", termtext.Line(si.name), d.N, d.Source, err)
				}
				kept++
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return kept, reread, err
}

// textAsRead reports whether the file's text of a snapshot is ours, the
// text chrono reads from its bytes (textOf).
func textAsRead(d native.SnapshotDoc, ours []byte) bool {
	if ours == nil {
		return d.Text == nil || bytes.Equal(d.Text, d.Original)
	}
	return bytes.Equal(ours, d.Text)
}

// textOf is the text chrono reads from a snapshot's original bytes, as
// an attach reads it (readable.Text): nil when they are their own text.
func textOf(d native.SnapshotDoc) ([]byte, error) {
	return readable.Text(fmt.Sprintf("snapshot %d of source %q", d.N, d.Source), d.MediaType, d.Original, snapshotLimits)
}

// snapshotKey is a snapshot's place: its source and number.
type snapshotKey struct {
	source string
	n      int
}

// heldSnapshots returns the hash of every snapshot s holds, by place:
// withdrawn ones too, which keep their number and bytes.
func heldSnapshots(s model.Store) (map[snapshotKey]string, error) {
	have := map[snapshotKey]string{}
	sources, err := s.Sources()
	if err != nil {
		return nil, err
	}
	withdrawn, _ := s.(model.WithdrawnReader)
	for _, src := range sources {
		snaps, err := s.Snapshots(src.ID)
		if err != nil {
			return nil, err
		}
		if withdrawn != nil {
			gone, err := withdrawn.WithdrawnSnapshots(src.ID)
			if err != nil {
				return nil, err
			}
			snaps = append(snaps, gone...)
		}
		for _, h := range snaps {
			have[snapshotKey{h.Source, h.N}] = h.SHA256
		}
	}
	return have, nil
}

// checkSnapshotsHeld refuses, before anything is imported, the snapshots
// of inputs that would take the place of other snapshots s holds: a
// snapshot is never replaced, and finding it only after the events were
// imported left an import half done. Stdin's are met as they are kept.
// It returns what the store holds, when it read it, for
// restoreSnapshots.
func checkSnapshotsHeld(s model.Store, inputs []*snapshotInput) (map[snapshotKey]string, error) {
	var have map[snapshotKey]string
	var problems []error
	for _, si := range inputs {
		if si.spool != nil {
			continue
		}
		if have == nil {
			var err error
			if have, err = heldSnapshots(s); err != nil {
				return nil, err
			}
		}
		err := si.each(func(d native.SnapshotDoc) error {
			if held, ok := have[snapshotKey{d.Source, d.N}]; ok && held != d.SHA256 {
				problems = append(problems, fmt.Errorf("%s: snapshot %d of source %q: the store holds another snapshot %d of that source (sha256 %.16s…, the file's %.16s…), and a snapshot is never replaced: export the file again without --with-snapshots to import its events alone, or import it into a new store",
					termtext.Line(si.name), d.N, d.Source, d.N, held, d.SHA256))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return have, errors.Join(problems...)
}

// checkSnapshotInputs checks the snapshots of the inputs that are files
// before anything is imported, and returns the inputs whose snapshots are
// to be restored after (stdin's are checked then, as they are kept).
func checkSnapshotInputs(inputs []importInput) ([]*snapshotInput, error) {
	var out []*snapshotInput
	for _, in := range inputs {
		switch {
		case in.snaps == nil:
		case in.snaps.spool != nil:
			out = append(out, in.snaps)
		default:
			n, err := in.snaps.check()
			if err != nil {
				return nil, err
			}
			if n > 0 {
				out = append(out, in.snaps)
			}
		}
	}
	return out, nil
}

// restoreSnapshots keeps the snapshots of the imported inputs and says
// how many.
func (o *importOptions) restoreSnapshots(s model.Store, inputs []*snapshotInput, have map[snapshotKey]string) error {
	if len(inputs) == 0 {
		return nil
	}
	n, reread, err := restoreSnapshots(s, inputs, have)
	if err != nil {
		return fmt.Errorf("the events were imported, but no snapshot was kept:\n%w", err)
	}
	if n > 0 {
		fmt.Fprintf(o.stdout, "kept %s\n", plural(n, "snapshot"))
	}
	if reread > 0 {
		fmt.Fprintf(o.stderr, "warning: %s came with a text that is not what chrono reads from the original bytes; chrono's reading was kept, and quotes are checked against it (the file was altered, or written by a chrono that read such pages otherwise)\n", plural(reread, "snapshot"))
	}
	return nil
}
