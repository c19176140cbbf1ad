package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"chrono/model"
)

// Options are what an export is told besides the investigation.
type Options struct {
	// Now is when the export is made, as its pages say.
	Now time.Time
	// By is who makes it, named as the journal attributes changes: the
	// pages say who vouches for the copy as well as when it was made.
	By string
	// NotAsSeen, when set, says how the journal is not as this machine
	// last saw it (cut short, or another put in its place): a chain that
	// holds proves nothing of that, and the custody record says so.
	NotAsSeen string
}

// Report says what an export wrote.
type Report struct {
	Events, Quotes, Snapshots int
	// NotFound counts the quotes not found in their source's latest
	// snapshot; Mismatched the snapshots whose bytes or text do not match
	// their hashes or the journal's record; OutOfStep the snapshots the
	// journal last left kept that the store lacks, or left withdrawn that
	// it holds. The export states them all; it does not fail for them.
	NotFound, Mismatched, OutOfStep int
	// Entries counts the journal's entries.
	Entries int
	// Head is the journal's newest entry and its hash; zero when empty.
	Head model.ChainHead
	// Chain is what walking the journal's chain found; nil when the store
	// keeps no chain.
	Chain *model.ChainReport
}

// Write writes the investigation r holds into dir, an empty directory:
// the pages, the snapshots, the journal and the manifest (see the package
// comment). It reads the events twice, once to check the quotes against
// the snapshots one source at a time, once to write the chronology; a
// store changed meanwhile (by another process) fails the export, which
// must then be run again.
func Write(dir string, r model.Reader, opts Options) (Report, error) {
	var rep Report
	version, err := r.Version()
	if err != nil {
		return rep, err
	}
	h, err := r.Header()
	if err != nil {
		return rep, err
	}
	sources, err := r.Sources()
	if err != nil {
		return rep, err
	}
	fs := &files{dir: dir, sums: map[string]string{}}
	if err := os.Mkdir(filepath.Join(dir, "snapshots"), 0o777); err != nil {
		return rep, err
	}

	// The quotes, by source: their texts alone are held, not the events.
	var quotes []string
	bySource := map[string][]int{}
	ids := map[string]int{} // each event's number, for the links to it
	for e, err := range r.Events(model.Query{}) {
		if err != nil {
			return rep, err
		}
		rep.Events++
		ids[e.ID] = rep.Events
		for _, q := range e.Quotes {
			bySource[q.Source] = append(bySource[q.Source], len(quotes))
			quotes = append(quotes, q.Text)
		}
	}
	rep.Quotes = len(quotes)
	checks := make([]quoteCheck, len(quotes))
	for i := range checks {
		checks[i].state = stateNoSnapshot
	}
	for _, i := range bySource[""] {
		checks[i].state = stateNoSource
	}

	views := make([]sourceView, len(sources))
	stems := map[string]bool{}
	recorded, states, err := model.ReadSnapshotJournal(r)
	if err != nil {
		return rep, err
	}
	// Walked before the snapshots are checked: an entry the chain does
	// not vouch for may have been rewritten with the snapshot it records.
	if err := walkChain(r, &rep); err != nil {
		return rep, err
	}
	if rep.Chain != nil {
		model.Unvouch(recorded, *rep.Chain)
	}
	inStore := map[string]bool{}
	for k, src := range sources {
		v, err := writeSource(fs, r, src, k+1, stems, bySource[src.ID], quotes, checks, recorded, states)
		if err != nil {
			return rep, fmt.Errorf("source %q: %w", src.ID, err)
		}
		views[k] = v
		inStore[src.ID] = true
		rep.OutOfStep += len(v.OutOfStep)
		for _, sn := range v.Snapshots {
			rep.Snapshots++
			if !sn.OK {
				rep.Mismatched++
			}
		}
	}
	for _, c := range checks {
		if c.state == stateNotFound {
			rep.NotFound++
		}
	}
	// Snapshots of a source the store no longer has at all.
	gone := states.Gone(inStore)
	rep.OutOfStep += len(gone)

	if err := writeJournal(fs, r, &rep); err != nil {
		return rep, err
	}
	if err := writeIndex(fs, r, h, views, gone, checks, ids, &rep, opts); err != nil {
		return rep, err
	}
	if now, err := r.Version(); err != nil {
		return rep, err
	} else if now != version {
		return rep, fmt.Errorf("the investigation changed while it was being exported: export it again")
	}
	return rep, fs.manifest()
}

// writeSource writes the snapshots of source src, the k-th, and checks
// the quotes that cite it (the indexes in mine) against its latest
// snapshot, each snapshot's bytes and text against the hashes kept with
// them and those the journal recorded, and the snapshots listed against
// those the journal last left kept (states).
func writeSource(fs *files, r model.Reader, src model.Source, k int, stems map[string]bool, mine []int, quotes []string, checks []quoteCheck, recorded map[model.SnapshotKey]model.SnapshotRecord, states model.SnapshotStates) (sourceView, error) {
	v := sourceView{Anchor: fmt.Sprintf("src-%d", k), Source: src}
	snaps, err := r.Snapshots(src.ID)
	if err != nil {
		return v, fmt.Errorf("reading its snapshots: %w", err)
	}
	// One taken away or brought back outside chrono: the quotes are
	// checked against another snapshot than the journal's latest, or
	// none, and nothing found of them can be trusted.
	v.OutOfStep = states.OutOfStep(src.ID, snaps)
	inStep := len(v.OutOfStep) == 0
	for _, qi := range mine {
		checks[qi].untrusted = !inStep
	}
	stem := fileStem(src.ID, k, stems)
	for i, sn := range snaps {
		latest := i == len(snaps)-1
		sv := snapshotView{Snapshot: sn, Latest: latest}
		base := fmt.Sprintf("snapshots/%s-%d", stem, sn.N)
		sv.Original = base + ".original" + extension(sn.MediaType)
		sv.Text = base + ".txt"
		sv.Page = base + ".txt.html"
		if err := fs.write(sv.Original, func(w io.Writer) error { return copyOriginal(r, sn, w, &sv) }); err != nil {
			return v, err
		}
		if sv.OK {
			// Bytes and the hash kept with them replaced together match
			// each other; the journal's record says otherwise.
			if p := model.UnrecordedBy(sn, recorded); p != "" {
				sv.OK, sv.Problem = false, p
			}
		}
		if err := fs.write(sv.Text, func(w io.Writer) error { return copySnapshot(r.SnapshotText, sn, w) }); err != nil {
			return v, err
		}
		b, err := os.ReadFile(filepath.Join(fs.dir, filepath.FromSlash(sv.Text)))
		if err != nil {
			return v, err
		}
		text := string(b)
		if p := sn.TextSumMismatch(sha256Hex(b)); sv.OK && p != "" {
			sv.OK, sv.Problem = false, p
		}
		var marks []mark
		if latest && len(mine) > 0 {
			x := sn.QuoteIndex(text)
			for _, qi := range mine {
				checks[qi] = check(x, text, quotes[qi], sn.N)
				checks[qi].page, checks[qi].untrusted = sv.Page, !sv.OK || !inStep
				marks = append(marks, quoteMarks(qi+1, checks[qi])...)
			}
		}
		page := textPage{Source: src, SourceAnchor: v.Anchor, Snapshot: sv, Segments: segments(text, marks)}
		page.Outline = outline(page.Segments)
		for _, qi := range mine {
			if latest {
				page.Quotes = append(page.Quotes, pageQuote{N: qi + 1, Text: quotes[qi], State: checks[qi].state, Untrusted: checks[qi].untrusted, Marked: len(checks[qi].parts) > 0})
			}
		}
		if err := fs.write(sv.Page, func(w io.Writer) error { return textTemplate.Execute(w, page) }); err != nil {
			return v, err
		}
		v.Snapshots = append(v.Snapshots, sv)
	}
	return v, nil
}

// sha256Hex is the SHA-256 of b, in hex.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// copyOriginal copies a snapshot's original bytes, checking them against
// the hash and the size kept with them as they pass.
func copyOriginal(r model.Reader, sn model.Snapshot, w io.Writer, sv *snapshotView) error {
	rc, err := r.SnapshotOriginal(sn.Source, sn.N)
	if err != nil {
		return fmt.Errorf("snapshot %d: %w", sn.N, err)
	}
	defer rc.Close()
	mismatch, err := sn.CopyOriginal(w, rc)
	if err != nil {
		return fmt.Errorf("snapshot %d: %w", sn.N, err)
	}
	sv.Problem, sv.OK = mismatch, mismatch == ""
	return nil
}

// copySnapshot copies what open streams of a snapshot.
func copySnapshot(open func(string, int) (io.ReadCloser, error), sn model.Snapshot, w io.Writer) error {
	rc, err := open(sn.Source, sn.N)
	if err != nil {
		return fmt.Errorf("snapshot %d: %w", sn.N, err)
	}
	defer rc.Close()
	if _, err := io.Copy(w, rc); err != nil {
		return fmt.Errorf("snapshot %d: %w", sn.N, err)
	}
	return nil
}

// extension is the file name ending of a snapshot's original bytes. An
// HTML page is kept as text: opened, it shows its source, and runs none
// of the scripts or loads none of the resources it may hold.
func extension(media string) string {
	switch media {
	case model.MediaText:
		return ".txt"
	case model.MediaMarkdown:
		return ".md"
	case model.MediaPDF:
		return ".pdf"
	case model.MediaHTML:
		return ".html.txt"
	}
	return ".bin"
}

// fileStem is the name a source's files begin with: its id when that is
// safe in a file name on any system and in a URL, "source-K" otherwise
// (or when taken).
func fileStem(id string, k int, taken map[string]bool) string {
	stem := id
	if !safeName(id) || taken[strings.ToLower(id)] {
		stem = fmt.Sprintf("source-%d", k)
	}
	for taken[strings.ToLower(stem)] {
		stem += "-"
	}
	taken[strings.ToLower(stem)] = true
	return stem
}

// safeName reports whether s is letters, digits, - and _ (dots within),
// at most 100 bytes.
func safeName(s string) bool {
	if s == "" || len(s) > 100 || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	return !slices.ContainsFunc([]byte(s), func(c byte) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')
	})
}
