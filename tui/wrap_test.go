package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapAtSpacesOnly: the panes break text at spaces only, so that an
// event id or a hyphenated word shows whole; a word is cut only where it
// alone is wider than the line.
func TestWrapAtSpacesOnly(t *testing.T) {
	st := NewStyles(true)
	for _, tc := range []struct {
		name string
		text string
		w    int
		want []string
	}{
		{"an id in a problem", `↯ a cycle of order, each before the next: "vote" before "board-meets" before "vote"`, 64,
			[]string{`↯ a cycle of order, each before the next: "vote" before`, `"board-meets" before "vote"`}},
		{"a hyphenated word", "a surveillance company, NSO co-founder Omri Lavie", 30,
			[]string{"a surveillance company, NSO", "co-founder Omri Lavie"}},
		{"a word wider than the line", "see nso-group-technologies-limited now", 10,
			[]string{"see", "nso-group-", "technologi", "es-limited", "now"}},
		{"own breaks, indent and inner spaces kept", "  two  spaces\nand a break", 20,
			[]string{"  two  spaces", "and a break"}},
		{"trailing spaces as far as they fit", "ab   ", 4, []string{"ab  "}},
		{"wide characters", "日本語の-文書 です", 8, []string{"日本語の", "-文書", "です"}},
		{"a tab as spaces", "a\tb-c d", 8, []string{"a    b-c", "d"}},
		{"empty", "", 10, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := st.wrap(tc.text, tc.w)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("wrap(%q, %d):\n got %q\nwant %q", tc.text, tc.w, got, tc.want)
			}
			for _, l := range got {
				if n := st.width(l); n > tc.w {
					t.Errorf("line %q takes %d cells, more than %d", l, n, tc.w)
				}
			}
		})
	}
}

// TestWrapWordsStyled: styled text wraps as its plain text does, each
// style and each hyperlink whole on its line, none wider than the line.
func TestWrapWordsStyled(t *testing.T) {
	st := NewStyles(true)
	link := hyperlink("https://example.org/board-meets", st.URL.Render("board-meets"))
	for _, tc := range []struct {
		name string
		text string
		w    int
		want []string
	}{
		{"a styled id", st.Error.Render("vote") + " before " + st.Error.Render("board-meets") + " before", 16,
			[]string{"vote before", "board-meets", "before"}},
		{"a link", "follows " + link + " then", 12, []string{"follows", "board-meets", "then"}},
		{"a link beside words", "a " + link + " b", 14, []string{"a board-meets", "b"}},
		{"a styled word too wide", st.Match.Render("board-meets-again"), 8, []string{"board-me", "ets-agai", "n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := st.wrapWords(tc.text, tc.w)
			var plain []string
			for _, l := range got {
				plain = append(plain, ansi.Strip(l))
				if n := st.width(l); n > tc.w {
					t.Errorf("line %q takes %d cells, more than %d", l, n, tc.w)
				}
				if opens, closes := strings.Count(l, "\x1b]8;id="), strings.Count(l, "\x1b]8;;\x1b\\"); opens != closes {
					t.Errorf("line %q opens %d links and closes %d", l, opens, closes)
				}
				if strings.Contains(l, "board-meets") && strings.Contains(tc.text, link) && !strings.Contains(l, link) {
					t.Errorf("line %q does not hold the link whole", l)
				}
			}
			if !reflect.DeepEqual(plain, tc.want) {
				t.Errorf("wrapWords(%q, %d):\n got %q\nwant %q", tc.text, tc.w, plain, tc.want)
			}
		})
	}
}
