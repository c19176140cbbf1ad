package timesketch

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"chrono/model"
)

// calls records what a sink is given, in order.
type calls struct{ got []string }

func (c *calls) Header(model.Header) error { return nil }
func (c *calls) Source(s model.Source, n int) error {
	c.got = append(c.got, fmt.Sprintf("source %d %s", n, s.ID))
	return nil
}
func (c *calls) Event(e model.Event, n int) error {
	c.got = append(c.got, fmt.Sprintf("event %d %s", n, e.ID))
	return nil
}

// reporting is calls that collects problems too.
type reporting struct{ *calls }

func (r reporting) Report(p model.Problem) {
	r.got = append(r.got, fmt.Sprint("problem ", p.Line))
}

// orderDoc is a JSONL file of n lines long enough to be converted in many
// batches: every 9th line is cut short, every 9th from the 4th is chrono's
// with one of 4 sources (the one on line 2002 redefined), and the others
// have 5 messages, so made-up ids repeat. Line 2 has an empty tag, line
// 3000 one to clean.
func orderDoc(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		switch {
		case i%9 == 0:
			b.WriteString(`{"message": "cut short`)
		case i%9 == 4:
			title := "T"
			if i == 2002 {
				title = "Other"
			}
			fmt.Fprintf(&b, `{"message":"c","datetime":"2017","timestamp_desc":"d","chrono_id":"c%d","sources":[{"id":"s%d","title":%q}]}`, i, i%4, title)
		default:
			tag := "t"
			switch i {
			case 2:
				tag = ""
			case 3000:
				tag = " x"
			}
			fmt.Fprintf(&b, `{"message":"m%d","datetime":"2017","timestamp_desc":"d","tag":[%q]}`, i%5, tag)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestReadInOrder checks that converting records on every core changes
// nothing the sink sees: problems, sources and events come in file order
// with their positions, each source once, made-up ids numbered in file
// order, and losses listed in the order first met.
func TestReadInOrder(t *testing.T) {
	const n = 4000
	doc := orderDoc(n)
	var want []string
	sent := map[string]bool{}
	repeats := map[string]int{}
	for i := 1; i <= n; i++ {
		switch {
		case i%9 == 0, i == 2002:
			want = append(want, fmt.Sprintf("problem %d", i))
		case i%9 == 4:
			if s := fmt.Sprintf("s%d", i%4); !sent[s] {
				sent[s] = true
				want = append(want, fmt.Sprintf("source %d %s", len(sent), s))
			}
			want = append(want, fmt.Sprintf("event %d c%d", i, i))
		default:
			m := fmt.Sprintf("m%d", i%5)
			repeats[m]++
			want = append(want, fmt.Sprintf("event %d %s #%d", i, m, repeats[m]))
		}
	}
	numbered := 0 // records whose made-up id repeats another's
	for _, k := range repeats {
		if k > 1 {
			numbered += k
		}
	}
	wantLosses := []string{"1 empty or repeated tag dropped", fmt.Sprintf("%d %s", numbered, NumberedInOrder.Many), "1 tag cleaned to fit chrono's tag rules (\" x\" became \"x\")"}

	readers := map[string]func() io.Reader{
		"whole": func() io.Reader { return strings.NewReader(doc) },
		"half":  func() io.Reader { return iotest.HalfReader(strings.NewReader(doc)) },
	}
	for name, r := range readers {
		t.Run(name, func(t *testing.T) {
			c := &calls{}
			var losses model.Losses
			if err := Read(r(), reporting{c}, &losses); err != nil {
				t.Fatal(err)
			}
			// A made-up id is its message's first, numbered after the
			// first repeat: write it as the message and the number.
			first := map[string]string{}
			for i, g := range c.got {
				var line int
				var id string
				if _, err := fmt.Sscanf(g, "event %d %s", &line, &id); err != nil || !strings.HasPrefix(id, "ts-") {
					continue
				}
				m := fmt.Sprintf("m%d", line%5)
				base, k := id, 1
				if len(id) > len("ts-")+12 {
					base = id[:len("ts-")+12]
					fmt.Sscanf(id[len(base):], "-%d", &k)
				}
				if first[m] == "" {
					first[m] = base
				}
				if base != first[m] {
					t.Errorf("line %d: id %s, want %s numbered", line, id, first[m])
				}
				c.got[i] = fmt.Sprintf("event %d %s #%d", line, m, k)
			}
			if !slices.Equal(c.got, want) {
				for i := range min(len(c.got), len(want)) {
					if c.got[i] != want[i] {
						t.Fatalf("call %d: got %q, want %q", i+1, c.got[i], want[i])
					}
				}
				t.Fatalf("%d calls, want %d", len(c.got), len(want))
			}
			if !slices.Equal(losses.Lines(), wantLosses) {
				t.Errorf("losses %q, want %q", losses.Lines(), wantLosses)
			}
		})
	}
}

// TestReadStopsInOrder checks that a sink that does not collect problems
// gets the first problem as the error, after everything before it and
// nothing after, though later records may have been converted already.
func TestReadStopsInOrder(t *testing.T) {
	c := &calls{}
	err := Read(strings.NewReader(orderDoc(4000)), c, nil)
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 9 || p.Column == 0 {
		t.Fatalf("error %v, want the problem of line 9", err)
	}
	var got []string
	for _, g := range c.got {
		f := strings.Fields(g)
		got = append(got, f[0]+" "+f[1])
	}
	want := []string{"event 1", "event 2", "event 3", "source 1", "event 4", "event 5", "event 6", "event 7", "event 8"}
	if !slices.Equal(got, want) {
		t.Errorf("the sink got %q, want %q", got, want)
	}
}
