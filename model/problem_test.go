package model

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// TestProblemError checks the text of a problem for each place a reader
// may know, in the forms the golden files and the command line rely on.
func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Msg: "empty"}, "empty"},
		{Problem{File: "f.json", Msg: "empty"}, "f.json: empty"},
		{Problem{Line: 3, Column: 14, Msg: "invalid JSON"}, "3:14: invalid JSON"},
		{Problem{File: "f.json", Line: 3, Column: 14, Msg: "invalid JSON"}, "f.json:3:14: invalid JSON"},
		{Problem{File: "f.csv", Line: 4, Msg: "bad row"}, "f.csv:4: bad row"},
		{Problem{File: "f.json", Byte: 1234, Msg: "too long"}, "f.json:byte 1234: too long"},
		{Problem{Byte: 1234, Msg: "too long"}, "byte 1234: too long"},
		{Problem{Part: EventPart, ID: "x", N: 2, Msg: "title: missing"}, `event "x" (#2): title: missing`},
		{Problem{File: "f.json", Part: EventPart, ID: "x", N: 2, Msg: "title: missing"}, `f.json: event "x" (#2): title: missing`},
		{Problem{Part: EventPart, N: 2, Msg: "title: missing"}, `event #2: title: missing`},
		{Problem{Part: SourcePart, ID: "wapo", N: 1, Msg: "id: missing"}, `source "wapo" (#1): id: missing`},
		{Problem{Part: SourcePart, ID: "wapo", Msg: "gone"}, `source "wapo": gone`},
		{Problem{Part: HeaderPart, Msg: "title: too long"}, "the investigation: title: too long"},
		{Problem{Part: "title slide", Line: 1, Column: 20, Msg: "no text"}, "1:20: title slide: no text"},
		{Problem{File: "f.csv", Line: 4, Part: EventPart, ID: "bad", N: 2, Msg: `date "2017-13": month 13 out of range`}, `f.csv:4: event "bad" (#2): date "2017-13": month 13 out of range`},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestEventPlace(t *testing.T) {
	if got, want := EventPlace("x", 2), `event "x" (#2)`; got != want {
		t.Errorf("EventPlace = %q, want %q", got, want)
	}
	if got, want := EventPlace("", 3), "event #3"; got != want {
		t.Errorf("EventPlace = %q, want %q", got, want)
	}
}

// TestInFile checks that InFile names the file in each problem, without
// changing the problems it was given, and prefixes other errors.
func TestInFile(t *testing.T) {
	ps := &Problems{}
	ps.Add(Problem{Line: 3, Msg: "one"})
	ps.Add(Problem{Part: EventPart, ID: "x", N: 1, Msg: "two"})
	ps.More = 2
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a problem", Problem{Line: 3, Column: 1, Msg: "bad"}, "f.json:3:1: bad"},
		{"problems", ps, "f.json:3: one\nf.json: event \"x\" (#1): two\n… and 2 more problems"},
		{"another error", io.ErrUnexpectedEOF, "f.json: unexpected EOF"},
	}
	for _, tt := range tests {
		if got := InFile("f.json", tt.err).Error(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if err := InFile("f.json", nil); err != nil {
		t.Errorf("InFile(nil) = %v", err)
	}
	if ps.List[0].File != "" {
		t.Errorf("InFile changed the problems it was given: %+v", ps.List[0])
	}
	var in *Problems
	if err := InFile("f.json", ps); !errors.As(err, &in) || in.Len() != 4 || in.List[1].File != "f.json" {
		t.Errorf("problems in the file: %+v", in)
	}
	var p Problem
	if err := InFile("f.json", Problem{Line: 2, Msg: "bad"}); !errors.As(err, &p) || p.File != "f.json" || p.Line != 2 {
		t.Errorf("the problem in the file: %+v", p)
	}
	if err := InFile("f.json", io.ErrUnexpectedEOF); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("%v does not wrap the error it was given", err)
	}
}

// TestProblemCause checks that errors.Is and errors.As find a problem's
// cause, and the problem itself, however it is carried: alone, among
// Problems, in a file, wrapped.
func TestProblemCause(t *testing.T) {
	tooLarge := Problem{Line: 3, Msg: RowTooLarge, Err: ErrRecordTooLarge}
	plain := Problem{Part: EventPart, ID: "x", N: 1, Msg: "title: missing"}
	var both Problems
	both.Add(plain)
	both.Add(tooLarge)
	var onlyPlain Problems
	onlyPlain.Add(plain)
	tests := []struct {
		name     string
		err      error
		tooLarge bool // errors.Is(err, ErrRecordTooLarge)
		first    Problem
	}{
		{"the problem", tooLarge, true, tooLarge},
		{"a problem without a cause", plain, false, plain},
		{"among problems", &both, true, plain},
		{"not among problems", &onlyPlain, false, plain},
		{"in a file", InFile("f.csv", &both), true, Problem{File: "f.csv", Part: EventPart, ID: "x", N: 1, Msg: "title: missing"}},
		{"wrapped", fmt.Errorf("import: %w", tooLarge), true, tooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, ErrRecordTooLarge); got != tt.tooLarge {
				t.Errorf("errors.Is(%v, ErrRecordTooLarge) = %v", tt.err, got)
			}
			var p Problem
			if !errors.As(tt.err, &p) || p != tt.first {
				t.Errorf("errors.As found %+v, want %+v", p, tt.first)
			}
		})
	}
}

// TestProblemErrText checks that a problem without a message says what
// its cause says.
func TestProblemErrText(t *testing.T) {
	p := Problem{File: "f.csv", Line: 9, Err: ErrRecordTooLarge}
	if got, want := p.Error(), "f.csv:9: "+ErrRecordTooLarge.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if errors.Unwrap(p) != ErrRecordTooLarge {
		t.Errorf("Unwrap = %v", errors.Unwrap(p))
	}
}
