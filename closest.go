package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"chrono/model"
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
		return model.EditDistance(lower, hl)
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
		switch d := model.EditDistance(name, n); {
		case d > best:
		case d < best || out == nil:
			best, out = d, []string{n}
		case d == best:
			out = append(out, n)
		}
	}
	return out
}
