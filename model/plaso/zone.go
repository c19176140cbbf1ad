package plaso

import (
	"fmt"
	"strings"
	"time"

	// The zone database, for systems without one (Windows, slim
	// containers): l2tcsv names zones, and a missing database must not
	// refuse a file that a complete system reads.
	_ "time/tzdata"
)

// zones looks up l2tcsv's timezone names, each once.
type zones map[string]*time.Location

// lookup returns the zone a timezone cell names, or what is wrong.
func (z zones) lookup(name string) (*time.Location, string) {
	if loc, ok := z[name]; ok {
		return loc, ""
	}
	var loc *time.Location
	switch {
	case name == "" || name == "-":
		return nil, "timezone: missing: l2tcsv names the zone its dates and times are in (UTC, Europe/Amsterdam)"
	case strings.EqualFold(name, "UTC"), name == "Z", strings.EqualFold(name, "GMT"):
		loc = time.UTC
	case name == "Local" || strings.HasPrefix(name, "/") || strings.Contains(name, ".."):
		// Local is this machine's zone, not the one the file was written
		// in; paths are not zone names.
		return nil, fmt.Sprintf("timezone %q: not a zone name: write UTC or a name from the IANA database, such as Europe/Amsterdam", name)
	default:
		var err error
		if loc, err = time.LoadLocation(name); err != nil {
			return nil, fmt.Sprintf("timezone %q: not a zone chrono knows: write UTC or a name from the IANA database, such as Europe/Amsterdam", name)
		}
	}
	z[name] = loc
	return loc, ""
}
