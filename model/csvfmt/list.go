package csvfmt

import (
	"strings"

	"chrono/model"
)

// listSep separates the items of an actors or tags cell.
const listSep = ';'

// joinList writes items as one cell: separated by semicolons, with a
// backslash before each semicolon or backslash inside an item. Items are
// trimmed of surrounding spaces and blank ones left out, as splitList would
// read them; each is counted in losses.
func joinList(items []string, losses *model.Losses) string {
	var b strings.Builder
	first := true
	for _, item := range items {
		trimmed := strings.TrimSpace(item)
		switch {
		case trimmed == "":
			losses.Add(DroppedItem, 1)
			continue
		case trimmed != item:
			losses.Add(TrimmedItem, 1)
		}
		if !first {
			b.WriteByte(listSep)
		}
		first = false
		for i := 0; i < len(trimmed); i++ {
			if c := trimmed[i]; c == listSep || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(trimmed[i])
		}
	}
	return b.String()
}

// splitList reads a cell written by joinList, or typed by hand: items
// separated by semicolons, "\;" and "\\" standing for a semicolon and a
// backslash (any other backslash is itself). Items are trimmed; blank ones
// are skipped, as a trailing semicolon is common in hand-edited sheets.
func splitList(cell string) []string {
	var items []string
	var b strings.Builder
	end := func() {
		if item := strings.TrimSpace(b.String()); item != "" {
			items = append(items, item)
		}
		b.Reset()
	}
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		switch {
		case c == '\\' && i+1 < len(cell) && (cell[i+1] == listSep || cell[i+1] == '\\'):
			i++
			b.WriteByte(cell[i])
		case c == listSep:
			end()
		default:
			b.WriteByte(c)
		}
	}
	end()
	return items
}
