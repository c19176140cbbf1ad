package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"chrono/model/termtext"
)

// closestShown is how many names a message offers in place of one that
// is not there.
const closestShown = 5

// closestNames is the end of a message that name is not there: a few of
// the names held (tags, actors), the closest to name first, or that there
// are none. held is in the order to offer them in when closeness ties.
func closestNames(what, name string, held []string) string {
	if len(held) == 0 {
		return fmt.Sprintf(", which has no %ss", what)
	}
	byCloseness := slices.Clone(held)
	lower := strings.ToLower(name)
	distance := func(h string) int {
		hl := strings.ToLower(h)
		if lower != "" && strings.Contains(hl, lower) {
			return 0 // a part of the name: "lieu" for Ted Lieu
		}
		return editDistance(lower, hl)
	}
	slices.SortStableFunc(byCloseness, func(a, b string) int { return cmp.Compare(distance(a), distance(b)) })
	shown := byCloseness[:min(len(byCloseness), closestShown)]
	for i, h := range shown {
		shown[i] = termtext.Line(h)
	}
	list := strings.Join(shown, ", ")
	if len(held) > len(shown) {
		list += fmt.Sprintf(", … (%d in all)", len(held))
	}
	return fmt.Sprintf("; %ss: %s", what, list)
}

// nearest is the names closest to name, a typing slip away (at most two
// edits; two letters swapped count as one), the closest only.
func nearest(name string, names []string) []string {
	best, out := 2, []string(nil)
	if utf8.RuneCountInString(name) <= 3 {
		best = 1 // two edits make any short word of another
	}
	for _, n := range names {
		switch d := editDistance(name, n); {
		case d > best:
		case d < best || out == nil:
			best, out = d, []string{n}
		case d == best:
			out = append(out, n)
		}
	}
	return out
}

// editDistance is how many characters must be inserted, deleted,
// replaced or swapped with the next to make b of a (the optimal string
// alignment distance): lsit is one from list.
func editDistance(a, b string) int {
	if !utf8.ValidString(a) || !utf8.ValidString(b) {
		return max(len(a), len(b))
	}
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
