package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"chrono/model"
	"chrono/model/evidence"
	"chrono/model/termtext"
	"chrono/store/outfile"
)

// evidenceFormat is what --format takes for an evidence directory: not a
// format of the table, which are all streams.
const evidenceFormat = "evidence"

// writeEvidence writes the evidence; a test makes it fail.
var writeEvidence = evidence.Write

// runExportEvidence writes the evidence directory -o names. It is built
// in a working directory beside it and renamed into place, so that a
// failed or interrupted export leaves nothing half-written, and never
// replaces a directory that holds anything.
func runExportEvidence(opts *exportOptions) error {
	switch {
	case opts.output == "" || opts.output == "-":
		return usagef("--format evidence writes a directory, not a stream: give -o DIR, a new or empty directory")
	case opts.withSnapshots:
		return usagef("--with-snapshots: only chrono JSON (--format json) takes it; the evidence directory always holds the snapshots")
	case opts.force:
		return usagef("--force: an evidence directory never replaces one that holds files; give a new or empty directory")
	case opts.notes:
		return usagef("--notes: the evidence directory always holds the notes, as the journal does")
	case opts.filter.tags != nil || opts.filter.statuses != nil || opts.filter.actors != nil || opts.filter.sources != nil:
		return usagef("--format evidence is the whole record, as the journal and the manifest are: it takes no --tag, --status, --actor or --source")
	}
	dir := opts.output
	if err := emptyOrAbsent(dir); err != nil {
		return err
	}
	// The evidence names who exported it as the journal names who made
	// a change: a name that could not sign a change signs no export.
	by, err := opts.author()
	if err != nil {
		return err
	}
	defer opts.clearOnSignal()()
	return opts.withStore(true, func(s model.Store) error {
		tmp, err := outfile.TempDir(dir, outfile.Evidence)
		if err != nil {
			return err
		}
		defer outfile.RemoveTemp(tmp)
		// The directory itself is made with the umask's permissions;
		// the working directory around it is the process's alone.
		build := filepath.Join(tmp, "evidence")
		if err := os.Mkdir(build, 0o777); err != nil {
			return err
		}
		rep, err := writeEvidence(build, s, evidence.Options{Now: time.Now(), By: by, NotAsSeen: opts.seenLost})
		if err != nil {
			// Said of the working directory, a full disk named a
			// hidden name the user never gave, and no remedy.
			if e := noRoomToWrite(termtext.Line(dir), false, err); e != err {
				return e
			}
			return fmt.Errorf("%s: %w", dir, err)
		}
		if err := emptyOrAbsent(dir); err != nil {
			return err
		}
		// An empty directory gives way (os.Remove takes only an empty
		// one); one filled meanwhile is left as it is.
		if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w: it was filled meanwhile, and is left as it is", termtext.Line(dir), err)
		}
		if err := os.Rename(build, dir); err != nil {
			return fmt.Errorf("%s: putting the evidence in place: %w", dir, err)
		}
		writeEvidenceReport(opts.stderr, dir, rep)
		return nil
	})
}

// emptyOrAbsent refuses a dir that is a file, or a directory that holds
// anything.
func emptyOrAbsent(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a directory: give a new or empty directory for the evidence", termtext.Line(dir))
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); !errors.Is(err, io.EOF) {
		if err != nil {
			return err
		}
		return fmt.Errorf("%s is not empty: the evidence goes in a new or empty directory, and replaces nothing", termtext.Line(dir))
	}
	return nil
}

// writeEvidenceReport says on stderr what the export wrote, and what the
// reader of it must not miss.
func writeEvidenceReport(w io.Writer, dir string, rep evidence.Report) {
	fmt.Fprintf(w, "exported %s, %s and %s to evidence in %s (open index.html; sha256sum -c SHA256SUMS checks the files)\n",
		events(rep.Events), plural(rep.Quotes, "quote"), plural(rep.Snapshots, "snapshot"), termtext.Line(dir))
	if rep.Head.Seq > 0 {
		fmt.Fprintf(w, "journal head %s\n", rep.Head.Short())
	}
	if rep.Chain != nil && !rep.Chain.OK() {
		warnChainBreak(w, rep.Chain.Break, "the evidence says so")
	}
	if rep.NotFound > 0 {
		what := model.Thousands(int64(rep.NotFound)) + " quotes were not found in their sources' snapshots"
		if rep.NotFound == 1 {
			what = "1 quote was not found in its source's snapshot"
		}
		fmt.Fprintf(w, "warning: %s; the evidence says so (chrono verify lists them)\n", what)
	}
	if rep.Mismatched > 0 {
		fmt.Fprintf(w, "warning: %s not matching the hash kept with it; the evidence says so\n", plural(rep.Mismatched, "snapshot"))
	}
	if rep.OutOfStep > 0 {
		fmt.Fprintf(w, "warning: %s not as the journal last left it, taken away or brought back outside chrono; the evidence says so (chrono verify names them)\n", plural(rep.OutOfStep, "snapshot"))
	}
}
