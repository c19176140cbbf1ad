package model

import (
	"fmt"
	"unicode/utf8"
)

// notUTF8 says where s is not UTF-8, for field: "" when it is. A file
// read is refused at its place by its reader; this is for text typed or
// given on a command line, as a terminal in another encoding sends it.
func notUTF8(field, s string) string {
	at := NotUTF8At(s)
	if at == len(s) {
		return ""
	}
	return fmt.Sprintf("%s: not UTF-8 text (the byte 0x%02x at %d): chrono keeps text as UTF-8; convert it first (iconv -f LATIN1 -t UTF-8 converts Latin-1)", field, s[at], at)
}

// NotUTF8At returns where the first byte of s that is not UTF-8 is, or
// len(s) when every byte is: a character cut at the end is such a byte.
func NotUTF8At(s string) int {
	at := 0
	for at < len(s) {
		r, n := utf8.DecodeRuneInString(s[at:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		at += n
	}
	return at
}

// textNotUTF8 names each of e's texts that is not UTF-8, by field.
func (e *Event) textNotUTF8() []string {
	var out []string
	add := func(field, s string) {
		if m := notUTF8(field, s); m != "" {
			out = append(out, m)
		}
	}
	add("title", e.Title)
	add("summary", e.Summary)
	add("date_text", e.DateText)
	for i, a := range e.Actors {
		add(fmt.Sprintf("actor #%d", i+1), a)
	}
	// Tags are CheckTag's, which Check applies: said once.
	for i, q := range e.Quotes {
		add(fmt.Sprintf("quote #%d: text", i+1), q.Text)
		add(fmt.Sprintf("quote #%d: speaker", i+1), q.Speaker)
		add(fmt.Sprintf("quote #%d: context", i+1), q.Context)
	}
	for i, n := range e.Notes {
		add(fmt.Sprintf("note #%d", i+1), n.Text)
		add(fmt.Sprintf("note #%d: author", i+1), n.Author)
	}
	for i, m := range e.Media {
		for _, f := range m.fields() {
			add(fmt.Sprintf("medium #%d: %s", i+1, f.name), f.value)
		}
	}
	return out
}

// textNotUTF8 names each of s's texts that is not UTF-8, by field.
func (s *Source) textNotUTF8() []string {
	var out []string
	for _, f := range [][2]string{{"publisher", s.Publisher}, {"author", s.Author}, {"title", s.Title}, {"url", s.URL}, {"archive", s.Archive}} {
		if m := notUTF8(f[0], f[1]); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// NotUTF8 says which of the header's texts is not UTF-8, and where, or
// "" when both are: checked before a store is made for it.
func (h *Header) NotUTF8() string {
	if m := notUTF8("title", h.Title); m != "" {
		return m
	}
	return notUTF8("description", h.Description)
}

// TextNotUTF8 says where s, the text of field, is not UTF-8 and how to
// convert it, or "" when it is: for text refused before a store is opened.
func TextNotUTF8(field, s string) string { return notUTF8(field, s) }
