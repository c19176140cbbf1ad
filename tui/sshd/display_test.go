package sshd

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// term is as much of a terminal as the display speaks to: a grid of
// characters, the cursor, the modes set and reset, and what each write
// carried. Colours and styles are read and dropped.
type term struct {
	mu     sync.Mutex
	rows   [][]rune
	x, y   int
	modes  map[string]bool
	title  string
	writes []string
}

func newTerm(w, h int) *term {
	t := &term{modes: map[string]bool{}}
	t.size(w, h)
	return t
}

func (t *term) size(w, h int) {
	t.rows = make([][]rune, h)
	for i := range t.rows {
		t.rows[i] = []rune(strings.Repeat(" ", w))
	}
}

func (t *term) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes = append(t.writes, string(p))
	s := string(p)
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "\x1b["):
			end := strings.IndexFunc(s[2:], func(r rune) bool { return r >= 0x40 && r <= 0x7e })
			params, final := s[2:2+end], s[2+end]
			t.csi(params, final)
			s = s[3+end:]
		case strings.HasPrefix(s, "\x1b]"):
			end := strings.IndexByte(s, '\a')
			if f, ok := strings.CutPrefix(s[2:end], "2;"); ok {
				t.title = f
			}
			s = s[end+1:]
		default:
			r := []rune(s[:1])[0]
			if s[0] >= 0x80 {
				r = []rune(s)[0]
			}
			t.put(r)
			s = s[len(string(r)):]
		}
	}
	return len(p), nil
}

// put writes r at the cursor; at the last column it stays there, as a
// terminal without wrapping does.
func (t *term) put(r rune) {
	if t.y < len(t.rows) && t.x < len(t.rows[t.y]) {
		t.rows[t.y][t.x] = r
	}
	t.x = min(t.x+1, len(t.rows[0])-1)
}

func (t *term) csi(params string, final byte) {
	switch final {
	case 'H':
		row, col, _ := strings.Cut(params, ";")
		t.y, t.x = num(row)-1, num(col)-1
	case 'K':
		if params == "2" {
			t.rows[t.y] = []rune(strings.Repeat(" ", len(t.rows[t.y])))
		}
	case 'J':
		if params == "2" {
			t.size(len(t.rows[0]), len(t.rows))
		}
	case 'h', 'l':
		t.modes[params] = final == 'h'
	}
}

func num(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func (t *term) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lines []string
	for _, r := range t.rows {
		lines = append(lines, strings.TrimRight(string(r), " "))
	}
	return strings.Join(lines, "\n")
}

func (t *term) written() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.writes...)
}

// settle waits for the display to draw what it was given.
func settle(t *testing.T, tm *term, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for tm.screen() != want {
		if time.Now().After(deadline) {
			t.Fatalf("the screen shows\n%s\nwant\n%s", tm.screen(), want)
		}
		time.Sleep(time.Millisecond)
	}
}

func frame(content string) tea.View {
	v := tea.NewView(content)
	v.AltScreen = true
	return v
}

// Whatever frames came before, the client's screen ends showing the last
// one, each line in its row and nothing of the frames before.
func TestDisplayShowsTheLastFrame(t *testing.T) {
	const w, h = 20, 6
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"alpha", "beta", "", "gamma delta", "\x1b[1mbold\x1b[m", "\x1b[38;2;1;2;3mcolour\x1b[m", "émigré", "a much longer line that is cut"}
	tm := newTerm(w, h)
	d := newDisplay(tm, h)
	defer d.close(time.Second)
	for i := range 200 {
		var lines []string
		for range rng.IntN(h + 2) {
			lines = append(lines, words[rng.IntN(len(words))])
		}
		d.show(frame(strings.Join(lines, "\n")))
		if i%20 != 19 {
			continue
		}
		var want []string
		for r := range h {
			line := ""
			if r < len(lines) {
				line = ansi.Strip(lines[r])
				if len([]rune(line)) > w {
					line = string([]rune(line)[:w-1]) + string([]rune(line)[len([]rune(line))-1:])
				}
			}
			want = append(want, strings.TrimRight(line, " "))
		}
		settle(t, tm, strings.Join(want, "\n"))
	}
}

// A frame that changes one line writes that line, not the others; one
// that changes nothing writes nothing.
func TestDisplayWritesOnlyWhatChanged(t *testing.T) {
	tm := newTerm(30, 4)
	d := newDisplay(tm, 4)
	defer d.close(time.Second)
	d.show(frame("first line\nsecond line\nthird line\nfourth line"))
	settle(t, tm, "first line\nsecond line\nthird line\nfourth line")
	before := len(tm.written())
	d.show(frame("first line\nsecond LINE\nthird line\nfourth line"))
	settle(t, tm, "first line\nsecond LINE\nthird line\nfourth line")
	got := tm.written()[before:]
	if len(got) != 1 {
		t.Fatalf("one frame made %d writes", len(got))
	}
	if strings.Contains(got[0], "first") || strings.Contains(got[0], "third") || !strings.Contains(got[0], "second LINE") {
		t.Errorf("the write carried %q", got[0])
	}
	d.show(frame("first line\nsecond LINE\nthird line\nfourth line"))
	time.Sleep(50 * time.Millisecond)
	if n := len(tm.written()); n != before+1 {
		t.Errorf("a frame that changed nothing made %d writes", n-before-1)
	}
}

// A resize draws the screen whole again: a terminal may have moved or
// dropped what it showed.
func TestDisplayResizeDrawsAgain(t *testing.T) {
	tm := newTerm(30, 4)
	d := newDisplay(tm, 4)
	defer d.close(time.Second)
	d.show(frame("one\ntwo\nthree"))
	settle(t, tm, "one\ntwo\nthree\n")
	tm.mu.Lock()
	tm.size(30, 3) // the terminal cleared itself as it shrank
	tm.mu.Unlock()
	d.resize(3)
	d.show(frame("one\ntwo\nthree"))
	settle(t, tm, "one\ntwo\nthree")
	d.resize(2)
	settle(t, tm, "one\ntwo\n")
}

// The session's screen is the alternate one with the terminal's modes
// as the browser asks; at the end the terminal is given back as it was.
func TestDisplayModesAndRestore(t *testing.T) {
	tm := newTerm(30, 3)
	d := newDisplay(tm, 3)
	v := frame("hello")
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "chrono — leaks"
	d.show(v)
	settle(t, tm, "hello\n\n")
	for mode, on := range map[string]bool{"?1049": true, "?25": false, "?7": false, "?2004": true, "?1002": true, "?1006": true} {
		if tm.modes[mode] != on {
			t.Errorf("mode %s is %v during the session", mode, tm.modes[mode])
		}
	}
	if tm.title != "chrono — leaks" {
		t.Errorf("the title is %q", tm.title)
	}
	d.close(time.Second)
	for mode, on := range map[string]bool{"?1049": false, "?25": true, "?7": true, "?2004": false, "?1002": false, "?1006": false} {
		if tm.modes[mode] != on {
			t.Errorf("mode %s is %v after the session", mode, tm.modes[mode])
		}
	}
	if tm.title != "" {
		t.Errorf("the title is left %q", tm.title)
	}
}

// A client that stops reading does not hold the session's end.
func TestDisplayCloseDoesNotWaitForAStalledClient(t *testing.T) {
	stuck := &stalled{wrote: make(chan struct{}, 1), release: make(chan struct{})}
	defer close(stuck.release)
	d := newDisplay(stuck, 3)
	d.show(frame("hello"))
	<-stuck.wrote
	begun := time.Now()
	d.close(100 * time.Millisecond)
	if took := time.Since(begun); took > time.Second {
		t.Errorf("close took %s", took)
	}
}

type stalled struct {
	wrote   chan struct{}
	release chan struct{}
}

func (s *stalled) Write(p []byte) (int, error) {
	select {
	case s.wrote <- struct{}{}:
	default:
	}
	<-s.release
	return len(p), fmt.Errorf("closed")
}

// The program's writes and the display's never interleave.
func TestSerialWriterTakesTurns(t *testing.T) {
	var buf bytes.Buffer
	w := &serialWriter{w: &slowBuffer{&buf}}
	var wg sync.WaitGroup
	for _, s := range []string{strings.Repeat("a", 64), strings.Repeat("b", 64)} {
		wg.Go(func() { _, _ = w.Write([]byte(s)) })
	}
	wg.Wait()
	if got := buf.String(); got != strings.Repeat("a", 64)+strings.Repeat("b", 64) && got != strings.Repeat("b", 64)+strings.Repeat("a", 64) {
		t.Errorf("the writes interleaved: %q", got)
	}
}

// slowBuffer writes a byte at a time, yielding between them.
type slowBuffer struct{ b *bytes.Buffer }

func (s *slowBuffer) Write(p []byte) (int, error) {
	for _, c := range p {
		s.b.WriteByte(c)
		time.Sleep(time.Microsecond)
	}
	return len(p), nil
}
