package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/termtext"
)

// snapshotWords says what an entry did to one snapshot: kept it or
// withdrew it, with the first 16 hex digits of its SHA-256, so that the
// log names the bytes the source's quotes are checked against from then
// on, as the journal records them.
func snapshotWords(r model.SnapshotRef) string {
	did := "kept"
	if r.Withdrawn {
		did = "withdrawn"
	}
	sum := r.SHA256
	if len(sum) > 16 {
		sum = sum[:16]
	}
	return fmt.Sprintf("source %s snapshot %d %s (sha256 %s)", termtext.Line(r.Source), r.N, did, termtext.Line(sum))
}
