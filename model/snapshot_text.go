package model

import (
	"fmt"
	"io"
	"strings"
)

// ReadSnapshotText reads the text of snapshot n of source whole, its
// error saying which snapshot.
func ReadSnapshotText(r Reader, source string, n int) (string, error) {
	rc, err := r.SnapshotText(source, n)
	if err != nil {
		return "", fmt.Errorf("source %q, snapshot %d: reading its text: %w", source, n, err)
	}
	defer rc.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, rc); err != nil {
		return "", fmt.Errorf("source %q, snapshot %d: reading its text: %w", source, n, err)
	}
	return b.String(), nil
}
