package csvfmt

import (
	"bytes"
	"encoding/csv"
)

// Detect reports whether head, the first bytes of a file (possibly cut
// mid-row), is chrono CSV: its first row is a header naming at least the
// id and title columns, all Read needs.
func Detect(head []byte) bool {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(head, []byte(bom))))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return false
	}
	var found [numColumns]bool
	for _, cell := range header {
		if c, ok := knownColumn(cell); ok {
			found[c] = true
		}
	}
	return found[colID] && found[colTitle]
}
