package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/quotecheck"
)

// picker is the dialog that chooses filters from a frequency table of
// statuses, tags, actors and the sources cited, each with how many events have it. Typing
// narrows the table; choices within a kind are alternatives, kinds
// combine.
type picker struct {
	ctx     *shared
	base    model.Query // the view's query, whose filters the choices replace
	height  int         // rows on screen
	entries []pickerEntry
	narrow  string
	// dateErr says why what is typed, which has digits, is not a date
	// range: shown when nothing else matches it either.
	dateErr string
	// replacedDate: the range the filter had is offered as a range
	// typed instead, not chosen (typedDate).
	replacedDate bool
	typedIsDate  bool // what is typed reads as a date (typedDate)
	cur          int  // index into shown()
	offset       int
	toggled      bool // a choice was made or undone here
	moved        bool // the cursor was moved here
	keys         pickerKeys
	// countWidth is the width of the widest count, so that they line up.
	countWidth int
	// sets are the events of the sets worked out in the background (a
	// chronology problem, unverified quotes), for the entries that
	// select them.
	sets map[idSet]idList
}

type pickerEntry struct {
	kind   model.FacetKind
	name   string
	count  int
	chosen bool
	// variants are the facet's other spellings in another case ("Key"
	// beside "key"), which are one tag, or one actor, as chrono list
	// takes them: the entry counts and selects them all.
	variants []string
	// shape is set on the entries that are not a facet: "untagged",
	// "with notes", or "during" for a date range typed as EDTF.
	shape  string
	during model.Date
	rel    model.Rel // for shapeLinked
	set    idSet     // for shapeSet
	// counted: a shapeLinked entry's count has come (pickercount.go).
	counted bool
	// citation is a source's, as the sources screen shows it; "" when
	// the source cited is not listed.
	citation string
}

// words is the entry's name as its row says it, which what is typed
// narrows by: a status not assessed has no name of its own.
func (e *pickerEntry) words() string {
	switch e.kind {
	case model.FacetStatuses:
		return model.Status(e.name).Word()
	case model.FacetTags:
		return model.Hashtag(e.name) // as the picker shows it: #ss7 finds it as ss7 does
	case model.FacetSources:
		return e.name + " · " + e.citation // typing the publisher finds it
	}
	return e.name
}

// The entries that are not facets.
const (
	shapeUntagged = "untagged"
	shapeNoted    = "with notes"
	shapeDuring   = "during"
	shapeLinked   = "linked"
	shapeSet      = "set"
	shapeProblem  = "with a chronology problem"
)

type pickerKeys struct {
	Up, Down, Toggle, Apply, Cancel, Erase, EraseAll key.Binding
}

func newPickerKeys() pickerKeys {
	return pickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		Toggle: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "choose")),
		Apply:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel: key.NewBinding(key.WithKeys("esc", "alt+esc", "ctrl+c"), key.WithHelp("esc", "cancel")),
		Erase:  key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "erase")),
		// As at the shell's prompt: what was typed goes at once, to
		// narrow the table by another word.
		EraseAll: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "erase all")),
	}
}

// ShortHelp implements help.KeyMap.
func (k pickerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Toggle, k.Apply, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k pickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.ShortHelp(), {k.Erase, k.EraseAll}}
}

func newPicker(ctx *shared, q model.Query) *picker {
	p := &picker{ctx: ctx, base: q, keys: newPickerKeys()}
	add := func(kind model.FacetKind, fs []model.Facet, chosen func(string) bool) {
		at := map[string]int{} // an entry's index by its name's case key
		for _, f := range fs {
			k := model.CaseKey(f.Name)
			if i, ok := at[k]; ok {
				e := &p.entries[i]
				e.variants = append(e.variants, f.Name)
				e.count += f.Count
				e.chosen = e.chosen || chosen(f.Name)
				continue
			}
			at[k] = len(p.entries)
			p.entries = append(p.entries, pickerEntry{kind: kind, name: f.Name, count: f.Count, chosen: chosen(f.Name)})
		}
	}
	// A date range shows first once one is typed (or chosen before); the
	// events with no tags or with notes follow the statuses.
	p.entries = append(p.entries, pickerEntry{shape: shapeDuring, name: q.During.Label(), during: q.During, chosen: !q.During.IsZero()})
	add(model.FacetStatuses, ctx.statuses, func(s string) bool { return slices.Contains(q.Statuses, model.Status(s)) })
	p.entries = append(p.entries,
		pickerEntry{shape: shapeUntagged, name: shapeUntagged, chosen: q.Untagged},
		pickerEntry{shape: shapeNoted, name: shapeNoted, chosen: q.Noted})
	// Then the events by how others stand to them and they to others:
	// disputed by another event, supporting one, following one ...
	for _, r := range model.Rels {
		p.entries = append(p.entries, pickerEntry{shape: shapeLinked, name: linkedName(r), rel: r, chosen: slices.Contains(q.Linked, r)})
	}
	add(model.FacetTags, ctx.tags, func(s string) bool { return slices.Contains(q.Tags, s) })
	add(model.FacetActors, ctx.actors, func(s string) bool { return slices.Contains(q.Actors, s) })
	// A source is its id, never another in another case: each is its
	// own entry, named by its citation too.
	for _, f := range ctx.sources {
		p.entries = append(p.entries, pickerEntry{kind: model.FacetSources, name: f.Name, count: f.Count,
			chosen: slices.Contains(q.Sources, f.Name), citation: ctx.citations[f.Name]})
	}
	for _, e := range p.entries {
		if e.shape == "" {
			p.countWidth = max(p.countWidth, len(thousands(e.count)))
		}
	}
	p.updateKeys()
	return p
}

// Place implements Dialog: the body.
func (p *picker) Place() place { return placeBody }

// editsText implements editsText: ctrl+c cancels, as esc does.
func (p *picker) editsText() {}

// ShortHelp implements help.KeyMap.
func (p *picker) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p *picker) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// SetSize implements Dialog: a line for what was typed, then the rows.
func (p *picker) SetSize(_, h int) { p.height = max(h-1, 1) }

// updateKeys turns off erasing when nothing is typed, and moving when
// there is no other row to move to.
func (p *picker) updateKeys() {
	p.keys.Erase.SetEnabled(p.narrow != "")
	p.keys.EraseAll.SetEnabled(p.narrow != "")
	rows := len(p.shown()) > 1
	p.keys.Up.SetEnabled(rows)
	p.keys.Down.SetEnabled(rows)
}

// shown returns the indexes of the entries that match what was typed.
func (p *picker) shown() []int {
	var out []int
	for i, e := range p.entries {
		switch {
		case e.shape == shapeDuring:
			// The range the filter has stays chosen, but leaves the rows
			// while what is typed is not a date: enter means the row
			// typed for.
			if !e.during.IsZero() && (p.narrow == "" || !e.chosen || p.typedIsDate) {
				out = append(out, i)
			}
		case p.narrow == "" || model.ContainsFold(e.words(), p.narrow):
			out = append(out, i)
		}
	}
	return out
}

// typedDate offers what is typed as a date range when it reads as one
// (2021, 2017-08/2018), in place of a range not chosen, or of the range
// the filter had, which comes back when what is typed no longer reads
// as a date. A range typed and chosen here stays.
func (p *picker) typedDate() {
	e := &p.entries[0]
	had := p.base.During
	var d model.Date
	p.dateErr = ""
	if strings.ContainsAny(p.narrow, "0123456789") {
		var err error
		if d, err = model.ReadDuring(p.narrow); err != nil {
			p.dateErr = err.Error()
		}
	}
	p.typedIsDate = !d.IsZero()
	if e.chosen && (had.IsZero() || e.during.String() != had.String()) {
		return
	}
	switch {
	case !d.IsZero() && (had.IsZero() || d.String() != had.String()):
		// The range the filter had comes back, when what is typed is not
		// taken, only if it was still chosen: tab may have turned it off.
		if !p.replacedDate {
			p.replacedDate = !had.IsZero() && e.chosen
		}
		e.during, e.name, e.chosen = d, d.Label(), false
	case p.replacedDate:
		e.during, e.name, e.chosen = had, had.Label(), true
		p.replacedDate = false
	case had.IsZero() || e.during.String() != had.String():
		// What was typed no longer reads as a date: its offer goes; a
		// range turned off stays as it is.
		if had.IsZero() {
			e.during, e.name = model.Date{}, ""
		} else {
			e.during, e.name = had, had.Label()
		}
	}
}

// Update implements Dialog: enter applies the choices, esc cancels.
func (p *picker) Update(msg tea.Msg) (Action, tea.Cmd) {
	if c, ok := msg.(pickerCountMsg); ok {
		return nil, p.counted(c)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	defer p.updateKeys()
	shown := p.shown()
	switch {
	case key.Matches(k, p.keys.Cancel):
		return closeDialog{}, nil
	case key.Matches(k, p.keys.Apply):
		// enter on a row, with nothing chosen here, means that row: with
		// the filters already on, the row typed for or moved to, not the
		// one the cursor opened on.
		if !p.toggled && p.cur < len(shown) && (p.narrow != "" || p.moved || !p.anyChosen()) {
			p.entries[shown[p.cur]].chosen = true
		}
		if e := &p.entries[0]; p.replacedDate && !e.chosen {
			// The date typed was offered in place of the range the
			// filter had, and not taken: the range stands.
			e.during, e.name, e.chosen = p.base.During, p.base.During.Label(), true
		}
		q, sets := p.query(p.base)
		return applyFilter{q: q, sets: sets}, nil
	case key.Matches(k, p.keys.Up):
		p.cur, p.moved = max(0, p.cur-1), true
	case key.Matches(k, p.keys.Down):
		p.cur, p.moved = max(0, min(p.cur+1, len(shown)-1)), true
	case key.Matches(k, p.keys.Toggle):
		if p.cur < len(shown) {
			e := &p.entries[shown[p.cur]]
			e.chosen = !e.chosen
			p.toggled = true
			p.cur = min(p.cur+1, len(shown)-1)
		}
	case key.Matches(k, p.keys.EraseAll):
		p.narrow, p.cur = "", 0
		p.typedDate()
	case key.Matches(k, p.keys.Erase):
		r := []rune(p.narrow)
		p.narrow = string(r[:len(r)-1])
		p.cur = 0
		p.typedDate()
	default:
		if t := k.Text; t != "" && !strings.ContainsFunc(t, func(r rune) bool { return r < ' ' }) {
			p.narrow += t
			p.cur = 0
			p.typedDate()
		}
	}
	p.follow(p.height)
	return nil, nil
}

// wheel implements wheelScroller: the cursor moves as many rows as the
// arrows would, and the rows shown follow it.
func (p *picker) wheel(delta int) {
	p.cur = max(0, min(p.cur+delta, len(p.shown())-1))
	p.follow(p.height)
}

func (p *picker) follow(height int) {
	if p.cur < p.offset {
		p.offset = p.cur
	}
	if height > 0 && p.cur >= p.offset+height {
		p.offset = p.cur - height + 1
	}
}

func (p *picker) anyChosen() bool {
	return slices.ContainsFunc(p.entries, func(e pickerEntry) bool { return e.chosen })
}

// query returns q with its filters set to the choices, and the sets of
// events its ids stand for. Sets chosen together are alternatives.
func (p *picker) query(q model.Query) (model.Query, idSet) {
	var sets idSet
	var lists []idList
	q.Tags, q.Statuses, q.Actors, q.Sources, q.During, q.Untagged, q.Noted, q.Linked = nil, nil, nil, nil, model.Date{}, false, false, nil
	q.ByID, q.IDs = false, nil
	for _, e := range p.entries {
		if !e.chosen {
			continue
		}
		switch e.shape {
		case shapeDuring:
			q.During = e.during
			continue
		case shapeUntagged:
			q.Untagged = true
			continue
		case shapeNoted:
			q.Noted = true
			continue
		case shapeLinked:
			q.Linked = append(q.Linked, e.rel)
			continue
		case shapeSet:
			sets |= e.set
			q.ByID = true
			lists = append(lists, p.sets[e.set])
			continue
		}
		switch e.kind {
		case model.FacetTags:
			q.Tags = append(append(q.Tags, e.name), e.variants...)
		case model.FacetStatuses:
			q.Statuses = append(q.Statuses, model.Status(e.name))
		case model.FacetActors:
			q.Actors = append(append(q.Actors, e.name), e.variants...)
		case model.FacetSources:
			q.Sources = append(q.Sources, e.name)
		}
	}
	if q.ByID {
		q.IDs = queryIDs(lists...)
	}
	return q, sets
}

var facetLabels = map[model.FacetKind]string{
	model.FacetStatuses: "status",
	model.FacetTags:     "tag",
	model.FacetActors:   "actor",
	model.FacetSources:  "source",
}

// hint is what the line of what was typed says after it, in w cells:
// as many of its parts as fit whole. Cut, it read "esc ca…" once a few
// words were typed at 80 columns; the footer has the keys all the same.
func (p *picker) hint(w int) string {
	st := &p.ctx.styles
	h := ""
	for i, part := range []string{"type to narrow", keyOf(p.keys.Toggle) + " chooses", keyOf(p.keys.Apply) + " applies", keyOf(p.keys.Cancel) + " cancels"} {
		more := h + " · " + part
		if i == 0 {
			more = "  " + part
		}
		if st.width(more) > w {
			break
		}
		h = more
	}
	return h
}

// View implements Dialog: the table in w×h cells, a line for what was
// typed, then one line per entry.
func (p *picker) View(w, h int) []string {
	st := &p.ctx.styles
	lines := make([]string, 0, h)
	lines = append(lines, st.fit(st.Prompt.Render("filter › ")+line(p.narrow)+st.Muted.Render(p.hint(w-st.width("filter › "+line(p.narrow)))), w))
	shown := p.shown()
	switch {
	case len(shown) == 0 && p.dateErr != "":
		// Typed as a date: why it is not one, wrapped to be read whole.
		for _, l := range st.wrap("nothing matches, and it is not a date: "+line(p.dateErr), w) {
			lines = append(lines, st.Error.Render(l))
		}
	case len(shown) == 0:
		lines = append(lines, st.fit(st.Muted.Render("nothing matches"), w))
	}
	rows := max(h-1, 0)
	for i := p.offset; i < len(shown) && i < p.offset+rows; i++ {
		e := p.entries[shown[i]]
		box := "[ ]"
		if e.chosen {
			box = "[x]"
		}
		name := line(e.name)
		switch e.kind {
		case model.FacetTags:
			name = model.Hashtag(name)
		case model.FacetStatuses:
			name = model.Status(e.name).Mark() + " " + line(e.words())
		case model.FacetSources:
			if e.citation != "" {
				name += " · " + e.citation
			}
		}
		// The links the chronology marks carry its sign: what the filter
		// selects is what the rows show.
		switch {
		case e.shape == shapeLinked && e.rel == model.DisputedBy:
			name = disputedSign + " " + name
		case e.shape == shapeLinked && e.rel == model.SupportedBy:
			name = supportedSign + " " + name
		case e.shape == shapeLinked:
			name = "  " + name
		case e.shape == shapeSet:
			name = setSign(e.set) + " " + name
		}
		label, count := facetLabels[e.kind], thousands(e.count)
		if e.shape != "" {
			label = "events"
		}
		if e.shape != "" && e.shape != shapeSet {
			if !e.counted {
				count = "" // not counted (yet, for a link): the store keeps no count of them
			}
			if e.shape == shapeDuring {
				label, name = "date", "during "+name
			}
		}
		row := fmt.Sprintf("%s %-6s %*s  %s", box, label, p.countWidth, count, name)
		if i == p.cur {
			lines = append(lines, st.Selected.Render(st.pad(row, w)))
		} else {
			lines = append(lines, st.fit(row, w))
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:h]
}

// linkedName is how the picker and the filter bar name the events with a
// link of relation r, as they see it: "disputed by another event".
func linkedName(r model.Rel) string {
	if r == model.Related {
		return "related to another event"
	}
	return r.Phrase() + " another event"
}

// offerSets adds the entries that select the sets of events worked out
// in the background (with a chronology problem, with a quote not found
// in its source, with one that has no snapshot to check), after those
// chosen by their links, while a set has events (or the view is filtered
// to it). chosen are the sets the view is filtered to; of gives a set's
// events.
func (p *picker) offerSets(chosen idSet, of func(idSet) idList) {
	p.sets = map[idSet]idList{}
	at := len(p.entries)
	for i, e := range p.entries {
		if e.shape == shapeLinked {
			at = i + 1
		}
	}
	for _, set := range []idSet{setProblems, setNotFound, setUnchecked} {
		ids := of(set)
		on := p.base.ByID && chosen&set != 0
		if ids.len() == 0 && !on {
			continue
		}
		p.sets[set] = ids
		e := pickerEntry{shape: shapeSet, set: set, name: setName(set), count: ids.len(), chosen: on}
		p.entries = slices.Insert(p.entries, at, e)
		at++
		p.countWidth = max(p.countWidth, len(thousands(e.count)))
	}
}

// setName is how the picker and the filter line name a set.
func setName(s idSet) string {
	switch s {
	case setNotFound:
		return nameNotFound
	case setUnchecked:
		return nameUnchecked
	}
	return shapeProblem
}

// setSign is the sign a set's events carry where they show.
func setSign(s idSet) string {
	switch s {
	case setNotFound:
		return quotecheck.SignNotFound
	case setUnchecked:
		return quotecheck.SignNoSnapshot
	}
	return problemSign
}
