// Package columns lays rows of cells out in aligned columns that fit a
// terminal's width: a listing's long cells (a title, a URL) are
// shortened with an ellipsis, and what is typed again (an id, a date)
// is kept whole.
package columns

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Gap is the spaces between two columns.
const Gap = 2

// Column says how a column's cells give way to a terminal's width.
type Column struct {
	// Shrinks lets the column's cells be shortened, with an ellipsis;
	// a column that does not shrink (an id, a date, a count) is kept
	// whole, as it is read and typed again.
	Shrinks bool
	// Tail, when a cell ends with it, is kept after the cell shortened:
	// the ")" of "(deleted by …)".
	Tail string
	// Least, when set, is the fewest cells the column gives way to while
	// the other shrinking columns can still give way: a title that says
	// what the line is keeps that much before who deleted it is cut.
	Least int
	// Drops leaves the column out, rather than shorten it past its
	// Least, when the others cannot give way enough: who deleted an
	// event, cut to "(del…)", says nothing.
	Drops bool
}

// least is the fewest cells a shrinking column is shortened to: fewer
// says nothing. Narrower than that, the lines are cut at the width.
const least = 6

// Lay lays rows out, each cell padded to its column's width and the
// columns Gap apart, the last unpadded and no line ending in spaces.
// A width of 0 (a pipe, a file) keeps every cell whole. Wider rows
// than width have the shrinking columns share what room the others
// leave, each no wider than it needs (a short publisher keeps its
// room, the long title and URL share the rest), their cells shortened
// with "…" at a grapheme's edge, never inside a character; a column
// keeps its Least while the others can give way, and one that Drops is
// left out before it is shortened past it; when even that is too wide,
// each line is cut at width.
func Lay(rows [][]string, cols []Column, width int) []string {
	widths, cut := laid(rows, cols, width)
	out := make([]string, len(rows))
	for r, row := range rows {
		var b strings.Builder
		for i, c := range cols {
			if widths[i] < 0 {
				continue // left out
			}
			cell := ""
			if i < len(row) {
				cell = fit(row[i], widths[i], c.Tail)
			}
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+Gap))
		}
		line := strings.TrimRight(b.String(), " ")
		if cut {
			line = ansi.Truncate(line, width, "…")
		}
		out[r] = line
	}
	return out
}

// Shortened is the most cells a cell is given by Lay in the columns it
// shortens, or 0 when the rows fit whole: a listing too narrow for its
// cells to say anything may be laid out otherwise.
func Shortened(rows [][]string, cols []Column, width int) int {
	widths, cut := laid(rows, cols, width)
	if cut {
		return least
	}
	most := 0
	for i, w := range natural(rows, len(cols)) {
		if widths[i] >= 0 && widths[i] < w {
			most = max(most, widths[i])
		}
	}
	return most
}

// laid is the width of each column as Lay lays it out, -1 for one left
// out (Drops), and whether its lines are cut at width after all.
func laid(rows [][]string, cols []Column, width int) ([]int, bool) {
	whole := natural(rows, len(cols))
	widths := slices.Clone(whole)
	for {
		total := -Gap
		for _, w := range widths {
			if w >= 0 {
				total += w + Gap
			}
		}
		if width <= 0 || total <= width {
			return widths, false
		}
		over := total - width
		over = share(widths, cols, over, func(c Column) int { return max(c.Least, least) })
		if over == 0 {
			return widths, false
		}
		// The others gave way as far as they say something: a column
		// that drops is left out, and the rest laid out again without it.
		i := -1
		for j, c := range cols {
			if c.Drops && widths[j] >= 0 {
				i = j
				break
			}
		}
		if i < 0 {
			return widths, share(widths, cols, over, func(Column) int { return least }) > 0
		}
		for j := range widths {
			if widths[j] >= 0 {
				widths[j] = whole[j]
			}
		}
		widths[i] = -1
	}
}

// natural is the width of each of n columns with its cells whole.
func natural(rows [][]string, n int) []int {
	widths := make([]int, n)
	for _, row := range rows {
		for i := 0; i < n && i < len(row); i++ {
			widths[i] = max(widths[i], ansi.StringWidth(row[i]))
		}
	}
	return widths
}

// share takes over cells from the shrinking columns' widths, the widest
// giving way first so that what is left is shared evenly: a column
// narrower than its share keeps its width. None gives way past floor;
// what is left over is returned.
func share(widths []int, cols []Column, over int, floor func(Column) int) int {
	for over > 0 {
		widest := -1
		for i, c := range cols {
			if c.Shrinks && widths[i] > floor(c) && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return over
		}
		widths[widest]--
		over--
	}
	return 0
}

// fit shortens cell to at most w cells with an ellipsis, keeping tail
// after it when the cell ends with it.
func fit(cell string, w int, tail string) string {
	if ansi.StringWidth(cell) <= w {
		return cell
	}
	if tail != "" && strings.HasSuffix(cell, tail) && ansi.StringWidth(tail)+1 < w {
		return ansi.Truncate(strings.TrimSuffix(cell, tail), w-ansi.StringWidth(tail), "…") + tail
	}
	return ansi.Truncate(cell, w, "…")
}
