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

// editDistance is the Levenshtein distance between a and b, in
// characters.
func editDistance(a, b string) int {
	if !utf8.ValidString(a) || !utf8.ValidString(b) {
		return max(len(a), len(b))
	}
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
