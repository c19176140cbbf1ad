package main

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestLogSaysSnapshotChanges: the log names the snapshot an entry kept
// or withdrew, with its hash, as it names the sources and events an
// entry changed: "kept a snapshot of source wapo" alone did not say
// which bytes quotes were checked against from then on, nor what an undo
// of it withdrew.
func TestLogSaysSnapshotChanges(t *testing.T) {
	const text = "We drop bags of money at your office."
	sum := sha256.Sum256([]byte(text))
	short := hex.EncodeToString(sum[:])[:16]
	db := attachedStore(t, "article.txt", text)
	mustChrono(t, db, "undo")
	log := mustChrono(t, db, "log", "-n", "2").stdout
	for _, want := range []string{
		"kept a snapshot of source wapo\n       source wapo snapshot 1 kept (sha256 " + short + ")\n",
		"undid #2: kept a snapshot of source wapo\n       source wapo snapshot 1 withdrawn (sha256 " + short + ")\n",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}
