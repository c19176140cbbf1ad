package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Role is what a person may change in the investigation they browse:
// each role may do what the ones before it may, and more. A browser run
// at its own terminal is RoleAdmin, the zero value; one served to a
// colleague has the role their key was given.
type Role int

// The roles, from the most to the least allowed.
const (
	// RoleAdmin may do everything, emptying the trash included.
	RoleAdmin Role = iota
	// RoleEdit may add, edit, link and trash events, quotes and sources.
	RoleEdit
	// RoleAnnotate may tag and write notes.
	RoleAnnotate
	// RoleRead may browse, search and copy, and change nothing.
	RoleRead
)

var roleNames = [...]string{RoleAdmin: "admin", RoleEdit: "edit", RoleAnnotate: "annotate", RoleRead: "read"}

// String is the role's name as a users file writes it.
func (r Role) String() string {
	if r < 0 || int(r) >= len(roleNames) {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// ParseRole reads a role's name: read, annotate, edit or admin.
func ParseRole(s string) (Role, error) {
	for r, name := range roleNames {
		if s == name {
			return Role(r), nil
		}
	}
	return 0, fmt.Errorf("role %q: a role is read, annotate, edit or admin", s)
}

// allows reports whether r may do what needs the role need.
func (r Role) allows(need Role) bool { return r <= need }

// needs is the least role that may take an action: RoleRead for one
// that changes nothing.
func needs(a Action) Role {
	switch a := a.(type) {
	case undoLast, redoLast:
		// A session undoes only what it did, which its role allowed.
		return RoleAnnotate
	case writeEdit:
		return editNeeds(a.edit)
	case restoreThen:
		// Roles run from the most allowed to the least: the stricter of
		// two needs is the lesser.
		return min(editNeeds(model.Untrash{}), editNeeds(a.then))
	case authoring, trashEvents:
		return RoleEdit
	case openDialog:
		switch d := a.dialog.(type) {
		case *noteEditor:
			return RoleAnnotate
		case *eventForm, *quoteForm, *sourceForm, *titleDialog, *linkPicker:
			return RoleEdit
		case *confirmDialog:
			return needs(d.yes)
		case *prompt:
			if d.kind == promptTag || d.kind == promptUntag {
				return RoleAnnotate
			}
		}
	}
	return RoleRead
}

// editNeeds is the least role that may make an edit.
func editNeeds(e model.Edit) Role {
	switch e.(type) {
	case model.Retag, model.UndoTags, model.AddNote, model.ReviseNote, model.DropNote:
		return RoleAnnotate
	case model.Purge, model.RevertEdit:
		return RoleAdmin
	}
	return RoleEdit
}

// refusedFor says on the status line that the session's role does not
// allow what was asked.
func (c *shared) refusedFor(need Role) tea.Cmd {
	text := fmt.Sprintf("your role is %s: %s needs the %s role; ask the investigation's admin", c.role, roleWork(need), need)
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// undoRefused says why a session whose role changes nothing has nothing
// to undo or redo: "undo needs the annotate role" read as if tagging
// were what undo takes back, on the sources and trash screens too.
func (c *shared) undoRefused() tea.Cmd {
	text := fmt.Sprintf("your role is %s: this session makes no changes, so it has none to undo or redo", c.role)
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// roleWork names what a role adds, for the refusal.
func roleWork(r Role) string {
	switch r {
	case RoleAnnotate:
		return "adding tags and notes"
	case RoleEdit:
		return "editing events, quotes, links, sources and the investigation's title"
	}
	return "emptying the trash and reverting"
}

// roleKeys are the browser's keys that need more than read, by the role
// they need; the help and the footer lose the keys a session's role does
// not allow. onNote is whether the sources pane has a note selected:
// removing or editing a note is annotating, as writing it was, while
// removing a quote or a link, or editing a quote, is editing.
func roleKeys(k *browserKeys, onNote bool) [2]roleKeyed {
	annotate := []*key.Binding{&k.Tag, &k.Untag, &k.Undo, &k.Redo, &k.Note}
	for i := range k.QuickTags {
		annotate = append(annotate, &k.QuickTags[i])
	}
	edit := []*key.Binding{&k.Add, &k.Edit, &k.Editor, &k.Link, &k.QuoteUp, &k.QuoteDown, &k.QuoteAtEnd, &k.AddQuote, &k.Delete, &k.Retitle}
	// e edits the note or the quote selected: the refusal names the
	// role that one needs.
	if onNote {
		annotate = append(annotate, &k.Remove, &k.EditNote)
	} else {
		edit = append(edit, &k.Remove, &k.EditQuote)
	}
	return [2]roleKeyed{{RoleAnnotate, annotate}, {RoleEdit, edit}}
}

// roleKeyed is keys and the role they need.
type roleKeyed struct {
	need Role
	keys []*key.Binding
}

// keysByRole is roleKeys of one set of keys, with the sources pane off a
// note and on one: built once, as they are looked up at every key.
type keysByRole [2][2]roleKeyed

func keysByRoleOf(k *browserKeys) keysByRole {
	return keysByRole{roleKeys(k, false), roleKeys(k, true)}
}

// at is the keys by role as the pane is, on a note or not.
func (r *keysByRole) at(onNote bool) [2]roleKeyed {
	if onNote {
		return r[1]
	}
	return r[0]
}

// restrictKeys turns off the keys the session's role does not allow,
// after updateKeys has turned on what has something to act on.
func (b *browser) restrictKeys() {
	_, onNote := b.detail.note()
	for _, r := range b.byRole.at(onNote) {
		if b.ctx.allows(r.need) {
			continue
		}
		for _, k := range r.keys {
			k.SetEnabled(false)
		}
	}
	if b.ctx.remote {
		// No program runs on the server for a remote session.
		b.keys.Editor.SetEnabled(false)
	}
}

// refusable is every key of the browser, on whatever the state, and
// which of them need more than read: what a pressed key is checked
// against for a refusal. Built once for a browser (its quick tags do not
// change), as the check is made for every key.
type refusable struct {
	all    *browserKeys
	byRole keysByRole
}

func newRefusable(quickTags []string) refusable {
	all := newBrowserKeys(quickTags)
	return refusable{all: &all, byRole: keysByRoleOf(&all)}
}

// refusedKey is the refusal of a key the role does not allow, or nil
// when msg is not one (or is also a key the role allows, here).
func (b *browser) refusedKey(msg tea.KeyPressMsg) tea.Cmd {
	_, onNote := b.detail.note()
	for _, r := range b.refusable.byRole.at(onNote) {
		if b.ctx.allows(r.need) {
			continue
		}
		for _, k := range r.keys {
			if !key.Matches(msg, *k) {
				continue
			}
			for _, col := range b.FullHelp() {
				if key.Matches(msg, col...) {
					return nil // the same key does something allowed here
				}
			}
			switch {
			case b.ctx.readOnly != "":
				return b.ctx.refused() // the store, not the role
			case k == &b.refusable.all.Undo || k == &b.refusable.all.Redo:
				return b.ctx.undoRefused()
			}
			return b.ctx.refusedFor(r.need)
		}
	}
	if b.ctx.remote && key.Matches(msg, b.refusable.all.Editor) {
		return say("no editor runs on the server: " + keyOf(b.refusable.all.Edit) + " edits the event in a form")
	}
	return nil
}

// offered is b as a screen's help shows it: off when the role does not
// allow what it needs. The key itself stays on, so that pressing it says
// why it is refused (act checks every action against the role).
func (c *shared) offered(need Role, b key.Binding) key.Binding {
	if !c.allows(need) {
		b.SetEnabled(false)
	}
	return b
}

// allows reports whether this session may do what needs need: the role
// allows it, and, for a change, the store can be written. The keys of
// changes are not offered on a read-only store, as to a reader.
func (c *shared) allows(need Role) bool {
	return c.role.allows(need) && (c.readOnly == "" || need == RoleRead)
}

// undoing is undo and redo as a footer offers them, on every screen that
// has them: while this session has a change to take back, or to make
// again, and the role allows it.
func (c *shared) undoing(undo, redo key.Binding) []key.Binding {
	var out []key.Binding
	if c.undos > 0 {
		out = append(out, c.offered(RoleAnnotate, undo))
	}
	if c.redos > 0 {
		out = append(out, c.offered(RoleAnnotate, redo))
	}
	return out
}
