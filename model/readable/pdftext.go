package readable

import (
	"bytes"
	"strconv"
	"strings"
)

// showText reads a content stream's text operators and returns the text
// they show: a new line where the text moves to another line, a space
// where a TJ array moves right by more than a narrow space.
func showText(content []byte, fonts map[string]*font) string {
	var out strings.Builder
	var cur *font
	var ops []token
	lastY, haveY := 0.0, false
	newline := func() {
		if out.Len() > 0 && !strings.HasSuffix(out.String(), "\n") {
			out.WriteByte('\n')
		}
	}
	space := func() {
		s := out.String()
		if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			out.WriteByte(' ')
		}
	}
	show := func(t token) {
		if t.kind == tokString {
			out.WriteString(cur.decode(t.b))
		}
	}
	lx := lexer{b: content}
	for {
		t, ok := lx.next()
		if !ok {
			break
		}
		if t.kind != tokOp {
			ops = append(ops, t)
			continue
		}
		arg := func(i int) token {
			if i < len(ops) {
				return ops[i]
			}
			return token{}
		}
		switch t.s {
		case "BT":
			haveY = false
		case "ET":
			newline()
		case "Tf":
			if a := arg(0); a.kind == tokName {
				cur = fonts[a.s]
			}
		case "Tj":
			show(arg(0))
		case "'":
			newline()
			show(arg(0))
		case "\"":
			newline()
			show(arg(2))
		case "TJ":
			if a := arg(0); a.kind == tokArray {
				for _, it := range a.items {
					if it.kind == tokNumber && it.n < -180 {
						space()
					}
					show(it)
				}
			}
		case "T*":
			newline()
		case "Td", "TD":
			if y := arg(1); y.kind == tokNumber && y.n != 0 {
				newline()
			} else if x := arg(0); x.kind == tokNumber && x.n > 0 {
				space()
			}
		case "Tm":
			if y := arg(5); y.kind == tokNumber {
				if haveY && y.n != lastY {
					newline()
				}
				lastY, haveY = y.n, true
			}
		}
		ops = ops[:0]
	}
	return out.String()
}

type tokenKind int

const (
	tokNone tokenKind = iota
	tokNumber
	tokName
	tokString
	tokArray
	tokOp
	tokOther
)

type token struct {
	kind  tokenKind
	s     string  // a name's or an operator's
	b     []byte  // a string's bytes
	n     float64 // a number's value
	items []token // an array's
}

// lexer reads the tokens of a content stream or a CMap. It never fails:
// what it does not understand it skips, a byte at a time, so it always
// comes to the end.
type lexer struct {
	b     []byte
	i     int
	depth int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }

func (lx *lexer) next() (token, bool) {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		switch {
		case isSpace(c):
			lx.i++
		case c == '%':
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
		case c == '/':
			lx.i++
			return token{kind: tokName, s: lx.word()}, true
		case c == '(':
			return token{kind: tokString, b: lx.literal()}, true
		case c == '<' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<':
			lx.i += 2
			return token{kind: tokOther}, true
		case c == '>' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '>':
			lx.i += 2
			return token{kind: tokOther}, true
		case c == '<':
			return token{kind: tokString, b: lx.hex()}, true
		case c == '[':
			lx.i++
			return lx.array(), true
		case c == ']' || isDelim(c):
			lx.i++
			return token{kind: tokOther}, true
		default:
			w := lx.word()
			if w == "" {
				lx.i++
				continue
			}
			if n, err := strconv.ParseFloat(w, 64); err == nil {
				return token{kind: tokNumber, n: n}, true
			}
			if w == "ID" {
				lx.skipInlineImage()
			}
			return token{kind: tokOp, s: w}, true
		}
	}
	return token{}, false
}

func (lx *lexer) word() string {
	start := lx.i
	for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
		lx.i++
	}
	return string(lx.b[start:lx.i])
}

// array reads up to the closing bracket; nested arrays are kept to a
// modest depth and beyond it read flat.
func (lx *lexer) array() token {
	t := token{kind: tokArray}
	lx.depth++
	defer func() { lx.depth-- }()
	for lx.i < len(lx.b) {
		for lx.i < len(lx.b) && isSpace(lx.b[lx.i]) {
			lx.i++
		}
		if lx.i < len(lx.b) && lx.b[lx.i] == ']' {
			lx.i++
			return t
		}
		if lx.depth > 32 && lx.i < len(lx.b) && lx.b[lx.i] == '[' {
			lx.i++
			continue
		}
		it, ok := lx.next()
		if !ok {
			break
		}
		if it.kind == tokOp {
			return t // an unclosed array: the operator is lost, the rest goes on
		}
		t.items = append(t.items, it)
	}
	return t
}

// literal reads a (string), with its escapes and balanced parentheses.
func (lx *lexer) literal() []byte {
	lx.i++ // (
	var out []byte
	depth := 1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if lx.i >= len(lx.b) {
				return out
			}
			e := lx.b[lx.i]
			lx.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
					lx.i++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.i < len(lx.b) && lx.b[lx.i] >= '0' && lx.b[lx.i] <= '7'; k++ {
						v = v*8 + int(lx.b[lx.i]-'0')
						lx.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hex reads a <hex string>.
func (lx *lexer) hex() []byte {
	lx.i++ // <
	var digits []byte
	for lx.i < len(lx.b) && lx.b[lx.i] != '>' {
		if c := lx.b[lx.i]; strings.IndexByte("0123456789abcdefABCDEF", c) >= 0 {
			digits = append(digits, c)
		}
		lx.i++
	}
	lx.i++ // >
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, _ := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		out[i] = byte(v)
	}
	return out
}

// skipInlineImage skips an inline image's data, up to its EI.
func (lx *lexer) skipInlineImage() {
	if j := bytes.Index(lx.b[lx.i:], []byte("EI")); j >= 0 {
		for k := lx.i + j; k >= 0 && k+2 <= len(lx.b); {
			if (k == 0 || isSpace(lx.b[k-1])) && (k+2 == len(lx.b) || isSpace(lx.b[k+2])) {
				lx.i = k + 2
				return
			}
			n := bytes.Index(lx.b[k+2:], []byte("EI"))
			if n < 0 {
				break
			}
			k += 2 + n
		}
	}
	lx.i = len(lx.b)
}
