package model

import (
	"fmt"
	"strings"
)

// ReadDuring reads a date to select events by (list --during, the filter
// picker, go to date) as ReadDate does, but for a time of day typed to
// the minute ("14 Aug 2007 20:30 UTC"), which is the whole minute:
// ReadDate makes it 20:30:00, as EDTF's times have seconds, and an event
// at 20:30:34 would not overlap it. So for deep time as chrono labels it
// ("13.8 billion years ago"): the label names both the year of that
// number BCE and the year of that magnitude (YearLabel), a year apart,
// and selects both.
func ReadDuring(s string) (Date, error) {
	d, err := ReadDate(s)
	if err != nil || d.IsInterval() || d.Qualifier() != 0 {
		return d, err
	}
	if strings.HasSuffix(strings.TrimSpace(s), " years ago") && d.Precision() == PrecisionYear {
		y, _, _, _, _, _, _ := d.Parts()
		if both, err := ParseDate(edtfYear(y-1) + "/" + edtfYear(y)); err == nil {
			return both, nil
		}
		return d, nil
	}
	if d.Precision() != PrecisionSecond {
		return d, nil
	}
	_, _, _, hour, minute, second, nanos := d.Parts()
	minuteTyped := fmt.Sprintf("%02d:%02d", hour, minute)
	if second != 0 || nanos != 0 || !typedToTheMinute(s, minuteTyped) {
		return d, nil
	}
	edtf := d.String()
	at := strings.Index(edtf, "T"+minuteTyped+":00")
	if at < 0 {
		return d, nil
	}
	end := edtf[:at] + "T" + minuteTyped + ":59" + edtf[at+len("T"+minuteTyped+":00"):]
	whole, err := ParseDate(edtf + "/" + end)
	if err != nil {
		return d, nil // the minute as typed is still a date to select by
	}
	return whole, nil
}

// typedToTheMinute reports whether s gives the clock hh:mm without its
// seconds ("20:30" but not "20:30:00"; "9:30" for 09:30).
func typedToTheMinute(s, hhmm string) bool {
	for _, clock := range []string{hhmm, strings.TrimPrefix(hhmm, "0")} {
		for i := strings.Index(s, clock); i >= 0; {
			end := i + len(clock)
			// Not a clock's seconds, nor an offset's hours: "+01:00".
			before := i == 0 || (s[i-1] < '0' || s[i-1] > '9') && s[i-1] != '+' && s[i-1] != '-' && s[i-1] != ':'
			if before && (end == len(s) || s[end] != ':' && (s[end] < '0' || s[end] > '9')) {
				return true
			}
			next := strings.Index(s[end:], clock)
			if next < 0 {
				break
			}
			i = end + next
		}
	}
	return false
}
