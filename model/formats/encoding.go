package formats

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"chrono/model"
)

// ErrUTF16 is a file in UTF-16, which Excel saves as "Unicode Text" and
// Windows PowerShell writes when output is redirected. Every format
// chrono reads is UTF-8; read as UTF-8, such a file would be called a
// format chrono does not read, or a sheet whose header is missing its
// columns, and neither says what to do.
var ErrUTF16 = errors.New("the file is UTF-16 (as a spreadsheet's \"Unicode Text\" or Windows PowerShell's > saves it), and chrono reads UTF-8: save it as UTF-8 (in a spreadsheet, as CSV UTF-8), or convert it with iconv -f UTF-16 -t UTF-8")

// utf16Sniff is how many bytes RefuseUTF16 looks at.
const utf16Sniff = 4

// RefuseUTF16 returns a reader of all r holds, or ErrUTF16 when its first
// bytes are those of UTF-16 text.
func RefuseUTF16(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(utf16Sniff)
	if err != nil && err != io.EOF {
		return br, err
	}
	if isUTF16(head) {
		return br, ErrUTF16
	}
	return br, nil
}

// isUTF16 reports whether head begins as UTF-16 text: with its byte order
// mark, or, without one, as text in ASCII with a NUL before or after
// every character, which no UTF-8 file chrono reads has.
func isUTF16(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	if len(head) < utf16Sniff {
		return false
	}
	le := head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0
	be := head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0
	return le || be
}

// ErrEmpty is what Detect says of a file with nothing in it (or only
// white space): no format can be told from it. A file of JSON Lines
// with no records is one, as an export of no events writes it.
var ErrEmpty = errors.New("the file is empty")

// notUTF8 is the error of a head no format recognised that is not UTF-8
// text, nil when it is: every format chrono reads is UTF-8, and "not a
// format chrono reads ... say which with --format" sent a file in
// Latin-1, or one that is not text, to a --format that would only fail
// at its first byte. A character cut at the end of a head that is not
// the whole file (full) is not held against it.
func notUTF8(head []byte, full bool) error {
	at := model.NotUTF8At(string(head))
	if at == len(head) || (full && !utf8.FullRune(head[at:])) {
		return nil
	}
	return fmt.Errorf("not UTF-8 text (the byte 0x%02x at %d): chrono reads text as UTF-8; convert it first (iconv -f CHARSET -t UTF-8, CHARSET being the one it was saved in: LATIN1, WINDOWS-1252, …)", head[at], at)
}
