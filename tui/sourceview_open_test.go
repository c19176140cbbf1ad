package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/model/wordwrap"
)

// textStore keeps snapshots' texts in memory: what the source view
// reads, without the store that keeps them.
type textStore struct {
	model.Store
	texts map[string][]string
}

func (s textStore) Snapshots(source string) ([]model.Snapshot, error) {
	var out []model.Snapshot
	for i := range s.texts[source] {
		out = append(out, model.Snapshot{Source: source, N: i + 1})
	}
	return out, nil
}

func (s textStore) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return io.NopCloser(strings.NewReader(s.texts[source][n-1])), nil
}

// TestOpenQuoteInSource: a quote opens in its source's latest snapshot,
// highlighted where it is, or at the closest passage with the diff in
// the title when it is not there; a source without snapshots says so.
func TestOpenQuoteInSource(t *testing.T) {
	st := NewStyles(true)
	s := textStore{texts: map[string][]string{"wapo": {"an older text", sourceText}, "bare": nil}}
	open := func(q model.Quote) (*sourceView, error) {
		m := openQuoteInSource(s, &st, q, nil)().(sourceViewMsg)
		if m.view != nil {
			m.view.SetSize(120, 14)
		}
		return m.view, m.err
	}

	v, err := open(model.Quote{Text: `"We drop bags of cash at your office,"`, Source: "wapo"})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.screen(); !strings.HasPrefix(got, "wapo · snapshot 2 of 2 · normalised (quotes)\n") ||
		!strings.Contains(got, "said, ⟦“We drop bags of") {
		t.Errorf("normalised:\n%s", got)
	}

	v, err = open(model.Quote{Text: "We drop bags of money at your office", Source: "wapo"})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.screen(); !strings.HasPrefix(strings.Join(strings.Fields(got), " "), "wapo · snapshot 2 of 2 · not found; the difference, [-in the quote-]{+in the source+}: We drop bags of [-money-]{+cash+} at your office ") ||
		!strings.Contains(got, "⟦We drop bags of") {
		t.Errorf("not found:\n%s", got)
	}
	v.Update(v.Init()())
	if got := v.screen(); !strings.Contains(got, "· closest passage at line ") || strings.Contains(got, "quote at line") {
		t.Errorf("the footer of a quote not found:\n%s", got)
	}
	// Without a word of it in the text, there is no line to name.
	v, err = open(model.Quote{Text: "Zyxwv qwerty", Source: "wapo"})
	if err != nil {
		t.Fatal(err)
	}
	v.Update(v.Init()())
	if got := v.screen(); strings.Contains(got, " at line ") || !strings.Contains(got, "line 1 of ") {
		t.Errorf("the footer of a quote with no word in the text:\n%s", got)
	}

	// On a narrow screen the diff wraps, whole, over the title's rows,
	// and the text still shows below it.
	m := openQuoteInSource(s, &st, model.Quote{Text: "After reporting the incident to the FBI and getting no reply, Miller contacted Lieu", Source: "wapo"}, nil)().(sourceViewMsg)
	if m.err != nil {
		t.Fatal(m.err)
	}
	m.view.Update(m.view.Init()())
	m.view.SetSize(60, 20)
	got := m.view.screen()
	if title := strings.Join(strings.Fields(strings.Join(strings.Split(got, "\n")[:5], " ")), " "); !strings.Contains(title,
		"the difference, [-in the quote-]{+in the source+}: After reporting the incident to [-the-]{+an+} FBI {+tip line+} and getting no [-reply-]{+response+}, Miller contacted {+Congressman+} Lieu") {
		t.Errorf("the diff is not whole at 60 columns:\n%s", got)
	}
	if !strings.Contains(got, "⟦After reporting") {
		t.Errorf("the passage is not shown below the title:\n%s", got)
	}
	for _, l := range m.view.View(60, 20) {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("a line of %d cells: %q", w, l)
		}
	}

	if _, err := open(model.Quote{Text: "x", Source: "bare"}); err == nil || wordwrap.Plain(err.Error()) != `source "bare" has no snapshot to show the quote in: chrono source attach bare FILE keeps one` {
		t.Errorf("no snapshot: %v", err)
	}
}
