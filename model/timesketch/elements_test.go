package timesketch

import (
	"bytes"
	"testing"
)

// TestQuoteAfterFindsTheFirstQuote: the first quote past i, wherever it
// is in a word or past the words looked at, next to any other byte (a
// byte one above a quote borrows from its neighbour in the word's sum).
func TestQuoteAfterFindsTheFirstQuote(t *testing.T) {
	for n := 1; n <= 40; n++ {
		for at := 1; at <= n; at++ {
			for _, fill := range []byte{'a', '"' + 1, '"' - 1, 0, 0xff, '\\'} {
				b := bytes.Repeat([]byte{fill}, n+1)
				b[0] = '"'
				want := -1
				if at < n {
					b[at] = '"'
					want = at
				}
				if got := quoteAfter(b[:n], 0); got != want {
					t.Errorf("%q: quoteAfter = %d, want %d", b[:n], got, want)
				}
			}
		}
	}
}
