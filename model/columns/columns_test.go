package columns

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestLay: rows wider than the width have their shrinking columns
// shortened, the widest first, with an ellipsis never inside a
// character, and the other columns whole; a width of 0 keeps them all
// whole; narrower than any shortening helps, lines are cut at the width.
func TestLay(t *testing.T) {
	idTitle := []Column{{}, {Shrinks: true}, {Shrinks: true}}
	tests := []struct {
		name  string
		rows  [][]string
		cols  []Column
		width int
		want  []string
	}{
		{"fits", [][]string{{"a", "Title", "x"}, {"bb", "T", ""}}, idTitle, 80,
			[]string{"a   Title  x", "bb  T"}},
		{"to a pipe", [][]string{{"id", strings.Repeat("t", 100), "u"}}, idTitle, 0,
			[]string{"id  " + strings.Repeat("t", 100) + "  u"}},
		{"widest gives way", [][]string{{"long-event-id", "A title that runs on and on", "Pub"}}, idTitle, 30,
			[]string{"long-event-id  A title t…  Pub"}},
		{"two share", [][]string{{"id", "0123456789abcdef", "0123456789abcdef"}}, idTitle, 24,
			[]string{"id  01234567…  01234567…"}},
		{"wide runes", [][]string{{"id", "調査報道の記者が語る", "x"}}, idTitle, 15,
			[]string{"id  調査報…   x"}},
		{"combining marks", [][]string{{"id", "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301", "x"}}, idTitle, 13,
			[]string{"id  e\u0301e\u0301e\u0301e\u0301e\u0301…  x"}},
		{"tail kept", [][]string{{"id", "(deleted by someone@a-long-host-name)"}}, []Column{{}, {Shrinks: true, Tail: ")"}}, 24,
			[]string{"id  (deleted by someon…)"}},
		{"least kept", [][]string{{"id", "A title that runs on and on and on", "(deleted by someone)"}}, []Column{{}, {Shrinks: true, Least: 24}, {Shrinks: true, Tail: ")"}}, 40,
			[]string{"id  A title that runs on an…  (deleted…)"}},
		{"dropped", [][]string{{"id", "A title that runs on and on and on", "(deleted by someone)"}}, []Column{{}, {Shrinks: true, Least: 24}, {Shrinks: true, Least: 16, Drops: true}}, 40,
			[]string{"id  A title that runs on and on and on"}},
		{"kept when it can be", [][]string{{"id", "A title that runs on and on and on", "(deleted by someone)"}}, []Column{{}, {Shrinks: true, Least: 24}, {Shrinks: true, Least: 16, Drops: true}}, 50,
			[]string{"id  A title that runs on an…  (deleted by someone)"}},
		{"too narrow", [][]string{{"an-id-that-is-long", "Title of it", "x"}}, idTitle, 20,
			[]string{"an-id-that-is-long …"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lay(tt.rows, tt.cols, tt.width)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, l := range got {
				if tt.width > 0 && ansi.StringWidth(l) > tt.width {
					t.Errorf("a line of %d columns: %q", ansi.StringWidth(l), l)
				}
				if !utf8.ValidString(l) {
					t.Errorf("a character cut: %q", l)
				}
			}
		})
	}
}
