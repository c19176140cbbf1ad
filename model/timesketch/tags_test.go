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

func TestParseTags(t *testing.T) {
	tests := []struct {
		v                value
		want             []string
		cleaned, dropped int
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
	}
	for _, tt := range tests {
		var l model.Losses
		got, msg := parseTags(tt.v, &l)
		if !slices.Equal(got, tt.want) || msg != tt.msg || l.Count(TagCleaned) != tt.cleaned || l.Count(TagDropped) != tt.dropped {
			t.Errorf("parseTags(%+v) = %q, %q, losses %q; want %q, %q, %d cleaned, %d dropped", tt.v, got, msg, l.String(), tt.want, tt.msg, tt.cleaned, tt.dropped)
		}
	}
}
