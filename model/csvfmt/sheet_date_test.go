package csvfmt

import (
	"strings"
	"testing"
)

// TestSheetDateAdvice: a date cell as spreadsheets leave one says what to
// write, where EDTF's own error misled ("a year needs four digits", "needs
// the Y prefix" for Excel's serial number).
func TestSheetDateAdvice(t *testing.T) {
	tests := []struct{ cell, says string }{
		{"2017-04-03 00:00:00", "write the day alone, 2017-04-03"},
		{"2017-04-03 14:30:00", "write 2017-04-03T14:30:00"},
		{"42800", "42800 is 2017-03-06 in Excel's count"},
		{"Mar-17", "write 2017-03 (or 1917-03)"},
		{"early 2018", "write the date it means in EDTF (2018"},
	}
	for _, tt := range tests {
		_, msg := parseDate(tt.cell)
		if !strings.Contains(msg, tt.says) {
			t.Errorf("%q: %q, want it to say %q", tt.cell, msg, tt.says)
		}
	}
	for _, cell := range []string{"2017-04-03", "Y42800", "2017"} {
		if _, msg := parseDate(cell); msg != "" {
			t.Errorf("%q: %q, want it read", cell, msg)
		}
	}
	if _, ok := sheetDateAdvice("not a date"); ok {
		t.Error("advice for words without a year")
	}
}
