package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CaseKey is s with each letter taken to the least of the letters it
// equals but for case, so that two strings strings.EqualFold finds equal
// have the same key: "Été" and "été" are one tag. s is composed first
// (NFC): "é" typed as e and a combining accent, as text pasted from a
// PDF or a Mac's file names often is, is the é typed as one letter.
func CaseKey(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, norm.NFC.String(s))
}

// SameInAnyCase reports whether a and b have the same CaseKey, making
// keys only when one is not ASCII: strings.EqualFold matches ASCII as
// CaseKey does.
func SameInAnyCase(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	return !(isASCII(a) && isASCII(b)) && CaseKey(a) == CaseKey(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
