package model

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write the golden files anew")

// TestOrderSetsAsideAsGolden: for random groups dense with links the
// dates contradict, some small enough for the search to try every set of
// links, some too large, the order, the links set aside and the pairs of
// events each names are those in the golden file. The search may be made
// cheaper; what it finds may not change unnoticed.
func TestOrderSetsAsideAsGolden(t *testing.T) {
	dates := []string{"-", "-", "1990", "1991", "1992", "1993", "1991-06", "1992~", "1990/1992", "1993/..", "../1990", "1991-03-05T10:00:00Z", "1991-03-05T04:00:00+05:00", "1991-03-05"}
	r := rand.New(rand.NewPCG(17, 11))
	var out bytes.Buffer
	for round := range 300 {
		n := 4 + r.IntN(26)
		rank := r.Perm(n)
		events := make([]Event, n)
		for i := range events {
			events[i] = ev(fmt.Sprintf("e%02d %s", i, dates[r.IntN(len(dates))]))
			events[i].Title = fmt.Sprint("t", r.IntN(3))
		}
		for range n + r.IntN(2*n) {
			i, j := r.IntN(n), r.IntN(n)
			if rank[i] > rank[j] {
				i, j = j, i
			}
			if i == j {
				continue
			}
			if r.IntN(2) == 0 {
				events[i].Links = append(events[i].Links, Link{Precedes, events[j].ID})
			} else {
				events[j].Links = append(events[j].Links, Link{Follows, events[i].ID})
			}
		}
		ch := Order(events)
		fmt.Fprintf(&out, "%d: %s\n", round, orderIDs(ch))
		for _, c := range ch.Conflicts {
			aside := ""
			if c.Aside {
				aside = " aside"
			}
			fmt.Fprintf(&out, "  %s>%s by %s>%s%s\n", c.Before, c.After, c.Link.Before, c.Link.After, aside)
		}
	}
	path := filepath.Join("testdata", "aside.golden")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, want %d", len(gl), len(wl))
	}
}
