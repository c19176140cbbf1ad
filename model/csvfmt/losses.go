package csvfmt

import (
	"fmt"
	"unicode/utf8"

	"chrono/model"
)

// What an export to CSV cannot carry, counted in the caller's Losses.
var (
	LostTitle       = model.Loss{One: "investigation title not exported", Many: "investigation titles not exported"}
	LostDescription = model.Loss{One: "investigation description not exported", Many: "investigation descriptions not exported"}
	LostLink        = model.Loss{One: "link not exported", Many: "links not exported"}
	LostNote        = model.Loss{One: "note not exported", Many: "notes not exported"}
	// LostMedium counts the events' media: the eleven columns are the
	// layout, with no place for them.
	LostMedium = model.Loss{One: "medium not exported", Many: "media not exported"}
	// LostUncitedSource counts sources no exported event cites: a row
	// carries only the sources it cites.
	LostUncitedSource = model.Loss{One: "source cited by no exported event left out", Many: "sources cited by no exported event left out"}
	// LostCarriageReturn counts carriage returns before a line break,
	// which CSV readers drop (CRLF reads as LF), so Write drops them and
	// says so.
	LostCarriageReturn = model.Loss{One: "carriage return before a line break dropped", Many: "carriage returns before line breaks dropped"}
	// TrimmedItem counts actors and tags with spaces around them, which
	// a list cell cannot keep (import trims them).
	TrimmedItem = model.Loss{One: "actor or tag trimmed of surrounding spaces", Many: "actors or tags trimmed of surrounding spaces"}
	// DroppedItem counts blank actors and tags, which a list cell cannot
	// hold.
	DroppedItem = model.Loss{One: "blank actor or tag dropped", Many: "blank actors or tags dropped"}
)

// maxNameLen bounds how much of an unknown column's name a loss repeats.
const maxNameLen = 40

// UnknownColumn is what import loses of a column it does not know: one
// per non-empty cell, e.g. `3 cells of unknown column "reviewer" ignored`,
// offering the column a misspelt name means, as chrono JSON offers a field.
// name is the header cell with its surrounding spaces trimmed.
func UnknownColumn(name string) model.Loss {
	what := "unnamed column"
	if name != "" {
		if utf8.RuneCountInString(name) > maxNameLen {
			name = string([]rune(name)[:maxNameLen]) + "…"
		}
		what = fmt.Sprintf("unknown column %q", name) // %q: the name came from the file
		if near := model.Suggest(headerName(name), columnNames[:]); near != "" {
			what += fmt.Sprintf(" (did you mean %q?)", near)
		}
	}
	return model.Loss{One: "cell of " + what + " ignored", Many: "cells of " + what + " ignored"}
}
