package model

import (
	"fmt"
	"strings"
)

// Status is the standing of an event's claim.
type Status string

// Statuses, from firmest to weakest standing. The empty Status means not
// yet assessed.
const (
	Confirmed Status = "confirmed"
	Reported  Status = "reported"
	Alleged   Status = "alleged"
	Disputed  Status = "disputed"
	Denied    Status = "denied"
)

// Statuses lists every valid non-empty Status in order.
var Statuses = []Status{Confirmed, Reported, Alleged, Disputed, Denied}

// Valid reports whether s is empty or one of Statuses.
func (s Status) Valid() bool { return s == "" || oneOf(s, Statuses) }

// Mark returns a one-cell sign for s that reads without colour:
// ✓ confirmed, • reported, ? alleged, ± disputed, ✗ denied, and a space
// when not assessed.
func (s Status) Mark() string {
	switch s {
	case Confirmed:
		return "✓"
	case Reported:
		return "•"
	case Alleged:
		return "?"
	case Disputed:
		return "±"
	case Denied:
		return "✗"
	}
	return " "
}

// Word returns s for people; "not assessed" when empty.
func (s Status) Word() string {
	if s == "" {
		return "not assessed"
	}
	return string(s)
}

// ParseStatus returns the Status named s, in any case and with spaces
// around it ("Alleged", as a spreadsheet capitalises it), or an error
// listing the valid ones and the one s is likely a slip for.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	if st == "" || !st.Valid() {
		names := make([]string, len(Statuses))
		for i, v := range Statuses {
			names[i] = string(v)
		}
		if near := Suggest(string(st), names); near != "" {
			return "", fmt.Errorf("status %q: %s (did you mean %q?)", s, notOneOf(Statuses), near)
		}
		return "", fmt.Errorf("status %q: %s", s, notOneOf(Statuses))
	}
	return st, nil
}

// Stance is a quote's stance toward its event's claim.
type Stance string

// Stances. The empty Stance means not stated.
const (
	Asserts Stance = "asserts"
	Denies  Stance = "denies"
	Context Stance = "context"
)

// Stances lists every valid non-empty Stance.
var Stances = []Stance{Asserts, Denies, Context}

// Valid reports whether s is empty or one of Stances.
func (s Stance) Valid() bool { return s == "" || oneOf(s, Stances) }

// Rel is how a linked event relates to the event that links to it.
type Rel string

// Rels. Each has an inverse (Rel.Inverse), used to show a link from the
// other side: an event that disputes another is disputed by it.
const (
	Disputes    Rel = "disputes"
	DisputedBy  Rel = "disputed-by"
	Supports    Rel = "supports"
	SupportedBy Rel = "supported-by"
	Follows     Rel = "follows"
	Precedes    Rel = "precedes"
	Related     Rel = "related"
)

// Rels lists every valid Rel.
var Rels = []Rel{Disputes, DisputedBy, Supports, SupportedBy, Follows, Precedes, Related}

var inverseRels = map[Rel]Rel{
	Disputes: DisputedBy, DisputedBy: Disputes,
	Supports: SupportedBy, SupportedBy: Supports,
	Follows: Precedes, Precedes: Follows,
	Related: Related,
}

// Valid reports whether r is one of Rels.
func (r Rel) Valid() bool { return oneOf(r, Rels) }

// Inverse returns the relation seen from the linked event.
func (r Rel) Inverse() Rel { return inverseRels[r] }

// Phrase returns the relation for people: "disputed by".
func (r Rel) Phrase() string {
	if r == Related {
		return "related to"
	}
	return strings.ReplaceAll(string(r), "-", " ")
}

// Verb returns the relation as the verb of a sentence about the event
// that states it: "disputes", "is disputed by", "is related to".
func (r Rel) Verb() string {
	p := r.Phrase()
	if strings.HasSuffix(p, " by") || strings.HasSuffix(p, " to") {
		return "is " + p
	}
	return p
}

func oneOf[T ~string](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}

// notOneOf phrases a vocabulary error: `not one of confirmed, reported, …`.
func notOneOf[T ~string](all []T) string {
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = string(a)
	}
	return fmt.Sprintf("not one of %s", strings.Join(names, ", "))
}
