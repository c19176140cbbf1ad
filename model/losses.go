package model

import (
	"fmt"
	"strings"
)

// Loss names one kind of thing a conversion could not carry over, in the
// singular and the plural: {"undated event skipped", "undated events
// skipped"}.
type Loss struct{ One, Many string }

// Losses tallies what a conversion lost or changed, so that no lossy step
// is silent. The zero Losses is empty and ready to use.
type Losses struct {
	counts map[Loss]int
	order  []Loss // in the order first reported
}

// Add counts n more of a loss; n ≤ 0 adds nothing.
func (r *Losses) Add(l Loss, n int) {
	if n <= 0 {
		return
	}
	if r.counts == nil {
		r.counts = map[Loss]int{}
	}
	if _, seen := r.counts[l]; !seen {
		r.order = append(r.order, l)
	}
	r.counts[l] += n
}

// Count returns how many of a loss were reported.
func (r *Losses) Count(l Loss) int { return r.counts[l] }

// Empty reports whether nothing was lost.
func (r *Losses) Empty() bool { return len(r.order) == 0 }

// Lines returns each loss with its count, in the order first reported:
// "2 quotes beyond the first per event folded into the text".
func (r *Losses) Lines() []string {
	out := make([]string, 0, len(r.order))
	for _, l := range r.order {
		n := r.counts[l]
		what := l.Many
		if n == 1 {
			what = l.One
		}
		out = append(out, fmt.Sprintf("%d %s", n, what))
	}
	return out
}

// String joins the lines with "; ", for a one-line summary.
func (r *Losses) String() string { return strings.Join(r.Lines(), "; ") }
