package timelinejs

import (
	"strings"

	"chrono/model"
)

// Some of chrono's labels do not read back as their date: a year's
// unspecified digits are labelled as the span they leave ("2000–2099"
// for 20XX), which typed in reads as an interval; and a year, decade or
// century before 1000 was labelled without its era ("500?", "990s",
// "900–999"), which is not read as a year at all, as three digits are
// too often something else (chrono now labels them "500 CE?", "990s CE"
// and "900–999 CE", and still reads files that have the earlier label).
// A year's significant digits, said in words ("1950 (to 2 significant
// digits)"), ReadDate reads back, and as it was labelled before in the
// plural for one digit ("1950 (to 1 significant digits)"). Exported
// to TimelineJS, such a date is in display_date as its label, beside
// start_date and end_date: the date is then found among those the fields
// allow, the one whose label display_date is.

// unreadLabel returns the date whose label is label among the dates with
// fields' start_date and end_date that chrono labels in a way ReadDate
// does not read back.
func unreadLabel(label string, fields model.Date) (model.Date, bool) {
	var candidates []string
	edtf := fields.String()
	if d, err := model.ReadDate(label); err == nil {
		candidates = append(candidates, d.String())
	}
	if year, rest, ok := yearDigits(edtf); ok {
		for k := 1; k <= 2; k++ { // as many as EDTF lets be X
			// The fields hold the span's first year: 2000 for 20XX,
			// -0199 for -01XX, whose last digits the X stand for.
			candidates = append(candidates, year.sign+year.digits[:len(year.digits)-k]+strings.Repeat("X", k)+rest)
		}
	}
	for _, q := range []string{"?", "~", "%"} {
		candidates = append(candidates, edtf+q)
	}
	want, _, _ := timelineDates(fields)
	for _, c := range candidates {
		d, err := model.ParseDate(c)
		if err != nil || (d.Label() != label && eraless(d.Label()) != label && onePlural(d.Label()) != label) {
			continue
		}
		if start, _, _ := timelineDates(d); start.equal(want) {
			return d, true
		}
	}
	return model.Date{}, false
}

// signedDigits is a year as EDTF writes it: its sign and four digits.
type signedDigits struct{ sign, digits string }

// yearDigits splits an EDTF date of a year of four digits into the year
// and what follows it ("-08-14").
func yearDigits(edtf string) (signedDigits, string, bool) {
	var y signedDigits
	if rest, ok := strings.CutPrefix(edtf, "-"); ok {
		y.sign, edtf = "-", rest
	}
	if len(edtf) < 4 || strings.ContainsFunc(edtf[:4], func(r rune) bool { return r < '0' || r > '9' }) {
		return y, "", false
	}
	if len(edtf) > 4 && edtf[4] != '-' {
		return y, "", false
	}
	y.digits = edtf[:4]
	return y, edtf[4:], true
}

// eraless is a label as chrono wrote it before a year of fewer than four
// digits said its era: "500?" for what is now "500 CE?".
func eraless(label string) string { return strings.ReplaceAll(label, " CE", "") }

// onePlural is a label as chrono wrote it before one significant digit
// was said in the singular: "1950 (to 1 significant digits)".
func onePlural(label string) string {
	return strings.Replace(label, "(to 1 significant digit)", "(to 1 significant digits)", 1)
}
