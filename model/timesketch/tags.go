package timesketch

import (
	"fmt"
	"strconv"
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
// the tags; and, where Timesketch would refuse it, text "[...]" that is a
// Python list of strings (counted). Spaces around the commas belong to
// the list, not the tags. The tags are then made valid chrono tags,
// counting what that changes.
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
			// Timesketch's own CSV export writes its list column as
			// pandas does, in Python's repr: ['a', 'b'].
			var ok bool
			if raw, ok = pythonList(text); !ok {
				return nil, fmt.Sprintf("tag %q: not a JSON list of strings: %s", text, tagForms)
			}
			losses.Add(TagPythonList, 1)
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
			losses.AddShown(TagCleaned, 1, model.Became(t, c))
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

// pythonList reads text as Python writes a list of strings (its repr,
// which pandas writes for a list in a CSV cell): ['a', "it's", 'x\'y'],
// with the escapes a Python string literal has. ok is false for text of
// any other kind, which is then no list.
func pythonList(text string) (items []string, ok bool) {
	if len(text) < 2 || text[0] != '[' || text[len(text)-1] != ']' {
		return nil, false
	}
	s := strings.TrimLeft(text[1:len(text)-1], pythonSpace)
	for s != "" {
		item, rest, ok := pythonString(s)
		if !ok {
			return nil, false
		}
		items = append(items, item)
		rest = strings.TrimLeft(rest, pythonSpace)
		if rest == "" {
			break
		}
		if rest[0] != ',' {
			return nil, false
		}
		s = strings.TrimLeft(rest[1:], pythonSpace) // a comma may end the list, as in Python
	}
	return items, true
}

// pythonSpace is the blank space Python allows between a list's items.
const pythonSpace = " \t\r\n"

// pythonString reads the Python string literal s starts with, quoted
// with ' or ", after a u as Python 2 wrote one, and returns its value
// and what follows it.
func pythonString(s string) (value, rest string, ok bool) {
	if s != "" && (s[0] == 'u' || s[0] == 'U') {
		s = s[1:]
	}
	if s == "" || s[0] != '\'' && s[0] != '"' {
		return "", "", false
	}
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == quote:
			return b.String(), s[i+1:], true
		case c == '\n':
			return "", "", false // a quote without its end
		case c != '\\':
			b.WriteByte(c)
		case i+1 == len(s):
			return "", "", false
		default:
			n, ok := pythonEscape(&b, s[i+1:])
			if !ok {
				return "", "", false
			}
			i += n
		}
	}
	return "", "", false
}

// pythonEscape writes the character the escape after a backslash, at the
// start of s, stands for, and returns how many bytes of s it took. An
// escape Python does not know is kept as written, backslash and all, as
// Python keeps it; \N{name} is not read (ok false).
func pythonEscape(b *strings.Builder, s string) (n int, ok bool) {
	if r, ok := simpleEscapes[s[0]]; ok {
		b.WriteByte(r)
		return 1, true
	}
	switch s[0] {
	case '\n':
		return 1, true // a line continued
	case 'x', 'u', 'U':
		digits := 2
		if s[0] == 'u' {
			digits = 4
		} else if s[0] == 'U' {
			digits = 8
		}
		if len(s) <= digits {
			return 0, false
		}
		r, err := strconv.ParseUint(s[1:1+digits], 16, 32)
		if err != nil || r > unicode.MaxRune {
			return 0, false
		}
		b.WriteRune(rune(r))
		return 1 + digits, true
	case 'N':
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '7' {
		end := 1
		for end < 3 && end < len(s) && s[end] >= '0' && s[end] <= '7' {
			end++
		}
		r, _ := strconv.ParseUint(s[:end], 8, 32)
		b.WriteRune(rune(r))
		return end, true
	}
	b.WriteByte('\\')
	return 0, true
}

// simpleEscapes are Python's escapes of one character after the backslash.
var simpleEscapes = map[byte]byte{'\\': '\\', '\'': '\'', '"': '"', 'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}
