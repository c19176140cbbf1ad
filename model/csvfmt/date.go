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
	// A date as people write it ("4 March 2019"), or a source's words
	// for one ("last year"), says what to write instead.
	if advice := model.DateAdvice(s, "chrono CSV"); advice != "" {
		return model.Date{}, fmt.Sprintf("date %q: %s", s, advice)
	}
	if advice, ok := sheetDateAdvice(s); ok {
		return model.Date{}, fmt.Sprintf("date %q: %s", s, advice)
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
