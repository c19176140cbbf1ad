package timesketch

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// tagForms is how a Timesketch tag value may be written, for messages.
const tagForms = `write a JSON list ["a", "b"], a comma list a,b, or - for none`

// parseTags reads a Timesketch tag value the way Timesketch does: a JSON
// list (as JSON in JSONL, or as text "[...]"), "-" for none, a comma list,
// or one tag; in JSONL also Plaso's event tag object, whose labels are
// the tags. Spaces around the commas belong to the list, not the tags.
// The tags are then made valid chrono tags, counting what that changes.
func parseTags(v value, losses lossCounter) ([]string, string) {
	var raw []string
	switch text := v.text; {
	case v.json && text == "null":
		return nil, ""
	case v.json && text[0] == '{':
		labels, msg, ok := eventTagLabels(v.bytes(), losses)
		if !ok {
			return nil, "tag: want a list of strings, found an object"
		}
		if msg != "" {
			return nil, msg
		}
		raw = labels
	case v.json && text[0] != '[':
		return nil, fmt.Sprintf("tag: want a list of strings, found %s", kindName(text))
	case v.json:
		var ok bool
		if raw, ok = strs(v.bytes(), nil); !ok {
			// An element that is not a string: json says what the
			// list holds.
			raw = nil
			if err := json.Unmarshal(v.bytes(), &raw); err != nil {
				return nil, "tag: want a list of strings: " + tagForms
			}
		}
	case strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]"):
		if err := json.Unmarshal([]byte(text), &raw); err != nil {
			return nil, fmt.Sprintf("tag %q: not a JSON list of strings: %s", text, tagForms)
		}
	case text == "-":
		return nil, ""
	default:
		for t := range strings.SplitSeq(text, ",") {
			if t = strings.TrimSpace(t); t != "" {
				raw = append(raw, t)
			}
		}
	}
	tags := make([]string, 0, len(raw))
	seen := make(map[string]bool, len(raw))
	for _, t := range raw {
		c := cleanTag(t)
		if c != t && c != "" {
			losses.Add(TagCleaned, 1)
		}
		if c == "" || seen[c] {
			losses.Add(TagDropped, 1)
			continue
		}
		seen[c] = true
		tags = append(tags, c)
	}
	if len(tags) == 0 {
		return nil, ""
	}
	return tags, ""
}

// cleanTag mends a tag to fit model.CheckTag, deterministically: invalid
// UTF-8 becomes U+FFFD; control characters, commas and semicolons become
// "-"; invisible characters go, as they only make the tag look like
// another; leading #s and surrounding
// spaces go; a tag longer than
// model.MaxTagLen is cut at a character boundary. It returns "" when
// nothing is left.
func cleanTag(t string) string {
	if plainTag(t) {
		return t
	}
	return mendTag(t)
}

// mendTag is cleanTag for a tag that is not plain.
func mendTag(t string) string {
	t = strings.ToValidUTF8(t, "\uFFFD")
	t = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || r == ',' || r == ';':
			return '-'
		case model.HiddenInTag(r):
			return -1
		}
		return r
	}, t)
	for {
		u := strings.TrimSpace(strings.TrimLeft(t, "#"))
		if u == t {
			break
		}
		t = u
	}
	if len(t) > model.MaxTagLen {
		cut := model.MaxTagLen
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = strings.TrimRightFunc(t[:cut], unicode.IsSpace)
	}
	if model.CheckTag(t) != "" {
		return "" // not expected; dropping is the safe answer
	}
	return t
}

// plainTag reports whether t is a tag cleanTag leaves as it is, by its
// bytes alone: printable ASCII without a comma or semicolon, neither
// starting with a # or a space nor ending with a space, within
// model.MaxTagLen. Most tags are; the rune-by-rune mending of the rest
// took a tenth of a Timesketch import's reading.
func plainTag(t string) bool {
	if t == "" || len(t) > model.MaxTagLen || t[0] == '#' || t[0] == ' ' || t[len(t)-1] == ' ' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < ' ' || c > '~' || c == ',' || c == ';' {
			return false
		}
	}
	return true
}
