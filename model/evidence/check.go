package evidence

import (
	"chrono/model/verbatim"
)

// The states of a quote, as the pages name them.
const (
	stateVerbatim   = "verbatim"
	stateNormalised = "normalised"
	stateNotFound   = "not found"
	stateNoSnapshot = "no snapshot"
	stateNoSource   = "no source"
)

// quoteCheck is what checking one quote found. Quotes are numbered from 1
// in timeline order across the whole investigation: quote k is anchored
// as #qk in the page of the snapshot it was checked against.
type quoteCheck struct {
	state string
	rules []string
	// snapshot is the snapshot checked against, 0 when none, and page
	// the path of its text page.
	snapshot int
	page     string
	// parts are where the quote's parts are in the snapshot's text; for
	// a quote not found, the closest passage, when there is one.
	parts []verbatim.Span
	// closest and diff are the closest passage and the quote against it,
	// word by word, for a quote not found.
	closest string
	diff    []verbatim.Change
	// untrusted is set when the snapshot checked against does not match
	// the hash kept with it or the journal's record: what the check
	// found is said, and that it cannot be trusted.
	untrusted bool
}

// check checks a quote against the index of a snapshot's text.
func check(x *verbatim.Index, text, quote string, n int) quoteCheck {
	r := x.Check(quote)
	c := quoteCheck{state: r.State.String(), rules: r.Rules.Names(), snapshot: n, parts: r.Parts}
	if r.State == verbatim.NotFound {
		c.parts = nil
		if r.Closest.Len() > 0 {
			c.parts = []verbatim.Span{r.Closest}
			c.closest = text[r.Closest.Start:r.Closest.End]
		}
		c.diff = r.Diff
	}
	return c
}

// sign is a state's mark, which reads without colour.
func sign(state string) string {
	switch state {
	case stateVerbatim:
		return "✓"
	case stateNormalised:
		return "≈"
	case stateNotFound:
		return "✗"
	}
	return "–"
}
