package tui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// eventForm is the dialog that adds an event or edits the selected one,
// over the body: it takes every key while open (a screen would lose q and
// ? to the root), and the footer shows its keys from its bindings. It
// ends in a saveEvent action; the event as it was when the editing began
// travels with it as base, so that a write can tell a conflict.
//
// The date is read as it is typed, and what chrono makes of it shows
// under it; the source's words for the date, read from the publication
// date of the source that anchors them, propose a date to take.
type eventForm struct {
	ctx  *shared
	base *model.Event // nil when adding
	keys eventFormKeys
	// inTrash: the last save found the event in the trash, put there
	// meanwhile; the next restores it first.
	inTrash bool

	inputs  [fieldCount]textinput.Model // the one-line fields
	summary textarea.Model
	media   textarea.Model // the media as text (mediaText)
	status  int            // index into formStatuses
	source  int            // 0: none, else 1 + index into sources
	sources []model.Source
	focus   formField
	w, h    int

	// What the fields were filled with, as stored: a stored text that
	// is not safe to show is shown made safe, and kept as it was but
	// for what is typed (keptText); the summary's follows each edit of
	// it (editArea).
	stored  [fieldCount]string
	initial string // the fields as they were filled, to tell a change
	// filled is the event the fields were filled from, nil for a new
	// one: a field left as it was keeps its value (text).
	filled *model.Event

	reading  string // what chrono reads in the date field
	readErr  bool
	proposal model.Date // the date the source's words propose; zero when none
	proposed string     // what the form says of the date text; the key that takes a proposal follows it (notes)
	problem  refusal    // why the last save was refused
	discard  discardGuard
	// conflict is set when a save met a change made meanwhile; rest is
	// what the fields the form does not show (quotes, links, notes) are
	// taken from when it is not base.
	conflict *formConflict
	rest     *model.Event
	// pendingSource is the source a draft chose (reopen), until the
	// choices come.
	pendingSource *string
}

// formField is a field of the event form, in the order of the form.
type formField int

const (
	fieldDate formField = iota
	fieldDateText
	fieldSource
	fieldTitle
	fieldStatus
	fieldActors
	fieldTags
	fieldMedia
	fieldSummary
	fieldCount
)

var fieldLabels = [fieldCount]string{"Date", "Date text", "Anchored by", "Title", "Status", "Actors", "Tags", "Media", "Summary"}

// formStatuses are the status field's choices: not assessed, then
// model.Statuses.
var formStatuses = append([]model.Status{""}, model.Statuses...)

type eventFormKeys struct {
	formKeys
	Choose, Propose key.Binding
	// Reload and Keep answer a conflict.
	Reload, Keep key.Binding
}

// ShortHelp implements help.KeyMap.
func (k eventFormKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Reload, k.Keep, k.Next, k.Prev, k.Choose, k.Propose, k.Save, k.Cancel}
}

// footerKeys implements endKeys: save and cancel stay at every width.
func (k eventFormKeys) footerKeys() (own, end []key.Binding) {
	return []key.Binding{k.Reload, k.Keep, k.Next, k.Prev, k.Choose, k.Propose}, []key.Binding{k.Save, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k eventFormKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newEventFormKeys() eventFormKeys {
	return eventFormKeys{
		formKeys: newFormKeys(),
		Choose:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Propose:  key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "take the proposed date")),
		// Short: at 80 columns the footer shows both beside ctrl+s.
		Reload: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "take theirs")),
		Keep:   key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "keep yours")),
	}
}

var fieldPlaceholders = map[formField]string{
	fieldDate:     "Aug 2017, 14 Aug 2017, 2017-08/2021, or empty: undated",
	fieldDateText: "the source's own words, such as “last year”",
	fieldTitle:    "what happened, in a line",
	fieldActors:   "people and organisations, separated by commas",
	fieldTags:     "tags, separated by spaces or commas",
}

// newEventForm returns the form adding an event (base nil) or editing
// base. The sources come later (sourcesMsg).
func newEventForm(ctx *shared, base *model.Event) *eventForm {
	f := &eventForm{ctx: ctx, keys: newEventFormKeys(), w: -1}
	for fld, ph := range fieldPlaceholders {
		f.inputs[fld] = newFieldInput(&ctx.styles, ph)
	}
	f.summary = newFieldArea(&ctx.styles, "what the sources say happened", "")
	f.media = newFieldArea(&ctx.styles, "a url a line, then caption: …, credit: …", "")
	if base != nil {
		b := *base
		f.base = &b
		f.fill(b)
	}
	f.initial = f.snapshot()
	f.focusOn(fieldDate)
	f.read()
	f.updateKeys()
	return f
}

// fill puts an event's fields in the form.
func (f *eventForm) fill(e model.Event) {
	f.filled = &e
	set := func(fld formField, v string) {
		f.stored[fld] = fillInput(&f.inputs[fld], v)
	}
	set(fieldDate, dateInput(e.Date))
	set(fieldDateText, e.DateText)
	set(fieldTitle, e.Title)
	set(fieldActors, strings.Join(e.Actors, ", "))
	set(fieldTags, tagsText(e.Tags))
	f.stored[fieldSummary] = e.Summary
	f.summary.SetValue(areaText(e.Summary))
	f.stored[fieldMedia] = mediaText(e.Media)
	f.media.SetValue(areaText(f.stored[fieldMedia]))
	f.status = max(slices.Index(formStatuses, e.Status), 0)
}

// dateInput is a date as the form shows it to be edited: as chrono
// writes it for people when that reads back the same, else as EDTF.
func dateInput(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	if back, err := model.ReadDate(d.Label()); err == nil && back.String() == d.String() {
		return d.Label()
	}
	return d.String()
}

// value is a field's text as it is to be stored.
func (f *eventForm) value(fld formField) string {
	v := f.inputs[fld].Value()
	switch fld {
	case fieldSummary:
		v = f.summary.Value()
	case fieldMedia:
		v = f.media.Value()
	}
	return keptText(v, f.stored[fld], fld == fieldSummary || fld == fieldMedia)
}

// snapshot is every field as typed, to tell whether anything changed.
func (f *eventForm) snapshot() string {
	var b strings.Builder
	for fld := range fieldCount {
		switch fld {
		case fieldSource:
			fmt.Fprintf(&b, "%s\x00", f.sourceID())
		case fieldStatus:
			fmt.Fprintf(&b, "%d\x00", f.status)
		default:
			b.WriteString(f.value(fld) + "\x00")
		}
	}
	return b.String()
}

func (f *eventForm) changed() bool { return f.snapshot() != f.initial }

// sourceID is the id of the source chosen to anchor the date text.
func (f *eventForm) sourceID() string {
	if f.source > 0 && f.source <= len(f.sources) {
		return f.sources[f.source-1].ID
	}
	if f.pendingSource != nil && len(f.sources) == 0 {
		return *f.pendingSource // not loaded yet
	}
	if f.base != nil && len(f.sources) == 0 {
		return f.base.DateSource // not loaded yet
	}
	return ""
}

// Place implements Dialog: the body.
func (f *eventForm) Place() place { return placeBody }

// ShortHelp implements help.KeyMap.
func (f *eventForm) ShortHelp() []key.Binding { return f.keys.ShortHelp() }

// footerKeys implements endKeys. Named in full, the keys need 94
// columns on any field while a date is proposed: at 80 the footer left
// out ctrl+y while the proposal said "ctrl+y takes it". Where they do
// not fit, tab and shift+tab share an item and ctrl+y is named short;
// where that is still too wide (a conflict to settle), tab and
// shift+tab, which every form has, are left out, and then the keys
// that settle the conflict are named short, so that the keys the
// form's own text names stay.
func (f *eventForm) footerKeys() (own, end []key.Binding) {
	own, end = f.keys.footerKeys()
	if fitsWhole(f.ctx, append(own, end...), f.w) {
		return own, end
	}
	k := &f.keys
	move, propose, reload, keep := k.Next, k.Propose, k.Reload, k.Keep
	move.SetHelp(keyOf(k.Next)+"/"+keyOf(k.Prev), "move")
	propose.SetHelp(keyOf(propose), "take date")
	reload.SetHelp(keyOf(reload), "theirs")
	keep.SetHelp(keyOf(keep), "yours")
	// The proposal before the choice: with a conflict to settle as well,
	// the line holds one of them, and only the proposal's key is named
	// on the form.
	tiers := [][]key.Binding{
		{k.Reload, k.Keep, move, propose, k.Choose},
		{k.Reload, k.Keep, propose, k.Choose},
	}
	for _, own := range tiers {
		if fitsWhole(f.ctx, append(own, end...), f.w) {
			return own, end
		}
	}
	return []key.Binding{reload, keep, propose, k.Choose}, end
}

// FullHelp implements help.KeyMap.
func (f *eventForm) FullHelp() [][]key.Binding { return f.keys.FullHelp() }

// focusOn moves the cursor to a field.
func (f *eventForm) focusOn(fld formField) {
	f.focus = fld
	for i := range f.inputs {
		blurInput(&f.inputs[i])
	}
	blurArea(&f.summary)
	blurArea(&f.media)
	switch fld {
	case fieldSummary:
		focusArea(&f.summary)
	case fieldMedia:
		focusArea(&f.media)
	case fieldSource, fieldStatus:
	default:
		focusInput(&f.inputs[fld])
	}
	f.fitSummary() // the media's field grows when the cursor comes
}

// updateKeys turns on ←/→ on the fields that choose, ctrl+y when there
// is a proposal to take, and the keys that settle a conflict while one
// stands.
func (f *eventForm) updateKeys() {
	f.keys.Choose.SetEnabled(f.focus == fieldSource || f.focus == fieldStatus)
	f.keys.Propose.SetEnabled(!f.proposal.IsZero())
	f.keys.Reload.SetEnabled(f.conflict != nil)
	f.keys.Keep.SetEnabled(f.conflict != nil)
}

// Update implements Dialog.
func (f *eventForm) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := f.update(msg)
	f.updateKeys()
	return a, cmd
}

func (f *eventForm) update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case sourcesMsg:
		if msg.err != nil {
			return nil, fail(msg.err)
		}
		f.setSources(msg.sources)
		return nil, nil
	case tea.KeyPressMsg:
		return f.key(msg)
	}
	return nil, f.edit(msg)
}

// setSources gives the anchoring field its choices, keeping the chosen
// one. Filling the choices is not a change of the investigator's.
func (f *eventForm) setSources(ss []model.Source) {
	unchanged := !f.changed()
	id := f.sourceID()
	f.sources = ss
	f.source = 0
	for i, s := range ss {
		if s.ID == id {
			f.source = i + 1
		}
	}
	if unchanged {
		f.initial = f.snapshot()
	}
	f.read()
}

func (f *eventForm) key(k tea.KeyPressMsg) (Action, tea.Cmd) {
	keys := &f.keys
	if act, cmd, ok := f.discard.leaving(k, keys.Interrupt, keys.Save, keys.Cancel, f.changed, closeDialog{}); ok {
		return act, cmd
	}
	switch {
	case key.Matches(k, keys.Save):
		return f.save()
	case key.Matches(k, keys.Reload):
		f.reload()
		return nil, nil
	case key.Matches(k, keys.Keep):
		f.keep()
		return nil, nil
	case key.Matches(k, keys.Next):
		f.focusOn(stepRound(f.focus, 1, fieldCount))
		return nil, nil
	case key.Matches(k, keys.Prev):
		f.focusOn(stepRound(f.focus, -1, fieldCount))
		return nil, nil
	case key.Matches(k, keys.Propose):
		f.inputs[fieldDate].SetValue(dateInput(f.proposal))
		f.inputs[fieldDate].CursorEnd()
		f.read()
		return nil, nil
	case key.Matches(k, keys.Choose):
		step := 1
		if k.String() == "left" {
			step = -1
		}
		if f.focus == fieldStatus {
			f.status = stepRound(f.status, step, len(formStatuses))
		} else {
			f.source = stepRound(f.source, step, len(f.sources)+1)
			f.read()
		}
		return nil, nil
	case k.String() == "enter" && f.focus != fieldSummary && f.focus != fieldMedia:
		f.focusOn(stepRound(f.focus, 1, fieldCount))
		return nil, nil
	}
	return nil, f.edit(k)
}

// edit gives a message to the field with the cursor.
func (f *eventForm) edit(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.focus {
	case fieldSource, fieldStatus:
		return nil
	case fieldSummary:
		return editArea(&f.summary, &f.stored[fieldSummary], msg)
	case fieldMedia:
		return editArea(&f.media, &f.stored[fieldMedia], msg)
	default:
		cmd = editLine(&f.inputs[f.focus], f.stored[f.focus], msg)
		f.read()
	}
	return cmd
}

// read reads the date as typed, and what the date text proposes, and
// gives the summary the lines their notes leave.
func (f *eventForm) read() {
	f.readNotes()
	f.fitSummary()
}

// readNotes reads the date as typed, and what the date text proposes.
func (f *eventForm) readNotes() {
	typed := strings.TrimSpace(f.inputs[fieldDate].Value())
	d, err := model.ReadDate(typed)
	switch {
	case err != nil && model.Relative(typed):
		// As the CLI's --date says: a date relative to a source is read
		// from the source's publication.
		f.reading, f.readErr = fmt.Sprintf("%q is a source's words, not a date: type them in %s, choose the source they are from in %s, and chrono proposes the date they mean", typed, fieldLabels[fieldDateText], fieldLabels[fieldSource]), true
	case err != nil:
		f.reading, f.readErr = err.Error(), true
	case d.IsZero():
		f.reading, f.readErr = "undated", false
	case typed == d.String():
		f.reading, f.readErr = d.Label(), false
	default:
		f.reading, f.readErr = d.Label()+" (EDTF "+d.String()+")", false
	}
	f.proposal, f.proposed = model.Date{}, ""
	text := strings.TrimSpace(f.value(fieldDateText))
	if text == "" {
		if f.source > 0 {
			// A source anchors words; with none, saving drops it.
			f.proposed = "with no date text, the source chosen anchors nothing and is not kept: type its words in Date text to keep it"
		}
		return
	}
	var published model.Date
	if f.source > 0 && f.source <= len(f.sources) {
		published = f.sources[f.source-1].Published
	}
	p, ok := model.ProposeDate(text, published)
	switch {
	case !ok && published.IsZero() && f.source > 0:
		f.proposed = "the source chosen has no date of publication to read these words from: give it one (S, the sources screen)"
	case !ok && published.IsZero():
		f.proposed = "choose the source these words are from, to read them from its date"
	case !ok && model.Relative(text):
		// Words chrono reads, from a date too coarse for them ("two
		// weeks ago" from 2020).
		f.proposed = fmt.Sprintf("these words need a more exact date of publication than the source's, %s", published.Label())
	case !ok:
		f.proposed = "chrono cannot tell a date from these words"
	case err == nil && p.String() == d.String():
		f.proposed = "the date agrees with these words"
	case err == nil && !d.IsZero() && certain(d) && p.Earliest().Compare(d.Earliest()) <= 0 && d.Latest().Compare(p.Latest()) <= 0:
		// Jun 2021 beside "last year" read as 2021: more exact than the
		// words, not against them; taking the proposal would lose that.
		f.proposed = "the date agrees with these words, more exactly"
	default:
		f.proposal = p
		f.proposed = "proposes " + p.Label()
		if !published.IsZero() {
			f.proposed += ", read in a source published " + published.Label()
		}
	}
}

// readActors reads the actors field: names separated by commas, but for
// those of held (the event's own) whose name holds a comma ("Smith,
// John"), which stay one wherever the field still has them whole.
func readActors(s string, held []string) []string {
	parts := strings.Split(s, ",")
	var out []string
	for i := 0; i < len(parts); {
		n := 1
		for _, h := range held {
			k := strings.Count(h, ",") + 1
			if k > n && i+k <= len(parts) && strings.TrimSpace(strings.Join(parts[i:i+k], ",")) == h {
				n = k
			}
		}
		a := strings.TrimSpace(strings.Join(parts[i:i+n], ","))
		if a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
		i += n
	}
	return out
}

// errUnreadableDate stops a save while the date cannot be read.
var errUnreadableDate = errors.New("date: chrono cannot read it (see under the field)")

// event is the event the form describes, or why it cannot be saved.
func (f *eventForm) event() (model.Event, error) {
	var e model.Event
	if from := cmp.Or(f.rest, f.base); from != nil {
		e = *from
		e.Quotes, e.Links, e.Notes, e.Media = slices.Clone(e.Quotes), slices.Clone(e.Links), slices.Clone(e.Notes), slices.Clone(e.Media)
	}
	d, err := model.ReadDate(f.inputs[fieldDate].Value())
	if err != nil {
		return e, errUnreadableDate
	}
	e.Date = d
	e.SetDateText(f.text(fieldDateText, func(e *model.Event) string { return e.DateText }))
	e.DateSource = f.sourceID()
	if strings.TrimSpace(e.DateText) == "" {
		e.DateSource = "" // it anchors no words
	}
	e.Title = f.text(fieldTitle, func(e *model.Event) string { return e.Title })
	e.Status = formStatuses[f.status]
	if f.filled != nil && f.value(fieldActors) == strings.Join(f.filled.Actors, ", ") {
		e.Actors = slices.Clone(f.filled.Actors)
	} else {
		held := slices.Clone(e.Actors)
		if f.base != nil {
			held = append(held, f.base.Actors...)
		}
		e.Actors = readActors(f.value(fieldActors), held)
	}
	if e.Tags, err = parseTags(f.value(fieldTags), f.knownTags()); err != nil {
		return e, err
	}
	e.Summary = f.text(fieldSummary, func(e *model.Event) string { return e.Summary })
	// Media left as they were filled stay as stored, whatever the text
	// would read back as.
	if f.filled == nil || f.value(fieldMedia) != mediaText(f.filled.Media) {
		if e.Media, err = readMedia(f.value(fieldMedia)); err != nil {
			return e, err
		}
	}
	probe := e
	if probe.ID == "" {
		probe.ID = "new" // the id comes when it is saved
	}
	// What the stored version already had (a quote of white space, from
	// before chrono refused one) does not stop a save, as in every edit.
	var before []string
	if f.base != nil {
		before = f.base.Check()
	}
	for _, msg := range probe.Check() {
		if !slices.Contains(before, msg) {
			return e, errors.New(msg)
		}
	}
	return e, nil
}

// text is a text field's value to store: trimmed as typed, or, left as
// it was filled, the event's own, spaces and all, so that a save changes
// only the fields the investigator changed (a summary imported with a
// trailing line break is not rewritten by a change of status).
func (f *eventForm) text(fld formField, of func(*model.Event) string) string {
	v := f.value(fld)
	if f.filled != nil && v == of(f.filled) {
		return v
	}
	return strings.TrimSpace(v)
}

// save checks the event and says to save it; a new event has no id yet:
// the write makes one from its title, free in the store.
func (f *eventForm) save() (Action, tea.Cmd) {
	e, err := f.event()
	if err != nil {
		f.problem = refuse(err.Error(), f.snapshot())
		if fld, ok := fieldOf(err.Error()); ok {
			f.focusOn(fld) // where the fix is to be typed
			f.updateKeys()
		}
		return nil, nil
	}
	f.problem = refusal{}
	return saveEvent{base: f.base, event: e, restore: f.inTrash}, nil
}

// fieldOf is the field a problem of the event is about, by the name it
// starts with ("title: missing", "tag \"x\": ...").
func fieldOf(problem string) (formField, bool) {
	for _, p := range []struct {
		prefix string
		fld    formField
	}{
		{"date_text", fieldDateText}, {"date_source", fieldSource}, {"date", fieldDate},
		{"title", fieldTitle}, {"status", fieldStatus}, {"actor", fieldActors},
		{"tag", fieldTags}, {"summary", fieldSummary}, {"media", fieldMedia}, {"medium", fieldMedia},
	} {
		if strings.HasPrefix(problem, p.prefix) {
			return p.fld, true
		}
	}
	return 0, false
}

// SetSize implements Dialog: the one-line fields take the width after the
// labels, the summary the lines left.
func (f *eventForm) SetSize(w, h int) {
	if w == f.w && h == f.h {
		return
	}
	f.w, f.h = w, h
	iw, aw := fieldWidths(w)
	for i := range f.inputs {
		setInputWidth(&f.inputs[i], iw)
	}
	// Laid out at the height it will have: scrolled at the old one, a
	// summary grown back showed its last line over blank rows.
	resizeArea(&f.media, aw, f.mediaHeight())
	resizeArea(&f.summary, aw, f.summaryHeight())
}

// knownTags are the tags the event had, which tags typed without commas
// are read as when they make one whole (parseTags).
func (f *eventForm) knownTags() []string {
	if f.base == nil {
		return nil
	}
	return f.base.Tags
}

// editsText implements editsText: ctrl+c says how to save or discard.
func (*eventForm) editsText() {}

// certain reports whether neither end of d is approximate or uncertain:
// only then is a date within the words' more exact than they are.
func certain(d model.Date) bool {
	for _, end := range []func() (model.Date, bool){d.Start, d.End} {
		if e, ok := end(); ok && e.Qualifier() != model.Certain {
			return false
		}
	}
	return true
}
