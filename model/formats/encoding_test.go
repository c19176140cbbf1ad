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

// TestDetectSaysWhereTextIsNotUTF8: what no format recognises and is not
// UTF-8 is said to be so, at its first such byte, with how to convert it;
// "not a format chrono reads ... say which with --format" sent it to a
// --format that fails at that byte. A character cut where detection stops
// looking is not counted against a file.
func TestDetectSaysWhereTextIsNotUTF8(t *testing.T) {
	cut := strings.Repeat("x", sniffSize-1) + "é" // its second byte unseen
	for _, tt := range []struct {
		name, doc, want string
	}{
		{"a byte", "\xff", "not UTF-8 text (the byte 0xff at 0)"},
		{"latin-1", "caf\xe9 au lait", "not UTF-8 text (the byte 0xe9 at 3)"},
		{"cut by the sniff", cut, "not a format chrono reads ("},
		{"cut at the end", "caf\xc3", "not UTF-8 text (the byte 0xc3 at 3)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Detect(strings.NewReader(tt.doc))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Detect: %v, want %q…", err, tt.want)
			}
		})
	}
}
