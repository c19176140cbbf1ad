package model

import "unicode/utf8"

// Suggest returns the name among names that word is most likely a
// misspelling of, as `did you mean "status"?` offers it: the nearest by
// edits (a letter added, dropped, changed, or two swapped), and no
// further than a third of its length. It returns "" when none is near.
func Suggest(word string, names []string) string {
	best, bestD := "", 0
	for _, n := range names {
		d := EditDistance(word, n)
		if d == 0 || d > max(1, len([]rune(n))/3) {
			continue
		}
		if best == "" || d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// EditDistance is the optimal string alignment distance between a and
// b: Levenshtein's, with a swap of two neighbouring letters one edit
// (lsit is one from list). Text that is not UTF-8 is as far as it is long.
func EditDistance(a, b string) int {
	if !utf8.ValidString(a) || !utf8.ValidString(b) {
		return max(len(a), len(b))
	}
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j].
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
