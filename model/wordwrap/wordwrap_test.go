package wordwrap

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
)

// TestMessageAt80: what a message gives to copy or to type again (a
// date as chrono shows it, a quoted value, a command) is never broken
// inside at 80 columns where it fits a line, and breaks at its spaces,
// not inside a word, where it does not; what is marked is written with
// plain spaces.
func TestMessageAt80(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"date-example", "chrono: --date: date \"yesterday-ish\": not a date chrono reads: write EDTF (2017-08, 2017-08/2021) or as chrono shows dates (" +
			Keep("Aug 2017") + ", " + Keep("14 Aug 2017") + ", " + Keep("2 Oct 2018 – 2021") + ")"},
		{"quoted-value", "chrono: untag: event fbi-tip-2019 has no tag \"follow up with the source before publication\"; chrono show fbi-tip-2019 lists its tags"},
		{"escaped-quote", "chrono: edit: event nso-mobileum-call-2017: the title \"the minister said \\\"no comment at all\\\" twice\" is taken by another event of the same date"},
		{"command", "✗ source \"miller-2020\" has no snapshot to show the quote in: " + Keep("chrono source attach miller-2020 FILE") + " keeps one"},
		{"backticks", "✗ the date proposed by the source differs from the typed one: `ctrl+y` takes it; `chrono source attach ID FILE` keeps a snapshot"},
		{"options", "chrono: testdata/import/utf16.csv:1:1: the file is UTF-16 (as a spreadsheet's \"Unicode Text\" or Windows PowerShell's > saves it), and chrono reads UTF-8: save it as UTF-8 (in a spreadsheet, as CSV UTF-8), or convert it with iconv -f UTF-16 -t UTF-8"},
		{"options-listed", "chrono: source edit wapo needs the fields to change, as flags: --publisher, --byline, --title, --url, --archive or --published"},
		{"unclosed-quote", "chrono: the title starts with \" and nothing ends it, so it reads as the rest of this line of the message"},
		{"wider-than-a-line", "chrono: " + Keep(strings.Repeat("word ", 20)+"end") + " done"},
	}
	var b strings.Builder
	for _, tt := range tests {
		b.WriteString("-- " + tt.name + "\n")
		for _, l := range Message(tt.text, 80, utf8.RuneCountInString, hardCut) {
			if n := utf8.RuneCountInString(l); n > 80 {
				t.Errorf("%s: a line of %d columns: %q", tt.name, n, l)
			}
			if strings.Contains(l, nbsp) {
				t.Errorf("%s: a no-break space written: %q", tt.name, l)
			}
			b.WriteString(l + "|\n")
		}
	}
	golden.RequireEqual(t, b.String())
}

// TestLinesLeavesQuotes: prose (a title, a summary) breaks inside its
// quotations as anywhere else; only messages keep them whole.
func TestLinesLeavesQuotes(t *testing.T) {
	got := Lines(`the minister said "we never met them" on air`, 30, utf8.RuneCountInString, hardCut)
	want := []string{`the minister said "we never`, `met them" on air`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// hardCut cuts a word into lines of n runes.
func hardCut(w string, n int) string {
	var b strings.Builder
	for i, r := range []rune(w) {
		if i > 0 && i%n == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}
