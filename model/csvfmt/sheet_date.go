package csvfmt

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"chrono/model"
)

// sheetDateAdvice says what to write for a date cell as spreadsheets
// leave one when the column holds dates rather than text: a date with
// its midnight ("2017-04-03 00:00:00"), a serial number ("42800", Excel's
// count of days), a month and a two-digit year ("Mar-17"), or words
// around a year ("early 2018"). EDTF's own error would mislead there ("a
// year needs four digits"). ok is false for anything else.
func sheetDateAdvice(s string) (string, bool) {
	const asText = "; format the date column as text so that the spreadsheet keeps what is typed"
	if day, clock, ok := strings.Cut(s, " "); ok {
		if _, err := model.ParseDate(day); err == nil {
			if clock == "00:00:00" || clock == "00:00" {
				return "a spreadsheet's date and time: write the day alone, " + day + asText, true
			}
			if d, err := model.ParseDate(day + "T" + clock); err == nil {
				return "EDTF puts a T between the day and the time: write " + d.String() + asText, true
			}
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 10000 && n <= 99999 {
		day := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02")
		return fmt.Sprintf("a number, as a spreadsheet shows a date it counts in days (%d is %s in Excel's count): write the date in EDTF, %s if that is it%s; a year of five digits is Y%d", n, day, day, asText, n), true
	}
	if mon, yy, ok := strings.Cut(s, "-"); ok && len(yy) == 2 && isDigits(yy) {
		if m, err := time.Parse("Jan", mon); err == nil {
			return fmt.Sprintf("a month and a year of two digits, as a spreadsheet shows a date: write 20%s-%02d (or 19%s-%02d) in EDTF%s", yy, int(m.Month()), yy, int(m.Month()), asText), true
		}
	}
	for _, w := range strings.Fields(s) {
		if len(w) == 4 && isDigits(w) && len(strings.Fields(s)) > 1 {
			return "words around a date: write the date it means in EDTF (" + w + ", or an interval such as " + w + "-01/" + w + "-06 for its first half) and the words in date_text", true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
