package readable

import (
	"strconv"
	"strings"
	"unicode/utf16"

	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// font turns the bytes a text operator shows into text.
type font struct {
	// width is how many bytes a code takes: 1 for simple fonts, 2 for
	// composite (Type0) ones.
	width int
	// toUnicode maps codes to text, from the font's ToUnicode map.
	toUnicode map[uint32]string
	// simple maps single-byte codes, from the font's encoding, where
	// there is no ToUnicode entry.
	simple *[256]rune
}

// decode returns the text of the bytes s shows in f.
func (f *font) decode(s []byte) string {
	if f == nil {
		f = &font{width: 1, simple: &winAnsi}
	}
	var b strings.Builder
	for i := 0; i+f.width <= len(s); i += f.width {
		var code uint32
		for _, c := range s[i : i+f.width] {
			code = code<<8 | uint32(c)
		}
		if t, ok := f.toUnicode[code]; ok {
			b.WriteString(t)
			continue
		}
		if f.simple != nil && code < 256 {
			if r := f.simple[code]; r != 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// pageFonts reads the fonts of a page's resources, by resource name.
func pageFonts(ctx *pdfmodel.Context, res types.Dict) map[string]*font {
	fonts := map[string]*font{}
	if res == nil {
		return fonts
	}
	fd, err := ctx.DereferenceDict(res["Font"])
	if err != nil || fd == nil {
		return fonts
	}
	for name, o := range fd {
		d, err := ctx.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		fonts[name] = readFont(ctx, d)
	}
	return fonts
}

func readFont(ctx *pdfmodel.Context, d types.Dict) *font {
	f := &font{width: 1}
	if st := d.NameEntry("Subtype"); st != nil && *st == "Type0" {
		f.width = 2
	}
	if o, ok := d.Find("ToUnicode"); ok {
		if sd, _, err := ctx.DereferenceStreamDict(o); err == nil && sd != nil && sd.Decode() == nil {
			f.toUnicode = parseCMap(sd.Content)
		}
	}
	if f.width == 1 {
		f.simple = simpleEncoding(ctx, d)
	}
	return f
}

// simpleEncoding is a simple font's encoding: WinAnsi unless it names
// MacRoman, with its Differences applied.
func simpleEncoding(ctx *pdfmodel.Context, d types.Dict) *[256]rune {
	enc := winAnsi
	o, ok := d.Find("Encoding")
	if !ok {
		return &enc
	}
	o, err := ctx.Dereference(o)
	if err != nil {
		return &enc
	}
	switch o := o.(type) {
	case types.Name:
		if o == "MacRomanEncoding" {
			enc = macRoman
		}
	case types.Dict:
		if b := o.NameEntry("BaseEncoding"); b != nil && *b == "MacRomanEncoding" {
			enc = macRoman
		}
		if diffs, err := ctx.DereferenceArray(o["Differences"]); err == nil {
			code := 0
			for _, x := range diffs {
				switch x := x.(type) {
				case types.Integer:
					code = int(x)
				case types.Name:
					if code >= 0 && code < 256 {
						if r := glyphRune(string(x)); r != 0 {
							enc[code] = r
						}
					}
					code++
				}
			}
		}
	}
	return &enc
}

// glyphRune is the character of a glyph name: the common ones, uniXXXX,
// and single letters.
func glyphRune(name string) rune {
	if r, ok := glyphs[name]; ok {
		return r
	}
	if strings.HasPrefix(name, "uni") && len(name) == 7 {
		if v, err := strconv.ParseUint(name[3:], 16, 32); err == nil {
			return rune(v)
		}
	}
	if len(name) == 1 {
		return rune(name[0])
	}
	return 0
}

var glyphs = map[string]rune{
	"space": ' ', "quoteright": '’', "quoteleft": '‘', "quotedblleft": '“', "quotedblright": '”', "quotesingle": '\'',
	"quotedbl": '"', "hyphen": '-', "endash": '–', "emdash": '—', "period": '.', "comma": ',', "colon": ':',
	"semicolon": ';', "exclam": '!', "question": '?', "parenleft": '(', "parenright": ')', "ellipsis": '…',
	"fi": 'ﬁ', "fl": 'ﬂ', "zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6',
	"seven": '7', "eight": '8', "nine": '9', "dollar": '$', "percent": '%', "ampersand": '&', "slash": '/',
	"eacute": 'é', "egrave": 'è', "agrave": 'à', "ccedilla": 'ç', "udieresis": 'ü', "odieresis": 'ö', "adieresis": 'ä',
}

// parseCMap reads the bfchar and bfrange entries of a ToUnicode map.
func parseCMap(b []byte) map[uint32]string {
	m := map[uint32]string{}
	lx := lexer{b: b}
	var ops []token
	for {
		t, ok := lx.next()
		if !ok {
			return m
		}
		switch {
		case t.kind == tokOp && t.s == "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].kind == tokString && ops[i+1].kind == tokString {
					m[codeOf(ops[i].b)] = utf16Text(ops[i+1].b)
				}
			}
			ops = ops[:0]
		case t.kind == tokOp && t.s == "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi := codeOf(ops[i].b), codeOf(ops[i+1].b)
				if hi < lo || hi-lo > 0xFFFF {
					continue
				}
				switch dst := ops[i+2]; dst.kind {
				case tokString:
					base := []rune(utf16Text(dst.b))
					if len(base) == 0 {
						continue
					}
					for c := lo; c <= hi; c++ {
						r := append([]rune(nil), base...)
						r[len(r)-1] += rune(c - lo)
						m[c] = string(r)
					}
				case tokArray:
					for j, s := range dst.items {
						if lo+uint32(j) > hi {
							break
						}
						m[lo+uint32(j)] = utf16Text(s.b)
					}
				}
			}
			ops = ops[:0]
		case t.kind == tokOp:
			ops = ops[:0]
		default:
			ops = append(ops, t)
		}
	}
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// utf16Text is a ToUnicode destination, UTF-16BE.
func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// winAnsi and macRoman are the simple encodings, as runes: Latin-1 with
// Windows' and the Mac's own characters in their places.
var winAnsi, macRoman [256]rune

func init() {
	for i := 32; i < 256; i++ {
		winAnsi[i] = rune(i)
		macRoman[i] = rune(i)
	}
	for i, r := range []rune("€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ") {
		winAnsi[0x80+i] = r
	}
	for i, r := range []rune("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ") {
		macRoman[0x80+i] = r
	}
	winAnsi['\n'], winAnsi['\r'], winAnsi['\t'] = '\n', '\n', '\t'
}
