package evidence

import (
	"fmt"
	"io"
	"strings"
	"time"

	"chrono/model"
)

// indexPage is what index.html shows before the chronology.
type indexPage struct {
	Header   model.Header
	Exported string
	// By is who exported it.
	By     string
	Report *Report
	// Head is the journal's head as one copies it by hand.
	Head string
	// Chain says whether the journal's chain holds; Broken when it does
	// not.
	Chain  string
	Broken bool
	// Warning says what the reader must not miss: quotes not found,
	// snapshots not matching their hash.
	Warning string
	// States counts the quotes by state.
	States  []stateCount
	Sources []sourceView
	// Gone are the snapshots the journal last left kept of sources the
	// investigation no longer has.
	Gone []model.SnapshotOutOfStep
}

// stateCount is how many quotes are in a state.
type stateCount struct {
	Sign, State string
	N           int
}

// count is "1 quote", "2 quotes".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// writeIndex writes index.html: the custody record, the sources and,
// reading the events again, the chronology, one event at a time.
func writeIndex(fs *files, r model.Reader, h model.Header, sources []sourceView, gone []model.SnapshotOutOfStep, checks []quoteCheck, ids map[string]int, rep *Report, opts Options) error {
	p := indexPage{Header: h, Report: rep, Sources: sources, Gone: gone, Exported: opts.Now.UTC().Format(time.RFC3339), By: opts.By}
	p.Head = "none: the journal is empty"
	if rep.Head.Seq > 0 {
		p.Head = rep.Head.Short()
	}
	switch c := rep.Chain; {
	case c == nil:
		p.Chain = "not checked: this kind of store keeps no hash chain"
	case c.OK() && c.Entries == 0:
		p.Chain = "holds: the journal is empty"
	case c.OK() && c.Entries == 1:
		p.Chain = "holds: its one entry hashes to the hash it holds"
	case c.OK():
		p.Chain = fmt.Sprintf("holds: each of the %d entries hashes to the hash it holds and links to the one before it", c.Entries)
	default:
		p.Broken = true
		p.Chain = fmt.Sprintf("BREAKS at entry #%d (%s): %s", c.Break.Seq, c.Break.Fault, c.Break.What)
	}
	if opts.NotAsSeen != "" {
		p.Broken = true
		p.Chain += "; but the journal is NOT as the machine that exported it last saw it: " + opts.NotAsSeen
	}
	var warn []string
	if rep.NotFound > 0 {
		warn = append(warn, count(rep.NotFound, "quote not found in its source", "quotes not found in their sources"))
	}
	if rep.Mismatched > 0 {
		warn = append(warn, count(rep.Mismatched, "snapshot", "snapshots")+" not matching the hash kept with it")
	}
	if rep.OutOfStep > 0 {
		warn = append(warn, count(rep.OutOfStep, "snapshot not as the journal left it", "snapshots not as the journal left them"))
	}
	if len(warn) > 0 {
		p.Warning = strings.Join(warn, "; ") + "."
	}
	counts := map[string]int{}
	for _, c := range checks {
		counts[c.state]++
	}
	for _, st := range []string{stateVerbatim, stateNormalised, stateNotFound, stateNoSnapshot, stateNoSource} {
		p.States = append(p.States, stateCount{Sign: sign(st), State: st, N: counts[st]})
	}
	anchors := map[string]string{}
	for _, s := range sources {
		anchors[s.Source.ID] = s.Anchor
	}
	return fs.write("index.html", func(w io.Writer) error {
		if err := indexTemplate.ExecuteTemplate(w, "head", p); err != nil {
			return err
		}
		k, n := 0, 1
		for e, err := range r.Events(model.Query{}) {
			if err != nil {
				return err
			}
			k++
			if n-1+len(e.Quotes) > len(checks) || ids[e.ID] != k {
				return fmt.Errorf("the investigation changed while it was being exported: export it again")
			}
			if err := indexTemplate.ExecuteTemplate(w, "event", newEventView(e, k, n, checks, anchors, ids)); err != nil {
				return err
			}
			n += len(e.Quotes)
		}
		if k != rep.Events || n-1 != len(checks) {
			return fmt.Errorf("the investigation changed while it was being exported: export it again")
		}
		return indexTemplate.ExecuteTemplate(w, "foot", p)
	})
}
