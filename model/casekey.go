package model

import (
	"strings"
	"unicode"
)

// CaseKey is s with each letter taken to the least of the letters it
// equals but for case, so that two strings strings.EqualFold finds equal
// have the same key: "Été" and "été" are one tag.
func CaseKey(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}
