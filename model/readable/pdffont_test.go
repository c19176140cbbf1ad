package readable

import "testing"

// TestToUnicode: a composite font's two-byte codes are read through its
// ToUnicode map, single entries and ranges, a range's array too.
func TestToUnicode(t *testing.T) {
	cmap := []byte(`/CIDInit /ProcSet findresource begin
12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<0011> <201C>
endbfchar
2 beginbfrange
<0024> <0026> <0062>
<0030> <0031> [<0063> <00660069>]
endbfrange
endcmap`)
	f := &font{width: 2, toUnicode: parseCMap(cmap)}
	got := f.decode([]byte{0x00, 0x11, 0x00, 0x24, 0x00, 0x25, 0x00, 0x26, 0x00, 0x03, 0x00, 0x30, 0x00, 0x31, 0x00, 0x99})
	if want := "“bcd cfi"; got != want {
		t.Errorf("decoded %q, want %q", got, want)
	}
}

// TestShowTextLayout: lines break where the text moves down, TJ's wide
// gaps become spaces, and an inline image's bytes are skipped.
func TestShowTextLayout(t *testing.T) {
	content := []byte(`BT /F1 12 Tf 1 0 0 1 72 700 Tm [(bags)-250(of)] TJ 1 0 0 1 72 686 Tm (cash) Tj 0 -14 Td (next) ' ET
BI /W 2 /H 2 /BPC 8 ID ` + "\x00(EI)\xff" + ` EI
BT (after) Tj ET`)
	if got, want := showText(content, nil), "bags of\ncash\nnext\nafter\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
