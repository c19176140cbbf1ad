package csvfmt

import (
	"errors"
	"fmt"
	"strings"

	"chrono/model"
)

// parseDate reads a date cell, which is EDTF and never guarded, and
// returns what is wrong with it or "".
func parseDate(s string) (model.Date, string) {
	// "ev1, 2017-08-14, Call", as people type CSV: the spaces around a
	// date say nothing, unlike those of a title or a quote, kept as typed.
	s = strings.TrimSpace(s)
	d, err := model.ParseDate(s)
	if err == nil {
		return d, ""
	}
	// A date as people write it ("4 March 2019") is not EDTF; the error
	// ParseDate makes of it ("a year needs four digits") would mislead,
	// so say the EDTF to write instead.
	if read, rerr := model.ReadDate(s); rerr == nil && !read.IsZero() {
		return model.Date{}, fmt.Sprintf("date %q: chrono CSV dates are EDTF: write it %s", s, read.String())
	}
	msg := err.Error()
	var de *model.DateError
	switch {
	case !errors.As(err, &de) || !looksReformatted(s):
	case model.HandWrittenDate(s):
		// The message says the EDTF this date would be: another
		// example beside it would only confuse.
		msg += ": a spreadsheet may have reformatted the date; format the date column as text"
	default:
		msg += ": a spreadsheet may have reformatted the date; write it in EDTF (2017-08-14) and format the date column as text"
	}
	return model.Date{}, msg
}

// looksReformatted reports whether s begins the way spreadsheets write
// dates for people (14/08/2017, 8/14/17, 14.08.2017): one or two digits,
// then a separator. EDTF years have four digits at least.
func looksReformatted(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return (i == 1 || i == 2) && i < len(s) && (s[i] == '/' || s[i] == '.' || s[i] == '-')
}
