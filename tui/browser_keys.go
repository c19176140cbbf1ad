package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/quotecheck"
)

// DefaultQuickTags are the tags the digit keys toggle unless told
// otherwise.
var DefaultQuickTags = []string{"key", "verify", "follow-up"}

// browserKeys are the keys of the chronology and its sources pane. The
// footer and the help are built from them, so a binding that exists is
// a binding that is documented, and one that does nothing now is off.
type browserKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	PrevYear, NextYear, GoTo, Zone                            key.Binding
	Focus, ToList, ToSources, Open, Back, Escape              key.Binding
	Search, NextMatch, PrevMatch                              key.Binding
	Filter, ClearFilter                                       key.Binding
	Tag, Untag, Mark, Undo, Redo, Note                        key.Binding
	QuickTags                                                 []key.Binding
	// NoQuickTag is the digits with no tag, which say so.
	NoQuickTag    key.Binding
	Copy, OpenURL key.Binding
	// Uncited is y and o on an event with no quote or link, which say
	// so; neither the footer nor the help offers it.
	Uncited key.Binding
	// OnNote is y and o on a note in the sources pane, which has nothing
	// to copy or open and say so; neither the footer nor the help offers
	// it.
	OnNote key.Binding
	// InSource shows the selected quote in its source's latest snapshot.
	InSource key.Binding
	// NoSnapshot is s on a quote whose source has no snapshot, which
	// says how to keep one; neither the footer nor the help offers it.
	NoSnapshot key.Binding
	// PaneOnly is s, x or e in the chronology, where no quote, link or
	// note is selected for them: it says where they act.
	PaneOnly key.Binding
	// Authoring: events, their quotes and links, the sources.
	Add, Edit, Editor, Link, Remove, QuoteUp, QuoteDown key.Binding
	// QuoteAtEnd is K on the first quote and J on the last, which say
	// the quote goes no further; neither the footer nor the help offers it.
	QuoteAtEnd        key.Binding
	EditNote, Retitle key.Binding
	// Quotes and the screens of the sources and the trash.
	AddQuote, EditQuote, Sources, Delete, Trash, Journal key.Binding
	// Sides puts the accounts of the selected event's claim side by side.
	Sides key.Binding
}

// newBrowserKeys returns the browser's keys, with digits 1–9 toggling
// quickTags in order.
func newBrowserKeys(quickTags []string) browserKeys {
	k := browserKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup/ctrl+b", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "ctrl+f"), key.WithHelp("pgdn/ctrl+f", "page down")),
		HalfUp:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		HalfDown:    key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first event")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last event")),
		PrevYear:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous year")),
		NextYear:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next year")),
		GoTo:        key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "go to a date")),
		Zone:        key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "time zone")),
		Focus:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch pane")),
		ToList:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "chronology pane")),
		ToSources:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "sources pane")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "sources / follow link")),
		Back:        key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "back after a link")),
		Escape:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back / clear")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Filter:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "clear filters")),
		Tag:         key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "add tags")),
		Untag:       key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "remove a tag")),
		Mark:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		Note:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "annotate")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quote")),
		OpenURL:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open source")),
		InSource:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "show in source")),
		Add:         key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "add an event")),
		Edit:        key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "edit the event")),
		Editor:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "edit as JSON in $EDITOR")),
		Link:        key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "link to an event")),
		Remove:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
		EditNote:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit note")),
		Retitle:     key.NewBinding(key.WithKeys("I"), key.WithHelp("I", "title and description")),
		QuoteUp:     key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "move quote up")),
		QuoteDown:   key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "move quote down")),
		QuoteAtEnd:  key.NewBinding(key.WithKeys("J", "K")),
		AddQuote:    key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "add a quote")),
		EditQuote:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the quote")),
		Sources:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sources")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "move to the trash")),
		Trash:       key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "the trash")),
		Journal:     key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "the journal")),
		Sides:       key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "accounts side by side")),
		Uncited:     key.NewBinding(key.WithKeys("y", "o")),
		OnNote:      key.NewBinding(key.WithKeys("y", "o")),
		NoSnapshot:  key.NewBinding(key.WithKeys("s")),
		PaneOnly:    key.NewBinding(key.WithKeys("s", "x", "e")),
	}
	k.Undo, k.Redo = newUndoKeys()
	for i, t := range quickTags {
		if i == 9 {
			break
		}
		d := fmt.Sprint(i + 1)
		k.QuickTags = append(k.QuickTags, key.NewBinding(key.WithKeys(d), key.WithHelp(d, "toggle #"+t)))
	}
	var free []string
	for i := len(k.QuickTags); i < 9; i++ {
		free = append(free, fmt.Sprint(i+1))
	}
	k.NoQuickTag = key.NewBinding(key.WithKeys(free...))
	k.NoQuickTag.SetEnabled(len(free) > 0)
	return k
}

// pages reports whether a movement key pages: the view moves with the
// cursor, as in less and vim, rather than the cursor within the view.
func (k *browserKeys) pages(msg tea.KeyPressMsg) bool {
	return key.Matches(msg, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown)
}

// QuickTags checks the tags the digits are to toggle as a tag typed
// anywhere is checked, taking off a leading # as chrono tag does: no more
// than nine, none twice (in any case, as tags match), and none with a
// space, which the t prompt would read as two tags.
func QuickTags(tags []string) ([]string, error) {
	if len(tags) > 9 {
		return nil, fmt.Errorf("%d tags, but only the digits 1–9 toggle tags", len(tags))
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimPrefix(t, "#")
		if msg := model.CheckTag(t); msg != "" {
			return nil, errors.New(msg)
		}
		if strings.ContainsFunc(t, unicode.IsSpace) {
			return nil, fmt.Errorf("tag %q: has a space, which the t prompt reads as two tags; use - instead", t)
		}
		if i := slices.IndexFunc(out, func(o string) bool { return strings.EqualFold(o, t) }); i >= 0 {
			if out[i] == t {
				return nil, fmt.Errorf("tag %q: given twice", t)
			}
			return nil, fmt.Errorf("tag %q: given twice, as %q: tags match in any case", t, out[i])
		}
		out = append(out, t)
	}
	return out, nil
}

// distance is how many rows a movement key moves in a pane h rows high:
// one, a page or half a page, up (negative) or down. ok is false for a
// key that does not move by rows.
func (k *browserKeys) distance(msg tea.KeyPressMsg, h int) (n int, ok bool) {
	h = max(h, 1)
	half := max(h/2, 1)
	for _, m := range []struct {
		b *key.Binding
		n int
	}{{&k.Up, -1}, {&k.Down, 1}, {&k.PageUp, -h}, {&k.PageDown, h}, {&k.HalfUp, -half}, {&k.HalfDown, half}} {
		if key.Matches(msg, *m.b) {
			return m.n, true
		}
	}
	return 0, false
}

// updateKeys turns off the keys that have nothing to act on: with no
// event selected, nothing to open, mark, annotate or move a year from;
// with no event selected or marked, nothing to tag or untag; with no
// quote or link, nothing to copy or open.
func (b *browser) updateKeys() {
	_, selected := b.tl.selected()
	targets := selected || len(b.marks) > 0
	for _, k := range []*key.Binding{&b.keys.Open, &b.keys.Mark, &b.keys.Note, &b.keys.PrevYear, &b.keys.NextYear, &b.keys.Edit, &b.keys.Editor, &b.keys.Link, &b.keys.Sides} {
		k.SetEnabled(selected)
	}
	// The keys of the sources pane act on its selected quote or link.
	_, item := b.detail.item()
	inPane := b.focus == focusDetail || b.zoomed
	// With no event, there is no sources pane to switch to.
	b.keys.Focus.SetEnabled(selected || inPane)
	b.keys.ToList.SetEnabled(inPane)
	b.keys.ToSources.SetEnabled(!inPane && selected)
	b.keys.Remove.SetEnabled(inPane && item)
	b.keys.PaneOnly.SetEnabled(selected && !inPane)
	_, note := b.detail.note()
	b.keys.EditNote.SetEnabled(inPane && note)
	q := -1
	if it, ok := b.detail.item(); ok && inPane {
		q = it.quote
	}
	// In the pane g, G, home and end go to its first and last items, and
	// enter follows the link selected there.
	_, onLink := b.detail.link()
	if inPane {
		b.keys.Top.SetHelp("g/home", "first item")
		b.keys.Bottom.SetHelp("G/end", "last item")
		b.keys.Open.SetHelp("enter", "follow link")
		b.keys.Open.SetEnabled(onLink)
	} else {
		b.keys.Top.SetHelp("g/home", "first event")
		b.keys.Bottom.SetHelp("G/end", "last event")
		b.keys.Open.SetHelp("enter", "sources / follow link")
	}
	// y and o act on what the pane has selected, and say so; in the pane
	// scrolled where none of its items is selected, on nothing.
	if onLink && inPane {
		b.keys.Copy.SetHelp("y", "copy linked event")
		b.keys.OpenURL.SetHelp("o", "go to linked event")
	} else {
		b.keys.Copy.SetHelp("y", "copy quote")
		b.keys.OpenURL.SetHelp("o", "open source")
	}
	offScreen := inPane && !item && b.detail.count() > 0
	// With no quote or link, y and o have nothing to act on: the footer
	// and the help do not offer them.
	cited := selected && len(b.detail.d.Event.Quotes)+len(b.detail.d.Related) > 0
	// A note has no citation to copy and no source to open: on one, y
	// and o are not offered, and say to select a quote or a link.
	b.keys.Copy.SetEnabled(cited && !offScreen && !note)
	b.keys.OpenURL.SetEnabled(cited && !offScreen && !note)
	b.keys.Uncited.SetEnabled(selected && !cited)
	b.keys.OnNote.SetEnabled(selected && cited && !offScreen && note)
	// s is offered on a quote whose source may have a snapshot: until
	// one source has, or once its check found none, s would only say so.
	sourced := q >= 0 && b.detail.d.Event.Quotes[q].Source != ""
	snapshot := sourced && b.detail.snapshots
	if m, ok := b.detail.mark(q); ok && m.State == quotecheck.NoSnapshot {
		snapshot = false
	}
	b.keys.InSource.SetEnabled(snapshot)
	b.keys.NoSnapshot.SetEnabled(sourced && !snapshot)
	b.keys.QuoteUp.SetEnabled(q > 0)
	b.keys.QuoteDown.SetEnabled(q >= 0 && q < len(b.detail.d.Event.Quotes)-1)
	b.keys.QuoteAtEnd.SetEnabled(q >= 0)
	// The keys that move are off where they would do nothing: on the
	// view's first or last event, or at the pane's ends.
	for _, m := range []struct {
		keys  []*key.Binding
		delta int
	}{
		{[]*key.Binding{&b.keys.Up, &b.keys.PageUp, &b.keys.HalfUp}, -1},
		{[]*key.Binding{&b.keys.Down, &b.keys.PageDown, &b.keys.HalfDown}, 1},
	} {
		can := b.tl.canMove(m.delta)
		line, page := can, can
		if inPane {
			line, page = b.detail.canMove(m.delta), b.detail.canScroll(m.delta)
		}
		m.keys[0].SetEnabled(line)
		for _, k := range m.keys[1:] {
			k.SetEnabled(page)
		}
	}
	b.keys.Tag.SetEnabled(targets)
	b.keys.Untag.SetEnabled(targets)
	for i := range b.keys.QuickTags {
		b.keys.QuickTags[i].SetEnabled(targets)
	}
	b.updateScreenKeys(selected, targets)
	b.restrictKeys()
}

// ShortHelp is the footer: the keys a newcomer needs first; in an
// investigation with no events, the key that adds one and the trash's;
// and undo and redo
// while this session has changes to take back or make again.
func (b *browser) ShortHelp() []key.Binding {
	k := &b.keys
	move := offeredMove(k.Down, k.Up)
	var keys []key.Binding
	switch {
	case b.noEvents():
		keys = []key.Binding{k.Add, k.Trash} // deleting the last event leads here
	case b.focus == focusDetail || b.zoomed:
		// In the sources pane, what acts on the selected quote, note or
		// link: editing it before reordering it (K and J are in the help).
		keys = []key.Binding{move, k.Focus, k.InSource, k.EditQuote, k.EditNote, k.Remove, k.Copy}
	default:
		keys = []key.Binding{move, k.Focus, k.Search, k.Filter, k.Tag, k.Mark, k.Note}
	}
	return append(keys, b.ctx.undoing(k.Undo, k.Redo)...)
}

// FullHelp is the help, in columns.
func (b *browser) FullHelp() [][]key.Binding {
	k := &b.keys
	moves := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown}
	if !b.noEvents() {
		moves = movesForHelp(moves...)
	}
	return [][]key.Binding{
		slices.Concat(moves, []key.Binding{k.Top, k.Bottom, k.PrevYear, k.NextYear, k.GoTo, k.Zone}, b.axis.bindings()),
		{k.Focus, k.ToList, k.ToSources, k.Open, k.Back, k.Escape, k.Search, k.NextMatch, k.PrevMatch, k.Filter, k.ClearFilter, k.Copy, k.OpenURL, k.InSource, k.Sides},
		append([]key.Binding{k.Tag, k.Untag, k.Mark, k.Undo, k.Redo, k.Note}, k.QuickTags...),
		{k.Add, k.Edit, k.Editor, k.Link, k.Remove, k.EditNote, k.QuoteUp, k.QuoteDown, k.AddQuote, k.EditQuote, k.Delete, k.Sources, k.Trash, k.Journal, k.Retitle},
	}
}

// legends implements legended: the chronology's marks and its axis.
func (b *browser) legends() []legend { return browserLegends() }
