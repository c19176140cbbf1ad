package csvfmt

import (
	"strings"

	"chrono/model"
)

// readStatus reads a status cell. Spreadsheets capitalise the first
// letter of what is typed in a cell ("Reported") and people type spaces
// after commas; neither changes the status. Anything else is kept as
// written, for the import to report.
func readStatus(s string) model.Status {
	if st := model.Status(strings.ToLower(strings.TrimSpace(s))); st.Valid() {
		return st
	}
	return model.Status(s)
}
