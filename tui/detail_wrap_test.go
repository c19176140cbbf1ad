package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/store"
)

const (
	hyphenated = "https://news.example.org/2022/02/01/ted-lieu-calls-on-doj-to-probe-surveillance-company-allegedly-bribing-mobile-phone-operators/"
	scriptURL  = "javascript:alert('a-long-and-hyphenated-script-url-that-must-never-become-a-link-in-the-pane')"
)

// wrapStore holds an event whose quotes cite sources of long hyphenated
// URLs, one of them not a web address, whose second quote has a stance
// but no speaker, and whose link's title wraps.
func wrapStore(t *testing.T) model.Store {
	t.Helper()
	tl := model.Timeline{Header: model.Header{Title: "Wrapping"}}
	tl.Sources = []model.Source{
		{ID: "web", Publisher: "Occupy Democrats", URL: hyphenated},
		{ID: "script", Publisher: "A script", URL: scriptURL},
	}
	e := model.Event{
		ID: "long", Title: "Lieu calls on the Justice Department", Date: model.MustParseDate("2022-02-01"),
		Quotes: []model.Quote{
			{Text: "Lieu calls on DOJ to probe.", Speaker: "Ted Lieu", Source: "web", Stance: model.Asserts},
			{Text: "The company denied it.", Source: "script", Stance: model.Asserts},
		},
		Links: []model.Link{{Rel: model.Supports, Event: "other"}},
	}
	other := model.Event{ID: "other", Date: model.MustParseDate("2022-02-02"),
		Title: "The Justice Department declines to comment on whether it opened an investigation into the offer"}
	tl.Events = []model.Event{e, other}
	s, err := store.Open(filepath.Join(t.TempDir(), "wrap.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "wrap", Read: func(sink model.Sink) error { return model.Feed(tl, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// paneText is the sources pane as it shows, without styles or its margin.
func paneText(d *driver) []string {
	var out []string
	for _, l := range d.sources().view() {
		out = append(out, strings.TrimPrefix(ansi.Strip(l), margin))
	}
	return out
}

// urlLines are the lines of the pane that show url, without the quote's
// bar, raw and stripped of styles.
func urlLines(d *driver, url string) (raw, text []string) {
	for _, l := range d.sources().view() {
		s := strings.TrimPrefix(ansi.Strip(l), margin)
		_, rest, ok := strings.Cut(s, "│ ")
		if !ok {
			_, rest, ok = strings.Cut(s, "┃ ")
		}
		if !ok || rest == "" {
			continue
		}
		if strings.HasPrefix(url, rest) || len(text) > 0 && strings.HasPrefix(url, strings.Join(text, "")+rest) {
			raw, text = append(raw, l), append(text, rest)
		}
	}
	return raw, text
}

// A URL breaks only where the width forces it, never at its hyphens, and
// stays one hyperlink (OSC 8) over its lines when it is a web address.
func TestSourcesWrapURLsWhole(t *testing.T) {
	for _, w := range []int{120, 160, 60} {
		d := newDriver(t, wrapStore(t), w, 40)
		if !d.wide() {
			d.keys("enter")
		}
		width := d.sources().w - 2 // the quote's bar
		raw, text := urlLines(d, hyphenated)
		if strings.Join(text, "") != hyphenated {
			t.Fatalf("%d columns: the URL shows as\n%s\nwant %s", w, strings.Join(text, "\n"), hyphenated)
		}
		for i, l := range text[:len(text)-1] {
			if n := ansi.StringWidth(l); n != width {
				t.Errorf("%d columns: URL line %d is %d cells of %d: %q broken before the width forces it", w, i+1, n, width, l)
			}
		}
		for i, l := range raw {
			if !strings.Contains(l, "\x1b]8;") || !strings.Contains(l, ";"+hyphenated+"\x1b\\") {
				t.Errorf("%d columns: URL line %d is not a hyperlink to the URL: %q", w, i+1, short(l))
			}
			if strings.Count(l, "\x1b]8;") != 2 {
				t.Errorf("%d columns: URL line %d does not open one hyperlink and close it: %q", w, i+1, short(l))
			}
		}
		raw, text = urlLines(d, line(scriptURL))
		if strings.Join(text, "") != line(scriptURL) {
			t.Fatalf("%d columns: the script URL shows as\n%s", w, strings.Join(text, "\n"))
		}
		for _, l := range raw {
			if strings.Contains(l, "\x1b]8;") {
				t.Errorf("%d columns: a javascript: URL became a hyperlink: %q", w, short(l))
			}
		}
	}
}

// A wrapped link shows the cursor once, on its first line.
func TestSourcesCursorOnceOnAWrappedLink(t *testing.T) {
	d := newDriver(t, wrapStore(t), 120, 40)
	d.keys("tab", "j", "j")
	if _, ok := d.sources().link(); !ok {
		t.Fatal("the link is not selected")
	}
	var cursors, linkLines int
	for _, l := range paneText(d) {
		if strings.HasPrefix(l, "› ") {
			cursors++
		}
		if strings.Contains(l, "supports: ") || linkLines > 0 && strings.TrimSpace(l) != "" {
			linkLines++
		} else if linkLines > 0 {
			break
		}
	}
	if linkLines < 2 {
		t.Fatalf("the link's title does not wrap:\n%s", strings.Join(paneText(d), "\n"))
	}
	if cursors != 1 {
		t.Errorf("the cursor shows on %d lines, want 1:\n%s", cursors, strings.Join(paneText(d), "\n"))
	}
}

// A quote with a stance but no speaker does not show its stance alone on
// a line.
func TestSourcesStanceNeverAlone(t *testing.T) {
	d := newDriver(t, wrapStore(t), 120, 40)
	var said bool
	for _, l := range paneText(d) {
		rest := strings.TrimLeft(l, "│┃ ")
		if rest == "asserts" {
			t.Errorf("the stance shows alone on a line:\n%s", strings.Join(paneText(d), "\n"))
		}
		said = said || strings.Contains(rest, "unattributed · asserts")
	}
	if !said {
		t.Errorf("the unattributed quote's stance is not shown:\n%s", strings.Join(paneText(d), "\n"))
	}
}

// The date's own words show with the source they are anchored in, as
// chrono show has them.
func TestSourcesShowTheDateTextsAnchor(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	if want := "“August 2017” in The Washington Post, 1 Feb 2022"; !strings.Contains(strings.Join(paneText(d), "\n"), want) {
		t.Errorf("the pane does not show %s:\n%s", want, strings.Join(paneText(d), "\n"))
	}
}

// short is the start of a long styled line, for a message.
func short(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}
