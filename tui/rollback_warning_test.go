package tui

import (
	"strings"
	"testing"
	"time"
)

// TestWarningStaysOnTheStatusLine: a warning given as the browser opens
// (a store read as before its last change) is on the status line from
// the start, as an error that waits for a key rather than fading.
func TestWarningStaysOnTheStatusLine(t *testing.T) {
	const warning = "store x.db reads as before its last change; run chrono check --store"
	m := New(exampleStore(t), Options{Now: func() time.Time { return noted }, Warning: warning})
	m.Init()
	if !strings.Contains(m.status.text, warning) || !m.status.err {
		t.Errorf("status line %q (error %v), want the warning, kept", m.status.text, m.status.err)
	}
}
