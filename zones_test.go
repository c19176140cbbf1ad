package main

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// TestCLITimeZones: list and show print times written with an offset as
// written, in UTC, or in the reader's zone as --tz says, and times
// without one as local where they happened, never converted; show gives
// the time as written too. The reader's zone is made +01:00 here.
func TestCLITimeZones(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("", 3600)
	t.Cleanup(func() { time.Local = saved })
	steps := []string{"import testdata/import/zones.json", "list --during 2020-03",
		"list --during 2020-03 --tz utc", "list --during 2020-03 --tz local", "show call --tz utc", "show call",
		"show meeting --tz local", "list --tz paris", "show call --tz"}
	db := newDB(t)
	var results []result
	for _, step := range steps {
		results = append(results, chrono(t, db, "", strings.Split(step, " ")...))
	}
	golden.RequireEqual(t, transcript(db, steps, results))
}
