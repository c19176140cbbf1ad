package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/termtext"
	"chrono/model/verbatim"
)

// warnQuoteNotFound warns on stderr when quote n of event, just written,
// is not in its source's latest snapshot, even normalised: the browser
// marks such a quote ≠ as it saves it, and the command line should not
// leave it unsaid until the next chrono verify. The quote stays added;
// the warning says how to correct it or take it back. A source with no
// snapshot, or one that cannot be read, says nothing here: verify names
// both.
func (c *cli) warnQuoteNotFound(s model.Store, event string, n int, q model.Quote) {
	if q.Source == "" {
		return
	}
	snaps, err := s.Snapshots(q.Source)
	if err != nil || len(snaps) == 0 {
		return
	}
	latest := snaps[len(snaps)-1]
	text, err := model.ReadSnapshotText(s, q.Source, latest.N)
	if err != nil {
		return
	}
	r := latest.QuoteIndex(text).Check(q.Text)
	if r.State != verbatim.NotFound {
		return
	}
	c.tell(fmt.Sprintf("warning: quote %d of %s is not in source %s's latest snapshot (%d), even normalised",
		n, termtext.Line(event), termtext.Line(q.Source), latest.N))
	if f := quotecheck.Of(r, text, latest.N); f.Passage == "" {
		fmt.Fprintf(c.stderr, "    no word of it is in the snapshot\n")
	} else {
		writeClosest(c.stderr, "    ", f)
	}
	c.tell(fmt.Sprintf("correct it from the source: chrono quote rm %s %d removes it, chrono undo takes it back; chrono verify lists every quote not found",
		termtext.Line(event), n))
}
