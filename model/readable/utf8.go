package readable

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// utf8Reader passes a plain text through, failing, with the file's name
// and the byte offset, at the first byte that is not UTF-8 or past the
// size limit. It holds back at most the three bytes of a character cut
// by a read, so lines of any length stream through.
type utf8Reader struct {
	name  string
	r     io.Reader
	limit int64
	off   int64  // bytes passed on
	carry []byte // the start of a character cut by the last read
	err   error
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	if len(p) <= utf8.UTFMax {
		return 0, fmt.Errorf("%s: read in pieces of %d bytes; at least %d are needed", u.name, len(p), utf8.UTFMax+1)
	}
	n := copy(p, u.carry)
	m, err := u.r.Read(p[n:])
	n += m
	u.carry = u.carry[:0]
	end := n
	if err == nil {
		// Hold back an incomplete last character for the next read.
		for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
			if utf8.RuneStart(p[i]) {
				if !utf8.FullRune(p[i:n]) {
					end = i
				}
				break
			}
		}
		u.carry = append(u.carry, p[end:n]...)
	}
	if i := invalidAt(p[:end]); i >= 0 {
		u.err = fmt.Errorf("%s: not UTF-8 at byte %d; convert it to UTF-8 first (iconv -f CHARSET -t UTF-8, CHARSET being the one it was saved in: LATIN1, WINDOWS-1252, …)", u.name, u.off+int64(i))
		return 0, u.err
	}
	if err == io.EOF && len(u.carry) > 0 {
		u.err = fmt.Errorf("%s: not UTF-8 at byte %d (a character cut short at the end)", u.name, u.off+int64(end))
		return 0, u.err
	}
	u.off += int64(end)
	if u.limit > 0 && u.off > u.limit {
		u.err = fmt.Errorf("%s: larger than %s, the most chrono keeps of one snapshot", u.name, sizeText(u.limit))
		return 0, u.err
	}
	if err != nil {
		u.err = err
	}
	return end, err
}

// invalidAt returns the offset of the first byte of b that is not UTF-8,
// or -1.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
