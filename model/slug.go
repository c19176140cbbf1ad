package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSlugLen keeps ids made from titles short enough to read and type.
const maxSlugLen = 48

// latinBase maps accented Latin letters to their base letters, so that an
// id made from "Zürich" reads "zurich".
var latinBase = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "ā", "a", "ą", "a", "æ", "ae",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d", "ð", "d",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ē", "e", "ę", "e", "ě", "e",
	"ğ", "g", "ì", "i", "í", "i", "î", "i", "ï", "i", "ī", "i", "ı", "i",
	"ł", "l", "ñ", "n", "ń", "n", "ň", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "ō", "o", "œ", "oe",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ß", "ss", "ť", "t", "ţ", "t", "þ", "th",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ū", "u", "ů", "u",
	"ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
)

// Slug makes an id of a title: lower case, accents dropped, words of
// letters and digits joined by dashes, cut at a word boundary to stay
// short. It returns "" when the title has no letter or digit it can use.
func Slug(title string) string {
	s := latinBase.Replace(strings.ToLower(baseLetters(title)))
	w := DashedWords{Max: maxSlugLen}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if !w.Add(r) {
				return w.String()
			}
		case r == '\'' || r == '’':
			// "NSO's" is "nsos", not "nso-s".
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			w.Break()
		}
	}
	return w.String()
}

// baseLetters writes s in its compatibility forms without their marks:
// "Ｆｕｌｌ" (full width) is "Full", "ǅ" is "Dz", "é" is "e", so that no
// letter a title shows is dropped from its id. Letters with no
// decomposition (ø, ł, ß) are left to latinBase.
func baseLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFKD.String(s))
}

// DashedWords joins words with single dashes, a character at a time, as
// ids and tags are made of text, within Max bytes: a dash is written only
// between two words, so never first or last.
type DashedWords struct {
	Max     int // the most bytes the joined words may take
	b       strings.Builder
	pending bool
}

// Break ends the word: the next character added starts another, after a
// dash.
func (w *DashedWords) Break() { w.pending = true }

// Add adds r, after a dash when it starts a word. It adds nothing and
// returns false when that would pass Max: the words are then complete.
func (w *DashedWords) Add(r rune) bool {
	dash := w.pending && w.b.Len() > 0
	n := utf8.RuneLen(r)
	if dash {
		n++
	}
	if w.b.Len()+n > w.Max {
		return false
	}
	if dash {
		w.b.WriteByte('-')
	}
	w.pending = false
	w.b.WriteRune(r)
	return true
}

// String returns the words joined.
func (w *DashedWords) String() string { return w.b.String() }

// NewID makes a new id from a name (an event's title): its slug, or
// kind ("event", "source") when the name gives none, with -2, -3, …
// added until taken says it is free.
func NewID(name, kind string, taken func(id string) bool) string {
	root := Slug(name)
	if root == "" {
		root = kind
	}
	if !taken(root) {
		return root
	}
	for n := 2; ; n++ {
		if id := root + "-" + strconv.Itoa(n); !taken(id) {
			return id
		}
	}
}
