package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"chrono/model"
)

// missingAdvice says what to do about an id the store does not hold:
// what the store knows of it (missingHint), or where to find the ids.
func missingAdvice(r model.Reader, m *model.Missing) string {
	if hint := missingHint(r, m); hint != "" {
		return hint
	}
	switch m.Kind {
	case model.MissingEvent:
		return "; chrono list shows the ids (chrono trash, the deleted ones)"
	case model.MissingTrashed:
		return "; chrono trash lists the deleted events"
	case model.MissingSource:
		return "; chrono source list lists them"
	}
	return ""
}

// missingHint says what the store knows of an id it does not hold:
// that the event is in the trash, or on the timeline rather than in it,
// or the ids a slip away from it; "" when it knows nothing.
func missingHint(r model.Reader, m *model.Missing) string {
	var near []string
	switch m.Kind {
	case model.MissingEvent:
		if inTrash(r, m.ID) {
			return fmt.Sprintf("; it is in the trash: chrono restore %s brings it back", m.ID)
		}
		if isSource(r, m.ID) {
			return fmt.Sprintf("; %q is a source's id, not an event's: chrono source show %s shows it", m.ID, m.ID)
		}
		near = nearIDs(r, m.ID)
	case model.MissingTrashed:
		if _, err := r.Event(m.ID); err == nil {
			return "; it is on the timeline, not deleted"
		}
		var ids []string
		if trashed, err := r.Trash(); err == nil {
			for _, t := range trashed {
				ids = append(ids, t.Event.ID)
			}
		}
		near = nearest(m.ID, ids)
	case model.MissingSource:
		var ids []string
		if sources, err := r.Sources(); err == nil {
			for _, s := range sources {
				ids = append(ids, s.ID)
			}
		}
		// "occupy" for occupy-democrats: a source's id is often typed
		// by its first word.
		near = nearOrHolding(m.ID, ids)
	}
	if len(near) == 0 {
		return ""
	}
	return "; did you mean " + quotedOr(near) + "?"
}

// nearOrHolding returns the ids of held a typing slip from id, or else
// those that hold id (of three characters or more) as a part of them, at
// most a few.
func nearOrHolding(id string, held []string) []string {
	if near := nearest(id, held); len(near) > 0 {
		return near
	}
	var holding []string
	for _, c := range held {
		if len(id) >= 3 && strings.Contains(c, strings.ToLower(id)) {
			holding = append(holding, c)
		}
	}
	return holding[:min(len(holding), closestShown)]
}

// isSource reports whether a source has the id.
func isSource(r model.Reader, id string) bool {
	sources, err := r.Sources()
	return err == nil && slices.ContainsFunc(sources, func(s model.Source) bool { return s.ID == id })
}

// inTrash reports whether the event with an id is in the trash.
func inTrash(r model.Reader, id string) bool {
	trashed, err := r.Trash()
	return err == nil && slices.ContainsFunc(trashed, func(t model.Trashed) bool { return t.Event.ID == id })
}

// nearIDsRead bounds the ids nearIDs reads: the names it compares come
// from the index by prefix, so that a store of a million events is not
// read whole for a message.
const nearIDsRead = 200

// nearIDs returns the stored event ids a typing slip from id, or that id
// is the start of (at most a few), the closest first.
func nearIDs(r model.Reader, id string) []string {
	if longer, err := r.IDs(id, closestShown); err == nil && len(longer) > 0 {
		return longer
	}
	// A store of few events is compared whole, and an id that holds the
	// one given is offered too ("mobileum" for nso-mobileum-call).
	if all, err := r.IDs("", nearIDsRead); err == nil && len(all) < nearIDsRead {
		return nearOrHolding(id, all)
	}
	// In a large store, an id that differs from one stored shares a
	// beginning with it: the longest beginning any stored id has, and
	// shorter ones while they hold few ids.
	var candidates []string
	for n := len(id) - 1; n > 0 && len(candidates) < nearIDsRead; n-- {
		ids, err := r.IDs(id[:n], nearIDsRead)
		if err != nil {
			return nil
		}
		for _, c := range ids {
			if !slices.Contains(candidates, c) {
				candidates = append(candidates, c)
			}
		}
	}
	if lower := strings.ToLower(id); lower != id {
		if ids, err := r.IDs(lower, 1); err == nil && len(ids) == 1 && ids[0] == lower {
			return ids
		}
	}
	return nearest(id, candidates)
}

// quotedOr lists names for a question: "a"; "a" or "b"; one of "a",
// "b", "c".
func quotedOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) > 2 {
		return "one of " + strings.Join(q, ", ")
	}
	return strings.Join(q, " or ")
}

// advised is an error with what to do about it said after it.
type advised struct {
	err    error
	advice string
}

func (a *advised) Error() string { return a.err.Error() + a.advice }
func (a *advised) Unwrap() error { return a.err }

// explain adds to an error what the user can do about it: for an id the
// store does not hold, the id meant or where to look.
func explain(r model.Reader, err error) error {
	var (
		ce *model.ConflictError
		a  *advised
		m  *model.Missing
	)
	var ee *model.EventError
	switch {
	case err == nil, errors.As(err, &ce), errors.As(err, &a):
		return err
	case errors.As(err, &m):
		return &advised{err: err, advice: missingAdvice(r, m)}
	case errors.As(err, &ee) && len(ee.Missing) > 0:
		return &advised{err: err, advice: referenceAdvice(r, ee.Missing)}
	}
	return err
}

// referenceAdvice offers, for each source or event an event names that
// the store lacks, the one meant: named when there are several.
func referenceAdvice(r model.Reader, missing []model.Missing) string {
	var distinct []model.Missing
	for _, m := range missing {
		if !slices.Contains(distinct, m) {
			distinct = append(distinct, m)
		}
	}
	var out strings.Builder
	for _, m := range distinct {
		advice := missingHint(r, &m)
		if advice == "" {
			continue // the problem says what to do
		}
		if len(distinct) > 1 {
			advice = fmt.Sprintf("; for %q, %s", m.ID, strings.TrimPrefix(advice, "; "))
		}
		out.WriteString(advice)
	}
	return out.String()
}
