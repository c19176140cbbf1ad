package verbatim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nestedVariants are the quote with the quotation marks of a quotation
// inside it swapped between single and double (NestedQuotes): a writer
// quoting a passage sets the quotation it holds in single marks where
// the source set it in double ones, and the other way round. The
// singles are taken as quotation marks only in pairs, an opening one
// before a word and a closing one after one, so that an apostrophe
// (NSO’s, ’90s) stays what it is. None when the quote has neither.
func nestedVariants(q string) []string {
	var out []string
	if v, ok := singlesToDoubles(q); ok {
		out = append(out, v)
	}
	if strings.ContainsAny(q, "“”\"„‟«»") {
		out = append(out, doublesToSingles.Replace(q))
	}
	return out
}

// doublesToSingles sets double quotation marks as single ones.
var doublesToSingles = strings.NewReplacer("“", "‘", "”", "’", "„", "‚", "‟", "‛", "«", "‹", "»", "›", `"`, "'")

// doubleOf is the double quotation mark for a single one: straight stays
// straight, so that the result names the quotes rule when the source's
// marks are typographic.
var doubleOf = map[rune]string{'‘': "“", '’': "”", '\'': `"`}

// singlesToDoubles is q with each pair of single quotation marks around
// words made double; ok is false when it has no such pair.
func singlesToDoubles(q string) (string, bool) {
	var b strings.Builder
	open := -1 // where in b the pair's opening mark was written
	changed := false
	before := ' '
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		after, _ := utf8.DecodeRuneInString(q[i+n:])
		switch {
		case (r == '‘' || r == '\'') && !wordRune(before) && wordRune(after):
			open = b.Len()
		case (r == '’' || r == '\'') && open >= 0 && !unicode.IsSpace(before) && !wordRune(after):
			s := b.String()
			opening, m := utf8.DecodeRuneInString(s[open:])
			b.Reset()
			b.WriteString(s[:open])
			b.WriteString(doubleOf[opening])
			b.WriteString(s[open+m:])
			b.WriteString(doubleOf[r])
			open, changed, before = -1, true, r
			i += n
			continue
		}
		b.WriteString(q[i : i+n])
		before = r
		i += n
	}
	return b.String(), changed
}

// wordRune reports whether r is a letter or digit, as a word has.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
