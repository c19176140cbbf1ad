package formats

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestUTF16Refused: a file saved as UTF-16 (Excel's "Unicode Text",
// Windows PowerShell's redirection) is refused as UTF-16, saying how to
// save it as UTF-8, whether its format is recognised or named; it is not
// called a format chrono does not read, nor read as one with a header of
// NULs.
func TestUTF16Refused(t *testing.T) {
	csv := "id,date,title\na,2017,t\n"
	tests := []struct {
		name string
		doc  string
	}{
		{"UTF-16LE with a byte order mark", "\xff\xfe" + utf16le(csv)},
		{"UTF-16BE with a byte order mark", "\xfe\xff" + utf16be(csv)},
		{"UTF-16LE without one", utf16le(`{"chrono": 1, "events": []}`)},
		{"UTF-16BE without one", utf16be(csv)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := Detect(strings.NewReader(tt.doc)); !errors.Is(err, ErrUTF16) {
				t.Errorf("Detect: %v, want ErrUTF16", err)
			}
			if _, err := RefuseUTF16(strings.NewReader(tt.doc)); !errors.Is(err, ErrUTF16) {
				t.Errorf("RefuseUTF16: %v, want ErrUTF16", err)
			}
		})
	}
	for _, doc := range []string{csv, "\ufeff" + csv, "é,x\n", ""} {
		r, err := RefuseUTF16(strings.NewReader(doc))
		if err != nil {
			t.Errorf("RefuseUTF16(%q): %v", doc, err)
			continue
		}
		if b, err := io.ReadAll(r); err != nil || string(b) != doc {
			t.Errorf("RefuseUTF16(%q) reads %q, %v", doc, b, err)
		}
	}
}

func utf16le(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) { // ASCII
		b.WriteByte(c)
		b.WriteByte(0)
	}
	return b.String()
}

func utf16be(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		b.WriteByte(0)
		b.WriteByte(c)
	}
	return b.String()
}
