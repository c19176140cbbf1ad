package main

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestTrashAt80: chrono trash at a terminal of 80 columns keeps each
// event's line within it, the time and the id whole and the title
// shortened with an ellipsis, never inside a character (the Japanese
// title's take two columns each); who deleted it, which would be cut to
// nothing, is left out.
func TestTrashAt80(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	mustChrono(t, db, "add", "--id", "minister-repeats-denial", "--date", "2019",
		"--title", "The minister says again that nothing was known of the sale of the interception software")
	mustChrono(t, db, "add", "--id", "kisha-kaiken", "--date", "2019",
		"--title", "記者会見で大臣は監視ソフトウェアの輸出について何も知らなかったと繰り返した")
	mustChrono(t, db, "--author", "investigations-desk@newsroom-workstation.example.org", "rm", "minister-repeats-denial", "kisha-kaiken", "fbi-tip")
	said := transcriptAt80(t, db, false, [][]string{{"trash"}})
	golden.RequireEqual(t, clockTimes.ReplaceAllString(said, "YYYY-MM-DD HH:MM"))
}
