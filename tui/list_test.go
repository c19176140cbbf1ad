package tui

import "testing"

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
