package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// sourcesScreen lists the investigation's sources with how many events
// cite each, in a quote or as the source of their date text (what f
// shows); a source form adds or edits one, and a source is removed only
// while nothing cites it (the store refuses otherwise, and says how many
// cite it).
type sourcesScreen struct {
	ctx     *shared
	keys    sourcesKeys
	sources []model.Source
	cites   map[string]int
	loaded  bool
	// counted is set once the events citing each source are counted,
	// which comes after the list: until then the column says so, and x
	// is not offered, as whether anything cites the source is not known.
	// A count asked again after a change keeps the last one shown until
	// it comes.
	counted bool
	// counting numbers the counts asked for, so that one read before a
	// later change does not overwrite the count after it.
	counting int
	rows     rowCursor
	w, h     int
	// focus is the source the cursor goes to once the list is read
	// again: the one just saved here, else the one selected. The rows
	// are ordered by date, so a source added above the cursor would
	// otherwise move it onto another, which the next e would edit.
	// focusNew is set for a source added without an id, which the store
	// makes: the one the list did not have.
	focus    string
	focusNew bool
}

type sourcesKeys struct {
	listKeys
	Add, Edit, Remove, Undo, Redo, Open key.Binding
	// Events goes back to the chronology filtered to the events citing
	// the source: everything it says.
	Events key.Binding
	// Cited is x on a source that events cite, which says so; neither
	// the footer nor the help offers it.
	Cited key.Binding
}

// sourcesListMsg brings the sources.
type sourcesListMsg struct {
	sources []model.Source
	err     error
}

// citesMsg brings how many events cite each source, for the count seq.
type citesMsg struct {
	seq   int
	cites map[string]int
	err   error
}

// loadSourceList reads the sources, and apart the events citing each
// (countCites), which the list does not wait for.
func (s *sourcesScreen) loadSourceList() tea.Cmd {
	st := s.ctx.store
	s.counting++
	return tea.Batch(func() tea.Msg {
		ss, err := st.Sources()
		sortByPublished(ss)
		return sourcesListMsg{sources: ss, err: err}
	}, countCites(st, s.counting))
}

// sortByPublished puts sources in the order they were published, as an
// investigation's reporting came out; the undated after, and sources of
// one date by id. The store gives them by id.
func sortByPublished(ss []model.Source) {
	slices.SortStableFunc(ss, func(a, b model.Source) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// countCites reads the events citing each source from the counts the
// store keeps (Facets), which every change keeps in step: counting the
// quotes instead walked every event after each change, a second or more
// in a large investigation. The count is the one the store's refusal to
// remove a cited source gives, and the events f shows.
func countCites(st model.Store, seq int) tea.Cmd {
	return func() tea.Msg {
		facets, err := st.Facets(model.FacetSources)
		if err != nil {
			return citesMsg{seq: seq, err: err}
		}
		cites := make(map[string]int, len(facets))
		for _, f := range facets {
			cites[f.Name] = f.Count
		}
		return citesMsg{seq: seq, cites: cites}
	}
}

func newSourcesScreen(ctx *shared) *sourcesScreen {
	s := &sourcesScreen{ctx: ctx, keys: sourcesKeys{
		listKeys: newListKeys(),
		Add:      key.NewBinding(key.WithKeys("a", "A"), key.WithHelp("a/A", "add a source")),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", "edit")),
		Remove:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
		// The hint has room for a URL's start only: o shows it whole, as
		// a link over SSH, when it does not open it.
		Open:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open source")),
		Events: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "its events")),
		Cited:  key.NewBinding(key.WithKeys("x")),
	}}
	// Redo is taken here as well: an undo's status line offers it.
	s.keys.Undo, s.keys.Redo = newUndoKeys()
	return s
}

// Init implements Screen.
func (s *sourcesScreen) Init() tea.Cmd { return s.loadSourceList() }

// Update implements Screen.
func (s *sourcesScreen) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := s.update(msg)
	src, ok := s.selected()
	// A cited source is not offered for removal, and x says why; where
	// nothing may be written, x says that instead, as every writing key
	// does.
	cited := s.cites[src.ID] > 0 && s.ctx.allows(RoleEdit)
	s.keys.Edit.SetEnabled(ok)
	s.keys.Remove.SetEnabled(ok && s.counted && !cited)
	s.keys.Cited.SetEnabled(ok && s.counted && cited)
	s.keys.Open.SetEnabled(ok)
	s.keys.Events.SetEnabled(ok)
	s.keys.enable(&s.rows)
	return a, cmd
}

func (s *sourcesScreen) update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case sourcesListMsg:
		if msg.err != nil {
			return nil, fail(fmt.Errorf("reading the sources: %w", msg.err))
		}
		focus := s.focus
		if src, ok := s.selected(); ok && focus == "" && !s.focusNew {
			focus = src.ID
		}
		had := map[string]bool{}
		for _, src := range s.sources {
			had[src.ID] = true
		}
		isNew := s.focusNew
		s.sources, s.loaded, s.focus, s.focusNew = msg.sources, true, "", false
		s.rows.resize(len(s.sources), s.h-listFrameTop)
		if i := slices.IndexFunc(s.sources, func(src model.Source) bool { return src.ID == focus || isNew && !had[src.ID] }); i >= 0 {
			s.rows.move(i - s.rows.cur)
		}
		return nil, nil
	case citesMsg:
		switch {
		case msg.seq != s.counting:
		case msg.err != nil:
			return nil, fail(fmt.Errorf("counting the events citing each source: %w", msg.err))
		default:
			s.cites, s.counted = msg.cites, true
		}
		return nil, nil
	case showEventsMsg:
		if msg.written {
			return nil, s.loadSourceList() // a source or a quote may have changed
		}
		return nil, nil
	case storeChangedMsg:
		return nil, s.loadSourceList()
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil, nil
}

func (s *sourcesScreen) selected() (model.Source, bool) {
	if s.rows.cur < 0 || s.rows.cur >= len(s.sources) {
		return model.Source{}, false
	}
	return s.sources[s.rows.cur], true
}

// saveSource is what the source form of this screen saves: a write,
// whose source the cursor goes to once the list is read again.
func (s *sourcesScreen) saveSource(base *model.Source, src model.Source) Action {
	s.focus, s.focusNew = src.ID, src.ID == ""
	return writeEdit{model.SaveSource{Base: base, Source: src}}
}

func (s *sourcesScreen) key(msg tea.KeyPressMsg) (Action, tea.Cmd) {
	k := &s.keys
	if k.moveKey(msg, &s.rows) {
		return nil, nil
	}
	src, ok := s.selected()
	switch {
	case key.Matches(msg, k.Back):
		return popScreen{}, nil
	case key.Matches(msg, k.Undo):
		s.focusNew = true // a source it brings back is selected, as a new one is
		return undoLast{}, nil
	case key.Matches(msg, k.Redo):
		s.focusNew = true
		return redoLast{}, nil
	case key.Matches(msg, k.Add):
		f := newSourceForm(s.ctx, nil, s.saveSource, closeDialog{})
		f.others = s.sources
		return openDialog{f}, nil
	case !ok:
		return nil, nil
	case key.Matches(msg, k.Open):
		return nil, s.ctx.openSourceURL(src)
	case key.Matches(msg, k.Events):
		// The source's events alone, as the picker's source entry
		// chooses them; F clears it.
		return popScreen{then: applyFilter{q: model.Query{Sources: []string{src.ID}}}}, nil
	case key.Matches(msg, k.Edit):
		return openDialog{newSourceForm(s.ctx, &src, s.saveSource, closeDialog{})}, nil
	case key.Matches(msg, k.Cited):
		return nil, fail(errors.New(citedSource(src.ID, s.cites[src.ID])))
	case key.Matches(msg, k.Remove):
		return openDialog{newConfirm(s.ctx, "Remove source "+line(src.ID)+"?", "remove it", []string{
			"  " + line(model.Citation(src, func(t string) string { return clip(t, s.w) })),
			"",
			"Nothing cites it. " + keyOf(k.Undo) + " undoes this.",
		}, writeEdit{model.DropSource{ID: src.ID}})}, nil
	}
	return nil, nil
}

// citedSource says why a source n events cite is not removed, and what
// to do instead.
func citedSource(id string, n int) string {
	return fmt.Sprintf("source %s is cited by %s, in quotes or date texts (f shows them); change or remove those first", line(id), plural(n, "event"))
}

// SetSize implements Screen.
func (s *sourcesScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.rows.resize(len(s.sources), h-listFrameTop)
}

// FullHeight implements Screen: the frame and three rows.
func (s *sourcesScreen) FullHeight() int { return listFrameTop + 3 }

// Area implements Screen: a dialog takes everything under the header.
func (s *sourcesScreen) Area(place) (w, h int) { return s.w, max(s.h-1, 0) }

// Latest implements Screen: this screen holds no event.
func (s *sourcesScreen) Latest(string) (model.Event, bool) { return model.Event{}, false }

// Hint implements Screen: the selected source's id and URL, which a
// narrow screen has no column for.
func (s *sourcesScreen) Hint() string {
	src, ok := s.selected()
	if !ok {
		return ""
	}
	h := "id " + line(src.ID)
	if src.URL != "" {
		h += " · " + line(clip(src.URL, s.w))
	}
	if src.Archive != "" {
		h += " · archived " + line(clip(src.Archive, s.w))
	}
	return h
}

// ShortHelp implements help.KeyMap. Named in full, its keys need 140
// columns when all are offered: the footer left out x, o, f and redo at
// 80, while the status line said "U to redo". Where they do not fit,
// they are named short, and undo and redo, offered both, share an item;
// where that is still too wide, the movement key (which the help lists)
// is left out, so that every key that acts fits in 80 columns. The help
// names them in full.
func (s *sourcesScreen) ShortHelp() []key.Binding {
	k, c := &s.keys, s.ctx
	keys := []key.Binding{k.moving(), c.offered(RoleEdit, k.Add), c.offered(RoleEdit, k.Edit), c.offered(RoleEdit, k.Remove), k.Back, k.Open, k.Events}
	keys = append(keys, c.undoing(k.Undo, k.Redo)...)
	if fitsCovered(c, keys, s.w) {
		return keys
	}
	add, edit, back, open, events := k.Add, k.Edit, k.Back, k.Open, k.Events
	add.SetHelp("a", "add")
	edit.SetHelp("e", "edit")
	back.SetHelp("q", back.Help().Desc)
	open.SetHelp(keyOf(open), "open")
	events.SetHelp(keyOf(events), "events")
	redo := k.Redo
	redo.SetHelp("U", redo.Help().Desc)
	undoing := c.undoing(k.Undo, redo)
	if len(undoing) == 2 && undoing[0].Enabled() && undoing[1].Enabled() {
		both := k.Undo
		both.SetHelp(keyOf(k.Undo)+"/"+keyOf(redo), "undo/redo")
		undoing = []key.Binding{both}
	}
	keys = []key.Binding{k.moving(), c.offered(RoleEdit, add), c.offered(RoleEdit, edit), c.offered(RoleEdit, k.Remove), back, open, events}
	keys = append(keys, undoing...)
	if fitsCovered(c, keys, s.w) {
		return keys
	}
	return keys[1:]
}

// FullHelp implements help.KeyMap.
func (s *sourcesScreen) FullHelp() [][]key.Binding {
	k, c := &s.keys, s.ctx
	return [][]key.Binding{
		append(movesForHelp(k.Up, k.Down, k.PageUp, k.PageDown), k.Top, k.Bottom, k.Open, k.Events),
		{c.offered(RoleEdit, k.Add), c.offered(RoleEdit, k.Edit), c.offered(RoleEdit, k.Remove), c.offered(RoleAnnotate, k.Undo), c.offered(RoleAnnotate, k.Redo), k.Back},
	}
}

// sourceColumns are the widths of the publisher, author, title and URL
// columns in w cells, after the events citing it and the date; the URL has one
// only on a wide screen.
func sourceColumns(w int) (pub, author, title, url int) {
	rest := max(w-2-6-1-12-1-3, 0) // cursor, events, date, the gaps
	if w >= wideLayout {
		return rest * 22 / 100, rest * 18 / 100, rest * 34 / 100, rest - rest*22/100 - rest*18/100 - rest*34/100
	}
	return rest * 30 / 100, rest * 22 / 100, rest - rest*30/100 - rest*22/100, 0
}

// View implements Screen.
func (s *sourcesScreen) View(over Dialog) []string {
	st := &s.ctx.styles
	what := "Sources · " + strconv.Itoa(len(s.sources))
	empty := "no sources yet · " + keyOf(s.keys.Add) + " adds one"
	if !s.loaded {
		what, empty = "Sources", "loading…"
	}
	pub, author, title, url := sourceColumns(s.w)
	cols := func(n, date, p, a, t, u string) string {
		r := st.pad(n, 6) + " " + st.pad(date, 12) + " " + st.pad(p, pub) + " " + st.pad(a, author) + " " + st.pad(t, title)
		if url > 0 {
			r += " " + st.pad(u, url)
		}
		return r
	}
	titles := "  " + cols("Events", "Published", "Publisher", "Author", "Title", "URL")
	return listFrame(s.ctx, s.w, s.h, what, titles, &s.rows, over, empty, func(i int, selected bool) string {
		src := s.sources[i]
		n := fmt.Sprintf("%6s", "·")
		switch c := s.cites[src.ID]; {
		case c > 0:
			n = fmt.Sprintf("%6d", c)
		case !s.counted:
			n = fmt.Sprintf("%6s", "…") // not counted yet
		}
		text := func(t string, w int) string { return line(clip(t, w)) }
		p := text(src.Publisher, pub)
		if p == "" && src.Title == "" {
			p = line(src.ID)
		}
		row := cols(n, src.Published.Label(), p, text(src.Author, author), text(src.Title, title), text(src.URL, url))
		if selected {
			return st.Selected.Render(st.pad("› "+row, s.w))
		}
		return st.fit("  "+row, s.w)
	})
}
