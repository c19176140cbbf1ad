package model

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestCRLFCells: only the CR LF line breaks inside quoted cells are
// counted, whatever the chunks the file comes in; the rows' own CR LF
// ends and an escaped quote are not.
func TestCRLFCells(t *testing.T) {
	for _, tc := range []struct {
		csv  string
		want int
	}{
		{"a,b\r\n1,2\r\n", 0},
		{"a,b\r\n1,\"two\r\nlines\"\r\n", 1},
		{"a,b\r\n\"say \"\"hi\"\"\r\nthere\",\"x\r\ny\r\nz\"\r\n", 3},
		{"a,b\n1,\"two\nlines\"\n", 0},
		{"a,b\r\n\"\"\r\n", 0},
	} {
		for _, r := range []io.Reader{strings.NewReader(tc.csv), iotest.OneByteReader(strings.NewReader(tc.csv))} {
			c := &CRLFCells{R: r}
			if _, err := io.ReadAll(c); err != nil {
				t.Fatal(err)
			}
			if c.N != tc.want {
				t.Errorf("%q: counted %d, want %d", tc.csv, c.N, tc.want)
			}
		}
	}
}
