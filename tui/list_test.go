package tui

import (
	"strings"
	"testing"

	"chrono/model"

	"github.com/charmbracelet/x/ansi"
)

func TestFitChips(t *testing.T) {
	st := NewStyles(true)
	tests := []struct {
		tags []string
		w    int
		want string
	}{
		{nil, 10, ""},
		{[]string{"ss7"}, 0, ""},
		{[]string{"ss7", "cash-offer", "whistleblower"}, 10, "#ss7 +2"},
		{[]string{"ss7", "cash-offer", "whistleblower"}, 40, "#ss7 #cash-offer #whistleblower"},
		{[]string{"ss7", "cash-offer", "whistleblower"}, 19, "#ss7 #cash-offer +1"},
		{[]string{"congress", "whistleblower"}, 10, "#congr… +1"},
		{[]string{"whistleblower"}, 10, "#whistleb…"},
		{[]string{"whistleblower", "x"}, 5, "#whi…"},
	}
	for _, tt := range tests {
		if got := fitChips(&st, tt.tags, tt.w); got != tt.want {
			t.Errorf("fitChips(%q, %d) = %q, want %q", tt.tags, tt.w, got, tt.want)
		}
		if got := st.width(fitChips(&st, tt.tags, tt.w)); got > tt.w {
			t.Errorf("fitChips(%q, %d) is %d cells", tt.tags, tt.w, got)
		}
	}
}

// TestTagsLineUpAfterAWideTitleCut: a title cut before a wide character
// takes a cell less than its room, and the tags after it still start in
// the column the other rows' do; they started a cell to the left.
func TestTagsLineUpAfterAWideTitleCut(t *testing.T) {
	s := exampleStore(t)
	retell(t, s, "fbi-tip", func(e *model.Event) {
		e.Title, e.Tags = "CJK 東京で会議が開かれた調査報道プロジェクト非常に長いタイトルがヘッダー東京で会議が開かれた", []string{"tag"}
	})
	retell(t, s, "khashoggi-killed", func(e *model.Event) {
		e.Title, e.Tags = "Plain ascii title that is long enough to be truncated in the column for sure, yes", []string{"tag"}
	})
	for _, w := range []int{80, 81, 160, 161} {
		d := newDriver(t, s, w, 24)
		d.to("nso-denial") // neither row selected
		cols := map[int]bool{}
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, "CJK") || strings.Contains(l, "Plain ascii") {
				cols[ansi.StringWidth(l[:strings.Index(l, "#tag")])] = true
			}
		}
		if len(cols) != 1 {
			t.Errorf("at %d columns, the tags start in columns %v:\n%s", w, cols, d.screen())
		}
	}
}
