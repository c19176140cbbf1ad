package markdown

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// hostile is an investigation written by someone who wants to attack the
// reporter's terminal or plant structure and links in the chronology.
func hostile() (model.Header, []model.Source, []model.Event) {
	h := model.Header{
		Title:       "\x1b]52;c;ZXZpbA==\x07*not bold* [x](javascript:alert(1))",
		Description: "# Owned\n> fake quote\n<script>alert(1)</script>\n\u202eevil\u202c \u009b31m",
	}
	sources := []model.Source{
		{ID: "js", Publisher: "[Trusted](javascript:alert(1))", URL: "javascript:alert(1)"},
		{ID: "space", Publisher: "Spaced", URL: "https://ok.example/a b"},
		{ID: "ok", Publisher: "Fine \x1b[1mBold", URL: "https://ok.example/story?a=1&b=(2)"},
	}
	events := []model.Event{{
		ID:       "x",
		Date:     model.MustParseDate("2017-08"),
		DateText: "\x1b[31mred\u2066",
		Title:    "*not bold* [x](javascript:alert(1))",
		Status:   "=rumour\n# heading",
		Summary: "# heading\n> quote\n- item\n+ item\n1. ordered\n2) ordered\n===\n---\n    code\n\n    code after a blank line\n" +
			"```\nfence\n~~~\n| a | b |\n|---|---|\n[ref]: https://evil.example\n![img](https://evil.example/x.png)\n" +
			"<https://evil.example>\n&lt;b&gt; &#x41; AT&T\n: definition\n$x$ ^sup^ {#id .cls} _em_ `code`\\",
		Actors: []string{"<img src=x onerror=alert(1)>", "**Bold**\u2028next"},
		Tags:   []string{"`rm -rf`", "#heading"},
		Quotes: []model.Quote{
			{Text: "line one\n# not a heading\n\n> nested\n\x1b[2Jcleared", Speaker: "\x1b[2J[Speaker](https://evil.example)", Context: "<b>bold</b>", Source: "js", Stance: "asserts\x1b"},
			{Text: "spaced", Source: "space"},
			{Text: "fine", Source: "ok"},
		},
		Links: []model.Link{{Rel: "disputes](javascript:x)", Event: "y`z"}},
		Notes: []model.Note{{Text: "# mine\n[x](javascript:alert(1))", At: time.Date(2026, 11, 24, 10, 3, 0, 0, time.UTC)}},
	}}
	return h, sources, events
}

func TestWriteHostileTextIsInert(t *testing.T) {
	h, sources, es := hostile()
	out, _ := writeWith(t, Options{Notes: true}, h, sources, es) // notes are text from the data too

	for i, r := range out {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f:
			t.Errorf("control character %U at byte %d", r, i)
		case r >= 0x80 && r <= 0x9f:
			t.Errorf("C1 control %U at byte %d", r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			t.Errorf("bidirectional control or separator %U at byte %d", r, i)
		}
	}

	var headings []string
	for l := range strings.SplitSeq(out, "\n") {
		switch {
		case strings.HasPrefix(l, "#"):
			headings = append(headings, l)
		case strings.HasPrefix(l, "    "), strings.HasPrefix(l, "\t"):
			t.Errorf("indented line would be code: %q", l)
		case strings.HasPrefix(l, "```"), strings.HasPrefix(l, "~~~"):
			t.Errorf("code fence: %q", l)
		case strings.HasPrefix(l, ">") && !strings.HasPrefix(l, "> ") && l != ">":
			t.Errorf("blockquote line without its space: %q", l)
		}
	}
	wantHeadings := []string{
		`# ␛\]52;c;ZXZpbA==␇\*not bold\* \[x\](javascript:alert(1))`,
		"## 2017",
		`### Aug 2017 (“␛\[31mred\<U+2066\>”) · =rumour \# heading`,
		"## Sources",
	}
	if strings.Join(headings, "\n") != strings.Join(wantHeadings, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(wantHeadings, "\n"))
	}

	// The only links are to the one source whose URL may be one.
	for _, dest := range linkDestinations(out) {
		if dest != `https://ok.example/story?a=1&b=\(2\)` && dest != "https://ok.example/story?a=1&b=(2)" {
			t.Errorf("link to %q", dest)
		}
	}

	for _, want := range []string{
		"\n" + `\# Owned\
\> fake quote\
\<script\>alert(1)\</script\>\
\<U+202E\>evil\<U+202C\> \<U+009B\>31m` + "\n",
		`**\*not bold\* \[x\](javascript:alert(1))**`,
		// Nothing at the start of a line can begin a block; indentation
		// is dropped, as Markdown drops it from a paragraph's lines.
		"\n" + ticks(`\# heading\
\> quote\
\- item\
\+ item\
1\. ordered\
2\) ordered\
\===\
\---\
code

code after a blank line\
\´\´\´\
fence\
\~\~\~\
\| a \| b \|\
\|---\|---\|\
\[ref\]: https://evil.example\
!\[img\](https://evil.example/x.png)\
\<https://evil.example\>\
\&lt;b\&gt; \&\#x41; AT&T\
\: definition\
\$x\$ \^sup\^ \{\#id .cls\} \_em\_ \´code\´\\`) + "\n",
		// Every line of a quote is in the blockquote; its own ">" is text.
		"\n" + `> line one\
> \# not a heading
>
> \> nested\
> ␛\[2Jcleared
>
> — ␛\[2J\[Speaker\](https://evil.example), \<b\>bold\</b\> (asserts␛) · \[Trusted\](javascript:alert(1))` + "\n",
		"\n> spaced\n>\n> — unattributed · Spaced\n",
		"\n> — unattributed · [Fine ␛\\[1mBold](https://ok.example/story?a=1&b=\\(2\\))\n",
		"\n- Actors: \\<img src=x onerror=alert(1)\\> · \\*\\*Bold\\*\\*\\<U+2028\\>next\n",
		"\n- Tags: `` #`rm -rf` `` `##heading`\n",
		"\n- Disputes\\](javascript:x): ``y`z``\n",
		"\n*Investigator's note, 24 Nov 2026 10:03 UTC:* \\# mine\\\n\\[x\\](javascript:alert(1))\n",
		"\n- \\[Trusted\\](javascript:alert(1)) · `javascript:alert(1)`\n",
		"\n- Spaced · `https://ok.example/a b`\n",
		"\n- Fine ␛\\[1mBold · <https://ok.example/story?a=1&b=(2)>\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
}

// ticks writes ´ as a backtick, which a raw string cannot hold.
func ticks(s string) string { return strings.ReplaceAll(s, "´", "`") }

// linkDestinations finds what Markdown would take for the destination of
// a link or an autolink: "](" or "<" not escaped by a backslash.
func linkDestinations(out string) []string {
	var dests []string
	escaped := func(i int) bool {
		n := 0
		for i > 0 && out[i-1] == '\\' {
			n++
			i--
		}
		return n%2 == 1
	}
	for i := 0; i < len(out); i++ {
		switch {
		case strings.HasPrefix(out[i:], "](") && !escaped(i):
			end := strings.IndexAny(out[i+2:], " \n")
			dest := out[i+2:]
			if end >= 0 {
				dest = dest[:end]
			}
			dests = append(dests, strings.TrimSuffix(dest, ")"))
		case out[i] == '<' && !escaped(i) && !inCode(out, i):
			end := strings.IndexByte(out[i:], '>')
			if end < 0 {
				end = len(out) - i
			}
			dests = append(dests, out[i+1:i+end])
		}
	}
	return dests
}

// inCode reports whether byte i of out is inside a code span on its line.
func inCode(out string, i int) bool {
	start := strings.LastIndexByte(out[:i], '\n') + 1
	ticks := 0
	for j := start; j < i; j++ {
		if out[j] == '`' && (j == 0 || out[j-1] != '\\') {
			ticks++
		}
	}
	return ticks%2 == 1
}

// TestWriteCountsMarkedText: an event whose words hold a character the
// draft shows as a mark (a right-to-left mark of Hebrew text) is counted,
// since a story pasted from the draft would print the mark.
func TestWriteCountsMarkedText(t *testing.T) {
	es := []model.Event{
		{ID: "he", Title: "שלום 2020\u200f", Date: model.MustParseDate("2020")},
		{ID: "plain", Title: "Plain", Date: model.MustParseDate("2021")},
	}
	out, losses := write(t, model.Header{Title: "T"}, nil, es)
	if got := losses.Count(LostMarked); got != 1 {
		t.Errorf("%d events counted, want 1:\n%s", got, out)
	}
	if !strings.Contains(out, `\<U+200F\>`) {
		t.Errorf("the mark is not shown:\n%s", out)
	}
}

// TestWriteCountsMarkedNotes: notes written into a draft (--notes) are
// counted as the rest of an event's words are; left out, they are not.
func TestWriteCountsMarkedNotes(t *testing.T) {
	es := []model.Event{{ID: "n", Title: "Plain", Date: model.MustParseDate("2020"), Notes: []model.Note{{Text: "ask \u202eher"}}}}
	for _, notes := range []bool{false, true} {
		want := 0
		if notes {
			want = 1
		}
		if _, losses := writeWith(t, Options{Notes: notes}, model.Header{Title: "T"}, nil, es); losses.Count(LostMarked) != want {
			t.Errorf("notes written %v: counted %d, want %d", notes, losses.Count(LostMarked), want)
		}
	}
}
