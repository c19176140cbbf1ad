package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/stored"
	"chrono/model/termtext"
	"chrono/model/verbatim"

	"github.com/go-json-experiment/json"
	"github.com/spf13/cobra"
)

// verifyOptions is what chrono verify was asked for.
type verifyOptions struct {
	*cli
	journal, asJSON bool
}

// newVerifyCmd is chrono verify: whether every quote is in its source's
// snapshot, and every snapshot is the bytes its hash says.
func newVerifyCmd(c *cli) *cobra.Command {
	opts := &verifyOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "verify [--journal] [--json]",
		Short: "Check every quote against its source's snapshot, every snapshot against its hash, or the journal's chain",
		Long: `Verify checks, read-only, every quote whose source has a snapshot against
the text of the source's latest snapshot, and says for each quote whether
it is there verbatim, there after normalisation (naming the rules it
needed: quotes, nested-quotes, whitespace, soft-hyphen, invisible,
hyphenation, nfc, ligatures, ellipsis, page-break, paragraph-break,
headers-footers, markdown), or not found, with the closest passage and a
word diff ([-in the quote-]{+in the source+}).
It lists the quotes whose source has no snapshot to check against, and
checks every snapshot's SHA-256 against its original bytes, and against
the one the journal recorded when it was kept, provided the journal's
chain vouches for the entry that recorded it.

It exits 1 when a quote is not found or a snapshot does not match its
hash, so that it can be run before publication.

--journal instead walks the journal's hash chain from the first change to
the newest: each entry holds the SHA-256 of its content and of the entry
before it. When the chain holds, it prints how many entries there are and
the head (as chrono log --head does). Otherwise it names the first entry
where the chain breaks and what differs (its content and its hash, or its
link to the entry before it, or a missing entry), and exits 1. When it
holds, each event, in a store file or a database, is compared with what
the journal left it as: each that differs is named, and it exits 1. The
chain shows that the journal agrees with itself; it cannot show that someone
with the file did not rewrite all of it. A head noted elsewhere (chrono
log --head) and compared with today's does. chrono notes one itself, the
newest entry this machine saw in the store: a journal that no longer holds
it (an older copy put in the store's place) is said, and exits 1, until
--accept-rollback takes the store as it is.`,
		Args: exactArgs(0, "no arguments: it checks every quote of the store --db names"),
		RunE: func(*cobra.Command, []string) error {
			if opts.journal {
				defer limitVerifyMemory()()
			}
			return c.withStore(true, func(s model.Store) error {
				if opts.journal {
					return verifyJournal(opts.cli, s, opts.asJSON)
				}
				return verifyStore(opts, s)
			})
		},
	}
	cmd.Flags().BoolVar(&opts.journal, "journal", false, "walk the journal's hash chain and report the first entry where it breaks")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the report as one JSON document")
	return cmd
}

// quoteCheck is what verify found of one quote.
type quoteCheck struct {
	Event  string `json:"event"`
	Quote  int    `json:"quote"` // 1, 2, ... in the event
	Source string `json:"source,omitempty"`
	// Snapshot is the snapshot checked against; 0 when none.
	Snapshot int      `json:"snapshot,omitzero"`
	State    string   `json:"state"` // verbatim, normalised, not found, no snapshot, no source
	Rules    []string `json:"rules,omitempty"`
	// Range is the byte range in the snapshot's text, start and end: of
	// the quote, or of the closest passage when not found.
	Range   *[2]int `json:"range,omitempty"`
	Closest string  `json:"closest,omitempty"`
	Diff    string  `json:"diff,omitempty"`
	// Untrusted is set when the snapshot checked against does not match
	// its hash, or the journal's record of it, or is not the latest the
	// journal left (OutOfStep): what the check found cannot be trusted
	// either way.
	Untrusted bool `json:"untrusted,omitempty"`
	// OutOfStep is set when the source's snapshots in the store are not
	// those the journal left: one taken away or brought back outside
	// chrono.
	OutOfStep bool `json:"out_of_step,omitempty"`
}

// snapshotCheck is what verify found of one snapshot's bytes.
type snapshotCheck struct {
	Source   string `json:"source"`
	Snapshot int    `json:"snapshot"`
	SHA256   string `json:"sha256"`
	OK       bool   `json:"ok"`
	// TextChecked is set when its text was checked against its hash;
	// TextUnhashed when no hash of its text is kept.
	TextChecked  bool `json:"text_checked,omitempty"`
	TextUnhashed bool `json:"text_unhashed,omitempty"`
	// Problem says what does not match, or why the bytes could not be
	// read.
	Problem string `json:"problem,omitempty"`
	// unreadable is set when the problem is that the bytes could not be
	// read, not that they differ.
	unreadable bool
}

// verifyReport is chrono verify's report.
type verifyReport struct {
	Store     string          `json:"store"`
	Snapshots []snapshotCheck `json:"snapshots"`
	Quotes    []quoteCheck    `json:"quotes"`
}

// The states of a quote with nothing to check it against.
const (
	stateNoSnapshot = "no snapshot"
	stateNoSource   = "no source"
	// stateUnreadable is a quote whose source's latest snapshot cannot
	// be read: not checked, and said with the snapshot's problem.
	stateUnreadable = "unreadable snapshot"
)

// verifyStore checks s's quotes and snapshots and reports.
func verifyStore(opts *verifyOptions, s model.Store) error {
	rep, err := verifyQuotes(s)
	if err != nil {
		return err
	}
	if opts.asJSON {
		b, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		if _, err := opts.stdout.Write(append(termtext.EscapeJSON(b), '\n')); err != nil {
			return err
		}
	} else {
		w, done := opts.out()
		writeVerify(w, rep)
		if err := done(); err != nil {
			return err
		}
	}
	where := "listed above"
	if opts.asJSON {
		where = "in the JSON report"
	}
	return verifyFailed(rep, where)
}

// verifyQuotes checks every quote of s against the latest snapshot of
// its source, one source's text in memory at a time, and every
// snapshot's bytes against its hash.
func verifyQuotes(s model.Store) (verifyReport, error) {
	rep := verifyReport{Store: s.Location(), Snapshots: []snapshotCheck{}, Quotes: []quoteCheck{}}
	bySource := map[string][]int{}
	var texts []string
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			return rep, err
		}
		for i, q := range e.Quotes {
			st := stateNoSnapshot
			if q.Source == "" {
				st = stateNoSource
			}
			bySource[q.Source] = append(bySource[q.Source], len(rep.Quotes))
			texts = append(texts, q.Text)
			rep.Quotes = append(rep.Quotes, quoteCheck{Event: e.ID, Quote: i + 1, Source: q.Source, State: st})
		}
	}
	sources, err := s.Sources()
	if err != nil {
		return rep, err
	}
	kept, states, err := model.ReadSnapshotJournal(s)
	if err != nil {
		return rep, err
	}
	if err := unvouchPastBreak(s, kept, true); err != nil {
		return rep, err
	}
	// One source's snapshot text is held at a time.
	for _, src := range sources {
		snaps, err := s.Snapshots(src.ID)
		if err != nil {
			return rep, fmt.Errorf("source %q: reading its snapshots: %w", src.ID, err)
		}
		latestOK, unreadable := false, false
		for _, sn := range snaps {
			c, err := checkSnapshot(s, src.ID, sn, kept)
			if err != nil {
				return rep, err
			}
			rep.Snapshots = append(rep.Snapshots, c)
			latestOK, unreadable = c.OK, c.unreadable
		}
		if len(snaps) == 0 || len(bySource[src.ID]) == 0 {
			continue
		}
		latest := snaps[len(snaps)-1]
		text, err := "", error(nil)
		if !unreadable {
			text, err = model.ReadSnapshotText(s, src.ID, latest.N)
		}
		if err != nil && !stored.IsDamage(err) {
			return rep, err
		}
		if unreadable || err != nil {
			// Said with the snapshot's problem; the other sources'
			// quotes are checked all the same.
			for _, qi := range bySource[src.ID] {
				rep.Quotes[qi].State, rep.Quotes[qi].Snapshot, rep.Quotes[qi].Untrusted = stateUnreadable, latest.N, true
			}
			if err != nil {
				rep.Snapshots = append(rep.Snapshots, snapshotCheck{Source: src.ID, Snapshot: latest.N, SHA256: latest.SHA256, Problem: "its text, which quotes are checked against, cannot be read: " + err.Error(), unreadable: true})
			}
			continue
		}
		x := latest.QuoteIndex(text)
		for _, qi := range bySource[src.ID] {
			checkQuote(&rep.Quotes[qi], x, text, texts[qi], latest.N)
			rep.Quotes[qi].Untrusted = !latestOK
		}
	}
	out, err := outOfStep(s, states)
	if err != nil {
		return rep, err
	}
	for _, c := range out {
		rep.Snapshots = append(rep.Snapshots, c)
		// Checked against another snapshot than the journal's latest.
		for _, qi := range bySource[c.Source] {
			rep.Quotes[qi].Untrusted, rep.Quotes[qi].OutOfStep = true, true
		}
	}
	return rep, nil
}

// outOfStep is, as failed checks, the snapshots whose state in the store
// is not what the journal last left (model.SnapshotsOutOfStep).
func outOfStep(s model.Reader, states model.SnapshotStates) ([]snapshotCheck, error) {
	found, err := model.SnapshotsOutOfStep(s, states)
	var out []snapshotCheck
	for _, f := range found {
		out = append(out, snapshotCheck{Source: f.Source, Snapshot: f.N, SHA256: f.SHA256, Problem: f.Problem})
	}
	return out, err
}

// checkQuote fills in what checking a quote against a snapshot's text
// found.
func checkQuote(qc *quoteCheck, x *verbatim.Index, text, quote string, n int) {
	r := x.Check(quote)
	qc.Snapshot = n
	qc.State = r.State.String()
	qc.Rules = r.Rules.Names()
	qc.Range = &[2]int{r.Span.Start, r.Span.End}
	if r.State == verbatim.NotFound {
		qc.Range = &[2]int{r.Closest.Start, r.Closest.End}
		qc.Closest = text[r.Closest.Start:r.Closest.End]
		qc.Diff = verbatim.DiffString(r.Diff)
	}
}

// checkSnapshotHash streams a snapshot's original bytes through SHA-256
// and compares the sum and size with those kept.
func checkSnapshotHash(sr model.Reader, source string, sn model.Snapshot) (snapshotCheck, error) {
	c := snapshotCheck{Source: source, Snapshot: sn.N, SHA256: sn.SHA256}
	rc, err := sr.SnapshotOriginal(source, sn.N)
	if err != nil && !stored.IsDamage(err) {
		return c, err
	}
	if err != nil {
		c.Problem, c.unreadable = "its original bytes cannot be read: "+err.Error(), true
		return c, nil
	}
	defer rc.Close()
	mismatch, err := sn.CopyOriginal(io.Discard, rc)
	switch {
	case err != nil && !stored.IsDamage(err):
		return c, err
	case err != nil:
		c.Problem, c.unreadable = "its original bytes cannot be read: "+err.Error(), true
	case mismatch != "":
		c.Problem = mismatch
	case sn.TextSHA256 == "":
		// Attached before chrono kept its text's hash: the quotes are
		// checked against a text nothing vouches for.
		c.OK, c.TextUnhashed = true, true
	default:
		c.TextChecked = true
		switch text, err := textSum(sr, source, sn.N); {
		case err != nil && !stored.IsDamage(err):
			return c, err
		case err != nil:
			c.Problem, c.unreadable = "its text, which quotes are checked against, cannot be read: "+err.Error(), true
		default:
			c.Problem = sn.TextSumMismatch(text)
			c.OK = c.Problem == ""
		}
	}
	return c, nil
}

// checkSnapshot checks a snapshot's bytes and text against the hashes
// kept with them (checkSnapshotHash) and, when they match, against the
// journal's record of it (checkJournaled).
func checkSnapshot(sr model.Reader, source string, sn model.Snapshot, kept map[model.SnapshotKey]model.SnapshotRecord) (snapshotCheck, error) {
	c, err := checkSnapshotHash(sr, source, sn)
	if c.OK {
		checkJournaled(&c, sn, kept)
	}
	return c, err
}

// checkJournaled checks a snapshot whose bytes match the hashes kept with
// them against the hashes the journal recorded (model.UnrecordedBy).
func checkJournaled(c *snapshotCheck, sn model.Snapshot, kept map[model.SnapshotKey]model.SnapshotRecord) {
	if c.Problem = model.UnrecordedBy(sn, kept); c.Problem != "" {
		c.OK, c.TextChecked, c.TextUnhashed = false, false, false
	}
}

// textSum is the SHA-256 of a snapshot's text, or what keeps it from
// being read.
func textSum(sr model.Reader, source string, n int) (string, error) {
	rc, err := sr.SnapshotText(source, n)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeVerify writes the report for a person.
func writeVerify(w io.Writer, rep verifyReport) {
	for _, c := range rep.Snapshots {
		if c.OK {
			also := ""
			switch {
			case c.TextChecked:
				also = ", and its text the hash kept with it"
			case c.TextUnhashed:
				also = "; its text has no hash kept (attached before chrono kept one): attach the source again to have it checked"
			}
			fmt.Fprintf(w, "source %s, snapshot %d: SHA-256 %s matches its bytes%s\n", termtext.Line(c.Source), c.Snapshot, termtext.Line(c.SHA256), also)
		} else {
			fmt.Fprintf(w, "source %s, snapshot %d: MISMATCH: %s\n", termtext.Line(c.Source), c.Snapshot, termtext.Line(c.Problem))
		}
	}
	var unchecked, bare []string
	seen := map[string]bool{}
	for _, q := range rep.Quotes {
		switch q.State {
		case stateNoSnapshot, stateNoSource:
			unchecked = append(unchecked, fmt.Sprintf("%s quote %d", q.Event, q.Quote))
			if src := q.Source; !seen[src] {
				seen[src] = true
				if src == "" {
					src = "(none given)"
				}
				bare = append(bare, termtext.Line(src))
			}
			continue
		}
		fmt.Fprintf(w, "%s quote %d (%s, snapshot %d): %s", q.Event, q.Quote, termtext.Line(q.Source), q.Snapshot, q.State)
		if len(q.Rules) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(q.Rules, ", "))
		}
		fmt.Fprintln(w)
		switch {
		case q.State == stateUnreadable:
			fmt.Fprintf(w, "    snapshot %d cannot be read (above): the quote is not checked\n", q.Snapshot)
		case q.Untrusted && q.OutOfStep:
			fmt.Fprintf(w, "    %s's snapshots are not those the journal left (above): what this check found cannot be trusted\n", termtext.Line(q.Source))
		case q.Untrusted:
			// Not found there may be the quote's fault or the bytes';
			// found may be a forgery's words.
			fmt.Fprintf(w, "    snapshot %d does not hold up (above): what this check found cannot be trusted\n", q.Snapshot)
		}
		if q.State == verbatim.NotFound.String() {
			if q.Closest == "" || q.Diff == "" {
				fmt.Fprintf(w, "    no word of it is in the snapshot\n")
			} else {
				writeClosest(w, "    ", quotecheck.Found{State: quotecheck.NotFound, Passage: q.Closest, Diff: q.Diff})
			}
		}
	}
	if len(unchecked) > 0 {
		fmt.Fprintf(w, "no snapshot to check against (%s; source %s): %s\n", plural(len(unchecked), "quote"), strings.Join(bare, ", "), strings.Join(unchecked, ", "))
	}
	var states = map[string]int{}
	for _, q := range rep.Quotes {
		states[q.State]++
	}
	fmt.Fprintf(w, "%s: %d verbatim, %d normalised, %d not found, %d unchecked; each against its source's latest snapshot\n",
		plural(len(rep.Quotes), "quote"), states["verbatim"], states["normalised"], states["not found"], len(unchecked)+states[stateUnreadable])
}

// verifyFailed is the error when a quote is not found or a snapshot
// does not match its hash, saying where they are listed.
func verifyFailed(rep verifyReport, where string) error {
	var missing, untrusted, bad int
	for _, q := range rep.Quotes {
		if q.State == verbatim.NotFound.String() {
			if missing++; q.Untrusted {
				untrusted++
			}
		}
	}
	for _, c := range rep.Snapshots {
		if !c.OK {
			bad++
		}
	}
	if missing == 0 && bad == 0 {
		return nil
	}
	var what, todo []string
	if missing > 0 {
		w := plural(missing, "quote") + " not found in its source's snapshot"
		if missing > 1 {
			w = plural(missing, "quote") + " not found in their sources' snapshots"
		}
		if untrusted > 0 {
			w += fmt.Sprintf(" (%d against a snapshot that does not match what was kept)", untrusted)
		}
		what = append(what, w)
	}
	if missing > untrusted {
		todo = append(todo, "correct a quote not found from its source")
	}
	if bad > 0 {
		what = append(what, plural(bad, "snapshot")+" not matching what was kept")
		// Correcting a quote to an altered snapshot would make the
		// quote the forgery's.
		todo = append(todo, "a snapshot that does not match was altered or damaged since it was kept: change no quote to agree with it; restore the store from a backup made before, or attach the source again from where it was published")
	}
	return fmt.Errorf("verify found %s (%s): %s", strings.Join(what, " and "), where, strings.Join(todo, "; "))
}

// plural is n things, with its s.
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%s %ss", model.Thousands(int64(n)), thing)
}
