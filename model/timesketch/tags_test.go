package timesketch

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

func TestCleanTag(t *testing.T) {
	long := strings.Repeat("a", 63) + "é" // 65 bytes: the é does not fit
	tests := []struct{ in, want string }{
		{"ss7", "ss7"},
		{"#Important", "Important"},
		{"## # x ", "x"},
		{"a;b,c", "a-b-c"},
		{"tab\there", "tab-here"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{" ", ""},
		{"#", ""},
		{long, strings.Repeat("a", 63)},
		{strings.Repeat("a", 63) + " b", strings.Repeat("a", 63)},
		{"Zeugenaussage über Bargeld", "Zeugenaussage über Bargeld"},
		{"key\u200b", "key"},
		{"#a\u200fb", "ab"},
		{"\ufeffx\u00ad\u2060y", "xy"},
		{"\u200b", ""},
	}
	for _, tt := range tests {
		got := cleanTag(tt.in)
		if got != tt.want {
			t.Errorf("cleanTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && model.CheckTag(got) != "" {
			t.Errorf("cleanTag(%q) = %q, which is not a valid tag: %s", tt.in, got, model.CheckTag(got))
		}
	}
}

// FuzzPlainTag: a tag plainTag passes is one the whole mending would
// leave as it is.
func FuzzPlainTag(f *testing.F) {
	for _, s := range []string{"ss7", "#a", "a ", " a", "a,b", "a;b", "tab\t", "é", "~", strings.Repeat("a", 64), strings.Repeat("a", 65)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		if plainTag(tag) && mendTag(tag) != tag {
			t.Fatalf("plainTag(%q), but mendTag makes it %q", tag, mendTag(tag))
		}
	})
}

// TestStrs reads a checked list of strings as json does, and leaves a
// list that holds anything else to it.
func TestStrs(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{`["a","b"]`, []string{"a", "b"}, true},
		{` [ "caf\u00e9" , "x\"y", "" ] `, []string{"café", `x"y`, ""}, true},
		{`[]`, nil, true},
		{`["a",1]`, nil, false},
		{`["a",null]`, nil, false},
		{`{"a":"b"}`, nil, false},
		{`"a"`, nil, false},
	} {
		got, ok := strs([]byte(tt.in), nil)
		if ok != tt.ok || ok && !slices.Equal(got, tt.want) {
			t.Errorf("strs(%s) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseTags(t *testing.T) {
	tests := []struct {
		v                value
		want             []string
		cleaned, dropped int
		python           int // counted as TagPythonList
		msg              string
	}{
		{v: value{text: `["a","b"]`, json: true}, want: []string{"a", "b"}},
		{v: value{text: `null`, json: true}},
		{v: value{text: `[]`, json: true}},
		{v: value{text: `"a"`, json: true}, msg: "tag: want a list of strings, found a string"},
		{v: value{text: `7`, json: true}, msg: "tag: want a list of strings, found a number"},
		{v: value{text: `[1]`, json: true}, msg: `tag: want a list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `["a","a"," a"]`, json: true}, want: []string{"a"}, cleaned: 1, dropped: 2},
		{v: value{text: `[" b"]`}, want: []string{"b"}, cleaned: 1},
		{v: value{text: `[a]`}, msg: `tag "[a]": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `-`}},
		{v: value{text: `a, b , ,c`}, want: []string{"a", "b", "c"}},
		{v: value{text: `#one tag`}, want: []string{"one tag"}, cleaned: 1},
		{v: value{text: `[not a list`}, want: []string{"[not a list"}},
		// As pandas writes a list-valued column to CSV: Python's repr.
		{v: value{text: `['a', 'b']`}, want: []string{"a", "b"}, python: 1},
		{v: value{text: `["it's", 'say "hi"', 'x\'y', "q\"r"]`}, want: []string{"it's", `say "hi"`, "x'y", `q"r`}, python: 1},
		{v: value{text: `['back\\slash', 'caf\xe9', '\u20ac', 'a\tb']`}, want: []string{`back\slash`, "café", "€", "a-b"}, cleaned: 1, python: 1},
		{v: value{text: `[u'old', U"py2" ,'trailing',]`}, want: []string{"old", "py2", "trailing"}, python: 1},
		{v: value{text: `['a',` + "\n" + ` 'a', '']`}, want: []string{"a"}, dropped: 2, python: 1},
		{v: value{text: `['']`}, dropped: 1, python: 1},
		{v: value{text: `[]`}},
		{v: value{text: `[ ]`}},
		// Not such a list: as before.
		{v: value{text: `['a', 1]`}, msg: `tag "['a', 1]": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `['a' 'b']`}, msg: `tag "['a' 'b']": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `['a]`}, msg: `tag "['a]": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `['a\']`}, msg: `tag "['a\\']": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `[a, b]`}, msg: `tag "[a, b]": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `['a'], ['b']`}, msg: `tag "['a'], ['b']": not a JSON list of strings: write a JSON list ["a", "b"], a comma list a,b, or - for none`},
		{v: value{text: `['a', 'b'`}, want: []string{"['a'", "'b'"}},
	}
	for _, tt := range tests {
		var l model.Losses
		got, msg := parseTags(tt.v, &l)
		if !slices.Equal(got, tt.want) || msg != tt.msg || l.Count(TagCleaned) != tt.cleaned || l.Count(TagDropped) != tt.dropped || l.Count(TagPythonList) != tt.python {
			t.Errorf("parseTags(%+v) = %q, %q, losses %q; want %q, %q, %d cleaned, %d dropped, %d Python lists", tt.v, got, msg, l.String(), tt.want, tt.msg, tt.cleaned, tt.dropped, tt.python)
		}
	}
}

// TestPythonList reads lists as Python's repr writes them, and nothing
// else.
func TestPythonList(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
		ok   bool
	}{
		// repr(['a', "it's", 'say "hi"', 'both \' and "', 'tab\t', 'é', '\x00', '€', '\u200b', 'back\\slash'])
		{`['a', "it's", 'say "hi"', 'both \' and "', 'tab\t', 'é', '\x00', '€', '\u200b', 'back\\slash']`,
			[]string{"a", "it's", `say "hi"`, `both ' and "`, "tab\t", "é", "\x00", "€", "\u200b", `back\slash`}, true},
		{`[]`, nil, true},
		{`['\U0001F600', '\101\0', 'a\qb', 'line\` + "\n" + `continued']`, []string{"😀", "A\x00", `a\qb`, "linecontinued"}, true},
		{`['a',]`, []string{"a"}, true},
		{`[,]`, nil, false},
		{`['a',,'b']`, nil, false},
		{`['\N{EURO SIGN}']`, nil, false},
		{`['\x4']`, nil, false},
		{`['\U00110000']`, nil, false},
		{`['a` + "\n" + `b']`, nil, false},
		{`[b'bytes']`, nil, false},
		{`['a'`, nil, false},
		{`['a' + 'b']`, nil, false},
		{`[None]`, nil, false},
	} {
		got, ok := pythonList(tt.in)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("pythonList(%s) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestTagCleanedShown says what a cleaned tag became, not only how many
// were cleaned, with what a terminal acts on escaped and a long tag cut.
func TestTagCleanedShown(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`#one tag`, `1 tag cleaned to fit chrono's tag rules ("#one tag" became "one tag")`},
		{`a` + "\x1b" + `[31mb, ##c`, `2 tags cleaned to fit chrono's tag rules (the first: "a\x1b[31mb" became "a-[31mb")`},
		{strings.Repeat("é", 50) + "\t", `1 tag cleaned to fit chrono's tag rules ("` + strings.Repeat("é", 40) + `"… became "` + strings.Repeat("é", 32) + `")`},
	} {
		var l model.Losses
		parseTags(value{text: tt.in}, &l)
		if got := l.String(); got != tt.want {
			t.Errorf("parseTags(%q): losses\n%s\nwant\n%s", tt.in, got, tt.want)
		}
	}
}
