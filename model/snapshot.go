package model

import "time"

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
}
