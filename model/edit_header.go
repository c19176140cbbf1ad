package model

import (
	"fmt"
	"strings"
)

// Retitle changes the investigation's title and description (SetHeader),
// as one journal entry that RevertEdit takes back. It changes no event.
// Base, when set, is the header the change was typed on: a field left as
// it was there keeps what the store holds now, and one changed both here
// and meanwhile by another is refused (HeaderConflict), never overwritten.
type Retitle struct {
	Header Header
	Base   *Header
}

// IDs implements Edit: none.
func (r Retitle) IDs() []string { return nil }

// Change implements Edit: events stay as they are.
func (r Retitle) Change(e Event) Event { return e }

// Apply implements Edit. It returns no Change, and a revert when the
// title or the description changed.
func (r Retitle) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpTitle, r.Phrase(), func(tx Tx) error {
		h := r.Header
		if r.Base != nil {
			now, err := tx.Header()
			if err != nil {
				return err
			}
			if h, err = mergeHeader(*r.Base, r.Header, now); err != nil {
				return err
			}
		}
		return SetHeader(tx, h)
	})
}

// Phrase implements Edit: "titled the investigation “NSO Group”", or,
// when only the description was changed, "described the investigation".
func (r Retitle) Phrase() string {
	if r.Base != nil && r.Header.Title == r.Base.Title {
		return "described the investigation"
	}
	return "titled the investigation " + quoteEnds(r.Header.Title)
}

// mergeHeader is mine, typed on base, over now: a field mine left as it
// was takes now's value; one changed both in mine and, otherwise, in now
// is a conflict.
func mergeHeader(base, mine, now Header) (Header, error) {
	var out Header
	if name := mergeTexts(
		textField{"title", base.Title, mine.Title, now.Title, &out.Title},
		textField{"description", base.Description, mine.Description, now.Description, &out.Description},
	); name != "" {
		return Header{}, &HeaderConflict{Field: name, Now: now}
	}
	return out, nil
}

// mergeTyped sets *out to a field's value once mine, typed on base, meets
// now, another change's: mine's where mine changed it, now's where mine
// left it; false when both changed it, each its own way.
func mergeTyped[T comparable](base, mine, now T, out *T) bool {
	switch {
	case mine == base:
		*out = now
	case now == base || now == mine:
		*out = mine
	default:
		return false
	}
	return true
}

// textField is one text field of a three-way merge: its name, its value
// as typed on (base), as typed (mine) and as another change left it
// (now), and where the merged value goes.
type textField struct {
	name            string
	base, mine, now string
	out             *string
}

// mergeTexts merges each field (mergeTyped), and names the first both
// changed, each its own way; "" when there is none.
func mergeTexts(fields ...textField) string {
	for _, f := range fields {
		if !mergeTyped(f.base, f.mine, f.now, f.out) {
			return f.name
		}
	}
	return ""
}

// HeaderConflict refuses a change of the investigation's title or
// description that another change made meanwhile to the same field.
type HeaderConflict struct {
	Field string // "title" or "description"
	Now   Header // the header as the store holds it
}

func (e *HeaderConflict) Error() string {
	return fmt.Sprintf("the investigation's %s was changed meanwhile by another change, %s: saving again puts yours in its place", e.Field, e.ChangedTo())
}

// ChangedTo says what the other change left the field as: "to “…”", or
// "emptied".
func (e *HeaderConflict) ChangedTo() string {
	if e.Field == "description" {
		return changedTo(e.Now.Description)
	}
	return changedTo(e.Now.Title)
}

// Unwrap makes a HeaderConflict an ErrConflict.
func (e *HeaderConflict) Unwrap() error { return ErrConflict }

// quoteEnds quotes a title as quoteTitle does, but cuts a long one in
// its middle: an investigation's title is changed most often at its end
// (a subtitle, a "draft" taken off), which a cut there would hide, the
// phrase reading as the title it replaced.
func quoteEnds(t string) string { return "“" + CutMiddle(t, 24, 15) + "”" }

// CutMiddle shortens s longer than head+tail+1 characters to its first
// head and last tail, " … " between: a title is changed most often at its
// end, which a cut there would hide.
func CutMiddle(s string, head, tail int) string {
	if r := []rune(s); len(r) > head+tail+1 {
		s = strings.TrimRight(string(r[:head]), " ") + " … " + strings.TrimLeft(string(r[len(r)-tail:]), " ")
	}
	return s
}
