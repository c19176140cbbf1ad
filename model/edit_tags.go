package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Retag adds and removes tags on events: tagging and untagging.
type Retag struct {
	Events      []string
	Add, Remove []string
}

// IDs implements Edit.
func (r Retag) IDs() []string { return r.Events }

// Change implements Edit: the tags as the store would leave them.
func (r Retag) Change(e Event) Event {
	e.Tags = TagDelta{Add: r.Add, Remove: r.Remove}.Apply(e.Tags)
	return e
}

// Apply implements Edit. The revert puts back only what the store
// changed, event by event.
func (r Retag) Apply(w Writer) ([]Change, Edit, error) {
	changes, seq, err := writeRetag(w, Retags(r.Events, r.Add, r.Remove), r.phraseOf)
	if err != nil || len(changes) == 0 {
		return changes, nil, err
	}
	return changes, undoTags(changes, r.phraseOf(changes), seq, false, seq), nil
}

// Phrase implements Edit: "tagged #verify on 3 events", "removed #key
// from 1 event".
func (r Retag) Phrase() string { return r.phraseOn(len(r.Events)) }

// phraseOf is the phrase of what changes did (nil: of the change as
// asked): the journal's entry names only the events it reached, and the
// tags it added or removed on any of them, not one every event already
// had ("tagged #verify on 1 event", asked to tag #verify and #key).
func (r Retag) phraseOf(changes []Change) string {
	if len(changes) == 0 {
		return r.Phrase()
	}
	reached := func(tags []string, added bool) []string {
		var out []string
		for _, t := range tags {
			if slices.ContainsFunc(changes, func(c Change) bool { return c.After.HasTag(t) == added && c.Before.HasTag(t) != added }) {
				out = append(out, t)
			}
		}
		return out
	}
	return Retag{Add: reached(r.Add, true), Remove: reached(r.Remove, false)}.phraseOn(len(changes))
}

// phraseOn is the phrase of the change made to n of the events: the
// journal's entry names only those the change reached.
func (r Retag) phraseOn(n int) string {
	var parts []string
	if len(r.Add) > 0 {
		parts = append(parts, "tagged "+Hashtags(r.Add))
	}
	if len(r.Remove) > 0 {
		parts = append(parts, "removed "+Hashtags(r.Remove))
	}
	what := "1 event"
	if n != 1 {
		what = fmt.Sprintf("%d events", n)
	}
	verb := strings.Join(parts, ", ")
	if len(r.Add) > 0 && len(r.Remove) == 0 {
		return verb + " on " + what
	}
	return verb + " from " + what
}

// Outcome says what the edit did, given the events it changed: how many
// took the change and how many had it already, or, when none did, that
// nothing needed changing ("nso-call already has #verify", "tagged #key on
// 1 event; 1 already had it"). Phrase says what it was asked to do.
func (r Retag) Outcome(changes []Change) string {
	n, total := len(changes), len(r.Events)
	if len(r.Add) > 0 && len(r.Remove) > 0 || total == 0 {
		return r.Phrase()
	}
	tags, add := r.Add, len(r.Add) > 0
	if !add {
		tags = r.Remove
	}
	it := "it"
	if len(tags) > 1 {
		it = "them"
	}
	switch {
	case n == 0 && add && total == 1:
		return r.Events[0] + " already has " + Hashtags(tags)
	case n == 0 && add:
		return fmt.Sprintf("all %d events already have %s", total, Hashtags(tags))
	case n == 0 && total == 1:
		return r.Events[0] + " has no " + Hashtags(tags)
	case n == 0:
		return fmt.Sprintf("none of the %d events has %s", total, Hashtags(tags))
	}
	done := r.phraseOf(changes)
	switch {
	case n == total:
		return done
	case add:
		return fmt.Sprintf("%s; %d already had %s", done, total-n, it)
	}
	return fmt.Sprintf("%s; %d did not have %s", done, total-n, it)
}

// UndoTags takes back a change of tags, event by event: writing deltas
// rather than whole events keeps the tags and notes written since, here
// or by another process.
type UndoTags struct {
	Deltas []TagDelta
	// Of is the phrase of the edit first undone, and Seq its entry's
	// number, the same through any number of undos and redos of it.
	Of  string
	Seq uint64
	// Redo is set when it does again what an undo took back.
	Redo bool
	// Reverts is the entry it takes back: Seq's for the first undo, the
	// undo's for its redo, and so on. The journal pairs the two, so that
	// a tag changed and undone does not stand in the way of undoing an
	// older change to the event (inEffect).
	Reverts uint64
}

// undoTags is the edit that takes changes of tags back.
func undoTags(changes []Change, of string, seq uint64, redo bool, reverts uint64) UndoTags {
	u := UndoTags{Of: of, Seq: seq, Redo: redo, Reverts: reverts}
	for _, c := range changes {
		u.Deltas = append(u.Deltas, c.Inverse())
	}
	return u
}

// IDs implements Edit.
func (u UndoTags) IDs() []string {
	ids := make([]string, len(u.Deltas))
	for i, d := range u.Deltas {
		ids[i] = d.ID
	}
	return ids
}

// Change implements Edit.
func (u UndoTags) Change(e Event) Event {
	for _, d := range u.Deltas {
		if d.ID == e.ID {
			e.Tags = d.Apply(e.Tags)
		}
	}
	return e
}

// Apply implements Edit; the revert does again what was undone.
func (u UndoTags) Apply(w Writer) ([]Change, Edit, error) {
	phrase := func([]Change) string { return u.Phrase() }
	changes, seq, err := writeRetagReverting(w, u.Deltas, phrase, u.Reverts)
	if err != nil || len(changes) == 0 {
		return changes, nil, err
	}
	return changes, undoTags(changes, u.Of, u.Seq, !u.Redo, seq), nil
}

// Phrase implements Edit: "undid #7: tagged #verify on 3 events", as
// chrono undo says it, and "redid #7: ..." for the undo of that, not
// "undid: undid: ...".
func (u UndoTags) Phrase() string {
	verb := "undid"
	if u.Redo {
		verb = "redid"
	}
	if u.Seq == 0 {
		return verb + ": " + u.Of
	}
	return fmt.Sprintf("%s #%d: %s", verb, u.Seq, u.Of)
}

// SpeltAs is tags, each spelt as the one of held it equals but for case,
// if any: a tag typed "été" is the #Été an event has, as a filter by tag
// finds it.
func SpeltAs(tags, held []string) []string {
	out := slices.Clone(tags)
	for i, t := range out {
		if j := slices.IndexFunc(held, func(h string) bool { return SameInAnyCase(h, t) }); j >= 0 {
			out[i] = held[j]
		}
	}
	return out
}

// Hashtags writes tags as they are typed and shown: "#verify #key".
func Hashtags(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = Hashtag(t)
	}
	return strings.Join(out, " ")
}

// TagTyped is the tag a person typed as chrono shows it: "#verify" is
// verify, and `#"suspicious login"` (Hashtag) is suspicious login.
func TagTyped(s string) string {
	t, hashed := strings.CutPrefix(s, "#")
	if in, ok := strings.CutPrefix(t, `"`); ok && hashed {
		if in, ok := strings.CutSuffix(in, `"`); ok && strings.ContainsFunc(in, unicode.IsSpace) {
			return in
		}
	}
	return t
}

// UniqueInAnyCase is names (tags, actors) with only the first of those
// equal but for case (CaseKey): "tag e c C" adds one tag, and a filter
// by a tag in every spelling names it once.
func UniqueInAnyCase(names []string) []string {
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		if k := CaseKey(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// Hashtag writes a tag as it is shown: "#verify", and `#"suspicious
// login"` for one holding a space, which would otherwise read as a tag
// and a word.
func Hashtag(t string) string {
	if strings.ContainsFunc(t, unicode.IsSpace) {
		return `#"` + t + `"`
	}
	return "#" + t
}
