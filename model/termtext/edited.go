package termtext

import (
	"sort"
	"strings"
)

// Edited returns what an edit in a field makes of the stored text the
// field showed: typed is the field's text as the investigator left it,
// the field having shown stored as Line does (oneLine) or as Text does,
// each tab laid out as tab when tab is not "". What typed keeps of the
// start and of the end of what was shown stays as stored, byte for byte,
// the characters shown as marks included; only what lies between, what
// was typed, is typed's. Appending a word to a title holding a zero-width
// space thus keeps the space, not its mark; deleting a part of its mark
// deletes the space.
func Edited(stored, typed string, oneLine bool, tab string) string {
	var b strings.Builder
	b.Grow(len(stored) + 16)
	raw, at := []int{0}, []int{0} // where each rune of stored ends, in stored and as shown
	prev := rune(-1)
	for i := 0; i < len(stored); {
		var size int
		if tab != "" && stored[i] == '\t' {
			b.WriteString(tab)
			size, prev = 1, '\t'
		} else {
			size, prev = show(&b, stored[i:], oneLine, prev)
		}
		i += size
		raw, at = append(raw, i), append(at, b.Len())
	}
	shown := b.String()
	if typed == shown {
		return stored
	}
	if d := len(shown) - len(typed); d > 0 {
		if n := CommonPrefix(shown, typed); shown[n+d:] == typed[n:] {
			// Only deleted, from anywhere between lo and n when what
			// went repeats what is beside it: "<U+200B><U+200D>" less
			// "<U+200B>" is also that less "B><U+200". A place where
			// the deletion took whole characters is the likelier, and
			// takes no character but those.
			lo := len(typed) - CommonSuffix(shown, typed)
			k := sort.Search(len(at), func(j int) bool { return at[j] > n }) - 1
			for i := k; i >= 0 && at[i] >= lo && k-i < wholeSearch; i-- {
				if j := sort.SearchInts(at, at[i]+d); j < len(at) && at[j] == at[i]+d {
					return stored[:raw[i]] + stored[raw[j]:]
				}
			}
			// Else a character shown as a mark (<U+202E>, a tab's
			// spaces) goes whole when part of its mark does, as a
			// backspace into it would take the one character it is.
			j := sort.Search(len(at), func(j int) bool { return at[j] >= n+d })
			return stored[:raw[k]] + stored[raw[j]:]
		}
	}
	// The runes shown whole before the first difference, and after the last.
	n := CommonPrefix(shown, typed)
	k := sort.Search(len(at), func(j int) bool { return at[j] > n }) - 1
	m := CommonSuffix(shown[at[k]:], typed[at[k]:])
	j := max(sort.Search(len(at), func(j int) bool { return at[j] >= len(shown)-m }), k)
	return stored[:raw[k]] + typed[at[k]:len(typed)-(len(shown)-at[j])] + stored[raw[j]:]
}

// wholeSearch is how many places Edited tries for a deletion of whole
// characters: a few marks' worth, so that a text of marks alike costs
// no more than a short one.
const wholeSearch = 64

// CommonPrefix is how many bytes a and b begin with alike.
func CommonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// CommonSuffix is how many bytes a and b end with alike.
func CommonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// RuneOffset is where, in bytes, the nth rune of s starts, or len(s)
// when s has no more runes.
func RuneOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
