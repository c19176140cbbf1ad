package model

import (
	"fmt"
	"time"
)

// Snapshot is one kept copy of a source's content.
type Snapshot struct {
	Source    string    // the source's id
	N         int       // 1, 2, ... in the order they were attached
	SHA256    string    // lowercase hex of the original bytes
	Size      int64     // bytes of the original
	MediaType string    // "text/plain", "text/html", "text/markdown", "application/pdf"
	Taken     time.Time // when it was attached (or the time given by the user)
	Origin    string    // a file name, a URL given by the user, or "stdin"
	TextSize  int64     // bytes of the extracted readable text (UTF-8)
	// TextSHA256 is the lowercase hex SHA-256 of that text, which quotes
	// are checked against: kept, and named in the journal, so that
	// changing the text is found as changing the bytes is. Empty for a
	// snapshot attached before chrono kept it.
	TextSHA256 string
}

// The media types a snapshot may have.
const (
	MediaText     = "text/plain"
	MediaHTML     = "text/html"
	MediaMarkdown = "text/markdown"
	MediaPDF      = "application/pdf"
)

// SnapshotRef is how the journal names a snapshot: by its source, its
// number and the hash of its bytes. Withdrawn is set when the change took
// the snapshot away (an undone attach) rather than kept it.
type SnapshotRef struct {
	Source string `json:"source"`
	N      int    `json:"n"`
	SHA256 string `json:"sha256"`
	// TextSHA256 is the hash of its text (Snapshot.TextSHA256), when kept.
	TextSHA256 string `json:"text_sha256,omitempty"`
	Withdrawn  bool   `json:"withdrawn,omitempty"`
}

// Ref is the journal's name for s.
func (s *Snapshot) Ref() SnapshotRef {
	return SnapshotRef{Source: s.Source, N: s.N, SHA256: s.SHA256, TextSHA256: s.TextSHA256}
}

// revertSnapshot reverses what an entry did to a snapshot: an attach is
// withdrawn, a withdrawal brought back. The bytes stay in the store while
// withdrawn, so that an undone attach can be redone.
func revertSnapshot(tx Tx, r SnapshotRef) error {
	if err := tx.WithdrawSnapshot(r.Source, r.N, !r.Withdrawn); err != nil {
		return fmt.Errorf("snapshot %d of source %q: %w", r.N, r.Source, err)
	}
	return nil
}
