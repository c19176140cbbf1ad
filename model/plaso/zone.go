package plaso

import (
	"fmt"
	"strings"
	"time"

	"chrono/model"

	// The zone database, for systems without one (Windows, slim
	// containers): l2tcsv names zones, and a missing database must not
	// refuse a file that a complete system reads.
	_ "time/tzdata"
)

// zone is what a timezone cell says: the clock its date and time are on,
// and what reading it took for granted.
type zone struct {
	loc *time.Location
	// abbr is the abbreviation the cell wrote when loc is a place that
	// uses it at some times only (MSK, read in Europe/Moscow): in the
	// hour a clock change repeats, it says which of the two was meant.
	abbr string
	// assumed is set when more than one zone writes the abbreviation and
	// the usual one was taken: it counts every row read in it (from
	// since and before until, when set), so the guess is not silent.
	assumed      *model.Loss
	since, until time.Time
}

// zones looks up l2tcsv's timezone names, each once.
type zones map[string]zone

// lookup returns the zone a timezone cell names, or what is wrong. An
// IANA name comes first, so CET, EST and the like keep the meaning the
// zone database gives them; then the abbreviations psort writes for a
// zone other than UTC (CEST, EDT), and the offsets it writes for a zone
// without one (+03, -0330).
func (z zones) lookup(name string) (zone, string) {
	if zn, ok := z[name]; ok {
		return zn, ""
	}
	var zn zone
	switch {
	case name == "" || name == "-":
		return zone{}, "timezone: missing: l2tcsv names the zone its dates and times are in (UTC, Europe/Amsterdam)"
	case strings.EqualFold(name, "UTC"), name == "Z", strings.EqualFold(name, "GMT"):
		zn.loc = time.UTC
	case name == "Local" || strings.HasPrefix(name, "/") || strings.Contains(name, ".."):
		// Local is this machine's zone, not the one the file was written
		// in; paths are not zone names.
		return zone{}, fmt.Sprintf("timezone %q: not a zone name: write UTC or a name from the IANA database, such as Europe/Amsterdam", name)
	default:
		loc, err := time.LoadLocation(name)
		if err == nil {
			zn.loc = loc
			break
		}
		if upper := strings.ToUpper(name); upper != name && !strings.Contains(name, "/") {
			// The zone database's names without a place (CET, EST,
			// MST) in lower case, as a file made by hand may write them.
			if loc, err := time.LoadLocation(upper); err == nil {
				zn.loc = loc
				break
			}
		}
		var msg string
		if zn, msg = abbreviated(name); msg != "" {
			return zone{}, msg
		}
	}
	z[name] = zn
	return zn, ""
}
