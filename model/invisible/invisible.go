// Package invisible knows the characters that show nothing, or nothing
// much, yet make one text differ from another that looks the same: "key"
// and "key" with a zero width space after it, "#ab" and "#a", a
// right-to-left mark, "b". Text shown on a terminal marks them as it marks
// controls, <U+200B>, so that what is shown is what is there; tags, which
// are names to tell apart, may not hold them at all.
//
// The zero width joiner and non-joiner are part of ordinary text: they
// join emoji into one (👩‍👩‍👧) and shape Arabic, Persian and Indic
// letters. They are shown as they are after a character outside ASCII that
// is itself shown, where they may be doing that, and marked elsewhere
// (after a Latin letter, a digit, a space, or first), where they join
// nothing and could only deceive. Tag characters (U+E0020–U+E007F) are
// likewise shown only where they spell a flag after a black flag (🏴), and
// marked elsewhere, where they smuggle invisible ASCII.
package invisible

// names names the invisible characters marked wherever they are
// (and the joiners, marked where they join nothing), for messages.
var names = map[rune]string{
	0x00AD:  "SOFT HYPHEN",
	0x061C:  "ARABIC LETTER MARK",
	0x180E:  "MONGOLIAN VOWEL SEPARATOR",
	0x200B:  "ZERO WIDTH SPACE",
	0x200C:  "ZERO WIDTH NON-JOINER",
	0x200D:  "ZERO WIDTH JOINER",
	0x200E:  "LEFT-TO-RIGHT MARK",
	0x200F:  "RIGHT-TO-LEFT MARK",
	0x2060:  "WORD JOINER",
	0x2061:  "FUNCTION APPLICATION",
	0x2062:  "INVISIBLE TIMES",
	0x2063:  "INVISIBLE SEPARATOR",
	0x2064:  "INVISIBLE PLUS",
	0x206A:  "INHIBIT SYMMETRIC SWAPPING",
	0x206B:  "ACTIVATE SYMMETRIC SWAPPING",
	0x206C:  "INHIBIT ARABIC FORM SHAPING",
	0x206D:  "ACTIVATE ARABIC FORM SHAPING",
	0x206E:  "NATIONAL DIGIT SHAPES",
	0x206F:  "NOMINAL DIGIT SHAPES",
	0x3164:  "HANGUL FILLER",
	0xFEFF:  "ZERO WIDTH NO-BREAK SPACE",
	0xFFA0:  "HALFWIDTH HANGUL FILLER",
	0xFFF9:  "INTERLINEAR ANNOTATION ANCHOR",
	0xFFFA:  "INTERLINEAR ANNOTATION SEPARATOR",
	0xFFFB:  "INTERLINEAR ANNOTATION TERMINATOR",
	0xE0001: "LANGUAGE TAG",
}

// Name returns the name of an invisible character, "ZERO WIDTH SPACE" for
// U+200B, and whether r is one (the joiners and tag characters included,
// wherever they are).
func Name(r rune) (string, bool) {
	if name, ok := names[r]; ok {
		return name, true
	}
	if isTagChar(r) {
		return "TAG CHARACTER", true
	}
	return "", false
}

// Marked reports whether r is an invisible character to show as a mark
// when it comes after prev, the character before it as shown, or -1 when
// that one was marked or r comes first.
func Marked(r, prev rune) bool {
	switch {
	case r < 0xAD:
		return false // the common case, cheaply
	case r == 0x200C || r == 0x200D:
		return prev < 0x80
	case isTagChar(r):
		return prev != 0x1F3F4 && !isTagChar(prev)
	}
	return r == 0xAD || r == 0x61C || r == 0x180E ||
		(r >= 0x200B && r <= 0x200F) ||
		(r >= 0x2060 && r <= 0x2065) || // with U+2065, unassigned among them
		(r >= 0x206A && r <= 0x206F) ||
		r == 0x3164 || r == 0xFEFF || r == 0xFFA0 ||
		(r >= 0xFFF9 && r <= 0xFFFB) || r == 0xE0001
}

// isTagChar reports whether r is one of the tag characters that spell
// subdivision flags after a black flag.
func isTagChar(r rune) bool { return r >= 0xE0020 && r <= 0xE007F }
