package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
	"chrono/model/verbatim"
)

// sourceText is a fixed text of short paragraphs, the quote in the
// fourth, that wraps at the widths of the tests.
const sourceText = "Congressman Ted Lieu called for the Department of Justice to investigate allegations against the NSO Group.\n\n" +
	"According to The Post:\n\n" +
	"The mobile-phone security expert Gary Miller alleges that the offer came during a conference call in August 2017.\n\n" +
	"In Miller's account to the Justice Department, NSO co-founder Omri Lavie allegedly said, “We drop bags of cash at your office,” the newspaper reports.\n\n" +
	"After reporting the incident to an FBI tip line and getting no response, Miller contacted Congressman Lieu last year.\n\n" +
	"After hearing Miller's accusations, Rep. Lieu sent a criminal referral to the Justice Department.\n\n" +
	"In a subsequent interview with The Washington Post, Congressman Lieu expressed his view.\n\n" +
	"A statement from NSO claims that it has never done any business with Mobileum.\n\n" +
	"Original reporting by Craig Timberg at The Washington Post.\n"

// openSourceView opens a view of text at quote, as the browser would:
// its command run, then its size given.
func openSourceView(t *testing.T, text, quote string, w, h int) *sourceView {
	t.Helper()
	r := verbatim.Check(quote, text)
	if r.State == verbatim.NotFound {
		t.Fatalf("%q not in the text", quote)
	}
	st := NewStyles(true)
	v := newSourceView(&st, "wapo, snapshot 1: "+quote, text, r.Span, r.Parts)
	v.SetSize(w, h)
	if got := strings.Join(v.View(w, h), "\n"); !strings.Contains(got, "finding the lines") {
		t.Errorf("before its lines are found:\n%s", got)
	}
	v.Update(v.Init()())
	return v
}

func (v *sourceView) screen() string {
	return ansi.Strip(strings.Join(v.View(v.w, v.h), "\n")) + "\n"
}

// TestSourceViewScreens: the view opens with the quote a third of the
// way down, the paragraph before it above, and the quote between its
// signs; it scrolls by page and to the end, and enter goes back to the
// quote. Update with go test ./tui -run TestSourceViewScreens -update.
func TestSourceViewScreens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{60, 14}, {40, 10}} {
		v := openSourceView(t, sourceText, "We drop bags of cash at your office", size.w, size.h)
		opened := v.screen()
		var b strings.Builder
		b.WriteString(opened)
		for _, k := range []string{"pgdown", "G", "g", "enter"} {
			v.Update(keyPress(k))
			b.WriteString("--- " + k + "\n" + v.screen())
		}
		if !strings.HasSuffix(b.String(), opened) {
			t.Errorf("%d×%d: enter does not go back to the quote", size.w, size.h)
		}
		for _, l := range strings.Split(b.String(), "\n") {
			if ansi.StringWidth(l) > size.w {
				t.Errorf("%d×%d: a line of %d cells: %q", size.w, size.h, ansi.StringWidth(l), l)
			}
		}
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) { golden.RequireEqual(t, b.String()) })
	}
}

// TestSourceViewHighlight: the quote's words are reversed and between
// its signs, across the rows it wraps over; with an ellipsis, what it
// left out is between the signs but not reversed.
func TestSourceViewHighlight(t *testing.T) {
	v := openSourceView(t, sourceText, "We drop bags of cash at your office", 30, 14)
	raw := strings.Join(v.View(30, 14), "\n")
	if !strings.Contains(v.screen(), "⟦We drop") || !strings.Contains(v.screen(), "office⟧") {
		t.Errorf("no signs around the quote:\n%s", v.screen())
	}
	if !strings.Contains(raw, "\x1b[7mWe drop") {
		t.Errorf("the quote is not reversed:\n%q", raw)
	}

	v = openSourceView(t, sourceText, "NSO co-founder … said", 120, 14)
	raw = strings.Join(v.View(120, 14), "\n")
	if !strings.Contains(v.screen(), "⟦NSO co-founder Omri Lavie allegedly said⟧") ||
		!strings.Contains(raw, "\x1b[7mNSO co-founder") || strings.Contains(raw, "\x1b[7mOmri") || !strings.Contains(raw, "\x1b[7msaid") {
		t.Errorf("the ellipsis's parts:\n%q", raw)
	}
}

// TestSourceViewHostile: a text with escape sequences, invalid UTF-8 and
// one enormous line shows safe, no wider than the screen, at the quote.
func TestSourceViewHostile(t *testing.T) {
	text := strings.Repeat("filler \x1b]52;c;aGk=\x07 \xff word ", 200000) + "the quote is here " + strings.Repeat("more filler ", 1000)
	v := openSourceView(t, text, "the quote is here", 60, 12)
	s := v.screen()
	if !strings.Contains(s, "⟦the quote is here⟧") {
		t.Errorf("not at the quote:\n%s", s)
	}
	for _, l := range v.View(60, 12) {
		if strings.Contains(ansi.Strip(l), "\x1b") || strings.Contains(ansi.Strip(l), "\a") || ansi.StringWidth(l) > 60 {
			t.Errorf("unsafe or too wide: %q", l)
		}
	}
	v.Update(keyPress("G"))
	v.Update(keyPress("g"))
	if !strings.Contains(v.screen(), "filler ␛]52;c;aGk=␇ <0xFF> word") {
		t.Errorf("the start, made safe:\n%s", v.screen())
	}
}

// BenchmarkSourceViewOpen: finding the lines of a 50 MB text and drawing
// the screen at a quote near its end.
func BenchmarkSourceViewOpen(b *testing.B) {
	para := strings.Repeat("Words of an article that go on for a while, as articles do. ", 8) + "\n\n"
	text := strings.Repeat(para, 50<<20/len(para)) + "the quote is here.\n"
	span := verbatim.Span{Start: strings.LastIndex(text, "the quote"), End: len(text) - 2}
	st := NewStyles(true)
	for b.Loop() {
		v := newSourceView(&st, "big", text, span, nil)
		v.Update(v.Init()())
		v.SetSize(160, 45)
		_ = v.View(160, 45)
	}
}

// bigSnapshot serves a text of 50 MB as the only snapshot of every
// source, in place of the store's own.
type bigSnapshot struct {
	model.Store
	text string
}

func (s bigSnapshot) Snapshots(source string) ([]model.Snapshot, error) {
	return []model.Snapshot{{Source: source, N: 1, SHA256: "big"}}, nil
}

func (s bigSnapshot) SnapshotText(string, int) (io.ReadCloser, error) {
	return io.NopCloser(strings.NewReader(s.text)), nil
}

// BenchmarkSourceViewOpenAtKey: s in the sources pane on a quote near
// the end of a 50 MB snapshot, to the view drawn at it (the text read,
// the quote found, the lines found), then esc.
func BenchmarkSourceViewOpenAtKey(b *testing.B) {
	para := strings.Repeat("Words of an article that go on for a while, as articles do. ", 8) + "\n\n"
	text := strings.Repeat(para, 50<<20/len(para)) + "We drop bags of cash at your office.\n"
	d := startDriver(b, New(bigSnapshot{quotesStore(b, true), text}, Options{Now: func() time.Time { return noted }}))
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	d.keys("enter")
	for b.Loop() {
		d.keys("s")
		if _, ok := d.openDialog().(*sourceView); !ok {
			b.Fatalf("s opened %T: %s", d.openDialog(), d.status())
		}
		_ = d.m.View()
		d.keys("esc")
	}
}
