package plaso

import (
	"fmt"
	"strings"
	"time"

	"chrono/model"
)

// abbreviation is what a zone abbreviation in psort's timezone column
// denotes. psort writes the abbreviation of the zone's state at that
// moment (pytz's tzname: CEST in summer, CET in winter), so a fixed
// offset is exact for the row.
type abbreviation struct {
	offset string // the UTC offset it denotes, as +02:00
	// zone is an IANA zone to read the row in instead, for an
	// abbreviation whose offset changed over the years.
	zone string
	// assumed, for an abbreviation other zones write too, read as the
	// one psort users mostly meet, is the loss that counts the rows read
	// in it; since and until, when set, are the days the others began
	// and stopped writing it (as 2006-01-02): rows outside are not
	// guesses.
	assumed      *model.Loss
	since, until string
	// places, for an abbreviation several zones write with none to be
	// preferred, names them; such a row is refused.
	places string
}

// abbreviations are the zone abbreviations read, by how the zone
// database writes them today. Names that are IANA zones too (CET, EET,
// WET, MET, EST, MST, HST) are read as those zones, which agree with
// them.
var abbreviations = map[string]abbreviation{
	// Europe and Africa.
	"WEST": {offset: "+01:00"},
	"BST":  {offset: "+01:00"}, // British Summer Time
	"CEST": {offset: "+02:00"},
	"MEST": {offset: "+02:00"},
	"EEST": {offset: "+03:00"},
	// Moscow kept summer time all year from March 2011 to October 2014
	// and called it MSK (+04:00): Europe/Moscow knows when.
	"MSK":  {zone: "Europe/Moscow"},
	"MSD":  {offset: "+04:00"},
	"WAT":  {offset: "+01:00"},
	"CAT":  {offset: "+02:00"},
	"SAST": {offset: "+02:00"},
	"EAT":  {offset: "+03:00"},
	"IDT":  {offset: "+03:00"}, // Israel Daylight Time
	// Asia and the Pacific. KST is Korea's +09:00; North Korea wrote it
	// for +08:30 too, from 15 August 2015 to 4 May 2018 (Asia/Pyongyang):
	// rows of those days are counted.
	"PKT":  {offset: "+05:00"},
	"WIB":  {offset: "+07:00"},
	"WITA": {offset: "+08:00"},
	"HKT":  {offset: "+08:00"},
	"AWST": {offset: "+08:00"},
	"AWDT": {offset: "+09:00"},
	"WIT":  {offset: "+09:00"},
	"JST":  {offset: "+09:00"},
	"KST":  {offset: "+09:00", assumed: &AssumedSouthKorean, since: "2015-08-15", until: "2018-05-05"},
	"ACST": {offset: "+09:30"},
	"ACDT": {offset: "+10:30"},
	"AEST": {offset: "+10:00"},
	"AEDT": {offset: "+11:00"},
	"ChST": {offset: "+10:00"},
	"NZST": {offset: "+12:00"},
	"NZDT": {offset: "+13:00"},
	"SST":  {offset: "-11:00"}, // Samoa
	// The Americas. A psort with a zone database of before 2017 wrote AST
	// for Arabia's +03:00 too, in any year, and ADT for Baghdad's summer
	// time (+04:00), which Iraq kept from 1982 to 2007: rows in AST, and
	// in ADT of those years, are counted.
	"NDT":  {offset: "-02:30"},
	"NST":  {offset: "-03:30"},
	"ADT":  {offset: "-03:00", assumed: &AssumedAtlantic, since: "1982-05-01", until: "2007-10-02"},
	"AST":  {offset: "-04:00", assumed: &AssumedAtlantic},
	"EDT":  {offset: "-04:00"},
	"CDT":  {offset: "-05:00", assumed: &AssumedNorthAmerican}, // China wrote it to 1991, Cuba writes it for -04:00
	"CST":  {offset: "-06:00", assumed: &AssumedNorthAmerican}, // China and Taiwan write it for +08:00, Cuba for -05:00
	"MDT":  {offset: "-06:00"},
	"PDT":  {offset: "-07:00"},                                 // the Philippines wrote it for +09:00, last in 1990
	"PST":  {offset: "-08:00", assumed: &AssumedNorthAmerican}, // the Philippines write it for +08:00
	"AKDT": {offset: "-08:00"},
	"AKST": {offset: "-09:00"},
	"HDT":  {offset: "-09:00"},
	// India, Israel and Ireland all write IST, each with its own
	// offset, and none is the one to assume.
	"IST": {places: "India (+05:30, Asia/Kolkata), Israel (+02:00, Asia/Jerusalem) or Ireland in summer (+01:00, Europe/Dublin)"},
}

// abbreviationSpelling is each abbreviation's spelling, by its upper case.
var abbreviationSpelling = func() map[string]string {
	m := make(map[string]string, len(abbreviations))
	for k := range abbreviations {
		m[strings.ToUpper(k)] = k
	}
	return m
}()

// abbreviated returns the zone an abbreviation (CEST) or an offset (+03,
// -0330, +05:30) names, or what is wrong.
func abbreviated(name string) (zone, string) {
	// psort writes abbreviations as the zone database spells them (CEST,
	// ChST); a file made or edited by hand may not ("cest").
	spelt, ok := name, false
	if _, ok = abbreviations[name]; !ok {
		spelt, ok = abbreviationSpelling[strings.ToUpper(name)]
	}
	a := abbreviations[spelt]
	switch {
	case !ok:
		off, ok := parseOffset(name)
		if !ok {
			return zone{}, fmt.Sprintf("timezone %q: not a zone chrono knows: write UTC, a name from the IANA database such as Europe/Amsterdam, an abbreviation such as CEST, or an offset such as +05:30", name)
		}
		return zone{loc: time.FixedZone(name, off)}, ""
	case a.places != "":
		return zone{}, fmt.Sprintf("timezone %q: an abbreviation more than one zone writes: %s; re-run psort with --output_time_zone UTC, or write the zone's IANA name in the timezone column", name, a.places)
	case a.zone != "":
		loc, err := time.LoadLocation(a.zone)
		if err != nil {
			return zone{}, fmt.Sprintf("timezone %q: read in %s, which the zone database lacks: %v", name, a.zone, err)
		}
		return zone{loc: loc, abbr: spelt}, ""
	}
	off, _ := parseOffset(a.offset) // well formed: a test reads them all
	z := zone{loc: time.FixedZone(spelt, off), assumed: a.assumed}
	if a.since != "" {
		// Days of the zone's own clock, as the rows are written. Well
		// formed: a test reads them all.
		z.since, _ = time.ParseInLocation(time.DateOnly, a.since, z.loc)
		z.until, _ = time.ParseInLocation(time.DateOnly, a.until, z.loc)
	}
	return z, ""
}

// parseOffset reads a UTC offset as pytz writes one for a zone without
// an abbreviation (+03, -0330) or as ISO 8601 does (+05:30), in seconds
// east of UTC. Offsets beyond ±14:00, which no zone has, are not read.
func parseOffset(s string) (int, bool) {
	if len(s) < 3 || s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	digits := s[1:]
	if len(digits) == 5 && digits[2] == ':' {
		digits = digits[:2] + digits[3:]
	}
	if len(digits) != 2 && len(digits) != 4 {
		return 0, false
	}
	n := 0
	for i := range len(digits) {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
		n = n*10 + int(digits[i]-'0')
	}
	hours, minutes := n, 0
	if len(digits) == 4 {
		hours, minutes = n/100, n%100
	}
	if minutes > 59 || hours*60+minutes > 14*60 {
		return 0, false
	}
	off := (hours*60 + minutes) * 60
	if s[0] == '-' {
		off = -off
	}
	return off, true
}
