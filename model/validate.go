package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model/invisible"
)

// Limits on identifiers and tags. Longer ones are almost certainly data in
// the wrong column, and they would make every index key long.
const (
	MaxIDLen  = 128
	MaxTagLen = 64
)

// CheckID returns what is wrong with an event or source id, or "".
// Ids are stable slugs: ASCII letters, digits and - _ . : (no spaces).
func CheckID(id string) string {
	switch {
	case id == "":
		return "id: missing: give it one, of the letters a–z and A–Z, digits and - _ . : (such as its title's first words joined by -)"
	case len(id) > MaxIDLen:
		return fmt.Sprintf("id %q…: longer than %d bytes", id[:32], MaxIDLen)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			(i > 0 && (c == '-' || c == '_' || c == '.' || c == ':'))
		if !ok {
			return fmt.Sprintf("id %q: use the letters a–z and A–Z (no accents), digits and - _ . : (starting with a letter or digit, no spaces)", id)
		}
	}
	return ""
}

// headOf is s cut to at most n bytes, at the start of a character.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// CheckTag returns what is wrong with a tag, or "".
func CheckTag(tag string) string {
	switch {
	case tag == "":
		return "tag: empty"
	case len(tag) > MaxTagLen:
		// Its start only: the whole would push the reason off a line.
		return fmt.Sprintf("tag %q…: longer than %d bytes", headOf(tag, 32), MaxTagLen)
	case !utf8.ValidString(tag):
		return fmt.Sprintf("tag %q: not valid UTF-8", tag)
	case strings.TrimSpace(tag) != tag:
		return fmt.Sprintf("tag %q: starts or ends with a space", tag)
	case strings.HasPrefix(tag, "#"):
		return fmt.Sprintf("tag %q: write it without the #", tag)
	}
	for _, r := range tag {
		if unicode.IsControl(r) || r == ';' || r == ',' {
			return fmt.Sprintf("tag %q: has a control character, comma or semicolon", tag)
		}
		if r < utf8.RuneSelf {
			// No ASCII character is invisible or a control of direction:
			// most tags are ASCII, and looking each of their characters
			// up in those tables took an import of a million events a
			// third of a second on its one serial goroutine.
			continue
		}
		if name, ok := invisible.Name(r); ok {
			return fmt.Sprintf("tag %s: U+%04X %s is invisible; tags may not hold invisible characters", quoteShown(tag), r, name)
		}
		if unicode.Is(unicode.Bidi_Control, r) {
			// An override or isolate reorders what follows it: a tag
			// that reads as another.
			return fmt.Sprintf("tag %s: U+%04X is a control of the direction of text, which would make the tag read as another; tags may not hold one", quoteShown(tag), r)
		}
	}
	return ""
}

// fewTags is how many tags an event may have for tagsSeen to compare
// each with those before it, rather than keep them by CaseKey.
var fewTags = 16

// tagsSeen returns firstOf, which tells, for the tag at i, the first
// sound tag before it that matches it in any case, if there is one. An
// import checks a million events' tags: most events have a few, and
// comparing them with SameInAnyCase costs a fraction of making their
// keys and a map of them.
func tagsSeen(tags []string) func(i int) (string, bool) {
	if len(tags) <= fewTags {
		return func(i int) (string, bool) {
			for _, u := range tags[:i] {
				if SameInAnyCase(u, tags[i]) && CheckTag(u) == "" {
					return u, true
				}
			}
			return "", false
		}
	}
	seen := make(map[string]string, len(tags))
	return func(i int) (string, bool) {
		key := CaseKey(tags[i])
		first, twice := seen[key]
		if !twice && CheckTag(tags[i]) == "" {
			seen[key] = tags[i]
		}
		return first, twice
	}
}

// quoteShown is %q with every character that does not show escaped as
// well, the printable invisible ones (U+3164 HANGUL FILLER) included.
func quoteShown(s string) string {
	q := strconv.Quote(s)
	var b strings.Builder
	for _, r := range q {
		switch {
		case !HiddenInTag(r):
			b.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// HiddenInTag reports whether a tag may not hold r because it does not
// show (package invisible): a tag is a name to tell apart from others, and
// one that holds a character that does not show looks like another (the
// joiners too, which in a tag join nothing worth a look-alike). Controls
// that act on the text around them, bidirectional overrides among them,
// are marked wherever they are shown, and so stay.
func HiddenInTag(r rune) bool {
	_, ok := invisible.Name(r)
	return ok
}

// Check returns every problem with e that can be seen without the rest of
// the investigation (references are the Checker's job).
func (e *Event) Check() []string {
	var msgs []string
	add := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	if m := CheckID(e.ID); m != "" {
		msgs = append(msgs, m)
	}
	if strings.TrimSpace(e.Title) == "" {
		add("title: missing")
	}
	if !e.Status.Valid() {
		add("status %q: %s", e.Status, notOneOf(Statuses))
	}
	if !e.DateTextOf.Valid() {
		add("date_text_of %q: one of start, end, ends, a list such as whole:9,start:11,end, or none for words of the whole date", e.DateTextOf)
	}
	if e.DateSource != "" && e.DateText == "" {
		add("date_source %q: needs date_text, the words it anchors", e.DateSource)
	}
	for i, a := range e.Actors {
		switch {
		case strings.TrimSpace(a) == "":
			add("actor #%d: empty", i+1)
		case strings.ContainsRune(a, 0):
			add("actor #%d: %s", i+1, nulInName)
		}
	}
	firstOf := tagsSeen(e.Tags)
	for i, t := range e.Tags {
		first, twice := firstOf(i)
		switch m := CheckTag(t); {
		case m != "":
			msgs = append(msgs, m)
		case twice && first == t:
			add("tag %q: listed twice", t)
		case twice && strings.EqualFold(t, first):
			add("tag %q: listed twice, as %q: tags match in any case", t, first)
		case twice:
			// Alike but for how an accent is written: one letter, or a
			// letter and a combining accent (CaseKey).
			add("tag %q: listed twice, as %q, which reads the same, its accents written otherwise: keep one", t, first)
		}
	}
	for i, q := range e.Quotes {
		if Blank(q.Text) {
			add("quote #%d: text missing", i+1) // white space quotes nothing
		}
		if !q.Stance.Valid() {
			add("quote #%d: stance %q: %s", i+1, q.Stance, notOneOf(Stances))
		}
	}
	for i, l := range e.Links {
		switch {
		case !l.Rel.Valid():
			add("link #%d: rel %q: %s", i+1, l.Rel, notOneOf(Rels))
		case l.Event == "":
			add("link #%d: event missing", i+1)
		case l.Event == e.ID:
			add("link #%d: links the event to itself", i+1)
		}
	}
	for i, n := range e.Notes {
		if strings.TrimSpace(n.Text) == "" {
			add("note #%d: empty", i+1)
		}
	}
	for i, m := range e.Media {
		if Blank(m.URL) && Blank(m.Caption) && Blank(m.Title) {
			add("medium #%d: empty: give its url, caption or title", i+1)
		}
	}
	return append(msgs, e.checkSizes()...)
}

// Check returns every problem with s that can be seen on its own.
func (s *Source) Check() []string {
	if m := CheckID(s.ID); m != "" {
		return []string{m}
	}
	return s.checkSizes()
}

// Blank reports whether s shows nothing: white space, and characters a
// page shows as nothing (a zero-width space, a direction mark), which a
// quote made of quotes nothing anyone can check.
func Blank(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if !unicode.IsSpace(r) {
				return false // most texts: at their first letter
			}
			continue // no ASCII character is in invisible's table
		}
		if _, hidden := invisible.Name(r); !hidden && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
