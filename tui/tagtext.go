package tui

import (
	"fmt"
	"slices"
	"strings"

	"chrono/model"
)

// Tags as typed at the tag prompt and in the event form. A tag may hold
// spaces ("suspicious login", as Timesketch writes them) but never a
// comma, so tags are separated by commas once there is one, and by spaces
// while there is none.

// tagWords splits typed tags at commas when there is one, else at
// spaces, each without its #; a tag holding a space typed as chrono
// shows it, #"suspicious login", is that tag (model.TagTyped).
func tagWords(s string) []string {
	var words []string
	if strings.Contains(s, ",") {
		for _, w := range strings.Split(s, ",") {
			if w = strings.TrimSpace(w); w != "" {
				words = append(words, w)
			}
		}
	} else {
		words = tagFields(s)
	}
	for i, w := range words {
		words[i] = model.TagTyped(w)
	}
	return words
}

// tagFields is spaceFields but for a tag written as chrono shows one
// holding a space, #"suspicious login", which stays one field, its
// spaces as typed.
func tagFields(s string) []string {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out
		}
		if rest, ok := strings.CutPrefix(s, `#"`); ok {
			if end := closingQuote(rest); end >= 0 {
				after := rest[end+1:]
				out = append(out, s[:len(s)-len(after)])
				s = after
				continue
			}
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
}

// closingQuote is where the quote that closes a tag shown as #"…" is in
// rest, what follows its opening quote; -1 when none does. A tag may
// hold quotes of its own (#"say "hi" now"): the closing one is the first
// that the text's end or, after spaces, another tag's # follows, else
// the first a space follows.
func closingQuote(rest string) int {
	spaced := -1
	for i := 0; i < len(rest); i++ {
		if rest[i] != '"' {
			continue
		}
		after := rest[i+1:]
		next := strings.TrimLeft(after, " \t")
		switch {
		case next == "" || next[0] == '#' && len(next) < len(after):
			return i
		case spaced < 0 && len(next) < len(after):
			spaced = i
		}
	}
	return spaced
}

// spaceFields splits s at runs of ASCII spaces and tabs only: a tag may
// hold another space (U+3000, the ideographic space; U+00A0), which
// separates nothing.
func spaceFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
}

// parseTags reads typed tags (tagWords), each once. Words typed without
// a comma that together make one of the known tags are that tag: a tag
// with spaces, completed or typed whole.
func parseTags(s string, known []string) ([]string, error) {
	words := tagWords(s)
	if whole := strings.TrimPrefix(strings.Join(spaceFields(s), " "), "#"); len(words) > 1 && !strings.Contains(s, ",") && slices.Contains(known, whole) {
		words = []string{whole}
	}
	var tags []string
	for _, t := range words {
		// One of the tags offered is the store's, held perhaps from
		// before a rule refused it (T removes it): not checked.
		if msg := model.CheckTag(t); msg != "" && !slices.Contains(known, t) {
			return nil, fmt.Errorf("%s", msg)
		}
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags, nil
}

// tagsText is tags as the event form shows them to be edited: separated
// by spaces, or by commas when one of them holds a space (a comma after
// a lone one, which says so).
func tagsText(tags []string) string {
	if slices.ContainsFunc(tags, func(t string) bool { return strings.Contains(t, " ") }) {
		if len(tags) == 1 {
			return tags[0] + ","
		}
		return strings.Join(tags, ", ")
	}
	return strings.Join(tags, " ")
}

// commaHead is the tags typed before a completed tag that holds spaces,
// separated by commas from each other and from it.
func commaHead(head string) string {
	words := tagWords(head)
	if len(words) == 0 || strings.Contains(head, ",") {
		return head
	}
	return strings.Join(words, ", ") + ", "
}
