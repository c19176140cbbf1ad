package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Loss names one kind of thing a conversion could not carry over, in the
// singular and the plural: {"undated event skipped", "undated events
// skipped"}.
type Loss struct{ One, Many string }

// Losses tallies what a conversion lost or changed, so that no lossy step
// is silent. The zero Losses is empty and ready to use.
type Losses struct {
	counts   map[Loss]int
	order    []Loss          // in the order first reported
	examples map[Loss]string // the first of a loss shown, where one was
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

// AddShown counts n more of a loss, as Add, and keeps what the first of
// them was, "\"ip address\" became \"ip-address\"", for the line to show
// it: a count alone does not say what a tag became.
func (r *Losses) AddShown(l Loss, n int, example string) {
	if n <= 0 {
		return
	}
	if _, kept := r.examples[l]; !kept && example != "" {
		if r.examples == nil {
			r.examples = map[Loss]string{}
		}
		r.examples[l] = example
	}
	r.Add(l, n)
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
		line := fmt.Sprintf("%d %s", n, what)
		if ex, ok := r.examples[l]; ok {
			if n == 1 {
				line += " (" + ex + ")"
			} else {
				line += " (the first: " + ex + ")"
			}
		}
		out = append(out, line)
	}
	return out
}

// String joins the lines with "; ", for a one-line summary.
func (r *Losses) String() string { return strings.Join(r.Lines(), "; ") }

// Became says what a value was changed into, for AddShown: "\"#ip
// address\" became \"ip address\"", each quoted with what a terminal acts
// on escaped, and cut when long.
func Became(from, to string) string {
	return shownQuoted(from) + " became " + shownQuoted(to)
}

// shownQuoted is a value as a message shows it: quoted, escaped, and cut
// to a message's line rather than shown whole.
func shownQuoted(s string) string {
	const most = 40 // characters
	cut := 0
	for n := 0; cut < len(s); n++ {
		if n == most {
			return strconv.Quote(s[:cut]) + "…"
		}
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return strconv.Quote(s)
}
