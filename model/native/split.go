package native

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// splitter finds the values of a document's "events" array, from just
// after its '[' to its ']', without checking their JSON: it follows
// strings and brackets only. A decoder that checks every byte as it
// splits took a third of the reading goroutine, which paces an import;
// the workers that decode the values check them instead (batch.decode),
// on every core. What the splitter meets that is not a value where one
// belongs, or a value it cannot close, it has jsontext say, so that the
// error is the one a checking decoder gives, at its place.
type splitter struct {
	r   io.Reader
	buf []byte
	i   int   // the next byte to look at
	at  int64 // the input offset of buf[0]
	err error // what the last read returned, said once buf is used up
	// after is what came last: the '[', a value or a comma; comma is the
	// input offset of the last comma.
	after byte
	comma int64
	open  []byte // the brackets open in the value being scanned
	// checkAt is the length past which the value being scanned, still
	// open, is checked by jsontext (and then twice that): a quote too
	// many or too few turns a value inside out, and the splitter would
	// read on to the record limit for a fault in its first line.
	checkAt int
}

// splitRead is the most the splitter reads at once. The bytes it has
// read but not split are then fewer than the positionReader remembers,
// so that the place of each value's start can still be worked out (but
// for the bytes the decoder had read ahead before the array, which may
// be more after a long member).
const splitRead = 128 << 10

// maxSplitDepth is how deep an event's value may nest: jsontext's limit
// of 10,000, less the document's object and its events array, whose
// error a deeper value gets.
const maxSplitDepth = 10000 - 2

// newSplitter returns a splitter reading buffered, which begins at input
// offset at, and then r.
func newSplitter(r io.Reader, buffered []byte, at int64) *splitter {
	buf := make([]byte, len(buffered), max(len(buffered), splitRead))
	copy(buf, buffered)
	return &splitter{r: r, buf: buf, at: at, after: '['}
}

// fill reads more input, keeping buf from keep on (the start of the
// value being scanned, or i). It returns how far the kept bytes moved
// towards the front: the caller's indices into buf move by as much.
// Once nothing more can come, it returns the read's error.
func (s *splitter) fill(keep int) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	moved := 0
	if keep > 0 && cap(s.buf)-len(s.buf) < splitRead {
		n := copy(s.buf, s.buf[keep:])
		s.buf = s.buf[:n]
		s.at += int64(keep)
		s.i -= keep
		moved = keep
	}
	if cap(s.buf)-len(s.buf) < splitRead/2 {
		s.buf = slices.Grow(s.buf, cap(s.buf))
	}
	free := s.buf[len(s.buf):min(cap(s.buf), len(s.buf)+splitRead)]
	n, err := s.r.Read(free)
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		if err != io.EOF {
			// Said as a decoder says it, where the input stopped.
			err = &jsontext.SyntacticError{ByteOffset: s.at + int64(len(s.buf)), Err: fmt.Errorf("read error: %w", err)}
		}
		s.err = err
		if n == 0 {
			return moved, err
		}
	}
	return moved, nil
}

// between returns the input from offset from to offset to, when the
// splitter still holds it.
func (s *splitter) between(from, to int64) ([]byte, bool) {
	if from < s.at || to < from || to > s.at+int64(len(s.buf)) {
		return nil, false
	}
	return s.buf[from-s.at : to-s.at], true
}

// next returns the next value of the array, and calls begin with its
// input offset before reading it; ok is false once the array has ended
// (rest is then what follows it). Errors are jsontext's, placed by input
// offset, or the read's.
func (s *splitter) next(begin func(offset int64)) (v []byte, ok bool, err error) {
	for {
		c, err := s.peek()
		if err != nil {
			return nil, false, s.cut(err)
		}
		switch {
		case c == ']' && s.after != ',':
			s.i++
			return nil, false, nil
		case c == ',' && s.after == 'v':
			s.comma = s.at + int64(s.i)
			s.i++
			s.after = ','
			continue
		case s.after == 'v' || c == ',' || c == ']' || c == '}' || c == ':':
			return nil, false, s.misplaced()
		}
		break
	}
	start := s.i
	begin(s.at + int64(start))
	s.checkAt = splitRead
	end, err := s.value(&start)
	if err != nil {
		return nil, false, err
	}
	s.after = 'v'
	return s.buf[start:end], true, nil
}

// peek returns the next byte that is not JSON's whitespace, reading as
// it needs to.
func (s *splitter) peek() (byte, error) {
	for {
		for s.i < len(s.buf) {
			switch c := s.buf[s.i]; c {
			case ' ', '\t', '\n', '\r':
				s.i++
			default:
				return c, nil
			}
		}
		if _, err := s.fill(s.i); err != nil {
			return 0, err
		}
	}
}

// value scans the value that begins at *start (which moves with the
// buffer) and returns where it ends.
func (s *splitter) value(start *int) (int, error) {
	switch s.buf[s.i] {
	case '{', '[', '"':
	default:
		return s.scalar(start)
	}
	s.open = s.open[:0]
	for {
		for s.i < len(s.buf) {
			c := s.buf[s.i]
			switch {
			case c == '"':
				if err := s.str(start); err != nil {
					return 0, err
				}
			case c == '{' || c == '[':
				if len(s.open) == maxSplitDepth {
					return 0, s.broken(*start, nil)
				}
				s.open = append(s.open, c)
				s.i++
			case c == '}' || c == ']':
				if len(s.open) == 0 || s.open[len(s.open)-1] != c-2 { // '{'+2 is '}', '['+2 is ']'
					return 0, s.broken(*start, nil)
				}
				s.open = s.open[:len(s.open)-1]
				s.i++
			default:
				s.i = skipToMark(s.buf, s.i+1)
				continue
			}
			if len(s.open) == 0 {
				return s.i, nil
			}
		}
		if err := s.more(start); err != nil {
			return 0, err
		}
	}
}

// more reads on in a value that begins at *start, which moves with the
// buffer; at the end of the input, the value is broken.
func (s *splitter) more(start *int) error {
	if open := len(s.buf) - *start; open >= s.checkAt {
		s.checkAt = 2 * open
		if _, err := s.judge(s.buf[*start:], s.at+int64(*start)); isFault(err) {
			return err
		}
	}
	moved, err := s.fill(*start)
	*start -= moved
	if err != nil {
		return s.broken(*start, err)
	}
	return nil
}

// scalar scans the number or literal that begins at *start (which moves
// with the buffer): it ends where a token could not go on.
func (s *splitter) scalar(start *int) (int, error) {
	for {
		for s.i < len(s.buf) && !strings.ContainsRune(" \t\r\n,]}[{\":", rune(s.buf[s.i])) {
			s.i++
		}
		if s.i < len(s.buf) || s.err != nil {
			break
		}
		if open := s.i - *start; open >= s.checkAt {
			// A number that runs on may have ended long ago ("0" and
			// then digits), or be no number at all.
			s.checkAt = 2 * open
			if n, err := s.judge(s.buf[*start:s.i], s.at+int64(*start)); n > 0 && n < open || isFault(err) {
				if err != nil {
					return 0, err
				}
				s.i = *start + n
				return s.i, nil
			}
		}
		moved, err := s.fill(*start)
		*start -= moved
		if err != nil && err != io.EOF {
			return 0, err
		}
	}
	// Rare enough to have jsontext read it, up to the byte after it:
	// "tru]" is a literal cut short, "12x" the number 12 and then a
	// fault.
	n, err := s.judge(s.buf[*start:min(s.i+1, len(s.buf))], s.at+int64(*start))
	if err != nil {
		return 0, err
	}
	s.i = *start + n
	return s.i, nil
}

// skipToMark returns the index of the first quote or bracket in b from
// i on, or len(b): the bytes between strings and brackets (indentation,
// numbers, separators) are most of what the splitter steps over, and it
// looks at them eight at a time.
func skipToMark(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// '[' and ']' are '{' and '}' with bit 5 clear: or-ed with it,
		// every bracket is one of two bytes.
		braces := w | 0x2020202020202020
		found := hasZero(braces^(ones*'{')) | hasZero(braces^(ones*'}')) | hasZero(w^(ones*'"'))
		if found != 0 {
			break
		}
	}
	for i < len(b) && splitClass[b[i]] == 0 {
		i++
	}
	return i
}

// Words of eight bytes: each byte one, and each byte's high bit.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// hasZero is not zero when a byte of v is zero.
func hasZero(v uint64) uint64 { return (v - ones) &^ v & highs }

// splitClass marks the bytes skipToMark stops at.
var splitClass = [256]byte{'"': 1, '{': 1, '}': 1, '[': 1, ']': 1}

// str skips the string whose quote is at s.i, in the value that begins
// at *start.
func (s *splitter) str(start *int) error {
	from := s.i + 1 // where the text begins, then where to look on
	for {
		j := bytes.IndexByte(s.buf[from:], '"')
		if j < 0 {
			// No quote up to the end: read on, and look from there.
			looked := len(s.buf) - s.i
			if err := s.more(start); err != nil {
				return err
			}
			from = s.i + looked
			continue
		}
		q := from + j
		// An escaped quote has an odd run of backslashes before it.
		k := q - 1
		for k > s.i && s.buf[k] == '\\' {
			k--
		}
		if (q-1-k)%2 == 0 {
			s.i = q + 1
			return nil
		}
		from = q + 1
	}
}

// broken returns what a checking decoder says of the value at start,
// which the splitter could not close: its first fault, else the read's
// error that stopped the splitter (err), else the end of the input.
func (s *splitter) broken(start int, err error) error {
	_, fault := s.judge(s.buf[start:], s.at+int64(start))
	if err != nil && err != io.EOF && !isFault(fault) {
		return err // the read failed, or the value is too large
	}
	return cmp.Or(fault, io.ErrUnexpectedEOF)
}

// isFault reports whether err is a fault jsontext found in the bytes it
// was given, not their end.
func isFault(err error) bool {
	var se *jsontext.SyntacticError
	return errors.As(err, &se) && !errors.Is(se.Err, io.ErrUnexpectedEOF)
}

// misplaced returns what a checking decoder says of the byte at s.i,
// which is not a value or a separator where one belongs.
func (s *splitter) misplaced() error {
	_, err := s.judge(s.buf[s.i:min(len(s.buf), s.i+64)], s.at+int64(s.i))
	return cmp.Or(err, io.ErrUnexpectedEOF)
}

// cut is the error of input that ends, or fails, between values.
func (s *splitter) cut(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// judge has jsontext read a value from b, which begins at input offset
// at, standing where the splitter stands (after the '[', a value or a
// comma) as a decoder reading the array value by value would: it
// returns the length of the value read, or the decoder's error placed
// in the input. A value is read only when b holds all of it and what
// follows it; its error may be the end of b, which is then the input's.
func (s *splitter) judge(b []byte, at int64) (int, error) {
	prefix, tokens := `{"events":[`, 3
	switch s.after {
	case 'v':
		prefix, tokens = prefix+"null", 4
	case ',':
		prefix, tokens = prefix+"null,", 4
	}
	dec := jsontext.NewDecoder(io.MultiReader(strings.NewReader(prefix), bytes.NewReader(b)))
	var err error
	for range tokens {
		// What prefix holds is read without fault, unless b's first
		// byte cannot follow it ("null0").
		if _, err = dec.ReadToken(); err != nil {
			break
		}
	}
	var v jsontext.Value
	if err == nil {
		if dec.PeekKind() == ']' {
			return 0, nil // not met: the splitter sees ends itself
		}
		v, err = dec.ReadValue()
	}
	var se *jsontext.SyntacticError
	switch {
	case err == nil:
		return len(v), nil
	case errors.As(err, &se):
		moved := *se
		moved.ByteOffset += at - int64(len(prefix))
		if se.ByteOffset < int64(len(prefix)) {
			moved.ByteOffset = s.comma // the only byte of prefix at fault
		}
		return 0, &moved
	}
	return 0, io.ErrUnexpectedEOF
}

// rest returns the bytes read past the array's end, and their offset.
func (s *splitter) rest() ([]byte, int64) {
	return bytes.Clone(s.buf[s.i:]), s.at + int64(s.i)
}
